"""The same small example in each framework: `data/examples.yaml` says which file, which version
it targets and how each run installs; `data/example_runs.yaml` holds the runs that really
happened, written only by scripts/examples/run.py --record.

A recorded run carries the SHA-256 of the example's text when it ran. The page says "실행 확인"
only while that hash still matches the file; an edited example shows "아직 실행 안 함" until it
is run again. Checks across files (the framework exists, the file is there, recorded runs name a
known run) live here too, so that the shared modules only gain a few lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import AfterValidator, Field

from dlkb.model import Date, Id, KoText, Line, Strict
from dlkb.problems import Problem
from dlkb.yamlload import Loaded

EXAMPLES_FILE, RUNS_FILE = "examples.yaml", "example_runs.yaml"
EXAMPLES_DIR = "examples"  # the example files, inside data/ so that a copy of the data folder has them
MAX_EXAMPLE_BYTES = 100_000
HIGHLIGHT = {"python": "python", "rust": "rust", "java": "java", "toml": "toml"}


class ExampleRun(Strict):
    id: Id = Field(description="실행의 id (scripts/examples/run.py에 주는 이름, 예: keras-jax)")
    label_ko: Line | None = Field(None, description="한 예제를 여러 방식으로 돌릴 때 이 실행의 이름 (예: JAX 백엔드)")
    pins: list[Line] = Field(default_factory=list, description="설치할 정확한 패키지 고정 (예: torch==2.13.0+cpu)")
    prepare: list[Line] = Field(default_factory=list, description="먼저 설치할 빌드 도구 (빌드 격리 없이 설치할 때)")
    env: dict[str, str] = Field(default_factory=dict, description="실행할 때 줄 환경 변수 (예: KERAS_BACKEND: jax)")
    blocked_ko: KoText | None = Field(None, description="이 환경에서 돌릴 수 없는 까닭 (pins가 없을 때)")


class Example(Strict):
    id: Id = Field(description="예제의 id")
    framework: Id = Field(description="프레임워크 id (data/frameworks/의 파일 이름)")
    file: Line = Field(description="예제 파일 (data/ 기준 경로, examples/ 안, 예: examples/pytorch.py)")
    also: list[Line] = Field(default_factory=list, description="함께 보여 줄 파일 (예: Cargo.toml)")
    language: Literal["python", "rust", "java"] = Field("python", description="python, rust, java")
    target: Line = Field(description="예제가 겨냥한 버전 (예: PyTorch 2.13)")
    runs: list[ExampleRun] = Field(min_length=1, description="이 예제를 돌리는 방법")


class ExampleList(Strict):
    """`data/examples.yaml`."""

    task_ko: KoText = Field(description="모든 예제가 하는 일")
    examples: list[Example] = Field(min_length=1, description="프레임워크마다 예제 하나")


def _sha256(value: str) -> str:
    # the generic pattern message speaks of ids; a hash gets its own
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError("SHA-256 해시가 아닙니다 — 올바른 값: 소문자 16진수 64자 (실행 스크립트가 적은 값)")
    return value


class Recorded(Strict):
    """A run that passed, as scripts/examples/run.py printed it."""

    date: Date = Field(description="실행한 날짜")
    sha256: Annotated[str, AfterValidator(_sha256)] = Field(description="실행할 때 예제 파일의 SHA-256")
    command: Line = Field(description="실행한 명령")
    output: list[Line] = Field(min_length=1, description="예제가 출력한 줄 그대로")


class RecordedRuns(Strict):
    """`data/example_runs.yaml`."""

    runs: dict[Id, Recorded] = Field(default_factory=dict, description="실행 id마다 마지막으로 성공한 실행")


State = Literal["ran", "edited", "never", "blocked"]


@dataclass(frozen=True)
class RunView:
    """What the page says about one run."""

    run: ExampleRun
    state: State
    recorded: Recorded | None  # also kept when the example changed since: the page says so

    @property
    def output_block(self) -> Markup:
        return fence("\n".join(self.recorded.output) if self.recorded else "", "text")


@dataclass(frozen=True)
class ExampleView:
    example: Example
    code: str
    extra: list[tuple[str, str, str]]  # (file, highlight language, text) shown after the code
    runs: list[RunView]

    @property
    def code_block(self) -> Markup:
        return fence(self.code, HIGHLIGHT[self.example.language], f"data/{self.example.file}")

    def extra_blocks(self) -> list[Markup]:
        return [fence(text, lang, f"data/{rel}") for rel, lang, text in self.extra]

    @property
    def ran(self) -> list[RunView]:
        return [rv for rv in self.runs if rv.state == "ran"]


def digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def read_example(root: FsPath, rel: str) -> bytes | str:
    """The bytes of an example file (`rel` from the data folder), or what is wrong with its path
    (a Korean message). Only regular files under data/examples/ are read, so a path cannot reach
    anything else."""
    base = (root / EXAMPLES_DIR).resolve()
    path = (root / rel).resolve()
    if not path.is_relative_to(base):
        return "예제 파일은 data/examples/ 폴더 안에 있어야 합니다"
    if not path.is_file():
        return "예제 파일이 없습니다"
    if path.stat().st_size > MAX_EXAMPLE_BYTES:
        return f"예제 파일이 너무 큽니다 ({MAX_EXAMPLE_BYTES:,}바이트 이하)"
    return path.read_bytes()


def state_of(run: ExampleRun, recorded: Recorded | None, text: bytes) -> State:
    if recorded is not None:
        return "ran" if recorded.sha256 == digest(text) else "edited"
    return "blocked" if run.blocked_ko else "never"


def check_examples(item: Loaded, runs: Loaded | None, fw_ids: set[str], root: FsPath) -> tuple[list[Problem], list[ExampleView]]:
    """Problems across files, and the views the pages show (empty when there are problems)."""
    found: ExampleList = item.obj
    recorded: dict[str, Recorded] = runs.obj.runs if runs is not None and runs.obj is not None else {}
    problems: list[Problem] = []
    views: list[ExampleView] = []
    known = ", ".join(sorted(fw_ids))
    seen_examples: set[str] = set()
    seen_runs: set[str] = set()
    for i, ex in enumerate(found.examples):
        at = ("examples", i)
        if ex.id in seen_examples:
            problems.append(item.problem((*at, "id"), "같은 id의 예제가 이미 있습니다", repr(ex.id), "겹치지 않는 id"))
        seen_examples.add(ex.id)
        if ex.framework not in fw_ids:
            problems.append(item.problem((*at, "framework"), "없는 프레임워크의 예제입니다", repr(ex.framework),
                                         f"data/frameworks/에 있는 id ({known})"))
        texts: list[bytes] = []
        for where, rel in [((*at, "file"), ex.file), *(((*at, "also", k), r) for k, r in enumerate(ex.also))]:
            text = read_example(root, rel)
            if isinstance(text, str):
                problems.append(item.problem(where, text, repr(rel), "data/examples/ 안에 있는 파일 (예: examples/pytorch.py)"))
            else:
                texts.append(text)
        for k, run in enumerate(ex.runs):
            where = (*at, "runs", k)
            if run.id in seen_runs:
                problems.append(item.problem((*where, "id"), "같은 id의 실행이 이미 있습니다", repr(run.id), "겹치지 않는 id"))
            seen_runs.add(run.id)
            if bool(run.pins) == bool(run.blocked_ko):
                problems.append(item.problem(where, "설치할 패키지와 돌릴 수 없는 까닭 가운데 하나만 적어야 합니다", None,
                                             "pins 또는 blocked_ko 하나"))
        if len(texts) == 1 + len(ex.also):
            views.append(ExampleView(ex, texts[0].decode("utf-8"),
                                     [(rel, HIGHLIGHT.get(rel.rsplit(".", 1)[-1], "text"), t.decode("utf-8"))
                                      for rel, t in zip(ex.also, texts[1:], strict=True)],
                                     [RunView(run, state_of(run, recorded.get(run.id), texts[0]), recorded.get(run.id))
                                      for run in ex.runs]))
    if runs is not None and runs.obj is not None:
        for run_id in recorded:
            if run_id not in seen_runs:
                problems.append(runs.problem(("runs", run_id), "data/examples.yaml에 없는 실행의 결과입니다", repr(run_id),
                                             f"data/examples.yaml의 실행 id ({', '.join(sorted(seen_runs))})"))
    return problems, [] if problems else views


def last_run(views: list[ExampleView]) -> dt.date | None:
    dates = [rv.recorded.date for v in views for rv in v.runs if rv.state == "ran" and rv.recorded]
    return max(dates) if dates else None


def fence(text: str, language: str, title: str | None = None) -> Markup:
    """A fenced code block for Markdown; the fence is longer than any run of backticks in the
    text, so no line of the text can close it. Markdown escapes what is inside, so the text is
    passed through unescaped (escaping it here would show `&lt;` on the page)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    head = f'{ticks}{language}' + (f' title="{title}"' if title and '"' not in title else "")
    return Markup(f"{head}\n{text.rstrip()}\n{ticks}")
