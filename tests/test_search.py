"""Korean search, as a Korean reader types into the theme's search box.

The index side (hooks/dlkb/search.py) is tested on its own; the query table runs in Chromium:
each query is typed syllable by syllable through the input method (composition, then commit),
and the first result must be exactly the expected page or section.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from conftest import no_chromium, serve_directory, wait_ready
from dlkb.catalog import Catalog
from dlkb.search import FULL_FILE, THEME_FILE, SearchWords, choseong, enrich, forms
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
PLACEHOLDER = "검색어를 입력하세요"  # the theme's Korean text for an empty box

# (query, expected first result). 52 queries: names, particles and endings, compounds with and
# without their space, Korean names of companies and platforms, ranking, initial consonants, and
# a last syllable still being typed (what the box shows at that moment).
QUERIES = [
    ("파이토치", "frameworks/pytorch/"),
    ("텐서플로", "frameworks/tensorflow/"),
    ("텐서플로우", "frameworks/tensorflow/"),
    ("케라스", "frameworks/keras/"),
    ("카페", "frameworks/caffe/"),
    ("카페2", "frameworks/caffe2/"),
    ("잭스", "frameworks/jax/"),
    ("테아노", "frameworks/theano/"),
    ("pytorch", "frameworks/pytorch/"),
    ("Caffe", "frameworks/caffe/"),
    # particles and endings attached
    ("파이토치로", "frameworks/pytorch/"),
    ("텐서플로우와", "frameworks/tensorflow/"),
    ("케라스를", "frameworks/keras/"),
    ("파이토치는", "frameworks/pytorch/"),
    ("텐서플로에서", "frameworks/tensorflow/"),
    ("카페의", "frameworks/caffe/"),
    ("분산 학습은", "glossary/#distributed-training"),
    ("역전파란", "glossary/#backpropagation"),
    ("양자화를", "glossary/#quantization"),
    # compounds, with and without the space
    ("분산학습", "glossary/#distributed-training"),
    ("동적그래프", "glossary/#dynamic-graph"),
    ("동적 그래프", "glossary/#dynamic-graph"),
    ("정적그래프", "glossary/#static-graph"),
    ("자동미분", "glossary/#autodiff"),
    ("전이학습", "glossary/#transfer-learning"),
    ("혼합정밀도", "glossary/#mixed-precision"),
    ("데이터병렬", "glossary/#data-parallel"),
    # Korean names of companies and platforms
    ("구글", "frameworks/jax/"),
    ("페이스북", "frameworks/pytorch/"),
    ("메타", "frameworks/pytorch/"),
    ("바이두", "frameworks/paddle/"),
    ("허깅페이스", "tools/"),
    ("윈도우", "frameworks/cntk/#features"),
    ("애플", "frameworks/mlx/"),
    ("화웨이", "frameworks/mindspore/"),
    ("마이크로소프트", "frameworks/cntk/"),
    ("아마존", "frameworks/dsstne/"),
    ("인텔", "frameworks/bigdl/"),
    # ranking: a term's own entry first
    ("자동 미분", "glossary/#autodiff"),
    ("모바일 배포", "glossary/#deployment"),
    ("역전파", "glossary/#backpropagation"),
    ("미세 조정", "glossary/#fine-tuning"),
    ("autodiff", "glossary/#autodiff"),
    # initial consonants
    ("ㅌㅅㅍㄹ", "frameworks/tensorflow/"),
    ("ㅍㅇㅌㅊ", "frameworks/pytorch/"),
    ("ㅋㄹㅅ", "frameworks/keras/"),
    ("ㅈㄷㅁㅂ", "glossary/#autodiff"),
    ("ㅂㅅㅎㅅ", "glossary/#distributed-training"),
    # the last syllable still being typed
    ("텐서플롱", "frameworks/tensorflow/"),
    ("파이톷", "frameworks/pytorch/"),
    ("케랏", "frameworks/keras/"),
    ("역전팡", "glossary/#backpropagation"),
]


def test_initial_consonants_and_forms() -> None:
    assert choseong("텐서플로") == "ㅌㅅㅍㄹ"
    assert choseong("카페2") == "ㅋㅍ2"
    assert forms("정적 계산 그래프") == ["정적 계산 그래프", "정적계산그래프", "정적계산", "계산그래프", "ㅈㅈㄱㅅㄱㄹㅍ"]
    assert forms("Caffe") == ["Caffe", "Caffe"]


def test_index_is_split_into_settings_and_a_korean_aware_full_index(site: Path) -> None:
    theme = (site / "search" / THEME_FILE).read_text(encoding="utf-8")
    assert json.loads(theme)["docs"] == []  # fetched on every page: settings only
    assert len(theme.encode()) < 400
    raw = (site / "search" / FULL_FILE).read_text(encoding="utf-8")
    assert "파이토치" in raw and "\\u" not in raw  # UTF-8, no escapes
    docs = {d["location"]: d for d in json.loads(raw)["docs"]}
    assert "glossary/#terms" not in docs
    assert docs["glossary/#autodiff"]["title"] == "자동 미분"
    assert "ㅈㄷㅁㅂ" in docs["glossary/#autodiff"]["keys"].split()
    assert {"파이토치", "ㅍㅇㅌㅊ", "메타", "페이스북"} <= set(docs["frameworks/pytorch/"]["keys"].split())
    assert "<sup>[" not in raw


def test_organisations_come_from_the_first_developer_and_from_text(catalog: Catalog) -> None:
    index = {"config": {}, "docs": [{"location": "frameworks/keras/", "title": "Keras", "text": "Microsoft가 기여했습니다"},
                                    {"location": "frameworks/keras/#sources", "title": "출처", "text": "Google Keras docs"}]}
    words = SearchWords(orgs={"Google": ["구글"], "Microsoft": ["마이크로소프트"]}, endings=["로", "으로"])
    out = enrich(index, catalog, words)
    keras, sources = out["docs"]
    assert "구글" not in keras["keys"].split()  # François Chollet made Keras; Google came later
    assert keras["also"] == "마이크로소프트"
    assert "also" not in sources
    assert out["endings"] == ["으로", "로"]


# --- in Chromium --------------------------------------------------------------------------

def ime_steps(syllable: str) -> list[str]:
    """What an input method shows while a syllable is composed: 한 → ㅎ, 하, 한."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return [syllable]
    first = code // 588
    steps = [CHOSEONG[first], chr(0xAC00 + code - code % 28)]
    return steps + [syllable] if code % 28 else steps


RESULTS_SEEN = """() => { window.__answers = 0; new MutationObserver(() => { window.__answers += 1; })  // one call per answer: each is its own task
    .observe(document.querySelector('.md-search-result__meta'), { childList: true, characterData: true, subtree: true }); }"""
FIRST = """() => { const item = document.querySelector('.md-search-result__item');
    if (!item) return null;
    let best = null, top = -1;
    for (const link of item.querySelectorAll('a.md-search-result__link')) {
      const score = Number(link.querySelector('article').dataset.mdScore);
      if (score > top) { top = score; best = link; }
    }
    const url = new URL(best.href);
    return url.pathname.replace(/^\\//, '') + url.hash; }"""


def type_like_a_person(page, cdp, query: str) -> int:
    """Types `query` as an input method does: each syllable composed, then committed; a key is
    released after every change, as the theme reads the box on keyup. Returns how many distinct
    values the box showed (the theme sends one query for each)."""
    shown, values = "", []
    for char in query:
        for step in ime_steps(char)[:-1]:
            cdp.send("Input.imeSetComposition", {"text": step, "selectionStart": len(step), "selectionEnd": len(step)})
            values.append(shown + step)
            page.locator(".md-search__input").dispatch_event("keyup")
        cdp.send("Input.insertText", {"text": char})
        shown += char
        values.append(shown)
        page.locator(".md-search__input").dispatch_event("keyup")
    return len([v for i, v in enumerate(values) if i == 0 or v != values[i - 1]])


@pytest.fixture(scope="module")
def searching(browser, site: Path):
    with serve_directory(site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/")
        wait_ready(page)
        page.locator(".md-search__input").click()
        yield page, context.new_cdp_session(page)
        context.close()


@pytest.mark.browser
@no_chromium
def test_the_index_is_not_fetched_until_the_reader_searches(browser, site: Path) -> None:
    with serve_directory(site) as base:
        context = browser.new_context()
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
        page.goto(base + "/frameworks/pytorch/")
        wait_ready(page)
        page.wait_for_load_state("networkidle")
        assert FULL_FILE not in fetched and not any(f.startswith("search.") and f.endswith(".min.js") for f in fetched)
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill("파이토치")
        page.locator(".md-search__input").dispatch_event("keyup")
        page.locator(".md-search-result__item").first.wait_for()
        assert FULL_FILE in fetched
        context.close()


@pytest.mark.browser
@no_chromium
@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_korean_query_finds_its_page_first(searching, query: str, expected: str) -> None:
    page, cdp = searching
    box = page.locator(".md-search__input")
    box.fill("")
    box.dispatch_event("keyup")
    expect(page.locator(".md-search-result__meta")).to_have_text(PLACEHOLDER)  # the empty query answered
    page.evaluate(RESULTS_SEEN)
    sent = type_like_a_person(page, cdp, query)
    assert box.input_value() == query
    page.wait_for_function(f"() => window.__answers >= {sent}", timeout=20000)
    # On a loaded machine the answer to the last keystroke can land after the count is reached:
    # wait (bounded) for the final answer, then compare what the reader sees.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({FIRST})() === {json.dumps(expected)}", timeout=5000)
    assert page.evaluate(FIRST) == expected
