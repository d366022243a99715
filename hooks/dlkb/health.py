"""The health check: judgements in the records that the evidence contradicts, facts not checked
for too long, and the values still unknown. Read by `dlkb check` (as warnings, never errors:
the data is valid, a person has to look) and by the "상태 점검" page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dlkb.catalog import Catalog
from dlkb.fields import FieldView, fields_for
from dlkb.labels import iso
from dlkb.model import Feature, Framework
from dlkb.vocab import Status, Support

STALE_DAYS = 180  # a file not checked for this long is looked at again
RECENT_DAYS = 365  # a release this recent contradicts "discontinued"
QUIET_DAYS = 548  # about 18 months without a release, for an "active" project, needs an explanation
ENDED = (Status.DISCONTINUED, Status.ARCHIVED, Status.MERGED)


@dataclass(frozen=True)
class Finding:
    fw: Framework
    kind: str  # "status", "release" or "stale": the section of the page
    text: str  # what is wrong, in Korean
    todo: str  # what to do about it

    def __str__(self) -> str:
        return f"{self.fw.name}: {self.text} — 할 일: {self.todo}"


def findings(catalog: Catalog, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    for fw in catalog.frameworks.values():
        shown = fw.shown_release
        if fw.status in ENDED and shown and (today - shown.date).days <= RECENT_DAYS:
            found.append(Finding(fw, "status", f"상태가 ‘{fw.status.label}’인데 {iso(shown.date)}에 {shown.version} 릴리스가 나왔습니다",
                                 "저장소와 릴리스 노트를 확인해 상태를 고치거나, 유지보수 릴리스라는 설명을 상태 설명에 적으세요"))
        if fw.status is Status.ACTIVE and shown and (today - shown.date).days > QUIET_DAYS and not fw.status_note_ko:
            found.append(Finding(fw, "status", f"상태가 ‘{fw.status.label}’인데 마지막 릴리스({iso(shown.date)}) 뒤로 18개월 넘게 "
                                 "릴리스가 없고 그 까닭이 적혀 있지 않습니다",
                                 "저장소의 최근 활동을 확인해 상태를 ‘유지보수만’ 등으로 고치거나 상태 설명에 까닭을 적으세요"))
        seen = fw.observed.latest if fw.observed else None
        if shown and shown.observed and seen:
            before = fw.latest.version if fw.latest else "확인 안 됨"
            found.append(Finding(fw, "release", f"레지스트리에서 손으로 적은 값({before})보다 새 릴리스를 찾았습니다: "
                                 f"{seen.version} ({iso(seen.date)}, {iso(shown.observed.checked)} 확인)",
                                 "프로젝트의 릴리스 노트나 태그에서 이 버전을 확인해 최신 릴리스와 그 출처를 적으세요"))
        days = (today - fw.last_verified).days
        if days > STALE_DAYS:
            found.append(Finding(fw, "stale", f"사실을 마지막으로 확인한 날: {iso(fw.last_verified)} ({days}일 전, 기준 {STALE_DAYS}일)",
                                 "출처를 다시 열어 사실을 확인하고 마지막 확인 날짜를 고치세요"))
    return found


@dataclass(frozen=True)
class Gaps:
    fw: Framework
    unknown: list[str]  # Korean labels of the fields still unknown
    total: int

    @property
    def percent(self) -> int:
        """How much of the compared facts is known, rounded down (99 % is never shown as 100 %)."""
        return (self.total - len(self.unknown)) * 100 // self.total


def _unknown(field: FieldView, fw: Framework) -> bool:
    if field.show == "release":
        return fw.shown_release is None  # an observed release fills the gap
    value = field.value(fw)
    return isinstance(value, Feature) and value.value is Support.UNKNOWN


def gaps(catalog: Catalog) -> list[Gaps]:
    """Unknown values per framework over the facts the compare page shows, plus the packages and
    repository; the least complete first."""
    fields = fields_for("compare")
    rows = []
    for fw in catalog.frameworks.values():
        unknown = [f.label for f in fields if _unknown(f, fw)]
        if fw.identifiers is None or fw.identifiers.repository is None:
            unknown.append("패키지와 저장소")
        rows.append(Gaps(fw, unknown, len(fields) + 1))
    return sorted(rows, key=lambda g: (g.percent, g.fw.name.lower()))
