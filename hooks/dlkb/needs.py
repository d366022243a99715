"""The chooser's needs, decided at build time so that every verdict can be tested and explained.

Each need reads one field of the record. A framework that fails a need gets a Korean reason
naming the field, the value it has, and the source that backs that value; the page only shows
or hides what was decided here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from dlkb import labels
from dlkb.catalog import Catalog
from dlkb.fields import resolve
from dlkb.model import Feature, Framework
from dlkb.vocab import Kind, Relation, Status

PERMISSIVE = {"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC", "Zlib", "BSL-1.0", "0BSD"}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # why it stays or drops, in Korean
    field: str  # the record field the verdict reads
    sources: list[str]


@dataclass(frozen=True)
class Need:
    key: str
    label: str
    check: Callable[[Framework, Catalog], Verdict]
    explain_ko: str  # what the check keeps, for the contributing page's list of criteria


def _feature_need(field: str, name: str) -> Callable[[Framework, Catalog], Verdict]:
    def check(fw: Framework, _catalog: Catalog) -> Verdict:
        feature: Feature = resolve(fw, field)
        ok = feature.value.usable
        reason = f"{name}: {feature.value.label}" + (f" — {feature.note_ko}" if feature.note_ko else "")
        return Verdict(ok, reason, field, list(feature.sources))

    return check


def _maintained(fw: Framework, _c: Catalog) -> Verdict:
    ok = fw.status.alive
    since = f" ({labels.kdate(fw.status_since)}부터)" if fw.status_since else ""
    return Verdict(ok, f"상태: {fw.status.label}{since}", "status", list(fw.status_sources))


def _permissive(fw: Framework, _c: Catalog) -> Verdict:
    ok = fw.license.spdx in PERMISSIVE
    return Verdict(ok, f"라이선스: {fw.license.spdx}" + ("" if ok else " (허용적 라이선스 목록에 없음)"), "license.spdx", list(fw.license.sources))


def _python(fw: Framework, _c: Catalog) -> Verdict:
    ok = "Python" in fw.languages.apis
    return Verdict(ok, f"API 언어: {', '.join(fw.languages.apis)}", "languages.apis", list(fw.languages.sources))


def _other_languages(fw: Framework, _c: Catalog) -> Verdict:
    others = [lang for lang in fw.languages.apis if lang != "Python"]
    reason = f"Python 말고 다른 API 언어: {', '.join(others)}" if others else "API 언어가 Python뿐입니다"
    return Verdict(bool(others), reason, "languages.apis", list(fw.languages.sources))


def _dynamic(fw: Framework, _c: Catalog) -> Verdict:
    ok = fw.graph.mode.define_by_run
    return Verdict(ok, f"계산 그래프: {fw.graph.mode.label}", "graph.mode", list(fw.graph.sources))


def _beginner(fw: Framework, catalog: Catalog) -> Verdict:
    """Beginner-friendly here means: it is a high-level API, or an active one runs on it."""
    if fw.kind in (Kind.HIGH_LEVEL_API, Kind.AUTOML):
        return Verdict(True, f"종류: {fw.kind.label}", "kind", [])
    for other in catalog.frameworks.values():
        for link in other.lineage:
            if (
                link.id == fw.id
                and link.relation in (Relation.BUILDS_ON, Relation.BACKEND)
                and other.kind is Kind.HIGH_LEVEL_API
                and other.status is Status.ACTIVE
            ):
                return Verdict(True, f"이 위에서 동작하는 고수준 API: {other.name}", f"{other.id}: lineage", list(link.sources))
    return Verdict(False, f"종류: {fw.kind.label}, 이 위에서 동작하는 활성 고수준 API 기록 없음", "kind, lineage", [])


NEEDS: list[Need] = [
    Need(
        "maintained",
        "지금도 유지보수되는 것",
        _maintained,
        explain_ko="지금도 새 버전이나 수정이 나오는 프레임워크만 남깁니다. 상태가 활발히 개발 중이거나 유지보수만 하는 경우이고, 개발이 중단되었거나 보관되었거나 다른 프로젝트에 통합되었으면 빠집니다.",
    ),
    Need(
        "permissive",
        "허용적 라이선스 (MIT, BSD, Apache-2.0 등)",
        _permissive,
        explain_ko=f"라이선스의 SPDX 식별자가 {', '.join(sorted(PERMISSIVE))} 가운데 하나이면 남습니다. 그 밖의 라이선스와 여러 라이선스를 묶은 식은 빠집니다.",
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
    Need(
        "beginner",
        "입문자에게 쉬운 고수준 API",
        _beginner,
        explain_ko="그 자체가 고수준 API나 로우코드 AutoML 라이브러리이면 남습니다. 엔진이라도 활발히 개발 중인 고수준 API가 그 위에서 동작하거나 그것을 백엔드로 쓰면(이 사이트의 계보에 그렇게 적혀 있으면) 남습니다.",
    ),
]


def evaluate(catalog: Catalog) -> dict[str, dict[str, Verdict]]:
    """framework id -> need key -> verdict."""
    return {fw.id: {need.key: need.check(fw, catalog) for need in NEEDS} for fw in catalog.frameworks.values()}


def guide_json(catalog: Catalog) -> str:
    """What the chooser page needs: the needs, and per framework each verdict with its source."""
    verdicts = evaluate(catalog)
    frameworks = []
    for fw in catalog.frameworks.values():
        results = {}
        for key, v in verdicts[fw.id].items():
            owner = catalog.frameworks[v.field.split(":")[0]] if ":" in v.field else fw
            src = catalog.source(owner, v.sources[0]) if v.sources else None
            results[key] = {
                "ok": v.ok,
                "reason": v.reason,
                "field": v.field,
                "source": {"title": src.title, "url": src.url} if src else None,
            }
        frameworks.append({"id": fw.id, "name": fw.name, "name_ko": fw.name_ko, "results": results})
    data = {"format_version": 1, "needs": [{"key": n.key, "label": n.label} for n in NEEDS], "frameworks": frameworks}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
