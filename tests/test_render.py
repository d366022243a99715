"""Rendering fixture records: golden snapshots, escaping, and a new record showing up everywhere.

Update the snapshots after an intended change with: DLKB_UPDATE_SNAPSHOTS=1 pytest tests/test_render.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from dlkb.catalog import load_catalog
from dlkb.needs import evaluate
from dlkb.render import render_pages
from test_build import make_project, mkdocs_build

TODAY = dt.date(2026, 11, 22)
SNAPSHOTS = ROOT / "tests" / "snapshots"


def fixture_pages(data: Path) -> dict[str, str]:
    return {p.path: p.markdown for p in render_pages(load_catalog(data, today=TODAY), TODAY)}


def test_snapshots_match(fixture_data: Path) -> None:
    pages = fixture_pages(fixture_data)
    if os.environ.get("DLKB_UPDATE_SNAPSHOTS"):
        shutil.rmtree(SNAPSHOTS, ignore_errors=True)
        for path, text in pages.items():
            target = SNAPSHOTS / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    on_disk = {p.relative_to(SNAPSHOTS).as_posix(): p.read_text(encoding="utf-8") for p in SNAPSHOTS.rglob("*.md")}
    assert sorted(on_disk) == sorted(pages)
    for path, text in pages.items():
        assert text == on_disk[path], f"{path} 가 스냅숏과 다릅니다 (의도한 변경이면 DLKB_UPDATE_SNAPSHOTS=1)"


NASTY = '<script>alert("x")</script> <img src=x onerror=alert(1)> [링크](javascript:alert(1)) <!-- 주석 --> a | b {{ 7*7 }} {% if 1 %}참{% endif %} **굵게**'


def nasty_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path)
    path = project / "data" / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(NASTY, ensure_ascii=False)
    text = text.replace("  Alpha는 시험용 가상 프레임워크입니다. 실제로는 존재하지 않습니다.", f"  {NASTY}\n  둘째 줄입니다.")
    text = text.replace("text_ko: 이미지 분류 모델을 빠르게 학습합니다.", f"text_ko: {quoted}")
    text = text.replace("name: Example Lab", f"name: {quoted}")
    text = text.replace("home: https://alpha.example.org/", 'home: "https://alpha.example.org/?q=\\"><script>alert(1)</script>"')
    path.write_text(text, encoding="utf-8")
    return project


@pytest.mark.slow
def test_record_text_comes_out_literally_and_inert(tmp_path: Path) -> None:
    project = nasty_project(tmp_path)
    site = tmp_path / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 0, run.stderr
    for page in ["frameworks/alpha/index.html", "compare/pros-cons/index.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html and "{% if 1 %}참{% endif %}" in html
        assert "**굵게**" in html
        assert "&lt;!-- 주석 --&gt;" in html
    framework = (site / "frameworks/alpha/index.html").read_text(encoding="utf-8")
    assert 'href="https://alpha.example.org/?q=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener"' in framework


@pytest.mark.slow
def test_a_new_record_appears_everywhere(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    frameworks = project / "data" / "frameworks"
    text = (frameworks / "beta.yaml").read_text(encoding="utf-8")
    (frameworks / "gamma.yaml").write_text(
        text.replace("\nid: beta\n", "\nid: gamma\n").replace("name: Beta", "name: Gammaflow").replace("name_ko: 베타", "name_ko: 감마플로").replace("aliases: [베타]", "aliases: [감마, 감마플로우]"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 0, run.stderr
    assert "Gammaflow" in (site / "frameworks/gamma/index.html").read_text(encoding="utf-8")
    for page in ["index.html", "compare/matrix/index.html", "compare/licenses/index.html",
                 "compare/timeline/index.html", "compare/pros-cons/index.html", "frameworks/index.html"]:
        assert "Gammaflow" in (site / page).read_text(encoding="utf-8"), page
    # The nav links the list, not every framework: a page's weight does not grow with the data.
    nav_page = (site / "contributing/index.html").read_text(encoding="utf-8")
    assert 'href="../frameworks/"' in nav_page and "frameworks/gamma/" not in nav_page
    index = json.loads((site / "search/search_index.ko.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("frameworks/gamma/"))
    assert "감마플로우" in texts and "Gammaflow" in texts


def test_a_dual_licence_is_explained_and_counts_as_permissive(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("spdx: BSD-3-Clause", "spdx: MIT OR GPL-3.0-only"), encoding="utf-8")
    catalog = load_catalog(fixture_data, today=TODAY)
    licences = {p.path: p.markdown for p in render_pages(catalog, TODAY)}["compare/licenses.md"]
    assert ('<td data-label="라이선스"><a href="https://spdx.org/licenses/MIT.html" rel="noopener">MIT</a> OR '
            '<a href="https://spdx.org/licenses/GPL-3.0-only.html" rel="noopener">GPL-3.0-only</a></td>') in licences
    assert '<td data-label="허용하는 것">아래 라이선스 가운데 하나를 골라 그 조건을 따르면 됩니다.<ul><li>MIT: 상업적 이용, 수정, 재배포 허용.' in licences
    assert "<li><strong>MIT OR GPL-3.0-only</strong> (하나를 골라 따름):" in licences
    assert evaluate(catalog, TODAY)["beta"]["permissive"].ok
    path.write_text(path.read_text(encoding="utf-8").replace("MIT OR GPL-3.0-only", "MIT AND GPL-3.0-only"), encoding="utf-8")
    assert not evaluate(load_catalog(fixture_data, today=TODAY), TODAY)["beta"]["permissive"].ok


def test_claims_on_one_topic_read_as_one_point_and_today_comes_first() -> None:
    from dlkb.model import Claim
    from dlkb.render import claim_groups

    def claim(text: str, as_of: int | dt.date, topic: str | None = None, still_true: bool = True) -> Claim:
        extra = {} if still_true else {"still_true": False, "correction": {"text_ko": "지금은 다릅니다.", "as_of": dt.date(2026, 11, 1), "sources": ["s"]}}
        return Claim(text_ko=text, as_of=as_of, topic=topic, sources=["s"], **extra)

    claims = [claim("A 2017", 2017, "graph"), claim("B 2024", 2024, "graph"), claim("C 2026", dt.date(2026, 1, 5)),
              claim("D 2020", 2020), claim("E 2020 old", 2020, "graph", still_true=False)]
    groups = claim_groups(claims, TODAY)
    shown = [(g.title, [[c.text_ko for c in item] for item in g.items]) for g in groups]
    assert shown == [("지금의 평가", [["C 2026"], ["B 2024", "A 2017"]]),
                     ("2020년의 평가", [["D 2020"], ["E 2020 old"]])]


def test_the_pytorch_page_merges_the_praise_repeated_by_five_posts(catalog, site: Path) -> None:
    page = (site / "frameworks" / "pytorch" / "index.html").read_text(encoding="utf-8")
    assert page.count('<details class="dlkb-same">') == 4
    assert "<summary>같은 점을 꼽은 다른 평가 2개</summary>" in page  # define-by-run, intuitive, pythonic
