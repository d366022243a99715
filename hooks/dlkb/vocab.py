"""Every closed vocabulary of the data, declared once: value, Korean label, order, display class.

The model validates against these enums, the JSON Schema lists their values, templates print
`value.label`, CSS classes come from `value.css`, and the scripts read the same labels and
orders from generated JSON. A new value is one line here (plus a colour in CSS if it needs one).
Members keep their declaration order, which is also their sort order (most alive first, best
supported first).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self, TypeVar

V = TypeVar("V", bound="Vocab")


def _member(cls: type[V], value: str, label: str, icon: str = "") -> V:
    """One value of a vocabulary: the text written in YAML, with its Korean label and icon."""
    member = str.__new__(cls, value)
    member._value_ = value
    member.label = label
    member.icon = icon
    return member


class Vocab(StrEnum):
    """A value written in the YAML files, with its Korean label (and an icon where one is shown)."""

    label: str
    icon: str

    def __new__(cls, value: str, label: str, icon: str = "") -> Self:
        return _member(cls, value, label, icon)

    @property
    def order(self) -> int:
        """Position in the declaration, used wherever values are sorted."""
        return list(type(self)).index(self)

    @property
    def css(self) -> str:
        """A class-name suffix (`n/a` -> `na`)."""
        return self.value.replace("/", "")


class Kind(Vocab):
    ENGINE = "engine", "딥러닝 엔진"
    ARRAY_LIBRARY = "array_library", "자동 미분·컴파일 배열 라이브러리"
    HIGH_LEVEL_API = "high_level_api", "고수준 신경망 라이브러리"
    AUTOML = "automl", "로우코드 AutoML 라이브러리"
    SPARK_LIBRARY = "spark_library", "Spark 기반 라이브러리"


class Status(Vocab):
    ACTIVE = "active", "활발히 개발 중"
    MAINTENANCE = "maintenance", "유지보수만"
    DISCONTINUED = "discontinued", "개발 중단"
    ARCHIVED = "archived", "보관됨(읽기 전용)"
    MERGED = "merged", "다른 프로젝트에 통합됨"

    @property
    def alive(self) -> bool:
        """Still looked after: it lives on the timeline until today."""
        return self in (Status.ACTIVE, Status.MAINTENANCE)


class Support(Vocab):
    YES = "yes", "지원", "●"
    PARTIAL = "partial", "부분 지원", "◐"
    EXTERNAL = "external", "외부 도구로", "◇"
    NO = "no", "미지원", "○"
    NA = "n/a", "해당 없음", "–"
    UNKNOWN = "unknown", "확인 안 됨", "?"

    @property
    def needs_source(self) -> bool:
        return self not in (Support.UNKNOWN, Support.NA)

    @property
    def usable(self) -> bool:
        """Counts as "it can do this" for the chooser."""
        return self in (Support.YES, Support.PARTIAL, Support.EXTERNAL)


class GraphMode(Vocab):
    STATIC = "static", "정적 (정의 후 실행)"
    DYNAMIC = "dynamic", "동적 (define-by-run)"
    BOTH = "both", "정적·동적 모두"
    NA = "n/a", "해당 없음"
    UNKNOWN = "unknown", "확인 안 됨"

    @property
    def define_by_run(self) -> bool:
        return self in (GraphMode.DYNAMIC, GraphMode.BOTH)


class Patent(Vocab):
    YES = "yes", "명시적 특허 허여 있음"
    NO = "no", "특허 조항 없음"
    UNKNOWN = "unknown", "확인 안 됨"


class Relation(Vocab):
    """A lineage link, as read on the page of the framework that declares it (`label`) and on
    the page of the framework it points at (`reverse`)."""

    reverse: str

    def __new__(cls, value: str, label: str, reverse: str) -> Self:
        member = _member(cls, value, label)
        member.reverse = reverse
        return member

    DERIVED_FROM = "derived_from", "코드를 이어받음", "이 코드를 이어받음"
    INSPIRED_BY = "inspired_by", "영향을 받음", "이 프레임워크의 영향을 받음"
    BUILDS_ON = "builds_on", "위에서 동작", "이 프레임워크 위에서 동작"
    BACKEND = "backend", "백엔드로 사용", "이 프레임워크를 백엔드로 사용"
    MERGED_INTO = "merged_into", "통합됨", "이 프로젝트에 통합됨"
    FORKED_AS = "forked_as", "포크로 이어짐", "이 프로젝트의 포크"

    @property
    def outward(self) -> bool:
        """Read from the declaring framework towards the other (it merged into, or lives on as,
        the other); every other relation points from the other project to the declaring one."""
        return self in (Relation.MERGED_INTO, Relation.FORKED_AS)


# Not a lineage value anyone writes: drawn from `successor` in the lineage picture.
SUCCESSOR_LABEL = "뒤를 이음"
SUCCESSOR_REVERSE = "이 프로젝트가 뒤를 이음"


class Lang(Vocab):
    KO = "ko", "한국어"
    EN = "en", "영어"
    JA = "ja", "일본어"
    ZH = "zh", "중국어"


class ToolKind(Vocab):
    """What a tool on the tools page is: not a framework, but often taken for one."""

    RUNTIME = "runtime", "추론 런타임·배포 도구"
    TRAINING_LIBRARY = "training_library", "프레임워크 위의 학습 라이브러리"


ALL: tuple[type[Vocab], ...] = (Kind, Status, Support, GraphMode, Patent, Relation, Lang, ToolKind)
