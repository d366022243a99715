"""The chooser's needs, decided at build time so that every verdict can be tested and explained.

Each need reads one field of the record. A framework that fails a need gets a Korean reason
naming the field, the value it has, and the source that backs that value; the page only shows
or hides what was decided here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from dlkb import labels, spdx
from dlkb.catalog import Catalog
from dlkb.fields import resolve
from dlkb.model import Feature, Framework, Source
from dlkb.vocab import Kind, Relation, Status, Support

PERMISSIVE = frozenset({"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC", "Zlib", "BSL-1.0", "0BSD"})


# A kept verdict's grade ranks the frameworks that stay: native support above partial above
# support through another tool, and an unknown fact last (shown as unknown, never as "no").
GRADE = {Support.YES: 3, Support.PARTIAL: 2, Support.EXTERNAL: 1, Support.UNKNOWN: 0}
UNKNOWN_GRADE = 0
# "Maintained" for a project in maintenance mode: a release within this many days of the build.
MAINTENANCE_RELEASE_DAYS = 548  # 18 months


@dataclass(frozen=True)
class Verdict:
    ok: bool  # False only when a known fact rules the framework out
    reason: str  # why it stays or drops, in Korean
    field: str  # the record field the verdict reads
    sources: list[str]
    grade: int = 3  # rank among kept frameworks (GRADE); UNKNOWN_GRADE when the fact is not known
    owner: str | None = None  # the framework whose record holds the fact, when not this one

    @property
    def unknown(self) -> bool:
        return self.ok and self.grade == UNKNOWN_GRADE


@dataclass(frozen=True)
class Need:
    key: str
    label: str
    check: Callable[[Framework, Catalog, dt.date], Verdict]
    explain_ko: str  # what the check keeps, for the contributing page's list of criteria


def _support(feature: Feature, name: str, field: str, owner: str | None = None) -> Verdict:
    reason = f"{name}: {feature.value.label}" + (f" — {feature.note_ko}" if feature.note_ko else "")
    ok = feature.value.usable or feature.value is Support.UNKNOWN
    return Verdict(ok, reason, field, list(feature.sources), GRADE.get(feature.value, 0), owner)


def _feature_need(field: str, name: str) -> Callable[[Framework, Catalog, dt.date], Verdict]:
    def check(fw: Framework, catalog: Catalog, _today: dt.date) -> Verdict:
        feature: Feature = resolve(fw, field)
        below = catalog.frameworks.get(feature.follows or "")
        if feature.value is Support.UNKNOWN and below:
            # The record says this follows the framework it runs on (fastai on PyTorch): use that
            # one's fact, and say so.
            inherited = _support(resolve(below, field), name, field, below.id)
            reason = f"{fw.name}{labels.particle(fw.reading, '는/은')} {below.name} 위에서 동작하므로 {below.name}의 지원을 따릅니다 ({inherited.reason})"
            return Verdict(inherited.ok, reason, f"{below.id}: {field}", inherited.sources, inherited.grade, below.id)
        return _support(feature, name, field)

    return check


def _maintained(fw: Framework, _c: Catalog, today: dt.date) -> Verdict:
    since = f" ({labels.kdate(fw.status_since)}부터)" if fw.status_since else ""
    reason = f"상태: {fw.status.label}{since}"
    if fw.status is Status.MAINTENANCE:
        latest = fw.latest
        if latest is None or (today - latest.date).days > MAINTENANCE_RELEASE_DAYS:
            when = f"마지막 릴리스 {labels.kdate(latest.date)}" if latest else "최신 릴리스 확인 안 됨"
            return Verdict(False, f"{reason}, {when}: 18개월 넘게 새 릴리스가 없습니다", "status, latest_release",
                           list(fw.status_sources) + (list(latest.sources) if latest else []))
        return Verdict(True, f"{reason}, 마지막 릴리스 {labels.kdate(latest.date)}", "status, latest_release", list(fw.status_sources), 2)
    return Verdict(fw.status.alive, reason, "status", list(fw.status_sources))


def _permissive(fw: Framework, _c: Catalog, _today: dt.date) -> Verdict:
    ok = spdx.parse(fw.license.spdx).satisfied_by(PERMISSIVE)
    return Verdict(ok, f"라이선스: {fw.license.spdx}" + ("" if ok else " (허용적 라이선스 목록에 없음)"), "license.spdx", list(fw.license.sources))


def _is_python(api: str) -> bool:
    """"Python" or "Python (pycaffe)": the language is the first word."""
    return api.split(" ")[0] == "Python"


def _python(fw: Framework, _c: Catalog, _today: dt.date) -> Verdict:
    ok = any(_is_python(api) for api in fw.languages.apis)
    return Verdict(ok, f"API 언어: {', '.join(fw.languages.apis)}", "languages.apis", list(fw.languages.sources))


def _other_languages(fw: Framework, _c: Catalog, _today: dt.date) -> Verdict:
    others = [lang for lang in fw.languages.apis if not _is_python(lang)]
    reason = f"Python 말고 다른 API 언어: {', '.join(others)}" if others else "API 언어가 Python뿐입니다"
    return Verdict(bool(others), reason, "languages.apis", list(fw.languages.sources))


def _dynamic(fw: Framework, _c: Catalog, _today: dt.date) -> Verdict:
    ok = fw.graph.mode.define_by_run
    return Verdict(ok, f"계산 그래프: {fw.graph.mode.label}", "graph.mode", list(fw.graph.sources))


def _beginner(fw: Framework, catalog: Catalog, _today: dt.date) -> Verdict:
    """Beginner-friendly here means: it is a high-level API, or an active one runs on it today
    (a backend Keras dropped in 2020 does not count)."""
    if fw.kind in (Kind.HIGH_LEVEL_API, Kind.AUTOML):
        return Verdict(True, f"종류: {fw.kind.label}", "kind", [])
    for other in catalog.frameworks.values():
        for link in other.lineage:
            if (
                link.id == fw.id
                and link.relation in (Relation.BUILDS_ON, Relation.BACKEND)
                and link.until is None
                and other.kind is Kind.HIGH_LEVEL_API
                and other.status is Status.ACTIVE
            ):
                return Verdict(True, f"이 위에서 동작하는 고수준 신경망 라이브러리: {other.name}", f"{other.id}: lineage", list(link.sources), 2, other.id)
    return Verdict(False, f"종류: {fw.kind.label}, 지금 이 위에서 동작하는 활성 고수준 신경망 라이브러리 기록 없음", "kind, lineage", [])


# Ticked when the page opens with no `needs` in its address: the question people come with is
# about frameworks they can still use.
DEFAULT_NEEDS = ["maintained"]

NEEDS: list[Need] = [
    Need(
        "maintained",
        "지금도 유지보수되는 것",
        _maintained,
        explain_ko=(
            "지금도 새 버전이나 수정이 나오는 프레임워크만 남깁니다. 활발히 개발 중이면 남고, 유지보수만 하는 경우에는 "
            "18개월 안에 릴리스가 있어야 남습니다. 개발이 중단되었거나 보관되었거나 다른 프로젝트에 통합되었으면 빠집니다. "
            "처음 열면 이 조건이 선택되어 있습니다."
        ),
    ),
    Need(
        "beginner",
        "입문자에게 쉬운 고수준 API",
        _beginner,
        explain_ko=(
            "그 자체가 고수준 신경망 라이브러리나 로우코드 AutoML 라이브러리이면 남습니다. 엔진이라도 활발히 개발 중인 고수준 신경망 라이브러리가 "
            "지금 그 위에서 동작하거나 그것을 백엔드로 쓰면(이 사이트의 계보에 그렇게 적혀 있고 끝난 관계가 아니면) 남습니다. "
            "Keras가 예전에 백엔드로 쓰던 Theano와 CNTK는 남지 않습니다."
        ),
    ),
    Need(
        "permissive",
        "허용적 라이선스 (MIT, BSD, Apache-2.0 등)",
        _permissive,
        explain_ko=f"라이선스의 SPDX 식별자가 {', '.join(sorted(PERMISSIVE))} 가운데 하나이면 남습니다. 여러 라이선스를 묶은 식은 OR(하나를 골라 따름)이면 그중 하나가, AND면 모두가 이 목록에 있어야 남습니다.",
    ),
    Need("python", "Python API", _python, explain_ko="Python으로 쓸 수 있는 API가 있으면 남습니다."),
    Need(
        "other-languages",
        "Python 말고 다른 언어 API",
        _other_languages,
        explain_ko="Python 말고 다른 언어(C++, Java, JavaScript 등)로 쓸 수 있는 API가 하나라도 있으면 남습니다.",
    ),
    Need(
        "dynamic-graph",
        "동적 계산 그래프 (define-by-run)",
        _dynamic,
        explain_ko="코드를 실행하는 대로 계산 그래프가 만들어지는(define-by-run) 프레임워크가 남습니다. 정적 그래프와 동적 그래프를 모두 지원해도 남습니다.",
    ),
    Need(
        "multi-gpu",
        "여러 GPU 학습",
        _feature_need("distributed.multi_gpu", "여러 GPU"),
        explain_ko="한 컴퓨터에 꽂힌 여러 GPU로 함께 학습할 수 있는지 봅니다.",
    ),
    Need(
        "multi-node",
        "여러 노드 분산 학습",
        _feature_need("distributed.multi_node", "여러 노드"),
        explain_ko="여러 노드(클러스터의 컴퓨터 여러 대)에 나누어 한 모델을 학습할 수 있는지 봅니다.",
    ),
    Need("cuda", "NVIDIA GPU (CUDA)", _feature_need("hardware.cuda", "CUDA"), explain_ko="NVIDIA GPU에서 CUDA로 돌릴 수 있는지 봅니다."),
    Need("rocm", "AMD GPU (ROCm)", _feature_need("hardware.rocm", "ROCm"), explain_ko="AMD GPU에서 ROCm으로 돌릴 수 있는지 봅니다."),
    Need("tpu", "Google TPU", _feature_need("hardware.tpu", "TPU"), explain_ko="Google TPU에서 돌릴 수 있는지 봅니다."),
    Need("apple", "Apple 실리콘 GPU", _feature_need("hardware.apple", "Apple 실리콘"), explain_ko="Apple 실리콘 Mac의 GPU를 쓸 수 있는지 봅니다."),
    Need(
        "serving",
        "서버 모델 서빙",
        _feature_need("deployment.serving", "서빙"),
        explain_ko="학습한 모델을 서버에 올려 요청마다 추론하는 서비스로 띄울 수 있는지 봅니다.",
    ),
    Need(
        "mobile", "모바일 배포", _feature_need("deployment.mobile", "모바일 배포"), explain_ko="Android나 iOS 기기에서 모델을 돌릴 수 있는지 봅니다."
    ),
    Need(
        "browser",
        "웹 브라우저 배포",
        _feature_need("deployment.browser", "브라우저 배포"),
        explain_ko="웹 브라우저 안에서 모델을 돌릴 수 있는지 봅니다.",
    ),
    Need(
        "spark", "Apache Spark에서 학습", _feature_need("distributed.spark", "Spark"), explain_ko="Apache Spark 클러스터에서 학습할 수 있는지 봅니다."
    ),
]


def evaluate(catalog: Catalog, today: dt.date) -> dict[str, dict[str, Verdict]]:
    """framework id -> need key -> verdict, on the build day `today`."""
    return {fw.id: {need.key: need.check(fw, catalog, today) for need in NEEDS} for fw in catalog.frameworks.values()}


def _tiebreak(catalog: Catalog) -> dict[str, int]:
    """Among equally good answers: the more alive first, then engines before libraries on top of
    them, then by name. The page adds this to its own ranking, so the order is decided here."""
    ordered = sorted(catalog.frameworks.values(), key=lambda fw: (fw.status.order, fw.kind.order, fw.name.casefold()))
    return {fw.id: i for i, fw in enumerate(ordered)}


def rank(catalog: Catalog, today: dt.date, needs: list[str]) -> tuple[list[str], list[str]]:
    """The chooser's answer for the ticked `needs`: (kept ids, best first; dropped ids). Kept
    frameworks with an unknown fact come after those known to meet every need."""
    verdicts, tiebreak = evaluate(catalog, today), _tiebreak(catalog)
    kept, dropped = [], []
    for fw_id, results in verdicts.items():
        chosen = [results[key] for key in needs]
        if all(v.ok for v in chosen):
            kept.append((sum(v.unknown for v in chosen), -sum(v.grade for v in chosen), tiebreak[fw_id], fw_id))
        else:
            dropped.append(fw_id)
    return [key[-1] for key in sorted(kept)], dropped


def verdict_sources(catalog: Catalog, fw: Framework, verdict: Verdict) -> list[Source]:
    """The sources a verdict rests on, from the file that holds the fact, each once."""
    owner = catalog.frameworks[verdict.owner] if verdict.owner else fw
    return [catalog.source(owner, sid) for sid in dict.fromkeys(verdict.sources)]


@dataclass(frozen=True)
class Answer:
    """One framework in the chooser's answer: its verdict on each ticked need, with the sources."""

    fw: Framework
    lines: list[tuple[Need, Verdict, list[Source]]]


def answer(catalog: Catalog, today: dt.date, needs: list[str]) -> tuple[list[Answer], list[Answer]]:
    """The chooser's answer as the page first shows it (kept, best first; dropped, each with the
    needs it fails), so that the default state is in the HTML and the script only redraws it."""
    verdicts, by_key = evaluate(catalog, today), {n.key: n for n in NEEDS}
    kept, dropped = rank(catalog, today, needs)

    def one(fw_id: str, keys: list[str]) -> Answer:
        fw = catalog.frameworks[fw_id]
        return Answer(fw, [(by_key[k], verdicts[fw_id][k], verdict_sources(catalog, fw, verdicts[fw_id][k])) for k in keys])

    failed = {fw_id: [k for k in needs if not verdicts[fw_id][k].ok] for fw_id in dropped}
    return [one(i, needs) for i in kept], [one(i, failed[i]) for i in catalog.frameworks if i in failed]


def guide_json(catalog: Catalog, today: dt.date) -> str:
    """What the chooser page needs: the needs, and per framework each verdict with its sources.
    The page ranks kept frameworks by (unknowns, -sum of grades, tiebreak), as `rank` does."""
    verdicts, tiebreak = evaluate(catalog, today), _tiebreak(catalog)
    frameworks = []
    for fw in catalog.frameworks.values():
        results = {}
        for key, v in verdicts[fw.id].items():
            results[key] = {
                "ok": v.ok,
                "unknown": v.unknown,
                "grade": v.grade,
                "reason": v.reason,
                "field": v.field,
                "sources": [{"title": src.title, "url": src.url} for src in verdict_sources(catalog, fw, v)],
            }
        frameworks.append({"id": fw.id, "name": fw.name, "kind": fw.kind.label, "tiebreak": tiebreak[fw.id], "results": results})
    data = {
        "format_version": 2,
        "default_needs": DEFAULT_NEEDS,
        "needs": [{"key": n.key, "label": n.label} for n in NEEDS],
        "frameworks": frameworks,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
