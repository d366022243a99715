"""Our own stylesheet and loader script written into every page of a built site, not linked;
an interactive part's script, and the compare page's list of names, into the pages that use them.

Each linked file is one more request on a reader's first view (issue 16: at most 9), and these are
small (a few KiB compressed), so they travel inside the page. The files stay in the site too:
`mkdocs serve`, which skips this step, links them as before. It runs on the finished HTML files,
before the content security policy is computed (dlkb.csp allows each inline block by its hash).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape

# The tags the theme writes for `extra_css` and `extra_javascript`, with the page's relative path.
STYLESHEET, LOADER = "stylesheets/dlkb.css", "javascripts/dlkb.js"
_STYLESHEET_TAG = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*stylesheets/dlkb\.css">')
_LOADER_TAG = re.compile(r'<script src="(?:\.\./)*javascripts/dlkb\.js"></script>')


# In a stylesheet: a string (kept as it is), a comment, or white space next to punctuation or in a run.
_CSS_TOKEN = re.compile(r"""(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|/\*.*?\*/|\s*(?P<mark>[{};,])\s*|\s+""", re.S)


def _css_token(match: re.Match[str]) -> str:
    if match.group("string"):
        return match.group("string")
    if match.group("mark"):
        return match.group("mark")
    return "" if match.group(0).startswith("/*") else " "


def minified_css(text: str) -> str:
    """The stylesheet without comments and needless white space: strings stay as written, and a
    space inside a selector or a value, which can mean something, stays one space."""
    return _CSS_TOKEN.sub(_css_token, text).strip()


# A script line that is only a comment; the loader has no multi-line strings, so this is safe there.
_JS_COMMENT_LINE = re.compile(r"^[ \t]*//.*\n", re.M)


# A section of the stylesheet for some pages only: those whose HTML holds TEXT.
_ONLY = re.compile(r"/\* @only (?P<text>.+?) \*/(?P<rules>.*?)/\* @end \*/", re.S)


def page_css(stylesheet: str, page: str) -> str:
    """The stylesheet as one page gets it: minified, with the sections for other pages left out."""
    return minified_css(_ONLY.sub(lambda part: part.group("rules") if part.group("text") in page else "", stylesheet))


def _script(site_dir: Path, name: str) -> str:
    """A script of the site as an inline block, its comment lines dropped ("" if there is none)."""
    if not (site_dir / name).is_file():
        return ""
    body = _JS_COMMENT_LINE.sub("", (site_dir / name).read_text(encoding="utf-8").strip() + "\n").strip()
    if "</script" in body.lower():  # would end the block early
        raise ValueError(f"{name} contains </script")
    return f"<script>{body}</script>"


def _put(text: str, pattern: re.Pattern[str], block: str) -> str:
    return pattern.sub(lambda _match: block, text)  # a function: the block's backslashes stay as they are


# Highlighted code: the token spans that look like the code around them. White space (w) has no
# rule, names (n) take the code's own colour (the theme sets --md-code-hl-name-color to
# --md-code-fg-color), and so do punctuation (p) and operators (o) here (dlkb.css). Without them
# the code looks the same with three quarters fewer elements: the examples page had 5,308 spans,
# which the browser parses and lays out on a phone's slow CPU (its blocking time was 105 ms).
_CODE = re.compile(r"<code>.*?</code>", re.S)
_PLAIN_TOKEN = re.compile(r'<span class="[wnpo]">([^<]*)</span>')


def plain_tokens(html: str) -> str:
    """The page with those token spans of its code blocks unwrapped (their text stays)."""
    return _CODE.sub(lambda code: _PLAIN_TOKEN.sub(lambda token: token.group(1), code.group(0)), html)


# An interactive part's own script, written into the pages that have that part (its name is
# the part's data-dlkb-app); dlkb.js then finds it defined and loads nothing.
_APP = re.compile(r'data-dlkb-app="([a-z]+)"')
# A part marked data-inline gets the file its data-src names as an attribute: no request.
_INLINE_DATA = re.compile(r'(<div class="dlkb-app" data-dlkb-app="[a-z]+" data-src="([^"]+)") data-inline>')


def _app_scripts(text: str, script: Callable[[str], str]) -> str:
    blocks = "".join(script(f"javascripts/{name}.js") for name in sorted(set(_APP.findall(text))))
    return text.replace("</article>", blocks + "</article>", 1) if blocks else text


def _inline_data(site_dir: Path, page: Path, text: str) -> str:
    def attribute(match: re.Match[str]) -> str:
        data = (page.parent / match.group(2)).resolve()
        if not data.is_relative_to(site_dir.resolve()) or not data.is_file():
            return match.group(0)  # not a file of this site: fetched as before
        return f'{match.group(1)} data-index="{escape(data.read_text(encoding="utf-8").strip())}">'

    return _INLINE_DATA.sub(attribute, text)


def _style(stylesheet: str, page: str) -> str:
    """Our stylesheet as `page` gets it (`page_css`), as a <style> block."""
    css = page_css(stylesheet, page)
    if "</style" in css.lower():
        raise ValueError("stylesheets/dlkb.css contains </style")
    return f"<style>{css}</style>"


def inline_assets(site_dir: Path) -> int:
    """Replace the links to our stylesheet and loader by their text in every page, write each
    interactive part's script (and, where marked, its data) into its page, and unwrap the code's
    token spans that look like the code around them (`plain_tokens`); return how many pages changed."""
    script = functools.cache(functools.partial(_script, site_dir))  # each file read once per build
    stylesheet = (site_dir / STYLESHEET).read_text(encoding="utf-8") if (site_dir / STYLESHEET).is_file() else None
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = _inline_data(site_dir, page, _app_scripts(plain_tokens(text), script))
        if stylesheet is not None:  # the sections a page needs are read from it before anything is written into it
            new = _put(new, _STYLESHEET_TAG, _style(stylesheet, text))
        if script(LOADER):
            new = _put(new, _LOADER_TAG, script(LOADER))
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
