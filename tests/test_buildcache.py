"""A repeat `mkdocs build` with the same inputs reuses the last build's pages (dlkb.buildcache):
the site is the same byte for byte, and any change to an input is a different entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, ROOT
from dlkb import buildcache
from test_build import make_project, mkdocs_build


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_repeat_build_takes_the_entry_and_gives_the_same_site(tmp_path: Path) -> None:
    """The small fixture project: a first build saves the entry, a repeat build takes it (the
    entry's pages are what it serves: a marker put into the entry shows up) and is otherwise the
    same site byte for byte."""
    project = make_project(tmp_path)
    env = {"SOURCE_DATE_EPOCH": BUILD_EPOCH}
    assert mkdocs_build(project, tmp_path / "first", env).returncode == 0
    [saved] = (project / buildcache.CACHE_DIR).glob("*.pickle")
    entry = buildcache.load(project, saved.stem)
    assert entry is not None and "frameworks/alpha.md" in entry.files
    # the compiled templates, for a build after an edit: one file per template the pages used
    assert len(list((project / buildcache.CACHE_DIR / "templates").glob("__jinja2_*.cache"))) >= 10
    assert mkdocs_build(project, tmp_path / "again", env).returncode == 0
    first, again = _tree(tmp_path / "first"), _tree(tmp_path / "again")
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []
    page = str(entry.files["frameworks/alpha.md"])
    entry.files["frameworks/alpha.md"] = page.replace("# ", "# 캐시에서 ", 1)
    buildcache.save(project, saved.stem, entry)
    assert mkdocs_build(project, tmp_path / "marked", env).returncode == 0
    assert "캐시에서 " in (tmp_path / "marked" / "frameworks" / "alpha" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_every_input_changes_the_entry(data: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = buildcache.key(data, "https://example.org/repo", "https://example.org/")
    assert buildcache.key(data, "https://example.org/repo", "https://example.org/") == before
    assert buildcache.key(data, "https://example.org/other", "https://example.org/") != before
    record = data / "frameworks" / "caffe.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("name: Caffe\n", "name: Caffe!\n", 1), encoding="utf-8")
    assert buildcache.key(data, "https://example.org/repo", "https://example.org/") != before
    record.write_text(text, encoding="utf-8")
    (data / "frameworks" / "new.yaml").write_text("id: new\n", encoding="utf-8")
    assert buildcache.key(data, "https://example.org/repo", "https://example.org/") != before
    (data / "frameworks" / "new.yaml").unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert buildcache.key(data, "https://example.org/repo", "https://example.org/") != before


def test_an_entry_is_read_back_and_only_the_newest_is_kept(tmp_path: Path) -> None:
    entry = buildcache.Entry([{"홈": "index.md"}], {"index.md": "# 홈\n", "api/x.json": b"{}"}, {"abc": {"search_index.json": "{}"}})
    buildcache.save(tmp_path, "one", entry)
    buildcache.save(tmp_path, "two", entry)
    assert sorted(p.name for p in (tmp_path / buildcache.CACHE_DIR).iterdir()) == ["two.pickle"]
    assert buildcache.load(tmp_path, "two") == entry
    assert buildcache.load(tmp_path, "one") is None
    (tmp_path / buildcache.CACHE_DIR / "two.pickle").write_bytes(b"not a pickle")
    assert buildcache.load(tmp_path, "two") is None  # a damaged entry is a first build, not an error


def test_the_last_steps_are_taken_again_only_for_a_site_that_differs(tmp_path: Path) -> None:
    """The steps that rewrite the built pages run once for a site; the same site again gets the
    pages they made (a marker put there shows up), and a site differing in one byte runs them."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    written = {"index.html": "<p>홈</p>", "a/index.html": "<p>가</p>", "a/data.json": "{}"}
    runs: list[int] = []

    def build() -> None:
        for name, text in written.items():
            (site / name).write_text(text, encoding="utf-8")

    def finish() -> None:
        runs.append(1)
        page = site / "a" / "index.html"
        page.write_text(page.read_text(encoding="utf-8") + "<!-- 마침 -->", encoding="utf-8")

    build()
    buildcache.finished(tmp_path, site, finish)
    assert len(runs) == 1
    finished = (site / "a" / "index.html").read_text(encoding="utf-8")
    assert finished == "<p>가</p><!-- 마침 -->"
    [entry] = (tmp_path / buildcache.CACHE_DIR / "finished").glob("*.pickle")
    build()
    buildcache.finished(tmp_path, site, finish)
    assert len(runs) == 1 and (site / "a" / "index.html").read_text(encoding="utf-8") == finished
    buildcache._write(entry.parent, entry.stem, {"a/index.html": "<p>캐시에서</p>".encode()})
    build()
    buildcache.finished(tmp_path, site, finish)
    assert len(runs) == 1 and (site / "a" / "index.html").read_text(encoding="utf-8") == "<p>캐시에서</p>"
    written["a/data.json"] = "{} "
    build()
    buildcache.finished(tmp_path, site, finish)
    assert len(runs) == 2 and (site / "a" / "index.html").read_text(encoding="utf-8") == finished
    [newest] = entry.parent.glob("*.pickle")  # only the newest is kept
    assert newest.stem != entry.stem
