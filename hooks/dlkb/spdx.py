"""SPDX licence identifiers and expressions, from the `license-expression` package's bundled SPDX list.

A licence is one identifier (`MIT`) or an expression of them (`MIT OR Apache-2.0`: the user picks
one; `A AND B`: both apply). Only the canonical spelling is accepted, so that one licence is
written one way everywhere (grouping on the licence page, the CSV, the chooser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from license_expression import ExpressionError, Licensing, get_spdx_licensing


@lru_cache(maxsize=1)
def _licensing() -> Licensing:
    return get_spdx_licensing()


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(_licensing().known_symbols)


def is_known_spdx(identifier: str) -> bool:
    """True for an identifier on the SPDX licence list (case-sensitive, as SPDX writes it)."""
    return identifier in _known()


@dataclass(frozen=True)
class Expression:
    """A parsed licence: its identifiers in the order written, and whether the user may choose."""

    text: str
    ids: tuple[str, ...]
    choice: bool

    @property
    def single(self) -> bool:
        return len(self.ids) == 1

    def tokens(self) -> list[tuple[str, bool]]:
        """The text cut into (token, is an identifier) pieces, so a page can link each identifier."""
        pieces = [piece for piece in re.split(r"(\s+|[()])", self.text) if piece]
        return [(piece, piece in self.ids) for piece in pieces]

    def satisfied_by(self, allowed: frozenset[str]) -> bool:
        """True when a user can comply using only `allowed` licences: one choice of an OR
        expression, every part of any other."""
        return any(i in allowed for i in self.ids) if self.choice else all(i in allowed for i in self.ids)


@lru_cache(maxsize=256)  # pages ask for the same few licences many times per build
def parse(text: str) -> Expression:
    """The licence written in `text`, or ValueError with a Korean message saying what is wrong."""
    if is_known_spdx(text):
        return Expression(text, (text,), choice=False)
    try:
        # The library raises several exception types (and, on some inputs, AttributeError from its
        # own error path), so every failure of the parse is one "not an expression" answer.
        parsed = _licensing().parse(text, validate=False, strict=True)
    except (ExpressionError, AttributeError, TypeError, ValueError):
        parsed = None
    if parsed is None:
        raise ValueError("SPDX 목록에 없는 라이선스 식별자이거나 SPDX 식이 아닙니다 (예: MIT, Apache-2.0, MIT OR Apache-2.0)")
    ids = tuple(str(key) for key in _licensing().license_keys(parsed, unique=True))
    unknown = [key for key in ids if not is_known_spdx(key)]
    if unknown == [text]:
        raise ValueError("SPDX 목록에 없는 라이선스 식별자입니다 (예: MIT, Apache-2.0, BSD-3-Clause)")
    if unknown:
        raise ValueError(f"SPDX 식 안에 SPDX 목록에 없는 식별자가 있습니다: {', '.join(unknown)}")
    if str(parsed) != text:
        raise ValueError(f"SPDX가 쓰는 표기 그대로 적어야 합니다: {parsed}")
    operator = getattr(parsed, "operator", "").strip()
    return Expression(text, ids, choice=operator == "OR")
