"""A problem found in the data, and the one error that carries all of them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where it is, what is wrong, the bad value and what is expected."""

    file: str
    line: int | None
    path: str
    message: str
    value: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.path:
            where += f" › {_cut(self.path)}"
        text = f"{where}: {self.message}"
        if self.value is not None:
            text += f" (입력: {self.value})"
        if self.expected:
            text += f" — 올바른 값: {self.expected}"
        return visible(text)


def visible(text: str) -> str:
    """Characters a terminal or a page would act on or hide (ESC, CR, U+202E) written as
    escapes, so that a file name or key can never move the cursor or reorder the report."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _cut(path: str, limit: int = 120) -> str:
    return path if len(path) <= limit else path[: limit - 1] + "…"


class CatalogError(Exception):
    """Raised once, after every file was read, with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.path, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems in Korean, one per line, under a one-line summary."""
        lines = [f"데이터에서 문제 {len(self.problems)}개를 찾았습니다. 고친 뒤 다시 실행하세요."]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)
