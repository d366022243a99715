"""Render the catalogue into Markdown pages (with HTML blocks) through strict Jinja templates.

Record text is data, never template source: it only ever enters a template as a variable, and
autoescaping turns it into inert HTML text. Text that lands in Markdown syntax (headings) is
escaped once more for Markdown. Only http(s) URLs become links.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from dlkb import health, labels, spdx
from dlkb.badges import badge_path, badge_snippet
from dlkb.catalog import Catalog
from dlkb.export import FORMAT_VERSION
from dlkb.feeds import SITE_FEED, framework_feed
from dlkb.fields import FieldView, fields_for, matrix_groups, release_text
from dlkb.graphs import lineage_edges, lineage_stages, lineage_svg, timeline_rows, timeline_svg
from dlkb.history import MAX_CHANGES, History, commit_url, read_history
from dlkb.live import LIVE
from dlkb.migration import Migration
from dlkb.model import (
    REGISTRY_LABEL,
    Claim,
    Comparison,
    Distributed,
    Feature,
    Framework,
    Glossary,
    GlossaryTerm,
    Hardware,
    Links,
    RecommendationList,
    Source,
    ToolList,
)
from dlkb.needs import DEFAULT_NEEDS, NEEDS, answer
from dlkb.pages import (
    CHANGES,
    COMPARE_INDEX,
    CONTRIBUTING,
    DATA,
    EXAMPLES,
    FRAMEWORK_LIST,
    GLOSSARY,
    GUIDE,
    HEALTH,
    HOME,
    MIGRATE_INDEX,
    RECOMMENDATIONS,
    SECTION_PAGES,
    TOOLS,
    comparison_page,
    framework_page,
    migration_page,
    recommendation_anchor,
    relative_root,
    tool_anchor,
)
from dlkb.reference import field_rows, need_rows, support_kept
from dlkb.terms import Term, TermLinker, glossary_terms
from dlkb.verdict import framework_verdict, home_checked
from dlkb.vocab import SUCCESSOR_LABEL, SUCCESSOR_REVERSE, GraphMode, Kind, Patent, Relation, Status, Support, Vocab

Owner = Framework | Comparison | Glossary | ToolList | Migration | RecommendationList

# Python-Markdown's backslash escapes; '<', '>' and '&' are already HTML entities by then.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: object) -> Markup:
    """Escape text for a Markdown heading or paragraph: HTML first, then Markdown syntax."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", escape(str(value), quote=False)))


def is_http_url(value: object) -> bool:
    """Only http(s) URLs become links; anything else stays plain, escaped text."""
    return isinstance(value, str) and re.match(r"^https?://", value) is not None


def _template_source(name: str) -> str:
    return resources.files("dlkb").joinpath("templates", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def make_env() -> Environment:
    """One environment per process: templates compile once. Under `mkdocs serve` the module is
    read afresh for every rebuild (dlkb.live.forget_core), so an edited template is seen."""
    env = Environment(
        loader=FunctionLoader(_template_source),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=LIVE.templates,  # serve makes this environment anew for every rebuild
    )
    env.filters.update(md=md_text, kdate=labels.kdate, iso=labels.iso, particle=labels.particle)
    env.tests["http_url"] = is_http_url
    env.globals.update(Status=Status, Support=Support, Relation=Relation, SUCCESSOR_LABEL=SUCCESSOR_LABEL,
                       licence=spdx.parse, license_info=labels.license_info, REGISTRY_LABEL=REGISTRY_LABEL)
    return env


@dataclass(frozen=True)
class Cite:
    """A numbered reference on one page: [n] links to the page's source list."""

    number: int
    source: Source


class Citations:
    """Numbers the sources a page cites, in the order of first citation."""

    def __init__(self, catalog: Catalog, owner: Owner, marks: Callable[[str, list[Cite]], Markup], page: str = ""):
        # `page` is where the numbered source list lives when it is not this page
        self.catalog, self.owner, self.marks, self.page = catalog, owner, marks, page
        self.order: dict[str, Cite] = {}

    def __call__(self, ids: list[str]) -> Markup:
        """The inline reference marks for a list of source ids (macros.j2: cite_marks)."""
        for source_id in ids:
            if source_id not in self.order:
                self.order[source_id] = Cite(len(self.order) + 1, self.catalog.source(self.owner, source_id))
        return self.marks(self.page, [self.order[source_id] for source_id in ids])

    def linked_from(self, page: str) -> Citations:
        """The same numbering, for marks on another page that point at this page's list."""
        other = Citations(self.catalog, self.owner, self.marks, page)
        other.order = self.order
        return other

    def listed(self) -> list[Cite]:
        """Every source the page cited, then the record's uncited ones, numbered."""
        for src in self.owner.sources:
            if src.id not in self.order:
                self.order[src.id] = Cite(len(self.order) + 1, src)
        return sorted(self.order.values(), key=lambda c: c.number)


@dataclass
class Page:
    """A generated page: where it goes, its Markdown, and the data file its edit button opens."""

    path: str
    markdown: str
    edit_path: str | None = None


# A claim checked within this many years before the build, and still true, is today's view; the
# rest are shown after it, by the year they were made ("2017년의 평가").
CURRENT_YEARS = 2


@dataclass(frozen=True)
class ClaimGroup:
    title: str
    current: bool
    items: list[list[Claim]]  # one entry each: claims on one topic, the newest first


def _topics(claims: list[Claim]) -> list[list[Claim]]:
    """Claims that say the same thing (same `topic`, and all still true or all not) as one entry,
    newest first, so that five posts praising the same point read as one point with five dates."""
    buckets: dict[object, list[Claim]] = {}
    for i, c in enumerate(claims):
        buckets.setdefault((c.topic, c.still_true) if c.topic else i, []).append(c)
    return [sorted(b, key=lambda c: -labels.year_of(c.as_of)) for b in buckets.values()]


def claim_groups(claims: list[Claim], today: dt.date) -> list[ClaimGroup]:
    """Pros (or cons) in the order a reader needs them: today's view first, then older ones by era,
    newest first. A pro and a con are listed apart, never paired in a row they do not share."""
    def is_current(item: list[Claim]) -> bool:
        return item[0].still_true and labels.year_of(item[0].as_of) >= today.year - CURRENT_YEARS

    items = sorted(_topics(claims), key=lambda item: -labels.year_of(item[0].as_of))  # stable: file order within a year
    current = [item for item in items if is_current(item)]
    groups = [ClaimGroup("지금의 평가", True, current)] if current else []
    older = [item for item in items if not is_current(item)]
    for year, same_year in itertools.groupby(older, key=lambda item: labels.year_of(item[0].as_of)):
        groups.append(ClaimGroup(f"{year}년의 평가", False, list(same_year)))
    return groups


def _context(catalog: Catalog, today: dt.date, env: Environment) -> dict[str, Any]:
    marks = env.get_template("macros.j2").module.cite_marks  # type: ignore[attr-defined]
    return dict(
        frameworks=list(catalog.frameworks.values()), catalog=catalog, today=today, claim_groups=claim_groups,
        citations=lambda owner: Citations(catalog, owner, marks),  # a fresh numbering per page
        fields={view: fields_for(view) for view in ("facts", "features", "deployment", "matrix")},
        link_fields=[(name, info.title) for name, info in Links.model_fields.items()],
        latest_text=lambda fw: release_text(fw.latest_release, fw),
        # A name in a Feature's `tools` that is on the tools page links there (ToolList.named).
        tool_named=catalog.tools.named() if catalog.tools else {}, tool_anchor=tool_anchor,
        recommendations=catalog.recommendations, recommendation_anchor=recommendation_anchor,
        recommendations_url=RECOMMENDATIONS.removesuffix(".md") + "/",
        # The examples and the migration guides, from the site root (pages.py declares them once).
        examples_url=EXAMPLES.removesuffix(".md") + "/", migrate_url=MIGRATE_INDEX.removesuffix("index.md"),
        migration_url=lambda fw_id: migration_page(fw_id).removesuffix(".md") + "/",
        examples_by_framework={view.example.framework: view for view in catalog.examples},
    )


def render_pages(catalog: Catalog, today: dt.date, repo_url: str = "", history: History | None = None,
                 site_url: str = "") -> list[Page]:
    """Every generated page of the site; `repo_url` is where contributors send pull requests.
    `history` is read from git when not given (stage.generated_files reads it once for the feeds too)."""
    env = make_env()
    common = _context(catalog, today, env)
    common["framework_feed"] = framework_feed
    common.update(badge_path=badge_path, badge_snippet=badge_snippet, site_url=site_url)  # the badge at the bottom of a framework page
    frameworks: list[Framework] = common["frameworks"]

    def page(path: str, template: str, edit: str | None = None, **extra: Any) -> Page:
        return Page(path, with_description(env.get_template(template).render(**common, **extra)), edit)

    pages = []
    framework_cites: dict[str, Citations] = {}
    for fw in frameworks:
        cite = framework_cites[fw.id] = common["citations"](fw)
        pages.append(page(framework_page(fw.id), "framework.md.j2", catalog.files[fw.id], fw=fw, cite=cite,
                          incoming=_incoming(catalog, fw.id), verdict=framework_verdict(fw, catalog, today)))
    # Other pages cite a framework's facts with the numbers of that framework's source list.
    common["framework_cite"] = lambda fw: framework_cites[fw.id].linked_from(f"../../frameworks/{fw.id}/")
    edges = lineage_edges(frameworks)
    extra: dict[str, dict[str, Any]] = {
        "matrix": dict(filters=matrix_filters(frameworks), groups=matrix_groups()),
        "licenses": dict(by_license=_by_license(frameworks)),
        "timeline": dict(svg=timeline_svg(env, frameworks, today), rows=timeline_rows(frameworks),
                         by_first_release=sorted(frameworks, key=lambda f: (labels.iso(f.first_release), f.name.lower()))),
        "lineage": dict(svg=lineage_svg(env, frameworks, edges), edges=edges, stages=lineage_stages(frameworks, edges)),
    }
    pages.append(page(HOME, "home.md.j2", last_verified=home_checked(catalog)))
    pages.append(page(FRAMEWORK_LIST, "frameworks.md.j2"))
    pages += [page(path, template, **extra.get(key, {})) for key, (path, template, _) in SECTION_PAGES.items()]
    pages.append(page(CONTRIBUTING, "contributing.md.j2", rows=field_rows(), feature_rows=field_rows(Feature),
                      needs=need_rows(catalog, today), support=support_kept(), repo_url=repo_url))
    kept, dropped = answer(catalog, today, DEFAULT_NEEDS)
    pages.append(page(GUIDE, "guide.md.j2", needs=NEEDS, default_needs=DEFAULT_NEEDS, kept=kept, dropped=dropped))
    pages.append(page(DATA, "data.md.j2", format_version=FORMAT_VERSION, csv_columns=[f.key for f in fields_for("csv")]))
    for cmp in catalog.comparisons.values():
        pages.append(page(comparison_page(cmp.id), "comparison.md.j2", f"data/comparisons/{cmp.id}.yaml", cmp=cmp,
                          cite=common["citations"](cmp)))
    found = health.findings(catalog, today)
    pages.append(page(HEALTH, "health.md.j2", gaps=health.gaps(catalog), stale_days=health.STALE_DAYS,
                      by_kind={kind: [f for f in found if f.kind == kind] for kind in ("status", "release", "stale")}))
    pages.append(page(CHANGES, "changes.md.j2", history=history or read_history(catalog.data_dir), repo_url=repo_url,
                      commit_url=commit_url, site_feed=SITE_FEED, max_changes=MAX_CHANGES))
    if catalog.glossary:
        pages.append(page(GLOSSARY, "glossary.md.j2", "data/glossary.yaml", glossary=catalog.glossary,
                          index=glossary_index(catalog.glossary.terms)))
    if catalog.recommendations:
        pages.append(page(RECOMMENDATIONS, "recommendations.md.j2", "data/recommendations.yaml",
                          cite=common["citations"](catalog.recommendations)))
    if catalog.tools:
        pages.append(page(TOOLS, "tools.md.j2", "data/tools.yaml", tools=catalog.tools, cite=common["citations"](catalog.tools)))
    if catalog.examples:
        pages.append(page(EXAMPLES, "examples.md.j2", "data/examples.yaml"))
    if catalog.migrations:
        pages.append(page(MIGRATE_INDEX, "migrations.md.j2"))
        for mig in catalog.migrations.values():
            pages.append(page(migration_page(mig.id), "migration.md.j2", catalog.migration_files[mig.id], mig=mig,
                              fw=catalog.frameworks[mig.id], cite=common["citations"](mig)))
    if catalog.glossary:
        link_terms(pages, catalog)
    return pages


def term_pages(catalog: Catalog) -> set[str]:
    """The pages of prose whose glossary terms are linked: frameworks, comparisons, migrations,
    pros and cons, licences, recommendations, tools. Not the glossary itself, nor pictures,
    tables of data, logs or the contributor's reference."""
    return {*(framework_page(i) for i in catalog.frameworks), *(comparison_page(i) for i in catalog.comparisons),
            *(migration_page(i) for i in catalog.migrations), MIGRATE_INDEX, SECTION_PAGES["pros-cons"][0],
            SECTION_PAGES["licenses"][0], RECOMMENDATIONS, TOOLS}


def link_terms(pages: list[Page], catalog: Catalog) -> None:
    """The first use of each glossary term on each page of prose links to its entry (dlkb.terms)."""
    assert catalog.glossary is not None
    terms = tuple(glossary_terms(catalog.glossary))
    wanted = term_pages(catalog)
    glossary_url = GLOSSARY.removesuffix(".md") + "/"
    for page in pages:
        if page.path in wanted:
            page.markdown = _linked(terms, page.markdown, relative_root(page.path) + glossary_url)


@functools.lru_cache(maxsize=4)
def _linker(terms: tuple[Term, ...]) -> TermLinker:
    return TermLinker(list(terms))


@functools.lru_cache(maxsize=256)
def _linked(terms: tuple[Term, ...], markdown: str, href: str) -> str:
    """A page with its terms linked, once per page text: under `mkdocs serve` an edit changes a
    few pages, and the others' links are not worked out again."""
    return _linker(terms).page(markdown, href)


@dataclass(frozen=True)
class IndexGroup:
    """One letter of the glossary's ㄱ–ㅎ index: its consonant, its anchor and its terms."""

    letter: str
    anchor: str
    terms: list[GlossaryTerm]


def glossary_index(terms: list[GlossaryTerm]) -> list[IndexGroup]:
    """Every consonant ㄱ–ㅎ (an empty one shows in the index, not linked), then A–Z for the
    terms that start with a Latin letter (define-by-run)."""
    ordered = sorted(terms, key=lambda t: t.ko)
    groups = [IndexGroup(letter, f"terms-{roman}", [t for t in ordered if labels.initial(t.ko) == letter])
              for letter, roman in labels.INITIALS]
    return [*groups, IndexGroup("A–Z", "terms-latin", [t for t in ordered if labels.initial(t.ko) is None])]


_SUMMARY = re.compile(r'<p class="dlkb-summary">(.*?)</p>', re.S)
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
DESCRIPTION_MAX = 160  # what previews (KakaoTalk, Naver, search results) show of a description


def with_description(markdown: str) -> str:
    """The page with a `description` in its front matter, for shared-link previews: its summary
    paragraph, else its first paragraph, as one line of plain text. overrides/main.html escapes it."""
    found = _SUMMARY.search(markdown) or _FIRST_PARAGRAPH.search(markdown)
    if found is None:
        return markdown
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())
    if len(text) > DESCRIPTION_MAX:
        text = text[:DESCRIPTION_MAX - 1].rstrip() + "…"
    line = "description: " + json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    if markdown.startswith("---\n"):
        return "---\n" + line + "\n" + markdown[4:]
    return f"---\n{line}\n---\n\n{markdown}"


@dataclass(frozen=True)
class FilterOption:
    """One choice of a matrix filter: it keeps the rows whose cell in the `field` column has the
    sort key `key` (the cell's data-sort), which stands for one value of the field."""

    value: str  # in the URL
    label: str
    field: FieldView
    key: str


@dataclass(frozen=True)
class MatrixFilter:
    """A filter above the matrix, `name` being its URL parameter. A field's own filter (kind,
    status, licence) offers that field's values; a support group's filter (hardware, distributed
    training, deployment, tools) offers "feature: support level" pairs, the reason people open
    a matrix ("Apple 실리콘 (Metal): 지원")."""

    name: str
    label: str
    options: list[FilterOption]

    def __post_init__(self) -> None:
        # The script tells values apart by their sort keys: two values of a field with one key
        # would be one choice (kind, status and support levels sort by their order, licences by name).
        keys = [(o.field.key, o.key) for o in self.options]
        if len(set(keys)) != len(keys):
            raise ValueError(f"matrix filter {self.name}: two values share a sort key: {keys}")


MATRIX_FILTERS = ("kind", "status", "license")


def _option_label(value: Any) -> str:
    return value.label if isinstance(value, Vocab) else str(value)


def _group_label(group: str) -> str:
    """A support group's name: the `description` of its field in the model (하드웨어 지원)."""
    info = Framework.model_fields[group]
    return info.title or info.description or group


def matrix_filters(frameworks: list[Framework]) -> list[MatrixFilter]:
    found = []
    for field in (f for f in fields_for("matrix") if f.key in MATRIX_FILTERS):
        options = {field.raw(fw): (field.sort_key(fw), _option_label(field.value(fw))) for fw in frameworks}
        ordered = sorted(options.items(), key=lambda kv: kv[1])
        found.append(MatrixFilter(field.key, field.label, [FilterOption(value, label, field, str(key)) for value, (key, label) in ordered]))
    # One filter per support group, its options in column order, then by support level; only
    # the levels some framework has. A top-level feature (학습 시각화) is a group of its own.
    groups: dict[str, list[FilterOption]] = {}
    for field in (f for f in fields_for("matrix") if f.show == "feature"):
        group, _, name = field.path.rpartition(".")
        levels = sorted({field.value(fw).value for fw in frameworks}, key=lambda s: s.order)
        groups.setdefault(group or field.key, []).extend(
            FilterOption(f"{name}:{level}", f"{field.label}: {level.label}", field, str(level.order)) for level in levels)
    for group, choices in groups.items():
        label = choices[0].field.label if choices[0].field.path == group else _group_label(group)
        found.append(MatrixFilter(group, label, choices))
    return found


def _by_license(frameworks: list[Framework]) -> list[tuple[str, list[Framework]]]:
    groups: dict[str, list[Framework]] = {}
    for fw in frameworks:
        groups.setdefault(fw.license.spdx, []).append(fw)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _incoming(catalog: Catalog, target: str) -> list[tuple[Framework, str]]:
    """(framework, Korean relation) for every other record whose lineage points at `target`."""
    found = []
    for fw in catalog.frameworks.values():
        for link_ in fw.lineage:
            if link_.id == target:
                found.append((fw, link_.relation.reverse))
        if fw.successor == target and not any(ln.id == target and ln.relation is Relation.MERGED_INTO for ln in fw.lineage):
            found.append((fw, SUCCESSOR_REVERSE))
    return found


def nav(catalog: Catalog) -> list:
    """MkDocs `nav`: fixed sections and the curated comparisons. Every page carries the nav, so a
    section of one page per record (frameworks, migrations) is a single link to its list page:
    a page's weight stays the same however many records there are, and the site grows linearly."""
    # MkDocs themes print nav titles as HTML (no autoescape), so record text is escaped here.
    compared = [{escape(cmp.title_ko): comparison_page(cmp.id)} for cmp in catalog.comparisons.values()]
    sections = [{title: path} for path, _, title in SECTION_PAGES.values()]
    return [
        {"홈": HOME},
        *([{"상황별 추천": RECOMMENDATIONS}] if catalog.recommendations else []),
        {"프레임워크": FRAMEWORK_LIST},
        {"비교": [COMPARE_INDEX, *sections, *compared]},
        {"고르기 도우미": GUIDE},
        *([{"옛 코드 옮기기": MIGRATE_INDEX}] if catalog.migrations else []),
        *([{"같은 예제 비교": EXAMPLES}] if catalog.examples else []),
        *([{"관련 도구": TOOLS}] if catalog.tools else []),
        *([{"용어집": GLOSSARY}] if catalog.glossary else []),
        {"데이터 내려받기": DATA},
        {"상태 점검": HEALTH},
        {"최근 바뀐 사실": CHANGES},
        {"기여하기": CONTRIBUTING},
    ]


def skeleton(framework_id: str) -> str:
    """The commented YAML file `dlkb new` writes; the vocabularies listed come from vocab.py.
    YAML, not HTML: rendered without autoescape (the id is already checked against `Id`)."""
    env = Environment(loader=FunctionLoader(_template_source), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("record.yaml.j2").render(
        id=framework_id, Kind=Kind, Status=Status, Relation=Relation, Patent=Patent, GraphMode=GraphMode, Support=Support,
        support_groups={"hardware": list(Hardware.model_fields), "distributed": list(Distributed.model_fields)})
