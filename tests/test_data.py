"""The real data holds to its own rules: one test id per file, and the seed claims kept honest."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT
from dlkb.catalog import Catalog
from dlkb.model import Claim, Framework
from dlkb.yamlload import load_text

DATA = ROOT / "data"
FILES = sorted((DATA / "frameworks").glob("*.yaml"))
EXPECTED_IDS = {"caffe", "caffe2", "fastai", "pycaret", "torch", "theano", "tensorflow", "keras", "cntk",
                "chainer", "dsstne", "dynet", "mxnet", "paddle", "bigdl", "pytorch"}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_record_validates(path: Path) -> None:
    """Each record parses cleanly and fits the model, on its own (a broken one fails only here)."""
    doc, problems = load_text(path.read_bytes(), path.name)
    assert problems == []
    assert Framework.model_validate(doc.data).id == path.stem


def test_cross_record_rules_hold_for_the_whole_set(catalog: Catalog) -> None:
    assert sorted(catalog.frameworks) == [p.stem for p in FILES]  # references and all, loaded


def test_the_sixteen_frameworks_are_all_there(catalog: Catalog) -> None:
    assert set(catalog.frameworks) >= EXPECTED_IDS


@pytest.mark.parametrize("fw_id", sorted(EXPECTED_IDS))
def test_record_is_complete(catalog: Catalog, fw_id: str) -> None:
    fw = catalog.frameworks[fw_id]
    assert len(fw.pros) >= 3 and len(fw.cons) >= 2
    sentences = re.findall(r"[.!?](?:\s|$)", fw.summary_ko)
    assert 2 <= len(sentences) <= 4, fw.summary_ko
    assert re.search(r"[가-힣]", fw.name_ko)
    assert fw.last_verified <= dt.date.today()
    for claim in fw.pros + fw.cons:
        assert claim.as_of and claim.sources
        assert claim.text_ko.rstrip().endswith("."), claim.text_ko  # full sentences
        if not claim.still_true:
            assert claim.correction and claim.correction.sources
    for src in fw.sources:
        assert src.url.startswith(("https://", "http://"))
    if fw.successor:
        assert fw.successor in catalog.frameworks


@pytest.mark.parametrize("fw_id, kind", [("keras", "high_level_api"), ("fastai", "high_level_api"),
                                         ("pycaret", "automl"), ("bigdl", "spark_library"), ("pytorch", "engine")])
def test_kind_tells_what_sort_of_thing_it_is(catalog: Catalog, fw_id: str, kind: str) -> None:
    assert catalog.frameworks[fw_id].kind == kind


def seed_claim(catalog: Catalog, fw_id: str, pattern: str) -> Claim:
    fw: Framework = catalog.frameworks[fw_id]
    found = [c for c in fw.pros + fw.cons if re.search(pattern, c.text_ko)]
    assert found, f"{fw_id}: '{pattern}' 주장이 없습니다"
    return found[0]


@pytest.mark.parametrize("fw_id, pattern, year", [
    ("bigdl", r"Intel 칩에서만", 2017),
    ("cntk", r"라이선스", 2017),
    ("tensorflow", r"상업적 지원", 2017),
    ("pytorch", r"서빙 프레임워크", 2024),
    ("caffe", r"6천만|6,000만|60M", None),
])
def test_seed_claims_that_no_longer_hold_say_what_is_true_now(catalog: Catalog, fw_id: str, pattern: str,
                                                               year: int | None) -> None:
    claim = seed_claim(catalog, fw_id, pattern)
    assert claim.still_true is False
    assert claim.correction is not None and claim.correction.as_of >= dt.date(2026, 1, 1)
    if year:
        assert (claim.as_of if isinstance(claim.as_of, int) else claim.as_of.year) == year


def test_seed_posts_are_cited_with_their_date(catalog: Catalog) -> None:
    dated = {"post-dl4j-compare": 2017, "post-agilesoda-prologue": 2020}
    for fw in catalog.frameworks.values():
        for claim in fw.pros + fw.cons:
            for src, year in dated.items():
                if claim.sources == [src]:
                    assert (claim.as_of if isinstance(claim.as_of, int) else claim.as_of.year) == year, (fw.id, claim.text_ko)


def test_glossary_has_thirty_terms_with_both_languages(catalog: Catalog) -> None:
    terms = catalog.glossary.terms
    assert len(terms) >= 30
    for t in terms:
        assert t.ko and re.search(r"[A-Za-z]", t.en)
        assert re.search(r"[가-힣]", t.definition_ko) and t.definition_ko.rstrip().endswith(".")


def test_tensorflow_vs_pytorch_covers_the_aspects_the_posts_centre_on(catalog: Catalog) -> None:
    cmp = catalog.comparisons["tensorflow-vs-pytorch"]
    keys = {a.key for a in cmp.aspects}
    assert {"graph", "speed", "distributed", "visualization", "deployment", "ecosystem", "learning-curve"} <= keys
    assert len(cmp.verdicts) >= 5
    assert len(catalog.comparisons) >= 3


def test_no_package_index_host_is_written_into_the_repository() -> None:
    """Registry addresses are configuration: facts cite the projects' own repositories and
    sites. The host names come from pip, which knows its index, so this file names none."""
    import subprocess

    index = pytest.importorskip("pip._internal.models.index")
    hosts = {index.PyPI.netloc, index.PyPI.file_storage_domain}
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found = []
    for name in filter(None, tracked.split("\0")):
        path = ROOT / name
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            found += [f"{name}: {host}" for host in hosts if host in text]
    assert found == []
