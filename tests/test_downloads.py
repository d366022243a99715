"""The downloads parse and hold exactly the records."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, ROOT
from dlkb.catalog import Catalog
from dlkb.export import FORMAT_VERSION
from dlkb.fields import fields_for
from test_build import make_project, mkdocs_build


def test_frameworks_json_holds_every_record(catalog: Catalog, site: Path) -> None:
    data = json.loads((site / "api/frameworks.json").read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION
    assert data["count"] == len(catalog.frameworks)
    assert [fw["id"] for fw in data["frameworks"]] == list(catalog.frameworks)
    for fw in data["frameworks"]:
        assert fw == catalog.frameworks[fw["id"]].model_dump(mode="json")


def test_each_framework_has_its_own_json(catalog: Catalog, site: Path) -> None:
    for fw_id, fw in catalog.frameworks.items():
        data = json.loads((site / f"api/frameworks/{fw_id}.json").read_text(encoding="utf-8"))
        observed = {"observed": fw.observed.model_dump(mode="json")} if fw.observed else {}  # beside the record, never in it
        assert data == {"format_version": FORMAT_VERSION, "framework": fw.model_dump(mode="json"), **observed}


def test_csv_opens_in_korean_excel_and_matches(catalog: Catalog, site: Path) -> None:
    raw = (site / "api/frameworks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [f.key for f in fields_for("csv")]
    assert [r["id"] for r in rows] == list(catalog.frameworks)
    for row in rows:
        fw = catalog.frameworks[row["id"]]
        assert row["name_ko"] == (fw.name_ko or "")  # an empty cell when Koreans use no Hangul reading
        assert row["license"] == fw.license.spdx
        assert row["latest_version"] == (fw.latest.version if fw.latest else "unknown")
        assert row["hardware_cuda"] == fw.hardware.cuda.value


def test_schema_download_is_the_committed_schema(site: Path) -> None:
    served = json.loads((site / "api/schema.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "data/schema/framework.schema.json").read_text(encoding="utf-8"))
    assert served == committed


# --- golden files ---------------------------------------------------------------------------
# The downloads of the small fixture site (two records, fixed build day), byte for byte, and the
# chooser's verdicts read from guide.json, one line each so that a change reads as a diff.
# After an intended change, regenerate and review the diff:
#   DLKB_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_downloads.py
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_DOWNLOADS = ["frameworks.csv", "compare.json", "guide.json"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid fixture built with `mkdocs build --strict` on the fixed build day."""
    tmp = tmp_path_factory.mktemp("fixture-site")
    site = tmp / "site"
    run = mkdocs_build(make_project(tmp), site, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert run.returncode == 0, run.stderr
    return site


def verdict_lines(guide: dict) -> str:
    """alpha › maintained: 남음 3|확인 안 됨|빠짐 — reason (field; source titles)"""
    lines = []
    for fw in guide["frameworks"]:
        for key, r in fw["results"].items():
            source = ", ".join(s["title"] for s in r["sources"]) or "출처 없음"
            state = "확인 안 됨" if r["unknown"] else f"남음 {r['grade']}" if r["ok"] else "빠짐"
            lines.append(f"{fw['id']} › {key}: {state} — {r['reason']} ({r['field']}; {source})")
    return "\n".join(lines) + "\n"


def golden_files(site: Path) -> dict[str, bytes]:
    files = {name: (site / "api" / name).read_bytes() for name in GOLDEN_DOWNLOADS}
    files["verdicts.txt"] = verdict_lines(json.loads(files["guide.json"])).encode("utf-8")
    return files


@pytest.mark.slow
def test_downloads_and_verdicts_match_the_golden_files(fixture_site: Path) -> None:
    built = golden_files(fixture_site)
    if os.environ.get("DLKB_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        for name, content in built.items():
            (GOLDEN / name).write_bytes(content)
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(built)
    for name, content in built.items():
        assert content == (GOLDEN / name).read_bytes(), f"tests/golden/{name} 와 다릅니다 (의도한 변경이면 DLKB_UPDATE_GOLDEN=1)"
