"""Shared helpers: the project root, a copy of a data folder to break on purpose, the built site,
the real catalogue and one browser for the run."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from dlkb.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A copy of the small valid data folder (two records), safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid" / "data", target)
    return target


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real catalogue, loaded when a test first asks for it, not at import: a broken record
    then fails the tests that need the catalogue (with the Korean report), not the collection."""
    return load_catalog(ROOT / "data")


_RENDERED: dict[tuple[int, dt.date], tuple[Catalog, dict[str, str]]] = {}


def rendered(catalog: Catalog, today: dt.date) -> dict[str, str]:
    """Every generated page (path -> Markdown) of `catalog` on `today`, rendered once per test
    process for each catalogue and day: many tests read pages of the same real catalogue."""
    from dlkb.render import render_pages

    key = (id(catalog), today)
    if key not in _RENDERED or _RENDERED[key][0] is not catalog:  # the catalogue is kept, so its id is not reused
        _RENDERED[key] = (catalog, {p.path: p.markdown for p in render_pages(catalog, today)})
    return dict(_RENDERED[key][1])


# A fixed build day (2026-11-22) so that pages and downloads do not change with the clock.
BUILD_EPOCH = "1795305600"
BUILD_DAY = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.UTC).date()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`: under xdist the first
    worker to ask builds it into the run's shared temporary folder and the others wait for it
    (a full build is seconds of CPU that every worker would otherwise repeat)."""
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    out, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.exists():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
            run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                                 cwd=ROOT, capture_output=True, text=True, env=env)
            assert run.returncode == 0, run.stderr
            assert "WARNING" not in run.stderr, run.stderr
            done.touch()
    return out


# --- the browser, shared by every browser test of the run ----------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
no_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium 패키지가 없습니다")


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run: launching it costs about a second; each test opens its
    own context (cookies, storage, viewport), which is cheap and keeps tests apart."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser that closes a connection early (a page left mid-load) is not a failure


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """A static HTTP server for a built site on a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# A page is ready when dlkb.js has started (it names Material's search dialog on every
# `document$` emission) and every interactive part has drawn its controls from its JSON (the
# matrix, whose sort buttons are in the page, has enabled them).
READY = """() => document.querySelector('.md-search[role=dialog][aria-label]') !== null
    && [...document.querySelectorAll('[data-dlkb-app]')].every(app => app.querySelector('.dlkb-picker input:enabled, button.dlkb-sort:enabled'))
    && !document.querySelector('[data-dlkb-app][aria-busy=true]')
    && [...document.images].every(img => img.complete)"""


def wait_ready(page) -> None:
    page.wait_for_function(READY)


def search(page, query: str):
    """Type a query into the theme's search and return the result items. A query typed before
    the theme's search worker has loaded the index is dropped, and the box must lose focus before
    a new query counts; so each try leaves the box first, and waits longer (bounded: 15 s)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item")
    for wait in (1000, 2000, 4000, 8000):
        box.evaluate("e => e.blur()")
        page.keyboard.press("Escape")
        box.fill(query)
        try:
            results.first.wait_for(timeout=wait)
            return results
        except PlaywrightTimeout:  # not ready yet: type again
            continue
    raise AssertionError(f"검색 결과가 나오지 않습니다: {query}")
