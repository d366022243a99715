"""MkDocs adapter: events only. All the work happens in the `dlkb` package (no MkDocs there).

`mkdocs build` stops on a bad record before anything is written. `mkdocs serve` keeps
answering instead: with the last good catalogue and the Korean problems shown on every page,
or, when no build has succeeded yet, with an error page, and recovers on the next save.
"""

from __future__ import annotations

import logging
from pathlib import Path

from dlkb.csp import add_policy
from dlkb.errorpage import error_banner, error_page
from dlkb.labels import build_date
from dlkb.live import LIVE
from dlkb.render import nav
from dlkb.stage import generated_files
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# Not under the "mkdocs" logger: under `mkdocs serve` the data error is reported, but must not
# count as a build error, or strict mode would abort the build that shows it in the browser.
log = logging.getLogger("dlkb")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False


def on_startup(command: str, dirty: bool) -> None:
    LIVE.serving = command == "serve"


def on_config(config):
    LIVE.reload(Path(config.config_file_path).parent / "data")
    if LIVE.error:
        if not LIVE.serving:
            # A BuildError: MkDocs prints it without a traceback, exits 1, writes nothing.
            raise PluginError(LIVE.error.report())
        log.error(LIVE.error.report())
    if LIVE.catalog is not None:
        config.nav = nav(LIVE.catalog)
    else:
        # No good build yet: our error page answers every URL, so the theme's 404 must not replace it.
        config.theme.static_templates.discard("404.html")
    return config


def on_files(files: Files, config) -> Files:
    if LIVE.catalog is None:
        page = error_page(LIVE.error)
        return Files([File.generated(config, name, content=page) for name in ("index.html", "404.html")])
    # The same files `dlkb render` writes; each page's edit button is set in its front matter.
    for path, content in generated_files(LIVE.catalog, build_date()).items():
        files.append(File.generated(config, path, content=content))
    # In the order MkDocs reads a folder, so search and sitemap list pages as in a staged build.
    return Files(sorted(files, key=_walk_order))


def _walk_order(file: File) -> tuple:
    """MkDocs' get_files: a folder's files (index first, then by name) before its subfolders."""
    *folders, name = file.src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, name.rsplit(".", 1)[0] not in ("index", "README"), name))


def on_post_build(config) -> None:
    # Not under serve: its live-reload script is inline and changes with every rebuild.
    if not LIVE.serving and LIVE.catalog is not None:
        add_policy(Path(config.site_dir))


def on_post_page(output: str, page, config) -> str:
    if LIVE.error is None:
        return output
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + error_banner(LIVE.error), 1)
