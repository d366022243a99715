"""Open data: JSON and CSV downloads, and the small JSON the interactive pages read.

All of it comes from the same validated models as the pages, so a download never disagrees
with what the site shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from dlkb.badges import badge_json, badge_path
from dlkb.catalog import Catalog
from dlkb.fields import fields_for
from dlkb.labels import particle
from dlkb.model import Framework
from dlkb.needs import guide_json
from dlkb.schema import render_schema
from dlkb.vocab import Support

FORMAT_VERSION = 1


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: C encoder, small files


def record_json(fw: Framework) -> dict:
    return fw.model_dump(mode="json")


def frameworks_json(records: list[dict], observed: dict[str, dict] | None = None) -> str:
    """Every record, with a format version so that consumers can detect changes. What `dlkb
    refresh` observed sits beside the records (id -> observed), never inside them: the records
    keep their schema and their human values."""
    return _dumps({"format_version": FORMAT_VERSION, "schema": "schema.json", "count": len(records), "frameworks": records,
                   **({"observed": observed} if observed else {})})


def framework_json(record: dict, observed: dict | None = None) -> str:
    return _dumps({"format_version": FORMAT_VERSION, "framework": record, **({"observed": observed} if observed else {})})


# A cell that starts with one of these is a formula to Excel and LibreOffice (=HYPERLINK(…),
# @SUM(…)); OWASP's advice is to make it text with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def frameworks_csv(catalog: Catalog) -> bytes:
    """One row per framework. UTF-8 with a BOM and CRLF, which Korean Excel opens correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = fields_for("csv")
    writer.writerow([f.key for f in columns])
    for fw in catalog.frameworks.values():
        writer.writerow([csv_cell(f.raw(fw)) for f in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- what the interactive pages read -------------------------------------------------------

def compare_json(catalog: Catalog) -> str:
    """What the compare page reads first: the rows, the support levels and, per framework, its
    names only: the other names a reader may type (`tf`, `Torch7`), its name with the particle
    로/으로 for the page's messages ("TensorFlow로 읽었습니다") and where its cells are
    (`compare_detail_json`). The page then fetches the cells of the frameworks it shows, not of all."""
    rows = fields_for("compare")
    return _dumps({
        "format_version": FORMAT_VERSION,
        "rows": [{"key": f.key, "label": f.label} for f in rows],
        "support": {s.css: {"icon": s.icon, "label": s.label} for s in Support},
        "frameworks": [
            {"id": fw.id, "name": fw.name, "name_ko": fw.name_ko, "detail": compare_detail_path(fw.id).removeprefix("api/"),
             "aliases": fw.aliases, "name_ro": fw.name + particle(fw.reading, "로/으로")}
            for fw in catalog.frameworks.values()
        ],
    })


def compare_detail_path(fw_id: str) -> str:
    return f"api/compare/{fw_id}.json"


def compare_detail_json(fw: Framework) -> str:
    """One framework's plain text cells, in the order of compare.json's rows: the compare page only
    arranges them. Beside each cell: its support level (the symbol, and what "차이만 보기"
    compares) and its sources' ids, each a numbered link to the framework page's source list
    (whose titles are there, as on the framework page itself)."""
    rows = fields_for("compare")
    return _dumps({
        "format_version": FORMAT_VERSION, "id": fw.id, "cells": [f.text(fw) for f in rows],
        "levels": [f.value(fw).value.css if f.show == "feature" else None for f in rows],
        "sources": [f.sources(fw) for f in rows],
    })


def downloads(catalog: Catalog, today: dt.date) -> dict[str, str | bytes]:
    """Every file under /api/: site path -> content."""
    records = {fw_id: record_json(fw) for fw_id, fw in catalog.frameworks.items()}  # dumped once, used twice
    observed = {fw_id: seen.model_dump(mode="json") for fw_id, seen in catalog.observed.items()}
    files: dict[str, str | bytes] = {
        "api/frameworks.json": frameworks_json(list(records.values()), observed),
        "api/frameworks.csv": frameworks_csv(catalog),
        "api/schema.json": render_schema(Framework),
        "api/compare.json": compare_json(catalog),
        "api/guide.json": guide_json(catalog, today),
    }
    for fw_id, record in records.items():
        files[f"api/frameworks/{fw_id}.json"] = framework_json(record, observed.get(fw_id))
    for fw_id, fw in catalog.frameworks.items():
        files[badge_path(fw_id)] = badge_json(fw)  # a Shields.io endpoint per framework
        files[compare_detail_path(fw_id)] = compare_detail_json(fw)
    return files
