"""The site in Debian's Chromium, driven by Playwright: what a reader clicks and sees."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from dlkb.catalog import load_catalog
from dlkb.needs import NEEDS, evaluate

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium 패키지가 없습니다")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
CATALOG = load_catalog(ROOT / "data")


@pytest.fixture(scope="module")
def base_url(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page that records script errors and every request to another origin."""

    def __init__(self, browser, base_url: str, **context):
        self.page = browser.new_page(**context)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        origin = urlsplit(base_url).netloc
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("request", lambda r: self.foreign.append(r.url) if urlsplit(r.url).netloc not in ("", origin) and not r.url.startswith("data:") else None)
        self.base = base_url

    def goto(self, path: str):
        self.page.goto(self.base + path)
        return self.page

    def clean(self) -> None:
        assert self.errors == []
        assert self.foreign == []
        self.page.close()


@pytest.fixture
def watched(browser, base_url):
    made: list[Watched] = []

    def make(**context) -> Watched:
        w = Watched(browser, base_url, **context)
        made.append(w)
        return w

    yield make
    for w in made:
        w.clean()


def compare_heads(page) -> list[str]:
    page.wait_for_selector("[data-dlkb-app=compare] table")
    return page.locator("[data-dlkb-app=compare] thead th").all_inner_texts()


def test_compare_by_url_shows_exactly_that_pair(watched) -> None:
    page = watched().goto("/compare/?ids=caffe,theano")
    assert compare_heads(page) == ["항목", "Caffe", "Theano"]


def test_compare_differences_switch_hides_equal_rows(watched) -> None:
    page = watched().goto("/compare/?ids=tensorflow,pytorch")
    compare_heads(page)
    rows = page.locator("[data-dlkb-app=compare] tbody tr")
    all_rows = rows.count()
    page.get_by_label("차이만 보기").check()
    assert 0 < rows.count() < all_rows
    assert page.url.endswith("/compare/?ids=tensorflow,pytorch&diff=1")
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert cells[0] != cells[1]


def test_compare_is_usable_by_keyboard(watched) -> None:
    page = watched().goto("/compare/")
    page.wait_for_selector(".dlkb-picker input")
    page.locator(".dlkb-picker input[value=keras]").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    heads = compare_heads(page)
    assert heads[1] == "Keras" and len(heads) == 3


def test_compare_works_after_instant_navigation(watched) -> None:
    page = watched().goto("/")
    page.get_by_role("link", name="골라서 비교하기").click()
    assert "/compare/" in page.url
    page.wait_for_selector(".dlkb-picker input")


def test_compare_on_a_phone_does_not_scroll_sideways(watched) -> None:
    page = watched(viewport={"width": 375, "height": 800}).goto("/compare/?ids=tensorflow,pytorch,keras")
    compare_heads(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def matrix_names(page) -> list[str]:
    return page.locator("#matrix tbody tr:not([hidden]) th").all_inner_texts()


def test_matrix_header_click_reorders_rows(watched) -> None:
    page = watched().goto("/compare/matrix/")
    page.wait_for_selector("button.dlkb-sort")
    names = [fw.name for fw in CATALOG.frameworks.values()]
    page.locator("th[data-key=name] button").click()
    assert matrix_names(page) == sorted(names, key=str.casefold)
    page.locator("th[data-key=name] button").click()
    assert matrix_names(page) == sorted(names, key=str.casefold, reverse=True)
    page.locator("th[data-key=first_release] button").click()
    years = [str(fw.first_release)[:4] for fw in sorted(CATALOG.frameworks.values(), key=lambda f: str(f.first_release))]
    shown = [CATALOG.frameworks[i] for i in page.locator("#matrix tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")]
    assert [str(fw.first_release)[:4] for fw in shown] == years
    assert "sort=first_release&dir=asc" in page.url


def test_matrix_sorts_by_keyboard(watched) -> None:
    page = watched().goto("/compare/matrix/")
    page.wait_for_selector("button.dlkb-sort")
    page.locator("th[data-key=name] button").focus()
    page.keyboard.press("Enter")
    assert page.locator("th[data-key=name]").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("field", ["status", "kind", "license"])
def test_matrix_filters_and_keeps_state_in_url(watched, field: str) -> None:
    page = watched().goto("/compare/matrix/")
    page.wait_for_selector("select[name=status]")
    value = {"status": "active", "kind": "engine", "license": "Apache-2.0"}[field]
    page.select_option(f"select[name={field}]", value)
    expected = [fw.name for fw in CATALOG.frameworks.values()
                if {"status": fw.status, "kind": fw.kind, "license": fw.license.spdx}[field] == value]
    assert sorted(matrix_names(page)) == sorted(expected)
    assert f"{field}={value}" in page.url
    shared = urlsplit(page.url)
    again = watched().goto(f"{shared.path}?{shared.query}")
    again.wait_for_selector("button.dlkb-sort")
    assert sorted(matrix_names(again)) == sorted(expected)


@pytest.mark.parametrize("need", [n.key for n in NEEDS])
def test_chooser_need_narrows_and_explains(watched, need: str) -> None:
    verdicts = evaluate(CATALOG)
    page = watched().goto("/guide/")
    page.wait_for_selector(".dlkb-picker input")
    page.locator(f".dlkb-picker input[value='{need}']").check()
    kept = page.locator(".dlkb-kept > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
    assert kept == [i for i in CATALOG.frameworks if verdicts[i][need].ok]
    dropped = [i for i in CATALOG.frameworks if not verdicts[i][need].ok]
    for fw_id in dropped:
        reason = page.locator(f".dlkb-dropped > li[data-id='{fw_id}'] li[data-need='{need}']")
        assert reason.inner_text().startswith(next(n.label for n in NEEDS if n.key == need) + ":")
        assert verdicts[fw_id][need].reason in reason.inner_text()
    assert page.url.endswith(f"/guide/?needs={need}")


def test_korean_search_finds_framework_pages(watched) -> None:
    page = watched().goto("/")
    for query, expected in [("파이토치", "PyTorch"), ("텐서플로", "TensorFlow"), ("케라스", "Keras")]:
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.dispatch_event("keyup")
        page.wait_for_selector(".md-search-result__item")
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        assert expected in titles[:3], (query, titles)
        page.keyboard.press("Escape")


PAGES = ["/", "/frameworks/pytorch/", "/frameworks/caffe/", "/compare/matrix/", "/compare/pros-cons/",
         "/compare/licenses/", "/compare/timeline/", "/compare/lineage/", "/compare/tensorflow-vs-pytorch/",
         "/compare/?ids=caffe,theano", "/guide/?needs=maintained", "/glossary/", "/contributing/", "/data/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_script_error_and_no_foreign_request_on_a_phone(watched, path: str) -> None:
    page = watched(viewport={"width": 375, "height": 800}).goto(path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_pictures_render(watched) -> None:
    page = watched().goto("/compare/timeline/")
    box = page.locator("svg.dlkb-timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 16 * 20
    assert page.locator("svg.dlkb-timeline rect.tl-bar").count() == len(CATALOG.frameworks)
    page = watched(color_scheme="dark").goto("/compare/lineage/")
    assert page.locator("svg.dlkb-lineage rect.ln-node").count() >= len(CATALOG.frameworks)
    fill = page.locator("svg.dlkb-lineage text").first.evaluate("t => getComputedStyle(t).fill")
    assert fill != "rgb(0, 0, 0)"  # dark scheme: labels are light, not the default black


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES + ["/frameworks/", "/frameworks/bigdl/"])
def test_axe_finds_no_accessibility_violation(watched, path: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = watched(color_scheme=scheme).goto(path)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []


@pytest.mark.parametrize("path", PAGES)
def test_phone_screenshot_is_exactly_the_screen_wide(watched, path: str, tmp_path: Path) -> None:
    import struct

    page = watched(viewport={"width": 375, "height": 800}).goto(path)
    page.wait_for_load_state("networkidle")
    png = page.screenshot(full_page=True)
    width, height = struct.unpack(">II", png[16:24])  # the PNG header holds the image size
    assert width == 375 and height >= 800


@pytest.mark.parametrize("path, static", [("/compare/", "기능 비교표"), ("/guide/", "기능 비교표")])
def test_without_javascript_the_page_says_what_it_needs(browser, base_url, path: str, static: str) -> None:
    page = browser.new_page(java_script_enabled=False)
    page.goto(base_url + path)
    text = page.locator("article").inner_text()
    assert "JavaScript가 필요합니다" in text
    assert page.locator("article").get_by_role("link", name=static).count() == 1
    page.close()
