"""Checks across files: ids and file names, references between files, sources defined
somewhere, dates that are not in the future and come in order.

A file that failed to load still counts as existing (its id is its file name), so one broken
file is reported once, not again by every file that points at it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path as FsPath

from dlkb.model import Comparison, Feature, Framework, Glossary, Observed, RecommendationList, ToolList
from dlkb.pages import reserved_comparison_ids, reserved_framework_ids
from dlkb.problems import Problem
from dlkb.rules import fields, instances
from dlkb.vocab import Relation
from dlkb.yamlload import Loaded, Path


def check_ids(items: list[Loaded]) -> list[Problem]:
    """id equals the file stem; no two files share an id."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    reserved_for: dict[type, set[str]] = {Framework: reserved_framework_ids(), Comparison: reserved_comparison_ids()}
    # A migration file takes its framework's id; "index" would replace the list of migrations.
    for item in items:
        if not item.obj:
            continue
        stem = FsPath(item.file).stem
        if item.obj.id != stem:
            problems.append(
                item.problem(("id",), "id가 파일 이름과 다릅니다", repr(item.obj.id), f"'{stem}' (또는 파일 이름을 {item.obj.id}.yaml로)")
            )
        reserved = reserved_for.get(type(item.obj), reserved_framework_ids())
        if item.obj.id in reserved:
            problems.append(item.problem(("id",), "사이트의 다른 페이지가 쓰는 이름이라 id로 쓸 수 없습니다", repr(item.obj.id),
                                         f"다음이 아닌 id: {', '.join(sorted(reserved))}"))
        if item.obj.id in seen:
            problems.append(item.problem(("id",), "다른 파일과 id가 겹칩니다", repr(item.obj.id), f"고유한 id ({seen[item.obj.id]}에서 이미 씀)"))
        seen.setdefault(item.obj.id, item.file)
    return problems


def _check_sources_and_dates(item: Loaded, shared_ids: set[str], today: dt.date) -> list[Problem]:
    """Cited source ids are defined (in the file or data/sources.yaml), own ids are unique,
    and no date or year lies in the future. One walk over the record does both."""
    problems: list[Problem] = []
    own: set[str] = set()
    for i, src in enumerate(item.obj.sources):
        if src.id in own:
            problems.append(item.problem(("sources", i, "id"), "출처 id가 두 번 정의되었습니다", repr(src.id), "고유한 출처 id"))
        own.add(src.id)
    known = own | shared_ids
    for path, name, value in fields(item.obj):
        if name.endswith("sources") and path[0] != "sources" and isinstance(value, list):
            for i, ref in enumerate(value):
                if ref not in known:
                    problems.append(
                        item.problem(path + (i,), "정의되지 않은 출처 id입니다", repr(ref), "이 파일의 sources 또는 data/sources.yaml에 있는 id")
                    )
        elif (isinstance(value, dt.date) and value > today) or (isinstance(value, int) and not isinstance(value, bool) and value > today.year):
            problems.append(item.problem(path, "미래의 날짜입니다", repr(str(value)), f"오늘({today.isoformat()}) 이전"))
    return problems


def _before(a: int | dt.date, b: int | dt.date) -> bool:
    """a <= b, comparing by year when either side is only a year."""
    if isinstance(a, int) or isinstance(b, int):
        return (a if isinstance(a, int) else a.year) <= (b if isinstance(b, int) else b.year)
    return a <= b


def check_framework(item: Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    fw: Framework = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    refs: list[tuple[Path, str]] = [(("successor",), fw.successor)] if fw.successor else []
    refs += [(("lineage", i, "id"), link.id) for i, link in enumerate(fw.lineage) if link.id]
    below = {link.id for link in fw.lineage if link.relation is Relation.BUILDS_ON and link.until is None}
    for path, feature in instances(fw, Feature):
        if feature.follows and feature.follows != fw.id and feature.follows in fw_ids and feature.follows not in below:
            problems.append(item.problem((*path, "follows"), "이 프레임워크가 위에서 동작한다고 계보에 적힌 프레임워크가 아닙니다",
                                         repr(feature.follows), "lineage에 relation: builds_on으로 적은 id"))
    refs += [((*path, "follows"), feature.follows) for path, feature in instances(fw, Feature) if feature.follows]
    for path, ref in refs:
        if ref == fw.id:
            problems.append(item.problem(path, "자기 자신을 가리킵니다", repr(ref), "다른 프레임워크의 id"))
        elif ref not in fw_ids:
            problems.append(
                item.problem(path, "없는 프레임워크를 가리킵니다", repr(ref), f"data/frameworks/ 폴더에 있는 id ({', '.join(sorted(fw_ids))})")
            )
    # (path of the later date, the later date, name of the earlier one, the earlier date)
    order: list[tuple[Path, int | dt.date | None, str, int | dt.date]] = [
        (("status_since",), fw.status_since, "first_release", fw.first_release),
    ]
    if fw.latest:
        order += [
            (("latest_release", "date"), fw.latest.date, "first_release", fw.first_release),
            (("last_verified",), fw.last_verified, "latest_release.date", fw.latest.date),
        ]
    for i, claim in enumerate(fw.pros + fw.cons):
        group, index = ("pros", i) if i < len(fw.pros) else ("cons", i - len(fw.pros))
        if claim.correction:
            order.append(((group, index, "correction", "as_of"), claim.correction.as_of, f"{group}[{index}].as_of", claim.as_of))
    for path, later, earlier_name, earlier in order:
        if later is not None and earlier is not None and not _before(earlier, later):
            problems.append(item.problem(path, f"{earlier_name}보다 앞선 날짜입니다", repr(str(later)), f"{earlier_name}({earlier}) 이후"))
    return problems


def check_comparison(item: Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    cmp: Comparison = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    refs: list[tuple[Path, str]] = [(("frameworks", i), ref) for i, ref in enumerate(cmp.frameworks)]
    for a, aspect in enumerate(cmp.aspects):
        refs += [(("aspects", a, "values", key), key) for key in aspect.values]
    for v, verdict in enumerate(cmp.verdicts):
        refs += [(("verdicts", v, "pick", i), ref) for i, ref in enumerate(verdict.pick)]
    for path, ref in refs:
        # A verdict may point past the pair ("neither: use PyTorch"); a column may not.
        allowed = set(cmp.frameworks) if path[0] == "aspects" else fw_ids
        if ref not in allowed:
            problems.append(
                item.problem(
                    path,
                    "비교 대상이 아닌 프레임워크입니다" if ref in fw_ids else "없는 프레임워크를 가리킵니다",
                    repr(ref),
                    f"다음 중 하나: {', '.join(sorted(allowed))}",
                )
            )
    return problems


def check_glossary(item: Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    glossary: Glossary = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    seen: set[str] = set()
    for t, term in enumerate(glossary.terms):
        if term.id in seen:
            problems.append(item.problem(("terms", t, "id"), "용어 id가 겹칩니다", repr(term.id), "고유한 id"))
        seen.add(term.id)
        for i, ref in enumerate(term.frameworks):
            if ref not in fw_ids:
                path = ("terms", t, "frameworks", i)
                problems.append(item.problem(path, "없는 프레임워크를 가리킵니다", repr(ref), "data/frameworks/ 폴더에 있는 id"))
    words: set[str] = set()
    for w, word in enumerate(glossary.words):
        if word.id in words:
            problems.append(item.problem(("words", w, "id"), "낱말 id가 겹칩니다", repr(word.id), "고유한 id"))
        words.add(word.id)
        if word.term and word.term not in seen:
            problems.append(item.problem(("words", w, "term"), "용어집에 없는 용어를 가리킵니다", repr(word.term), "terms 목록에 있는 id"))
    return problems


def check_tools(item: Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    """Tool ids are unique anchors, a name or alias points at one tool, and every framework a
    tool works with is on the site."""
    tools: ToolList = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    ids: set[str] = set()
    names: dict[str, str] = {}
    for t, tool in enumerate(tools.tools):
        if tool.id in ids:
            problems.append(item.problem(("tools", t, "id"), "도구 id가 겹칩니다", repr(tool.id), "고유한 id"))
        ids.add(tool.id)
        named: list[tuple[Path, str]] = [(("tools", t, "name"), tool.name)]
        named += [(("tools", t, "aliases", a), alias) for a, alias in enumerate(tool.aliases)]
        for path, name in named:
            if names.setdefault(name, tool.id) != tool.id:
                problems.append(item.problem(path, "다른 도구의 이름이나 별칭과 겹칩니다", repr(name), f"{names[name]} 도구가 쓰지 않는 이름"))
        for i, ref in enumerate(tool.works_with.ids):
            if ref not in fw_ids:
                problems.append(item.problem(("tools", t, "works_with", "ids", i), "없는 프레임워크를 가리킵니다", repr(ref),
                                             f"data/frameworks/에 있는 id ({', '.join(sorted(fw_ids))})"))
    return problems


def check_observed(item: Loaded, frameworks: dict[str, Framework]) -> list[Problem]:
    """An observed file belongs to a framework on the site and read one of the packages it names."""
    seen: Observed = item.obj
    stem = FsPath(item.file).stem
    if seen.id != stem:
        return [item.problem(("id",), "id가 파일 이름과 다릅니다", repr(seen.id), f"'{stem}'")]
    fw = frameworks.get(seen.id)
    if fw is None:
        return [item.problem(("id",), "없는 프레임워크의 관찰 파일입니다", repr(seen.id), "data/frameworks/에 있는 id (아니면 이 파일을 지우세요)")]
    names = list(getattr(fw.identifiers, seen.registry, [])) if fw.identifiers else []
    if seen.package not in names:
        return [item.problem(("package",), "프레임워크 파일의 패키지 이름에 없는 패키지입니다", repr(seen.package),
                             f"identifiers.{seen.registry}의 이름 ({', '.join(names) or '없음'}; `dlkb refresh`로 다시 쓰세요)")]
    return []


def check_recommendations(item: Loaded, frameworks: dict[str, Framework | None], shared_ids: set[str], today: dt.date) -> list[Problem]:
    """Entries have unique anchors, every framework named is on the site and still looked after,
    a chooser need named exists, at most one entry is for inactive frameworks, and no reason is
    dated after the entry's review. `frameworks` maps every file's id to its record (None when
    that file failed to load: then it is not reported again here)."""
    from dlkb.needs import NEEDS  # the chooser reads the catalogue, so it is imported late

    recs: RecommendationList = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    needs = [need.key for need in NEEDS]
    anchors: set[str] = set()
    inactive: list[str] = []
    for r, rec in enumerate(recs.recommendations):
        at: Path = ("recommendations", r)
        if rec.id in anchors:
            problems.append(item.problem((*at, "id"), "추천 id가 겹칩니다", repr(rec.id), "고유한 id"))
        anchors.add(rec.id)
        named = [((*at, "pick", i), ref) for i, ref in enumerate(rec.pick)]
        named += [((*at, "runner_up", i), ref) for i, ref in enumerate(rec.runner_up)]
        for path, ref in named:
            if ref not in frameworks:
                problems.append(item.problem(path, "없는 프레임워크를 가리킵니다", repr(ref),
                                             f"data/frameworks/에 있는 id ({', '.join(sorted(frameworks))})"))
            elif (fw := frameworks[ref]) and not fw.status.alive:
                problems.append(item.problem(path, "더 이상 유지보수되지 않는 프레임워크는 권할 수 없습니다", repr(ref),
                                             "상태가 active나 maintenance인 프레임워크의 id"))
        if rec.need is not None and rec.need not in needs:
            problems.append(item.problem((*at, "need"), "고르기 도우미에 없는 조건입니다", repr(rec.need), f"다음 중 하나: {', '.join(needs)}"))
        if rec.for_inactive:
            inactive.append(rec.id)
            if len(inactive) > 1:
                problems.append(item.problem((*at, "for_inactive"), "옮겨 갈 곳을 알리는 추천은 하나만 둘 수 있습니다", "true",
                                             f"false ({inactive[0]}에서 이미 true)"))
        reasons = [((*at, "reasons", i), reason) for i, reason in enumerate(rec.reasons)]
        reasons += [((*at, "runner_up_reasons", i), reason) for i, reason in enumerate(rec.runner_up_reasons)]
        for path, reason in reasons:
            if reason.as_of > rec.last_reviewed:
                problems.append(item.problem((*path, "as_of"), "마지막 검토보다 뒤의 날짜입니다", repr(str(reason.as_of)),
                                             f"last_reviewed({rec.last_reviewed}) 이전"))
    return problems
