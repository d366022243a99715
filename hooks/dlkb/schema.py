"""JSON Schema files generated from the models, committed under data/schema/ for editors."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from dlkb.model import Comparison, Framework, Glossary, RecommendationList, SourceList, ToolList

SCHEMAS: dict[str, type[BaseModel]] = {
    "framework.schema.json": Framework,
    "comparison.schema.json": Comparison,
    "glossary.schema.json": Glossary,
    "sources.schema.json": SourceList,
    "tools.schema.json": ToolList,
    "recommendations.schema.json": RecommendationList,
}


def render_schema(cls: type[BaseModel]) -> str:
    """The schema text exactly as committed (stable key order, UTF-8, trailing newline)."""
    schema = cls.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(schema_dir: Path) -> list[Path]:
    """Regenerate every schema file; return the paths written."""
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, cls in SCHEMAS.items():
        path = schema_dir / name
        path.write_text(render_schema(cls), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(schema_dir: Path) -> list[Path]:
    """The schema files that are missing or differ from what the models give now."""
    stale = []
    for name, cls in SCHEMAS.items():
        path = schema_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render_schema(cls):
            stale.append(path)
    return stale
