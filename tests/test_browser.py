"""The site in Debian's Chromium, driven by Playwright: what a reader clicks and sees.

One browser serves the whole run, and one with classic scrollbars (tests/conftest.py), whose
pages are reused from test to test. Each page is loaded once on a desktop screen with classic
scrollbars for accessibility in both colour schemes and for scrollbars that show for nothing,
and once on a phone for its width (script errors and requests to other origins are watched in
both); each interactive part gets one visit for its interactions. Tests wait on the page's own
readiness (conftest.READY) and use Playwright's retrying `expect`, never fixed sleeps.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from urllib.parse import urlsplit

import pytest
from conftest import BUILD_DAY, DESKTOP, PHONE, no_chromium, search, wait_ready
from dlkb.catalog import Catalog
from dlkb.needs import DEFAULT_NEEDS, NEEDS, evaluate, rank
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, no_chromium]


def compare_heads(page):
    return page.locator("[data-dlkb-app=compare] thead th")


def test_compare_differences_switch_hides_equal_rows(watched) -> None:
    page = watched().goto("/compare/?ids=tensorflow,pytorch")
    expect(compare_heads(page)).to_have_text(["항목", "TensorFlow", "PyTorch"])
    rows = page.locator("[data-dlkb-app=compare] tbody tr")
    all_rows = rows.count()
    page.get_by_label("차이만 보기").check()
    expect(page).to_have_url(re.compile(r"/compare/\?ids=tensorflow,pytorch&diff=1$"))
    assert 0 < rows.count() < all_rows
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert cells[0] != cells[1]


def test_compare_is_usable_by_keyboard(watched) -> None:
    page = watched().goto("/compare/")
    page.locator(".dlkb-picker input[value=keras]").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    heads = compare_heads(page)
    expect(heads).to_have_count(3)
    expect(heads.nth(1)).to_have_text("Keras")


def test_compare_works_after_instant_navigation(watched) -> None:
    page = watched().goto("/")
    page.get_by_role("link", name="골라서 비교하기").click()
    expect(page).to_have_url(re.compile(r"/compare/$"))
    expect(page.locator(".dlkb-picker input").first).to_be_visible()


def test_compare_on_a_phone_does_not_scroll_sideways(watched) -> None:
    page = watched(viewport=PHONE).goto("/compare/?ids=tensorflow,pytorch,keras")
    expect(compare_heads(page)).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def matrix_names(page):
    return page.locator("#matrix tbody tr:not([hidden]) th")


def test_matrix_sorts_by_click_and_keyboard(watched, catalog: Catalog) -> None:
    page = watched().goto("/compare/matrix/")
    names = [fw.name for fw in catalog.frameworks.values()]
    page.locator("th[data-key=name] button").click()
    expect(matrix_names(page)).to_have_text(sorted(names, key=str.casefold), use_inner_text=True)
    page.locator("th[data-key=name] button").click()
    expect(matrix_names(page)).to_have_text(sorted(names, key=str.casefold, reverse=True), use_inner_text=True)
    page.locator("th[data-key=first_release] button").click()
    expect(page).to_have_url(re.compile(r"sort=first_release&dir=asc"))
    years = [str(fw.first_release)[:4] for fw in sorted(catalog.frameworks.values(), key=lambda f: str(f.first_release))]
    shown = [catalog.frameworks[i] for i in page.locator("#matrix tbody tr").evaluate_all("rs => rs.map(r => r.id)")]
    assert [str(fw.first_release)[:4] for fw in shown] == years

    page.locator("th[data-key=name] button").focus()  # and by keyboard: Enter sorts by the focused column
    page.keyboard.press("Enter")
    expect(page.locator("th[data-key=name]")).to_have_attribute("aria-sort", "ascending")


SHIFTS = """window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach(e => {
    if (!e.hadRecentInput) window.__shift += e.value; })).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.parametrize("path", ["/compare/pros-cons/", "/compare/matrix/", "/compare/?ids=tensorflow,pytorch", "/guide/"])
def test_nothing_moves_when_a_page_script_starts(watched, path: str) -> None:
    """Each interactive part is in the page as the build wrote it, or has its room kept: on a
    phone, no layout shift at all from the first paint to the script's last change."""
    w = watched(viewport=PHONE, own=True)
    w.page.add_init_script(SHIFTS)
    page = w.goto(path)
    page.wait_for_timeout(300)  # the apps' first answers (compare fetches its data)
    assert page.evaluate("window.__shift") == 0


def test_pros_and_cons_filters_hide_what_the_reader_asks_to_hide(watched, catalog: Catalog) -> None:
    page = watched().goto("/compare/pros-cons/")
    sections = page.locator(".dlkb-proscons-fw")
    claims = page.locator(".dlkb-claims > li")
    page.get_by_label("지금도 유지보수되는 프레임워크만").check()
    alive = [fw.name for fw in catalog.frameworks.values() if fw.status.alive]
    assert sorted(t.rstrip("¶") for t in sections.locator("h2:visible").all_inner_texts()) == sorted(alive)
    page.get_by_label("지금도 유지보수되는 프레임워크만").uncheck()
    expect(sections.locator("h2:visible")).to_have_count(len(catalog.frameworks))
    page.get_by_label("지금도 맞는 주장만").check()
    assert claims.locator("visible=true").count() == page.locator(".dlkb-claims > li[data-still-true='yes']").count() < claims.count()


def test_matrix_filters_and_keeps_state_in_url(watched, catalog: Catalog) -> None:
    page = watched().goto("/compare/matrix/")
    again = watched()
    for field, value in [("status", "active"), ("kind", "engine"), ("license", "Apache-2.0")]:
        page.select_option(f"select[name={field}]", value)
        expected = sorted(fw.name for fw in catalog.frameworks.values()
                          if {"status": fw.status, "kind": fw.kind, "license": fw.license.spdx}[field] == value)
        expect(page).to_have_url(re.compile(rf"{field}={re.escape(value)}"))
        assert sorted(matrix_names(page).all_inner_texts()) == expected, field
        shared = urlsplit(page.url)
        restored = again.goto(f"{shared.path}?{shared.query}")  # the shared address shows the same rows
        assert sorted(matrix_names(restored).all_inner_texts()) == expected, field
        page.select_option(f"select[name={field}]", "")  # back to all rows before the next filter


def test_matrix_keeps_maintained_frameworks_and_finds_a_feature(watched, catalog: Catalog) -> None:
    page = watched().goto("/compare/matrix/")
    page.locator("#matrix-filters input[name=alive]").check()
    alive = sorted(fw.name for fw in catalog.frameworks.values() if fw.status.alive)
    assert sorted(matrix_names(page).all_inner_texts()) == alive
    page.locator("#matrix-filters input[name=q]").fill("Apple")
    expect(page).to_have_url(re.compile(r"alive=yes&q=Apple"))
    headers = page.locator("#matrix thead th:visible").all_inner_texts()
    # the name, the one topic left (its heading now spans one column), the column found
    assert [h.replace("#", "").strip() for h in headers] == ["이름", "하드웨어", "Apple 실리콘 (Metal)"]
    assert page.locator("#hardware").get_attribute("colspan") == "1"
    assert page.locator("#matrix tbody tr:visible").first.locator("td:visible").count() == 1
    expect(page.locator("#matrix-filters .dlkb-live")).to_have_text(
        f"프레임워크 {len(catalog.frameworks)}개 중 {len(alive)}개를 보여 줍니다. 항목 찾기 결과: 열 1개.")
    shared = watched().goto("/compare/matrix/?alive=yes&q=Apple")  # the address restores both
    assert sorted(matrix_names(shared).all_inner_texts()) == alive
    assert shared.locator("#matrix thead th:visible").count() == 3


# Of the chooser's lists, each framework's line for one need: its text as shown, and whether it
# is marked unknown (one call instead of two for each of a few hundred lines).
NEED_LINES = """need => Object.fromEntries(["kept", "dropped"].map(list => [list, Object.fromEntries(
    [...document.querySelectorAll(`.dlkb-${list} > li`)].flatMap(li => {
        const line = li.querySelector(`li[data-need="${need}"]`);
        return line ? [[li.dataset.id, [line.innerText, line.getAttribute("class") === "dlkb-unknown"]]] : [];
    }))]))"""


def test_chooser_need_narrows_and_explains(watched, catalog: Catalog) -> None:
    today = BUILD_DAY
    verdicts = evaluate(catalog, today)
    w = watched()
    fetched: list[str] = []
    w.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/api/" in r.url else None)
    page = w.goto("/guide/")
    default = page.locator(".dlkb-picker input:checked").evaluate_all("bs => bs.map(b => b.value)")
    assert default == DEFAULT_NEEDS  # the page opens with "maintained" ticked, the address stays bare
    expect(page).to_have_url(re.compile(r"/guide/$"))
    # The default answer is in the page: the verdicts are fetched only once a need changes.
    assert page.locator(".dlkb-kept > li").evaluate_all("ls => ls.map(l => l.dataset.id)") == rank(catalog, today, DEFAULT_NEEDS)[0]
    assert fetched == []
    page.locator(".dlkb-picker input[value='maintained']").uncheck()
    expect(page.locator(".dlkb-live")).to_have_text(f"조건을 고르지 않아 프레임워크 {len(catalog.frameworks)}개가 모두 남아 있습니다.")
    assert fetched == ["/api/guide.json"]
    expect(page).to_have_url(re.compile(r"/guide/\?needs=$"))
    for need in NEEDS:
        box = page.locator(f".dlkb-picker input[value='{need.key}']")
        box.check()
        query = "" if [need.key] == DEFAULT_NEEDS else rf"\?needs={re.escape(need.key)}"  # the default keeps a bare address
        expect(page).to_have_url(re.compile(rf"/guide/{query}$"))
        kept = page.locator(".dlkb-kept > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
        assert kept == rank(catalog, today, [need.key])[0], need.key  # the page ranks as needs.rank does
        lines = page.evaluate(NEED_LINES, need.key)  # each framework's line for the need, read at once
        for fw_id in kept:
            text, unknown = lines["kept"][fw_id]
            assert verdicts[fw_id][need.key].reason in text, (need.key, fw_id)
            assert unknown == verdicts[fw_id][need.key].unknown, (need.key, fw_id)
        dropped = [i for i in catalog.frameworks if not verdicts[i][need.key].ok]
        assert sorted(lines["dropped"]) == sorted(dropped), need.key
        for fw_id in dropped:
            reason = lines["dropped"][fw_id][0]
            assert reason.startswith(need.label + ":"), (need.key, fw_id)
            assert verdicts[fw_id][need.key].reason in reason, (need.key, fw_id)
        box.uncheck()  # one need at a time, as each was checked before
        expect(page).to_have_url(re.compile(r"/guide/\?needs=$"))
    for needs in (["maintained", "apple"], ["maintained", "beginner", "rocm"], ["python", "multi-node", "tpu"]):
        shared = watched().goto("/guide/?needs=" + ",".join(needs))
        kept = shared.locator(".dlkb-kept > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
        assert kept == rank(catalog, today, needs)[0], needs


TOP_THREE = "[...document.querySelectorAll('.md-search-result__item h1')].slice(0, 3).map(h => h.innerText)"


def test_korean_search_finds_framework_pages(watched) -> None:
    page = watched().goto("/")
    for query, expected in [("파이토치", "PyTorch"), ("텐서플로", "TensorFlow"), ("케라스", "Keras")]:
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.dispatch_event("keyup")
        results = page.locator(".md-search-result__item h1")
        expect(results.first).to_be_visible()
        # The previous query's results stay on screen until this one's answer replaces them:
        # wait (bounded) for the answer, then compare what the reader sees.
        with contextlib.suppress(PlaywrightTimeout):
            # a function, not an expression: Playwright polls an expression with eval(), which the page's policy refuses
            page.wait_for_function(f"() => ({TOP_THREE}).includes({json.dumps(expected)})", timeout=5000)
        titles = results.all_inner_texts()
        assert expected in titles[:3], (query, titles)
        page.keyboard.press("Escape")


PAGES = ["/", "/frameworks/pytorch/", "/frameworks/caffe/", "/compare/matrix/", "/compare/pros-cons/",
         "/compare/licenses/", "/compare/timeline/", "/compare/lineage/", "/compare/tensorflow-vs-pytorch/",
         "/compare/?ids=caffe,theano", "/guide/?needs=maintained", "/glossary/", "/tools/", "/migrate/", "/migrate/chainer/",
         "/contributing/", "/data/", "/health/", "/recommendations/", "/frameworks/chainer/"]
PAGES.append("/changes/")  # the history of the framework files (150 rows in a scrolling table)
PAGES += ["/examples/"]  # highlighted code blocks: no sideways scroll on a phone, contrast in both schemes
PAGES += ["/migrate/dsstne/"]  # the longest code cells of any mapping table (JSON keys): they scroll in their box
AXE_ONLY = ["/frameworks/", "/frameworks/bigdl/"]  # checked for accessibility, not on a phone
# The rules whose result depends on the colours: all that can change with the scheme.
COLOUR = ["color-contrast", "link-in-text-block"]
COLOUR_RULES = {"runOnly": {"type": "rule", "values": COLOUR}, "resultTypes": ["violations"]}
# Contrast depends on an element's colour, size and weight and on what lies behind it: the
# background, opacity, position and blending of the element and of each box it sits in. One text
# element of each such look is marked, and the colour rules run on those and what they hold.
# The pros-and-cons page's 2,030 text elements have 58 looks: its two colour runs took 6.5 s.
# What this cannot see is text under a box that is not its ancestor (a sticky header scrolled
# over it); no page has such a box at the place where it opens.
MARK_ONE_OF_EACH_LOOK = """() => {
    document.querySelectorAll('[data-axe-sample]').forEach(e => e.removeAttribute('data-axe-sample'));
    const seen = new Set();
    for (const el of document.querySelectorAll('body *')) {
        if (![...el.childNodes].some(c => c.nodeType === Node.TEXT_NODE && c.textContent.trim())) continue;
        const look = [];
        for (let box = el; box; box = box.parentElement) {
            const s = getComputedStyle(box);
            look.push(s.backgroundColor, s.backgroundImage, s.opacity, s.position, s.mixBlendMode, s.filter);
        }
        const s = getComputedStyle(el);
        const key = [s.color, s.fontSize, s.fontWeight, s.textShadow, s.visibility, ...look].join('|');
        if (!seen.has(key)) { seen.add(key); el.setAttribute('data-axe-sample', ''); }
    }
    return seen.size;
}"""


def axe_violations(page, colour_only: bool = False) -> list:
    """axe's violations on the page: every rule, or the colour rules only. Only violations are
    asked for: the passes' details of a long page cost time and are never read. The colour
    rules run on one element of each look (MARK_ONE_OF_EACH_LOOK), the others on the whole page."""
    if not page.evaluate("() => 'axe' in window"):  # one copy per page load, not one per run
        page.evaluate(_axe_source())
    violations = [] if colour_only else _axe_run(page, ["html"], {"resultTypes": ["violations"],
                                                                 "rules": {rule: {"enabled": False} for rule in COLOUR}})
    assert page.evaluate(MARK_ONE_OF_EACH_LOOK) > 0
    violations += _axe_run(page, ["[data-axe-sample]"], COLOUR_RULES)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def _axe_run(page, include: list[str], options: dict) -> list[dict]:
    """axe's violations within the elements the selectors `include` name (and what they hold)."""
    return page.evaluate("([include, o]) => axe.run({include}, o).then(r => r.violations)", [[[s] for s in include], options])


@functools.cache
def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def switch_to_dark(page) -> None:
    """What a reader in dark mode gets: the dark media and Material's dark palette."""
    page.emulate_media(color_scheme="dark")
    page.get_by_title("어두운 화면으로 바꾸기").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # getAnimations() flushes styles first: no colour transition is still running when axe reads colours
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def page_specific_checks(page, path: str, catalog: Catalog, scheme: str) -> None:
    if path == "/compare/?ids=caffe,theano" and scheme == "light":
        expect(compare_heads(page)).to_have_text(["항목", "Caffe", "Theano"])
    if path == "/compare/timeline/" and scheme == "light":
        box = page.locator("svg.dlkb-timeline").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 16 * 20
        expect(page.locator("svg.dlkb-timeline rect.tl-bar")).to_have_count(len(catalog.frameworks))
    if path == "/compare/lineage/" and scheme == "dark":
        assert page.locator("svg.dlkb-lineage rect.ln-node").count() >= len(catalog.frameworks)
        fill = page.locator("svg.dlkb-lineage text").first.evaluate("t => getComputedStyle(t).fill")
        assert fill != "rgb(0, 0, 0)"  # dark scheme: labels are light, not the default black


def test_a_page_handed_back_is_lent_again_with_nothing_of_its_last_test(page_pool, base_url) -> None:
    """The pool's pages (conftest.PagePool): the next test gets the same page in light, unwatched."""
    page = page_pool.lend()
    seen: list[str] = []
    page_pool.on(page, "request", lambda r: seen.append(r.url))
    page.goto(base_url + "/")
    wait_ready(page)
    switch_to_dark(page)
    page_pool.give_back(page)
    again = page_pool.lend(PHONE)
    assert again is page
    seen.clear()
    again.goto(base_url + "/glossary/")
    wait_ready(again)
    assert again.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert again.evaluate("() => [innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]") == [375, False]
    assert seen == []  # the last test's listener is gone
    page_pool.give_back(again)


@pytest.mark.parametrize(("path", "css"), [
    ("/compare/pros-cons/", ".dlkb-outdated strong { color: #bbb !important }"),  # a few notes among 2,030 texts
    ("/compare/pros-cons/", "a.dlkb-term { color: #9af !important }"),  # one kind of link
    ("/compare/matrix/", ".dlkb-status--discontinued { color: #ccc !important }"),  # a few cells
])
def test_one_element_of_each_look_still_finds_a_contrast_fault(browser, base_url, path: str, css: str) -> None:
    """The colour rules look at one element of each look: a fault in a few elements still shows."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)  # to add the faulty style
    page = context.new_page()
    page.goto(base_url + path)
    wait_ready(page)
    assert axe_violations(page, colour_only=True) == []
    page.add_style_tag(content=css)
    assert [v[0] for v in axe_violations(page, colour_only=True)] == ["color-contrast"]
    context.close()


# The lines the page's title takes, and the lines its words take: a permalink sign that does not
# fit after the last word would take a line of its own, an empty line on a phone's first screen.
TITLE_LINES = """() => {
    const h = document.querySelector('article h1'), link = h.querySelector('.headerlink');
    const range = document.createRange();
    range.selectNodeContents(h);
    if (link) range.setEndBefore(link);
    const box = h.getBoundingClientRect(), line = parseFloat(getComputedStyle(h).lineHeight);
    const tops = new Set([...range.getClientRects()].map(r => Math.floor((r.top + r.height / 2 - box.top) / line)));
    return [Math.round(box.height / line), tops.size];
}"""


# Every scroll box of the page: its inner width, how wide its content scrolls, the width of the
# widest table or picture in it, and the height its horizontal scrollbar takes.
SCROLL_BOXES = """() => [...document.querySelectorAll('.dlkb-scroll')].map(box => {
    const inner = [...box.querySelectorAll('table, svg')].filter(e => !e.closest('table table'));
    const style = getComputedStyle(box);
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    return {client: box.clientWidth, scroll: box.scrollWidth,
            content: Math.max(0, ...inner.map(e => Math.ceil(e.getBoundingClientRect().width))),
            bar: box.offsetHeight - box.clientHeight - borders};
})"""


def _scrolls(box: dict) -> bool:
    return box["scroll"] > box["client"] or box["bar"] != 0


def phantom_scrollbars(page, bar: int) -> tuple[list[dict], int]:
    """The scroll boxes whose table or picture fits them and that scroll anyway (a scrollbar for
    nothing, `bar` px high where scrollbars take room), and how many boxes fit. A box that is
    really wider scrolls as far as its content and shows its scrollbar."""
    phantom, fitting = [], 0
    for i, box in enumerate(page.evaluate(SCROLL_BOXES)):
        if box["content"] <= box["client"]:
            fitting += 1
            if _scrolls(box):
                # a reader sees a scrollbar that stays; one frame of a loaded machine's
                # layout in between (seen once on /examples/ in a full run) is looked at again
                page.wait_for_timeout(500)
                if _scrolls(again := page.evaluate(SCROLL_BOXES)[i]):
                    phantom.append(again)
        else:
            assert box["scroll"] >= box["content"] - 1 and box["bar"] == bar, (i, box)
    return phantom, fitting


# Some pages and how many of their tables fit their box on a desktop screen: the check does look
# at tables that fit (verified red: a scrollbar for 16 px too wide before), 30 on all pages.
FITTING = {"/frameworks/pytorch/": 2, "/compare/licenses/": 1, "/compare/tensorflow-vs-pytorch/": 2, "/contributing/": 3}


@pytest.mark.parametrize("path", PAGES + AXE_ONLY)
def test_page_for_accessibility_and_on_a_phone(watched, catalog: Catalog, path: str) -> None:
    """No script error and no request to another origin in either visit. On a desktop screen
    with classic scrollbars (Windows): no scrollbar for a table that fits, full axe in light,
    axe's colour rules after switching to dark. Loaded on a phone: no sideways scroll, no box
    that scrolls for nothing, and a page exactly the screen wide. (The phone needs its own load:
    a desktop page resized to a phone is laid out differently, e.g. the chooser is then 394 px wide.)"""
    page = watched(viewport=DESKTOP, classic=True).goto(path)
    phantom, fitting = phantom_scrollbars(page, bar=15)
    assert phantom == [] and fitting >= FITTING.get(path, 0)
    page_specific_checks(page, path, catalog, "light")
    assert axe_violations(page) == []
    switch_to_dark(page)
    page_specific_checks(page, path, catalog, "dark")
    assert axe_violations(page, colour_only=True) == []
    if path in PAGES:
        phone = watched(viewport=PHONE).goto(path)
        assert phantom_scrollbars(phone, bar=0)[0] == []  # phones draw scrollbars over the box
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        # the page's full extent is the screen's width and taller than it (what a full-page
        # screenshot would measure, without encoding one)
        size = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        assert size[0] == 375 and size[1] >= 800
        lines, text_lines = phone.evaluate(TITLE_LINES)
        assert lines == text_lines, path  # no line of the title holds only its (unseen) address link


@pytest.mark.parametrize("path, static", [("/compare/", "기능 비교표"), ("/guide/", "기능 비교표")])
def test_without_javascript_the_page_says_what_it_needs(browser, base_url, path: str, static: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + path)
    text = page.locator("article").inner_text()
    assert "JavaScript가 필요합니다" in text
    assert page.locator("article").get_by_role("link", name=static).count() == 1
    context.close()


CSP_LOG = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


def test_content_security_policy_holds_and_nothing_breaks_it(watched) -> None:
    """Every page type, with search, the compare page, the matrix and the chooser in use and
    instant navigation between them: the policy is there, and nothing of ours violates it."""
    w = watched(own=True)
    page = w.page
    page.add_init_script(CSP_LOG)
    for path in ["/", "/frameworks/", "/frameworks/pytorch/", "/compare/pros-cons/", "/compare/licenses/",
                 "/compare/timeline/", "/compare/lineage/", "/compare/tensorflow-vs-pytorch/", "/glossary/",
                 "/data/", "/contributing/"]:
        w.goto(path)
        policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content") or ""
        assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-"), path
        assert "unsafe-eval" not in policy and "unsafe-inline" not in policy
        assert page.evaluate("window.__csp") == [], path
    w.goto("/")
    expect(search(page, "파이토치").first).to_be_visible()
    page.keyboard.press("Escape")

    def follow(href_end: str) -> None:  # a nav link, clicked as a reader would; instant navigation takes it
        page.locator(f"nav a[href$='{href_end}']").first.evaluate("a => a.click()")

    follow("compare/matrix/")  # instant navigation keeps the first page's policy
    expect(page.locator("button.dlkb-sort").first).to_be_visible()
    page.locator("button.dlkb-sort").nth(2).click()
    follow("guide/")
    page.get_by_label("지금도 유지보수되는 것").check()
    follow("compare/")
    page.locator(".dlkb-picker input[value=pytorch]").check()
    page.locator(".dlkb-picker input[value=jax], .dlkb-picker input[value=keras]").first.check()
    expect(compare_heads(page)).to_have_count(3)
    assert page.evaluate("window.__csp") == []
    # and it does stop what it is for: an inline script slipped into the page never runs
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }")
    assert page.evaluate("window.ran") is None  # (verified red: without the meta tag it is 1)
    assert page.evaluate("window.__csp") == ["script-src-elem inline"]
    w.errors.clear()  # the refused script's console message is the point of the last check


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_home_shows_the_dated_recommendations_on_the_first_screen(watched, catalog: Catalog, viewport: dict) -> None:
    """Both colour schemes: the block starts inside the first screen, and the date Home says it
    was checked is the oldest review of what it shows."""
    page = watched(viewport=viewport, color_scheme="light").goto("/")
    oldest = min([catalog.recommendations.oldest_review, *(fw.last_verified for fw in catalog.frameworks.values())])
    for scheme in ("light", "dark"):
        if scheme == "dark":
            switch_to_dark(page)
        heading = page.locator("#recommendations")
        expect(heading).to_contain_text(f"{catalog.recommendations.oldest_review.year}년에 새로 시작한다면")
        box = page.locator("ul.dlkb-recs").bounding_box()
        top = heading.bounding_box()
        assert box and top and top["y"] < viewport["height"] and box["y"] < viewport["height"], (scheme, top, box)
        expect(page.locator("ul.dlkb-recs > li")).to_have_count(len(catalog.recommendations.recommendations))
        expect(page.locator(".dlkb-verified time")).to_have_attribute("datetime", oldest.isoformat())
    assert oldest == catalog.recommendations.oldest_review
