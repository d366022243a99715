"""Typed, frozen models of the catalogue: one `Framework` per YAML file, plus shared data.

Field names and shapes are a contract: pages, exports, the JSON Schema and later audits read
them. Every model forbids unknown keys so that a typo in a YAML file is an error, not a
silently ignored line. Rules a type cannot say live in `rules.py`; rules across files in `checks.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from typing import Annotated, Literal

from packaging.version import InvalidVersion, Version
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints

from dlkb import spdx
from dlkb.vocab import GraphMode, Kind, Lang, Patent, Relation, Status, Support, ToolKind

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=40)]

# Far above any real value, so that a pasted megabyte is an error, not 70 MB of pages.
LINE_MAX, PROSE_MAX = 300, 4000

# Characters that change how text is shown or read: controls (a BEL or ESC pasted from a
# terminal), bidirectional overrides that reorder what a reader sees, and Unicode line breaks.
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    match = _INVISIBLE.search(text)
    if match:
        raise ValueError(f"보이지 않는 제어 문자가 있습니다 ({match.group()!r})")
    return text


def _line(value: str) -> str:
    """A name, title, version or tool: one line of text, as it is shown in a heading or a cell."""
    if "\n" in value:
        raise ValueError("한 줄로 적어야 합니다 (줄바꿈을 넣을 수 없습니다)")
    if len(value) > LINE_MAX:
        raise ValueError(f"너무 깁니다 ({len(value):,}자, 많아야 {LINE_MAX}자)")
    return _visible(value)


def _prose(value: str) -> str:
    """Sentences: line breaks are spaces on the page, but a blank line would end the paragraph
    (and the HTML block around it, letting Markdown syntax in), so there is none."""
    if "\n\n" in value.replace("\r", "").replace(" ", ""):
        raise ValueError("빈 줄을 넣을 수 없습니다 (한 문단으로 적어 주세요)")
    if re.search(r"\n[ \t]+\S", value):  # a line indented deeper than the rest of a `>-` block
        raise ValueError("다른 줄보다 깊게 들여 쓴 줄이 있어, 그 앞의 줄바꿈과 공백이 글에 그대로 남습니다 (모든 줄을 같은 칸에서 시작해 주세요)")
    if len(value) > PROSE_MAX:
        raise ValueError(f"너무 깁니다 ({len(value):,}자, 많아야 {PROSE_MAX:,}자)")
    return _visible(value)


_strip = StringConstraints(strip_whitespace=True, min_length=1)
_strip_ko = StringConstraints(strip_whitespace=True, min_length=2)
Line = Annotated[str, _strip, AfterValidator(_line)]
KoLine = Annotated[str, _strip_ko, AfterValidator(_line)]
Text = Annotated[str, _strip, AfterValidator(_prose)]
KoText = Annotated[str, _strip_ko, AfterValidator(_prose)]


def _http_url(value: str) -> str:
    """Only absolute http(s) URLs ever become links on the site: no space or control anywhere."""
    if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?", value) or _INVISIBLE.search(value):
        raise ValueError("http:// 또는 https://로 시작하는 절대 URL이어야 합니다")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]


def _year_or_date(value: object) -> int | dt.date:
    """A year alone (2016) is allowed where the exact day is not documented."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            value = dt.date.fromisoformat(value)  # JSON and editors may hand dates over as text
        except ValueError:
            raise ValueError("존재하지 않는 날짜입니다 (예: 2016-10-01)") from None
    elif isinstance(value, str) and re.fullmatch(r"\d{4}", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= FIRST_YEAR:
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _date_in_range(value)
    raise ValueError(f"연도(예: 2016) 또는 날짜(예: 2016-10-01)여야 합니다 ({FIRST_YEAR}년부터)")


# Deep learning software starts well after 1950; anything earlier is a typo (0001-01-01 would
# make the timeline 89,000 px wide). Dates after today are refused in checks.py.
FIRST_YEAR = 1950


def _date_in_range(value: dt.date) -> dt.date:
    if value.year < FIRST_YEAR:
        raise ValueError(f"{FIRST_YEAR}년 이후의 날짜여야 합니다")
    return value


def _date(value: object) -> dt.date:
    """A calendar day written as YYYY-MM-DD; a bare number is not a date (0 is not 1970-01-01)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("존재하지 않는 날짜입니다 (예: 2016-10-01)") from None
    if isinstance(value, dt.datetime):
        raise ValueError("시각 없이 날짜만 적어야 합니다 (YYYY-MM-DD, 예: 2016-10-01)")
    if isinstance(value, dt.date):
        return _date_in_range(value)
    raise ValueError("날짜여야 합니다 (YYYY-MM-DD, 예: 2016-10-01)")


YearOrDate = Annotated[int | dt.date, BeforeValidator(_year_or_date)]
Date = Annotated[dt.date, BeforeValidator(_date)]


def _spdx(value: str) -> str:
    spdx.parse(value)
    return value


Spdx = Annotated[str, AfterValidator(_spdx)]


def model_in(annotation: object) -> type[BaseModel] | None:
    """The model class inside a field's type (list[X], X | None, Annotated[X, ...]), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found:
            return found
    return None


class Strict(BaseModel):
    """Base for every record part: frozen, unknown keys rejected, no type coercion surprises."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Source(Strict):
    """A document that backs facts; cited by `id` from facts and claims."""

    id: Id = Field(title="식별자", description="이 파일 안에서 고유한 출처 식별자(소문자, 숫자, -)")
    url: HttpUrl = Field(title="주소", description="출처 주소(http 또는 https)")
    title: Line = Field(title="제목", description="출처 문서의 제목")
    publisher: Line | None = Field(None, title="펴낸 곳", description="발행 주체(프로젝트, 회사, 블로그 등)")
    lang: Lang = Field(Lang.EN, title="언어", description="출처 문서의 언어")
    published: YearOrDate | None = Field(None, title="작성일", description="출처가 작성된 날짜")
    accessed: Date | None = Field(None, title="확인한 날", description="출처를 마지막으로 확인한 날짜")


class Cited(Strict):
    """Anything that states a fact names the sources that back it."""

    sources: list[Id] = Field(default_factory=list, title="출처", description="이 사실을 뒷받침하는 출처 id 목록")


# A fact not confirmed in a primary source is written as `unknown`, never guessed.
Unknown = Literal["unknown"]


class Release(Cited):
    version: Line = Field(title="버전", description="최신 릴리스 버전 문자열(예: 2.9.1)")
    date: Date = Field(title="날짜", description="최신 릴리스 날짜")


class Developer(Cited):
    name: Line = Field(title="이름", description="개발 주체(회사, 연구실, 개인)")
    role_ko: KoLine | None = Field(None, title="역할", description="역할(예: 최초 개발, 현재 관리)")


class Links(Strict):
    home: HttpUrl | None = Field(None, title="홈페이지", description="공식 홈페이지")
    repo: HttpUrl | None = Field(None, title="저장소", description="소스 저장소")
    docs: HttpUrl | None = Field(None, title="문서", description="공식 문서")
    docs_ko: HttpUrl | None = Field(None, title="한국어 문서", description="한국어 문서(있다면)")
    paper: HttpUrl | None = Field(None, title="논문", description="대표 논문")


# Package names as each registry spells them. Python names are written normalised (PEP 503:
# lower case, runs of "-", "_", "." as one "-"), so one project has one spelling in the data and
# a typo such as "Theano" is caught rather than silently matching another page of the index.
_PYPI_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NPM_NAME = re.compile(r"(@[a-z0-9~][a-z0-9._~-]*/)?[a-z0-9~][a-z0-9._~-]*")
_MAVEN_NAME = re.compile(r"[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+")
_CRATE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
_REPOSITORY = re.compile(r"(github|gitlab|gitee|atomgit):[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def _pypi_name(value: str) -> str:
    normal = re.sub(r"[-_.]+", "-", value).lower()
    if value != normal or not _PYPI_NAME.fullmatch(value):
        shown = f"'{normal}'" if _PYPI_NAME.fullmatch(normal) else "영문 소문자, 숫자, - 로 된 이름 (예: torch)"
        raise ValueError(f"Python 패키지 이름은 정규화한 형태로 적습니다 — 올바른 값: {shown}")
    return value


def _pattern(regex: re.Pattern[str], example: str) -> typing.Callable[[str], str]:
    def check(value: str) -> str:
        if not regex.fullmatch(value) or len(value) > 214:
            raise ValueError(f"형식이 맞지 않는 이름입니다 — 올바른 값: {example}")
        return value
    return check


PypiName = Annotated[str, AfterValidator(_pypi_name)]
NpmName = Annotated[str, AfterValidator(_pattern(_NPM_NAME, "소문자 이름이나 @범위/이름 (예: @tensorflow/tfjs)"))]
MavenName = Annotated[str, AfterValidator(_pattern(_MAVEN_NAME, "groupId:artifactId (예: org.deeplearning4j:deeplearning4j-core)"))]
CrateName = Annotated[str, AfterValidator(_pattern(_CRATE_NAME, "영문자로 시작하는 64자 이하의 이름 (예: burn)"))]
RepositoryId = Annotated[str, AfterValidator(_pattern(_REPOSITORY, "호스트:소유자/이름 (예: github:pytorch/pytorch)"))]


class Identifiers(Strict):
    """Where a framework is published: the registry names `dlkb refresh` reads, and its source
    repository. The first Python package is the one whose version is the framework's release
    (jax, not its compiled companion jaxlib); the others are listed so readers can find them."""

    pypi: list[PypiName] = Field(default_factory=list, title="Python 패키지",
                                 description="Python 패키지 색인의 이름(정규화한 형태, 첫 이름이 릴리스 버전의 기준)")
    npm: list[NpmName] = Field(default_factory=list, title="npm 패키지", description="npm 패키지 이름")
    maven: list[MavenName] = Field(default_factory=list, title="Maven 패키지", description="Maven Central의 groupId:artifactId")
    crates: list[CrateName] = Field(default_factory=list, title="Rust 크레이트", description="Rust 크레이트 이름")
    repository: RepositoryId | None = Field(None, title="소스 저장소", description="소스 저장소 (호스트:소유자/이름, 예: github:pytorch/pytorch)")


class LicenseChange(Cited):
    date: YearOrDate = Field(title="바뀐 때", description="라이선스가 바뀐 때")
    from_spdx: Spdx | None = Field(None, title="이전 라이선스", description="이전 라이선스(SPDX 목록에 없으면 비움)")
    to_spdx: Spdx = Field(title="새 라이선스", description="새 라이선스(SPDX)")
    note_ko: KoText = Field(title="설명", description="무엇이 바뀌었는지")


class License(Cited):
    spdx: Spdx = Field(title="라이선스", description="현재 라이선스의 SPDX 식별자나 SPDX 식(예: MIT OR Apache-2.0)")
    patent_grant: Patent = Field(title="특허 허여", description="라이선스 본문에 명시적 특허 허여가 있는가")
    note_ko: KoText | None = Field(None, title="설명", description="라이선스에 대한 보충 설명")
    changes: list[LicenseChange] = Field(default_factory=list, title="변경", description="라이선스 변경 이력")


class Languages(Cited):
    core: list[Line] = Field(min_length=1, title="구현 언어", description="구현 언어")
    apis: list[Line] = Field(min_length=1, title="API 언어", description="사용자가 쓰는 API 언어")


class Feature(Cited):
    """A supported-or-not fact, like caniuse: a value, an optional note, tools, sources."""

    value: Support = Field(title="지원 여부", description="yes, partial, no, external(외부 도구로), n/a, unknown")
    note_ko: KoText | None = Field(None, title="설명", description="보충 설명")
    tools: list[Line] = Field(default_factory=list, title="도구", description="관련 도구나 API 이름")
    follows: Id | None = Field(
        None, title="따르는 프레임워크",
        description="이 프레임워크가 위에서 동작하는 다른 프레임워크의 id: 이 기능은 그쪽 지원을 따름 (unknown이면 고르기 도우미가 그쪽 값을 씀)",
    )



class Graph(Cited):
    mode: GraphMode = Field(title="계산 그래프", description="static(정의 후 실행), dynamic(define-by-run), both")
    note_ko: KoText | None = Field(None, title="설명", description="언제부터 어떤 방식인지")


class Hardware(Strict):
    cpu: Feature = Field(title="CPU", description="CPU")
    cuda: Feature = Field(title="NVIDIA GPU (CUDA)", description="NVIDIA GPU(CUDA)")
    rocm: Feature = Field(title="AMD GPU (ROCm)", description="AMD GPU(ROCm)")
    tpu: Feature = Field(title="Google TPU", description="Google TPU")
    apple: Feature = Field(title="Apple 실리콘 (Metal)", description="Apple 실리콘 GPU(Metal/MPS)")
    mobile: Feature = Field(title="모바일·엣지 기기", description="모바일·엣지 기기에서 추론")
    ascend: Feature = Field(title="Huawei Ascend NPU", description="Huawei Ascend NPU(CANN)")
    korean_npu: Feature = Field(title="국산 NPU (Rebellions, FuriosaAI)", description="Rebellions ATOM·REBEL, FuriosaAI RNGD 등 국산 NPU")


class Distributed(Strict):
    multi_gpu: Feature = Field(title="한 컴퓨터의 여러 GPU", description="한 컴퓨터의 여러 GPU")
    multi_node: Feature = Field(title="여러 노드 분산 학습", description="여러 노드에 걸친 학습")
    data_parallel: Feature = Field(title="데이터 병렬", description="데이터 병렬 학습")
    model_parallel: Feature = Field(title="모델 병렬", description="모델 병렬 학습")
    spark: Feature = Field(title="Apache Spark 위에서 학습", description="Apache Spark 위에서 학습")


class Deployment(Strict):
    serving: Feature = Field(title="서버 모델 서빙", description="서버에서 모델 서빙")
    mobile: Feature = Field(title="모바일 앱 내장", description="모바일 앱에 내장")
    browser: Feature = Field(title="웹 브라우저 실행", description="웹 브라우저에서 실행")
    export_formats: list[Line] = Field(default_factory=list, title="내보내기 형식", description="내보내기 형식(ONNX 등)")


class LineageLink(Cited):
    relation: Relation = Field(title="관계", description="derived_from, inspired_by, builds_on, backend, merged_into")
    id: Id | None = Field(None, title="프레임워크", description="이 사이트에 있는 프레임워크의 id")
    name: Line | None = Field(None, title="프로젝트 이름", description="이 사이트에 없는 프로젝트의 이름 (id 대신)")
    note_ko: KoText | None = Field(None, title="설명", description="관계에 대한 설명")
    until: YearOrDate | None = Field(None, title="끝난 때", description="관계가 끝난 때(예: 더는 백엔드로 쓰지 않게 된 해). 지금도 이어지면 비움")
    via: list[Line] = Field(default_factory=list, title="거친 프로젝트",
                            description="사이에 있는 사이트 밖 프로젝트 이름, 오래된 것부터 (예: Aesara)")



class Correction(Cited):
    text_ko: KoText = Field(title="내용", description="지금은 무엇이 사실인지")
    as_of: Date = Field(title="확인한 날", description="이 정정을 확인한 날짜")


class Claim(Cited):
    """A dated pro or con. A claim that no longer holds keeps its date and says what is true now."""

    text_ko: KoText = Field(title="내용", description="주장(합니다체)")
    as_of: YearOrDate = Field(title="기준일", description="주장이 나온 때 또는 마지막으로 확인한 때")
    as_of_estimated: bool = Field(False, title="날짜 추정 여부",
                                  description="글에 날짜가 없어 as_of를 추정했으면 true (페이지에 '날짜는 추정'으로 나옵니다)")
    still_true: bool = Field(True, title="지금도 사실인지", description="지금도 사실인가")
    never_true: bool = Field(False, title="처음부터 틀린 주장인지", description="주장이 나온 때에도 사실이 아니었으면 true (still_true도 false)")
    correction: Correction | None = Field(None, title="지금의 사실", description="지금은 어떤지(still_true가 false면 필수)")
    topic: Id | None = Field(None, title="같은 점 묶음",
                             description="같은 점을 말하는 장점(또는 단점)끼리 같은 값: 페이지에서 가장 새 것 하나로 묶여 나옵니다")


class Framework(Strict):
    """One framework: the content of `data/frameworks/<id>.yaml`."""

    id: Id = Field(title="식별자", description="파일 이름과 같은 식별자(소문자, 숫자, -)")
    name: Line = Field(title="이름", description="공식 라틴 문자 표기")
    name_ko: KoLine | None = Field(
        None, title="한글 이름", description="한국 사람들이 실제로 쓰는 한글 읽기(널리 쓰이는 읽기가 없으면 비움)")
    aliases: list[Line] = Field(default_factory=list, title="다른 이름", description="검색용 별칭(한글 읽기, 약어)")
    kind: Kind = Field(title="종류", description=(
        "engine(딥러닝 엔진), array_library(자동 미분·컴파일 배열 라이브러리), "
        "high_level_api(다른 프레임워크 위에서 동작하는 신경망 라이브러리), automl, spark_library"
    ))
    summary_ko: KoText = Field(title="요약", description="2–4문장의 한국어 요약")
    links: Links = Field(title="링크", description="공식 링크 모음")
    identifiers: Identifiers | None = Field(None, title="패키지와 저장소",
                                            description="레지스트리의 패키지 이름과 소스 저장소 (`dlkb refresh`가 읽음)")
    developers: list[Developer] = Field(min_length=1, title="만든 곳", description="만든 곳과 관리하는 곳")
    first_release: YearOrDate = Field(title="첫 공개", description="첫 공개 릴리스(연도 또는 날짜)")
    first_release_sources: list[Id] = Field(min_length=1, title="첫 공개의 출처", description="첫 릴리스의 출처 id")
    latest_release: Release | Unknown = Field(title="최신 릴리스", description="최신 릴리스: version, date, sources (확인하지 못했으면 unknown)")
    status: Status = Field(title="상태", description="active, maintenance, discontinued, archived, merged")
    status_since: YearOrDate | None = Field(None, title="상태가 된 때", description="지금 상태가 된 때")
    successor: Id | None = Field(None, title="뒤를 잇는 프로젝트", description="뒤를 잇는 다른 프레임워크의 id (data/frameworks/ 폴더의 파일 이름)")
    status_note_ko: KoText | None = Field(None, title="상태 설명", description="상태에 대한 설명")
    status_sources: list[Id] = Field(min_length=1, title="상태의 출처", description="상태의 출처 id")
    lineage: list[LineageLink] = Field(default_factory=list, title="계보", description="계보: 다른 프레임워크와의 관계")
    license: License = Field(title="라이선스", description="라이선스: spdx, patent_grant, changes, sources")
    languages: Languages = Field(title="언어", description="구현 언어(core)와 API 언어(apis)")
    graph: Graph = Field(title="계산 그래프", description="계산 그래프 방식")
    autodiff: Feature = Field(title="자동 미분", description="자동 미분")
    hardware: Hardware = Field(title="하드웨어 지원", description="하드웨어 지원")
    distributed: Distributed = Field(title="분산 학습 지원", description="분산 학습 지원")
    visualization: Feature = Field(title="학습 시각화", description="학습 시각화 도구")
    deployment: Deployment = Field(title="배포 방법", description="배포 방법")
    model_zoo: Feature = Field(title="사전 학습된 모델", description="사전 학습된 모델 모음")
    pros: list[Claim] = Field(min_length=1, title="장점", description="장점")
    cons: list[Claim] = Field(min_length=1, title="단점", description="단점")
    best_for: list[KoText] = Field(default_factory=list, title="잘 맞는 용도", description="잘 맞는 용도")
    sources: list[Source] = Field(min_length=1, title="출처", description="이 파일이 인용하는 출처")
    last_verified: Date = Field(title="마지막 확인", description="이 파일의 사실 전체를 마지막으로 확인한 날짜")

    @property
    def reading(self) -> str:
        """How the name is read aloud, for choosing a particle after it."""
        return self.name_ko or self.name

    @property
    def latest(self) -> Release | None:
        """The latest release, or None when it is unknown."""
        return self.latest_release if isinstance(self.latest_release, Release) else None

    # What `dlkb refresh` observed (data/observed/<id>.yaml), attached by the catalogue after
    # loading: a private attribute, so it is never part of the human record or its schema.
    _observed: Observed | None = PrivateAttr(None)

    @property
    def observed(self) -> Observed | None:
        return self._observed

    @property
    def shown_release(self) -> ShownRelease | None:
        """The newer of the curated and the observed latest release (the curated one on a tie:
        it carries the sources a person checked)."""
        seen = self._observed.latest if self._observed else None
        if seen and (not self.latest or _newer(seen, self.latest)):
            return ShownRelease(seen.version, seen.date, self._observed)
        return ShownRelease(self.latest.version, self.latest.date, None) if self.latest else None



Registry = Literal["pypi", "npm", "maven", "crates"]
# How pages and the refresh report name a registry (its name, never its address).
REGISTRY_LABEL: dict[str, str] = {"pypi": "Python 패키지 색인(PyPI)", "npm": "npm", "maven": "Maven Central", "crates": "Rust 크레이트 레지스트리"}


class ObservedRelease(Strict):
    version: Line = Field(description="레지스트리에서 읽은 최신 안정 릴리스 버전 (PEP 440으로 정규화)")
    date: Date = Field(description="그 버전의 파일이 처음 올라온 날(UTC)")


class Observed(Strict):
    """`data/observed/<id>.yaml`: what `dlkb refresh` read from a registry, kept apart from the
    human record. Written by the command, never by hand."""

    id: Id = Field(description="프레임워크 id (파일 이름과 같음)")
    registry: Registry = Field(description="읽은 레지스트리")
    package: Line = Field(description="읽은 패키지 이름")
    checked: Date = Field(description="레지스트리를 읽은 날(UTC)")
    latest_release: ObservedRelease | Unknown = Field(description="최신 안정 릴리스 (안정 릴리스가 없으면 unknown)")

    @property
    def latest(self) -> ObservedRelease | None:
        return self.latest_release if isinstance(self.latest_release, ObservedRelease) else None


def _newer(seen: ObservedRelease, curated: Release) -> bool:
    """By version where both are versions (2.7 and 2.7.0 are one release, whatever day the
    registry got its files), else by date (a curated "no tagged release" text has none)."""
    try:
        return Version(seen.version) > Version(curated.version)
    except InvalidVersion:
        return seen.date > curated.date


@dataclasses.dataclass(frozen=True)
class ShownRelease:
    """The latest release a page shows: observed (then `observed` says when and where) or curated."""

    version: str
    date: dt.date
    observed: Observed | None


class SourceList(Strict):
    """`data/sources.yaml`: sources cited by several records (the seed posts among them)."""

    sources: list[Source] = Field(min_length=1)


class GlossaryTerm(Strict):
    id: Id = Field(description="용어의 안정적인 앵커")
    ko: KoLine = Field(description="한국어 용어")
    en: Line = Field(description="영어 용어")
    aliases: list[Line] = Field(default_factory=list)
    definition_ko: KoText = Field(description="짧은 정의")
    matters_ko: KoText = Field(description="이 사이트에서 왜 중요한지")
    frameworks: list[Id] = Field(default_factory=list, description="관련 프레임워크 id")


class Wording(Cited):
    """One concept, one word in reader text. `sources` are the translation guides it follows;
    the term test (tests/test_wording.py) fails on any `avoid` variant in reader text."""

    id: Id = Field(description="개념의 안정적인 앵커")
    concept_ko: KoLine = Field(description="무엇을 가리키는 말인지")
    en: Line | None = Field(None, description="영어 용어")
    use: Line = Field(description="이 사이트가 쓰는 말")
    avoid: list[Line] = Field(default_factory=list, description="쓰지 않는 말(검사가 찾아냄)")
    guide_says: Line | None = Field(None, description="번역 가이드가 정한 말(이 사이트와 다를 때)")
    why_ko: KoText | None = Field(None, description="이 말을 고른 까닭, 가이드와 다르면 그 까닭")
    term: Id | None = Field(None, description="용어집에서 뜻을 설명하는 용어의 id")


class Glossary(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)
    words: list[Wording] = Field(default_factory=list, description="개념마다 쓰는 말과 쓰지 않는 말")
    sources: list[Source] = Field(default_factory=list)


class WorksWith(Cited):
    ids: list[Id] = Field(min_length=1, description="함께 쓰는 프레임워크의 id (data/frameworks/의 파일 이름)")
    note_ko: KoText | None = Field(None, description="보충 설명(예: ONNX로 내보낸 모델이면 다른 프레임워크의 모델도 실행)")


class Tool(Cited):
    """A runtime or library readers take for a framework: a short entry on the tools page, not a
    framework file, and never in the chooser. Its own `sources` back what it is and who makes it."""

    id: Id = Field(description="도구 페이지 안의 안정적인 앵커(소문자, 숫자, -)")
    name: Line = Field(description="공식 라틴 문자 표기")
    aliases: list[Line] = Field(default_factory=list, description="프레임워크 파일의 tools에서 이 도구를 가리키는 다른 이름")
    kind: ToolKind = Field(description="runtime(추론 런타임·배포 도구), training_library(프레임워크 위의 학습 라이브러리)")
    developer: Line = Field(description="만드는 곳")
    summary_ko: KoText = Field(description="무엇인지 한두 문장")
    links: Links = Field(description="공식 링크 모음")
    works_with: WorksWith = Field(description="함께 쓰는 프레임워크: ids, note_ko, sources")
    license: License = Field(description="라이선스: spdx, patent_grant, sources")
    status: Status = Field(description="active, maintenance, discontinued, archived, merged")
    status_sources: list[Id] = Field(default_factory=list, description="상태의 출처 id")
    latest_release: Release | Unknown = Field(description="최신 릴리스: version, date, sources (확인하지 못했으면 unknown)")

    @property
    def latest(self) -> Release | None:
        return self.latest_release if isinstance(self.latest_release, Release) else None


class ToolList(Strict):
    """`data/tools.yaml`: the tools page."""

    tools: list[Tool] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)

    def named(self) -> dict[str, Tool]:
        """Each tool under its name and its aliases: how a framework file's `tools` entry finds it."""
        return {name: tool for tool in self.tools for name in (tool.name, *tool.aliases)}


class Aspect(Cited):
    key: Id = Field(description="안정적인 앵커(영문)")
    title_ko: KoLine
    values: dict[Id, KoText] = Field(description="프레임워크 id → 한국어 설명")
    history: list[Claim] = Field(default_factory=list, description="날짜가 붙은 과거 주장")


class Verdict(Cited):
    use_case_ko: KoLine
    pick: list[Id] = Field(min_length=1, description="추천하는 프레임워크 id")
    reason_ko: KoText


class Comparison(Strict):
    """A curated pair: `data/comparisons/<a>-vs-<b>.yaml`."""

    id: Id
    title_ko: KoLine
    frameworks: list[Id] = Field(min_length=2, max_length=2)
    intro_ko: KoText
    aspects: list[Aspect] = Field(min_length=1)
    verdicts: list[Verdict] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    last_verified: Date


class Reason(Cited):
    """Why the site recommends something: a fact in the same form as a pro or con, dated and
    always sourced (a judgement without a source is not a reason)."""

    text_ko: KoText = Field(description="근거가 되는 사실(합니다체)")
    as_of: Date = Field(description="이 사실을 확인한 날짜")


class Recommendation(Strict):
    """One situation on the recommendations page: the site's own dated judgement, with the facts
    it rests on. `need` names the chooser need the situation asks for, so that a framework page
    can say when a framework does not fit."""

    id: Id = Field(description="추천 페이지 안의 안정적인 앵커(소문자, 숫자, -)")
    situation_ko: KoLine = Field(description="상황(예: 새 연구 프로젝트)")
    pick: list[Id] = Field(min_length=1, description="추천하는 프레임워크 id (data/frameworks/의 파일 이름)")
    runner_up: list[Id] = Field(default_factory=list, description="차선으로 권하는 프레임워크 id (없으면 비움)")
    summary_ko: KoText = Field(description="이 사이트의 판단을 한두 문장으로")
    reasons: list[Reason] = Field(min_length=1, description="추천하는 까닭: 날짜와 출처가 붙은 사실")
    runner_up_reasons: list[Reason] = Field(default_factory=list, description="차선을 권하는 까닭 (runner_up이 있으면 하나 이상)")
    need: Id | None = Field(None, description="이 상황에 해당하는 고르기 도우미 조건의 키(예: apple). 없으면 비움")
    for_inactive: bool = Field(False, description="true면 유지보수되지 않는 프레임워크 페이지에서 옮겨 갈 곳으로 보여 줍니다 (하나만)")
    last_reviewed: Date = Field(title="마지막 검토", description="이 추천을 마지막으로 검토한 날짜")


class RecommendationList(Strict):
    """`data/recommendations.yaml`: the recommendations page and the first screen of Home."""

    recommendations: list[Recommendation] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)

    @property
    def oldest_review(self) -> dt.date:
        """The date the whole list holds for: its least recently reviewed entry."""
        return min(rec.last_reviewed for rec in self.recommendations)

    def naming(self, fw_id: str) -> list[tuple[Recommendation, bool]]:
        """(recommendation, picked) for every entry that picks `fw_id` or has it as runner-up."""
        return [(rec, fw_id in rec.pick) for rec in self.recommendations if fw_id in rec.pick or fw_id in rec.runner_up]

    @property
    def for_inactive(self) -> Recommendation | None:
        return next((rec for rec in self.recommendations if rec.for_inactive), None)
