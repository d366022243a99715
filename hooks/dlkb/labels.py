"""Korean wording shared by every page: dates, licence summaries, and the build day.

The labels of vocabulary values live with the values (`vocab.py`); field labels live with
the fields (`title` in `model.py`).
"""

from __future__ import annotations

import datetime as dt
import os

from dlkb.problems import CatalogError, Problem


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


def license_info(identifier: str) -> str:
    """What one SPDX licence allows, in a line."""
    return LICENSE_INFO.get(identifier, "이 라이선스의 요약은 아직 없습니다. SPDX 페이지와 프로젝트의 LICENSE 파일을 보세요.")


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that two builds of one commit match."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch.strip()), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        problem = Problem("SOURCE_DATE_EPOCH", None, "", "환경 변수가 1970-01-01부터 센 초가 아닙니다", repr(epoch[:40]),
                          "정수 (예: git log -1 --format=%ct가 출력하는 값)")
        raise CatalogError([problem]) from None


# How a Latin letter or digit at the end of a name is read aloud, by whether that reading ends in
# a final consonant (받침): "MXNet"(…넷) and "Caffe2"(…투) take different particles. ㄹ is kept
# apart because 으로/로 treats it as no 받침.
_LATIN_FINAL = {**dict.fromkeys("LR", "ㄹ"), **dict.fromkeys("MN", "받침"), **dict.fromkeys("178", "ㄹ"),
                **dict.fromkeys("036", "받침")}


def _final(reading: str) -> str | None:
    """'받침', 'ㄹ' or None (no final consonant) for the last sound of a word as it is read."""
    for ch in reversed(reading.strip()):
        if "가" <= ch <= "힣":
            jong = (ord(ch) - 0xAC00) % 28
            return None if jong == 0 else ("ㄹ" if jong == 8 else "받침")
        if ch.isalnum():
            return _LATIN_FINAL.get(ch.upper())
    return None


def particle(reading: str, pair: str) -> str:
    """The form of a Korean particle that fits a word: particle('파이토치', '와/과') -> '와'.
    `pair` is written with the no-받침 form first: 를/을, 가/이, 는/은, 와/과, 로/으로."""
    plain, after_consonant = pair.split("/")
    final = _final(reading)
    if pair == "로/으로":
        return plain if final in (None, "ㄹ") else after_consonant
    return plain if final is None else after_consonant


# The fourteen initial consonants a Korean index is ordered by; a tense one (ㄲ) files under its
# plain one (ㄱ), as Korean dictionaries do. Romanized for the index's anchors (#terms-g).
INITIALS = [("ㄱ", "g"), ("ㄴ", "n"), ("ㄷ", "d"), ("ㄹ", "r"), ("ㅁ", "m"), ("ㅂ", "b"), ("ㅅ", "s"),
            ("ㅇ", "ng"), ("ㅈ", "j"), ("ㅊ", "ch"), ("ㅋ", "k"), ("ㅌ", "t"), ("ㅍ", "p"), ("ㅎ", "h")]
# The 19 initials of Unicode Hangul syllables, in code order, each as one of the fourteen.
_SYLLABLE_INITIAL = "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ"


def initial(word: str) -> str | None:
    """The index consonant of a word's first syllable ('파이토치' -> 'ㅍ'); None for a word
    that does not start with Hangul (define-by-run)."""
    first = word.strip()[:1]
    if "가" <= first <= "힣":
        return _SYLLABLE_INITIAL[(ord(first) - 0xAC00) // 588]
    return None
