"""The dated verdict a framework page opens with, decided from the data: the status in plain
words, the situations the site recommends it for (data/recommendations.yaml), the situations it
is known not to fit (the chooser's verdicts), and for a framework that is no longer maintained,
where to move to. The template only lays out what is decided here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dlkb import labels
from dlkb.catalog import Catalog
from dlkb.model import Framework, Recommendation
from dlkb.needs import NEEDS
from dlkb.pages import link_from_framework_page, migration_page
from dlkb.vocab import Relation, Status


@dataclass(frozen=True)
class Named:
    """A situation the site recommends this framework for, as the pick or the runner-up."""

    rec: Recommendation
    picked: bool


@dataclass(frozen=True)
class Misfit:
    """A situation this framework is known not to fit: the fact, from its own record."""

    rec: Recommendation
    fact: str
    sources: list[str]


@dataclass(frozen=True)
class MoveTo:
    """Somewhere to move code to: a framework on the site, or a project outside it."""

    name: str
    fw: Framework | None
    why: str
    sources: list[str]


@dataclass(frozen=True)
class FrameworkVerdict:
    holds_for: dt.date  # the oldest review date of everything the box rests on
    status_ko: str
    status_sources: list[str]
    maintained: bool  # as the chooser's "maintained" need decides it
    on_top_of: str | None
    on_top_sources: list[str]
    named: list[Named]
    misfits: list[Misfit]
    move_to: list[MoveTo]
    old_code: Recommendation | None  # the recommendation for code on inactive frameworks
    # Where the migration guide for this framework lives (e.g. "../../migrate/chainer/"), once
    # one exists: the migration pages set it; the box then links it under "옮겨 갈 곳".
    migration: str | None = field(default=None)


def _since(fw: Framework) -> str:
    return labels.kdate(fw.status_since) if fw.status_since else ""


def status_words(fw: Framework, maintained: bool, merged_into: str = "다른 프로젝트") -> str:
    """The status as a reader would say it, with the last release where it matters;
    `merged_into` names the project a merged framework went into."""
    name = fw.name + labels.particle(fw.reading, "는/은")
    latest = fw.latest
    last = f" 마지막 릴리스는 {labels.kdate(latest.date)}의 {latest.version}입니다." if latest else ""
    if fw.status is Status.ACTIVE:
        return f"{name} {fw.status.label}입니다." + (f" 최신 릴리스는 {labels.kdate(latest.date)}의 {latest.version}입니다." if latest else "")
    if fw.status is Status.MAINTENANCE:
        words = f"{name} {_since(fw)}부터 새 기능 없이 유지보수만 하고 있습니다."
        if latest is None:
            return words + " 최신 릴리스는 확인하지 못했습니다."
        if maintained:
            return words + f" 마지막 릴리스는 {labels.kdate(latest.date)}의 {latest.version}입니다."
        version = latest.version + labels.particle(latest.version, "며/이며")
        return words + f" 마지막 릴리스는 {labels.kdate(latest.date)}의 {version}, 18개월 넘게 새 릴리스가 없습니다."
    if fw.status is Status.DISCONTINUED:
        return f"{name} {_since(fw)}부터 개발이 중단되었습니다." + last
    if fw.status is Status.ARCHIVED:
        return f"{name} {_since(fw)}에 저장소가 보관되어 더 이상 개발되지 않습니다." + last
    return f"{name} {_since(fw)}에 {merged_into}에 통합되었습니다." + last


def _merged_into(fw: Framework, catalog: Catalog) -> str:
    target = catalog.frameworks.get(fw.successor or "")
    return target.name if target else "다른 프로젝트"


def _on_top_of(fw: Framework, catalog: Catalog) -> tuple[str | None, list[str]]:
    """"JAX 위에서 동작하는 …" (Flax): the frameworks on the site it runs on today."""
    links = [ln for ln in fw.lineage if ln.relation is Relation.BUILDS_ON and ln.id in catalog.frameworks and ln.until is None]
    if not links:
        return None, []
    below = [catalog.frameworks[ln.id].name for ln in links if ln.id]
    names = ", ".join(below)
    kind = fw.kind.label + labels.particle(fw.kind.label, "라서/이라서")
    text = f"{names} 위에서 동작하는 {kind} {names}{labels.particle(below[-1], '와/과')} 함께 씁니다."
    return text, [sid for ln in links for sid in ln.sources]


def _misfits(fw: Framework, catalog: Catalog, today: dt.date, named: set[str]) -> list[Misfit]:
    """Situations whose chooser need this framework's own record says it does not meet."""
    if catalog.recommendations is None:
        return []
    checks = {need.key: need.check for need in NEEDS}
    found = []
    for rec in catalog.recommendations.recommendations:
        if rec.need is None or rec.id in named or rec.need not in checks:
            continue
        verdict = checks[rec.need](fw, catalog, today)
        if not verdict.ok and verdict.owner is None:
            # The chooser's reason is "name: value — note"; the box shows the fact, not the note.
            found.append(Misfit(rec, verdict.reason.split(" — ")[0], list(verdict.sources)))
    return found


def _move_to(fw: Framework, catalog: Catalog) -> list[MoveTo]:
    """Where this framework's users went: its recorded successor, then forks that live on."""
    found = []
    if fw.successor and fw.successor in catalog.frameworks:
        succ = catalog.frameworks[fw.successor]
        found.append(MoveTo(succ.name, succ, "이 프로젝트의 뒤를 잇는 곳으로 기록된 프레임워크입니다.", list(fw.status_sources)))
    for ln in fw.lineage:
        if ln.relation is not Relation.FORKED_AS:
            continue
        target = catalog.frameworks.get(ln.id or "")
        name = target.name if target else (ln.name or "")
        via = f"{', '.join(ln.via)}{labels.particle(ln.via[-1], '를/을')} 거쳐 " if ln.via else ""
        outside = "" if target else " 이 사이트에서는 따로 다루지 않습니다."
        found.append(MoveTo(name, target, f"{via}개발이 이어지는 포크입니다.{outside}", list(ln.sources)))
    return found


def framework_verdict(fw: Framework, catalog: Catalog, today: dt.date) -> FrameworkVerdict:
    maintained_need = next(need for need in NEEDS if need.key == "maintained")
    maintained = maintained_need.check(fw, catalog, today).ok
    recs = catalog.recommendations
    named = [Named(rec, picked) for rec, picked in recs.naming(fw.id)] if recs else []
    misfits = _misfits(fw, catalog, today, {n.rec.id for n in named}) if maintained else []
    old_code = recs.for_inactive if recs and not maintained else None
    status_sources = list(fw.status_sources) + (list(fw.latest.sources) if fw.latest else [])
    on_top, on_top_sources = _on_top_of(fw, catalog)
    used = [n.rec for n in named] + [m.rec for m in misfits] + ([old_code] if old_code else [])
    return FrameworkVerdict(
        holds_for=min([fw.last_verified, *(rec.last_reviewed for rec in used)]),
        status_ko=status_words(fw, maintained, _merged_into(fw, catalog)),
        status_sources=list(dict.fromkeys(status_sources)),
        maintained=maintained,
        on_top_of=on_top,
        on_top_sources=on_top_sources,
        named=named,
        misfits=misfits,
        move_to=_move_to(fw, catalog) if not maintained else [],
        old_code=old_code,
        migration=link_from_framework_page(migration_page(fw.id)) if fw.id in catalog.migrations else None,
    )


def home_checked(catalog: Catalog) -> dt.date:
    """The date Home may say it was checked: the oldest review of what it shows (every framework
    card and every recommendation), so one freshly checked file cannot make the rest look new."""
    dates = [fw.last_verified for fw in catalog.frameworks.values()]
    if catalog.recommendations:
        dates.append(catalog.recommendations.oldest_review)
    return min(dates)
