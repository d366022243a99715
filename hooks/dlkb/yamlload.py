"""A safe YAML reader that keeps line numbers and refuses what hand-edited data should not hold.

PyYAML's `safe_load` silently keeps the last of two duplicate keys, forgets where each value
came from and reads `no` as False (YAML 1.1). This reader composes the node tree with a safe
loader and builds plain Python values itself, so that it can report duplicates with their
line, record the line of every field path, reject every tag it does not know (object tags
never run) and stop alias bombs before they expand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from dlkb.problems import Problem

Path = tuple[str | int, ...]

# Far above any real record (a full record has a few hundred nodes); an alias bomb passes it
# within microseconds, so the walk stops long before memory or time grow.
MAX_NODES = 20_000

_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


# libyaml's parser when PyYAML was built with it (the PyPI wheels are): about ten times faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2 booleans: only true/false, so `no` and `yes` stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass
class Document:
    """A parsed file: its data (None when unreadable) and the line of every field path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return None


@dataclass
class Loaded:
    """One data file: where it is, its parsed document, and its model (None if it failed)."""

    file: str
    doc: Document
    obj: Any = None

    def problem(self, path: Path, message: str, value: str | None = None, expected: str | None = None) -> Problem:
        """A problem at `path` in this file, with the line the path starts on."""
        return Problem(self.file, self.doc.line_of(path), dotted(path), message, value, expected)


class _Stop(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def load_text(raw: bytes, file: str) -> tuple[Document, list[Problem]]:
    """Parse `raw` bytes of a YAML file; return the document and the problems found."""
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Windows editors is fine
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start : err.start + 4]
        return Document(None), [
            Problem(file, line, "", "UTF-8로 읽을 수 없는 바이트가 있습니다", repr(bad), "UTF-8로 저장한 파일")
        ]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return Document(None), [Problem(file, None, "", "파일이 비어 있습니다", None, "프레임워크 레코드(매핑)")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        return Document(None), [_syntax_problem(err, text, file)]
    except yaml.YAMLError as err:
        return Document(None), [Problem(file, None, "", f"YAML 문법 오류입니다: {err}", None, None)]
    finally:
        loader.dispose()
    doc = Document(None)
    builder = _Builder(loader, doc, file)
    try:
        doc.data = builder.build(node, ())
    except _Stop as stop:
        return Document(None), [stop.problem]
    return doc, builder.problems


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """Turn PyYAML's English parser error into a Korean one that points at the line."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    source_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    if "\t" in (err.problem or "") or ("\t" in source_line[: (mark.column + 1 if mark else 0)]):
        return Problem(file, line, "", "탭 문자로 들여쓸 수 없습니다", repr(source_line.strip()), "공백(스페이스)으로 들여쓰기")
    detail = (err.problem or "").strip()
    message = "YAML 문법 오류입니다"
    context = err.context_mark
    if context is not None and line is not None and context.line + 1 != line:
        message += f" ({context.line + 1}행에서 시작한 부분을 확인하세요)"  # e.g. an unclosed [ list
    return Problem(file, line, "", message, repr(source_line.strip()), _korean_syntax_hint(detail))


# The same mistakes, worded alike by PyYAML's Python parser and by libyaml.
_SYNTAX_HINTS = [
    ("',' or ']'", "목록을 닫는 ']' 또는 항목 사이의 ','"),
    ("',' or '}'", "매핑을 닫는 '}' 또는 항목 사이의 ','"),
    ("expected ':'", "키 뒤의 ':'"),
    ("mapping values are not allowed", "한 줄에 '키: 값' 하나 (값에 ': '가 있으면 따옴표로 감싸기)"),
    ("expected <block end>", "같은 단계의 항목은 같은 들여쓰기"),
    ("did not find expected key", "같은 단계의 항목은 같은 들여쓰기"),
    ("did not find expected '-'", "같은 단계의 목록 항목은 같은 들여쓰기"),
    ("end of stream", "닫히지 않은 따옴표나 괄호 닫기"),
]


def _korean_syntax_hint(detail: str) -> str:
    for needle, hint in _SYNTAX_HINTS:
        if needle in detail:
            return hint
    return f"올바른 YAML (파서: {detail})"


class _Builder:
    """Walks composed nodes into dicts, lists and scalars, noting lines and problems."""

    def __init__(self, loader: _Loader, doc: Document, file: str):
        self.loader = loader
        self.doc = doc
        self.file = file
        self.problems: list[Problem] = []
        self.visited = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _Stop(
                Problem(self.file, node.start_mark.line + 1, dotted(path),
                        "별칭(alias)을 펼치면 값이 지나치게 많아집니다", None,
                        f"값 {MAX_NODES:,}개 이하의 평범한 레코드 (앵커·별칭 남용 금지)")
            )
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq", path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        self._check_tag(node, "tag:yaml.org,2002:map", path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                self.problems.append(Problem(self.file, line, dotted(path), "키는 문자열이어야 합니다", repr(key), "field_name: 값"))
                continue
            if key in result:
                first = self.doc.lines.get(path + (key,))
                self.problems.append(
                    Problem(self.file, line, dotted(path + (key,)), "같은 키가 두 번 나옵니다", repr(key),
                            f"키마다 한 번 (처음 나온 곳: {first}행)")
                )
                continue
            self.doc.lines[path + (key,)] = line
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag not in _SAFE_SCALAR_TAGS:
            raise _Stop(
                Problem(self.file, node.start_mark.line + 1, dotted(path), "YAML 태그는 쓸 수 없습니다",
                        repr(node.tag), "태그 없는 평범한 값 (문자열, 숫자, 날짜, 목록, 매핑)")
            )
        if node.tag == "tag:yaml.org,2002:str":
            return node.value  # most values are text: skip the constructor's bookkeeping
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as err:
            message, expected = _korean_value_error(err)
            self.problems.append(Problem(self.file, node.start_mark.line + 1, dotted(path), message, repr(node.value), expected))
            return None
        return value  # a datetime passes through: the model says a date is wanted

    def _check_tag(self, node: yaml.Node, expected: str, path: Path) -> None:
        if node.tag != expected:
            raise _Stop(
                Problem(self.file, node.start_mark.line + 1, dotted(path), "YAML 태그는 쓸 수 없습니다",
                        repr(node.tag), "태그 없는 평범한 값 (문자열, 숫자, 날짜, 목록, 매핑)")
            )


def _korean_value_error(err: Exception) -> tuple[str, str]:
    """(message, expected) for a scalar PyYAML could not build, usually an impossible date."""
    text = str(err)
    if "day is out of range" in text or "month must be" in text:
        return "존재하지 않는 날짜입니다", "달력에 있는 날짜 (예: 2016-10-01)"
    return "읽을 수 없는 값입니다", f"올바른 값 ({text})"


def dotted(path: Path) -> str:
    """('pros', 2, 'text_ko') -> 'pros[2].text_ko'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


