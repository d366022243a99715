"""A real `mkdocs build --strict` on a copy of the project: bad data stops it cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT


def make_project(tmp_path: Path, data: Path | None = None) -> Path:
    """A copy of the site sources with the given data folder (the small fixture by default)."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or FIXTURES / "valid" / "data", project / "data")
    return project


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


INVALID = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.name != "expected.yaml")
EXPECTED = yaml.safe_load((FIXTURES / "invalid" / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", INVALID)
def test_bad_record_stops_strict_build_with_korean_message(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path)
    shutil.copy(FIXTURES / "invalid" / name, project / "data" / "frameworks" / name)
    site = tmp_path / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 1
    assert f"데이터에서 문제 {len(EXPECTED[name])}개를 찾았습니다" in run.stderr
    for message in EXPECTED[name]:
        if "오늘(" not in message:  # the future-date message names today's date
            assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert not site.exists() or not any(site.iterdir())


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    shutil.copy(FIXTURES / "invalid" / "syntax-error.yaml", project / "data" / "frameworks")
    run = mkdocs_build(project, tmp_path / "site")
    assert "data/frameworks/syntax-error.yaml:6: YAML 문법 오류입니다 (5행에서 시작한 부분을 확인하세요)" in run.stderr


def test_bom_crlf_record_builds(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "data" / "frameworks" / "alpha.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    run = mkdocs_build(project, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "index.html").exists()
