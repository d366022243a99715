"""Page weight (issue 16): what every built page carries does not grow with the data."""

from __future__ import annotations

import re
from pathlib import Path

from dlkb.catalog import Catalog
from dlkb.csp import _digest
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
    page = (site / "frameworks/pytorch/index.html").read_text(encoding="utf-8")
    assert "stylesheets/dlkb.css" not in page and 'src="../../javascripts/dlkb.js"' not in page
    css = (site / "stylesheets/dlkb.css").read_text(encoding="utf-8").strip()
    assert f"<style>{css}</style>" in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None and f"style-src 'self' {_digest(css)};".replace("'", "&#39;") in policy.group(1)
