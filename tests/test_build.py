"""A real `mkdocs build --strict` on a copy of the project: bad data stops it cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from invalid_cases import CASES, Case

pytestmark = pytest.mark.slow


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


def mkdocs_build(project: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


BUILDS: dict[str, list[Case]] = {}
for _case in CASES:
    BUILDS.setdefault(_case.build, []).append(_case)


@pytest.mark.parametrize("label", sorted(BUILDS))
def test_bad_records_stop_strict_build_with_korean_messages(tmp_path: Path, label: str) -> None:
    """Several invalid cases in one build (one per label): every message is printed, nothing written."""
    project = make_project(tmp_path)
    for case in BUILDS[label]:
        (project / "data" / "frameworks" / case.file).write_bytes(case.content())
    site = tmp_path / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 1
    expected = [message for case in BUILDS[label] for message in case.expect]
    assert f"데이터에서 문제 {len(expected)}개를 찾았습니다" in run.stderr
    for message in expected:
        if "오늘(" not in message:  # the future-date message names today's date
            assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert not site.exists() or not any(site.iterdir())


def test_bom_crlf_record_builds(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "data" / "frameworks" / "alpha.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    run = mkdocs_build(project, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "index.html").exists()
