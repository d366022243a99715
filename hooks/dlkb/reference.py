"""The field reference on the contributing page, read from the model itself, and the chooser's criteria."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from dlkb.catalog import Catalog
from dlkb.model import Feature, Framework, model_in
from dlkb.needs import GRADE, NEEDS, evaluate
from dlkb.vocab import Support, Vocab


@dataclass(frozen=True)
class FieldRow:
    path: str
    type_ko: str
    required: bool
    meaning: str


def _type_name(annotation: typing.Any) -> str:
    """A short, readable type: '목록(출처 id)', '날짜 또는 연도', 'yes | no | …'."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return "연도 또는 날짜" if names == ["정수", "날짜"] else " 또는 ".join(names)
    if origin is typing.Literal:
        return " | ".join(str(a) for a in args)
    if origin is list:
        return f"목록({_type_name(args[0])})"
    if origin is dict:
        return f"매핑({_type_name(args[0])} → {_type_name(args[1])})"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "매핑"
    if isinstance(annotation, type) and issubclass(annotation, Vocab):
        return " | ".join(member.value for member in annotation)
    return {str: "글", int: "정수", bool: "true/false"}.get(annotation, getattr(annotation, "__name__", str(annotation))).replace("date", "날짜")


def field_rows(cls: type[BaseModel] = Framework, prefix: str = "") -> list[FieldRow]:
    """Every field of the record, depth first, nested fields written as a.b or a[].b."""
    rows: list[FieldRow] = []
    for name, info in cls.model_fields.items():
        path = f"{prefix}{name}"
        sub = model_in(info.annotation)
        type_ko = "지원 여부 (아래 표)" if sub is Feature else _type_name(info.annotation)
        rows.append(FieldRow(path, type_ko, info.is_required(), info.description or ""))
        if sub is not None and sub is not Feature:
            is_list = typing.get_origin(info.annotation) is list
            rows += field_rows(sub, f"{path}[]." if is_list else f"{path}.")
    return rows


@dataclass(frozen=True)
class NeedRow:
    key: str
    label: str
    explain: str
    fields: list[str]


def need_rows(catalog: Catalog, today: dt.date) -> list[NeedRow]:
    """Each criterion of the chooser with the fields its verdicts read on this data (not a hand list)."""
    verdicts = evaluate(catalog, today)
    rows = []
    for need in NEEDS:
        # A verdict names its field as "kind", "kind, lineage" or "keras: lineage" (another framework's).
        read = {part.rpartition(": ")[2] for v in verdicts.values() for part in v[need.key].field.split(", ")}
        rows.append(NeedRow(need.key, need.label, need.explain_ko, sorted(read)))
    return rows


def support_kept() -> tuple[list[str], list[str]]:
    """The Korean support values a criterion on a support field keeps (best first, the order the
    chooser ranks them in), and those it drops."""
    kept = sorted(GRADE, key=lambda v: -GRADE[v])
    return [v.label for v in kept], [v.label for v in Support if v not in GRADE]
