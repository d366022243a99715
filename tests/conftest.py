"""Shared helpers: the project root, a copy of a data folder to break on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlkb.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A copy of the small valid data folder (two records), safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid" / "data", target)
    return target


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real catalogue, loaded when a test first asks for it, not at import: a broken record
    then fails the tests that need the catalogue (with the Korean report), not the collection."""
    return load_catalog(ROOT / "data")


# A fixed build day (2026-11-22) so that pages and downloads do not change with the clock.
BUILD_EPOCH = "1795305600"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr, run.stderr
    return out
