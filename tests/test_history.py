"""The history of the framework files: the "최근 바뀐 사실" page and the Atom feeds, read from a
tiny git repository with two commits of the fixture data."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import FIXTURES, ROOT
from dlkb.catalog import load_catalog
from dlkb.history import Change, read_history
from dlkb.stage import generated_files

TODAY = dt.date(2026, 11, 22)
REPO = "https://github.com/example/kb"
FIRST = "2026-01-02T03:04:05+00:00"
SECOND = "2026-02-03T04:05:06+00:00"


def git(cwd: Path, *args: str, date: str = FIRST) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull}
    run = subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True)
    return run.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture data in a git repository: the files as they are, then a second commit that
    changes Alpha's latest version, its status note (with markup in it) and Beta's status."""
    project = tmp_path / "kb"
    shutil.copytree(FIXTURES / "valid" / "data", project / "data")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    alpha = project / "data" / "frameworks" / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8").replace('version: "1.2.0"', 'version: "1.3.0"')
    text = text.replace("status_note_ko: 저장소가 보관 처리되었습니다.", 'status_note_ko: "<b>보관</b> 처리"')
    alpha.write_text(text, encoding="utf-8")
    git(project, "commit", "-q", "-am", "second", date=SECOND)
    return project


def test_every_changed_field_is_listed_with_its_label_values_date_and_commit(repo: Path) -> None:
    first, second = git(repo, "rev-parse", "HEAD~1"), git(repo, "rev-parse", "HEAD")
    history = read_history(repo / "data")
    when1, when2 = dt.datetime.fromisoformat(FIRST), dt.datetime.fromisoformat(SECOND)
    assert history.state == "ok"
    assert history.changes == [
        Change(second, when2, "alpha", "changed", "최신 릴리스 · 버전", "1.2.0", "1.3.0"),
        Change(second, when2, "alpha", "changed", "상태 설명", "저장소가 보관 처리되었습니다.", "<b>보관</b> 처리"),
        Change(first, when1, "alpha", "added"),
        Change(first, when1, "beta", "added"),
    ]


def test_the_page_shows_the_changes_escaped_with_links_to_the_commits(repo: Path) -> None:
    second = git(repo, "rev-parse", "HEAD")
    page = generated_files(load_catalog(repo / "data"), TODAY, REPO)["changes.md"]
    row = (f'<tr><td><time datetime="2026-02-03">2026년 2월 3일</time></td><td><a href="../frameworks/alpha/">Alpha</a></td>'
           f'<td>최신 릴리스 · 버전</td><td>1.2.0 → 1.3.0</td>'
           f'<td><a href="{REPO}/commit/{second}" rel="noopener">{second[:7]}</a></td></tr>')
    assert row in page
    assert "저장소가 보관 처리되었습니다. → &lt;b&gt;보관&lt;/b&gt; 처리</td>" in page
    assert "<b>보관</b>" not in page
    assert page.count("프레임워크 파일이 새로 생겼습니다") == 2


def test_the_feeds_are_valid_atom_dated_by_the_commits(repo: Path) -> None:
    second = git(repo, "rev-parse", "HEAD")
    files = generated_files(load_catalog(repo / "data"), TODAY, REPO)
    site = feedparser.parse(files["feeds/changes.xml"])
    assert (site.bozo, site.version) == (0, "atom10")
    assert site.feed.title == "딥러닝 프레임워크 비교: 최근 바뀐 사실"
    assert site.feed.updated == SECOND
    assert [e.title for e in site.entries] == ["Alpha: 최신 릴리스 · 버전, 상태 설명", "Alpha: 프레임워크 파일이 새로 생겼습니다",
                                               "Beta: 프레임워크 파일이 새로 생겼습니다"]
    assert site.entries[0].link == f"{REPO}/commit/{second}"
    assert site.entries[0].updated == SECOND
    assert site.entries[0].content[0].value == ("<ul><li>최신 릴리스 · 버전: 1.2.0 → 1.3.0</li>"
                                                "<li>상태 설명: 저장소가 보관 처리되었습니다. → &lt;b&gt;보관&lt;/b&gt; 처리</li></ul>")
    beta = feedparser.parse(files["feeds/frameworks/beta.xml"])
    assert (beta.bozo, beta.version, beta.feed.title) == (0, "atom10", "Beta: 최근 바뀐 사실")
    assert [e.title for e in beta.entries] == ["Beta: 프레임워크 파일이 새로 생겼습니다"]


def test_two_builds_of_one_commit_give_the_same_page_and_feeds(repo: Path) -> None:
    catalog = load_catalog(repo / "data")
    first = {k: v for k, v in generated_files(catalog, TODAY, REPO).items() if k.startswith("feeds/") or k == "changes.md"}
    again = {k: v for k, v in generated_files(catalog, TODAY, REPO).items() if k.startswith("feeds/") or k == "changes.md"}
    assert sorted(first) == ["changes.md", "feeds/changes.xml", "feeds/frameworks/alpha.xml", "feeds/frameworks/beta.xml"]
    assert first == again


def test_a_folder_that_is_no_git_checkout_still_builds_and_says_so(fixture_data: Path) -> None:
    files = generated_files(load_catalog(fixture_data), TODAY, REPO)
    assert "이 사이트는 Git 저장소가 아닌 폴더에서 만들어져서 바뀐 내역을 보여 줄 수 없습니다." in files["changes.md"]
    feed = feedparser.parse(files["feeds/changes.xml"])
    assert (feed.bozo, feed.version, feed.entries) == (0, "atom10", [])
    assert feed.feed.updated == "2026-11-22T00:00:00+00:00"  # the build day, not the clock


def test_a_shallow_checkout_says_its_history_is_partial(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", (repo).as_uri(), str(clone))
    history = read_history(clone / "data")
    assert (history.state, history.changes) == ("shallow", [])  # the one commit has no parent here: nothing to compare
    page = generated_files(load_catalog(clone / "data"), TODAY, REPO)["changes.md"]
    assert "이 사이트는 커밋 기록의 일부만 받은 저장소에서 만들어져서, 아래 내역은 받은 범위 안의 것뿐입니다." in page


def test_the_site_workflow_checks_out_the_whole_history() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    checkout = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout")]
    assert checkout[0]["with"]["fetch-depth"] == 0


def test_every_field_of_every_framework_file_changes_under_a_korean_label(catalog) -> None:
    """The page of changes names no schema field: each step of each path the data has is titled
    in the model (장점 5 · 지금의 사실 · 내용, not pros[4].correction.text_ko)."""
    import yaml
    from dlkb.history import _titles, flatten, label_of

    for fw_id in catalog.frameworks:
        data = yaml.safe_load((catalog.data_dir / "frameworks" / f"{fw_id}.yaml").read_text(encoding="utf-8"))
        for path in flatten(data):
            assert all(not re.fullmatch(r"[a-z0-9_]+", title) for title, _ in _titles(path)), (fw_id, path, label_of(path))
    assert label_of("pros[4].correction.text_ko") == "장점 5 · 지금의 사실 · 내용"
    assert label_of("hardware.cuda.note_ko") == "NVIDIA GPU (CUDA) · 설명"
    assert label_of("license.changes[0].to_spdx") == "라이선스 · 변경 1 · 새 라이선스"
    assert label_of("sources[pt-repo].accessed") == "출처 pt-repo · 확인한 날"


def test_a_value_changes_as_written_in_the_file() -> None:
    """`yes` stays yes (YAML 1.1 would read True), dates and numbers keep their text, and an
    emptied value shows as —."""
    from dlkb.history import _load, diff

    old = _load(b"value: yes\nas_of: 2017-03-01\nversion: 1.10\nnote_ko: \ntools: [a, b]\n")
    new = _load(b"value: partial\nas_of: 2017\nversion: 1.11\nnote_ko: null\ntools: [a]\n")
    assert old is not None and new is not None
    assert diff(old, new) == [("value", "yes", "partial"), ("as_of", "2017-03-01", "2017"), ("version", "1.10", "1.11"), ("tools", "a, b", "a")]


def test_a_long_text_edited_near_its_end_shows_where_it_differs() -> None:
    from dlkb.history import shown

    start = "2017-09-28에 MILA가 Theano 개발을 멈추고 다음에 낼 1.0을 마지막 주요 릴리스로 삼겠다고 "
    old, new = shown(start + "밝혔습니다.", start + "발표했습니다.")
    assert (old, new) == ("…마지막 주요 릴리스로 삼겠다고 밝혔습니다.", "…마지막 주요 릴리스로 삼겠다고 발표했습니다.")
    assert shown("짧은 글입니다.", "짧은 글이었습니다.") == ("짧은 글입니다.", "짧은 글이었습니다.")  # short: whole
    assert shown(None, "x" * 70) == ("—", "x" * 59 + "…")
