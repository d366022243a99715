"""One word per concept, particles that fit, no internal words: across all Korean a reader sees.

The word lists come from `data/glossary.yaml` (`words`), the field names from the model, so the
rules are defined once. Each failure names the file and line and says what to write instead.
Scanned: framework and comparison files and the glossary (not `aliases`, which are search words,
nor source titles, which quote others), templates, Korean strings in the core package, the hook
and scripts (not docstrings), the site's JavaScript, README.md, docs/ Markdown, mkdocs.yml and
the theme overrides.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from dlkb import model, vocab
from dlkb.model import Glossary, Wording

HANGUL = re.compile("[가-힣]")
# Particles whose form depends on the word before them: after a value they go through `particle`.
VARYING = "이라는|라는|이라고|라고|으로는|로는|으로서|로서|으로|로|와의|과의|와는|과는|이며|이고|이나|이란|을|를|이|가|은|는|와|과"
PARTICLE = VARYING + "|에서는|에서|에는|에게|에|의|도|만|까지|부터|처럼|보다|마다|나|며|고|란|이에요|입니다|이다|뿐"
# Code (`x`) or a Latin word, a version or a path, then a space, then a particle.
SPACED = re.compile(rf"(`[^`\n]+`|[A-Za-z0-9/][A-Za-z0-9_.+\-/:%<>]*[A-Za-z0-9_/%]|[A-Za-z0-9]) ({PARTICLE})(?![가-힣])")
# `{{ x }}를`, `{x} 를`, `${x}와`: a particle hard-coded after a value. `{{ repo }}` is a fixed link text.
AFTER_VALUE = re.compile(rf"(\{{\{{(?! repo \}}\}})[^{{}}]*\}}\}}|\$?\{{[^{{}}]*\}})( ?)({PARTICLE})(?![가-힣])")
AFTER_VALUE_VARYING = re.compile(rf"^({VARYING})$")
CODE = re.compile(r"`[^`\n]*`|<code>.*?</code>|<[^>]*>|\{\{.*?\}\}|\{%.*?%\}")


@dataclass(frozen=True)
class Text:
    """One line of reader-facing Korean and where it is written."""

    file: str
    line: int
    text: str
    prose: bool = False  # a framework, comparison or glossary text: no field names at all
    tool: bool = False  # a message of `dlkb` or the YAML skeleton: names the fields it is about
    defines_words: bool = False  # the term list itself names the rejected variants


def glossary() -> Glossary:
    return Glossary.model_validate(yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8")))


WORDS: list[Wording] = glossary().words


def schema_names() -> set[str]:
    """Field names and vocabulary values with an underscore: they are unmistakably the schema's."""
    names = {name for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, model.Strict)
             for name in cls.model_fields}
    names |= {str(v) for cls in vars(vocab).values() if isinstance(cls, type) and issubclass(cls, vocab.Vocab) for v in cls}
    return {n for n in names if "_" in n}


SCHEMA_NAMES = schema_names()
FIELD_NAME = re.compile(r"(?<![\w.-])(" + "|".join(sorted(map(re.escape, SCHEMA_NAMES), key=len, reverse=True)) + r")(?!\w)")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


# --- where reader-facing Korean lives ---------------------------------------------------------

def yaml_texts(path: Path, prose: bool = True) -> Iterator[Text]:
    """Every Korean scalar of a data file, line by line as written, outside `aliases` and the
    file's own `sources` list (titles quote other people)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    root = yaml.compose(path.read_text(encoding="utf-8"))

    def walk(node: yaml.Node, keys: tuple[str, ...]) -> Iterator[Text]:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = str(k.value)
                if key == "aliases" or (keys == () and key == "sources"):
                    continue
                yield from walk(v, keys + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, keys)
        elif isinstance(node, yaml.ScalarNode) and HANGUL.search(str(node.value)):
            first = node.start_mark.line
            # the end mark is just past the value: column 0 of the next line after a block scalar
            last = node.end_mark.line + (1 if node.end_mark.column > 0 else 0)
            defines = bool(keys) and keys[0] == "words"
            for n in range(first, min(max(last, first + 1), len(lines))):
                raw = lines[n][node.start_mark.column:] if n == first else lines[n].strip()
                if HANGUL.search(raw):
                    yield Text(rel(path), n + 1, raw, prose=prose, defines_words=defines)

    yield from walk(root, ())


def template_texts(path: Path) -> Iterator[Text]:
    skeleton = path.name == "record.yaml.j2"  # the YAML file `dlkb new` writes: its keys are field names
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if HANGUL.search(line):
            yield Text(rel(path), n, line, tool=skeleton)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def python_texts(path: Path) -> Iterator[Text]:
    """Korean string literals (not docstrings); an f-string's values are shown as `{expr}`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    parts: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts |= {id(v) for v in node.values}
            text = "".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"  # type: ignore[attr-defined]
                           for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip | parts:
            text = node.value
        else:
            continue
        for i, line in enumerate(text.split("\n")):
            if HANGUL.search(line):
                yield Text(rel(path), node.lineno + i, line, tool=True)


def markdown_texts(path: Path) -> Iterator[Text]:
    """Lines outside fenced code blocks (commands are not prose)."""
    fenced = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and HANGUL.search(line):
            yield Text(rel(path), n, line)


def line_texts(path: Path, comment: str) -> Iterator[Text]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if HANGUL.search(line) and not line.lstrip().startswith(comment):
            yield Text(rel(path), n, line)


def reader_texts() -> list[Text]:
    data = ROOT / "data"
    texts: list[Text] = []
    for path in sorted([*(data / "frameworks").glob("*.yaml"), *(data / "comparisons").glob("*.yaml"), data / "glossary.yaml"]):
        texts += yaml_texts(path)
    for path in sorted((ROOT / "hooks" / "dlkb" / "templates").glob("*.j2")):
        texts += template_texts(path)
    for path in sorted([*(ROOT / "hooks" / "dlkb").glob("*.py"), ROOT / "hooks" / "dlkb_hooks.py", *(ROOT / "scripts").glob("*.py")]):
        texts += python_texts(path)
    for path in sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]):
        texts += markdown_texts(path)
    for path in sorted((ROOT / "docs" / "javascripts").glob("*.js")):
        texts += line_texts(path, "//")
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        texts += template_texts(path)
    texts += line_texts(ROOT / "mkdocs.yml", "#")
    return texts


# --- the rules ---------------------------------------------------------------------------------

def rejected_variants(t: Text) -> Iterator[str]:
    if t.defines_words:
        return
    for word in WORDS:
        for variant in word.avoid:
            # 하이퍼파라미터 is not 파라미터: a variant starts a word
            if re.search(rf"(?<![가-힣]){re.escape(variant)}", t.text):
                yield f"'{variant}' → '{word.use}' ({word.concept_ko}; data/glossary.yaml words: {word.id})"


def spaced_particles(t: Text) -> Iterator[str]:
    for m in SPACED.finditer(t.text):
        yield f"particle spaced after code or a Latin word: '{m.group(0)}' → '{m.group(1)}{m.group(2)}'"


def particles_after_values(t: Text) -> Iterator[str]:
    for m in AFTER_VALUE.finditer(t.text):
        value, space, word = m.groups()
        if AFTER_VALUE_VARYING.match(word):
            yield (f"particle hard-coded after a value: '{m.group(0)}' → write the value's particle with labels.particle "
                   f"(Jinja: {{{{ x.name }}}}{{{{ x.reading | particle(\"를/을\") }}}}; Python: particle(reading, \"를/을\"))")
        elif space:
            yield f"particle spaced after a value: '{m.group(0)}' → '{value}{word}'"


def internal_words(t: Text) -> Iterator[str]:
    if t.tool:
        return
    text = t.text if t.prose else CODE.sub(" ", t.text)  # contributor text may name fields as code
    for m in FIELD_NAME.finditer(text):
        yield f"schema name '{m.group(1)}' in reader text → say what it is in Korean"


RULES = {"rejected variant": rejected_variants, "spaced particle": spaced_particles,
         "particle after a value": particles_after_values, "schema name": internal_words}


def findings(texts: list[Text], rule: str) -> list[str]:
    return [f"{t.file}:{t.line}: {problem}" for t in texts for problem in RULES[rule](t)]


@pytest.fixture(scope="module")
def texts() -> list[Text]:
    return reader_texts()


def test_the_scan_reaches_every_kind_of_reader_text(texts: list[Text]) -> None:
    files = {t.file.split("/")[0] + ("/" + t.file.split("/")[1] if "/" in t.file else "") for t in texts}
    assert {"data/frameworks", "data/comparisons", "data/glossary.yaml", "hooks/dlkb", "README.md", "docs/compare",
            "docs/javascripts", "mkdocs.yml"} <= files


@pytest.mark.parametrize("rule", RULES)
def test_reader_text_follows_the_term_list_and_particle_rules(texts: list[Text], rule: str) -> None:
    assert findings(texts, rule) == []


@pytest.mark.parametrize(("text", "rule", "expected"), [
    ("`sources` 에 적습니다", "spaced particle", "particle spaced after code or a Latin word: '`sources` 에' → '`sources`에'"),
    ("MIT이고 apache2 이며", "spaced particle", "particle spaced after code or a Latin word: 'apache2 이며' → 'apache2이며'"),
    ("`dlkb new` 로 만듭니다", "spaced particle", "particle spaced after code or a Latin word: '`dlkb new` 로' → '`dlkb new`로'"),
    ("Python 3.11 이상", "spaced particle", None),
    ("{{ a.name }}와 {{ b.name }}", "particle after a value", "particle hard-coded after a value: '{{ a.name }}와'"),
    ("{target} 를 고칩니다", "particle after a value", "particle hard-coded after a value: '{target} 를'"),
    ("{seen} 에서 이미 씀", "particle after a value", "particle spaced after a value: '{seen} 에서' → '{seen}에서'"),
    ("{{ a.name }}{{ a.reading | particle(\"와/과\") }} 비교", "particle after a value", None),
    ("{{ repo }}를 포크하고", "particle after a value", None),
    ("PyTorch의 파라미터", "rejected variant", "'파라미터' → '매개변수'"),
    ("하이퍼파라미터 튜닝", "rejected variant", None),
    ("파이썬 코드", "rejected variant", "'파이썬' → 'Python'"),
    ("first_release 는 첫 릴리스", "schema name", "schema name 'first_release'"),
    ("첫 릴리스(`first_release`)를 적습니다", "schema name", None),
])
def test_each_rule_catches_what_the_review_found(text: str, rule: str, expected: str | None) -> None:
    found = findings([Text("x.md", 1, text)], rule)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"x.md:1: {expected}"), found


def test_record_prose_names_no_schema_field_even_as_code() -> None:
    assert findings([Text("data/frameworks/x.yaml", 3, "`first_release`는 2016년입니다", prose=True)], "schema name") == [
        "data/frameworks/x.yaml:3: schema name 'first_release' in reader text → say what it is in Korean"]


def test_a_rejected_word_in_a_framework_file_is_reported_with_its_line(tmp_path: Path) -> None:
    lines = (ROOT / "data" / "frameworks" / "keras.yaml").read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("summary_ko:")) + 2  # the summary's second line
    lines[n - 1] += " 레이어를 쌓습니다."
    copy = tmp_path / "keras.yaml"
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [f.split(": ")[0] for f in findings(list(yaml_texts(copy)), "rejected variant")] == [f"keras.yaml:{n}"]


def test_aliases_and_source_titles_are_not_reader_prose(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("aliases: [파이썬]\nsummary_ko: Python 라이브러리이며\n  둘째 줄입니다.\nsources:\n- id: a\n  title: 파이썬 책\n",
                    encoding="utf-8")
    assert [(t.line, t.text) for t in yaml_texts(path)] == [(2, "Python 라이브러리이며"), (3, "둘째 줄입니다.")]


def test_every_rejected_variant_is_listed_once_and_not_also_preferred() -> None:
    variants = [v for w in WORDS for v in w.avoid]
    assert len(variants) == len(set(variants))
    assert {w.use for w in WORDS}.isdisjoint(variants)
