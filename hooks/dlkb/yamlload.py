"""A safe YAML reader that keeps line numbers and refuses what hand-edited data should not hold.

PyYAML's `safe_load` silently keeps the last of two duplicate keys, forgets where each value
came from and reads `no` as False (YAML 1.1). This reader composes the node tree with a safe
loader and builds plain Python values itself, so that it can report duplicates with their
line, record the line of every field path, reject every tag it does not know (object tags
never run) and stop alias bombs before they expand.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from dlkb.problems import Problem

Path = tuple[str | int, ...]

# Limits far above any real file (a full record has a few hundred values, nested six deep);
# each has its own message. An alias bomb passes MAX_NODES within microseconds, so the walk
# stops long before memory or time grow.
MAX_NODES = 20_000
MAX_DEPTH = 40
MAX_LIST = 1_000
MAX_SCALAR = 20_000
MAX_DIGITS = 18

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
    empty = Problem(file, None, "", "파일이 비어 있습니다", None, "키: 값으로 적은 내용 (주석만 있거나 null이면 빈 파일입니다)")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        return Document(None), [empty]
    lines = Lines(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        return Document(None), [_syntax_problem(err, text, lines, file)]
    except yaml.reader.ReaderError as err:  # a control character pasted from a terminal
        char = chr(err.character) if isinstance(err.character, int) else str(err.character)
        line = text.count("\n", 0, err.position) + 1
        return Document(None), [Problem(file, line, "", "보이지 않는 제어 문자가 있습니다", repr(char),
                                        "보이는 글자만 (터미널에서 붙여 넣은 제어 문자를 지우세요)")]
    except yaml.YAMLError as err:
        return Document(None), [Problem(file, None, "", "YAML 문법 오류입니다", None, _korean_syntax_hint(str(err)))]
    finally:
        loader.dispose()
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        return Document(None), [empty]  # `~`, `null` or only `---`: nothing would be published
    doc = Document(None)
    builder = _Builder(loader, doc, file, lines)
    try:
        doc.data = builder.build(node, ())
    except _Stop as stop:
        return Document(None), [stop.problem]
    return doc, builder.problems


class Lines:
    """Line numbers as editors count them. PyYAML also ends a line at U+2028, U+2029 and U+0085,
    which would shift every line number after one of them; its line numbers are mapped back."""

    _YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
    _EDITOR_BREAK = re.compile("\r\n|[\n\r]")

    def __init__(self, text: str):
        self.text = text
        editor_starts = [0] + [m.end() for m in self._EDITOR_BREAK.finditer(text)]
        yaml_starts = [0] + [m.end() for m in self._YAML_BREAK.finditer(text)]
        self.editor_starts = editor_starts
        # for each line PyYAML counts, the editor's line it starts on (1-based)
        self.by_yaml_line = [bisect.bisect_right(editor_starts, start) for start in yaml_starts]

    def of(self, mark: yaml.Mark) -> int:
        return self.by_yaml_line[min(mark.line, len(self.by_yaml_line) - 1)]

    def source(self, line: int) -> str:
        start = self.editor_starts[line - 1] if 0 < line <= len(self.editor_starts) else len(self.text)
        match = self._EDITOR_BREAK.search(self.text, start)
        return self.text[start : match.start() if match else len(self.text)]


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, lines: Lines, file: str) -> Problem:
    """Turn PyYAML's English parser error into a Korean one that points at the line."""
    mark = err.problem_mark or err.context_mark
    line = lines.of(mark) if mark else None
    source_line = lines.source(line) if line else ""
    if "\t" in (err.problem or "") or ("\t" in source_line[: (mark.column + 1 if mark else 0)]):
        return Problem(file, line, "", "탭 문자로 들여쓸 수 없습니다", repr(source_line.strip()), "공백(스페이스)으로 들여쓰기")
    detail = (err.problem or "").strip()
    message = "YAML 문법 오류입니다"
    context = err.context_mark
    if context is not None and line is not None and lines.of(context) != line:
        message += f" ({lines.of(context)}행에서 시작한 부분을 확인하세요)"  # e.g. an unclosed [ list
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

    def __init__(self, loader: _Loader, doc: Document, file: str, lines: Lines):
        self.loader = loader
        self.doc = doc
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []
        self.built: set[int] = set()  # nodes built once; building one again follows an alias
        self.open: set[int] = set()  # nodes being built now: meeting one again is a loop
        self.visited = 0
        self.repeated = 0

    def line(self, node: yaml.Node) -> int:
        return self.lines.of(node.start_mark)

    def stop(self, node: yaml.Node, path: Path, message: str, expected: str, value: str | None = None) -> _Stop:
        return _Stop(Problem(self.file, self.line(node), dotted(path), message, value, expected))

    def build(self, node: yaml.Node, path: Path) -> Any:
        key = id(node)
        if key in self.open:
            raise self.stop(node, path, "별칭(alias)이 자기 자신을 담고 있습니다", "스스로를 가리키지 않는 값 (앵커·별칭 없이 적기)")
        self.visited += 1
        self.repeated += key in self.built
        if self.visited > MAX_NODES and self.repeated * 2 > self.visited:  # mostly values seen before
            raise self.stop(node, path, "별칭(alias)을 펼치면 값이 지나치게 많아집니다",
                            f"값 {MAX_NODES:,}개 이하의 평범한 파일 (앵커·별칭 남용 금지)")
        if self.visited > MAX_NODES:
            raise self.stop(node, path, "값이 지나치게 많습니다", f"값 {MAX_NODES:,}개 이하의 파일")
        if len(path) > MAX_DEPTH:
            raise self.stop(node, path, "너무 깊게 중첩되었습니다", f"{MAX_DEPTH}단계 이하의 중첩")
        self.built.add(key)
        self.doc.lines.setdefault(path, self.line(node))
        self.open.add(key)
        try:
            return self._node(node, path)
        finally:
            self.open.discard(key)

    def _node(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq", path)
            if len(node.value) > MAX_LIST:
                raise self.stop(node, path, f"목록이 너무 깁니다 (항목 {len(node.value):,}개)", f"항목 {MAX_LIST:,}개 이하")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        self._check_tag(node, "tag:yaml.org,2002:map", path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.stop(key_node, path, "병합 키(<<)는 쓸 수 없습니다", "항목을 직접 적기 (앵커와 병합 없이)")
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            line = self.line(key_node)
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
            raise self.stop(node, path, "YAML 태그는 쓸 수 없습니다", "태그 없는 평범한 값 (문자열, 숫자, 날짜, 목록, 매핑)", repr(node.tag))
        if len(node.value) > MAX_SCALAR:
            raise self.stop(node, path, f"값이 너무 깁니다 ({len(node.value):,}자)", f"{MAX_SCALAR:,}자 이하")
        if node.tag == "tag:yaml.org,2002:str":
            self._check_cut_prose(node, path)
            return node.value  # most values are text: skip the constructor's bookkeeping
        digits = sum(ch.isdigit() for ch in node.value)
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and digits > MAX_DIGITS:
            self.problems.append(Problem(self.file, self.line(node), dotted(path), f"숫자가 너무 깁니다 ({digits:,}자리)",
                                         None, f"{MAX_DIGITS}자리 이하의 숫자 (버전이라면 따옴표로 감싼 글)"))
            return None
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as err:
            message, expected = _korean_value_error(err)
            self.problems.append(Problem(self.file, self.line(node), dotted(path), message, repr(node.value), expected))
            return None
        return value  # a datetime passes through: the model says a date is wanted

    def _check_cut_prose(self, node: yaml.ScalarNode, path: Path) -> None:
        """Korean prose written without quotes ends at " #": YAML reads the rest of the line as a
        comment, and the page silently shows half a sentence ("… OpenCV 5에서는 PR"). Prose never
        carries a comment, so one right after it is reported (a name may: the skeleton's name_ko)."""
        field = path[-1] if path and isinstance(path[-1], str) else ""
        if node.style not in (None, "") or not field.endswith("_ko") or field == "name_ko":  # "" from the C loader
            return
        rest = self.lines.text[node.end_mark.index:].split("\n", 1)[0]
        if re.match(r"[ \t]+#", rest):
            cut = rest.strip()
            self.problems.append(Problem(self.file, self.lines.of(node.end_mark), dotted(path),
                                         "따옴표 없는 글 안의 ' #'부터 줄 끝까지는 주석으로 읽혀 페이지에 나오지 않습니다",
                                         repr(cut[:60]), "글 전체를 큰따옴표로 감싸기 (예: \"… PR #28678에서 …\")"))

    def _check_tag(self, node: yaml.Node, expected: str, path: Path) -> None:
        if node.tag != expected:
            raise self.stop(node, path, "YAML 태그는 쓸 수 없습니다", "태그 없는 평범한 값 (문자열, 숫자, 날짜, 목록, 매핑)", repr(node.tag))


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


