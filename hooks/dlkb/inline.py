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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rjsmin
import tinycss2
from markupsafe import escape

# The tags the theme writes for `extra_css` and `extra_javascript`, with the page's relative path.
STYLESHEET, LOADER = "stylesheets/dlkb.css", "javascripts/dlkb.js"
_STYLESHEET_TAG = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*stylesheets/dlkb\.css">')
_LOADER_TAG = re.compile(r'<script src="(?:\.\./)*javascripts/dlkb\.js"></script>')
# The theme's palette stylesheet (every colour it offers, in both schemes): a page gets the rules
# of the palettes it can switch to in its place, about 0.6 KiB instead of a 2 KiB request.
_PALETTE_TAG = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*(assets/stylesheets/palette\.[0-9a-f]+\.min\.css)">')


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




# A section of the stylesheet for some pages only: those whose HTML holds TEXT.
_ONLY = re.compile(r"/\* @only (?P<text>.+?) \*/")
_END = "/* @end */"


@dataclass(frozen=True)
class _Selector:
    text: str  # minified
    needs: frozenset[str]  # ".name" for a class an element must have; 'data-md-color-…="v"' for a palette


@dataclass(frozen=True)
class _Rule:
    """A rule of a stylesheet, minified: a style rule has selectors; an at-rule has none and
    is kept whole, or, for @media and @supports, as far as its own rules are kept. `only` is the
    TEXT of the @only section it stands in ("" outside one)."""

    only: str
    selectors: tuple[_Selector, ...]
    body: str  # "{…}" for a style rule; the at-rule's head (and block) for an at-rule
    inner: tuple[_Rule, ...] = ()


def _needs(tokens: list[Any]) -> frozenset[str]:
    """What a selector requires of an element: its class names, and the value of a theme palette
    attribute ([data-md-color-primary=indigo]); what a :not(…) names is not required."""
    found: set[str] = set()
    for before, token in zip([None, *tokens], tokens, strict=False):  # each token with the one before it
        if token.type == "ident" and getattr(before, "value", None) == ".":
            found.add("." + token.value)
        elif token.type == "function" and token.lower_name != "not":
            found |= _needs(token.arguments)
        elif token.type == "[] block":
            parts = [t for t in token.content if t.type != "whitespace"]
            if len(parts) == 3 and parts[0].type == "ident" and parts[0].value.startswith("data-md-color-") \
                    and getattr(parts[1], "value", None) == "=" and parts[2].type in ("ident", "string"):
                found.add(f'{parts[0].value}="{parts[2].value}"')
    return frozenset(found)


def _selectors(prelude: list[Any]) -> tuple[_Selector, ...]:
    parts: list[list[Any]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return tuple(_Selector(minified_css(tinycss2.serialize(part)), _needs(part)) for part in parts)


def _parse(nodes: list[Any], only: str = "") -> tuple[_Rule, ...]:
    rules: list[_Rule] = []
    for node in nodes:
        if node.type == "comment":
            comment = f"/*{node.value}*/"
            marker = _ONLY.fullmatch(comment)
            only = marker.group("text") if marker else "" if comment == _END else only
        elif node.type == "qualified-rule":
            body = "{" + minified_css(tinycss2.serialize(node.content)) + "}"
            rules.append(_Rule(only, _selectors(node.prelude), body))
        elif node.type == "at-rule":
            head = minified_css("@" + node.at_keyword + tinycss2.serialize(node.prelude))
            if node.content is not None and node.lower_at_keyword in ("media", "supports"):
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                rules.append(_Rule(only, (), head, _parse(inner, only)))
            else:
                block = ";" if node.content is None else "{" + minified_css(tinycss2.serialize(node.content)) + "}"
                rules.append(_Rule(only, (), head + block))
    return tuple(rules)


@dataclass(frozen=True)
class _Sheet:
    rules: tuple[_Rule, ...]
    needs: frozenset[str]  # what any of its selectors needs
    only: frozenset[str]  # the TEXT of each @only section


def _all(rules: tuple[_Rule, ...]) -> list[_Rule]:
    return [r for rule in rules for r in (rule, *_all(rule.inner))]


@functools.lru_cache(maxsize=4)  # parsed once per build (and per edit of the file under serve)
def _stylesheet(text: str) -> _Sheet:
    rules = _parse(tinycss2.parse_stylesheet(text, skip_comments=False, skip_whitespace=True))
    every = _all(rules)
    return _Sheet(rules, frozenset(n for r in every for s in r.selectors for n in s.needs), frozenset(r.only for r in every) - {""})


# A page's class names: in its markup's class attributes, and any word of its scripts (which
# may add a class, or build one: `"dlkb-support--" + level`).
_CLASS_ATTR = re.compile(r'\sclass="([^"]*)"')
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
_WORD = re.compile(r"[\w-]+")


class _Page:
    """What a page's elements can be, read once: a page is asked about a few hundred classes."""

    def __init__(self, text: str, classes: set[str] | None = None):
        self.text = text
        if classes is None:
            classes = {name for found in _CLASS_ATTR.finditer(text) for name in found.group(1).split()}
            classes.update(word for script in _SCRIPT.finditer(text) for word in _WORD.findall(script.group(1)))
        self.classes = classes

    def has(self, need: str) -> bool:
        """Whether an element of the page can meet the need. The theme's script adds its own
        classes (md-…) after loading, and ours may build a modifier from a string that ends at
        its stem; the palettes a page can switch to are all written in it."""
        if not need.startswith("."):
            return need in self.text
        name = need[1:]
        return name.startswith("md-") or name in self.classes or ("--" in name and name[: name.index("--") + 2] in self.classes)


def _written(rules: tuple[_Rule, ...], keep: Callable[[_Rule], str]) -> str:
    """The rules as `keep` writes each one ("" to leave it out); a group (@media, @supports)
    around what is kept of its own rules, or nothing."""
    out = []
    for rule in rules:
        if rule.inner:
            inner = _written(rule.inner, keep)
            out.append(f"{rule.body}{{{inner}}}" if inner else "")
        else:
            out.append(keep(rule))
    return "".join(out)


@functools.lru_cache(maxsize=256)  # pages of one kind use the same rules: written once
def _css(stylesheet: str, met: frozenset[str], texts: frozenset[str]) -> str:
    def keep(rule: _Rule) -> str:
        if rule.only and rule.only not in texts:
            return ""
        if not rule.selectors:
            return rule.body  # an at-rule, whole
        kept = [s.text for s in rule.selectors if s.needs <= met]
        return ",".join(kept) + rule.body if kept else ""

    return _written(_stylesheet(stylesheet).rules, keep)


def page_css(stylesheet: str, page: str | _Page) -> str:
    """The stylesheet as one page gets it, minified: without the sections for other pages, and
    without the selectors that name a class no element of this page has or can get."""
    sheet, used = _stylesheet(stylesheet), page if isinstance(page, _Page) else _Page(page)
    return _css(stylesheet, frozenset(n for n in sheet.needs if used.has(n)), frozenset(t for t in sheet.only if t in used.text))


def _shared(stylesheet: str, pages: list[_Page]) -> list[_Page]:
    """Each page as it asks for our stylesheet: with the classes of every page that has the
    same @only sections. A stylesheet per page would give the site one inline block per page,
    and every page's content security policy lists every block's hash (instant navigation
    keeps the first page's policy): 57 hashes, 1.2 KiB more on each page than 20."""
    sheet = _stylesheet(stylesheet)
    keys = [frozenset(t for t in sheet.only if t in page.text) for page in pages]
    groups: dict[frozenset[str], list[_Page]] = {}
    for key, page in zip(keys, pages, strict=True):
        groups.setdefault(key, []).append(page)
    merged = {key: _Page(group[0].text, set().union(*(page.classes for page in group))) for key, group in groups.items()}
    return [merged[key] for key in keys]


def _script(site_dir: Path, name: str) -> str:
    """A script of the site as an inline block, minified ("" if there is none)."""
    if not (site_dir / name).is_file():
        return ""
    body = rjsmin.jsmin((site_dir / name).read_text(encoding="utf-8"))
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


# White space that starts a line, and blank lines, are the theme's and the templates' layout:
# outside the elements that keep white space (<pre>, <textarea>, scripts, and <code> and <kbd>,
# which the theme sets to pre-wrap) they render as the line break before them does (one space,
# or nothing), and they are a twentieth of a compressed page (0.8 KiB of the matrix page).
_KEEPS_SPACE = re.compile(r"<(pre|textarea|script|code|kbd)\b.*?</\1>", re.S)
_INDENT = re.compile(r"\n[ \t\n]+")


def dedented(html: str) -> str:
    """The page without white space at the start of its lines or blank lines, except where it is kept."""
    out, at = [], 0
    for kept in _KEEPS_SPACE.finditer(html):
        out += [_INDENT.sub("\n", html[at:kept.start()]), kept.group(0)]
        at = kept.end()
    return "".join(out) + _INDENT.sub("\n", html[at:])


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


def _style(stylesheet: str, page: _Page, name: str = STYLESHEET) -> str:
    """A stylesheet as `page` gets it (`page_css`), as a <style> block."""
    css = page_css(stylesheet, page)
    if "</style" in css.lower():
        raise ValueError(f"{name} contains </style")
    return f"<style>{css}</style>"


def _palette(site_dir: Path, text: str, page: _Page, read: Callable[[Path], str]) -> str:
    """`text` with the theme's palette stylesheet written into it, as far as `page` uses it, if
    it links one of this site."""
    def block(match: re.Match[str]) -> str:
        path = site_dir / match.group(1)
        return _style(read(path), page, match.group(1)) if path.is_file() else match.group(0)

    return _PALETTE_TAG.sub(block, text)


# Tables: as a page starts, the theme's script moves every table without a class into two boxes
# (so that it scrolls on its own), which lays the table out again: 100 ms of a phone's main
# thread on the licences page. Written into those boxes here, with a class, the script leaves
# it; the theme's rules for a table without a class are given to that class, read from the
# theme's own stylesheet so that they follow the theme.
TABLE_CLASS = "dlkb-table"
_BARE = "table:not([class])"
_BARE_TABLE = re.compile(r"<table(?![^>]*\sclass=)([^>]*)>(.*?)</table>", re.S)
_THEME_STYLESHEET = "assets/stylesheets/main.*.min.css"


def wrapped_tables(html: str) -> str:
    """The page with each table without a class in the theme's two boxes, and given our class."""
    return _BARE_TABLE.sub(lambda t: f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                                     f'<table class="{TABLE_CLASS}"{t.group(1)}>{t.group(2)}</table></div></div>', html)


def _for_our_table(rule: _Rule) -> str:
    kept = [s.text.replace(_BARE, f"table.{TABLE_CLASS}") for s in rule.selectors if _BARE in s.text]
    return ",".join(kept) + rule.body if kept else ""


# A minified stylesheet's top-level parts: an at-rule holding rules, an at-rule statement, a rule.
_TOP_LEVEL = re.compile(r"@[^{};]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}|@[^{};]+;|[^{}@]+\{[^{}]*\}")


def theme_table_rules(theme_css: str) -> str:
    """The theme's rules for a table without a class, written for a table of our class. Only
    the parts that name such a table are parsed (the whole stylesheet would take 90 ms a build),
    unless the stylesheet is not of the shape expected."""
    parts = _TOP_LEVEL.findall(theme_css)
    wanted = "".join(p for p in parts if _BARE in p) if sum(map(len, parts)) == len(theme_css) else theme_css
    return _written(_stylesheet(wanted).rules, _for_our_table)


def inline_assets(site_dir: Path) -> int:
    """Replace the links to our stylesheet, the theme's palette and our loader by their text in
    every page (the stylesheets as far as the page uses them), write each
    interactive part's script (and, where marked, its data) into its page, put its tables in the
    theme's boxes (`wrapped_tables`), and unwrap the code's token spans that look like the code
    around them (`plain_tokens`); return how many pages changed."""
    script = functools.cache(functools.partial(_script, site_dir))  # each file read once per build
    stylesheet = (site_dir / STYLESHEET).read_text(encoding="utf-8") if (site_dir / STYLESHEET).is_file() else None
    theme = sorted(site_dir.glob(_THEME_STYLESHEET))
    tables = stylesheet is not None and bool(theme)  # boxed only where the theme's rules for them come along
    if tables:  # first, as the theme's stylesheet comes before ours
        stylesheet = theme_table_rules(theme[0].read_text(encoding="utf-8")) + "\n" + str(stylesheet)
    read = functools.cache(lambda path: path.read_text(encoding="utf-8"))
    pages = sorted(site_dir.rglob("*.html"))
    texts = [page.read_text(encoding="utf-8") for page in pages]

    def prepared(text: str) -> str:
        text = dedented(plain_tokens(text))
        return _app_scripts(wrapped_tables(text) if tables else text, script)

    ready = [prepared(text) for text in texts]
    used = [_Page(text) for text in ready]  # its markup, and its scripts' strings for the classes they add
    asks = _shared(stylesheet, used) if stylesheet is not None else used
    changed = 0
    for page, text, new, page_used, page_asks in zip(pages, texts, ready, used, asks, strict=True):
        new = _inline_data(site_dir, page, new)
        if stylesheet is not None:
            new = _put(new, _STYLESHEET_TAG, _style(stylesheet, page_asks))
        new = _palette(site_dir, new, page_used, read)
        if script(LOADER):
            new = _put(new, _LOADER_TAG, script(LOADER))
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
