"""A content security policy on every page of a built site, computed after the build.

Everything the site loads comes from itself. The theme writes a few small inline scripts
(its URL scope, the colour palette, the search config); they are allowed by their SHA-256
hashes, and no other inline script, no `eval` and no other origin can run. The policy is the
same on every page, with the hashes of the whole site: under instant navigation the first
page's policy stays in force while the theme swaps in the next page's scripts.

It runs on the finished HTML files, so it is the same step for every site generator.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from markupsafe import Markup

# An inline script: no src attribute, and JavaScript (a JSON data block never runs).
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
_META = Markup('<meta http-equiv="Content-Security-Policy" content="{}">')
_EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def _runs(attrs: str) -> bool:
    if " src=" in attrs:
        return False
    kind = re.search(r'\stype="([^"]*)"', attrs)
    return kind is None or kind.group(1) in ("text/javascript", "module")


def inline_hashes(html: str) -> set[str]:
    """The CSP source expressions ('sha256-…') of every inline script in a page."""
    found = set()
    for match in _SCRIPT.finditer(html):
        if _runs(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


# An inline stylesheet (dlkb.inline writes ours into every page).
_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S)


def _digest(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"


def style_hashes(html: str) -> set[str]:
    """The CSP source expressions of every inline <style> block in a page."""
    return {_digest(match.group("body")) for match in _STYLE.finditer(html)}


def policy(hashes: set[str], styles: set[str] | None = None) -> str:
    scripts = " ".join(["'self'", *sorted(hashes)])
    style = " ".join(["'self'", *sorted(styles or set())])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        f"style-src {style}; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def add_policy(site_dir: Path) -> int:
    """Put the same policy, right after <meta charset>, into every HTML page; return how many."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes: set[str] = set()
    styles: set[str] = set()
    for text in texts.values():
        hashes |= inline_hashes(text)
        styles |= style_hashes(text)
    tag = str(_META.format(policy(hashes, styles)))  # the value escaped for an attribute
    written = 0
    for page, text in texts.items():
        text = _EXISTING.sub("", text)
        new, count = _CHARSET.subn(lambda m: f"{m.group(0)}\n      {tag}", text, count=1)
        if count:
            page.write_text(new, encoding="utf-8")
            written += 1
    return written
