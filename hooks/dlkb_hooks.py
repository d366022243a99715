"""MkDocs adapter: events only. All the work happens in the `dlkb` package (no MkDocs there).

`mkdocs build` stops on a bad record before anything is written. `mkdocs serve` keeps
answering instead: with the last good catalogue and the Korean problems shown on every page,
or, when no build has succeeded yet, with an error page, and recovers on the next save.
Whatever goes wrong, the answer is a Korean report, never a traceback.

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

from dlkb.live import LIVE, forget_core
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


def _core(name: str) -> ModuleType:
    """A core module as this build loaded it; never bound at import, or serve would keep the old code."""
    return importlib.import_module(f"dlkb.{name}")


def on_startup(command: str, dirty: bool) -> None:
    LIVE.serving = command == "serve"


def _stop_or_report() -> None:
    """A build stops with the Korean report (MkDocs prints a PluginError without a traceback,
    exits 1 and writes nothing); serve logs it and keeps answering with it."""
    if LIVE.error is None:
        return
    if not LIVE.serving:
        raise PluginError(LIVE.error.report())
    log.error(LIVE.error.report())


def _project(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    if LIVE.serving:
        forget_core()  # the first event of every rebuild: read the core on disk from here on
        # Marks this build on the 404 page, whose script reloads once the answer changes.
        config.extra["dlkb_serve_build"] = str(time.time_ns())
    LIVE.cached, LIVE.cache_key = None, None
    cache = _core("buildcache")
    if not LIVE.serving and cache.enabled():  # a repeat build of the same inputs: last build's pages
        LIVE.cache_key = cache.key(_project(config) / "data", config.repo_url or "", config.site_url or "")
        LIVE.cached = cache.load(_project(config), LIVE.cache_key)
        if LIVE.cached is not None:
            config.nav = LIVE.cached.nav
            return config
    LIVE.reload(_project(config) / "data")
    _stop_or_report()
    if LIVE.catalog is not None:
        config.nav = _core("render").nav(LIVE.catalog)
    else:
        _error_page_only(config)  # no good build yet
    return config


def _error_page_only(config) -> None:
    """Our error page answers every URL: the nav may name no page, and the theme's 404 must not replace it."""
    config.nav = None
    config.theme.static_templates.discard("404.html")


def on_files(files: Files, config) -> Files:
    if LIVE.cached is not None:
        generated = LIVE.cached.files
    else:
        generated = LIVE.generate(config.repo_url or "", config.site_url or "") if LIVE.catalog is not None else None
    if generated is None and LIVE.catalog is not None:
        _stop_or_report()  # a template or the code itself failed while making the pages
    if generated is None:
        _error_page_only(config)
        page = _core("errorpage").error_page(LIVE.error)
        return Files([File.generated(config, name, content=page) for name in ("index.html", "404.html")])
    # The same files `dlkb render` writes; each page's edit button is set in its front matter.
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    # In the order MkDocs reads a folder, so search and sitemap list pages as in a staged build.
    return Files(sorted(files, key=_walk_order))


def _walk_order(file: File) -> tuple:
    """MkDocs' get_files: a folder's files (index first, then by name) before its subfolders."""
    *folders, name = file.src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, name.rsplit(".", 1)[0] not in ("index", "README"), name))


def on_post_build(config) -> None:
    # After the theme's search plugin (hooks run after the plugins): its index made Korean-aware.
    search_dir = Path(config.site_dir) / "search"
    if (search_dir / "search_index.json").is_file():
        written = _korean_search(search_dir, config)
        if written is not None and LIVE.cache_key is not None and LIVE.cached is None and LIVE.last_files is not None:
            cache = _core("buildcache")  # a first build of these inputs: kept for the next one
            cache.save(_project(config), LIVE.cache_key, cache.Entry(config.nav, LIVE.last_files, written))
    # Not under serve: its live-reload script is inline and changes with every rebuild.
    # Our stylesheet and loader go into each page first (fewer requests), then the policy hashes them.
    if not LIVE.serving and (LIVE.catalog is not None or LIVE.cached is not None):
        _core("inline").inline_assets(Path(config.site_dir))
        _core("csp").add_policy(Path(config.site_dir))


def _korean_search(search_dir: Path, config) -> dict[str, dict[str, str]] | None:
    """The theme's index rewritten by dlkb.search, or the files that rewrite gave last time.
    Returns what was written, under the theme index's hash, when it was made here."""
    theme = _core("buildcache").theme_index_sha(search_dir, "search_index.json")
    if LIVE.cached is not None and theme in LIVE.cached.search:
        for name, text in LIVE.cached.search[theme].items():
            (search_dir / name).write_text(text, encoding="utf-8")
        return None
    if LIVE.catalog is None and LIVE.cached is not None:
        LIVE.reload(_project(config) / "data")  # the theme changed its index: made afresh
    if LIVE.catalog is None:
        return None
    _core("search").write_index(search_dir, LIVE.catalog, _project(config) / "data")
    return {theme: {p.name: p.read_text(encoding="utf-8") for p in search_dir.glob("*.json")}}


def _with_banner(output: str) -> str:
    if LIVE.error is None:
        return output
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + _core("errorpage").error_banner(LIVE.error), 1)


def on_post_page(output: str, page, config) -> str:
    return _with_banner(output)


def on_post_template(output: str, template_name: str, config) -> str:
    # The 404 page too: a new framework file that does not validate explains itself there.
    return _with_banner(output) if template_name == "404.html" else output
