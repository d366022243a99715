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
from typing import Any, TypeVar

from pydantic import BaseModel

from dlkb.model import Claim, Comparison, Feature, Framework, LineageLink, Reason, Recommendation, Tool
from dlkb.vocab import Status
from dlkb.yamlload import Path

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Broken:
    """One broken rule: the field to point at, the Korean message, and the value found there."""

    path: Path
    message: str
    value: Any = None
    expected: str | None = None


# `dlkb new` writes these into the skeleton; a page titled __NAME__ must never be published.
PLACEHOLDER = re.compile(r"__[A-Z][A-Z_]*__")


def _feature_sources(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, Feature) and obj.value.needs_source and not obj.sources:
        yield Broken(path + ("sources",), "값이 unknown이나 n/a가 아니면 출처 id가 하나 이상 있어야 합니다")


def _claim(path: Path, obj: Any) -> Iterator[Broken]:
    if not isinstance(obj, Claim):
        return
    if not obj.sources:
        yield Broken(path + ("sources",), "주장에는 출처 id가 하나 이상 있어야 합니다", [])
    if not obj.still_true and obj.correction is None:
        yield Broken(path + ("correction",), "still_true가 false인 주장에는 지금은 어떤지 적은 correction이 필요합니다")
    if obj.never_true and obj.still_true:
        yield Broken(path + ("never_true",), "지금도 사실인 주장(still_true가 true)에는 never_true를 쓸 수 없습니다", "true",
                     "still_true: false와 correction을 함께 적기")


def _lineage_target(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, LineageLink) and (obj.id is None) == (obj.name is None):
        yield Broken(path + ("id",), "id(이 사이트의 프레임워크) 또는 name(이 사이트에 없는 프로젝트) 중 정확히 하나를 적어야 합니다", obj.id)


def _status(path: Path, obj: Any) -> Iterator[Broken]:
    if not isinstance(obj, Framework):
        return
    if obj.status is Status.MERGED and obj.successor is None:
        yield Broken(path + ("successor",), "status가 merged이면 합쳐진 곳의 id가 필요합니다")
    if obj.status is not Status.ACTIVE and obj.status_since is None:
        yield Broken(path + ("status_since",), "status가 active가 아니면 그 상태가 된 때를 적어야 합니다")


_FORGES = {"github": "https://github.com/", "gitlab": "https://gitlab.com/", "gitee": "https://gitee.com/", "atomgit": "https://atomgit.com/"}


def _repository(path: Path, obj: Any) -> Iterator[Broken]:
    """The repository identifier and the repository link name the same project (one of them is a typo otherwise)."""
    if not isinstance(obj, Framework) or not obj.identifiers or not obj.identifiers.repository or not obj.links.repo:
        return
    forge, _, name = obj.identifiers.repository.partition(":")
    link = _FORGES[forge] + name
    if obj.links.repo.rstrip("/").lower() != link.lower() and obj.links.repo.lower().startswith(_FORGES[forge]):
        yield Broken(path + ("identifiers", "repository"), "링크의 저장소와 다른 저장소입니다", obj.identifiers.repository,
                     f"links.repo({obj.links.repo})와 같은 저장소")


def _comparison_pair(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, Comparison) and len(set(obj.frameworks)) < len(obj.frameworks):
        yield Broken(path + ("frameworks", 1), "프레임워크를 자기 자신과 비교할 수 없습니다", obj.frameworks[1])


def _tool_sources(path: Path, obj: Any) -> Iterator[Broken]:
    """Every fact on the tools page names its source: what it is, what it works with, its
    licence, its status and its latest release."""
    if not isinstance(obj, Tool):
        return
    cited: list[tuple[Path, list[str]]] = [
        (("sources",), obj.sources), (("works_with", "sources"), obj.works_with.sources),
        (("license", "sources"), obj.license.sources), (("status_sources",), obj.status_sources),
    ]
    if obj.latest:
        cited.append((("latest_release", "sources"), obj.latest.sources))
    for where, ids in cited:
        if not ids:
            yield Broken(path + where, "도구에 대한 사실에는 출처 id가 하나 이상 있어야 합니다", [])


def _reason(path: Path, obj: Any) -> Iterator[Broken]:
    if isinstance(obj, Reason) and not obj.sources:
        yield Broken(path + ("sources",), "추천의 근거에는 출처 id가 하나 이상 있어야 합니다", [])


def _recommendation(path: Path, obj: Any) -> Iterator[Broken]:
    """A runner-up is explained like the pick; a framework is either picked or runner-up."""
    if not isinstance(obj, Recommendation):
        return
    if obj.runner_up and not obj.runner_up_reasons:
        yield Broken(path + ("runner_up_reasons",), "차선을 적었으면 그 까닭도 하나 이상 적어야 합니다", [])
    if obj.runner_up_reasons and not obj.runner_up:
        yield Broken(path + ("runner_up",), "차선의 까닭이 있는데 차선으로 권하는 프레임워크가 없습니다", [])
    for i, fw_id in enumerate(obj.runner_up):
        if fw_id in obj.pick:
            yield Broken(path + ("runner_up", i), "추천과 차선에 같은 프레임워크가 있습니다", fw_id, "pick에 없는 id")


def _placeholder(path: Path, obj: Any) -> Iterator[Broken]:
    """Text fields of a model (and lists of text) that still hold a skeleton placeholder."""
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        texts = [(path + (name,), value)] if isinstance(value, str) else []
        if isinstance(value, list):
            texts = [(path + (name, i), item) for i, item in enumerate(value) if isinstance(item, str)]
        for where, text in texts:
            if PLACEHOLDER.search(text):
                yield Broken(where, "뼈대의 자리 표시가 남아 있습니다", text, "실제 내용 (`dlkb new`가 넣은 __NAME__ 같은 자리 표시를 바꾸세요)")


# Each rule with the kind of model it looks at: the walk visits models only, and a model
# meets only its own rules (every value of every file passes here, so this is kept cheap).
RULES: list[tuple[type[BaseModel], Callable[[Path, Any], Iterator[Broken]]]] = [
    (Feature, _feature_sources),
    (Claim, _claim),
    (LineageLink, _lineage_target),
    (Framework, _status),
    (Framework, _repository),
    (Comparison, _comparison_pair),
    (Tool, _tool_sources),
    (Reason, _reason),
    (Recommendation, _recommendation),
    (BaseModel, _placeholder),
]


def _models(obj: Any, path: Path = ()) -> Iterator[tuple[Path, BaseModel]]:
    """Every model inside a model (itself first), depth first, in the order of the file."""
    stack: list[tuple[Path, Any]] = [(path, obj)]
    while stack:
        path, obj = stack.pop()
        if isinstance(obj, BaseModel):
            yield path, obj
            children = [(path + (name,), getattr(obj, name)) for name in type(obj).model_fields]
        elif isinstance(obj, list):
            children = [(path + (i,), value) for i, value in enumerate(obj)]
        else:
            continue
        stack.extend(child for child in reversed(children) if isinstance(child[1], (BaseModel, list)))


def instances(model: BaseModel, kind: type[M]) -> list[tuple[Path, M]]:
    """(path, part) for every part of type `kind` inside `model`, in the order of the file."""
    return [(path, obj) for path, obj in _models(model) if isinstance(obj, kind)]


def fields(model: BaseModel) -> Iterator[tuple[Path, str, Any]]:
    """(path, field name, value) of every field of every model inside `model`."""
    for path, obj in _models(model):
        for name in type(obj).model_fields:
            yield path + (name,), name, getattr(obj, name)


def broken_rules(model: BaseModel) -> list[Broken]:
    """Every broken rule anywhere in a validated file."""
    found: list[Broken] = []
    for path, obj in _models(model):
        for kind, rule in RULES:
            if isinstance(obj, kind):
                found.extend(rule(path, obj))
    return found
