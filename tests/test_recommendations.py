"""Recommendations as data: every mistake in data/recommendations.yaml reported in Korean, the
recommendations on Home and on their own page, and the dated verdict each framework page opens
with, with exact values for an active engine, a stale one, a discontinued one and a library."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, rendered
from dlkb.catalog import Catalog, load_catalog
from dlkb.problems import CatalogError
from dlkb.render import nav
from invalid_cases import edited

TODAY = dt.date(2026, 11, 22)
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "invalid_recommendations.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def rec_data(fixture_data: Path) -> Path:
    shutil.copy(FIXTURES / "recommendations" / "recommendations.yaml", fixture_data / "recommendations.yaml")
    return fixture_data


def pages(catalog: Catalog, today: dt.date = TODAY) -> dict[str, str]:
    return rendered(catalog, today)


def text(html: str) -> str:
    """What a reader sees: tags and citation marks dropped, spaces collapsed."""
    html = re.sub(r"<sup>.*?</sup>", "", html).replace("</li>", " ")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def verdict_box(page: str) -> dict[str, str]:
    """The verdict box of a framework page: its heading, status line, each row, and its date."""
    head = re.search(r"^## (.+) \{ #verdict \}$", page, re.M)
    box = page.split('<div class="dlkb-verdict">', 1)[1].split("</div>", 1)[0]
    rows = dict(zip([text(t) for t in re.findall(r"<dt>(.*?)</dt>", box)], [text(d) for d in re.findall(r"<dd>(.*?)</dd>", box, re.S)], strict=True))
    assert head
    return {"heading": head.group(1), "status": text(re.search(r"<p>(.*?)</p>", box).group(1)), **rows,
            "date": text(re.search(r'<p class="dlkb-verdict__date">(.*?)</p>', box).group(1))}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_a_mistake_in_the_recommendations_file_is_an_exact_korean_message(case: dict, rec_data: Path) -> None:
    path = rec_data / "recommendations.yaml"
    source = edited(path.read_text(encoding="utf-8"), case)
    path.write_text(source, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(rec_data, today=TODAY)
    assert [str(p) for p in caught.value.problems] == case["expect"]


CHECKED = "2026년 12월 1일 기준으로 이 사이트가 내린 판단입니다. 각 추천의 까닭과 출처는 상황별 추천 페이지에 있습니다."
OLD_CODE = "이 사이트의 추천(옛 코드를 이어 가려면): PyTorch, 차선은 Keras"


def test_pytorch_opens_with_what_it_is_recommended_for(catalog: Catalog) -> None:
    assert verdict_box(pages(catalog)["frameworks/pytorch.md"]) == {
        "heading": "2026년 기준",
        "status": "PyTorch는 활발히 개발 중입니다.",
        "권하는 경우": "새 연구 프로젝트 (추천), 서버에서 모델 서빙 (차선), 모바일·엣지 기기 (추천), Apple 실리콘 Mac (차선), "
                    "AMD GPU (추천), 국산 NPU (Rebellions, FuriosaAI) (추천), Huawei Ascend NPU (추천), 옛 코드를 이어 가려면 (추천)",
        "권하지 않는 경우": "상황별 추천 가운데 PyTorch가 지원하지 않는다고 확인된 경우는 없습니다.",
        "date": CHECKED,
    }


def test_chainer_without_a_release_in_18_months_says_where_to_move(catalog: Catalog) -> None:
    page = pages(catalog)["frameworks/chainer.md"]
    assert verdict_box(page) == {
        "heading": "2026년 기준",
        "status": "Chainer는 2019년 12월 5일부터 새 기능 없이 유지보수만 하고 있습니다. 마지막 릴리스는 2022년 1월 5일의 7.8.1이며, "
                  "18개월 넘게 새 릴리스가 없습니다.",
        "권하는 경우": "이미 Chainer로 만든 코드를 돌리거나 옛 결과를 재현할 때만 씁니다.",
        "권하지 않는 경우": "새 프로젝트에는 권하지 않습니다.",
        "옮겨 갈 곳": "PyTorch: 이 프로젝트의 뒤를 잇는 곳으로 기록된 프레임워크입니다. " + OLD_CODE + " 옮기는 방법 안내",  # the migration guide
        "date": CHECKED,
    }
    assert '<li><a href="../../frameworks/pytorch/">PyTorch</a>: ' in page
    assert '<a href="../../recommendations/#old-code">옛 코드를 이어 가려면</a>' in page


def test_theano_is_discontinued_and_points_at_the_pytensor_fork(catalog: Catalog) -> None:
    assert verdict_box(pages(catalog)["frameworks/theano.md"]) == {
        "heading": "2026년 기준",
        "status": "Theano는 2017년 9월 28일부터 개발이 중단되었습니다. 마지막 릴리스는 2020년 7월 27일의 1.0.5입니다.",
        "권하는 경우": "이미 Theano로 만든 코드를 돌리거나 옛 결과를 재현할 때만 씁니다.",
        "권하지 않는 경우": "새 프로젝트에는 권하지 않습니다.",
        "옮겨 갈 곳": "PyTensor: Aesara를 거쳐 개발이 이어지는 포크입니다. 이 사이트에서는 따로 다루지 않습니다. " + OLD_CODE + " 옮기는 방법 안내",
        "date": CHECKED,
    }


def test_flax_says_it_runs_on_jax_and_what_it_does_not_fit(catalog: Catalog) -> None:
    page = pages(catalog)["frameworks/flax.md"]
    assert verdict_box(page) == {
        "heading": "2026년 기준",
        "status": "Flax는 활발히 개발 중입니다. JAX 위에서 동작하는 고수준 신경망 라이브러리라서 JAX와 함께 씁니다.",
        "권하는 경우": "Google TPU (추천)",
        "권하지 않는 경우": "웹 브라우저 안에서 실행 (브라우저 배포: 미지원), Apple 실리콘 Mac (Apple 실리콘: 미지원)",
        "date": CHECKED,
    }
    # each "does not fit" fact links to its source on this page
    assert re.search(r'\(Apple 실리콘: 미지원<sup><a class="dlkb-cite" href="#src-jax-install"', page)


def test_every_framework_page_opens_with_its_dated_verdict(catalog: Catalog) -> None:
    made = pages(catalog)
    for fw in catalog.frameworks.values():
        page = made[f"frameworks/{fw.id}.md"]
        body = page.split(f"# {fw.name}", 1)[1].lstrip()
        assert body.startswith("## 2026년 기준 { #verdict }"), fw.id
        assert '<p class="dlkb-verdict__date"><time datetime="2026-12-01">' in page, fw.id


def test_a_verdict_holds_for_the_oldest_date_it_rests_on(rec_data: Path) -> None:
    """Alpha (archived, checked 2026-01-10) leans on the old-code entry reviewed 2026-01-05."""
    box = verdict_box(pages(load_catalog(rec_data, today=TODAY))["frameworks/alpha.md"])
    assert box["옮겨 갈 곳"] == "Beta: 이 프로젝트의 뒤를 잇는 곳으로 기록된 프레임워크입니다. 이 사이트의 추천(옛 코드를 이어 가려면): Beta"
    assert box["date"] == "2026년 1월 5일 기준으로 이 사이트가 내린 판단입니다. 각 추천의 까닭과 출처는 상황별 추천 페이지에 있습니다."


def test_without_a_recommendations_file_the_box_stands_on_the_record_alone(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    made = pages(catalog)
    box = verdict_box(made["frameworks/alpha.md"])
    assert box["옮겨 갈 곳"] == "Beta: 이 프로젝트의 뒤를 잇는 곳으로 기록된 프레임워크입니다."
    assert box["date"] == "2026년 1월 10일 기준으로 이 사이트가 내린 판단입니다."
    assert "recommendations.md" not in made and "새로 시작한다면" not in made["index.md"]
    assert {"상황별 추천": "recommendations.md"} not in nav(catalog)


def home_lines(page: str) -> list[str]:
    block = page.split("{ #recommendations }", 1)[1].split('<ul class="dlkb-recs">', 1)[1].split("</ul>", 1)[0]
    return [text(li) for li in re.findall(r"<li>(.*?)</li>", block)]


def test_home_answers_first_with_every_recommendation_in_one_line(catalog: Catalog) -> None:
    page = pages(catalog)["index.md"]
    assert page.index("## 2026년에 새로 시작한다면 { #recommendations }") < page.index("## 어디서 시작할까요 { #start }")
    assert home_lines(page) == [
        "새 연구 프로젝트 → PyTorch (차선: JAX)",
        "서버에서 모델 서빙 → TensorFlow (차선: PyTorch)",
        "모바일·엣지 기기 → PyTorch, TensorFlow (차선: Keras)",
        "웹 브라우저 안에서 실행 → TensorFlow (차선: Burn)",
        "Apple 실리콘 Mac → MLX (차선: PyTorch)",
        "Google TPU → JAX, Flax (차선: Keras)",
        "AMD GPU → PyTorch (차선: JAX)",
        "국산 NPU (Rebellions, FuriosaAI) → PyTorch (차선: TensorFlow)",
        "Huawei Ascend NPU → PyTorch (차선: MindSpore)",
        "딥러닝을 처음 배운다면 → Keras (차선: fastai)",
        "딥러닝 없이 표 데이터 다루기 → PyCaret",
        "옛 코드를 이어 가려면 → PyTorch (차선: Keras)",
    ]
    assert '<li><a href="recommendations/#research">새 연구 프로젝트</a> → ' in page
    assert '<p class="dlkb-recs-note"><time datetime="2026-12-01">2026년 12월 1일</time> 기준으로 이 사이트가 내린 판단입니다.' in page


def home_date(page: str) -> str:
    return re.search(r'데이터를 마지막으로 확인한 날: <time datetime="([0-9-]+)">', page).group(1)


def test_the_home_date_is_the_oldest_review_of_what_home_shows(rec_data: Path) -> None:
    path = rec_data / "recommendations.yaml"
    page = pages(load_catalog(rec_data, today=TODAY))["index.md"]
    assert home_date(page) == "2025-12-01"  # the oldest recommendation, older than both records
    # a line reviewed on another day than the block says so
    assert home_lines(page)[1] == "옛 코드를 이어 가려면 → Beta (2026년 1월 5일 기준)"
    path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2025-12-01", "last_reviewed: 2026-01-08"), encoding="utf-8")
    assert home_date(pages(load_catalog(rec_data, today=TODAY))["index.md"]) == "2026-01-05"
    path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2026-01-05", "last_reviewed: 2026-02-01")
                    .replace("last_reviewed: 2026-01-08", "last_reviewed: 2026-02-01"),
                    encoding="utf-8")
    assert home_date(pages(load_catalog(rec_data, today=TODAY))["index.md"]) == "2026-01-10"  # now the records are older


def test_the_recommendations_page_gives_each_situation_its_reasons_dates_and_sources(catalog: Catalog) -> None:
    assert {"상황별 추천": "recommendations.md"} in nav(catalog)
    page = pages(catalog)["recommendations.md"]
    anchors = re.findall(r"^## .+ \{ #([a-z-]+) \}$", page, re.M)
    assert anchors == [rec.id for rec in catalog.recommendations.recommendations] + ["sources"]
    assert len(anchors) == 13
    tabular = page.split("{ #tabular }", 1)[1].split("\n## ", 1)[0]
    assert "<strong>추천:</strong> <a href=\"../frameworks/pycaret/\">PyCaret</a></p>" in tabular
    assert "차선으로 권할 만한 프레임워크는 이 사이트에 없습니다." in tabular
    # every reason is dated and cites a source listed at the bottom of the page
    reasons = re.findall(r'<ul class="dlkb-reasons">(.*?)</ul>', page, re.S)
    items = [li for block in reasons for li in re.findall(r"<li>.*?</li>", block)]
    assert len(items) == sum(len(r.reasons) + len(r.runner_up_reasons) for r in catalog.recommendations.recommendations) == 37
    assert all('(<time datetime="2026-12-01">2026년 12월 1일</time> 기준)</span><sup><a class="dlkb-cite" href="#src-' in li for li in items)
    for source_id in set(re.findall(r'href="#src-([a-z0-9-]+)"', page)):
        assert f'<li id="src-{source_id}"' in page
    apple = page.split("{ #apple }", 1)[1].split("\n## ", 1)[0]
    assert '마지막 검토: <time datetime="2026-12-01">2026년 12월 1일</time> · <a href="../guide/?needs=apple">' in apple
