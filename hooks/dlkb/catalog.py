"""Load every data file, validate each against its model and all of them against each other.

Nothing stops at the first mistake: every file is read, every problem collected, and only then
one `CatalogError` lists them all, so a contributor fixes everything in one round.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Iterator, TypeVar

from pydantic import BaseModel, ValidationError


from dlkb.model import Comparison, Framework, Glossary, RuleError, Source, SourceList, model_in
from dlkb.problems import CatalogError, Problem
from dlkb.yamlload import Document, Path, dotted, load_text

M = TypeVar("M", bound=BaseModel)

FRAMEWORKS_DIR = "frameworks"
COMPARISONS_DIR = "comparisons"


@dataclass(frozen=True)
class Catalog:
    """Everything the site is made from, validated."""

    frameworks: dict[str, Framework]
    comparisons: dict[str, Comparison]
    glossary: Glossary | None
    shared_sources: SourceList | None
    files: dict[str, str] = field(default_factory=dict)  # id -> path relative to the project

    def source(self, fw_or_cmp: Framework | Comparison | Glossary, source_id: str) -> Source:
        """Resolve a cited source id: the record's own list first, then the shared list."""
        for src in fw_or_cmp.sources:
            if src.id == source_id:
                return src
        for src in self.shared_sources.sources if self.shared_sources else []:
            if src.id == source_id:
                return src
        raise KeyError(source_id)


@dataclass
class _Loaded:
    file: str
    doc: Document
    obj: Any


def load_catalog(data_dir: FsPath, today: dt.date | None = None) -> Catalog:
    """Read and validate `data_dir`; raise `CatalogError` listing every problem."""
    today = today or dt.date.today()
    root = data_dir.parent
    problems: list[Problem] = []

    shared = _load_optional(data_dir / "sources.yaml", SourceList, root, problems)
    glossary = _load_optional(data_dir / "glossary.yaml", Glossary, root, problems)
    frameworks = _load_dir(data_dir / FRAMEWORKS_DIR, Framework, root, problems)
    comparisons = _load_dir(data_dir / COMPARISONS_DIR, Comparison, root, problems)
    if not frameworks and not any(p.file.startswith(f"{data_dir.name}/{FRAMEWORKS_DIR}") for p in problems):
        problems.append(Problem(f"{data_dir.name}/{FRAMEWORKS_DIR}", None, "", "프레임워크 레코드가 하나도 없습니다", None, "<id>.yaml 파일 하나 이상"))

    shared_ids = {s.id for s in shared.obj.sources} if shared and shared.obj else set()
    problems += _check_ids(frameworks + comparisons)
    # A record that failed its own checks is still there: do not report every reference to it.
    fw_ids = {item.obj.id if item.obj else FsPath(item.file).stem for item in frameworks}
    for item in frameworks:
        if item.obj:
            problems += _check_framework(item, fw_ids, shared_ids, today)
    for item in comparisons:
        if item.obj:
            problems += _check_comparison(item, fw_ids, shared_ids, today)
    if glossary and glossary.obj:
        problems += _check_glossary(glossary, fw_ids, shared_ids, today)
    if problems:
        raise CatalogError(problems)
    return Catalog(
        frameworks={i.obj.id: i.obj for i in sorted(frameworks, key=lambda i: i.obj.name.lower())},
        comparisons={i.obj.id: i.obj for i in sorted(comparisons, key=lambda i: i.obj.id)},
        glossary=glossary.obj if glossary else None,
        shared_sources=shared.obj if shared else None,
        files={i.obj.id: i.file for i in frameworks},
    )


def _load_dir(directory: FsPath, cls: type[M], root: FsPath, problems: list[Problem]) -> list[_Loaded]:
    """Load every `*.yaml` in `directory`; any other file name is reported, never skipped."""
    loaded: list[_Loaded] = []
    if not directory.is_dir():
        return loaded
    for path in sorted(directory.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith("."):
            continue  # editor swap and lock files (.x.yaml.swp, .#x.yaml) come and go while typing
        if path.is_dir() or path.suffix != ".yaml":
            problems.append(
                Problem(rel, None, "", "이 폴더에는 .yaml 파일만 둘 수 있습니다", repr(path.name), f"{path.stem}.yaml 처럼 .yaml 로 끝나는 이름")
            )
            continue
        item = _load_file(path, cls, rel, problems)
        if item:
            loaded.append(item)
    return loaded


def _load_optional(path: FsPath, cls: type[M], root: FsPath, problems: list[Problem]) -> _Loaded | None:
    return _load_file(path, cls, path.relative_to(root).as_posix(), problems) if path.exists() else None


def _load_file(path: FsPath, cls: type[M], rel: str, problems: list[Problem]) -> _Loaded | None:
    """Parse and model-validate one file; problems go to `problems`, the object may be None."""
    doc, found = load_text(path.read_bytes(), rel)
    problems += found
    if doc.data is None:
        return None
    if not isinstance(doc.data, dict):
        kind = "목록" if isinstance(doc.data, list) else "값 하나"
        problems.append(Problem(rel, doc.line_of(()), "", f"파일 최상위가 {kind}입니다", _short(doc.data), "키: 값 으로 된 매핑"))
        return None
    if found:
        return _Loaded(rel, doc, None)
    try:
        obj = cls.model_validate(doc.data)
    except ValidationError as err:
        problems += [_translate(e, doc, rel, cls) for e in err.errors()]
        return _Loaded(rel, doc, None)
    return _Loaded(rel, doc, obj)


# --- pydantic errors in Korean -------------------------------------------------------------

_MESSAGES: dict[str, tuple[str, str | None]] = {
    "missing": ("필수 항목이 없습니다", None),
    "string_type": ("문자열이어야 합니다", "따옴표로 감싼 글자"),
    "int_type": ("정수여야 합니다", None),
    "int_parsing": ("정수여야 합니다", None),
    "bool_type": ("true 또는 false 여야 합니다", "true / false"),
    "bool_parsing": ("true 또는 false 여야 합니다", "true / false"),
    "list_type": ("목록이어야 합니다", "- 로 시작하는 줄들 또는 [a, b]"),
    "dict_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "model_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "model_attributes_type": ("매핑(키: 값)이어야 합니다", "키: 값"),
    "date_type": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_parsing": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_from_datetime_parsing": ("날짜여야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "date_from_datetime_inexact": ("시각 없이 날짜만 적어야 합니다", "YYYY-MM-DD (예: 2016-10-01)"),
    "string_pattern_mismatch": ("형식이 맞지 않습니다", "소문자, 숫자, - 로 된 id (예: pytorch)"),
    "string_too_short": ("비어 있으면 안 됩니다", "내용이 있는 글"),
    "string_too_long": ("너무 깁니다", None),
}

def _model_at(cls: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (list indexes are stepped over)."""
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = cls.model_fields.get(part)
        found = model_in(field_info.annotation) if field_info else None
        if found is None:
            return None
        cls = found
    return cls


def _data_at(data: Any, loc: Path) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _translate(error: dict[str, Any], doc: Document, file: str, root: type[BaseModel]) -> Problem:
    """One pydantic error -> one Korean problem with the line of the offending field."""
    loc: Path = tuple(p for p in error["loc"] if isinstance(p, int) or not _is_internal(p))
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    shown = None if kind == "missing" else _short(value)
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        present = _data_at(doc.data, loc[:-1])
        unused = [name for name in allowed if not isinstance(present, dict) or name not in present]
        close = difflib.get_close_matches(str(loc[-1]), unused, n=1, cutoff=0.5)
        expected = f"혹시 '{close[0]}'? 쓸 수 있는 항목: {', '.join(allowed)}" if close else f"쓸 수 있는 항목: {', '.join(allowed)}"
        return Problem(file, doc.line_of(loc), dotted(loc), "알 수 없는 항목입니다", None, expected)
    if kind == "literal_error":
        options = str(ctx.get("expected")).replace(" or ", ", ")
        return Problem(file, doc.line_of(loc), dotted(loc), "허용되지 않는 값입니다", shown, f"다음 중 하나: {options}")
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        message = f"항목이 적어도 {limit}개 있어야 합니다" if kind == "too_short" else f"항목은 많아야 {limit}개입니다"
        return Problem(file, doc.line_of(loc), dotted(loc), message, shown, None)
    if kind == "value_error":
        cause = ctx.get("error")
        if isinstance(cause, RuleError):  # a rule across fields points at the field to fix
            shown = _short(value[cause.field]) if isinstance(value, dict) and value.get(cause.field) is not None else None
            loc = loc + (cause.field,)
        return Problem(file, doc.line_of(loc), dotted(loc), str(cause), shown, None)
    message, expected = _MESSAGES.get(kind, (f"값이 올바르지 않습니다 ({error['msg']})", None))
    if kind == "missing":
        parent = _model_at(root, loc[:-1])
        field_info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
        expected = (field_info.description if field_info else None) or expected
    return Problem(file, doc.line_of(loc), dotted(loc), message, shown, expected)


def _is_internal(part: str) -> bool:
    """pydantic adds union branch names and validator names to error locations."""
    return "[" in part or part in {"int", "date", "str", "list", "dict"}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


# --- cross-record checks ---------------------------------------------------------------------

def _check_ids(items: list[_Loaded]) -> list[Problem]:
    """id equals the file stem; no two files share an id."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for item in items:
        if not item.obj:
            continue
        stem = FsPath(item.file).stem
        if item.obj.id != stem:
            problems.append(Problem(item.file, item.doc.line_of(("id",)), "id", "id가 파일 이름과 다릅니다", repr(item.obj.id), f"'{stem}' (또는 파일 이름을 {item.obj.id}.yaml 로)"))
        if item.obj.id in seen:
            problems.append(Problem(item.file, item.doc.line_of(("id",)), "id", "다른 파일과 id가 겹칩니다", repr(item.obj.id), f"고유한 id ({seen[item.obj.id]} 에서 이미 씀)"))
        seen.setdefault(item.obj.id, item.file)
    return problems


def _walk(obj: Any, path: Path = ()) -> Iterator[tuple[Path, str, Any]]:
    """Every (path, field name, value) inside a model, depth first."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            yield path + (name,), name, value
            yield from _walk(value, path + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from _walk(value, path + (i,))


def _check_sources_and_dates(item: _Loaded, shared_ids: set[str], today: dt.date) -> list[Problem]:
    """Cited source ids are defined (in the file or data/sources.yaml), own ids are unique,
    and no date or year lies in the future. One walk over the record does both."""
    problems: list[Problem] = []
    own: set[str] = set()
    for i, src in enumerate(item.obj.sources):
        if src.id in own:
            problems.append(Problem(item.file, item.doc.line_of(("sources", i, "id")), f"sources[{i}].id", "출처 id가 두 번 정의되었습니다", repr(src.id), "고유한 출처 id"))
        own.add(src.id)
    known = own | shared_ids
    for path, name, value in _walk(item.obj):
        if name.endswith("sources") and path[0] != "sources" and isinstance(value, list):
            for i, ref in enumerate(value):
                if ref not in known:
                    problems.append(Problem(item.file, item.doc.line_of(path + (i,)), dotted(path + (i,)), "정의되지 않은 출처 id입니다", repr(ref), "이 파일의 sources 또는 data/sources.yaml 에 있는 id"))
        elif (isinstance(value, dt.date) and value > today) or (
            isinstance(value, int) and not isinstance(value, bool) and value > today.year
        ):
            problems.append(Problem(item.file, item.doc.line_of(path), dotted(path), "미래의 날짜입니다", repr(str(value)), f"오늘({today.isoformat()}) 이전"))
    return problems


def _before(a: int | dt.date, b: int | dt.date) -> bool:
    """a <= b, comparing by year when either side is only a year."""
    if isinstance(a, int) or isinstance(b, int):
        return (a if isinstance(a, int) else a.year) <= (b if isinstance(b, int) else b.year)
    return a <= b


def _check_framework(item: _Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    fw: Framework = item.obj
    doc, file = item.doc, item.file
    problems = _check_sources_and_dates(item, shared_ids, today)
    refs: list[tuple[Path, str]] = [(("successor",), fw.successor)] if fw.successor else []
    refs += [(("lineage", i, "id"), link.id) for i, link in enumerate(fw.lineage) if link.id]
    for path, ref in refs:
        if ref == fw.id:
            problems.append(Problem(file, doc.line_of(path), dotted(path), "자기 자신을 가리킵니다", repr(ref), "다른 프레임워크의 id"))
        elif ref not in fw_ids:
            problems.append(Problem(file, doc.line_of(path), dotted(path), "없는 프레임워크를 가리킵니다", repr(ref), f"data/frameworks/ 에 있는 id ({', '.join(sorted(fw_ids))})"))
    order = [
        (("latest_release", "date"), fw.latest_release.date, "first_release", fw.first_release),
        (("status_since",), fw.status_since, "first_release", fw.first_release),
        (("last_verified",), fw.last_verified, "latest_release.date", fw.latest_release.date),
    ]
    for i, claim in enumerate(fw.pros + fw.cons):
        group, index = ("pros", i) if i < len(fw.pros) else ("cons", i - len(fw.pros))
        if claim.correction:
            order.append(((group, index, "correction", "as_of"), claim.correction.as_of, f"{group}[{index}].as_of", claim.as_of))
    for path, later, earlier_name, earlier in order:
        if later is not None and earlier is not None and not _before(earlier, later):
            problems.append(Problem(file, doc.line_of(path), dotted(path), f"{earlier_name}보다 앞선 날짜입니다", repr(str(later)), f"{earlier_name}({earlier}) 이후"))
    return problems


def _check_comparison(item: _Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    cmp: Comparison = item.obj
    doc, file = item.doc, item.file
    problems = _check_sources_and_dates(item, shared_ids, today)
    refs: list[tuple[Path, str]] = [(("frameworks", i), ref) for i, ref in enumerate(cmp.frameworks)]
    for a, aspect in enumerate(cmp.aspects):
        refs += [(("aspects", a, "values", key), key) for key in aspect.values]
    for v, verdict in enumerate(cmp.verdicts):
        refs += [(("verdicts", v, "pick", i), ref) for i, ref in enumerate(verdict.pick)]
    for path, ref in refs:
        # A verdict may point past the pair ("neither: use PyTorch"); a column may not.
        allowed = set(cmp.frameworks) if path[0] == "aspects" else fw_ids
        if ref not in allowed:
            problems.append(Problem(file, doc.line_of(path), dotted(path), "비교 대상이 아닌 프레임워크입니다" if ref in fw_ids else "없는 프레임워크를 가리킵니다", repr(ref), f"다음 중 하나: {', '.join(sorted(allowed))}"))
    return problems


def _check_glossary(item: _Loaded, fw_ids: set[str], shared_ids: set[str], today: dt.date) -> list[Problem]:
    glossary: Glossary = item.obj
    problems = _check_sources_and_dates(item, shared_ids, today)
    seen: set[str] = set()
    for t, term in enumerate(glossary.terms):
        if term.id in seen:
            problems.append(Problem(item.file, item.doc.line_of(("terms", t, "id")), f"terms[{t}].id", "용어 id가 겹칩니다", repr(term.id), "고유한 id"))
        seen.add(term.id)
        for i, ref in enumerate(term.frameworks):
            if ref not in fw_ids:
                path = ("terms", t, "frameworks", i)
                problems.append(Problem(item.file, item.doc.line_of(path), dotted(path), "없는 프레임워크를 가리킵니다", repr(ref), "data/frameworks/ 에 있는 id"))
    return problems
