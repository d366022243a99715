"""Tables and pictures on every screen (issue 13), in Debian's Chromium at 375 px and 1280 px and
in both colour schemes: what a reader sees of wide tables, the matrix, the pictures, focus, the
404 page and the compare page's messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, no_chromium, serve_directory, wait_ready
from test_browser import axe_violations

pytestmark = [pytest.mark.browser, no_chromium]
SCREENS = [PHONE, DESKTOP]
SCHEMES = ["light", "dark"]
# For what colour does not change (layout, behaviour): each width once and each scheme once, so
# the pair still covers both widths and both schemes. Colour checks keep all four combinations.
PAIRS = [(PHONE, "dark"), (DESKTOP, "light")]
PAIR_IDS = ["phone-dark", "desktop-light"]


# Each cell of a table: its row, edges, whether it shows as a table cell, and the heading it
# shows before its value on a phone.
CELLS = """t => [...t.querySelectorAll('tbody th, tbody td')].map(c => {
    const r = c.getBoundingClientRect();
    const before = getComputedStyle(c, '::before').content;
    return {left: r.left, right: r.right, display: getComputedStyle(c).display,
            label: before === 'none' ? null : JSON.parse(before), text: c.innerText.trim()};
})"""
SIDE_BY_SIDE = {  # page: the column headings of its side-by-side table
    "/frameworks/": ["이름", "한글 이름", "종류", "상태", "첫 공개"],
    "/compare/tensorflow-vs-pytorch/": ["항목", "TensorFlow", "PyTorch"],
    "/compare/licenses/": ["프레임워크", "라이선스", "허용하는 것", "특허", "변경 이력"],
    "/compare/?ids=tensorflow,pytorch,keras,jax,caffe": ["항목", "TensorFlow", "PyTorch", "Keras", "JAX", "Caffe"],
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", list(SIDE_BY_SIDE))
def test_side_by_side_tables_keep_every_column_on_a_phone(lend, base_url: str, path: str, scheme: str) -> None:
    """At 375 px each row is a card inside the screen and every value carries its column
    heading; at 1280 px it is the table with its heading row."""
    heads = SIDE_BY_SIDE[path]
    phone = lend(PHONE, scheme)
    phone.goto(base_url + path)
    wait_ready(phone)
    width = phone.evaluate("document.documentElement.clientWidth")
    table = phone.locator("article table").first
    cells = table.evaluate(CELLS)
    assert len(cells) % len(heads) == 0 and cells
    for i, cell in enumerate(cells):
        if cell["text"] == "":  # an empty value (no Hangul name) is left out of the card
            assert cell["display"] == "none", (i, cell)
            continue
        assert cell["left"] >= 0 and cell["right"] <= width, (i, cell)
        assert cell["display"] == "block", (i, cell)
        column = i % len(heads)
        assert cell["label"] == (None if column == 0 else heads[column]), (i, cell)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    desktop = lend(DESKTOP, scheme)
    desktop.goto(base_url + path)
    wait_ready(desktop)
    table = desktop.locator("article table").first
    assert table.locator("thead th").all_inner_texts() == heads
    assert {c["display"] for c in table.evaluate(CELLS)} == {"table-cell"}
    assert {c["label"] for c in table.evaluate(CELLS)} == {None}


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two computed colours ('rgb(r, g, b)')."""
    def luminance(rgb: str) -> float:
        channels = [int(x) / 255 for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def open_scheme(lend, base_url: str, screen: dict, scheme: str, path: str):
    page = lend(screen, scheme)
    page.goto(base_url + path)
    wait_ready(page)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    return page


APPLE = "Apple 실리콘 (Metal): 지원"
MATRIX_BOX = "document.querySelector('.dlkb-matrix')"


# Every card of the matrix on a phone (its rows, not hidden by a filter): its framework, how it
# shows, and its lines (the name, then one per feature not hidden by the feature search): their
# edges, the label before the value (td::before), the topic heading above it (td::after).
CARDS = """() => [...document.querySelectorAll('#matrix tbody tr:not([hidden])')].map(row => ({
    id: row.id, display: getComputedStyle(row).display,
    lines: [...row.cells].filter(c => !c.hidden).map(c => {
        const r = c.getBoundingClientRect(), style = getComputedStyle(c);
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, display: style.display, text: c.textContent.trim(),
                label: getComputedStyle(c, '::before').content, topic: getComputedStyle(c, '::after').content};
    })}))"""


def generated(content: str) -> str | None:
    """The text of a computed `content` ('"CPU" ":"' → 'CPU:'), None for none."""
    return None if content in ("none", "normal") else "".join(json.loads(f'"{part}"') for part in re.findall(r'"((?:[^"\\]|\\.)*)"', content))


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_matrix_filters_by_hardware_and_reads_after_scrolling(lend, base_url: str, catalog, screen: dict, scheme: str) -> None:
    """Filtered by "Apple 실리콘 (Metal): 지원", shared by its address. At 1280 px the table, whose
    two header rows and name column stay in view when its box scrolls; at 375 px a card per
    framework, each line labelled and within the screen, under its topic's heading."""
    from dlkb.fields import matrix_groups

    page = open_scheme(lend, base_url, screen, scheme, "/compare/matrix/")
    cards = screen == PHONE
    if cards:
        assert page.evaluate("document.documentElement.scrollWidth") == 375  # the page never scrolls sideways
        shown = page.evaluate(CARDS)
        assert [c["id"] for c in shown] == list(catalog.frameworks) and {c["display"] for c in shown} == {"block"}
        heads = [(None, None)] + [(f"{f.label}:", topic.label if i == 0 else None)
                                  for topic, columns in matrix_groups() for i, f in enumerate(columns)]
        for card in shown:
            assert [(generated(line["label"]), generated(line["topic"])) for line in card["lines"]] == heads, card["id"]
            assert card["lines"][0]["text"] == catalog.frameworks[card["id"]].name  # the name heads the card
            for line in card["lines"]:
                assert line["left"] >= 0 and line["right"] <= 375, (card["id"], line)
        pytorch = next(c for c in shown if c["id"] == "pytorch")
        apple = next(line for line in pytorch["lines"] if generated(line["label"]) == "Apple 실리콘 (Metal):")
        assert catalog.frameworks["pytorch"].hardware.apple.value == "yes"
        assert apple["text"].startswith("● 지원") and apple["display"] == "flex"
        assert axe_violations(page) == []
    page.select_option("select[name=hardware]", label=APPLE)
    expected = sorted(fw.name for fw in catalog.frameworks.values() if fw.hardware.apple.value == "yes")
    names = page.locator("#matrix tbody tr:not([hidden]) th")  # (a card off the screen has no inner text yet)
    assert sorted(names.all_text_contents()) == expected and expected
    assert page.evaluate("new URLSearchParams(location.search).get('hardware')") == "apple:yes"
    if cards:  # the other cards are gone from the screen, not only marked
        assert {c["display"] for c in page.evaluate(CARDS)} == {"block"}
        hidden = page.locator("#matrix tbody tr[hidden]").evaluate_all("rs => rs.map(r => getComputedStyle(r).display)")
        assert hidden == ["none"] * (len(catalog.frameworks) - len(expected))
        # the feature search leaves one line a card, under its topic's heading
        page.locator("#matrix-filters input[name=q]").fill("Apple")
        lines = [[(line["text"][:4], generated(line["label"]), generated(line["topic"])) for line in c["lines"][1:]]
                 for c in page.evaluate(CARDS)]
        assert lines == [[("● 지원", "Apple 실리콘 (Metal):", "하드웨어")]] * len(expected)
        page.locator("#matrix-filters input[name=q]").fill("")
    shared = open_scheme(lend, base_url, screen, scheme, page.url.removeprefix(base_url))
    assert sorted(shared.locator("#matrix tbody tr:not([hidden]) th").all_text_contents()) == expected
    assert shared.locator("select[name=hardware] option:checked").inner_text() == APPLE
    if cards:
        return

    # scrolled sideways and down inside its box, both header rows and the name column stay put
    page.select_option("select[name=hardware]", "")
    page.evaluate(f"{MATRIX_BOX}.scrollTo(1500, 400)")
    box = page.evaluate(f"(() => {{ const b = {MATRIX_BOX}, r = b.getBoundingClientRect(); return {{left: r.left + b.clientLeft, top: r.top + b.clientTop, x: b.scrollLeft, y: b.scrollTop}}; }})()")
    assert box["x"] == 1500 and box["y"] == 400
    row = page.locator("#matrix tbody tr").nth(8).locator("th").bounding_box()
    topic = page.locator("#distributed").bounding_box()
    head = page.locator("#hardware-cpu").bounding_box()
    assert row and topic and head
    assert abs(row["x"] - box["left"]) < 1  # the name is at the box's left edge, not scrolled away
    assert abs(topic["y"] - box["top"]) < 1  # the topic row is at the box's top
    assert abs(head["y"] - (topic["y"] + topic["height"])) < 1.5  # the column headings right under it


@pytest.mark.parametrize("scheme", SCHEMES)
def test_matrix_support_levels_have_their_own_readable_colour(lend, base_url: str, scheme: str) -> None:
    page = open_scheme(lend, base_url, DESKTOP, scheme, "/compare/matrix/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    colours = {}
    for level in ["yes", "partial", "external", "no", "na", "unknown"]:
        cells = page.locator(f"#matrix .dlkb-support--{level}")
        legend = page.locator(f"article > p .dlkb-support--{level}")
        colour = legend.evaluate("e => getComputedStyle(e).color")
        assert contrast(colour, background) >= 4.5, (level, colour, background)
        if cells.count():
            assert cells.first.evaluate("e => getComputedStyle(e).color") == colour  # the legend matches
        colours[level] = colour
    assert len(set(colours.values())) == 6  # one colour per level


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_matrix_topics_columns_and_rows_have_addresses(lend, base_url: str, screen: dict, scheme: str) -> None:
    """#hardware, #hardware-apple, #chainer: opened, or followed on the page. At 1280 px the box
    scrolls the topic's first column, or the column, to just right of the sticky name column, and
    a row to just below the header rows; at 375 px the page scrolls that line of the first card
    (or that card) to below the site's header."""
    from dlkb.fields import matrix_groups

    page = open_scheme(lend, base_url, screen, scheme, "/compare/matrix/#hardware")
    topics = page.locator("#matrix thead th[colspan]")
    assert topics.evaluate_all("ts => ts.map(t => [t.id, t.colSpan, t.querySelector('a.dlkb-anchor').hash])") == [
        [topic.id, len(columns), f"#{topic.id}"] for topic, columns in matrix_groups()]
    assert [t.replace("#", "").strip() for t in topics.all_text_contents()] == ["일반", "하드웨어", "분산 학습", "배포", "도구"]
    assert page.locator("#hardware").evaluate("e => e.matches(':target')")
    if screen == PHONE:
        first = "#matrix tbody tr:not([hidden])"
        line = """(sel => { const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const r = document.querySelector(sel).getBoundingClientRect();
            return Math.abs(r.top - header - 8) < 2; })"""  # just below the site's header (matrix.js: toTop)
        page.wait_for_function(f"() => {line}('{first} td:nth-child(9)')")  # 이름, 일반 × 7, then CPU: the first hardware line
        assert page.locator(f"{first} td:nth-child(9)").first.evaluate("e => getComputedStyle(e, '::after').content") == '"하드웨어"'
        page.evaluate("location.hash = '#hardware-apple'")
        page.wait_for_function(f"() => {line}('{first} td:nth-child(13)')")
        assert page.locator(f"{first} td:nth-child(13)").first.evaluate("e => e.dataset.label") == "Apple 실리콘 (Metal)"
        page.evaluate("location.hash = '#chainer'")
        page.wait_for_function(f"() => {line}('tr#chainer')")  # the card itself
        return
    beside = f"""(sel => {{ const b = {MATRIX_BOX}.getBoundingClientRect(), r = document.querySelector(sel).getBoundingClientRect();
        const name = document.querySelector('#matrix th[data-key=name]').getBoundingClientRect();
        return Math.abs(r.left - name.right) < 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1; }})"""
    page.wait_for_function(f"() => {beside}('#hardware-cpu')")  # the topic's first column, not under the name column
    assert page.evaluate(f"{MATRIX_BOX}.scrollLeft") > 0
    page.evaluate("location.hash = '#hardware-apple'")  # followed on the page: the same for a column
    page.wait_for_function(f"() => {beside}('#hardware-apple')")
    column = page.locator("#hardware-apple")
    assert column.locator("a.dlkb-anchor").evaluate("a => a.hash") == "#hardware-apple"
    assert column.locator("button.dlkb-sort").inner_text().startswith("Apple 실리콘 (Metal)")
    page.evaluate("location.hash = '#chainer'")
    page.wait_for_function(f"""() => {{ const b = {MATRIX_BOX}.getBoundingClientRect(), head = document.querySelector('#matrix th[data-key=name]').getBoundingClientRect();
        const r = document.querySelector('tr#chainer > th').getBoundingClientRect();
        return Math.abs(r.top - head.bottom) < 1.5 && r.left >= b.left - 1 && r.bottom <= b.bottom + 1; }}""")  # below the header rows


def test_matrix_without_javascript_is_the_whole_table(browser, base_url: str, catalog) -> None:
    """Every framework and every column, readable; where the filters would be, why they are not."""
    from dlkb.fields import fields_for

    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/compare/matrix/")
    shown = page.locator("#matrix tbody tr").evaluate_all("rs => rs.filter(r => r.getBoundingClientRect().height > 0).map(r => r.id)")
    assert shown == list(catalog.frameworks)
    assert page.locator("#matrix thead tr").nth(1).locator("th").all_text_contents()[:2] == ["종류 #", "상태 #"]
    assert page.locator("#matrix thead tr").nth(1).locator("th").count() == len(fields_for("matrix"))
    assert page.locator(".dlkb-noscript").inner_text() == "JavaScript가 꺼져 있어 거르기와 정렬은 쓸 수 없습니다. 아래 표에 모든 프레임워크와 항목이 있습니다."
    assert page.locator(".dlkb-noscript").is_visible() and not page.locator("#matrix-filters select").first.is_visible()
    context.close()


def within(page, inner: str, outer: str) -> bool:
    """Whether the first element of `inner` is inside the visible rectangle of `outer`."""
    return page.evaluate(f"""(() => {{ const o = document.querySelector({outer!r}).getBoundingClientRect();
        const r = document.querySelector({inner!r}).getBoundingClientRect();
        return r.width > 0 && r.left >= o.left - 1 && r.right <= o.right + 1; }})()""")


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_timeline_shows_now_and_keeps_names_in_view(lend, base_url: str, catalog, screen: dict, scheme: str) -> None:
    from dlkb.graphs import is_release, timeline_rows

    page = open_scheme(lend, base_url, screen, scheme, "/compare/timeline/")
    box = ".tl-scroll"
    year_2026 = page.locator("svg.dlkb-timeline text.tl-year", has_text="2026")
    assert year_2026.count() == 1
    page.evaluate("document.querySelectorAll('svg.dlkb-timeline text.tl-year').forEach(t => { if (t.textContent === '2026') t.id = 'y2026'; })")
    assert within(page, "#y2026", box)  # the newest years are in view when the page opens
    assert within(page, "svg.dlkb-timeline .tl-now-label", box)
    assert page.locator("svg.dlkb-timeline .tl-now-label").text_content() == "지금"
    rows = timeline_rows(list(catalog.frameworks.values()))
    names = page.locator("ol.tl-names > li")
    assert names.all_inner_texts() == [fw.name for fw in rows]
    bars = page.locator("svg.dlkb-timeline rect.tl-bar")
    before = [names.nth(i).bounding_box() for i in range(len(rows))]
    for i in range(len(rows)):  # each name sits on its bar's row
        name, bar = before[i], bars.nth(i).bounding_box()
        assert name and bar and abs((name["y"] + name["height"] / 2) - (bar["y"] + bar["height"] / 2)) <= 2, rows[i].id
    page.evaluate(f"document.querySelector('{box}').scrollLeft = -10000")  # to the oldest years (right to left box)
    page.evaluate("document.querySelectorAll('svg.dlkb-timeline text.tl-year')[0].id = 'first-year'")
    assert within(page, "#first-year", box)
    assert [names.nth(i).bounding_box() for i in range(len(rows))] == before  # the names did not move
    assert names.first.locator("a").evaluate("a => a.pathname") == f"/frameworks/{rows[0].id}/"
    dots = page.locator("svg.dlkb-timeline circle.tl-release")
    released = [fw.id for fw in rows if fw.shown_release and is_release(fw.shown_release.version)]
    assert dots.evaluate_all("cs => cs.map(c => c.dataset.id)") == released
    assert "pytorch" in released  # its release is the one `dlkb refresh` observed, as on its page
    links = page.locator("svg.dlkb-timeline a.tl-link")  # each bar opens its framework's page (mouse)
    assert links.evaluate_all("as => as.map(a => a.getAttribute('xlink:href'))") == [f"../../frameworks/{fw.id}/" for fw in rows]
    assert "dsstne" not in released and "dsstne" in [fw.id for fw in rows if fw.latest]  # "태그 릴리스 없음": no dot
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]


def test_a_version_that_names_no_release_is_not_one() -> None:
    from dlkb.graphs import is_release

    assert [v for v in ["2.21.0", "v1.0", "1.0.0-M2.1", "0.8.1", "scm-1", "태그 릴리스 없음 (master e429ea8)", "master"] if is_release(v)] == \
        ["2.21.0", "v1.0", "1.0.0-M2.1", "0.8.1"]


# How a line looks: its dash pattern, width and colour.
LINE_STYLE = "e => { const s = getComputedStyle(e); return [s.strokeDasharray, s.strokeWidth, s.stroke].join(' | '); }"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_lineage_fits_tells_relations_apart_and_links_nodes(lend, base_url: str, catalog, scheme: str) -> None:
    from dlkb.vocab import Relation

    page = open_scheme(lend, base_url, DESKTOP, scheme, "/compare/lineage/")
    box = page.locator("figure .dlkb-scroll")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")  # all stages in view at 1280 px
    assert sorted(page.locator("svg.dlkb-lineage text.ln-col").all_text_contents()) == ["1단계", "2단계", "3단계", "4단계", "뿌리"]
    labels = page.locator("svg.dlkb-lineage text.ln-label")
    fits = labels.evaluate_all("ts => ts.map(t => [t.textContent, t.getBBox().width <= t.previousElementSibling.getBBox().width - 4])")
    assert [name for name, ok in fits if not ok or "…" in name] == []  # whole names, inside their boxes
    shown = labels.evaluate_all("ts => ts.map(t => [...t.children].map(line => line.textContent).join(' '))")
    assert {fw.name for fw in catalog.frameworks.values()} | {"Torch3·Torch5 (이전 세대 Torch)"} <= set(shown)
    relations = [r.css for r in Relation] + ["successor"]
    legend = {r: page.locator(f".dlkb-legend__item[data-relation={r}] line").evaluate(LINE_STYLE) for r in relations}
    assert len(set(legend.values())) == len(relations)  # one look per relation
    for r in relations:  # and the picture draws each relation as its legend shows
        drawn = set(page.locator(f"svg.dlkb-lineage path.ln-edge--{r}").evaluate_all(f"ps => ps.map({LINE_STYLE})"))
        assert drawn <= {legend[r]}, r
    links = page.locator("svg.dlkb-lineage a.ln-link")
    assert sorted(links.evaluate_all("as => as.map(a => a.getAttribute('xlink:href'))")) == sorted(f"../../frameworks/{i}/" for i in catalog.frameworks)


def test_lineage_node_opens_the_framework_page(watched) -> None:
    """Clicked and by keyboard, also after Material's instant navigation brought the page."""
    w = watched()
    page = w.goto("/")
    page.locator("nav a[href$='compare/lineage/']").first.evaluate("a => a.click()")
    page.wait_for_url("**/compare/lineage/")
    wait_ready(page)
    page.locator("svg.dlkb-lineage a.ln-link[*|href='../../frameworks/pytorch/']").click()
    page.wait_for_url("**/frameworks/pytorch/")
    assert page.locator("h1").first.inner_text().startswith("PyTorch")
    page = w.goto("/compare/lineage/")
    page.locator("svg.dlkb-lineage a.ln-link[*|href='../../frameworks/keras/']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/frameworks/keras/")


FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e);
    return {value: e.value, type: e.type, visible: e.matches(':focus-visible'), style: s.outlineStyle,
            width: parseFloat(s.outlineWidth), colour: s.outlineColor, page: getComputedStyle(document.body).backgroundColor}; }"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", SCREENS, ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["/compare/?ids=pytorch,jax", "/guide/"])
def test_tab_shows_a_focus_ring_on_every_checkbox(lend, base_url: str, path: str, screen: dict, scheme: str) -> None:
    page = open_scheme(lend, base_url, screen, scheme, path)
    boxes = page.locator("[data-dlkb-app] input[type=checkbox]:not([disabled])")
    wanted = boxes.evaluate_all("bs => bs.map(b => b.value)")
    page.locator("[data-dlkb-app] legend").first.click()  # start from the page, as a reader does, then Tab
    seen = []
    for _ in range(len(wanted) + 40):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["type"] != "checkbox":
            if seen:
                break
            continue
        seen.append(focus["value"])
        assert focus["visible"] and focus["style"] == "solid" and focus["width"] >= 2, focus
        assert contrast(focus["colour"], focus["page"]) >= 3, focus  # WCAG 1.4.11 for the ring
    assert seen == wanted  # every checkbox is reached by Tab, in order, and shows its ring


@pytest.fixture(scope="module")
def published_url(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site under its published path (/dl-frameworks-ko/), where the 404 page's links point."""
    root = tmp_path_factory.mktemp("published")
    (root / "dl-frameworks-ko").symlink_to(site, target_is_directory=True)
    with serve_directory(root) as url:
        yield url + "/dl-frameworks-ko"


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_the_404_page_is_korean_and_shows_the_way(lend, published_url: str, screen: dict, scheme: str) -> None:
    page = open_scheme(lend, published_url, screen, scheme, "/404.html")
    assert page.locator("article h1").inner_text() == "페이지를 찾을 수 없습니다"
    links = page.locator("article ul.dlkb-404-links a")
    assert [(a, urlpath) for a, urlpath in zip(links.all_inner_texts(), links.evaluate_all("as => as.map(a => a.pathname)"), strict=True)] == [
        ("첫 페이지", "/dl-frameworks-ko/"), ("프레임워크 목록", "/dl-frameworks-ko/frameworks/"),
        ("기능 비교표", "/dl-frameworks-ko/compare/matrix/"), ("추가하는 방법", "/dl-frameworks-ko/contributing/")]
    assert "이 프레임워크가 아직 없나요?" in page.locator("article").inner_text()
    if screen == DESKTOP:  # axe where the suite runs it: full in light, colour rules in dark
        assert axe_violations(page, colour_only=scheme == "dark") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]
    page.get_by_role("link", name="프레임워크 목록").click()
    page.wait_for_url("**/dl-frameworks-ko/frameworks/")
    assert page.locator("article h1").first.inner_text().startswith("프레임워크 목록")

    again = open_scheme(lend, published_url, screen, scheme, "/404.html")
    again.get_by_label("사이트에서 찾기").fill("파이토치")
    again.get_by_role("button", name="찾기").click()  # the theme's search opens with the words typed
    again.wait_for_url("**/dl-frameworks-ko/?q=*")
    result = again.locator(".md-search-result__item h1").first
    result.wait_for()
    assert again.locator(".md-search__input").input_value() == "파이토치"
    assert "PyTorch" in again.locator(".md-search-result__item h1").all_inner_texts()[:3]


COMPARE_INPUTS = [  # the address's ids -> the columns shown and the notes above the table
    ("tensorflow,jaxx", ["TensorFlow"], ["없는 프레임워크라서 뺐습니다 (입력: jaxx) — 올바른 값: 아래 목록에 있는 프레임워크의 id"]),
    ("PyTorch,jax", ["PyTorch", "JAX"], ["대소문자를 바로잡아 PyTorch로 읽었습니다 (입력: PyTorch) — 올바른 값: pytorch"]),
    ("tf,torch7", ["TensorFlow", "Torch"], ["다른 이름이라서 TensorFlow로 읽었습니다 (입력: tf) — 올바른 값: tensorflow",
                                            "다른 이름이라서 Torch로 읽었습니다 (입력: torch7) — 올바른 값: torch"]),
    ("pytorch,pytorch,jax", ["PyTorch", "JAX"], ["같은 프레임워크가 두 번 있어 한 번만 넣었습니다 (입력: pytorch) — 올바른 값: 프레임워크마다 한 번"]),
    ("pytorch,jax,keras,caffe,theano,mxnet,chainer", ["PyTorch", "JAX", "Keras", "Caffe", "Theano"],
     ["한 번에 5개까지 비교할 수 있어 뒤의 2개를 뺐습니다 (입력: mxnet, chainer) — 올바른 값: 2~5개"]),
]


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_compare_explains_what_it_did_with_the_address(lend, base_url: str, screen: dict, scheme: str) -> None:
    page = lend(screen, scheme)
    for ids, columns, notes in COMPARE_INPUTS:
        page.goto(f"{base_url}/compare/?ids={ids}")
        wait_ready(page)
        ticked = page.locator(".dlkb-picker input:checked").evaluate_all("bs => bs.map(b => b.parentElement.textContent.trim())")
        assert sorted(ticked) == sorted(columns), ids
        assert page.locator("ul.dlkb-notices > li").all_inner_texts() == notes, ids
        if len(columns) >= 2:
            assert page.locator("[data-dlkb-app=compare] thead th").all_inner_texts() == ["항목", *columns], ids
        page.locator(".dlkb-picker input[value=keras]").click()  # choosing by hand: the notes are done
        assert page.locator("ul.dlkb-notices > li").count() == 0
        assert not page.locator("ul.dlkb-notices").is_visible()


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_compare_differences_are_by_support_level_with_symbols_and_sources(lend, base_url: str, catalog, screen: dict, scheme: str) -> None:
    from dlkb.fields import fields_for

    rows = fields_for("compare")
    a, b = catalog.frameworks["pytorch"], catalog.frameworks["tensorflow"]
    differ = [f.label for f in rows if (f.value(a).value if f.show == "feature" else f.text(a)) != (f.value(b).value if f.show == "feature" else f.text(b))]
    tools_only = [f.label for f in rows if f.show == "feature" and f.value(a).value == f.value(b).value and f.text(a) != f.text(b)]
    page = open_scheme(lend, base_url, screen, scheme, "/compare/?ids=pytorch,tensorflow&diff=1")
    table = page.locator("[data-dlkb-app=compare] table")
    assert table.locator("tbody th").all_inner_texts() == differ
    assert tools_only  # there are rows that differ only in tool names: hidden, and counted apart
    assert page.locator(".dlkb-live").inner_text() == (
        f"프레임워크 2개, 항목 {len(differ)}개를 비교합니다 (같은 항목 {len(rows) - len(differ)}개는 숨김, "
        f"그 가운데 {len(tools_only)}개는 지원 수준이 같고 도구 이름만 다름).")
    # every support value carries its symbol and word; the sources link to the framework's list
    cuda = next(i for i, f in enumerate(rows) if f.key == "hardware_cuda")
    page.goto(f"{base_url}/compare/?ids=pytorch,tensorflow")
    wait_ready(page)
    cell = page.locator(f"[data-dlkb-app=compare] tbody tr[data-key={rows[cuda].key}] td").first
    level = a.hardware.cuda.value
    assert cell.locator(f".dlkb-support--{level.css}").inner_text() == f"{level.icon} {level.label}"
    marks = cell.locator("a.dlkb-cite")
    assert marks.count() == len(a.hardware.cuda.sources) > 0
    first = a.hardware.cuda.sources[0]
    assert marks.first.evaluate("a => a.pathname + a.hash") == f"/frameworks/pytorch/#src-{first}"
    assert re.fullmatch(r"\[\d+\]", marks.first.inner_text()) and marks.first.get_attribute("title") is None  # as on a framework page
    box = marks.first.bounding_box()
    assert box and box["width"] >= 12  # a tap target that can be hit


SMALL_PRINT = """() => {
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    // Folded text (inside a closed <details>, e.g. repeated claims) is not on screen until opened.
    const shown = e => e.getClientRects().length > 0 && !e.closest('details:not([open]) > :not(summary)');
    const notes = [...document.querySelectorAll('article .dlkb-note, article .dlkb-when')].filter(shown);
    const marks = [...document.querySelectorAll('article a.dlkb-cite')].filter(shown);
    const boxes = marks.map(m => m.getBoundingClientRect());
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps += 1; }));
    return {notes: notes.length, smallest_note: Math.min(...notes.map(size)), marks: marks.length,
            smallest_mark: Math.min(...marks.map(size)), narrowest: Math.min(...boxes.map(b => b.width)),
            lowest: Math.min(...boxes.map(b => b.height)), overlaps};
}"""


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_notes_dates_and_citation_marks_are_readable_and_tappable(lend, base_url: str, screen: dict, scheme: str) -> None:
    page = lend(screen, scheme)
    for path in ["/frameworks/pytorch/", "/compare/pros-cons/", "/compare/tensorflow-vs-pytorch/", "/compare/matrix/", "/tools/"]:
        page.goto(base_url + path)
        wait_ready(page)
        found = page.evaluate(SMALL_PRINT)
        assert found["notes"] > 0 and found["marks"] >= 0, path
        assert found["smallest_note"] >= 12.5, (path, found)
        if found["marks"]:
            assert found["smallest_mark"] >= 12 and found["narrowest"] >= 24 and found["lowest"] >= 24, (path, found)
            assert found["overlaps"] == 0, (path, found)  # [1][2] side by side are two targets


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_glossary_has_a_korean_index(lend, base_url: str, catalog, screen: dict, scheme: str) -> None:
    from dlkb.labels import INITIALS, initial

    page = open_scheme(lend, base_url, screen, scheme, "/glossary/")
    index = page.locator("nav.dlkb-index li")
    assert index.all_inner_texts() == [letter for letter, _ in INITIALS] + ["A–Z"]
    terms = catalog.glossary.terms
    used = {initial(t.ko) for t in terms}
    linked = page.locator("nav.dlkb-index a").all_inner_texts()
    assert linked == [letter for letter, _ in INITIALS if letter in used] + (["A–Z"] if None in used else [])
    first = linked[1]
    page.locator("nav.dlkb-index a", has_text=first).click()
    heading = page.locator("article h3", has_text=first).first
    expect_in_view = heading.evaluate("h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert expect_in_view and page.url.endswith("#" + heading.get_attribute("id"))
    # the terms under each consonant are those starting with it, in 가나다 order
    shown = page.locator("article h3", has_text=first).locator("xpath=following-sibling::dl[1]/dt").evaluate_all(
        "ds => ds.map(d => d.id)")
    assert shown == [t.id for t in sorted(terms, key=lambda t: t.ko) if initial(t.ko) == first]
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_pages_describe_themselves_for_link_previews(lend, base_url: str, catalog, screen: dict, scheme: str) -> None:
    page = lend(screen, scheme)
    pytorch = " ".join(catalog.frameworks["pytorch"].summary_ko.split())
    for path, expected in [("/frameworks/pytorch/", pytorch if len(pytorch) <= 160 else pytorch[:159].rstrip() + "…"),
                           ("/compare/", "딥러닝 프레임워크를 출처와 날짜가 붙은 사실로 비교하는 한국어 지식 베이스")]:
        page.goto(base_url + path)
        wait_ready(page)
        assert page.locator("meta[name=description]").count() == 1
        assert page.locator("meta[name=description]").get_attribute("content") == expected, path
        assert page.locator("meta[property='og:description']").get_attribute("content") == expected, path
    assert page.locator("meta[property='og:title']").get_attribute("content") == "골라서 비교하기"


# The tables that were cut at 375 px before they became cards: page, the table's caption (the
# start of it), its column headings.
CARD_TABLES = {
    "/glossary/": ("개념별로 쓰는 말과 쓰지 않는 말", ["개념", "쓰는 말", "쓰지 않는 말", "근거"]),
    "/tools/": ("관련 도구의 종류", ["도구", "종류", "라이선스", "상태", "최신 릴리스"]),
    "/migrate/": ("활발히 개발되지 않는 프레임워크", ["프레임워크", "상태", "옮겨 갈 곳", "대응 표", "환경"]),
}
# Every visible cell of every table on the page but the matrix and the long logs and references
# that scroll in their own box (the changes, the contributor's field tables): its right edge.
CELL_EDGES = """() => [...document.querySelectorAll('article table')]
    .filter(t => !t.closest('.dlkb-matrix, .dlkb-fields') && !t.matches('.dlkb-changes'))
    .flatMap(t => [...t.querySelectorAll('tbody th, tbody td')])
    .filter(c => getComputedStyle(c).display !== 'none')
    .map(c => Math.ceil(c.getBoundingClientRect().right))"""


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_glossary_words_tools_and_migrations_are_cards_on_a_phone(lend, base_url: str, screen: dict, scheme: str) -> None:
    """At 375 px each row is a card inside the screen, each value under its column heading; at
    1280 px the same tables keep their heading row. A framework page's two-column tables keep a
    tool's long dotted name inside the screen too."""
    page = lend(screen, scheme)
    phone = screen == PHONE
    for path, (caption, heads) in CARD_TABLES.items():
        page.goto(base_url + path)
        wait_ready(page)
        table = page.locator("article table", has=page.locator("caption", has_text=caption))
        cells = table.evaluate(CELLS)
        assert len(cells) % len(heads) == 0 and cells, path
        if phone:
            for i, cell in enumerate(cells):
                assert cell["left"] >= 0 and cell["right"] <= screen["width"] and cell["display"] == "block", (path, i, cell)
                assert cell["label"] == (None if i % len(heads) == 0 else heads[i % len(heads)]), (path, i, cell)
            assert max(page.evaluate(CELL_EDGES)) <= screen["width"], path
        else:
            assert table.locator("thead th").all_inner_texts() == heads
            assert {c["display"] for c in cells} == {"table-cell"} and {c["label"] for c in cells} == {None}
    if phone:
        for path in ["/frameworks/chainer/", "/frameworks/caffe/"]:  # chainer.computational_graph.build_computational_graph
            page.goto(base_url + path)
            wait_ready(page)
            edges = page.evaluate(CELL_EDGES)
            assert len(edges) > 20 and max(edges) <= screen["width"], path


# Each name in the phone's list of stages: its text, whether it links and where, its box and its
# rendered text size, and whether it is cut (wider than its box).
STAGE_NAMES = """() => [...document.querySelectorAll('.dlkb-stages__nodes > li > :first-child')].map(e => {
    const r = e.getBoundingClientRect();
    return {name: e.textContent, href: e.tagName === 'A' ? e.pathname : null, left: r.left, right: r.right, height: r.height,
            size: parseFloat(getComputedStyle(e).fontSize), cut: e.scrollWidth > Math.ceil(r.width)};
})"""


@pytest.mark.parametrize(("screen", "scheme"), PAIRS, ids=PAIR_IDS)
def test_lineage_on_a_phone_is_a_list_of_stages_with_every_name_whole_and_linked(lend, base_url: str, catalog,
                                                                                 screen: dict, scheme: str) -> None:
    from dlkb.graphs import lineage_edges, lineage_stages
    frameworks = list(catalog.frameworks.values())
    stages = lineage_stages(frameworks, lineage_edges(frameworks))
    page = open_scheme(lend, base_url, screen, scheme, "/compare/lineage/")
    picture, stage_list = page.locator("figure .dlkb-scroll:has(svg.dlkb-lineage)"), page.locator(".dlkb-stages")
    if screen != PHONE:  # the picture, with all its stages in view (test_lineage_fits_tells_relations_apart…)
        assert picture.is_visible() and not stage_list.is_visible()
        return
    assert not picture.is_visible() and stage_list.is_visible()
    assert page.locator(".dlkb-stages__title").all_inner_texts() == ["뿌리", "1단계", "2단계", "3단계", "4단계"]
    names = page.evaluate(STAGE_NAMES)
    assert [n["name"] for n in names] == [node.name for s in stages for node in s.nodes]
    # every framework once, as a link to its page; the outside projects as plain names
    assert sorted(n["href"] for n in names if n["href"]) == sorted(f"/frameworks/{i}/" for i in catalog.frameworks)
    assert {n["name"] for n in names if n["href"]} == {fw.name for fw in frameworks}
    for n in names:
        assert n["left"] >= 0 and n["right"] <= screen["width"] and n["height"] > 0 and not n["cut"], n
        assert n["size"] >= 12, n
    assert "Torch3·Torch5 (이전 세대 Torch)" in [n["name"] for n in names]  # the name that was once cut
    page.locator(".dlkb-stages").get_by_role("link", name="PyTorch", exact=True).click()  # a plain link: instant navigation takes it
    page.wait_for_url("**/frameworks/pytorch/")
    assert page.locator("h1").first.inner_text().startswith("PyTorch")
    page.go_back()
    page.wait_for_url("**/compare/lineage/")
    wait_ready(page)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]
