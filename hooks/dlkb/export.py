"""Open data: JSON and CSV downloads, and the small JSON the interactive pages read.

All of it comes from the same validated models as the pages, so a download never disagrees
with what the site shows.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable

from dlkb import labels
from dlkb.catalog import Catalog
from dlkb.model import Feature, Framework
from dlkb.needs import guide_json
from dlkb.schema import render_schema

FORMAT_VERSION = 1


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: C encoder, small files


def record_json(fw: Framework) -> dict:
    return fw.model_dump(mode="json")


def frameworks_json(records: list[dict]) -> str:
    """Every record, with a format version so that consumers can detect changes."""
    return _dumps({"format_version": FORMAT_VERSION, "schema": "schema.json", "count": len(records), "frameworks": records})


def framework_json(record: dict) -> str:
    return _dumps({"format_version": FORMAT_VERSION, "framework": record})


CSV_COLUMNS: list[tuple[str, Callable[[Framework], str]]] = [
    ("id", lambda f: f.id),
    ("name", lambda f: f.name),
    ("name_ko", lambda f: f.name_ko),
    ("kind", lambda f: f.kind),
    ("status", lambda f: f.status),
    ("status_since", lambda f: labels.iso(f.status_since)),
    ("successor", lambda f: f.successor or ""),
    ("first_release", lambda f: labels.iso(f.first_release)),
    ("latest_version", lambda f: f.latest_release.version),
    ("latest_date", lambda f: f.latest_release.date.isoformat()),
    ("license", lambda f: f.license.spdx),
    ("patent_grant", lambda f: f.license.patent_grant),
    ("languages_core", lambda f: "; ".join(f.languages.core)),
    ("languages_apis", lambda f: "; ".join(f.languages.apis)),
    ("graph_mode", lambda f: f.graph.mode),
    ("autodiff", lambda f: f.autodiff.value),
    *[(f"hardware_{k}", (lambda k: lambda f: getattr(f.hardware, k).value)(k)) for k in labels.HARDWARE],
    *[(f"distributed_{k}", (lambda k: lambda f: getattr(f.distributed, k).value)(k)) for k in labels.DISTRIBUTED],
    *[(f"deployment_{k}", (lambda k: lambda f: getattr(f.deployment, k).value)(k)) for k in labels.DEPLOYMENT],
    ("export_formats", lambda f: "; ".join(f.deployment.export_formats)),
    ("visualization", lambda f: f.visualization.value),
    ("model_zoo", lambda f: f.model_zoo.value),
    ("pros", lambda f: str(len(f.pros))),
    ("cons", lambda f: str(len(f.cons))),
    ("last_verified", lambda f: f.last_verified.isoformat()),
]


def frameworks_csv(catalog: Catalog) -> bytes:
    """One row per framework. UTF-8 with a BOM and CRLF, which Korean Excel opens correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for fw in catalog.frameworks.values():
        writer.writerow([get(fw) for _, get in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- what the interactive pages read -------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cell: Callable[[Framework], str]


def _feature(f: Feature) -> str:
    text = labels.SUPPORT[f.value]
    if f.tools:
        text += f" ({', '.join(f.tools)})"
    return text


COMPARE_ROWS: list[Row] = [
    Row("name_ko", "한글 이름", lambda f: f.name_ko),
    Row("kind", "종류", lambda f: labels.KIND[f.kind]),
    Row("status", "상태", lambda f: labels.STATUS[f.status] + (f" ({labels.kdate(f.status_since)}부터)" if f.status_since else "")),
    Row("developers", "만든 곳", lambda f: ", ".join(d.name for d in f.developers)),
    Row("first_release", "첫 공개", lambda f: labels.kdate(f.first_release)),
    Row("latest_release", "최신 릴리스", lambda f: f"{f.latest_release.version} ({labels.kdate(f.latest_release.date)})"),
    Row("license", "라이선스", lambda f: f.license.spdx),
    Row("patent_grant", "특허 허여", lambda f: labels.PATENT[f.license.patent_grant]),
    Row("core", "구현 언어", lambda f: ", ".join(f.languages.core)),
    Row("apis", "API 언어", lambda f: ", ".join(f.languages.apis)),
    Row("graph", "계산 그래프", lambda f: labels.GRAPH[f.graph.mode]),
    Row("autodiff", "자동 미분", lambda f: _feature(f.autodiff)),
    *[Row(f"hardware.{k}", v, (lambda k: lambda f: _feature(getattr(f.hardware, k)))(k)) for k, v in labels.HARDWARE.items()],
    *[Row(f"distributed.{k}", v, (lambda k: lambda f: _feature(getattr(f.distributed, k)))(k)) for k, v in labels.DISTRIBUTED.items()],
    *[Row(f"deployment.{k}", v, (lambda k: lambda f: _feature(getattr(f.deployment, k)))(k)) for k, v in labels.DEPLOYMENT.items()],
    Row("export_formats", "내보내기 형식", lambda f: ", ".join(f.deployment.export_formats) or "—"),
    Row("visualization", "학습 시각화", lambda f: _feature(f.visualization)),
    Row("model_zoo", "사전 학습된 모델", lambda f: _feature(f.model_zoo)),
    Row("successor", "뒤를 잇는 프로젝트", lambda f: f.successor or "—"),
    Row("last_verified", "마지막 확인", lambda f: labels.kdate(f.last_verified)),
]


def compare_json(catalog: Catalog) -> str:
    """Plain text cells per framework and attribute: the compare page only arranges them."""
    return _dumps({
        "format_version": FORMAT_VERSION,
        "rows": [{"key": r.key, "label": r.label} for r in COMPARE_ROWS],
        "frameworks": [
            {"id": fw.id, "name": fw.name, "name_ko": fw.name_ko, "cells": [r.cell(fw) for r in COMPARE_ROWS]}
            for fw in catalog.frameworks.values()
        ],
    })


def downloads(catalog: Catalog) -> dict[str, str | bytes]:
    """Every file under /api/: site path -> content."""
    records = {fw_id: record_json(fw) for fw_id, fw in catalog.frameworks.items()}  # dumped once, used twice
    files: dict[str, str | bytes] = {
        "api/frameworks.json": frameworks_json(list(records.values())),
        "api/frameworks.csv": frameworks_csv(catalog),
        "api/schema.json": render_schema(Framework),
        "api/compare.json": compare_json(catalog),
        "api/guide.json": guide_json(catalog),
    }
    for fw_id, record in records.items():
        files[f"api/frameworks/{fw_id}.json"] = framework_json(record)
    return files
