"""Korean words for what the YAML parser and the models reject: one place for those messages.

pydantic reports in English with its own error kinds; each kind becomes one Korean problem
with the line of the offending field, the value found and what is expected there.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from dlkb.model import model_in
from dlkb.problems import Problem
from dlkb.yamlload import Document, Path, dotted

_MESSAGES: dict[str, tuple[str, str | None]] = {
    "missing": ("필수 항목이 없습니다", None),
    "string_type": ("문자열이어야 합니다", "따옴표로 감싼 글자"),
    "int_type": ("정수여야 합니다", None),
    "int_parsing": ("정수여야 합니다", None),
    "bool_type": ("true 또는 false여야 합니다", "true / false"),
    "bool_parsing": ("true 또는 false여야 합니다", "true / false"),
    "list_type": ("목록이어야 합니다", "- 로 시작하는 줄들 또는 [a, b]"),
    "dict_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "model_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "model_attributes_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "date_type": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_parsing": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_from_datetime_parsing": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_from_datetime_inexact": ("시각 없이 날짜만 적어야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "string_pattern_mismatch": ("형식이 맞지 않습니다", "소문자, 숫자, - 로 된 id (예: pytorch)"),
    "string_too_short": ("비어 있으면 안 됩니다", "내용이 있는 글"),
    "string_too_long": ("너무 깁니다", None),
}


def _model_at(cls: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (list indexes are stepped over)."""
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = cls.model_fields.get(part)
        found = model_in(field_info.annotation) if field_info else None
        if found is None:
            return None
        cls = found
    return cls


def _data_at(data: Any, loc: Path) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _branches(annotation: Any) -> list[Any]:
    """The alternatives of a union type, without None and Annotated wrappers ([X] if not a union)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


@dataclass(frozen=True)
class _Where:
    loc: Path  # the location in the file, without pydantic's union branch tags
    union: Path | None = None  # where a union was passed, if one was
    model_branch: bool = False  # the error is in the union's model alternative


def _locate(root: type[BaseModel], raw: tuple[Any, ...]) -> _Where:
    """Walk pydantic's error location along the model's types. Union branch tags ('Release',
    "literal['unknown']", 'int') are not keys in the file: they are dropped, whatever a key in the
    file is called (an unknown key may well be named `date` or `list`)."""
    out: list[str | int] = []
    annotation: Any = root
    union: Path | None = None
    model_branch = False
    parts = list(raw)
    while parts:
        branches = _branches(annotation)
        if len(branches) > 1:  # the next part names the branch pydantic tried
            tag = parts.pop(0)
            union = tuple(out)
            chosen = [b for b in branches if isinstance(b, type) and issubclass(b, BaseModel) and b.__name__ == tag]
            model_branch = bool(chosen)
            annotation = chosen[0] if chosen else None
            continue
        part = parts.pop(0)
        out.append(part)
        current = branches[0]
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            annotation = info.annotation if info else None
        elif typing.get_origin(current) in (list, dict):
            annotation = typing.get_args(current)[-1]
        else:
            annotation = None
    return _Where(tuple(out), union, model_branch)


def translate_all(errors: list[dict[str, Any]], doc: Document, file: str, root: type[BaseModel]) -> list[Problem]:
    """Every pydantic error of one file in Korean. Where a union was given a mapping only its
    model alternative is reported (and only the other alternatives otherwise), so that one
    mistake is one problem."""
    problems = []
    for error in errors:
        where = _locate(root, error["loc"])
        if where.union is not None and isinstance(_data_at(doc.data, where.union), dict) != where.model_branch:
            continue
        problems.append(translate(error, where.loc, doc, file, root))
    return problems


def translate(error: dict[str, Any], loc: Path, doc: Document, file: str, root: type[BaseModel]) -> Problem:
    """One pydantic error -> one Korean problem with the line of the offending field."""
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    shown = None if kind == "missing" else short(value)
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        present = _data_at(doc.data, loc[:-1])
        unused = [name for name in allowed if not isinstance(present, dict) or name not in present]
        close = difflib.get_close_matches(str(loc[-1]), unused, n=1, cutoff=0.5)
        options = f"쓸 수 있는 항목: {', '.join(allowed)}"
        return Problem(file, doc.line_of(loc), dotted(loc), "알 수 없는 항목입니다", None, f"혹시 '{close[0]}'? {options}" if close else options)
    if kind in ("literal_error", "enum"):
        options = str(ctx.get("expected")).replace(" or ", ", ")
        return Problem(file, doc.line_of(loc), dotted(loc), "허용되지 않는 값입니다", shown, f"다음 중 하나: {options}")
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        message = f"항목이 적어도 {limit}개 있어야 합니다" if kind == "too_short" else f"항목은 많아야 {limit}개입니다"
        return Problem(file, doc.line_of(loc), dotted(loc), message, shown, None)
    if kind == "value_error":
        # A validator may name the right value after " — 올바른 값: "; it goes after the input, as everywhere.
        said, _, right = str(ctx.get("error")).partition(" — 올바른 값: ")
        return Problem(file, doc.line_of(loc), dotted(loc), said, shown, right or None)
    message, expected = _MESSAGES.get(kind, (f"값이 올바르지 않습니다 ({error['msg']})", None))
    if kind == "missing":
        parent = _model_at(root, loc[:-1])
        field_info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
        expected = (field_info.description if field_info else None) or expected
    return Problem(file, doc.line_of(loc), dotted(loc), message, shown, expected)


def short(value: Any) -> str:
    """The value as the contributor wrote it, cut to one screen line."""
    text = repr(value.isoformat()) if isinstance(value, dt.date) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
