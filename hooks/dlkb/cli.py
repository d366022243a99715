"""`dlkb` command: check the data, start a new record, regenerate the JSON Schema, stage the site."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from dlkb.catalog import Catalog, load_catalog
from dlkb.csp import add_policy
from dlkb.health import findings
from dlkb.inline import inline_assets
from dlkb.labels import build_date
from dlkb.model import Id
from dlkb.problems import CatalogError
from dlkb.render import skeleton
from dlkb.schema import stale_schemas, write_schemas
from dlkb.search import THEME_FILE, write_index
from dlkb.stage import CONFIG, StageError, stage_site


def _project_root() -> Path:
    """The nearest folder upwards from here that holds mkdocs.yml and data/."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir() and (folder / "mkdocs.yml").exists():
            return folder
    return here


def _loaded(data: Path) -> Catalog | None:
    """The catalogue, or None with the Korean report printed."""
    try:
        return load_catalog(data)
    except CatalogError as err:
        print(err.report(), file=sys.stderr)
        return None


def cmd_check(data: Path) -> int:
    catalog = _loaded(data)
    if catalog is None:
        return 1
    print(f"문제 없음: 프레임워크 {len(catalog.frameworks)}개, 비교 {len(catalog.comparisons)}개를 확인했습니다.")
    found = findings(catalog, build_date())
    if found:  # warnings, not errors: the data is valid, a person has to look (also on the 상태 점검 page)
        print(f"확인할 것 {len(found)}개:")
        print("\n".join(f"  - {item}" for item in found))
    return 0


def cmd_new(data: Path, framework_id: str) -> int:
    try:
        TypeAdapter(Id).validate_python(framework_id)  # the same rule as `id` in every file
    except ValidationError:
        print(f"id는 소문자, 숫자, - 로만 쓰고 40자를 넘지 않습니다 (입력: {framework_id!r}, 예: pytorch)", file=sys.stderr)
        return 2
    target = data / "frameworks" / f"{framework_id}.yaml"
    if not target.parent.is_dir():
        print(f"프레임워크 폴더가 없습니다: {target.parent} (저장소 폴더 안에서 실행하거나 --data로 data 폴더를 알려 주세요)", file=sys.stderr)
        return 1
    try:
        # "x": never through an existing name, a symlink (even a dangling one) included
        with target.open("x", encoding="utf-8") as out:
            out.write(skeleton(framework_id))
    except FileExistsError:
        print(f"이미 있는 파일입니다: {target}", file=sys.stderr)
        return 1
    print(f"새 파일을 만들었습니다: {target}\n[필수] 항목을 채우고 `mkdocs serve`로 미리 본 뒤 `dlkb check`로 확인하세요.")
    return 0


def cmd_refresh(data: Path) -> int:
    from dlkb.refresh import pypi_fetcher, refresh  # the network client is loaded only for this command

    catalog = _loaded(data)
    if catalog is None:
        return 1
    code, lines = refresh(catalog, data, {"pypi": pypi_fetcher()}, dt.datetime.now(dt.UTC).date())
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


def cmd_schema(data: Path, check: bool) -> int:
    if check:
        stale = stale_schemas(data / "schema")
        for path in stale:
            print(f"모델과 다릅니다: {path} (`dlkb schema`로 다시 만드세요)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(data / "schema"):
        print(f"썼습니다: {path}")
    return 0


def cmd_csp(site: Path, data: Path) -> int:
    if not site.is_dir():
        print(f"빌드한 사이트 폴더가 없습니다: {site}", file=sys.stderr)
        return 1
    # What the hook does after a build, in the same order: the search index first, then the policy.
    if (site / "search" / THEME_FILE).is_file():
        write_index(site / "search", load_catalog(data), data)
    inline_assets(site)  # our stylesheet and loader into each page, as the hook build does
    print(f"페이지 {add_policy(site)}개에 콘텐츠 보안 정책을 넣었습니다.")
    return 0


def cmd_render(root: Path, data: Path, out: Path) -> int:
    try:
        stage_site(root, data, out, build_date())
    except CatalogError as err:
        print(err.report(), file=sys.stderr)  # the same report as `dlkb check`, and nothing written
        return 1
    except StageError as err:
        print(err, file=sys.stderr)
        return 2
    print(f"사이트 원본을 썼습니다: {out}")
    print(f"빌드하려면: mkdocs build --strict -f {out / CONFIG} -d SITE && dlkb csp SITE")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dlkb", description="딥러닝 프레임워크 지식 베이스 데이터 도구")
    parser.add_argument("--data", type=Path, default=None, help="data 폴더 (기본: 프로젝트의 data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="data/의 모든 파일을 검사하고 문제를 모두 보여 줍니다")
    new = sub.add_parser("new", help="주석이 달린 새 프레임워크 파일의 뼈대를 만듭니다")
    new.add_argument("id", help="새 프레임워크의 id (파일 이름이 됩니다)")
    schema = sub.add_parser("schema", help="data/schema/의 JSON Schema를 다시 만듭니다")
    schema.add_argument("--check", action="store_true", help="다시 만들지 않고, 모델과 다르면 1로 끝냅니다")
    csp = sub.add_parser("csp", help="빌드한 사이트의 검색 색인을 마무리하고 모든 페이지에 콘텐츠 보안 정책을 넣습니다")
    csp.add_argument("site", type=Path, help="빌드한 사이트 폴더 (예: site)")
    sub.add_parser("refresh", help="레지스트리에서 최신 안정 릴리스를 읽어 data/observed/에 씁니다")
    render = sub.add_parser("render", help="훅 없이 빌드할 수 있는 사이트 원본 전체(mkdocs.yml 포함)를 씁니다")
    render.add_argument("--out", type=Path, required=True, help="쓸 폴더 (없거나, 비었거나, 전에 render로 만든 폴더)")
    args = parser.parse_args(argv)
    root = _project_root()
    data = args.data or root / "data"
    if args.command == "check":
        return cmd_check(data)
    if args.command == "csp":
        return cmd_csp(args.site, data)
    if args.command == "new":
        return cmd_new(data, args.id)
    if args.command == "refresh":
        return cmd_refresh(data)
    if args.command == "render":
        return cmd_render(root, data, args.out)
    return cmd_schema(data, args.check)


if __name__ == "__main__":
    sys.exit(main())
