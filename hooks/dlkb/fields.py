"""One declaration per displayed field, behind every view of it.

The fact box and feature tables of a framework page, the feature matrix, the compare page
(`compare.json`) and the CSV download all read `FIELDS`: its order, its keys, its Korean labels
(the `title` of the field in the model) and how a value reads as text, as a CSV cell and as a
sort key. A new displayed field is one line here plus the field in `model.py`; a new hardware,
distribution or deployment key needs only the model, because those groups are expanded from it.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from dlkb.labels import iso, kdate
from dlkb.model import Cited, Deployment, Distributed, Feature, Framework, Hardware, Release
from dlkb.vocab import Status

# Where a field appears: the framework page's fact box, its feature and deployment tables,
# the matrix, the compare page, the CSV.
View = Literal["facts", "features", "deployment", "matrix", "compare", "csv"]
# How a value is shown; the templates have one macro for each (macros.j2: `value`).
Show = Literal["text", "list", "vocab", "kind", "status", "date", "release", "license", "developers", "successor", "feature", "graph", "links"]


def day_number(value: int | dt.date | None) -> int:
    """A sort key that orders years and days together (2016 before 2016-10-01); unknown last."""
    if value is None:
        return 99999999
    if isinstance(value, int):
        return value * 10000
    return value.year * 10000 + value.month * 100 + value.day


def resolve(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def title_at(path: str) -> str:
    """The Korean label of a field: its `title` in the model."""
    cls: type[BaseModel] | None = Framework
    *parents, name = path.split(".")
    for part in parents:
        assert cls is not None
        cls = model_of(cls.model_fields[part].annotation)
    assert cls is not None
    return cls.model_fields[name].title or ""


_STEP = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?P<item>[^\]]+)\])?")


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, through `list[…]`, `… | None` and `Release | Unknown`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in typing.get_args(annotation) if (m := model_of(a))), None)


def titles_along(path: str) -> list[tuple[str, str]]:
    """Each step of a path as the model titles it, with its item's number or key:
    `pros[4].correction.text_ko` -> (장점, " 5"), (지금의 사실, ""), (내용, ""). A step the model
    does not know (a field since removed) keeps its name."""
    found: list[tuple[str, str]] = []
    model: type[BaseModel] | None = Framework
    for step in path.split("."):
        part = _STEP.fullmatch(step)
        info = model.model_fields.get(part.group("name")) if model and part else None
        if part is None or info is None:
            found.append((step, ""))
            model = None
            continue
        item = part.group("item")
        found.append((info.title or part.group("name"), f" {int(item) + 1}" if item and item.isdigit() else f" {item}" if item else ""))
        model = model_of(info.annotation)
    return found


@dataclass(frozen=True)
class Topic:
    """A group of the matrix's columns: its address (#hardware, beside #hardware-apple for one
    of its columns) and its heading, above the columns and in each card on a phone."""

    id: str
    label: str


GENERAL = Topic("general", "일반")
HARDWARE = Topic("hardware", "하드웨어")
DISTRIBUTED = Topic("distributed", "분산 학습")
DEPLOYMENT = Topic("deployment", "배포")
TOOLS = Topic("tools", "도구")


@dataclass(frozen=True)
class FieldView:
    key: str  # machine name: the CSV column, the compare row and the matrix column
    path: str  # where the value is in the record, dotted
    show: Show
    views: frozenset[View]
    csv: Callable[[Framework], str] | None = None  # a CSV cell other than the default
    topic: Topic | None = None  # the matrix's column group; every field of the matrix has one

    @functools.cached_property
    def label(self) -> str:
        return title_at(self.path)  # looked up once: every page asks for it

    def value(self, fw: Framework) -> Any:
        return resolve(fw, self.path)

    def present(self, fw: Framework) -> bool:
        """False for an empty value, an empty list or a group of links with none set: the fact box
        skips it (a framework with no Hangul reading has no 한글 이름 line)."""
        value = self.value(fw)
        if value is None:
            return False
        if self.show == "list":
            return bool(value)
        if self.show == "links":
            return any(getattr(value, name) for name in type(value).model_fields)
        return True

    def sources(self, fw: Framework) -> list[str]:
        """The sources behind the value: a sibling `<name>_sources` list, the value's own
        `sources`, or those of the group it sits in (`license.sources` for `license.spdx`)."""
        parent_path, _, name = self.path.rpartition(".")
        parent = resolve(fw, parent_path) if parent_path else fw
        value = getattr(parent, name)
        if hasattr(parent, f"{name}_sources"):
            return list(getattr(parent, f"{name}_sources"))
        if isinstance(value, Cited):
            return list(value.sources)
        return list(parent.sources) if parent is not fw and isinstance(parent, Cited) else []

    def text(self, fw: Framework) -> str:
        """The value as one line of plain text (compare page)."""
        return _TEXT[self.show](self.value(fw), fw)

    def raw(self, fw: Framework) -> str:
        """The CSV cell: machine values, not labels."""
        return self.csv(fw) if self.csv else _RAW[self.show](self.value(fw))

    def sort_key(self, fw: Framework) -> int | str:
        """What the matrix sorts this column by: a number for orders and dates, else text."""
        if self.show == "release":  # the release the page shows, observed or curated
            return day_number(shown.date if (shown := fw.shown_release) else None)
        return _SORT[self.show](self.value(fw))

    @property
    def numeric(self) -> bool:
        return self.show not in ("text", "list", "license")


def _feature_text(f: Feature) -> str:
    return f.value.label + (f" ({', '.join(f.tools)})" if f.tools else "")


def _status_text(status: Status, fw: Framework) -> str:
    return status.label + (f" ({kdate(fw.status_since)}부터)" if fw.status_since else "")


def release_text(release: Release | str, fw: Framework) -> str:
    """The newer of the curated and the observed release; an observed one says so."""
    shown = fw.shown_release
    if shown and shown.observed:
        return f"{shown.version} ({kdate(shown.date)}, 자동 확인 {iso(shown.observed.checked)})"
    return f"{release.version} ({kdate(release.date)})" if isinstance(release, Release) else "확인 안 됨"


_TEXT: dict[str, Callable[[Any, Framework], str]] = {
    "text": lambda v, _: "—" if v is None else str(v),
    "list": lambda v, _: ", ".join(v) or "—",
    "vocab": lambda v, _: v.label,
    "kind": lambda v, _: v.label,
    "graph": lambda v, _: v.label,
    "status": _status_text,
    "date": lambda v, _: kdate(v),
    "release": release_text,
    "license": lambda v, _: str(v),
    "developers": lambda v, _: ", ".join(d.name for d in v),
    "successor": lambda v, _: v or "—",
    "feature": lambda v, _: _feature_text(v),
}
_RAW: dict[str, Callable[[Any], str]] = {
    "text": lambda v: "" if v is None else str(v),
    "list": "; ".join,
    "vocab": str,
    "kind": str,
    "graph": str,
    "status": str,
    "date": iso,
    "license": str,
    "successor": lambda v: v or "",
    "feature": lambda v: str(v.value),
}
_SORT: dict[str, Callable[[Any], int | str]] = {
    "text": lambda v: "" if v is None else str(v),
    "list": ", ".join,
    "license": str,
    "vocab": lambda v: v.order,
    "kind": lambda v: v.order,
    "graph": lambda v: v.order,
    "status": lambda v: v.order,
    "date": day_number,
    "release": lambda v: day_number(v.date if isinstance(v, Release) else None),
    "feature": lambda v: v.value.order,
}


def _views(*names: View) -> frozenset[View]:
    return frozenset(names)


def _features(group: str, model: type[BaseModel], topic: Topic, *views: View) -> list[FieldView]:
    """One field per Feature of a group (hardware.cpu, …), in the model's order."""
    return [
        FieldView(f"{group}_{name}", f"{group}.{name}", "feature", _views(*views), topic=topic)
        for name, info in model.model_fields.items()
        if info.annotation is Feature
    ]


ALL_VIEWS = _views("facts", "matrix", "compare", "csv")

FIELDS: list[FieldView] = [
    FieldView("id", "id", "text", _views("csv")),
    FieldView("name", "name", "text", _views("csv")),
    FieldView("name_ko", "name_ko", "text", _views("facts", "compare", "csv")),
    FieldView("aliases", "aliases", "list", _views("facts")),
    FieldView("kind", "kind", "kind", ALL_VIEWS, topic=GENERAL),
    FieldView("status", "status", "status", ALL_VIEWS, topic=GENERAL),
    FieldView("status_since", "status_since", "date", _views("csv")),
    FieldView("successor", "successor", "successor", _views("compare", "csv")),
    FieldView("developers", "developers", "developers", _views("facts", "compare")),
    FieldView("first_release", "first_release", "date", ALL_VIEWS, topic=GENERAL),
    FieldView("latest_release", "latest_release", "release", _views("facts", "matrix", "compare"), topic=GENERAL),
    FieldView("latest_version", "latest_release", "release", _views("csv"), csv=lambda f: f.latest.version if f.latest else "unknown"),
    FieldView("latest_date", "latest_release", "release", _views("csv"), csv=lambda f: iso(f.latest.date) if f.latest else ""),
    # What `dlkb refresh` observed, beside the curated value (empty when nothing was observed).
    FieldView("observed_version", "latest_release", "release", _views("csv"),
              csv=lambda f: (f.observed.latest.version if f.observed.latest else "unknown") if f.observed else ""),
    FieldView("observed_date", "latest_release", "release", _views("csv"),
              csv=lambda f: iso(f.observed.latest.date) if f.observed and f.observed.latest else ""),
    FieldView("observed_checked", "latest_release", "release", _views("csv"), csv=lambda f: iso(f.observed.checked) if f.observed else ""),
    FieldView("observed_registry", "latest_release", "release", _views("csv"), csv=lambda f: f.observed.registry if f.observed else ""),
    FieldView("license", "license.spdx", "license", ALL_VIEWS, topic=GENERAL),
    FieldView("patent_grant", "license.patent_grant", "vocab", _views("compare", "csv")),
    FieldView("languages_core", "languages.core", "list", _views("facts", "compare", "csv")),
    FieldView("languages_apis", "languages.apis", "list", ALL_VIEWS, topic=GENERAL),
    FieldView("graph_mode", "graph.mode", "graph", ALL_VIEWS, topic=GENERAL),
    FieldView("autodiff", "autodiff", "feature", _views("features", "compare", "csv")),
    *_features("hardware", Hardware, HARDWARE, "features", "matrix", "compare", "csv"),
    *_features("distributed", Distributed, DISTRIBUTED, "features", "matrix", "compare", "csv"),
    *_features("deployment", Deployment, DEPLOYMENT, "deployment", "matrix", "compare", "csv"),
    FieldView("export_formats", "deployment.export_formats", "list", _views("deployment", "compare", "csv")),
    FieldView("visualization", "visualization", "feature", _views("deployment", "matrix", "compare", "csv"), topic=TOOLS),
    FieldView("model_zoo", "model_zoo", "feature", _views("deployment", "compare", "csv")),
    FieldView("pros", "pros", "text", _views("csv"), csv=lambda f: str(len(f.pros))),
    FieldView("cons", "cons", "text", _views("csv"), csv=lambda f: str(len(f.cons))),
    FieldView("last_verified", "last_verified", "date", _views("compare", "csv")),
    FieldView("links", "links", "links", _views("facts")),
]


def unlabelled() -> list[str]:
    """Displayed fields whose model field has no Korean `title` (a test keeps this empty)."""
    return [f.path for f in FIELDS if f.views - {"csv"} and not f.label]


def fields_for(view: View) -> list[FieldView]:
    return [f for f in FIELDS if view in f.views]


def matrix_groups() -> list[tuple[Topic, list[FieldView]]]:
    """The matrix's columns under their topics, in the order of FIELDS. A topic is one run of
    adjacent columns (its heading spans them), so a field declared apart from its topic's other
    fields, or one without a topic, is a mistake reported here, when the page is built."""
    groups = [(topic, list(run)) for topic, run in itertools.groupby(fields_for("matrix"), key=lambda f: f.topic)]
    topics = [topic for topic, _ in groups]
    if None in topics or len(set(topics)) != len(topics):
        raise ValueError(f"matrix fields out of topic order: {[(t.id if t else None, [f.key for f in run]) for t, run in groups]}")
    return [(topic, run) for topic, run in groups if topic is not None]
