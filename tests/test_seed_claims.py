"""Every claim of the five seed posts is accounted for (data/seed_claims.yaml), both ways, and the
site writes them as the posts' claims, not in its own voice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT
from dlkb.catalog import Catalog
from dlkb.render import render_pages
from dlkb.seeds import SeedClaims, all_claims, check_seed_claims, comes_from, load_seed_claims

SEED_FILE = ROOT / "data" / "seed_claims.yaml"
# The posts themselves are not in the repository; where they are, the quotes are checked too.
POSTS = Path(os.environ.get("DLKB_SEED_POSTS", "/work/shared/seeds"))


@pytest.fixture(scope="module")
def seeds() -> SeedClaims:
    return load_seed_claims(SEED_FILE)


def test_every_seed_claim_is_accounted_for(catalog: Catalog, seeds: SeedClaims) -> None:
    assert [p.seed for p in seeds.seeds] == ["000", "001", "002", "003", "004"]
    assert check_seed_claims(catalog, seeds) == []


def test_each_listed_claim_quotes_its_post(seeds: SeedClaims) -> None:
    if not POSTS.is_dir():
        pytest.skip(f"{POSTS} 폴더가 없어 인용을 대조할 수 없습니다")
    missing = []
    for post in seeds.seeds:
        (path,) = POSTS.glob(f"{post.seed}_*.txt")
        text = " ".join(path.read_text(encoding="utf-8").split())  # the posts use no-break spaces
        missing += [(post.seed, c.at) for c in post.claims if " ".join(c.at.split()) not in text]
    assert missing == []


def _drop(seeds: SeedClaims, seed: str, at: str) -> SeedClaims:
    posts = [p.model_copy(update={"claims": [c for c in p.claims if c.at != at]}) if p.seed == seed else p
             for p in seeds.seeds]
    return seeds.model_copy(update={"seeds": posts})


def _change(seeds: SeedClaims, seed: str, at: str, **update: object) -> SeedClaims:
    posts = [p.model_copy(update={"claims": [c.model_copy(update=update) if c.at == at else c for c in p.claims]})
             if p.seed == seed else p for p in seeds.seeds]
    return seeds.model_copy(update={"seeds": posts})


def test_a_reference_to_a_missing_claim_is_reported(catalog: Catalog, seeds: SeedClaims) -> None:
    broken = _change(seeds, "001", "(-) 단일 GPU", carried=["frameworks/theano#cons/60", "frameworks/theano/cons/6"])
    assert check_seed_claims(catalog, broken) == [
        "001 글의 주장 '(-) 단일 GPU': frameworks/theano#cons/60 주장을 찾을 수 없습니다",
        "001 글의 주장 '(-) 단일 GPU': frameworks/theano/cons/6 주장을 찾을 수 없습니다",
        "frameworks/theano#cons/6 주장은 001 글에서 왔지만 data/seed_claims.yaml에 적혀 있지 않습니다",
    ]


def test_a_reference_to_a_claim_from_elsewhere_is_reported(catalog: Catalog, seeds: SeedClaims) -> None:
    broken = _change(seeds, "004", "TensorFlow version 1과 호환 가능합니다.", carried=["frameworks/jax#pros/0"])
    assert check_seed_claims(catalog, broken) == [
        "004 글의 주장 'TensorFlow version 1과 호환 가능합니다.': frameworks/jax#pros/0 주장은 이 글을 출처로 달지 않았습니다",
    ]


def test_a_claim_citing_a_post_but_not_listed_is_reported(catalog: Catalog, seeds: SeedClaims) -> None:
    assert check_seed_claims(catalog, _drop(seeds, "001", "Intel 칩에서만 작동합니다.")) == [
        "frameworks/bigdl#cons/0 주장은 001 글에서 왔지만 data/seed_claims.yaml에 적혀 있지 않습니다",
    ]
    # Seed 000 has no address: its claims are found by the post's date.
    assert check_seed_claims(catalog, _drop(seeds, "000", "😃 Caffe 개발자가 페이스북으로")) == [
        "frameworks/caffe2#pros/0 주장은 000 글에서 왔지만 data/seed_claims.yaml에 적혀 있지 않습니다",
    ]


def test_a_claim_must_say_where_it_went_or_why_not(catalog: Catalog, seeds: SeedClaims) -> None:
    both = _change(seeds, "002", "메모리를 효율적으로 사용하지 못한다.", not_carried="확인하지 못했습니다.")
    assert check_seed_claims(catalog, both) == [
        "002 글의 주장 '메모리를 효율적으로 사용하지 못한다.': "
        "실린 곳(carried)과 싣지 않은 까닭(not_carried) 가운데 하나만 적어야 합니다",
    ]


def test_claims_of_the_undated_post_must_be_marked_estimated(catalog: Catalog, seeds: SeedClaims) -> None:
    pytorch = catalog.frameworks["pytorch"]
    pros = list(pytorch.pros)
    pros[5] = pros[5].model_copy(update={"as_of_estimated": False})
    changed = dataclasses.replace(catalog, frameworks={**catalog.frameworks,
                                                       "pytorch": pytorch.model_copy(update={"pros": pros})})
    assert check_seed_claims(changed, seeds) == [
        "frameworks/pytorch#pros/5 주장은 날짜가 없는 003 글에서 왔으므로 날짜가 추정임을 표시해야 합니다",
    ]


def test_the_posts_claims_are_reported_as_theirs(catalog: Catalog, seeds: SeedClaims) -> None:
    """One reported form: '…라는 평가였습니다' or '…라고 했습니다', never the site's own voice."""
    own_voice = [ref for ref, claim in all_claims(catalog)
                 if any(comes_from(p, claim) for p in seeds.seeds)
                 and not re.search(r"(평가였습니다|했습니다)\.$", claim.text_ko)]
    assert own_voice == []


def test_claims_that_were_never_true_are_flagged_and_shown_so(catalog: Catalog) -> None:
    never = sorted(ref for ref, claim in all_claims(catalog) if claim.never_true)
    assert never == [
        "comparisons/tensorflow-vs-pytorch#deployment/0", "comparisons/tensorflow-vs-pytorch#distributed/0",
        "comparisons/tensorflow-vs-pytorch#graph/0", "comparisons/tensorflow-vs-pytorch#graph/1",
        "comparisons/tensorflow-vs-pytorch#learning-curve/0", "comparisons/tensorflow-vs-pytorch#visualization/2",
        "frameworks/bigdl#cons/0", "frameworks/caffe#cons/6", "frameworks/cntk#cons/0", "frameworks/keras#pros/10",
        "frameworks/pytorch#cons/5", "frameworks/tensorflow#cons/10", "frameworks/tensorflow#cons/11",
        "frameworks/tensorflow#cons/12", "frameworks/tensorflow#cons/3", "frameworks/tensorflow#pros/21",
        "frameworks/theano#cons/6", "frameworks/torch#pros/8",
    ]
    page = {p.path: p.markdown for p in render_pages(catalog, dt.date(2026, 12, 1))}["frameworks/keras.md"]
    assert "<strong>그때도 사실이 아니었습니다:</strong> Keras는 2015년 3월에 Theano 기반 라이브러리로" in page

