"""Pre-build driver: the whole site source as plain files, for a site generator that runs no hooks.

`dlkb render --out DIR` writes DIR/docs (the handwritten pages, the generated pages and the
downloads), DIR/overrides and DIR/mkdocs.yml, so that `mkdocs build -f DIR/mkdocs.yml` (or
ProperDocs, or Zensical) builds the site that the hook build makes. This module knows the
MkDocs config file, but never imports MkDocs; the hook shares `generated_files` with it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from dlkb.catalog import Catalog, load_catalog
from dlkb.export import downloads
from dlkb.feeds import feeds
from dlkb.history import read_history
from dlkb.render import Page, nav, render_pages

CONFIG = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"
# The first line of a staged config: it marks a folder that `dlkb render` may replace.
HEADER = "# `dlkb render`가 만든 파일입니다. 원본 mkdocs.yml을 고친 뒤 다시 만드세요.\n"


class StageError(Exception):
    """The output folder cannot be used; the message is Korean, for the command line."""


def page_source(page: Page) -> str:
    """The page's Markdown with `edit_path` in its front matter: the file its edit button opens.

    overrides/partials/actions.html reads it, so the button works without a hook setting
    `File.edit_uri`; `null` (a page made from many files) means no button, as before.
    """
    line = f"edit_path: {json.dumps(page.edit_path)}\n"  # JSON strings and null are YAML
    if page.markdown.startswith("---\n"):
        return "---\n" + line + page.markdown[4:]
    # The generator drops the blank lines after front matter, so the body stays the same.
    return "---\n" + line + "---\n\n" + page.markdown


def generated_files(catalog: Catalog, today: dt.date, repo_url: str = "", site_url: str = "") -> dict[str, str | bytes]:
    """Every file the generator adds to docs/: the downloads (api/…) and the pages."""
    files = dict(downloads(catalog, today))
    history = read_history(catalog.data_dir)  # git is read once, for the page and the feeds
    files.update(feeds(catalog, history, repo_url, today))
    for page in render_pages(catalog, today, repo_url, history, site_url):
        files[page.path] = page_source(page)
    return files


def _plain(value: Any) -> Any:
    """Nav titles are Markup (a str subclass) that YAML cannot dump: plain str, same text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def staged_config(config: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The project's settings with the nav from the data, no hooks, and paths inside DIR."""
    staged = {k: v for k, v in config.items() if k not in ("hooks", "watch", "nav", "docs_dir")}
    staged["docs_dir"] = DOCS
    theme = staged.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        staged["theme"] = {**theme, "custom_dir": OVERRIDES}
    staged["nav"] = _plain(nav(catalog))
    return staged


def _is_render(folder: Path) -> bool:
    config = folder / CONFIG
    return config.is_file() and config.read_text(encoding="utf-8").startswith(HEADER)


def _check_out(out: Path, project: Path, copied: list[Path]) -> None:
    """`out` is replaced whole: it must not hold or lie inside what is copied, nor be someone else's folder."""
    for source in copied:
        if out == source or source in out.parents or out in source.parents:
            raise StageError(f"출력 폴더가 원본 폴더와 겹칩니다: {out} ({source})")
    if out == project or out in project.parents:
        raise StageError(f"출력 폴더 안에 프로젝트가 들어 있습니다: {out}")
    if out.exists() and not out.is_dir():
        raise StageError(f"출력 경로가 폴더가 아닙니다: {out}")
    if out.is_dir() and any(out.iterdir()) and not _is_render(out):
        raise StageError(f"출력 폴더가 비어 있지 않고 `dlkb render`로 만든 폴더도 아닙니다: {out}")


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Bytes, not write_text: no newline translation, the same bytes as the hook build serves.
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def stage_site(project: Path, data: Path, out: Path, today: dt.date) -> None:
    """Write the site source to `out`. A data error raises CatalogError before anything is written."""
    project, out = project.resolve(), out.resolve()
    if not (project / CONFIG).is_file():
        raise StageError(f"프로젝트의 {CONFIG} 파일이 없습니다: {project / CONFIG} (프로젝트 폴더 안에서 실행하세요)")
    config = yaml.safe_load((project / CONFIG).read_text(encoding="utf-8"))
    docs = project / config.get("docs_dir", DOCS)
    theme = config.get("theme")
    custom = project / theme["custom_dir"] if isinstance(theme, dict) and theme.get("custom_dir") else None
    _check_out(out, project, [docs] + ([custom] if custom else []))
    catalog = load_catalog(data)  # real today for the checks; `today` is the day the pages print

    # Built beside `out`, then moved in: a failure half-way leaves the old tree as it was.
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        shutil.copytree(docs, tmp / DOCS)
        if custom:
            shutil.copytree(custom, tmp / OVERRIDES)
        for path, content in generated_files(catalog, today, str(config.get("repo_url") or ""), str(config.get("site_url") or "")).items():
            _write(tmp / DOCS / path, content)
        text = yaml.safe_dump(staged_config(config, catalog), allow_unicode=True, sort_keys=False, width=120)
        _write(tmp / CONFIG, HEADER + text)
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
