"""Shields.io endpoint badges: one JSON per framework, and a snippet to copy on its page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from dlkb.catalog import Catalog, load_catalog
from dlkb.export import downloads
from dlkb.render import render_pages

TODAY = dt.date(2026, 11, 22)
SITE = "https://kb.example.org/site/"


def test_a_badge_says_the_status_and_the_latest_release_in_the_colour_of_the_status(fixture_data: Path) -> None:
    files = downloads(load_catalog(fixture_data, today=TODAY), TODAY)
    assert json.loads(files["api/badges/alpha.json"]) == {"schemaVersion": 1, "label": "Alpha", "message": "보관됨(읽기 전용) · 1.2.0",
                                                          "color": "lightgrey"}
    beta = json.loads(files["api/badges/beta.json"])
    assert (beta["schemaVersion"], beta["label"], beta["color"]) == (1, "Beta", "brightgreen")
    assert beta["message"].startswith("활발히 개발 중")


def test_every_framework_has_a_badge_endpoint(catalog: Catalog) -> None:
    files = downloads(catalog, TODAY)
    assert sorted(p for p in files if p.startswith("api/badges/")) == sorted(f"api/badges/{i}.json" for i in catalog.frameworks)


def test_the_framework_page_offers_the_snippet_to_copy(fixture_data: Path) -> None:
    pages = {p.path: p.markdown for p in render_pages(load_catalog(fixture_data, today=TODAY), TODAY, site_url=SITE)}
    snippet = ("[![Alpha](https://img.shields.io/endpoint?url=https%3A%2F%2Fkb.example.org%2Fsite%2Fapi%2Fbadges%2Falpha.json)]"
               "(https://kb.example.org/site/frameworks/alpha/)")
    assert f'<pre class="dlkb-badge-snippet"><code>{snippet}</code></pre>' in pages["frameworks/alpha.md"]
    # after the verdict box, near the bottom: just before the list of sources
    page = pages["frameworks/alpha.md"]
    assert page.index('class="dlkb-verdict"') < page.index("## 배지 { #badge }") < page.index("## 출처 { #sources }")


def test_without_a_site_address_the_page_names_only_the_file(fixture_data: Path) -> None:
    page = {p.path: p.markdown for p in render_pages(load_catalog(fixture_data, today=TODAY), TODAY)}["frameworks/alpha.md"]
    assert '<a href="../../api/badges/alpha.json">api/badges/alpha.json</a>' in page
    assert "shields.io/endpoint" not in page


@pytest.mark.slow
def test_the_built_site_shows_the_snippet_as_text_and_loads_no_badge(site: Path) -> None:
    html = (site / "frameworks/pytorch/index.html").read_text(encoding="utf-8")
    assert "[![PyTorch](https://img.shields.io/endpoint?url=https%3A%2F%2Fdl-frameworks-ko.github.io%2Fdl-frameworks-ko%2Fapi%2Fbadges%2Fpytorch.json)]" in html
    assert "<img" not in html.split('class="dlkb-badge-snippet"')[1].split("</pre>")[0]
    assert json.loads((site / "api/badges/pytorch.json").read_text(encoding="utf-8"))["label"] == "PyTorch"
