"""Every mistake a contributor can make in a record is reported in Korean, exactly."""

from __future__ import annotations

import datetime as dt
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from dlkb.catalog import load_catalog
from dlkb.problems import CatalogError

TODAY = dt.date(2026, 11, 22)
INVALID = FIXTURES / "invalid"
EXPECTED: dict[str, list[str]] = yaml.safe_load((INVALID / "expected.yaml").read_text(encoding="utf-8"))


def problems_for(data: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {p.name for p in INVALID.iterdir() if p.name != "expected.yaml"}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_reports_exact_korean_messages(name: str, fixture_data: Path) -> None:
    shutil.copy(INVALID / name, fixture_data / "frameworks" / name)
    assert problems_for(fixture_data) == EXPECTED[name]


def test_valid_fixture_loads(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    assert list(catalog.frameworks) == ["alpha", "beta"]
    assert catalog.frameworks["alpha"].successor == "beta"


def test_all_problems_are_reported_together(fixture_data: Path) -> None:
    for name in ("unknown-spdx.yaml", "javascript-url.yaml", "tab-indent.yaml"):
        shutil.copy(INVALID / name, fixture_data / "frameworks" / name)
    found = problems_for(fixture_data)
    assert found == EXPECTED["javascript-url.yaml"] + EXPECTED["tab-indent.yaml"] + EXPECTED["unknown-spdx.yaml"]


def test_object_tag_never_executes(fixture_data: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (fixture_data / "frameworks" / "evil.yaml").write_text(
        f'id: evil\nname: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    found = problems_for(fixture_data)
    assert found[0].startswith("data/frameworks/evil.yaml:2 › name: YAML 태그는 쓸 수 없습니다")
    assert not marker.exists()


def test_alias_bomb_fails_with_bounded_memory(fixture_data: Path) -> None:
    shutil.copy(INVALID / "alias-bomb.yaml", fixture_data / "frameworks" / "alias-bomb.yaml")
    tracemalloc.start()
    problems_for(fixture_data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 30 * 1024 * 1024  # a billion expanded values would need gigabytes


def test_bom_and_crlf_record_is_valid(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    catalog = load_catalog(fixture_data, today=TODAY)
    assert catalog.frameworks["alpha"].name_ko == "알파"
    assert catalog.frameworks["alpha"].summary_ko.endswith("존재하지 않습니다.")


def test_yes_and_no_stay_text(fixture_data: Path) -> None:
    """YAML 1.1 reads unquoted no as False; the loader keeps it as the text 'no'."""
    path = fixture_data / "frameworks" / "alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('{value: "no"', "{value: no"), encoding="utf-8")
    catalog = load_catalog(fixture_data, today=TODAY)
    assert catalog.frameworks["alpha"].hardware.rocm.value == "no"


def test_editor_swap_files_are_not_records(fixture_data: Path) -> None:
    (fixture_data / "frameworks" / ".alpha.yaml.swp").write_bytes(b"\x00\x01binary")
    assert list(load_catalog(fixture_data, today=TODAY).frameworks) == ["alpha", "beta"]
