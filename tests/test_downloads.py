"""The downloads parse and hold exactly the records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT
from dlkb.catalog import load_catalog
from dlkb.export import FORMAT_VERSION
from dlkb.fields import fields_for

CATALOG = load_catalog(ROOT / "data")


def test_frameworks_json_holds_every_record(site: Path) -> None:
    data = json.loads((site / "api/frameworks.json").read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION
    assert data["count"] == len(CATALOG.frameworks)
    assert [fw["id"] for fw in data["frameworks"]] == list(CATALOG.frameworks)
    for fw in data["frameworks"]:
        assert fw == CATALOG.frameworks[fw["id"]].model_dump(mode="json")


def test_each_framework_has_its_own_json(site: Path) -> None:
    for fw_id, fw in CATALOG.frameworks.items():
        data = json.loads((site / f"api/frameworks/{fw_id}.json").read_text(encoding="utf-8"))
        assert data == {"format_version": FORMAT_VERSION, "framework": fw.model_dump(mode="json")}


def test_csv_opens_in_korean_excel_and_matches(site: Path) -> None:
    raw = (site / "api/frameworks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [f.key for f in fields_for("csv")]
    assert [r["id"] for r in rows] == list(CATALOG.frameworks)
    for row in rows:
        fw = CATALOG.frameworks[row["id"]]
        assert row["name_ko"] == fw.name_ko
        assert row["license"] == fw.license.spdx
        assert row["latest_version"] == fw.latest_release.version
        assert row["hardware_cuda"] == fw.hardware.cuda.value


def test_schema_download_is_the_committed_schema(site: Path) -> None:
    served = json.loads((site / "api/schema.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "data/schema/framework.schema.json").read_text(encoding="utf-8"))
    assert served == committed
