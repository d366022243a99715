"""Glossary terms linked from the pages that use them: on each page, the first use of a term in
the reader's text links to its entry on the glossary page. The link has no title: a phone never
shows one, and on a framework page the definitions as titles were 1.1 KiB of its first view
(issue 16: at most 80 KiB); the entry is one tap away. Everything comes from data/glossary.yaml:
the term's Korean form and its aliases are what is found, its id is the anchor.

This runs over a rendered page (Markdown with HTML blocks), after the templates escaped the
records' text: it only wraps text that is already on the page in an <a>, and never looks inside
tags (attributes), HTML comments, front matter, code (fenced, inline or <code>/<pre>), links,
headings, table and list headings (<th>, <dt>, <caption>), controls or pictures.

Where a term matches (one rule for every form):
- it starts a word: not right after a Hangul syllable (비정적 그래프 has no 정적 그래프), and a
  Latin form not right after a Latin letter or digit, nor after one and a joining '-', '.' or '/'
  (`tf.grad` has no grad);
- a form that ends in Hangul may be followed only by particles (조사, the copula 이다 and
  plural 들, up to three in a row: 텐서를, 그래프에서는, 텐서들이) and then no further
  syllable: 그래프로 links 그래프, 그래프로스 does not; nor does a verb made from the word
  (양자화된, 배포하는: 하다 and 되다 are not particles);
- a form that ends in a Latin letter or digit ends where the Latin word ends (CUDA용, ONNX로),
  not before another Latin letter or digit or a joining '-', '.' or '/' and one (TensorFlow has
  no Tensor, ONNX-TF no ONNX);
- case as written in the glossary (Define-by-Run and define-by-run are listed apart);
- at one place the longest form wins, and a use of a term already linked on the page is passed
  over whole: a second 정적 계산 그래프 links neither itself nor the 계산 그래프 inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from dlkb.model import Glossary

HANGUL = "\uac00-\ud7a3"  # the precomposed syllables
# Particles (and the copula, and 들) that may follow a term written in Hangul, longest first so
# that the alternation takes 에서 before 에.
PARTICLES = sorted((
    "이", "가", "을", "를", "은", "는", "의", "에", "에서", "에게", "께", "한테", "로", "으로", "로서", "으로서",
    "로써", "으로써", "로부터", "으로부터", "와", "과", "랑", "이랑", "도", "만", "까지", "부터", "보다", "처럼",
    "같이", "마다", "나", "이나", "든", "이든", "든지", "이든지", "라도", "이라도", "조차", "마저", "뿐", "밖에",
    "란", "이란", "라는", "이라는", "라고", "이라고", "라면", "이라면", "이다", "입니다", "이며", "며", "이고",
    "이지만", "지만", "인", "인지", "이었", "였", "들",
), key=len, reverse=True)
_AFTER_HANGUL = f"(?=(?:{'|'.join(PARTICLES)}){{0,3}}(?![{HANGUL}]))"
_LATIN = "A-Za-z0-9"
_AFTER_LATIN = f"(?![{_LATIN}_])(?![-./][{_LATIN}])"

# Elements whose text is never linked: links and code, headings of every kind, controls, pictures.
SKIP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "h1", "h2", "h3", "h4",
                  "h5", "h6", "th", "dt", "caption", "figcaption", "summary", "button", "label", "select",
                  "option", "textarea", "title", "time"})
# What is copied as it is: front matter, fenced code, a Markdown heading, an HTML comment, a tag,
# inline code, a Markdown link. The text between them is the reader's text.
_PROTECTED = re.compile(
    r"(?P<front>\A---\n.*?\n---\n)"
    r"|(?P<fence>^(?P<mark>`{3,}|~{3,})[^\n]*\n.*?^(?P=mark)[ \t]*$)"
    r"|(?P<heading>^#{1,6}[ \t][^\n]*$)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>)"
    r"|(?P<code>`[^`\n]+`)"
    r"|(?P<mdlink>\[[^\]\n]*\]\([^)\n]*\))",
    re.M | re.S,
)


@dataclass(frozen=True)
class Term:
    id: str
    forms: tuple[str, ...]  # the Korean form and the aliases, as written in the glossary


def glossary_terms(glossary: Glossary) -> list[Term]:
    return [Term(t.id, (t.ko, *t.aliases)) for t in glossary.terms]


def _form_pattern(form: str) -> str:
    """One form as a pattern over escaped HTML text: its own escaping, any space as any run of
    white space (a template may break a line there), and the word boundaries of the rule above.
    The pattern starts with the form's first character and looks behind it from there, so that
    the regex engine can skip every place where no form's first character is (a hundredfold faster
    over a page than starting each form with a look-behind)."""
    words = [re.escape(str(escape(word))) for word in form.split()]
    first, last = form[0], form[-1]
    head = re.escape(first)  # a letter or digit (the rule's cases), or a sign that needs no boundary
    rest = r"\s+".join(words)[len(head):]
    if re.match(f"[{HANGUL}]", first):
        before = f"(?<![{HANGUL}]{head})"
    elif re.match(f"[{_LATIN}]", first):
        before = f"(?<![{_LATIN}_]{head})(?<![{_LATIN}][-./]{head})"
    else:
        before = ""
    after = _AFTER_HANGUL if re.match(f"[{HANGUL}]", last) else _AFTER_LATIN if re.match(f"[{_LATIN}]", last) else ""
    return head + before + rest + after


class TermLinker:
    """Links the first use of each term on a page to the glossary page."""

    def __init__(self, terms: list[Term]):
        # The forms by their first character, longest first: at one place the longest form wins.
        # Only the places holding some form's first character are tried, each with the few forms
        # that start there (one alternation of every form, tried at every character, is too slow).
        forms = sorted(((form, term) for term in terms for form in term.forms), key=lambda ft: -len(ft[0]))
        self.by_first: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
        for form, term in forms:
            self.by_first.setdefault(str(escape(form))[0], []).append((re.compile(_form_pattern(form)), term))
        self.starts = re.compile("[" + "".join(re.escape(c) for c in self.by_first) + "]")

    def page(self, markdown: str, href: str) -> str:
        """The page with its terms linked, `href` being the glossary page's address from there.
        Each page starts afresh: every term may be linked once on every page."""
        linked: set[str] = set()
        open_skips: list[str] = []
        out: list[str] = []
        at = 0
        for found in _PROTECTED.finditer(markdown):
            out.append(self._text(markdown[at:found.start()], href, linked) if not open_skips else markdown[at:found.start()])
            out.append(found.group(0))
            at = found.end()
            if found.group("tag"):
                _follow(found.group("tag"), found.group("name").lower(), open_skips)
        out.append(self._text(markdown[at:], href, linked) if not open_skips else markdown[at:])
        return "".join(out)

    def _text(self, text: str, href: str, linked: set[str]) -> str:
        out, done = [], 0  # text[:done] is in `out`
        for start in self.starts.finditer(text):
            pos = start.start()
            if pos < done:
                continue  # inside the form found last
            for pattern, term in self.by_first[text[pos]]:
                found = pattern.match(text, pos)  # its look-behind sees the text before `pos`
                if found is None:
                    continue
                if term.id not in linked:
                    linked.add(term.id)
                    out += [text[done:pos], f'<a class="dlkb-term" href="{href}#{term.id}">',
                            found.group(0), "</a>"]
                    done = found.end()
                else:
                    out.append(text[done:found.end()])  # a term already linked is passed over whole
                    done = found.end()
                break
        out.append(text[done:])
        return "".join(out)


def _follow(tag: str, name: str, open_skips: list[str]) -> None:
    """Keep the stack of open elements whose text is not linked."""
    if name not in SKIP or tag.endswith("/>"):
        return
    if not tag.startswith("</"):
        open_skips.append(name)
    elif name in open_skips:
        while open_skips.pop() != name:  # an element left open inside is closed with it
            pass
