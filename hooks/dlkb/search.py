"""The search index, made Korean-aware after the theme has written it (no site generator here).

The theme indexes each page section's title and text. Korean readers also type names without
their spaces (분산학습), as initial consonants (ㅌㅅㅍㄹ), as the Korean name of a company
(구글), and expect a glossary term to lead to its own entry. So each document gets two more
fields: `keys`, the words it is *about* (a framework's names, a glossary term's names, the
organisation that made it), ranked like a title; and `also`, the Korean names of organisations
and platforms its text mentions in Latin letters, ranked like text.

Two files come out: the full index, written as UTF-8 (Hangul as itself, not as \\u escapes), which
the search worker fetches when the reader first searches; and, under the theme's own file name,
only the search settings, because the theme fetches that file on every page.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from dlkb.catalog import Catalog

THEME_FILE = "search_index.json"  # fetched by the theme on every page: settings only
FULL_FILE = "search_index.ko.json"  # fetched by docs/javascripts/search-worker.js on first use
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
HANGUL = re.compile(r"[가-힣]")
FOOTNOTE = re.compile(r"<sup>(?:\[\d+\])+</sup>")  # source numbers: no reader searches for "[3]"


class SearchWords(BaseModel):
    """`data/search.yaml`."""

    model_config = ConfigDict(extra="forbid")
    orgs: dict[str, list[str]] = Field(default_factory=dict, description="로마자 이름 → 한국어 이름")
    endings: list[str] = Field(default_factory=list, description="검색어 끝에서 떼어 낼 조사와 어미")


def load_words(path: Path) -> SearchWords:
    if not path.is_file():
        return SearchWords()
    return SearchWords.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def choseong(word: str) -> str:
    """The initial consonants of a Hangul word (텐서플로 → ㅌㅅㅍㄹ); other characters stay."""
    return "".join(CHOSEONG[(ord(c) - 0xAC00) // 588] if "가" <= c <= "힣" else c for c in word)


def forms(name: str) -> list[str]:
    """A name as readers type it: as written, without its spaces, each pair of neighbouring words
    joined (정적 계산 그래프 → 정적계산, 계산그래프), and, for Hangul, as the initial consonants
    of the whole (ㅈㅈㄱㅅㄱㄹㅍ)."""
    words = name.split()
    joined = "".join(words)
    out = [name, joined, *("".join(pair) for pair in itertools.pairwise(words))]
    return [*out, choseong(joined)] if HANGUL.search(joined) else out


def _unique(words: list[str]) -> str:
    return " ".join(dict.fromkeys(w for w in words if w))


def _mentions(words: SearchWords, text: str) -> list[str]:
    """Korean names of the organisations a text names in Latin letters (whole words only)."""
    # `latin in text` first: most names are in few texts, and a substring test costs far less
    # than the regular expression (450 documents × 110 names on every build).
    return [ko for latin, names in words.orgs.items()
            if latin in text and re.search(rf"(?<![A-Za-z]){re.escape(latin)}(?![A-Za-z])", text) for ko in names]


def _glossary_docs(catalog: Catalog) -> list[dict[str, Any]]:
    """One search document per glossary term, so that a term's own entry is the result."""
    if catalog.glossary is None:
        return []
    docs = []
    for term in catalog.glossary.terms:
        names = [term.ko, term.en, *term.aliases]
        text = f"{html.escape(term.en)} ({html.escape(', '.join(term.aliases))}) <p>{html.escape(term.definition_ko)}</p>"
        docs.append({"location": f"glossary/#{term.id}", "title": term.ko, "text": text,
                     "keys": _unique([f for n in names for f in forms(n)])})
    return docs


def _framework_keys(catalog: Catalog, words: SearchWords) -> dict[str, str]:
    """A framework page's own words: its names, and the organisation that first made it
    (later contributors are only mentioned, so they go into `also` with the text)."""
    keys = {}
    for fw in catalog.frameworks.values():
        names = [fw.name, *filter(None, [fw.name_ko]), *fw.aliases]
        maker = _mentions(words, fw.developers[0].name) if fw.developers else []
        keys[f"frameworks/{fw.id}/"] = _unique([f for n in names for f in forms(n)] + maker)
    return keys


def enrich(index: dict[str, Any], catalog: Catalog, words: SearchWords) -> dict[str, Any]:
    """The theme's index with the `keys` and `also` fields, one document per glossary term, and
    the endings the search worker strips from a query."""
    keys = _framework_keys(catalog, words)
    docs: list[dict[str, Any]] = []
    for doc in index["docs"]:
        if doc["location"] == "glossary/#terms":  # the whole term list: replaced by its entries
            docs += _glossary_docs(catalog)
            continue
        doc = {**doc, "text": FOOTNOTE.sub("", doc["text"])}
        if doc["location"] in keys:
            doc["keys"] = keys[doc["location"]]
        # Not for a source list: a source's title names where a fact comes from, not the page's subject.
        also = "" if doc["location"].endswith("#sources") else _unique(_mentions(words, doc["title"] + " " + doc["text"]))
        if also:
            doc["also"] = also
        docs.append(doc)
    return {"config": index["config"], "docs": docs, "endings": sorted(set(words.endings), key=lambda e: (-len(e), e))}


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def merged_entries(previous: dict[str, list[dict[str, Any]]], docs: list[dict[str, Any]], built: set[str],
                   pages: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The theme's index entries of every page in `pages`, by page address, after a rebuild that
    indexed only the pages in `built` (`docs`): theirs from now, the others' from `previous`."""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        fresh.setdefault(doc["location"].split("#")[0], []).append(doc)
    return {page: fresh.get(page, []) if page in built else previous.get(page, []) for page in pages}


def write_index(search_dir: Path, catalog: Catalog, data_dir: Path) -> None:
    """Rewrite the theme's index in `search_dir` into the settings file and the full index."""
    theme = search_dir / THEME_FILE
    index = json.loads(theme.read_text(encoding="utf-8"))
    if not isinstance(index, dict) or not index.get("docs") or "config" not in index:
        return  # done already (settings only), or another generator's index format: left as it is
    full = enrich(index, catalog, load_words(data_dir / "search.yaml"))
    (search_dir / FULL_FILE).write_text(_dump(full), encoding="utf-8")
    theme.write_text(_dump({"config": index["config"], "docs": []}), encoding="utf-8")
