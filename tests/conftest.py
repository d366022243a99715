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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from dlkb.catalog import Catalog, load_catalog
from playwright.sync_api import Error as PlaywrightError

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
    """One Chromium for the whole run: launching it costs about a second. Tests take their pages
    from a pool (PagePool), which hands each test a page cleared of the last one's traces."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def classic_browser(browser):
    """Chromium with classic scrollbars, the ones Windows and most Linux desktops draw: 15 px
    that take room from the box. Playwright starts Chromium with `--hide-scrollbars`, which
    draws none at all, so a box that scrolls by a few pixels looks fine there; without that
    switch (ignore_default_args), and with overlay scrollbars turned off, headless Chromium
    draws real ones (a box's offsetHeight - clientHeight is then 15 when it can scroll sideways)."""
    # a second Chromium from the run's own Playwright (one Playwright per process only)
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=[*ARGS, "--disable-features=OverlayScrollbar"],
                                    ignore_default_args=["--hide-scrollbars"])
    yield b
    b.close()


# The two screens of the browser tests: a phone, and Playwright's default viewport (where axe ran).
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 720}


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site on one local server for the whole run (one origin: the browser's cache
    holds the theme's files from the first page on)."""
    with serve_directory(site) as url:
        yield url


@dataclass
class _Loan:
    """What the test a page is lent to adds to it, undone when the page comes back."""

    own: bool  # a page of its own: closed then, not lent again
    listeners: list[tuple[str, Callable]] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)  # the sites it opened


class PagePool:
    """Pages of one browser context, lent to a test and handed back cleared, test after test.

    Opening a page costs a new renderer process and the theme's script compiled again: 0.3 s,
    half of what loading one of our pages in a page already open costs (20 loads: 11.5 s with a
    new page each, 5.6 s reusing one). A page handed back stands on a blank page, with the
    listeners its test added removed and the storage of every site it opened cleared (the theme
    keeps the chosen colour scheme there, and may write it again while its page is open, so the
    storage is cleared once no page of ours runs); the context's cookies are cleared, and each
    loan sets the screen and the colour scheme anew. What a page cannot forget (an init script)
    needs a page of its own (`own`)."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=DESKTOP)
        self.free: list = []
        self.loans: dict[Any, _Loan] = {}

    def lend(self, viewport: dict = DESKTOP, color_scheme: str = "light", own: bool = False):
        page = self.context.new_page() if own or not self.free else self.free.pop()
        page.bring_to_front()  # a page behind another one is hidden: its animation frames wait
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=color_scheme)  # a context's default is light too
        self.loans[page] = _Loan(own)
        self.on(page, "framenavigated", lambda frame: self._opened(page, frame.url))
        return page

    def _opened(self, page, url: str) -> None:
        if url.startswith("http"):
            parts = urlsplit(url)
            self.loans[page].origins.add(f"{parts.scheme}://{parts.netloc}")

    def on(self, page, event: str, handler: Callable) -> None:
        """`page.on`, undone when the page is handed back."""
        page.on(event, handler)
        self.loans[page].listeners.append((event, handler))

    def give_back(self, page) -> None:
        loan = self.loans.pop(page)
        if loan.own or page.is_closed():
            if not page.is_closed():
                page.close()
            return
        for event, handler in loan.listeners:
            page.remove_listener(event, handler)
        try:
            page.goto("about:blank")
            cdp = self.context.new_cdp_session(page)
            for origin in loan.origins:
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage,session_storage"})
            cdp.detach()
        except PlaywrightError:  # a page its test broke is not lent again
            page.close()
            return
        self.context.clear_cookies()
        self.free.append(page)


def _pool(browser) -> Iterator[PagePool]:
    pool = PagePool(browser)
    yield pool
    pool.context.close()


@pytest.fixture(scope="session")
def page_pool(browser) -> Iterator[PagePool]:
    yield from _pool(browser)


@pytest.fixture(scope="session")
def classic_pool(classic_browser) -> Iterator[PagePool]:
    yield from _pool(classic_browser)


@pytest.fixture
def lend(page_pool: PagePool) -> Iterator[Callable[..., Any]]:
    """`lend(viewport, color_scheme)`: a page of the pool for this test, handed back after it."""
    lent: list = []

    def take(viewport: dict = DESKTOP, color_scheme: str = "light", own: bool = False):
        lent.append(page_pool.lend(viewport, color_scheme, own))
        return lent[-1]

    yield take
    for page in lent:
        page_pool.give_back(page)


class Watched:
    """A page of the pool (conftest.PagePool) that records script errors and every request to another origin."""

    def __init__(self, pool: PagePool, base_url: str, viewport: dict = DESKTOP, color_scheme: str = "light", own: bool = False):
        self.pool = pool
        self.page = pool.lend(viewport, color_scheme, own)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        origin = urlsplit(base_url).netloc
        self.on("pageerror", lambda e: self.errors.append(str(e)))
        self.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.on("request", lambda r: self.foreign.append(r.url) if urlsplit(r.url).netloc not in ("", origin) and not r.url.startswith("data:") else None)
        self.base = base_url

    def on(self, event: str, handler) -> None:
        self.pool.on(self.page, event, handler)

    def goto(self, path: str):
        self.page.goto(self.base + path)
        wait_ready(self.page)
        return self.page


@pytest.fixture
def watched(request: pytest.FixtureRequest, base_url: str):
    """`watched(viewport=…, color_scheme=…, own=…, classic=…)`: a Watched page; `own` for a page
    that gets an init script (a page keeps it for good), `classic` for classic scrollbars."""
    made: list[Watched] = []

    def make(classic: bool = False, **options) -> Watched:
        made.append(Watched(request.getfixturevalue("classic_pool" if classic else "page_pool"), base_url, **options))
        return made[-1]

    yield make
    seen = [(w.errors, w.foreign) for w in made]
    for w in made:
        w.pool.give_back(w.page)
    assert seen == [([], [])] * len(made)  # no script error and no other origin, on any of them


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
