"""Hostile input: every file, name and text that is not what it seems is one Korean problem
naming the file (and the line where there is one), never a traceback, never a silent drop."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest
from dlkb.catalog import load_catalog
from dlkb.export import FORMULA_START, frameworks_csv
from dlkb.problems import CatalogError, Problem
from dlkb.yamlload import load_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 11, 22)

# name: ((file under data/, text to replace or None for the whole file, new text), exact problems)
CASES = {
    'name-newline': (("frameworks/alpha.yaml", "name: Alpha\n", 'name: "Alpha\\n# Two"\n'), [
        "data/frameworks/alpha.yaml:3 › name: 한 줄로 적어야 합니다 (줄바꿈을 넣을 수 없습니다) (입력: 'Alpha\\n# Two')",
    ]),
    'name-too-long': (("frameworks/alpha.yaml", "name: Alpha\n", "name: " + "A" * 400 + "\n"), [
        "data/frameworks/alpha.yaml:3 › name: 너무 깁니다 (400자, 많아야 300자) (입력: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…)",
    ]),
    'raw-bell': (("frameworks/alpha.yaml", "name: Alpha\n", "name: Al\x07pha\n"), [
        "data/frameworks/alpha.yaml:3: 보이지 않는 제어 문자가 있습니다 (입력: '\\x07') — 올바른 값: 보이는 글자만 (터미널에서 붙여 넣은 제어 문자를 지우세요)",
    ]),
    'escaped-esc': (("frameworks/alpha.yaml", "name: Alpha\n", 'name: "Al\\epha"\n'), [
        "data/frameworks/alpha.yaml:3 › name: 보이지 않는 제어 문자가 있습니다 ('\\x1b') (입력: 'Al\\x1bpha')",
    ]),
    'bidi-override': (("frameworks/alpha.yaml", "name: Alpha\n", 'name: "Al\\u202epha"\n'), [
        "data/frameworks/alpha.yaml:3 › name: 보이지 않는 제어 문자가 있습니다 ('\\u202e') (입력: 'Al\\u202epha')",
    ]),
    'url-trailing-newline': (("frameworks/alpha.yaml", "  home: https://alpha.example.org/\n", '  home: "https://alpha.example.org/\\n"\n'), [
        "data/frameworks/alpha.yaml:10 › links.home: http:// 또는 https://로 시작하는 절대 URL이어야 합니다 (입력: 'https://alpha.example.org/\\n')",
    ]),
    'accessed-zero': (("frameworks/alpha.yaml", "    accessed: 2026-01-10\n", "    accessed: 0\n"), [
        'data/frameworks/alpha.yaml:88 › sources[0].accessed: 날짜여야 합니다 (YYYY-MM-DD, 예: 2016-10-01) (입력: 0)',
    ]),
    'year-one': (("frameworks/alpha.yaml", "  date: 2020-05-01\n", "  date: 0001-01-01\n"), [
        "data/frameworks/alpha.yaml:23 › latest_release.date: 1950년 이후의 날짜여야 합니다 (입력: '0001-01-01')",
    ]),
    'blank-line-in-prose': (("frameworks/alpha.yaml", "summary_ko: >-\n  Alpha는 시험용 가상 프레임워크입니다. 실제로는 존재하지 않습니다.\n", "summary_ko: |-\n  Alpha는 시험용입니다.\n\n      [링크](javascript:alert(1))\n"), [
        "data/frameworks/alpha.yaml:7 › summary_ko: 빈 줄을 넣을 수 없습니다 (한 문단으로 적어 주세요) (입력: 'Alpha는 시험용입니다.\\n\\n    [링크](javascript:alert(1))')",
    ]),
    'deeper-line-in-prose': (("frameworks/alpha.yaml", "summary_ko: >-\n  Alpha는 시험용 가상 프레임워크입니다. 실제로는 존재하지 않습니다.\n", "summary_ko: >-\n  Alpha는 시험용입니다.\n    실제로는 없습니다.\n"), [
        "data/frameworks/alpha.yaml:7 › summary_ko: 다른 줄보다 깊게 들여 쓴 줄이 있어, 그 앞의 줄바꿈과 공백이 글에 그대로 남습니다 (모든 줄을 같은 칸에서 시작해 주세요) (입력: 'Alpha는 시험용입니다.\\n  실제로는 없습니다.')",
    ]),
    'merge-key': (("frameworks/alpha.yaml", "links:\n", "links:\n  <<: {home: null}\n"), [
        'data/frameworks/alpha.yaml:10 › links: 병합 키(<<)는 쓸 수 없습니다 — 올바른 값: 항목을 직접 적기 (앵커와 병합 없이)',
    ]),
    'recursive-alias': (("frameworks/alpha.yaml", "aliases: [알파, AL]\n", "aliases: &a [알파, *a]\n"), [
        'data/frameworks/alpha.yaml:5 › aliases[1]: 별칭(alias)이 자기 자신을 담고 있습니다 — 올바른 값: 스스로를 가리키지 않는 값 (앵커·별칭 없이 적기)',
    ]),
    'long-list': (("frameworks/alpha.yaml", "aliases: [알파, AL]\n", "aliases: [" + ", ".join(["a"] * 1001) + "]\n"), [
        'data/frameworks/alpha.yaml:5 › aliases: 목록이 너무 깁니다 (항목 1,001개) — 올바른 값: 항목 1,000개 이하',
    ]),
    'deep-nesting': (("frameworks/alpha.yaml", "aliases: [알파, AL]\n", "aliases: " + "[" * 50 + "]" * 50 + "\n"), [
        'data/frameworks/alpha.yaml:5 › aliases[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][…: 너무 깊게 중첩되었습니다 — 올바른 값: 40단계 이하의 중첩',
    ]),
    'huge-number': (("frameworks/alpha.yaml", "first_release: 2015\n", "first_release: " + "9" * 5000 + "\n"), [
        'data/frameworks/alpha.yaml:19 › first_release: 숫자가 너무 깁니다 (5,000자리) — 올바른 값: 18자리 이하의 숫자 (버전이라면 따옴표로 감싼 글)',
    ]),
    'unknown-key-date': (("frameworks/alpha.yaml", "name: Alpha\n", "name: Alpha\ndate: 2020-01-01\n"), [
        'data/frameworks/alpha.yaml:4 › date: 알 수 없는 항목입니다 — 올바른 값: 쓸 수 있는 항목: id, name, name_ko, aliases, kind, summary_ko, links, identifiers, developers, first_release, first_release_sources, latest_release, status, status_since, successor, status_note_ko, status_sources, lineage, license, languages, graph, autodiff, hardware, distributed, visualization, deployment, model_zoo, pros, cons, best_for, sources, last_verified',
    ]),
    'null-record': (("frameworks/alpha.yaml", None, "~\n"), [
        'data/frameworks/alpha.yaml: 파일이 비어 있습니다 — 올바른 값: 키: 값으로 적은 내용 (주석만 있거나 null이면 빈 파일입니다)',
    ]),
    'dashes-only': (("frameworks/alpha.yaml", None, "---\n# 주석만\n"), [
        'data/frameworks/alpha.yaml: 파일이 비어 있습니다 — 올바른 값: 키: 값으로 적은 내용 (주석만 있거나 null이면 빈 파일입니다)',
    ]),
    'null-glossary': (("glossary.yaml", None, "null\n"), [
        'data/glossary.yaml: 파일이 비어 있습니다 — 올바른 값: 키: 값으로 적은 내용 (주석만 있거나 null이면 빈 파일입니다)',
    ]),
    'comparison-with-itself': (("comparisons/alpha-vs-beta.yaml", "frameworks: [alpha, beta]\n", "frameworks: [alpha, alpha]\n"), [
        "data/comparisons/alpha-vs-beta.yaml:4 › frameworks[1]: 프레임워크를 자기 자신과 비교할 수 없습니다 (입력: 'alpha')",
        "data/comparisons/alpha-vs-beta.yaml:11 › aspects[0].values.beta: 비교 대상이 아닌 프레임워크입니다 (입력: 'beta') — 올바른 값: 다음 중 하나: alpha",
    ]),
}


def problems_for(data: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_text_is_one_korean_problem(name: str, fixture_data: Path) -> None:
    (file, old, new), expected = CASES[name]
    path = fixture_data / file
    text = path.read_text(encoding="utf-8")
    if old is None:
        text = new
    else:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert problems_for(fixture_data) == expected


def test_line_numbers_count_lines_as_editors_do(fixture_data: Path) -> None:
    """U+2028 inside a value is no line break for an editor; the syntax error is on line 7."""
    path = fixture_data / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8").replace("aliases: [알파, AL]\n", 'aliases: ["알파\u2028", AL]\n')
    path.write_text(text.replace("kind: engine\n", "kind: [engine\n"), encoding="utf-8")
    assert problems_for(fixture_data)[0].startswith("data/frameworks/alpha.yaml:7: YAML 문법 오류입니다 (6행에서 시작한 부분을 확인하세요)")


def test_reserved_ids_are_refused_with_the_list(fixture_data: Path) -> None:
    frameworks = fixture_data / "frameworks"
    (frameworks / "index.yaml").write_text(
        (frameworks / "beta.yaml").read_text(encoding="utf-8").replace("\nid: beta\n", "\nid: index\n"), encoding="utf-8")
    comparisons = fixture_data / "comparisons"
    (comparisons / "matrix.yaml").write_text(
        (comparisons / "alpha-vs-beta.yaml").read_text(encoding="utf-8").replace("\nid: alpha-vs-beta\n", "\nid: matrix\n"), encoding="utf-8")
    assert problems_for(fixture_data) == [
        "data/comparisons/matrix.yaml:2 › id: 사이트의 다른 페이지가 쓰는 이름이라 id로 쓸 수 없습니다 (입력: 'matrix')"
        " — 올바른 값: 다음이 아닌 id: index, licenses, lineage, matrix, pros-cons, timeline",
        "data/frameworks/index.yaml:2 › id: 사이트의 다른 페이지가 쓰는 이름이라 id로 쓸 수 없습니다 (입력: 'index') — 올바른 값: 다음이 아닌 id: index",
    ]


def test_only_regular_files_inside_data_are_read(fixture_data: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("token: s3cret-value\n", encoding="utf-8")
    frameworks = fixture_data / "frameworks"
    (frameworks / "leak.yaml").symlink_to(secret)
    (frameworks / "dangling.yaml").symlink_to(tmp_path / "missing.yaml")
    (frameworks / "folder.yaml").mkdir()
    os.mkfifo(frameworks / "pipe.yaml")  # opening it would block the build forever
    (frameworks / "huge.yaml").write_bytes(b"# " + b"x" * 1_000_001 + b"\n")
    found = problems_for(fixture_data)
    assert found == [
        "data/frameworks/dangling.yaml: 데이터 폴더 밖을 가리키는 심볼릭 링크입니다 — 올바른 값: data/ 안의 일반 파일",
        "data/frameworks/folder.yaml: 파일이 아니라 폴더입니다 — 올바른 값: YAML 파일",
        "data/frameworks/huge.yaml: 파일이 너무 큽니다 (1,000,004바이트) — 올바른 값: 1,000,000바이트 이하",
        "data/frameworks/leak.yaml: 데이터 폴더 밖을 가리키는 심볼릭 링크입니다 — 올바른 값: data/ 안의 일반 파일",
        "data/frameworks/pipe.yaml: 일반 파일이 아닙니다 (파이프나 장치 파일) — 올바른 값: YAML 파일",
    ]
    assert not any("s3cret" in p for p in found)


def test_a_symlink_inside_data_is_read(fixture_data: Path) -> None:
    shutil.move(fixture_data / "frameworks" / "beta.yaml", fixture_data / "beta-real.yaml.txt")
    (fixture_data / "frameworks" / "beta.yaml").symlink_to(fixture_data / "beta-real.yaml.txt")
    assert list(load_catalog(fixture_data, today=TODAY).frameworks) == ["alpha", "beta"]


def test_invisible_characters_in_file_names_are_shown_escaped() -> None:
    problem = Problem("data/frameworks/a\x1b[31m\u202e.yaml", None, "k\r", "파일이 비어 있습니다")
    assert str(problem) == "data/frameworks/a\\x1b[31m\\u202e.yaml › k\\r: 파일이 비어 있습니다"


def test_csv_cells_never_start_a_formula(fixture_data: Path) -> None:
    path = fixture_data / "frameworks" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Alpha\n", 'name: "=HYPERLINK(\\"https://evil.example/\\",\\"x\\")"\n')
    text = text.replace("name_ko: 알파\n", "name_ko: \"@SUM(1+1)\"\n").replace("core: [C++]", 'core: ["+1", "-2"]')
    path.write_text(text, encoding="utf-8")
    raw = frameworks_csv(load_catalog(fixture_data, today=TODAY)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))  # as a spreadsheet program splits it
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert "'=HYPERLINK(\"https://evil.example/\",\"x\")" in cells and "'@SUM(1+1)" in cells
    assert "'+1; -2" in cells


# --- whatever bytes arrive, the answer is a list of Korean problems ----------------------------

KEYS = st.sampled_from(["id", "name", "date", "list", "int", "str", "a[0]", "<<", "~", "sources", "x\x1b"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
DOCS = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=20)


def _assert_korean_problems(problems: list[Problem]) -> None:
    for p in problems:
        assert p.file == "data/frameworks/x.yaml"
        assert any("가" <= ch <= "힣" for ch in p.message), p


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_random_bytes_give_problems_not_tracebacks(raw: bytes) -> None:
    _, problems = load_text(raw, "data/frameworks/x.yaml")
    _assert_korean_problems(problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DOCS)
def test_random_documents_validate_to_problems(fixture_data: Path, data: object) -> None:
    import yaml

    path = fixture_data / "frameworks" / "x.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_catalog(fixture_data, today=TODAY)
    except CatalogError as err:
        ours = [p for p in err.problems if p.file == "data/frameworks/x.yaml"]
        assert ours, err.report()
        _assert_korean_problems(ours)
    else:
        pytest.fail("아무 문서나 올바른 프레임워크가 될 수는 없습니다")


def test_an_unreadable_file_is_one_problem(fixture_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file is readable, so the refusal is simulated where the bytes are read."""
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "beta.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert problems_for(fixture_data) == ["data/frameworks/beta.yaml: 파일을 읽을 수 없습니다 (권한을 확인하세요) — 올바른 값: 읽을 수 있는 파일"]


def test_bad_source_date_epoch_is_a_korean_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from dlkb.labels import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(CatalogError) as caught:
        build_date()
    assert [str(p) for p in caught.value.problems] == [
        "SOURCE_DATE_EPOCH: 환경 변수가 1970-01-01부터 센 초가 아닙니다 (입력: 'yesterday') — 올바른 값: 정수 (예: git log -1 --format=%ct가 출력하는 값)"
    ]
