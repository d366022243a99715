"""`dlkb` command: check the data, start a new record, regenerate the JSON Schema."""

from __future__ import annotations

import argparse
import re
import sys
from importlib import resources
from pathlib import Path

from dlkb.catalog import load_catalog
from dlkb.model import ID_PATTERN
from dlkb.problems import CatalogError
from dlkb.schema import write_schemas


def _project_root() -> Path:
    """The nearest folder upwards from here that holds mkdocs.yml and data/."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir() and (folder / "mkdocs.yml").exists():
            return folder
    return here


def cmd_check(data: Path) -> int:
    try:
        catalog = load_catalog(data)
    except CatalogError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print(f"문제 없음: 프레임워크 {len(catalog.frameworks)}개, 비교 {len(catalog.comparisons)}개를 확인했습니다.")
    return 0


def cmd_new(data: Path, framework_id: str) -> int:
    if not re.match(ID_PATTERN, framework_id):
        print(f"id는 소문자, 숫자, - 로만 씁니다 (입력: {framework_id!r}, 예: pytorch)", file=sys.stderr)
        return 2
    target = data / "frameworks" / f"{framework_id}.yaml"
    if target.exists():
        print(f"이미 있는 파일입니다: {target}", file=sys.stderr)
        return 1
    skeleton = resources.files("dlkb").joinpath("templates/record.yaml.txt").read_text(encoding="utf-8")
    target.write_text(skeleton.replace("__ID__", framework_id, 1), encoding="utf-8")
    print(f"새 파일을 만들었습니다: {target}\n[필수] 항목을 채우고 `mkdocs serve`로 미리 본 뒤 `dlkb check`로 확인하세요.")
    return 0


def cmd_schema(data: Path) -> int:
    for path in write_schemas(data / "schema"):
        print(f"썼습니다: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dlkb", description="딥러닝 프레임워크 지식 베이스 데이터 도구")
    parser.add_argument("--data", type=Path, default=None, help="data 폴더 (기본: 프로젝트의 data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="data/의 모든 파일을 검사하고 문제를 모두 보여 줍니다")
    new = sub.add_parser("new", help="주석이 달린 새 프레임워크 파일의 뼈대를 만듭니다")
    new.add_argument("id", help="새 프레임워크의 id (파일 이름이 됩니다)")
    sub.add_parser("schema", help="data/schema/의 JSON Schema를 다시 만듭니다")
    args = parser.parse_args(argv)
    data = args.data or _project_root() / "data"
    if args.command == "check":
        return cmd_check(data)
    if args.command == "new":
        return cmd_new(data, args.id)
    return cmd_schema(data)


if __name__ == "__main__":
    sys.exit(main())
