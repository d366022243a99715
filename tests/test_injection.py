"""Markup pasted into every free-text field of a record stays text, in Chromium, on every page."""

from __future__ import annotations

import pytest
import yaml
from conftest import no_chromium, search, serve_directory, wait_ready
from test_build import make_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow, no_chromium]

# Each closing tag ends the one raw-text element a theme might write text into (<title>,
# <textarea>, <style>, <script>), so a payload escaped for HTML but not for that place runs.
PAYLOAD = ('</title></textarea></style></script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
           '[링크](javascript:window.pwned=3) <!-- 주석 --> a | b {{ 7*7 }} {% raw %}')
FREE_TEXT_KEYS = {"name", "name_ko", "summary_ko", "text_ko", "note_ko", "role_ko", "status_note_ko", "title",
                  "publisher", "version", "reason_ko", "use_case_ko", "title_ko", "intro_ko",
                  "ko", "en", "definition_ko", "matters_ko"}


def poison(value, key: str | None = None, counter=[0]):  # noqa: B006 - one counter for the whole run, on purpose
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
    run = mkdocs_build(project, site)
    assert run.returncode == 0, run.stderr
    with serve_directory(site) as url:
        yield url


@pytest.mark.parametrize("path", ["/frameworks/alpha/", "/compare/pros-cons/", "/compare/matrix/", "/compare/licenses/",
                                  "/compare/timeline/", "/compare/lineage/", "/", "/frameworks/",
                                  "/compare/alpha-vs-beta/", "/glossary/", "/data/", "/contributing/",
                                  "/compare/?ids=alpha,beta", "/guide/?needs=maintained"])
def test_pasted_markup_never_runs_and_reads_literally(page_pool, lend, poisoned_site, path: str) -> None:
    page = lend()
    dialogs: list[str] = []
    page_pool.on(page, "dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(poisoned_site + path)  # waits for `load`: inline scripts ran, <img> errors fired
    wait_ready(page)  # and the interactive parts have drawn what they fetched
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


def test_pasted_markup_stays_text_in_search_results(lend, poisoned_site) -> None:
    """The search index holds the names and titles too; the theme draws results from it."""
    page = lend()
    page.goto(poisoned_site + "/")
    wait_ready(page)
    search(page, "주석")  # a word of the pasted text
    assert page.evaluate("window.pwned") is None
    assert page.locator(".md-search-result img[src=x], .md-search-result script").count() == 0
    assert "<script>window.pwned=1</script>" in page.locator(".md-search-result").inner_text()


def test_pasted_markup_in_a_summary_is_the_page_description_as_text(lend, poisoned_site) -> None:
    """The description meta tag (link previews) is written by overrides/main.html: escaped once."""
    page = lend()
    page.goto(poisoned_site + "/frameworks/alpha/")
    for selector in ("meta[name=description]", "meta[property='og:description']"):
        content = page.locator(selector).get_attribute("content") or ""
        assert content.startswith(" ".join(PAYLOAD.split())[:60]), (selector, content)
    assert page.evaluate("window.pwned") is None
