"""The real site: every page at its stable URL, links that resolve, nothing from other origins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from dlkb.catalog import Catalog
from sitecheck import broken_links, foreign_resources, parse

IDS = sorted(p.stem for p in (ROOT / "data" / "frameworks").glob("*.yaml"))  # known before loading


def test_sixteen_frameworks_at_least() -> None:
    assert len(IDS) >= 16


@pytest.mark.parametrize("url", [
    "index.html", "frameworks/index.html", "compare/index.html", "compare/matrix/index.html",
    "compare/pros-cons/index.html", "compare/licenses/index.html", "compare/timeline/index.html",
    "compare/lineage/index.html", "compare/tensorflow-vs-pytorch/index.html", "guide/index.html",
    "glossary/index.html", "tools/index.html", "contributing/index.html",
])
def test_page_exists_at_stable_url(site: Path, url: str) -> None:
    assert (site / url).exists()


@pytest.mark.parametrize("fw_id", IDS)
def test_framework_page_has_pros_and_cons_and_edit_link(catalog: Catalog, site: Path, fw_id: str) -> None:
    html = (site / "frameworks" / fw_id / "index.html").read_text(encoding="utf-8")
    assert '<p class="dlkb-proscons__title">장점</p>' in html and '<p class="dlkb-proscons__title">단점</p>' in html
    assert f"/edit/main/data/frameworks/{fw_id}.yaml" in html
    fw = catalog.frameworks[fw_id]
    assert "<h1 id=" in html and fw.name.replace("&", "&amp;") in html


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_nothing_is_loaded_from_another_origin(site: Path) -> None:
    assert foreign_resources(site) == []


def test_search_finds_every_framework_by_name_and_hangul_aliases(catalog: Catalog, site: Path) -> None:
    index = json.loads((site / "search" / "search_index.ko.json").read_text(encoding="utf-8"))
    for fw in catalog.frameworks.values():
        page_text = " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith(f"frameworks/{fw.id}/"))
        for word in [fw.name, *filter(None, [fw.name_ko]), *fw.aliases]:
            assert word in page_text, (fw.id, word)


def test_headings_have_stable_ascii_anchors(site: Path) -> None:
    ids = parse(site / "frameworks" / IDS[0] / "index.html").ids
    assert {"pros-cons", "features", "deployment", "lineage", "sources"} <= ids


def test_pictures_have_text_alternatives(site: Path) -> None:
    # both pictures are groups, not images: their boxes and bars are links to the framework pages
    for url, title, role in [("compare/timeline/index.html", "timeline-title", "group"), ("compare/lineage/index.html", "lineage-title", "group")]:
        html = (site / url).read_text(encoding="utf-8")
        assert f'role="{role}" aria-labelledby="{title}' in html
        assert "<desc id=" in html


@pytest.mark.slow
def test_two_builds_of_one_commit_are_byte_identical(site: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from conftest import BUILD_EPOCH

    again = tmp_path / "again"
    # Without the build cache (dlkb.buildcache): the second build loads, checks and renders
    # everything again in a new process (its own hash seed), instead of taking the first one's pages.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, "DLKB_NO_CACHE": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(again)], cwd=ROOT, env=env, check=True)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_external_links_open_safely(site: Path) -> None:
    import re as _re

    from sitecheck import html_pages

    for page in html_pages(site):
        for tag in _re.findall(r"<a\s[^>]*href=\"https?://[^>]*>", page.read_text(encoding="utf-8")):
            assert 'rel="noopener' in tag or "noopener" in tag, (page.name, tag)


def test_pros_cons_overview_has_a_table_of_contents(catalog: Catalog, site: Path) -> None:
    page = parse(site / "compare" / "pros-cons" / "index.html")
    toc = dict.fromkeys(href[1:] for href in page.links if href.startswith("#") and href[1:] in catalog.frameworks)
    assert list(toc) == list(catalog.frameworks)  # (raw HTML headings gave an empty contents list)
