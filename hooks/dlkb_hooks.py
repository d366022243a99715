"""MkDocs adapter: events only. All the work happens in the `dlkb` package (no MkDocs there).

`mkdocs build` stops on a bad record before anything is written. `mkdocs serve` keeps
answering instead: with the last good catalogue and the Korean problems shown on every page,
or, when no build has succeeded yet, with an error page, and recovers on the next save.

MkDocs imports this file once per process, so under `mkdocs serve` each rebuild first drops
the core modules and every event looks them up again (`_core`): an edit to `hooks/dlkb/*.py`
shows up on the next save. Only `dlkb.live`, which holds the state across rebuilds, is kept.
"""

from __future__ import annotations

import importlib
import logging
import time
from pathlib import Path
from types import ModuleType

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from dlkb.live import LIVE, forget_core

# Not under the "mkdocs" logger: under `mkdocs serve` the data error is reported, but must not
# count as a build error, or strict mode would abort the build that shows it in the browser.
log = logging.getLogger("dlkb")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False


def _core(name: str) -> ModuleType:
    """A core module as this build loaded it; never bound at import, or serve would keep the old code."""
    return importlib.import_module(f"dlkb.{name}")


def on_startup(command: str, dirty: bool) -> None:
    LIVE.serving = command == "serve"


def on_config(config):
    if LIVE.serving:
        forget_core()  # the first event of every rebuild: read the core on disk from here on
        # Marks this build on the 404 page, whose script reloads once the answer changes.
        config.extra["dlkb_serve_build"] = str(time.time_ns())
    LIVE.reload(Path(config.config_file_path).parent / "data")
    if LIVE.error:
        if not LIVE.serving:
            # A BuildError: MkDocs prints it without a traceback, exits 1, writes nothing.
            raise PluginError(LIVE.error.report())
        log.error(LIVE.error.report())
    if LIVE.catalog is not None:
        config.nav = _core("render").nav(LIVE.catalog)
    else:
        # No good build yet: our error page answers every URL, so the theme's 404 must not replace it.
        config.theme.static_templates.discard("404.html")
    return config


def on_files(files: Files, config) -> Files:
    if LIVE.catalog is None:
        page = _core("errorpage").error_page(LIVE.error)
        return Files([File.generated(config, name, content=page) for name in ("index.html", "404.html")])
    for file in files.documentation_pages():
        file.edit_uri = f"docs/{file.src_uri}"
    for path, content in _core("export").downloads(LIVE.catalog).items():
        files.append(File.generated(config, path, content=content))
    for page in _core("render").render_pages(LIVE.catalog, _core("labels").build_date(), config.repo_url or ""):
        generated = File.generated(config, page.path, content=page.markdown)
        generated.edit_uri = page.edit_path  # the edit button opens the YAML file, not generated Markdown
        files.append(generated)
    return files


def _with_banner(output: str) -> str:
    if LIVE.error is None:
        return output
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + _core("errorpage").error_banner(LIVE.error), 1)


def on_post_page(output: str, page, config) -> str:
    return _with_banner(_core("safety").add_noopener(output))


def on_post_template(output: str, template_name: str, config) -> str:
    # The 404 page too: a new framework file that does not validate explains itself there.
    return _with_banner(output) if template_name == "404.html" else output
