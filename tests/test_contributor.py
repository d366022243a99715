"""The contributor's path under a real `mkdocs serve`: a new framework file, previewed live, checked.

No fixed sleeps: the server is asked whether it sees changes, and the browser page is watched
with Playwright's retrying expectations.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, no_chromium
from dlkb.needs import NEEDS
from test_build import make_project
from test_serve import Server, fetch, wait_for

DLKB = Path(sys.executable).with_name("dlkb")  # the console script of this virtual environment


def newest_build(server: Server, seen: int, timeout: float) -> int:
    """MkDocs' live reload long-poll: the newest build's number once it is newer than `seen`."""
    root = urlsplit(server.url)._replace(path="").geturl()
    try:
        with urllib.request.urlopen(f"{root}/livereload/{seen}/0", timeout=timeout) as answer:
            return int(answer.read())
    except (urllib.error.URLError, TimeoutError):
        return seen


def wait_until_watching(server: Server) -> None:
    """Save a file the server watches until a rebuild follows: from then on, no edit is missed."""
    seen = newest_build(server, 0, timeout=10)
    probe = server.project / "hooks" / "probe.txt"
    for attempt in range(60):
        probe.write_text(str(attempt), encoding="utf-8")
        if newest_build(server, seen, timeout=1) > seen:
            return
    raise AssertionError("mkdocs serve가 파일 변경을 알아채지 못합니다")


@pytest.fixture
def server(tmp_path: Path):
    served = Server(make_project(tmp_path))
    wait_for(served.url + "/frameworks/alpha/", lambda t: "알파" in t)
    wait_until_watching(served)
    yield served
    log = served.stop()
    assert "Traceback" not in log, log


def dlkb(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DLKB), *args], cwd=project, capture_output=True, text=True)


@pytest.mark.browser
@pytest.mark.slow
@no_chromium
def test_new_framework_appears_in_the_open_page_and_passes_the_check(server: Server, browser) -> None:
    from playwright.sync_api import expect

    project = server.project
    context = browser.new_context()
    if True:  # one open page, never reloaded by the test
        page = context.new_page()
        answer = page.goto(server.url + "/frameworks/gamma/")
        assert answer is not None and answer.status == 404
        expect(page.locator("h1")).to_have_text("페이지를 찾을 수 없습니다")

        made = dlkb(project, "new", "gamma")
        record = project / "data" / "frameworks" / "gamma.yaml"
        assert made.returncode == 0, made.stderr
        assert made.stdout == (f"새 파일을 만들었습니다: {record}\n"
                               "[필수] 항목을 채우고 `mkdocs serve`로 미리 본 뒤 `dlkb check`로 확인하세요.\n")
        # The bare skeleton does not validate: the same page now says why, still without a reload by us.
        banner = page.locator(".dlkb-error")
        expect(banner).to_contain_text("데이터에 문제가", timeout=30_000)
        expect(banner).to_contain_text("data/frameworks/gamma.yaml:98 › sources[0].id")
        expect(page.locator("h1")).to_have_text("페이지를 찾을 수 없습니다")

        alpha = (project / "data" / "frameworks" / "alpha.yaml").read_text(encoding="utf-8")
        record.write_text(alpha.replace("id: alpha", "id: gamma", 1).replace("name: Alpha", "name: Gamma", 1)
                          .replace("name_ko: 알파", "name_ko: 감마", 1), encoding="utf-8")
        expect(page).to_have_title("Gamma - 딥러닝 프레임워크 비교", timeout=30_000)
        expect(page.locator(".dlkb-error")).to_have_count(0)
        assert page.url == server.url + "/frameworks/gamma/"
        context.close()

    checked = dlkb(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0] == "문제 없음: 프레임워크 3개, 비교 1개를 확인했습니다."  # health warnings follow


@pytest.mark.slow
def test_an_edit_to_the_core_shows_without_a_restart(server: Server) -> None:
    page = server.url + "/frameworks/beta/"
    assert "활발히 개발 중" in fetch(page)
    labels = server.project / "hooks" / "dlkb" / "vocab.py"
    labels.write_text(labels.read_text(encoding="utf-8").replace('"활발히 개발 중"', '"한창 개발 중"', 1), encoding="utf-8")
    text, _ = wait_for(page, lambda t: "한창 개발 중" in t)
    assert "활발히 개발 중" not in text
    assert server.proc.poll() is None


def test_the_chooser_points_at_a_description_of_every_criterion(site: Path) -> None:
    guide = (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../contributing/#needs">기여하기의 ‘고르기 도우미의 조건’</a>' in guide
    page = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="needs">고르기 도우미의 조건' in page
    rows = re.findall(r'<tr id="need-([a-z-]+)"><th scope="row">(.*?)</th><td><p>(.*?)</p>', page)
    assert rows == [(n.key, escape(n.label, quote=False), escape(n.explain_ko, quote=False)) for n in NEEDS]
    assert all(n.explain_ko.endswith("다.") for n in NEEDS)
    repo_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]
    assert f'<a href="{repo_url}" rel="noopener">이 사이트의 저장소</a>에 풀 리퀘스트를 엽니다.' in page


def test_the_published_404_page_is_korean_and_waits_for_nothing(site: Path) -> None:
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>페이지를 찾을 수 없습니다</h1>" in page
    assert "404 - Not found" not in page
    assert "livereload" not in page and "data-build" not in page  # the waiting script is for `mkdocs serve` only


# Each line box of a field name must start at its beginning or right after a dot.
_BREAKS_INSIDE_A_NAME = """
codes => codes.filter(code => {
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const top = range.getBoundingClientRect().top;
      if (last && top > last.top + 2 && last.char !== ".") return true;
      last = {top, char: node.data[i]};
    }
  }
  return false;
}).map(code => code.textContent)
"""


@pytest.mark.browser
@no_chromium
@pytest.mark.parametrize("width", [375, 1280])
def test_field_names_do_not_wrap_inside_a_name(lend, base_url, width: int) -> None:
    page = lend({"width": width, "height": 900})
    page.goto(base_url + "/contributing/")
    names = page.locator(".dlkb-fields code")
    assert names.count() > 100
    assert names.evaluate_all(_BREAKS_INSIDE_A_NAME) == []
