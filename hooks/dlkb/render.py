"""Render the catalogue into Markdown pages (with HTML blocks) through strict Jinja templates.

Record text is data, never template source: it only ever enters a template as a variable, and
autoescaping turns it into inert HTML text. Text that lands in Markdown syntax (headings) is
escaped once more for Markdown. Only http(s) URLs become links.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from importlib import resources

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from dlkb import labels
from dlkb.catalog import Catalog
from dlkb.export import CSV_COLUMNS, FORMAT_VERSION
from dlkb.graphs import lineage_edges, lineage_svg, timeline_svg
from dlkb.model import Claim, Feature, Framework, Source
from dlkb.reference import field_rows, need_rows, support_kept

# Python-Markdown's backslash escapes; '<', '>' and '&' are already HTML entities by then.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: object) -> Markup:
    """Escape text for a Markdown heading or paragraph: HTML first, then Markdown syntax."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", escape(str(value), quote=False)))


def link(url: str | None, text: object | None = None) -> Markup:
    """An external link, only for http(s) URLs; anything else stays plain, escaped text."""
    label = escape(str(text if text is not None else url or ""))
    if url and re.match(r"^https?://", url):
        return Markup(f'<a href="{escape(url)}" rel="noopener">{label}</a>')
    return Markup(label)


def _template_source(name: str) -> str:
    return resources.files("dlkb").joinpath("templates", name).read_text(encoding="utf-8")


def make_env() -> Environment:
    env = Environment(
        loader=FunctionLoader(_template_source),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_text, kdate=labels.kdate, iso=labels.iso)
    env.globals.update(link=link, L=labels)
    return env


@dataclass(frozen=True)
class Cite:
    """A numbered reference on one page: [n] links to the page's source list."""

    number: int
    source: Source


class Citations:
    """Numbers the sources a page cites, in the order of first citation."""

    def __init__(self, catalog: Catalog, owner, page: str = ""):
        # `page` is where the numbered source list lives when it is not this page
        self.catalog, self.owner, self.page = catalog, owner, page
        self.order: dict[str, Cite] = {}

    def __call__(self, ids: list[str]) -> Markup:
        """The inline reference marks for a list of source ids."""
        marks = []
        for source_id in ids:
            if source_id not in self.order:
                src = self.catalog.source(self.owner, source_id)
                self.order[source_id] = Cite(len(self.order) + 1, src)
            n = self.order[source_id].number
            marks.append(f'<a class="dlkb-cite" href="{self.page}#src-{escape(source_id)}" title="출처 {n}">[{n}]</a>')
        return Markup("<sup>" + "".join(marks) + "</sup>") if marks else Markup("")

    def linked_from(self, page: str) -> "Citations":
        """The same numbering, for marks on another page that point at this page's list."""
        other = Citations(self.catalog, self.owner, page)
        other.order = self.order
        return other

    def listed(self) -> list[Cite]:
        """Every source the page cited, then the record's uncited ones, numbered."""
        for src in self.owner.sources:
            if src.id not in self.order:
                self.order[src.id] = Cite(len(self.order) + 1, src)
        return sorted(self.order.values(), key=lambda c: c.number)


def support_cell(feature: Feature, cite: Citations) -> Markup:
    """A support value as an icon and a Korean word, with its note and sources."""
    parts = [
        f'<span class="dlkb-support dlkb-support--{escape(feature.value.replace("/", ""))}">'
        f'<span aria-hidden="true">{labels.SUPPORT_ICON[feature.value]}</span> {labels.SUPPORT[feature.value]}</span>'
    ]
    if feature.tools:
        parts.append(f'<span class="dlkb-tools">{escape(", ".join(feature.tools))}</span>')
    if feature.note_ko:
        parts.append(f'<span class="dlkb-note">{escape(feature.note_ko)}</span>')
    return Markup(" ".join(parts)) + cite(feature.sources)


@dataclass
class Page:
    """A generated page: where it goes, its Markdown, and the data file its edit button opens."""

    path: str
    markdown: str
    edit_path: str | None = None


def _url_root(path: str) -> str:
    """'frameworks/x.md' -> '../../': the way back to the site root from that page's URL."""
    parts = path[:-3].split("/")
    depth = len(parts) - (1 if parts[-1] == "index" else 0)
    return "../" * depth


def render_pages(catalog: Catalog, today: dt.date, repo_url: str = "") -> list[Page]:
    """Every generated page of the site; `repo_url` is where contributors send pull requests."""
    env = make_env()
    frameworks = list(catalog.frameworks.values())
    citations = lambda owner: Citations(catalog, owner)  # noqa: E731 - a fresh numbering per page
    common = dict(frameworks=frameworks, catalog=catalog, today=today, claim=claim_cell, citations=citations)

    def page(path: str, template: str, edit: str | None = None, **extra) -> Page:
        text = env.get_template(template).render(**common, root=_url_root(path), **extra)
        return Page(path, text, edit)

    pages = []
    framework_cites: dict[str, Citations] = {}
    for fw in frameworks:
        cite = framework_cites[fw.id] = citations(fw)
        pages.append(page(f"frameworks/{fw.id}.md", "framework.md.j2", catalog.files[fw.id], fw=fw, cite=cite,
                          support=lambda f, cite=cite: support_cell(f, cite), incoming=_incoming(catalog, fw.id)))
    # Other pages cite a framework's facts with the numbers of that framework's source list.
    common["framework_cite"] = lambda fw: framework_cites[fw.id].linked_from(f"../../frameworks/{fw.id}/")
    edges = lineage_edges(frameworks)
    pages += [
        page("index.md", "home.md.j2", last_verified=max(f.last_verified for f in frameworks)),
        page("frameworks/index.md", "frameworks.md.j2"),
        page("compare/matrix.md", "matrix.md.j2"),
        page("compare/pros-cons.md", "pros_cons.md.j2"),
        page("compare/licenses.md", "licenses.md.j2", license_info=labels.license_info, by_license=_by_license(frameworks)),
        page("compare/timeline.md", "timeline.md.j2", svg=Markup(timeline_svg(frameworks, today)),
             by_first_release=sorted(frameworks, key=lambda f: (labels.iso(f.first_release), f.name.lower()))),
        page("compare/lineage.md", "lineage.md.j2", svg=Markup(lineage_svg(frameworks, edges)), edges=edges),
        page("contributing.md", "contributing.md.j2", rows=field_rows(), feature_rows=field_rows(Feature),
             needs=need_rows(catalog), support=support_kept(), repo_url=repo_url),
        page("data.md", "data.md.j2", format_version=FORMAT_VERSION, csv_columns=[name for name, _ in CSV_COLUMNS]),
    ]
    for cmp in catalog.comparisons.values():
        pages.append(page(f"compare/{cmp.id}.md", "comparison.md.j2", f"data/comparisons/{cmp.id}.yaml", cmp=cmp, cite=citations(cmp)))
    if catalog.glossary:
        pages.append(page("glossary.md", "glossary.md.j2", "data/glossary.yaml", glossary=catalog.glossary))
    return pages


def _by_license(frameworks: list[Framework]) -> list[tuple[str, list[Framework]]]:
    groups: dict[str, list[Framework]] = {}
    for fw in frameworks:
        groups.setdefault(fw.license.spdx, []).append(fw)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def claim_cell(claim: Claim, cite: Citations) -> Markup:
    """One dated claim; an outdated one is marked and followed by what is true now."""
    when = f'<time datetime="{labels.iso(claim.as_of)}">{labels.kdate(claim.as_of)}</time>'
    out = f'<p class="dlkb-claim">{escape(claim.text_ko)} <span class="dlkb-when">({when} 기준)</span>{cite(claim.sources)}</p>'
    if claim.correction:
        flag = "지금은 맞지 않습니다" if not claim.still_true else "덧붙임"
        cls = "dlkb-outdated" if not claim.still_true else "dlkb-addendum"
        c = claim.correction
        out += (
            f'<p class="{cls}"><strong>{flag}:</strong> {escape(c.text_ko)} '
            f'<span class="dlkb-when">(<time datetime="{c.as_of.isoformat()}">{labels.kdate(c.as_of)}</time> 확인)</span>{cite(c.sources)}</p>'
        )
    return Markup(out)


def _incoming(catalog: Catalog, target: str) -> list[tuple[Framework, str]]:
    """(framework, Korean relation) for every other record whose lineage points at `target`."""
    found = []
    for fw in catalog.frameworks.values():
        for link_ in fw.lineage:
            if link_.id == target:
                found.append((fw, labels.RELATION_REVERSE[link_.relation]))
        if fw.successor == target and not any(l.id == target and l.relation == "merged_into" for l in fw.lineage):
            found.append((fw, "이 프로젝트가 뒤를 이음"))
    return found


def nav(catalog: Catalog) -> list:
    """MkDocs `nav`: fixed sections, with every record and comparison listed from the data."""
    # MkDocs themes print nav titles as HTML (no autoescape), so record text is escaped here.
    frameworks = [{escape(fw.name): f"frameworks/{fw.id}.md"} for fw in catalog.frameworks.values()]
    pairs = [{escape(cmp.title_ko): f"compare/{cmp.id}.md"} for cmp in catalog.comparisons.values()]
    return [
        {"홈": "index.md"},
        {"프레임워크": ["frameworks/index.md", *frameworks]},
        {
            "비교": [
                "compare/index.md",
                {"기능 비교표": "compare/matrix.md"},
                {"장점과 단점": "compare/pros-cons.md"},
                {"라이선스": "compare/licenses.md"},
                {"연표": "compare/timeline.md"},
                {"계보": "compare/lineage.md"},
                *pairs,
            ]
        },
        {"고르기 도우미": "guide/index.md"},
        *([{"용어집": "glossary.md"}] if catalog.glossary else []),
        {"데이터 내려받기": "data.md"},
        {"기여하기": "contributing.md"},
    ]
