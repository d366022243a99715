"""Shared helpers: the project root, a copy of a data folder to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A copy of the small valid data folder (two records), safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid" / "data", target)
    return target
