"""MkDocs adapter: events only. All the work happens in the `dlkb` package (no MkDocs there).

`mkdocs build` stops on a bad record before anything is written. `mkdocs serve` keeps
answering instead: with the last good catalogue and the Korean problems shown on every page,
or, when no build has succeeded yet, with an error page, and recovers on the next save.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from dlkb.catalog import Catalog, load_catalog
from dlkb.errorpage import error_banner, error_page
from dlkb.export import downloads
from dlkb.labels import build_date
from dlkb.problems import CatalogError
from dlkb.render import nav, render_pages

log = logging.getLogger("mkdocs.hooks.dlkb")


class _State:
    command = "build"
    catalog: Catalog | None = None  # the last catalogue that validated
    error: CatalogError | None = None  # set while the data on disk is broken (serve only)


def on_startup(command: str, dirty: bool) -> None:
    _State.command = command


def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _State.catalog, _State.error = load_catalog(data_dir), None
    except CatalogError as err:
        if _State.command != "serve":
            # A BuildError: MkDocs prints it without a traceback, exits 1, writes nothing.
            raise PluginError(err.report()) from None
        _State.error = err
        log.error(err.report())
    if _State.catalog is not None:
        config.nav = nav(_State.catalog)
    return config


def on_files(files: Files, config) -> Files:
    if _State.catalog is None:
        page = error_page(_State.error)
        return Files([File.generated(config, name, content=page) for name in ("index.html", "404.html")])
    for file in files.documentation_pages():
        file.edit_uri = f"docs/{file.src_uri}"
    for path, content in downloads(_State.catalog).items():
        files.append(File.generated(config, path, content=content))
    for page in render_pages(_State.catalog, build_date()):
        generated = File.generated(config, page.path, content=page.markdown)
        generated.edit_uri = page.edit_path  # the edit button opens the YAML file, not generated Markdown
        files.append(generated)
    return files


def on_post_page(output: str, page, config) -> str:
    if _State.error is None:
        return output
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + error_banner(_State.error), 1)
