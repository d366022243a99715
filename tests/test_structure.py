"""One definition per fact: every vocabulary value and displayed field is declared once, with
its Korean label, and each of them reaches every view; the checklist reports all it finds."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from dlkb.catalog import load_catalog
from dlkb.export import frameworks_csv
from dlkb.fields import FIELDS, fields_for, unlabelled
from dlkb.model import Deployment, Distributed, Feature, Hardware
from dlkb.problems import CatalogError
from dlkb.render import render_pages
from dlkb.vocab import ALL, Status, Support

TODAY = dt.date(2026, 11, 22)
DLKB = [sys.executable, "-m", "dlkb.cli"]
CSS = (ROOT / "docs" / "stylesheets" / "dlkb.css").read_text(encoding="utf-8")


def problems_for(data: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("vocab", ALL, ids=lambda v: v.__name__)
def test_every_vocabulary_value_has_a_korean_label(vocab) -> None:
    for member in vocab:
        assert re.search(r"[가-힣]", member.label) or member.label in ("CPU",), (vocab.__name__, member.value)


def test_every_status_and_support_value_has_a_colour_or_class() -> None:
    for status in Status:
        assert f".dlkb-status--{status.css}" in CSS, status
        assert f".tl-bar--{status.css}" in CSS, status
    assert [s.icon for s in Support] == ["●", "◐", "◇", "○", "–", "?"]


def test_every_displayed_field_has_a_korean_label() -> None:
    assert unlabelled() == []


def test_every_feature_key_of_the_model_reaches_every_view() -> None:
    groups = {"hardware": Hardware, "distributed": Distributed, "deployment": Deployment}
    expected = [f"{g}_{name}" for g, model in groups.items() for name, info in model.model_fields.items()
                if info.annotation is Feature]
    for view in ("matrix", "compare", "csv"):
        keys = [f.key for f in fields_for(view)]
        assert [k for k in expected if k in keys] == expected, view
    on_page = [f.key for f in fields_for("features") + fields_for("deployment")]
    assert all(key in on_page for key in expected)
    assert len({f.key for f in FIELDS}) == len(FIELDS)


def test_csv_columns_come_from_the_field_registry(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    header = frameworks_csv(catalog).decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == [f.key for f in fields_for("csv")]


def test_skeleton_with_only_sources_filled_is_refused(fixture_data: Path) -> None:
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "jax"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    path = fixture_data / "frameworks" / "jax.yaml"
    text = path.read_text(encoding="utf-8")
    assert "kind: engine                    # [필수] engine | array_library | high_level_api | automl | spark_library" in text
    path.write_text(text.replace("__SOURCE_ID__", "jax-repo"), encoding="utf-8")
    hint = "올바른 값: 실제 내용 (`dlkb new`가 넣은 __NAME__ 같은 자리 표시를 바꾸세요)"
    assert problems_for(fixture_data) == [
        f"data/frameworks/jax.yaml:8 › name: 뼈대의 자리 표시가 남아 있습니다 (입력: '__NAME__') — {hint}",
        f"data/frameworks/jax.yaml:9 › name_ko: 뼈대의 자리 표시가 남아 있습니다 (입력: '__NAME_KO__') — {hint}",
        f"data/frameworks/jax.yaml:12 › summary_ko: 뼈대의 자리 표시가 남아 있습니다 (입력: '__SUMMARY__') — {hint}",
        f"data/frameworks/jax.yaml:23 › developers[0].name: 뼈대의 자리 표시가 남아 있습니다 (입력: '__DEVELOPER__') — {hint}",
        f"data/frameworks/jax.yaml:87 › pros[0].text_ko: 뼈대의 자리 표시가 남아 있습니다 (입력: '__PRO__') — {hint}",
        f"data/frameworks/jax.yaml:91 › cons[0].text_ko: 뼈대의 자리 표시가 남아 있습니다 (입력: '__CON__') — {hint}",
        f"data/frameworks/jax.yaml:100 › sources[0].title: 뼈대의 자리 표시가 남아 있습니다 (입력: '__TITLE__') — {hint}",
    ]


def test_new_refuses_an_id_the_model_refuses(fixture_data: Path) -> None:
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "a" * 41], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.startswith("id는 소문자, 숫자, - 로만 쓰고 40자를 넘지 않습니다")


def test_new_never_writes_through_a_dangling_symlink(fixture_data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    (fixture_data / "frameworks" / "evil.yaml").symlink_to(outside)
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "evil"], capture_output=True, text=True)
    assert run.returncode == 1
    assert not outside.exists()


def test_broken_rules_of_one_file_come_in_one_round(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: archived", "status: merged").replace("successor: beta", "successor: null")
    text = text.replace("status_since: 2021-01-15", "status_since: null")
    text = text.replace("cpu: {value: \"yes\", sources: [alpha-repo]}", "cpu: {value: \"yes\", sources: []}")
    path.write_text(text, encoding="utf-8")
    found = problems_for(fixture_data)
    assert [p.split(": ", 1)[1] for p in found] == [
        "status가 active가 아니면 그 상태가 된 때를 적어야 합니다",
        "status가 merged이면 합쳐진 곳의 id가 필요합니다",
        "값이 unknown이나 n/a가 아니면 출처 id가 하나 이상 있어야 합니다",
    ]


def test_a_file_that_does_not_parse_still_exists_for_references(fixture_data: Path) -> None:
    """beta.yaml is broken; alpha's successor and the comparison still point at a real file."""
    (fixture_data / "frameworks" / "beta.yaml").write_text("id: beta\nname: [Beta\n", encoding="utf-8")
    found = problems_for(fixture_data)
    assert len(found) == 1
    assert found[0].startswith("data/frameworks/beta.yaml:")


def test_unknown_key_named_like_a_type_is_a_korean_problem(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "date: 2020-01-01\nlist: [1]\n", encoding="utf-8")
    found = problems_for(fixture_data)
    assert [p.split(" › ", 1)[1].split(":")[0] for p in found] == ["date", "list"]
    assert all("알 수 없는 항목입니다" in p for p in found)


def test_latest_release_may_be_unknown(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "beta.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"latest_release:\n(  .*\n)+", "latest_release: unknown\n", text)
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog(fixture_data, today=TODAY)
    assert catalog.frameworks["beta"].latest is None
    pages = {p.path: p.markdown for p in render_pages(catalog, TODAY)}
    assert "<dt>최신 릴리스</dt>\n<dd>확인 안 됨</dd>" in pages["frameworks/beta.md"]
    assert "<td>확인 안 됨</td>" in pages["compare/timeline.md"]
    row = frameworks_csv(catalog).decode("utf-8-sig").splitlines()[2].split(",")
    header = frameworks_csv(catalog).decode("utf-8-sig").splitlines()[0].split(",")
    assert dict(zip(header, row, strict=True))["latest_version"] == "unknown"
    assert dict(zip(header, row, strict=True))["latest_date"] == ""


def test_a_latest_release_that_is_neither_a_mapping_nor_unknown_is_one_problem(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "beta.yaml"
    text = re.sub(r"latest_release:\n(  .*\n)+", "latest_release: soon\n", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    found = problems_for(fixture_data)
    assert len(found) == 1
    assert found[0].endswith("latest_release: 허용되지 않는 값입니다 (입력: 'soon') — 올바른 값: 다음 중 하나: 'unknown'")


def test_schema_check_fails_on_drift(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "schema").mkdir(parents=True)
    run = subprocess.run(DLKB + ["--data", str(data), "schema", "--check"], capture_output=True, text=True)
    assert run.returncode == 1
    assert "모델과 다릅니다" in run.stderr
    subprocess.run(DLKB + ["--data", str(data), "schema"], capture_output=True, check=True)
    again = subprocess.run(DLKB + ["--data", str(data), "schema", "--check"], capture_output=True, text=True)
    assert again.returncode == 0


def test_an_estimated_claim_date_says_so(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    as_of: 2017\n", "    as_of: 2017\n    as_of_estimated: true\n", 1)
    path.write_text(text, encoding="utf-8")
    pages = {p.path: p.markdown for p in render_pages(load_catalog(fixture_data, today=TODAY), TODAY)}
    assert '(<time datetime="2017">2017년</time> 기준, 날짜는 추정)' in pages["frameworks/alpha.md"]


def test_claims_from_the_undated_seed_post_are_marked_estimated(catalog) -> None:
    """Seed 003 gives no date; its claims carry the year of the post it summarises, marked as such."""
    undated = {"post-opencv-pt-vs-tf", "post-builtin-pt-vs-tf"}
    owners = [*catalog.frameworks.values(), *[a for c in catalog.comparisons.values() for a in c.aspects]]
    claims = [c for o in owners for c in getattr(o, "pros", []) + getattr(o, "cons", []) + getattr(o, "history", [])]
    seed = [c for c in claims if undated & set(c.sources)]
    assert len(seed) >= 10
    assert [c.text_ko for c in seed if not c.as_of_estimated] == []


@pytest.mark.parametrize(("reading", "pair", "expected"), [
    ("파이토치", "와/과", "와"), ("엠엑스넷", "와/과", "과"), ("카페2", "와/과", "와"), ("텐서플로", "를/을", "를"),
    ("케라스", "는/은", "는"), ("씨엔티케이", "가/이", "가"), ("다이넷", "가/이", "이"), ("파이썬", "로/으로", "으로"),
    ("테아노", "로/으로", "로"), ("레일", "로/으로", "로"), ("CNTK", "와/과", "와"), ("Caffe2", "와/과", "와"),
])
def test_particle_fits_how_the_word_is_read(reading: str, pair: str, expected: str) -> None:
    from dlkb.labels import particle

    assert particle(reading, pair) == expected


def test_no_template_hard_codes_a_particle_after_a_value() -> None:
    """`{{ a.name }}와` printed "Apache MXNet와"; a particle after a value goes through `particle`."""
    hard_coded = re.compile(r"\{\{ (?!repo )[^}]*\}\}(을|를|이|가|은|는|와|과|으로|로)(?![가-힣])")
    templates = sorted((ROOT / "hooks" / "dlkb" / "templates").glob("*.j2"))
    found = [f"{t.name}: {m.group(0)}" for t in templates for m in hard_coded.finditer(t.read_text(encoding="utf-8"))]
    assert found == []


def test_a_comparison_caption_takes_the_particle_of_the_first_name(fixture_data: Path) -> None:
    pages = {p.path: p.markdown for p in render_pages(load_catalog(fixture_data, today=TODAY), TODAY)}
    assert "<caption>Alpha와 Beta: 항목별 지금의 모습</caption>" in pages["compare/alpha-vs-beta.md"]
