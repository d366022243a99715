"""Last pass over a finished page: every link to another site opens without `window.opener`.

Our own templates already write rel="noopener"; this also covers links the theme writes
(the edit button, the repository link), so the rule holds for the whole page.
"""

from __future__ import annotations

import re

_A_TAG = re.compile(r"<a\b[^>]*>")
_EXTERNAL = re.compile(r'\bhref="https?://')
_REL = re.compile(r'\brel="([^"]*)"')


def _fix(tag: str) -> str:
    if not _EXTERNAL.search(tag):
        return tag
    rel = _REL.search(tag)
    if rel is None:
        return tag[:-1] + ' rel="noopener">'
    values = rel.group(1).split()
    if "noopener" in values:
        return tag
    return tag[: rel.start()] + f'rel="{" ".join(values + ["noopener"])}"' + tag[rel.end():]


def add_noopener(html: str) -> str:
    return _A_TAG.sub(lambda m: _fix(m.group(0)), html)
