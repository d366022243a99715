"""Korean labels for the record's vocabularies: one place, so every page says the same words."""

from __future__ import annotations

import datetime as dt
import os

KIND = {
    "engine": "딥러닝 엔진",
    "high_level_api": "고수준 API",
    "automl": "로우코드 AutoML 라이브러리",
    "spark_library": "Spark 기반 라이브러리",
}

STATUS = {
    "active": "활발히 개발 중",
    "maintenance": "유지보수만",
    "discontinued": "개발 중단",
    "archived": "보관됨(읽기 전용)",
    "merged": "다른 프로젝트에 통합됨",
}

# Order used when sorting by status: the most alive first.
STATUS_ORDER = {name: i for i, name in enumerate(STATUS)}

SUPPORT = {
    "yes": "지원",
    "partial": "부분 지원",
    "no": "미지원",
    "external": "외부 도구로",
    "n/a": "해당 없음",
    "unknown": "확인 안 됨",
}

SUPPORT_ICON = {"yes": "●", "partial": "◐", "no": "○", "external": "◇", "n/a": "–", "unknown": "?"}

GRAPH = {
    "static": "정적 (정의 후 실행)",
    "dynamic": "동적 (define-by-run)",
    "both": "정적·동적 모두",
    "n/a": "해당 없음",
    "unknown": "확인 안 됨",
}

PATENT = {"yes": "명시적 특허 허여 있음", "no": "특허 조항 없음", "unknown": "확인 안 됨"}

RELATION = {
    "derived_from": "코드를 이어받음",
    "inspired_by": "영향을 받음",
    "builds_on": "위에서 동작",
    "backend": "백엔드로 사용",
    "merged_into": "통합됨",
}

# The same relation read from the other end (on the page of the framework pointed at).
RELATION_REVERSE = {
    "derived_from": "이 코드를 이어받음",
    "inspired_by": "이 프레임워크의 영향을 받음",
    "builds_on": "이 프레임워크 위에서 동작",
    "backend": "이 프레임워크를 백엔드로 사용",
    "merged_into": "이 프로젝트에 통합됨",
}

HARDWARE = {
    "cpu": "CPU",
    "cuda": "NVIDIA GPU (CUDA)",
    "rocm": "AMD GPU (ROCm)",
    "tpu": "Google TPU",
    "apple": "Apple 실리콘 (Metal)",
    "mobile": "모바일·엣지 기기",
}

DISTRIBUTED = {
    "multi_gpu": "한 컴퓨터의 여러 GPU",
    "multi_node": "여러 노드 분산 학습",
    "data_parallel": "데이터 병렬",
    "model_parallel": "모델 병렬",
    "spark": "Apache Spark 위에서 학습",
}

DEPLOYMENT = {"serving": "서버 모델 서빙", "mobile": "모바일 앱 내장", "browser": "웹 브라우저 실행"}

LANG = {"ko": "한국어", "en": "영어", "ja": "일본어", "zh": "중국어"}


def kdate(value: int | dt.date | None) -> str:
    """2016 -> '2016년', date(2016, 10, 1) -> '2016년 10월 1일'."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value}년"
    return f"{value.year}년 {value.month}월 {value.day}일"


def iso(value: int | dt.date | None) -> str:
    """Machine-readable form for data attributes and <time datetime>."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else value.isoformat()


def year_of(value: int | dt.date) -> int:
    return value if isinstance(value, int) else value.year

# What the licences in the catalogue allow, in one line each (general character, not advice).
LICENSE_INFO = {
    "MIT": "상업적 이용, 수정, 재배포 허용. 저작권 고지와 라이선스 문구만 유지하면 됩니다.",
    "BSD-2-Clause": "상업적 이용, 수정, 재배포 허용. 저작권 고지와 면책 문구를 유지해야 합니다.",
    "BSD-3-Clause": "상업적 이용, 수정, 재배포 허용. 저작권 고지를 유지하고 저작권자 이름을 홍보에 쓰지 않아야 합니다.",
    "Apache-2.0": "상업적 이용, 수정, 재배포 허용. 고지 유지, 바꾼 파일 표시, NOTICE 파일 전달이 조건이며 특허 허여가 들어 있습니다.",
}


def license_info(spdx: str) -> str:
    return LICENSE_INFO.get(spdx, "이 라이선스의 요약은 아직 없습니다. SPDX 페이지와 프로젝트의 LICENSE 파일을 보세요.")


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that two builds of one commit match."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
