"""Page weight (issue 16): what every built page carries does not grow with the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dlkb.catalog import Catalog
from dlkb.csp import _digest
from dlkb.inline import minified_css
from dlkb.render import nav


def test_the_nav_links_each_section_once_not_every_framework(catalog: Catalog) -> None:
    sections = {next(iter(item)): next(iter(item.values())) for item in nav(catalog)}
    assert sections["프레임워크"] == "frameworks/index.md"
    assert sections["옛 코드 옮기기"] == "migrate/index.md"


def test_a_framework_page_names_no_other_framework_page_in_its_nav(site: Path) -> None:
    page = (site / "frameworks/pytorch/index.html").read_text(encoding="utf-8")
    primary = page[page.index('md-nav--primary'):page.index('md-sidebar--secondary')]
    assert re.findall(r'href="\.\./[a-z0-9-]+/"', primary) == []
    assert 'href="../"' in primary  # 프레임워크: the list page


def test_our_stylesheet_and_loader_are_in_the_page_and_allowed_by_hash(site: Path) -> None:
    """Each page carries the rules of its own parts: the matrix's are on the matrix page only,
    and every page's policy allows every page's stylesheet (instant navigation keeps the first
    page's policy while it swaps in the next page's head)."""
    stylesheet = (site / "stylesheets/dlkb.css").read_text(encoding="utf-8")
    styles = {}
    for path in ("frameworks/pytorch/index.html", "compare/matrix/index.html"):
        page = (site / path).read_text(encoding="utf-8")
        assert "stylesheets/dlkb.css" not in page and "javascripts/dlkb.js" not in page
        assert "assets/stylesheets/palette." not in page  # the theme's palette: written in too
        styles[path] = re.findall(r"<style>(.*?)</style>", page, re.S)
        assert len(styles[path]) == 2
    palette, pytorch = styles["frameworks/pytorch/index.html"]
    matrix = styles["compare/matrix/index.html"][1]
    # the palettes this site offers (indigo, in the light and the dark scheme), not the theme's other colours
    assert "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5;" in palette and "[data-md-color-scheme=slate]{" in palette
    assert "[data-md-color-primary=red]" not in palette and "[data-md-color-accent=red]" not in palette
    assert ".dlkb-matrix" not in pytorch and ".md-typeset .dlkb-matrix{max-height: 80vh;" in matrix
    assert ":root{--md-text-font:" in pytorch and ":root{--md-text-font:" in matrix  # every page's
    assert pytorch.startswith(".md-typeset table.dlkb-table{")  # the theme's table rules, for its tables, first
    assert ".dlkb-verdict{" in pytorch and ".dlkb-verdict{" not in matrix  # the matrix page has no verdict
    assert len(pytorch) < len(minified_css(stylesheet)) - 6000
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    assert policy is not None and all(_digest(css).replace("'", "&#39;") in policy.group(1) for css in (palette, pytorch, matrix))


def test_a_section_for_some_pages_goes_only_into_the_pages_that_hold_its_text() -> None:
    from dlkb.inline import page_css

    css = ":root { top: 0; }\n/* @only dlkb-matrix */\n:root { left: 0; }\n/* @end */\np { margin: 0; }\n"
    assert page_css(css, '<div class="dlkb-matrix">') == ":root{top: 0;}:root{left: 0;}p{margin: 0;}"
    assert page_css(css, "<p>글</p>") == ":root{top: 0;}p{margin: 0;}"


@pytest.mark.parametrize(("page", "expected"), [
    ('<p class="dlkb-a">', ".dlkb-a,.md-nav{color: red;}p:not(.dlkb-b){top: 0;}"),  # the theme's classes stay: its script adds them
    ('<p class="dlkb-a dlkb-b">', ".dlkb-a,.md-nav{color: red;}p:not(.dlkb-b){top: 0;}.dlkb-a .dlkb-b{left: 0;}@media screen{.dlkb-b{margin: 0;}}"),
    ("<p>글</p><script>el.className = 'dlkb-s--' + level;</script>", ".md-nav{color: red;}p:not(.dlkb-b){top: 0;}.dlkb-s--yes{color: green;}"),
    ('<p class="dlkb-s dlkb-s--no">', ".md-nav{color: red;}p:not(.dlkb-b){top: 0;}"),  # a stem in a class is not a script's string
])
def test_a_rule_goes_only_into_the_pages_that_can_have_its_classes(page: str, expected: str) -> None:
    from dlkb.inline import page_css

    css = (".dlkb-a, .md-nav { color: red; }\np:not(.dlkb-b) { top: 0; }\n.dlkb-a .dlkb-b { left: 0; }\n"
           "@media screen { .dlkb-b { margin: 0; } }\n.dlkb-s--yes { color: green; }\n")
    assert page_css(css, page) == expected


def test_the_inline_stylesheet_loses_comments_and_spaces_but_not_its_strings() -> None:
    css = '/* why */\n.a  .b > c ,\n d {\n  color: red ;\n  content: " a, {b} ";\n}\n.e::after { content: "\\2190"; }\n'
    assert minified_css(css) == '.a .b > c,d{color: red;content: " a, {b} ";}.e::after{content: "\\2190";}'


def test_the_site_icon_is_our_small_svg_written_into_the_page(site: Path) -> None:
    page = (site / "frameworks/pytorch/index.html").read_text(encoding="utf-8")
    assert "<link rel=\"icon\" href=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>" in page
    assert "favicon.png" not in page


def test_code_keeps_its_text_and_loses_only_the_spans_that_look_like_the_code() -> None:
    from dlkb.inline import plain_tokens

    code = ('<p><span class="n">x</span></p><pre><span></span><code><span class="kn">import</span><span class="w"> </span>'
            '<span class="nn">torch</span>\n<span class="n">x</span><span class="w"> </span><span class="o">=</span>'
            '<span class="w"> </span><span class="n">torch</span><span class="o">.</span><span class="n">ones</span>'
            '<span class="p">(</span><span class="mi">2</span><span class="p">)</span></code></pre>')
    assert plain_tokens(code) == (
        '<p><span class="n">x</span></p><pre><span></span><code><span class="kn">import</span> <span class="nn">torch</span>\n'
        'x = torch.ones(<span class="mi">2</span>)</code></pre>')


def test_the_built_examples_page_has_no_unstyled_token_spans(site: Path) -> None:
    page = (site / "examples/index.html").read_text(encoding="utf-8")
    assert '<span class="kn">import</span> <span class="nn">torch</span>' in page  # the code's text and spaces kept
    assert re.findall(r'<span class="[wnpo]">', page) == []


def test_a_page_loses_its_indentation_and_blank_lines_but_not_where_white_space_shows() -> None:
    from dlkb.inline import dedented

    page = "<div>\n  <p>a\n\n   b</p>\n<pre>  x\n   y</pre>\n   <code>a\n  b</code>\n  <script>\n  var x;</script>\n"
    assert dedented(page) == "<div>\n<p>a\nb</p>\n<pre>  x\n   y</pre>\n<code>a\n  b</code>\n<script>\n  var x;</script>\n"


def test_an_inline_script_is_minified() -> None:
    import functools

    from dlkb.inline import _script

    site = Path(__file__).resolve().parent.parent / "docs"
    loader = functools.partial(_script, site)("javascripts/dlkb.js")
    assert loader.startswith('<script>(function(){"use strict";var config=JSON.parse(')
    assert "Starts the interactive parts" not in loader and "\n  " not in loader  # a comment of the source, its indentation


def test_a_table_without_a_class_is_put_in_the_theme_boxes_and_keeps_the_theme_look() -> None:
    """The theme's script would move it there as the page starts (laying it out again); a
    table with a class of its own is left alone, by the script and by this step."""
    from dlkb.inline import theme_table_rules, wrapped_tables

    page = '<table>\n<tr><td>a</td></tr></table><table class="dlkb-matrix__table"><tr></tr></table><table id="t"></table>'
    assert wrapped_tables(page) == (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="dlkb-table">\n<tr><td>a</td></tr></table></div></div>'
        '<table class="dlkb-matrix__table"><tr></tr></table>'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="dlkb-table" id="t"></table></div></div>')
    theme = ".md-typeset table:not([class]) th{padding:1em}.md-typeset code{color:red}@media print{.md-typeset table:not([class]){display:table}}"
    assert theme_table_rules(theme) == ".md-typeset table.dlkb-table th{padding:1em}@media print{.md-typeset table.dlkb-table{display:table}}"


def test_the_built_pages_tables_are_in_the_theme_boxes_with_the_theme_rules(site: Path) -> None:
    page = (site / "compare/licenses/index.html").read_text(encoding="utf-8")
    assert page.count('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="dlkb-table">') == 1
    assert "<table>" not in page
    style = re.findall(r"<style>(.*?)</style>", page, re.S)[1]
    assert ".md-typeset table.dlkb-table td{padding:.9375em 1.25em;" in style


def test_pages_alike_share_one_stylesheet_so_the_policy_stays_short(site: Path) -> None:
    """Every page's policy lists every inline block of the site (instant navigation keeps the
    first page's policy): pages with the same sections share one stylesheet, else the policy
    would carry one 44-character hash per page (57 of them: 2.1 KiB compressed on each page)."""
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    assert policy is not None and policy.group(1).count("sha256-") <= 30
    styles = {re.findall(r"<style>(.*?)</style>", p.read_text(encoding="utf-8"), re.S)[-1] for p in (site / "frameworks").glob("*/index.html")}
    assert len(styles) <= 2  # 24 framework pages: one stylesheet for each set of sections they have
