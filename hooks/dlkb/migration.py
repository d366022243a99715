"""Moving off a framework that is no longer active: one `Migration` per `data/migrations/<id>.yaml`.

A file names where to go and why, the official guides and tools with their state today, a
table of concepts from the old API to the new one, how trained weights travel, and an
environment that still runs the old code. An environment says "실행 확인" only with the output
of a run that really happened (scripts/smoke/run.py prints the block to paste); otherwise
the page says "문서 기준". Checks across files (the framework exists and is not active, targets
exist, sources are defined) are here too, so that the shared modules only gain a few lines.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from dlkb.checks import _check_sources_and_dates  # one walk for sources and dates, as for every file
from dlkb.model import Cited, Date, HttpUrl, Id, KoText, Line, Source, Strict, YearOrDate
from dlkb.problems import Problem
from dlkb.vocab import Status, Vocab
from dlkb.yamlload import Loaded, Path

MIGRATIONS_DIR = "migrations"
MIN_MAPPING_ROWS = 10


class GuideKind(Vocab):
    GUIDE = "guide", "공식 안내서"
    TOOL = "tool", "옮기기 도구"
    CONVERTER = "converter", "모델 변환기"
    RUNTIME = "runtime", "추론 런타임"


class GuideState(Vocab):
    """The state of a guide or tool today; a tool without changes is not called dead."""

    CURRENT = "current", "지금도 관리됨"
    FROZEN = "frozen", "더 바뀌지 않음"
    ARCHIVED = "archived", "보관됨(읽기 전용)"
    REMOVED = "removed", "없어짐"
    UNKNOWN = "unknown", "확인 안 됨"


class Target(Cited):
    id: Id = Field(description="옮겨 갈 프레임워크의 id (data/frameworks/의 파일 이름)")
    why_ko: KoText = Field(description="왜 이쪽으로 옮기는지(합니다체)")
    as_of: YearOrDate = Field(description="이 판단의 근거를 확인한 때")


class Guide(Cited):
    name: Line = Field(description="안내서나 도구의 이름")
    url: HttpUrl = Field(description="공식 주소")
    kind: GuideKind = Field(description="guide, tool, converter, runtime")
    covers_ko: KoText = Field(description="무엇을 해 주는지")
    state: GuideState = Field(description="current, frozen, archived, removed, unknown")
    last_change: YearOrDate | None = Field(None, description="마지막 릴리스나 변경(확인했을 때)")
    as_of: Date = Field(description="상태를 확인한 날짜")


class MappingRow(Cited):
    old: Line = Field(description="옛 프레임워크의 API나 개념")
    new: Line = Field(description="옮겨 갈 곳의 API나 개념")
    note_ko: KoText | None = Field(None, description="다른 점")


class Mapping(Strict):
    target: Id = Field(description="표의 오른쪽 프레임워크 id (targets에 있는 id)")
    rows: list[MappingRow] = Field(min_length=1, description=f"대응 표의 줄({MIN_MAPPING_ROWS}줄 이상)")


class Weights(Cited):
    formats: list[Line] = Field(min_length=1, description="학습된 가중치가 저장되는 형식")
    how_ko: KoText = Field(description="가중치를 옮기는 방법")
    tools: list[Line] = Field(default_factory=list, description="쓰는 도구나 API")
    lost_ko: KoText = Field(description="옮길 때 잃는 것")


class Run(Strict):
    """A smoke run that really happened: the command and what it printed."""

    date: Date = Field(description="실행한 날짜")
    command: Line = Field(description="실행한 명령")
    output: list[Line] = Field(min_length=1, description="스크립트가 출력한 줄 그대로")
    through: Line | None = Field(
        None,
        description="프레임워크 자체가 아니라 다른 도구로 그 모델을 돌렸다면 그 도구 (예: OpenCV 4.14). 이때 프레임워크는 '문서 기준'입니다",
    )


class Environment(Cited):
    python: Line = Field(description="Python 버전(문서에 적힌 범위)")
    os: Line = Field(description="운영체제")
    gpu: Line | None = Field(None, description="CUDA·cuDNN 버전(없으면 비움)")
    pins: list[Line] = Field(default_factory=list, description="정확한 패키지 고정(예: chainer==7.8.1)")
    container: Line | None = Field(None, description="컨테이너 이미지나 Dockerfile")
    note_ko: KoText | None = Field(None, description="보충 설명")
    ran: Run | None = Field(None, description="이 사이트에서 실제로 돌린 결과 (돌린 적 없으면 비움)")


class Migration(Strict):
    """`data/migrations/<id>.yaml`: how to leave the framework `<id>`."""

    id: Id = Field(description="옛 프레임워크의 id (파일 이름, data/frameworks/의 파일 이름과 같음)")
    summary_ko: KoText = Field(description="두세 문장 요약")
    targets: list[Target] = Field(min_length=1, description="옮겨 갈 곳")
    guides: list[Guide] = Field(min_length=1, description="공식 안내서와 도구")
    # Required: every framework that is not active gets a table, even one driven by config files
    # (DSSTNE) or wrapping other frameworks (BigDL); a concept with no counterpart says so in a row.
    mapping: Mapping = Field(description=f"옛 API와 개념을 옮겨 갈 곳의 것과 짝지은 표({MIN_MAPPING_ROWS}줄 이상)")
    weights: Weights = Field(description="학습된 가중치 옮기기")
    environment: Environment = Field(description="지금도 돌아가는 환경")
    sources: list[Source] = Field(min_length=1, description="이 파일이 인용하는 출처")
    last_verified: Date = Field(description="이 파일을 마지막으로 확인한 날짜")


def check_migration(item: Loaded, statuses: dict[str, Status], shared_ids: set[str], today: dt.date) -> list[Problem]:
    """The framework exists and is not active, targets are other frameworks, the table is long
    enough and points at a target, every fact names a source, no date lies in the future."""
    mig: Migration = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    known = ", ".join(sorted(statuses))
    if mig.id not in statuses:
        problems.append(item.problem(("id",), "없는 프레임워크의 옮기기 안내입니다", repr(mig.id), f"data/frameworks/에 있는 id ({known})"))
    elif statuses[mig.id] is Status.ACTIVE:
        inactive = ", ".join(sorted(k for k, v in statuses.items() if v is not Status.ACTIVE))
        problems.append(item.problem(("id",), "활발히 개발 중인 프레임워크에는 옮기기 안내를 두지 않습니다", repr(mig.id),
                                     f"활발하지 않은 프레임워크의 id ({inactive})"))
    target_ids = [t.id for t in mig.targets]
    for i, target in enumerate(mig.targets):
        if target.id == mig.id:
            problems.append(item.problem(("targets", i, "id"), "자기 자신으로 옮길 수는 없습니다", repr(target.id), "다른 프레임워크의 id"))
        elif target.id not in statuses:
            problems.append(item.problem(("targets", i, "id"), "없는 프레임워크를 가리킵니다", repr(target.id),
                                         f"data/frameworks/에 있는 id ({known})"))
        if not target.sources:
            problems.append(item.problem(("targets", i, "sources"), "추천에는 출처 id가 하나 이상 있어야 합니다", "[]"))
    for i, guide in enumerate(mig.guides):
        if not guide.sources:
            problems.append(item.problem(("guides", i, "sources"), "안내서와 도구의 상태에는 출처 id가 하나 이상 있어야 합니다", "[]"))
    # A target that is itself wrong is reported once, not again through the table.
    targets_valid = all(t in statuses and t != mig.id for t in target_ids)
    if targets_valid and mig.mapping.target not in target_ids:
        problems.append(item.problem(("mapping", "target"), "옮겨 갈 곳으로 적지 않은 프레임워크입니다", repr(mig.mapping.target),
                                     f"targets에 있는 id ({', '.join(target_ids)})"))
    if len(mig.mapping.rows) < MIN_MAPPING_ROWS:
        problems.append(item.problem(("mapping", "rows"), f"대응 표가 너무 짧습니다 ({len(mig.mapping.rows)}줄)", None,
                                     f"{MIN_MAPPING_ROWS}줄 이상"))
    for i, row in enumerate(mig.mapping.rows):
        if not row.sources:
            problems.append(item.problem(("mapping", "rows", i, "sources"), "대응 표의 줄마다 출처 id가 하나 이상 있어야 합니다", "[]"))
    cited: list[tuple[Path, str, list[str]]] = [(("weights", "sources"), "가중치를 옮기는 방법", mig.weights.sources),
                                                (("environment", "sources"), "환경", mig.environment.sources)]
    for where, what, ids in cited:
        if not ids:
            problems.append(item.problem(where, f"{what}에는 출처 id가 하나 이상 있어야 합니다", "[]"))
    return problems
