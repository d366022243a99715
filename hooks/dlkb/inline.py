"""Our own stylesheet and loader script written into every page of a built site, not linked.

Each linked file is one more request on a reader's first view (issue 16: at most 9), and both are
small (a few KiB compressed), so they travel inside the page. The files stay in the site too:
`mkdocs serve`, which skips this step, links them as before. It runs on the finished HTML files,
before the content security policy is computed (dlkb.csp allows each inline block by its hash).
"""

from __future__ import annotations

import re
from pathlib import Path

# The tags the theme writes for `extra_css` and `extra_javascript`, with the page's relative path.
INLINED = {
    "stylesheets/dlkb.css": (re.compile(r'<link rel="stylesheet" href="(?:\.\./)*stylesheets/dlkb\.css">'), "style"),
    "javascripts/dlkb.js": (re.compile(r'<script src="(?:\.\./)*javascripts/dlkb\.js"></script>'), "script"),
}


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


def _block(site_dir: Path, name: str, element: str) -> str:
    body = (site_dir / name).read_text(encoding="utf-8").strip() + "\n"
    body = minified_css(body) if element == "style" else _JS_COMMENT_LINE.sub("", body).strip()
    if f"</{element}" in body.lower():  # would end the block early
        raise ValueError(f"{name} contains </{element}")
    return f"<{element}>{body}</{element}>"


def _put(text: str, pattern: re.Pattern[str], block: str) -> str:
    return pattern.sub(lambda _match: block, text)  # a function: the block's backslashes stay as they are


# Highlighted code: the token spans the theme gives no look of their own. White space (w) has no
# rule, and names (n) take the code's own colour (the theme sets --md-code-hl-name-color to
# --md-code-fg-color). Without them the code looks the same with a third fewer elements: the
# examples page has 5,205 spans, which the browser parses and lays out on a phone's slow CPU.
_CODE = re.compile(r"<code>.*?</code>", re.S)
_PLAIN_TOKEN = re.compile(r'<span class="[wn]">([^<]*)</span>')


def plain_tokens(html: str) -> str:
    """The page with the unstyled token spans of its code blocks unwrapped (their text stays)."""
    return _CODE.sub(lambda code: _PLAIN_TOKEN.sub(lambda token: token.group(1), code.group(0)), html)


def inline_assets(site_dir: Path) -> int:
    """Replace the links to our stylesheet and loader by their text in every page, and unwrap its
    code's unstyled token spans (`plain_tokens`); return how many pages changed."""
    blocks = {name: _block(site_dir, name, element) for name, (_, element) in INLINED.items() if (site_dir / name).is_file()}
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = plain_tokens(text)
        for name, block in blocks.items():
            new = _put(new, INLINED[name][0], block)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
