"""Every mistake a contributor can make in a record is reported in Korean, exactly."""

from __future__ import annotations

import datetime as dt
import shutil
import tracemalloc
from pathlib import Path

import pytest
from dlkb.catalog import load_catalog
from dlkb.problems import CatalogError
from invalid_cases import BY_NAME, CASES, RAW_DIR, Case

TODAY = dt.date(2026, 11, 22)


def problems_for(data: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


def add_case(data: Path, case: Case) -> None:
    (data / "frameworks" / case.file).write_bytes(case.content())


def test_cases_are_many_and_every_raw_file_is_used() -> None:
    assert len(CASES) >= 25
    assert len(BY_NAME) == len(CASES)
    assert sorted(p.name for p in RAW_DIR.iterdir()) == sorted(c.raw for c in CASES if c.raw)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_invalid_record_reports_exact_korean_messages(case: Case, fixture_data: Path) -> None:
    add_case(fixture_data, case)
    assert problems_for(fixture_data) == case.expect


def test_cases_sharing_a_build_report_the_same_messages_together(fixture_data: Path) -> None:
    """test_build.py puts all cases of one build label in one folder: their messages must not mix."""
    labels = sorted({case.build for case in CASES})
    for label in labels:
        data = fixture_data.parent / label / "data"
        shutil.copytree(fixture_data, data)
        together = sorted((c for c in CASES if c.build == label), key=lambda c: c.file)
        for case in together:
            add_case(data, case)
        assert problems_for(data) == [m for case in together for m in case.expect], label
    assert len(labels) <= 4  # few builds: each strict build costs seconds


def test_valid_fixture_loads(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    assert list(catalog.frameworks) == ["alpha", "beta"]
    assert catalog.frameworks["alpha"].successor == "beta"


def test_all_problems_are_reported_together(fixture_data: Path) -> None:
    for name in ("unknown-spdx", "javascript-url", "tab-indent"):
        add_case(fixture_data, BY_NAME[name])
    found = problems_for(fixture_data)
    assert found == BY_NAME["javascript-url"].expect + BY_NAME["tab-indent"].expect + BY_NAME["unknown-spdx"].expect


def test_object_tag_never_executes(fixture_data: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (fixture_data / "frameworks" / "evil.yaml").write_text(
        f'id: evil\nname: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    found = problems_for(fixture_data)
    assert found[0].startswith("data/frameworks/evil.yaml:2 › name: YAML 태그는 쓸 수 없습니다")
    assert not marker.exists()


def test_alias_bomb_fails_with_bounded_memory(fixture_data: Path) -> None:
    add_case(fixture_data, BY_NAME["alias-bomb"])
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
