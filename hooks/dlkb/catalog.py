"""Load every data file, validate each against its model and all of them against each other.

Nothing stops at the first mistake: every file is read, every problem collected, and only then
one `CatalogError` lists them all, so a contributor fixes everything in one round. Where each
kind of check lives: YAML reading in `yamlload.py`, Korean messages for parser and type errors
in `messages.py`, rules inside one file in `rules.py`, checks across files in `checks.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from dlkb import checks
from dlkb.examples import EXAMPLES_FILE, RUNS_FILE, ExampleList, ExampleView, RecordedRuns, check_examples
from dlkb.messages import short, translate_all
from dlkb.migration import MIGRATIONS_DIR, Migration, check_migration
from dlkb.model import Comparison, Framework, Glossary, Observed, RecommendationList, Source, SourceList, ToolList
from dlkb.problems import CatalogError, Problem
from dlkb.rules import broken_rules
from dlkb.yamlload import Document, Loaded, load_text

M = TypeVar("M", bound=BaseModel)

FRAMEWORKS_DIR = "frameworks"
COMPARISONS_DIR = "comparisons"
OBSERVED_DIR = "observed"  # written by `dlkb refresh`, one file per framework


@dataclass(frozen=True)
class Catalog:
    """Everything the site is made from, validated."""

    frameworks: dict[str, Framework]
    comparisons: dict[str, Comparison]
    glossary: Glossary | None
    shared_sources: SourceList | None
    files: dict[str, str] = field(default_factory=dict)  # id -> path relative to the project
    tools: ToolList | None = None  # data/tools.yaml: the tools page, if there is one
    migrations: dict[str, Migration] = field(default_factory=dict)  # data/migrations/<id>.yaml, by framework id
    migration_files: dict[str, str] = field(default_factory=dict)
    observed: dict[str, Observed] = field(default_factory=dict)  # data/observed/: what `dlkb refresh` read
    recommendations: RecommendationList | None = None  # data/recommendations.yaml, if there is one
    data_dir: FsPath | None = None  # where the files were read: the history page reads git there
    examples: list[ExampleView] = field(default_factory=list)  # data/examples.yaml with the files and runs
    example_task: str | None = None  # what every example does (ExampleList.task_ko)

    def source(self, owner: Framework | Comparison | Glossary | ToolList | Migration | RecommendationList, source_id: str) -> Source:
        """Resolve a cited source id: the owner's own list first, then the shared list."""
        for src in owner.sources:
            if src.id == source_id:
                return src
        for src in self.shared_sources.sources if self.shared_sources else []:
            if src.id == source_id:
                return src
        raise KeyError(source_id)


def load_catalog(data_dir: FsPath, today: dt.date | None = None) -> Catalog:
    """Read and validate `data_dir`; raise `CatalogError` listing every problem."""
    today = today or dt.date.today()
    problems: list[Problem] = []

    shared = _load_optional(data_dir / "sources.yaml", SourceList, data_dir, problems)
    glossary = _load_optional(data_dir / "glossary.yaml", Glossary, data_dir, problems)
    tools = _load_optional(data_dir / "tools.yaml", ToolList, data_dir, problems)
    recommendations = _load_optional(data_dir / "recommendations.yaml", RecommendationList, data_dir, problems)
    frameworks = _load_dir(data_dir / FRAMEWORKS_DIR, Framework, data_dir, problems)
    comparisons = _load_dir(data_dir / COMPARISONS_DIR, Comparison, data_dir, problems)
    migrations = _load_dir(data_dir / MIGRATIONS_DIR, Migration, data_dir, problems)
    if not frameworks and not any(p.file.startswith(f"{data_dir.name}/{FRAMEWORKS_DIR}") for p in problems):
        problems.append(Problem(f"{data_dir.name}/{FRAMEWORKS_DIR}", None, "", "프레임워크 파일이 하나도 없습니다", None, "<id>.yaml 파일 하나 이상"))

    shared_ids = {s.id for s in shared.obj.sources} if shared and shared.obj else set()
    problems += checks.check_ids(frameworks + comparisons)
    # A file that failed to load is still there: references to it are not reported as dangling.
    fw_ids = {item.obj.id if item.obj else FsPath(item.file).stem for item in frameworks}
    for item in frameworks:
        if item.obj:
            problems += checks.check_framework(item, fw_ids, shared_ids, today)
    for item in comparisons:
        if item.obj:
            problems += checks.check_comparison(item, fw_ids, shared_ids, today)
    if glossary and glossary.obj:
        problems += checks.check_glossary(glossary, fw_ids, shared_ids, today)
    if tools and tools.obj:
        problems += checks.check_tools(tools, fw_ids, shared_ids, today)
    statuses = {item.obj.id: item.obj.status for item in frameworks if item.obj}
    problems += checks.check_ids(migrations)
    for item in migrations:
        if item.obj:
            problems += check_migration(item, statuses, shared_ids, today)
    observed = _load_dir(data_dir / OBSERVED_DIR, Observed, data_dir, problems)
    for item in observed:
        if item.obj:
            problems += checks.check_observed(item, {i.obj.id: i.obj for i in frameworks if i.obj})
    if recommendations and recommendations.obj:
        by_id = {item.obj.id if item.obj else FsPath(item.file).stem: item.obj for item in frameworks}
        problems += checks.check_recommendations(recommendations, by_id, shared_ids, today)
    example_views: list[ExampleView] = []
    examples = _load_optional(data_dir / EXAMPLES_FILE, ExampleList, data_dir, problems)
    if examples:
        example_runs = _load_optional(data_dir / RUNS_FILE, RecordedRuns, data_dir, problems)
        if examples.obj:
            found, example_views = check_examples(examples, example_runs, fw_ids, data_dir)
            problems += found
    if problems:
        raise CatalogError(problems)
    seen = {item.obj.id: item.obj for item in observed}
    for item in frameworks:
        # Frozen models still take private attributes: the human record itself is not changed.
        item.obj._observed = seen.get(item.obj.id)
    return Catalog(
        frameworks={i.obj.id: i.obj for i in sorted(frameworks, key=lambda i: i.obj.name.lower())},
        comparisons={i.obj.id: i.obj for i in sorted(comparisons, key=lambda i: i.obj.id)},
        glossary=glossary.obj if glossary else None,
        shared_sources=shared.obj if shared else None,
        files={i.obj.id: i.file for i in frameworks},
        tools=tools.obj if tools else None,
        migrations={i.obj.id: i.obj for i in sorted(migrations, key=lambda i: i.obj.id)},
        migration_files={i.obj.id: i.file for i in migrations},
        observed=dict(sorted(seen.items())),
        recommendations=recommendations.obj if recommendations else None,
        data_dir=data_dir,
        examples=example_views,
        example_task=examples.obj.task_ko if examples else None,
    )


def _load_dir(directory: FsPath, cls: type[M], data_dir: FsPath, problems: list[Problem]) -> list[Loaded]:
    """Load every `*.yaml` in `directory`; any other file name is reported, never skipped."""
    loaded: list[Loaded] = []
    if not directory.is_dir():
        return loaded
    for path in sorted(directory.iterdir()):
        rel = path.relative_to(data_dir.parent).as_posix()
        if path.name.startswith("."):
            continue  # editor swap and lock files (.x.yaml.swp, .#x.yaml) come and go while typing
        if path.suffix != ".yaml":
            problems.append(
                Problem(rel, None, "", "이 폴더에는 .yaml 파일만 둘 수 있습니다", repr(path.name), f"{path.stem}.yaml처럼 .yaml로 끝나는 이름")
            )
            continue
        loaded.append(_load_file(path, cls, data_dir, problems))
    return loaded


def _load_optional(path: FsPath, cls: type[M], data_dir: FsPath, problems: list[Problem]) -> Loaded | None:
    if not path.exists() and not path.is_symlink():
        return None
    return _load_file(path, cls, data_dir, problems)


# A real file is a few tens of kilobytes; this stops a pasted dump before it is parsed.
MAX_FILE_BYTES = 1_000_000


def read_data_file(path: FsPath, rel: str, data_dir: FsPath) -> bytes | Problem:
    """The bytes of a regular file inside the data folder, or the one problem that stops it.
    Nothing outside the folder is ever read, so nothing outside can be echoed in a report."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(data_dir.resolve()):
            return Problem(rel, None, "", "데이터 폴더 밖을 가리키는 심볼릭 링크입니다", None, "data/ 안의 일반 파일")
        if not target.exists():
            return Problem(rel, None, "", "가리키는 파일이 없는 심볼릭 링크입니다", None, "data/ 안의 일반 파일")
    if path.is_dir():
        return Problem(rel, None, "", "파일이 아니라 폴더입니다", None, "YAML 파일")
    if not path.is_file():
        return Problem(rel, None, "", "일반 파일이 아닙니다 (파이프나 장치 파일)", None, "YAML 파일")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(rel, None, "", f"파일이 너무 큽니다 ({size:,}바이트)", None, f"{MAX_FILE_BYTES:,}바이트 이하")
        return path.read_bytes()
    except OSError:
        return Problem(rel, None, "", "파일을 읽을 수 없습니다 (권한을 확인하세요)", None, "읽을 수 있는 파일")


@functools.lru_cache(maxsize=128)  # the data folder holds about 60 files
def _parsed(raw: bytes, rel: str) -> tuple[Document, tuple[Problem, ...]]:
    """`load_text`, once per file text: under `mkdocs serve` the core's modules stay loaded
    between rebuilds while its code is unchanged, so only the file just saved is parsed again."""
    doc, found = load_text(raw, rel)
    return doc, tuple(found)


def _load_file(path: FsPath, cls: type[M], data_dir: FsPath, problems: list[Problem]) -> Loaded:
    """Parse and validate one file; its problems go to `problems`, and `obj` stays None then."""
    rel = path.relative_to(data_dir.parent).as_posix()
    raw = read_data_file(path, rel, data_dir)
    if isinstance(raw, Problem):
        problems.append(raw)
        return Loaded(rel, Document(None))
    doc, found = _parsed(raw, rel)
    problems += found
    item = Loaded(rel, doc)
    if doc.data is None or found:
        return item
    if not isinstance(doc.data, dict):
        kind = "목록" if isinstance(doc.data, list) else "값 하나"
        problems.append(Problem(rel, doc.line_of(()), "", f"파일 최상위가 {kind}입니다", short(doc.data), "‘키: 값’ 형식의 매핑"))
        return item
    try:
        obj = cls.model_validate(doc.data)
    except ValidationError as err:
        problems += translate_all([dict(e) for e in err.errors()], doc, rel, cls)
        return item
    broken = broken_rules(obj)
    problems += [item.problem(b.path, b.message, None if b.value is None else short(b.value), b.expected) for b in broken]
    item.obj = obj  # the checks across files still run: every problem in one round
    return item
