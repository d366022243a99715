"""Invalid records as data: tests/cases/invalid.yaml, each case a valid base record plus one change.

The base is tests/fixtures/valid/data/frameworks/alpha.yaml. A case's change is applied to the
base's text, not to re-dumped data, so every other line, comment and quote stays where it was
and the line numbers in the expected messages point at the line a contributor would edit.
Cases that need bytes no edit of the base can give (an alias bomb, an empty file, a list at the
top, an object tag) name a file under tests/cases/raw/ instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from conftest import FIXTURES, ROOT
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

CASES_DIR = ROOT / "tests" / "cases"
CASES_FILE = CASES_DIR / "invalid.yaml"
RAW_DIR = CASES_DIR / "raw"
BASE = FIXTURES / "valid" / "data" / "frameworks" / "alpha.yaml"

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Case:
    """One invalid record: where it goes, how it is made, and every message it must produce."""

    name: str
    file: str  # its name under data/frameworks/
    expect: list[str]
    build: str  # cases with the same build label share one strict build in test_build.py
    raw: str | None = None
    replace: list[tuple[str, str]] = field(default_factory=list)
    delete: list[KeyPath] = field(default_factory=list)
    set: list[tuple[KeyPath, str]] = field(default_factory=list)  # key path, YAML text of the value
    encoding: str = "utf-8"

    def content(self) -> bytes:
        if self.raw:
            return (RAW_DIR / self.raw).read_bytes()
        text = BASE.read_text(encoding="utf-8")
        if not any(path == ("id",) for path, _ in self.set):
            text = set_value(text, ("id",), self.file.rsplit(".", 1)[0])  # the id must match the file name
        for old, new in self.replace:
            assert text.count(old) == 1, f"{self.name}: '{old}' 가 기준 레코드에 정확히 한 번 있어야 합니다"
            text = text.replace(old, new)
        for path in self.delete:
            text = delete_key(text, path)
        for path, value in self.set:
            text = set_value(text, path, value)
        return text.encode(self.encoding)


def parse_path(dotted: str) -> KeyPath:
    """'pros[0].sources' -> ('pros', 0, 'sources')."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", dotted):
        parts.append(int(index) if index else name)
    return tuple(parts)


def load_cases() -> list[Case]:
    """Read the cases file; a `set` value is kept as the exact YAML text written there."""
    text = CASES_FILE.read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, SequenceNode)
    cases = []
    for node in root.value:
        fields = {key.value: value for key, value in node.value}
        plain = {k: yaml.SafeLoader("").construct_document(v) for k, v in fields.items() if k != "set"}
        sets = [(parse_path(k.value), _source(text, v)) for k, v in fields["set"].value] if "set" in fields else []
        cases.append(Case(
            name=plain["name"], file=plain.get("file", plain["name"] + ".yaml"), expect=plain["expect"],
            build=plain.get("build", "per-file"), raw=plain.get("raw"),
            replace=[(old, new) for old, new in plain.get("replace", [])],
            delete=[parse_path(p) for p in plain.get("delete", [])], set=sets,
            encoding=plain.get("encoding", "utf-8"),
        ))
    return cases


def _source(text: str, node: Node) -> str:
    snippet = text[node.start_mark.index:node.end_mark.index].strip()
    assert "\n" not in snippet, f"{snippet!r}: set 의 값은 한 줄(흐름 스타일)로 씁니다"
    return snippet


# --- edits on the text of a YAML file ------------------------------------------------------

def _end(text: str, node: Node) -> int:
    """Where the node's own text ends (a block collection's end mark runs into the next line)."""
    start = node.start_mark.index
    return start + len(text[start:node.end_mark.index].rstrip())


def _walk(root: Node, path: KeyPath) -> Node:
    node = root
    for part in path:
        node = _child(node, part)[1]
    return node


def _child(node: Node, part: str | int) -> tuple[Node | None, Node]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key, value
    elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    raise KeyError(part)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def set_value(text: str, path: KeyPath, value: str) -> str:
    """Replace the value at `path` with the YAML text `value`, or add it as a new last entry."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    parent = _walk(root, path[:-1])
    try:
        key, old = _child(parent, path[-1])
    except KeyError:
        return _insert(text, parent, path[-1], value)
    if isinstance(old, ScalarNode) or old.flow_style or key is None:
        return text[:old.start_mark.index] + value + text[_end(text, old):]
    return text[:key.end_mark.index] + ": " + value + text[_end(text, old):]  # a block value becomes one line


def _insert(text: str, parent: Node, part: str | int, value: str) -> str:
    assert isinstance(parent, (MappingNode, SequenceNode)) and not parent.flow_style and parent.value
    first = parent.value[0][0] if isinstance(parent, MappingNode) else parent.value[0]
    prefix = text[_line_start(text, first.start_mark.index):first.start_mark.index]  # "  " or "  - "
    if isinstance(parent, MappingNode):
        line = f"{prefix}{part}: {value}\n"
    else:
        assert part == len(parent.value) and prefix.strip() == "-", part
        line = f"{prefix}{value}\n"
    at = text.index("\n", _end(text, parent)) + 1
    return text[:at] + line + text[at:]


def delete_key(text: str, path: KeyPath) -> str:
    """Remove the lines of a block mapping entry (key and value)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    key, value = _child(_walk(root, path[:-1]), path[-1])
    assert key is not None
    start = _line_start(text, key.start_mark.index)
    assert text[start:key.start_mark.index].strip() == "", f"{path}: 블록 매핑의 항목만 지울 수 있습니다"
    return text[:start] + text[text.index("\n", _end(text, value)) + 1:]


def edited(text: str, case: dict) -> str:
    """A valid file with a case's mistakes in it: its `delete` keys removed, then its `set` values written."""
    for dotted in case.get("delete", []):
        text = delete_key(text, parse_path(dotted))
    for dotted, value in case.get("set", {}).items():
        text = set_value(text, parse_path(dotted), value)
    return text


CASES = load_cases()
BY_NAME = {case.name: case for case in CASES}
