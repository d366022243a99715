"""A repeat `mkdocs build` with the same inputs reuses the last build's pages (dlkb.buildcache):
the site is the same byte for byte, and any change to an input is a different entry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH, ROOT
from dlkb import buildcache


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_repeat_build_gives_the_same_site_as_a_first_build(site: Path, tmp_path: Path, monkeypatch) -> None:
    """`site` saved (or found) the entry for these inputs; a build without the cache matches it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, buildcache.OFF: "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "first")], cwd=ROOT, env=env, check=True)
    first, cached = _tree(tmp_path / "first"), _tree(site)
    assert sorted(first) == sorted(cached)
    assert [name for name in first if first[name] != cached[name]] == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    entry = buildcache.load(ROOT, buildcache.key(ROOT / "data", config["repo_url"], config["site_url"]))
    assert entry is not None and entry.files["guide/index.md"].startswith("---\n")


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
