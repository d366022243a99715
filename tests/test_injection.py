"""Markup pasted into every free-text field of a record stays text, in Chromium, on every page."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from test_browser import ARGS, CHROMIUM, _QuietHandler
from test_build import make_project

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium 패키지가 없습니다")

# Each closing tag ends the one raw-text element a theme might write text into (<title>,
# <textarea>, <style>, <script>), so a payload escaped for HTML but not for that place runs.
PAYLOAD = ('</title></textarea></style></script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
           '[링크](javascript:window.pwned=3) <!-- 주석 --> a | b {{ 7*7 }} {% raw %}')
FREE_TEXT_KEYS = {"name", "name_ko", "summary_ko", "text_ko", "note_ko", "role_ko", "status_note_ko", "title",
                  "publisher", "version", "reason_ko", "use_case_ko", "title_ko", "intro_ko",
                  "ko", "en", "definition_ko", "matters_ko"}


def poison(value, key: str | None = None, counter=[0]):
    """Every free-text string becomes the payload plus a number, so each can be found."""
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key if key in ("aliases", "best_for", "tools", "core", "apis", "export_formats") else None) for v in value]
    if isinstance(value, str) and (key in FREE_TEXT_KEYS or key in ("aliases", "best_for", "tools", "core", "apis", "export_formats")):
        counter[0] += 1
        return f"{PAYLOAD} #{counter[0]}."
    return value


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> tuple[str, int]:
    tmp = tmp_path_factory.mktemp("poison")
    project = make_project(tmp)
    for name in ("frameworks/alpha.yaml", "comparisons/alpha-vs-beta.yaml", "glossary.yaml"):
        path = project / "data" / name
        data = poison(yaml.safe_load(path.read_text(encoding="utf-8")))
        if "links" in data:
            data["links"]["docs"] = "https://alpha.example.org/\"><script>window.pwned=4</script>"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                         capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("path", ["/frameworks/alpha/", "/compare/pros-cons/", "/compare/matrix/", "/compare/licenses/",
                                  "/compare/timeline/", "/compare/lineage/", "/", "/frameworks/",
                                  "/compare/alpha-vs-beta/", "/glossary/", "/data/", "/contributing/",
                                  "/compare/?ids=alpha,beta", "/guide/?needs=maintained"])
def test_pasted_markup_never_runs_and_reads_literally(poisoned_site, path: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(poisoned_site + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.pwned") is None
        if path in ("/frameworks/alpha/", "/compare/alpha-vs-beta/"):
            assert page.title().startswith("</title></textarea></style></script><script>window.pwned=1</script>")
        assert dialogs == []
        if path in ("/data/", "/contributing/"):
            return  # no record text on these pages, only the nav and the title
        text = page.locator("article").inner_text()
        assert "<script>window.pwned=1</script>" in text
        assert "{{ 7*7 }}" in text and "{% raw %}" in text and "a | b" in text
        assert "[링크](javascript:window.pwned=3)" in text
        assert page.locator("article a[href^='javascript:']").count() == 0
        assert page.locator("article img[src=x]").count() == 0
        browser.close()
