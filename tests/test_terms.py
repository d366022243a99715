"""Glossary terms linked from the pages that use them (dlkb.terms): the first use of each term on
a page links to its glossary entry, by one rule of Korean word boundaries, never inside code,
links, headings, table headings or attributes, and never on the glossary page itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dlkb.catalog import Catalog
from dlkb.pages import relative_root
from dlkb.terms import Term, TermLinker, glossary_terms

TERMS = [
    Term("tensor", ("텐서", "Tensor", "ndarray")),
    Term("graph", ("그래프",)),
    Term("computation-graph", ("계산 그래프",)),
    Term("static-graph", ("정적 계산 그래프", "정적 그래프")),
    Term("onnx", ("ONNX",)),
    Term("cuda", ("CUDA",)),
    Term("grad", ("grad",)),
    Term("eager", ("즉시 실행(eager execution)", "즉시 실행")),
]
HREF = "../../glossary/"


def link(term_id: str, text: str) -> str:
    return f'<a class="dlkb-term" href="{HREF}#{term_id}">{text}</a>'


def linked(text: str) -> str:
    return TermLinker(TERMS).page(text, HREF)


@pytest.mark.parametrize(("text", "expected"), [
    # a particle after the term: the term is linked, the particle stays outside the link
    ("<p>텐서를 만듭니다.</p>", f"<p>{link('tensor', '텐서')}를 만듭니다.</p>"),
    ("<p>그래프에서는 텐서들이 흐릅니다.</p>", f"<p>{link('graph', '그래프')}에서는 {link('tensor', '텐서')}들이 흐릅니다.</p>"),
    ("<p>텐서입니다.</p>", f"<p>{link('tensor', '텐서')}입니다.</p>"),
    # inside a longer word: not the term (그래프로스 is not 그래프 + 로), but the next use is
    ("<p>그래프로스와 그래프로</p>", f"<p>그래프로스와 {link('graph', '그래프')}로</p>"),
    ("<p>텐서플로와 텐서</p>", f"<p>텐서플로와 {link('tensor', '텐서')}</p>"),
    # a word that ends in the term is not the term either
    ("<p>서브그래프와 비정적 그래프</p>", f"<p>서브그래프와 비정적 {link('graph', '그래프')}</p>"),
    # a verb made from the term (하다, 되다) is not the term followed by a particle
    ("<p>텐서화된 값과 텐서의 값</p>", f"<p>텐서화된 값과 {link('tensor', '텐서')}의 값</p>"),
    # the first use per page only; an alias is the same term
    ("<p>Tensor와 텐서와 ndarray</p>", f"<p>{link('tensor', 'Tensor')}와 텐서와 ndarray</p>"),
    # Latin forms end where the Latin word ends
    ("<p>TensorFlow의 Tensor</p>", f"<p>TensorFlow의 {link('tensor', 'Tensor')}</p>"),
    ("<p>CUDA용 빌드, ONNX-TF와 ONNX로</p>", f"<p>{link('cuda', 'CUDA')}용 빌드, ONNX-TF와 {link('onnx', 'ONNX')}로</p>"),
    ("<p>tf.grad와 grad_fn, grad.</p>", f"<p>tf.grad와 grad_fn, {link('grad', 'grad')}.</p>"),
    ("<p>onnx와 ONNXRuntime</p>", "<p>onnx와 ONNXRuntime</p>"),  # case as the glossary writes it
    # the longest form wins; a term already linked is passed over whole, with what is inside it
    ("<p>정적 계산 그래프, 정적 계산 그래프, 계산 그래프</p>",
     f"<p>{link('static-graph', '정적 계산 그래프')}, 정적 계산 그래프, {link('computation-graph', '계산 그래프')}</p>"),
    # a form that ends in a bracket; a space may be a line break in the page
    ("<p>즉시 실행(eager execution)은</p>", f"<p>{link('eager', '즉시 실행(eager execution)')}은</p>"),
    ("<p>정적\n그래프</p>", f"<p>{link('static-graph', '정적' + chr(10) + '그래프')}</p>"),
])
def test_a_term_is_linked_where_it_is_a_word(text: str, expected: str) -> None:
    assert linked(text) == expected


def test_never_inside_code_links_headings_table_headings_or_attributes() -> None:
    page = ("---\ndescription: \"텐서\"\n---\n\n# 텐서\n\n## 텐서 { #tensor }\n\n"
            '<p title="텐서"><a href="x">텐서</a> <code>텐서</code> `텐서` [텐서](y) <!-- 텐서 --></p>\n'
            "```python\n텐서 = 1\n```\n\n"
            "<table><caption>텐서</caption><thead><tr><th>텐서</th></tr></thead>"
            "<tbody><tr><th scope=\"row\">텐서</th><td>텐서</td></tr></tbody></table>\n"
            "<dl><dt>텐서</dt><dd>그래프</dd></dl><svg><text>ONNX</text></svg><details><summary>ONNX</summary></details>\n")
    expected = page.replace("<td>텐서</td>", f"<td>{link('tensor', '텐서')}</td>").replace(
        "<dd>그래프</dd>", f"<dd>{link('graph', '그래프')}</dd>")
    assert linked(page) == expected


def test_an_element_left_open_inside_a_skipped_one_does_not_stop_the_linking() -> None:
    assert linked("<th><code>텐서</th><td>텐서</td>") == f"<th><code>텐서</th><td>{link('tensor', '텐서')}</td>"


def test_each_page_starts_afresh() -> None:
    linker = TermLinker(TERMS)
    assert linker.page("<p>텐서</p>", HREF) == linker.page("<p>텐서</p>", HREF) == f"<p>{link('tensor', '텐서')}</p>"
    assert linker.page("<p>텐서</p>", "../glossary/") == \
        '<p><a class="dlkb-term" href="../glossary/#tensor">텐서</a></p>'


def test_a_term_is_found_by_its_korean_form_and_its_aliases(catalog: Catalog) -> None:
    assert catalog.glossary is not None
    tensor = next(t for t in glossary_terms(catalog.glossary) if t.id == "tensor")
    assert tensor.forms == ("텐서", "Tensor", "다차원 배열", "ndarray")


@pytest.mark.parametrize(("path", "root"), [("frameworks/pytorch.md", "../../"), ("compare/pros-cons.md", "../../"),
                                            ("migrate/index.md", "../"), ("tools.md", "../"), ("index.md", "")])
def test_the_glossary_is_reached_from_where_the_page_is_served(path: str, root: str) -> None:
    assert relative_root(path) == root


TERM_LINK = re.compile(r'<a class="dlkb-term" href="([^"#]*)#([a-z0-9-]+)">([^<]*)</a>')


def test_the_built_framework_page_links_a_term_once_and_the_glossary_none(site: Path) -> None:
    pytorch = (site / "frameworks" / "pytorch" / "index.html").read_text(encoding="utf-8")
    links = TERM_LINK.findall(pytorch)
    assert [text for href, anchor, text in links if anchor == "tensor"] == ["텐서"]
    assert {href for href, _, _ in links} == {"../../glossary/"}
    assert len(links) == len({anchor for _, anchor, _ in links})  # each term once
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="tensor"' in glossary and 'class="dlkb-term"' not in glossary
    tools = (site / "tools" / "index.html").read_text(encoding="utf-8")
    assert {href for href, _, _ in TERM_LINK.findall(tools)} == {"../glossary/"}
