"""MkDocs adapter: events only. All the work happens in the `dlkb` package (no MkDocs there).

`mkdocs build` stops on a bad record before anything is written. `mkdocs serve` keeps
answering instead: with the last good catalogue and the Korean problems shown on every page,
or, when no build has succeeded yet, with an error page, and recovers on the next save.
Whatever goes wrong, the answer is a Korean report, never a traceback.

MkDocs imports this file once per process, so under `mkdocs serve` each rebuild first drops
the core modules and every event looks them up again (`_core`): an edit to `hooks/dlkb/*.py`
shows up on the next save. Only `dlkb.live`, which holds the state across rebuilds, is kept.

Under `mkdocs serve --dirty` (README's command) a rebuild writes only the pages whose text has
changed, and every page when what all pages show has changed (`_every_page_key`); the theme's
search index is merged page by page (`_merge_search`). tests/test_serve.py compares each step
with a full rebuild, byte for byte.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import time
from pathlib import Path
from types import ModuleType
from typing import ClassVar

from dlkb.live import LIVE, files_stamp, forget_core_if_changed
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


class _DirtyNotice(logging.Filter):
    """Under `mkdocs serve --dirty` MkDocs warns on every rebuild that the navigation may be
    stale. It is not here: when anything every page shows changes, every page is rebuilt
    (`_every_page_key`). Dropped, or strict mode would stop each rebuild on that warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


class _GeneratedFile(File):
    """A generated file. MkDocs counts a file given as text as always changed, so under
    `mkdocs serve --dirty` every page would be rebuilt; this one is rebuilt only when its text
    differs from the last rebuild's, or when it has not been written."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged or not os.path.isfile(self.abs_dest_path)


class _Serve:
    """What serve's rebuilds carry from one to the next (this file is imported once per process)."""

    dirty = False
    every_page_key: tuple = ()
    built: ClassVar[set[str]] = set()  # addresses of the pages this rebuild wrote
    pages: ClassVar[list[str]] = []  # addresses of every page, in the order MkDocs builds them
    search: ClassVar[dict[str, list[dict]]] = {}  # the theme's index entries of each page, by address


def _core(name: str) -> ModuleType:
    """A core module as this build loaded it; never bound at import, or serve would keep the old code."""
    return importlib.import_module(f"dlkb.{name}")


def on_startup(command: str, dirty: bool) -> None:
    LIVE.serving = command == "serve"
    _Serve.dirty = LIVE.serving and dirty


def on_serve(server, config, builder):
    # MkDocs looks for saved files every half second; `watch:` (data/, hooks/, overrides/) is
    # scheduled after this event, so those folders are looked at every tenth of a second: a
    # few hundred file times, and a save shows up to 0.4 s sooner. watchdog sets the interval
    # only in its constructor, hence the attribute.
    if hasattr(server, "observer") and hasattr(server.observer, "_timeout"):
        server.observer._timeout = 0.1
    return server


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
        forget_core_if_changed()  # the first event of every rebuild: the core on disk from here on
        # Marks this build on the 404 page, whose script reloads once the answer changes.
        config.extra["dlkb_serve_build"] = str(time.time_ns())
    LIVE.cached, LIVE.cache_key = None, None
    _Serve.built = set()
    cache = _core("buildcache")
    if not LIVE.serving and cache.enabled():  # a repeat build of the same inputs: last build's pages
        LIVE.cache_key = cache.key(_project(config) / "data", config.repo_url or "", config.site_url or "")
        LIVE.cached = cache.load(_project(config), LIVE.cache_key)
        if LIVE.cached is not None:
            config.nav = LIVE.cached.nav
            return config
        LIVE.templates = cache.template_code(_project(config))  # a build after an edit compiles no template again
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
    previous = LIVE.last_files if _Serve.dirty else None
    if LIVE.cached is not None:
        generated = LIVE.cached.files
    else:
        generated = LIVE.generate(config.repo_url or "", config.site_url or "") if LIVE.catalog is not None else None
    if generated is None and LIVE.catalog is not None:
        _stop_or_report()  # a template or the code itself failed while making the pages
    if generated is None:
        if _Serve.dirty:  # only the error page answers now, also where pages were written before
            _remove_pages(config)
            _Serve.every_page_key = ()
        _error_page_only(config)
        page = _core("errorpage").error_page(LIVE.error)
        return Files([File.generated(config, name, content=page) for name in ("index.html", "404.html")])
    previous = _forget_all_if_needed(config, previous, generated)
    # The same files `dlkb render` writes; each page's edit button is set in its front matter.
    for path, content in generated.items():
        file = _GeneratedFile.generated(config, path, content=content)
        file.unchanged = previous is not None and previous.get(path) == content
        files.append(file)
    # In the order MkDocs reads a folder, so search and sitemap list pages as in a staged build.
    files = Files(sorted(files, key=_walk_order))
    _Serve.pages = ["" if file.url == "./" else file.url for file in files.documentation_pages()]  # as Page.url
    return files


def _every_page_key(config) -> tuple:
    """What every page shows besides its own text: the problem banner, the nav, the theme's
    overrides and the settings. When it changes, a dirty rebuild must rebuild every page."""
    overrides = files_stamp(Path(config.theme.custom_dir)) if config.theme.custom_dir else ()
    return (LIVE.error.report() if LIVE.error else None, repr(config.nav),
            Path(config.config_file_path).stat().st_mtime_ns, overrides)


def _forget_all_if_needed(config, previous: dict | None, generated: dict) -> dict | None:
    """Under `serve --dirty`: remove what no longer exists, and every page when what all pages
    show has changed (a page whose output is missing is rebuilt). Returns the texts of the last
    rebuild that still stand, or None when every page must be rebuilt."""
    if not _Serve.dirty:
        return None
    for gone in set(previous or {}) - set(generated):
        Path(File.generated(config, gone, content="").abs_dest_path).unlink(missing_ok=True)
    key = _every_page_key(config)
    same, _Serve.every_page_key = previous is not None and key == _Serve.every_page_key, key
    if same:
        return previous
    _remove_pages(config)
    return None


def _remove_pages(config) -> None:
    for page in Path(config.site_dir).rglob("*.html"):
        page.unlink()


def _walk_order(file: File) -> tuple:
    """MkDocs' get_files: a folder's files (index first, then by name) before its subfolders."""
    *folders, name = file.src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, name.rsplit(".", 1)[0] not in ("index", "README"), name))


def on_pre_build(config) -> None:
    search = config.plugins.get("material/search")
    if _Serve.dirty and search is not None:
        # The theme merges a dirty rebuild's index as if one page had changed; ours is merged
        # in on_post_build, from this rebuild's entries alone.
        search.search_index_prev = None


def _merge_search(index_file: Path) -> None:
    """Under `serve --dirty` the theme indexes only the pages this rebuild wrote: the others'
    entries come from the rebuilds that wrote them."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    _Serve.search = _core("search").merged_entries(_Serve.search, index["docs"], _Serve.built, _Serve.pages)
    index["docs"] = [doc for page in _Serve.pages for doc in _Serve.search[page]]
    index_file.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def on_env(env, config, files):
    if LIVE.serving:  # the theme's templates compiled once, not on every rebuild (checked against their source)
        env.bytecode_cache = LIVE.templates
    return env


def on_post_build(config) -> None:
    # After the theme's search plugin (hooks run after the plugins): its index made Korean-aware.
    search_dir = Path(config.site_dir) / "search"
    if (search_dir / "search_index.json").is_file():
        if _Serve.dirty:
            _merge_search(search_dir / "search_index.json")
        written = _korean_search(search_dir, config)
        if written is not None and LIVE.cache_key is not None and LIVE.cached is None and LIVE.last_files is not None:
            cache = _core("buildcache")  # a first build of these inputs: kept for the next one
            cache.save(_project(config), LIVE.cache_key, cache.Entry(config.nav, LIVE.last_files, written))
    # Not under serve: its live-reload script is inline and changes with every rebuild.
    # Our stylesheet and loader go into each page first (fewer requests), then the policy hashes them.
    if not LIVE.serving and (LIVE.catalog is not None or LIVE.cached is not None):
        site = Path(config.site_dir)

        def finish() -> None:
            _core("inline").inline_assets(site)
            _core("csp").add_policy(site)

        _core("buildcache").finished(_project(config), site, finish)  # the same site as last time: its pages then


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
    _Serve.built.add(page.url)
    return _with_banner(output)


def on_post_template(output: str, template_name: str, config) -> str:
    # The 404 page too: a new framework file that does not validate explains itself there.
    return _with_banner(output) if template_name == "404.html" else output
