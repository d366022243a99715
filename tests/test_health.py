"""The health check on the small fixture data: warnings from `dlkb check` with what to do, and
the data-gaps view, on a fixed day."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from conftest import ROOT
from dlkb.catalog import load_catalog
from dlkb.health import findings, gaps

DAY = dt.date(2026, 12, 1)
DLKB = [str(ROOT / ".venv" / "bin" / "dlkb")]


def test_check_warns_with_what_to_do(fixture_data: Path) -> None:
    epoch = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()))
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "check"], capture_output=True, text=True,
                         env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    assert run.returncode == 0  # warnings, not errors
    assert run.stdout.splitlines() == [
        "문제 없음: 프레임워크 2개, 비교 1개를 확인했습니다.",
        "확인할 것 3개:",
        "  - Alpha: 사실을 마지막으로 확인한 날: 2026-01-10 (325일 전, 기준 180일) — 할 일: 출처를 다시 열어 사실을 확인하고 마지막 확인 날짜를 고치세요",
        "  - Beta: 상태가 ‘활발히 개발 중’인데 마지막 릴리스(2020-05-01) 뒤로 18개월 넘게 릴리스가 없고 그 까닭이 적혀 있지 않습니다 — 할 일: 저장소의 최근 활동을 확인해 상태를 ‘유지보수만’ 등으로 고치거나 상태 설명에 까닭을 적으세요",
        "  - Beta: 사실을 마지막으로 확인한 날: 2026-01-10 (325일 전, 기준 180일) — 할 일: 출처를 다시 열어 사실을 확인하고 마지막 확인 날짜를 고치세요",
    ]


def test_a_discontinued_project_with_a_recent_release_is_a_contradiction(fixture_data: Path) -> None:
    record = fixture_data / "frameworks" / "alpha.yaml"  # archived since 2021-01-15, latest release 2020-05-01
    record.write_text(record.read_text(encoding="utf-8").replace("  date: 2020-05-01\n", "  date: 2026-06-01\n", 1)
                      .replace("last_verified: 2026-01-10", "last_verified: 2026-11-20"), encoding="utf-8")
    found = [str(f) for f in findings(load_catalog(fixture_data, today=DAY), DAY) if f.fw.id == "alpha"]
    assert found == ["Alpha: 상태가 ‘보관됨(읽기 전용)’인데 2026-06-01에 1.2.0 릴리스가 나왔습니다 — 할 일: "
                     "저장소와 릴리스 노트를 확인해 상태를 고치거나, 유지보수 릴리스라는 설명을 상태 설명에 적으세요"]


def test_an_explained_quiet_project_is_not_a_contradiction(fixture_data: Path) -> None:
    record = fixture_data / "frameworks" / "beta.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("status_note_ko: null\n", "status_note_ko: 2020년 이후 안정판을 그대로 유지하고 있습니다.\n", 1), encoding="utf-8")
    assert [f.kind for f in findings(load_catalog(fixture_data, today=DAY), DAY) if f.fw.id == "beta"] == ["stale"]


def test_data_gaps_list_unknown_values_and_a_completeness_figure(catalog) -> None:  # type: ignore[no-untyped-def]
    rows = {row.fw.id: row for row in gaps(catalog)}
    assert rows["torch"].unknown[:1] == ["최신 릴리스"]  # Torch7 has no release on any registry and none written
    assert rows["torch"].percent == (rows["torch"].total - len(rows["torch"].unknown)) * 100 // rows["torch"].total
    assert "최신 릴리스" not in rows["jax"].unknown  # the observed release fills that gap
    assert list(rows) == [row.fw.id for row in sorted(rows.values(), key=lambda r: (r.percent, r.fw.name.lower()))]
