"""Rules inside one file that a field type cannot say: a checklist, every rule run every time.

They run after the file matched its model, and all of them run, so a contributor sees every
broken rule of a file in one round. A new rule is one function added to `RULES`. Rules that
compare files with each other (references, ids, sources defined elsewhere) are in `checks.py`;
YAML and type errors are turned into Korean in `messages.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from dlkb.model import Claim, Comparison, Feature, Framework, LineageLink
from dlkb.vocab import Status
from dlkb.yamlload import Path


@dataclass(frozen=True)
class Broken:
    """One broken rule: the field to point at, the Korean message, and the value found there."""

    path: Path
    message: str
    value: Any = None
    expected: str | None = None


# `dlkb new` writes these into the skeleton; a page titled __NAME__ must never be published.
PLACEHOLDER = re.compile(r"__[A-Z][A-Z_]*__")


def walk(obj: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every (path, value) inside a model, depth first, the model itself first."""
    stack: list[tuple[Path, Any]] = [(path, obj)]
    while stack:  # a loop, not recursion: this runs over every value of every file
        path, obj = stack.pop()
        yield path, obj
        if isinstance(obj, BaseModel):
            names = type(obj).model_fields
            stack.extend((path + (name,), getattr(obj, name)) for name in reversed(names))
        elif isinstance(obj, (list, tuple)):
            stack.extend((path + (i,), value) for i, value in reversed(list(enumerate(obj))))


def _feature_sources(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, Feature) and obj.value.needs_source and not obj.sources:
        yield Broken(path + ("sources",), "값이 unknown 이나 n/a 가 아니면 출처 id가 하나 이상 있어야 합니다")


def _claim(path: Path, obj: Any) -> Iterator[Broken]:
    if not isinstance(obj, Claim):
        return
    if not obj.sources:
        yield Broken(path + ("sources",), "주장에는 출처 id가 하나 이상 있어야 합니다", [])
    if not obj.still_true and obj.correction is None:
        yield Broken(path + ("correction",), "still_true 가 false 인 주장에는 지금은 어떤지 적은 correction 이 필요합니다")


def _lineage_target(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, LineageLink) and (obj.id is None) == (obj.name is None):
        yield Broken(path + ("id",), "id(이 사이트의 프레임워크) 또는 name(이 사이트에 없는 프로젝트) 중 정확히 하나를 적어야 합니다", obj.id)


def _status(path: Path, obj: Any) -> Iterator[Broken]:
    if not isinstance(obj, Framework):
        return
    if obj.status is Status.MERGED and obj.successor is None:
        yield Broken(path + ("successor",), "status 가 merged 이면 합쳐진 곳의 id가 필요합니다")
    if obj.status is not Status.ACTIVE and obj.status_since is None:
        yield Broken(path + ("status_since",), "status 가 active 가 아니면 그 상태가 된 때를 적어야 합니다")


def _comparison_pair(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, Comparison) and len(set(obj.frameworks)) < len(obj.frameworks):
        yield Broken(path + ("frameworks", 1), "프레임워크를 자기 자신과 비교할 수 없습니다", obj.frameworks[1])


def _placeholder(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, str) and PLACEHOLDER.search(obj):
        yield Broken(path, "뼈대의 자리 표시가 남아 있습니다", obj, "실제 내용 (`dlkb new`가 넣은 __NAME__ 같은 자리 표시를 바꾸세요)")


RULES: list[Callable[[Path, Any], Iterator[Broken]]] = [
    _feature_sources,
    _claim,
    _lineage_target,
    _status,
    _comparison_pair,
    _placeholder,
]


def broken_rules(model: BaseModel) -> list[Broken]:
    """Every broken rule anywhere in a validated file."""
    return [broken for path, obj in walk(model) for rule in RULES for broken in rule(path, obj)]
