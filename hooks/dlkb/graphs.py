"""Static SVG pictures made at build time: the timeline and the lineage graph.

Python decides the geometry (rows, columns, coordinates, curves); the markup is in the
autoescaped templates `timeline.svg.j2` and `lineage.svg.j2`. Classes instead of colours (the
site's CSS colours them for the light and the dark scheme), and a fixed scale so text keeps its
size on a phone: the figure scrolls sideways inside its box instead of shrinking. Each picture
has a title and a description; the pages also give the same facts as a table or a list.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from dlkb import labels
from dlkb.model import Framework
from dlkb.vocab import SUCCESSOR_LABEL, Relation

ROW = 28  # dlkb.css aligns the names column (.tl-names) to these rows: change both together
YEAR_PX = 29  # 2009-2027 in 538 px: the whole timeline fits the content width at 1280 px
TOP = 34
NOW_LABEL = 18  # room under the rows for the "지금" label
# A release version starts with a digit ("2.21.0", "v1.0", "1.0.0-M2.1"); "scm-1" (LuaRocks for
# "master as it is") or "태그 릴리스 없음 (…)" name no release and get no dot.
_RELEASE = re.compile(r"v?\d")


def is_release(version: str) -> bool:
    return _RELEASE.match(version) is not None


def _fraction(value: int | dt.date) -> float:
    """A year (2016) or date as a fractional year; a bare year sits at its start."""
    if isinstance(value, int):
        return float(value)
    return value.year + (value.timetuple().tm_yday - 1) / 366


def _end(fw: Framework, today: dt.date) -> int | dt.date:
    """Where a framework's bar stops: today while it lives, else when it stopped."""
    if fw.status.alive:
        return today
    return fw.status_since or (fw.latest.date if fw.latest else fw.first_release)


def _one_line(svg: str) -> Markup:
    """The picture as one line: inside a Markdown page a blank line would end the HTML block."""
    return Markup("".join(line.strip() for line in svg.splitlines()))


@dataclass(frozen=True)
class Bar:
    fw: Framework
    y: int
    x0: float
    width: float
    release_x: float | None  # the dot of the latest release, if it is known


def timeline_rows(frameworks: list[Framework]) -> list[Framework]:
    """The timeline's rows, oldest first: the bars and the names column beside them."""
    return sorted(frameworks, key=lambda f: (_fraction(f.first_release), f.name.lower()))


def timeline_svg(env: Environment, frameworks: list[Framework], today: dt.date) -> Markup:
    """The bars only: the names are an HTML column beside the picture (timeline.md.j2), so that
    they stay in view while the bars scroll on a phone, and link to the framework pages."""
    rows = timeline_rows(frameworks)
    start = min(labels.year_of(f.first_release) for f in rows)
    end = today.year + 1
    width = 6 + (end - start) * YEAR_PX + 10
    height = TOP + len(rows) * ROW + 8 + NOW_LABEL

    def x(value: float) -> float:
        return round(6 + (value - start) * YEAR_PX, 1)

    bars = []
    for i, fw in enumerate(rows):
        x0, x1 = x(_fraction(fw.first_release)), x(_fraction(_end(fw, today)))
        shown = fw.shown_release  # the release the page shows: curated, or newer as observed by `dlkb refresh`
        dot = x(_fraction(shown.date)) if shown and is_release(shown.version) else None
        bars.append(Bar(fw, TOP + i * ROW, x0, max(x1 - x0, 3), dot))
    years = [(year, x(year), year % 2 == 0) for year in range(start, end + 1)]  # even years: 2026 is labelled
    return _one_line(env.get_template("timeline.svg.j2").render(
        width=width, height=height, top=TOP, years=years, bars=bars, now_x=x(_fraction(today)), today=today,
        rows_bottom=TOP + len(rows) * ROW))


@dataclass(frozen=True)
class Edge:
    """A lineage arrow from the older project to the one that came from or uses it."""

    source: str  # record id or outside name
    target: str
    relation: Relation | None  # None: drawn from `successor`
    source_is_record: bool
    target_is_record: bool

    @property
    def label(self) -> str:
        return self.relation.label if self.relation else SUCCESSOR_LABEL

    @property
    def css(self) -> str:
        return self.relation.css if self.relation else "successor"


def lineage_edges(frameworks: list[Framework]) -> list[Edge]:
    ids = {fw.id for fw in frameworks}
    edges: list[Edge] = []
    for fw in frameworks:
        for ln in fw.lineage:
            other = ln.id or ln.name or ""
            # Oldest first: Theano → Aesara → PyTensor, each step one arrow.
            chain = [fw.id, *ln.via, other] if ln.relation.outward else [other, *ln.via, fw.id]
            for source, target in itertools.pairwise(chain):
                edges.append(Edge(source, target, ln.relation, source in ids, target in ids))
        if fw.successor and not any(e.source == fw.id and e.target == fw.successor for e in edges):
            edges.append(Edge(fw.id, fw.successor, None, True, True))
    return edges


def _layers(nodes: list[str], edges: list[Edge]) -> dict[str, int]:
    """Longest-path layering; an edge that would close a cycle is ignored for placement."""
    parents: dict[str, list[str]] = {n: [] for n in nodes}
    for e in edges:
        parents[e.target].append(e.source)
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(node: str) -> int:
        if node in layer:
            return layer[node]
        visiting.add(node)
        d = 0
        for p in parents[node]:
            if p not in visiting:
                d = max(d, depth(p) + 1)
        visiting.discard(node)
        layer[node] = d
        return d

    for n in nodes:
        depth(n)
    return layer


# Five stages fit the content width at 1280 px (10 + 5 * 134 = 680 px); a name longer than a
# box wraps onto a second line (12 px text) instead of being cut.
NODE_W, COL_W, LINE_H = 116, 134, 14
LINE_PX = 104  # the text width inside a box


@dataclass(frozen=True)
class Node:
    x: int
    y: int
    lines: list[str]  # the whole name, on one or two lines
    record: str | None  # the framework's id: the box links to its page


@dataclass(frozen=True)
class Curve:
    edge: Edge
    d: str  # the SVG path
    source_name: str
    target_name: str


def _text_px(text: str) -> float:
    """Estimated width at 12 px: Hangul is a full em, Latin letters and digits about 0.6 em."""
    return sum(12 if ord(ch) > 0x2E7F else 7.2 for ch in text)


def _lines(name: str) -> list[str]:
    """The name in lines that fit a box, broken between words (Torch3·Torch5 | (이전 세대 Torch))."""
    lines: list[str] = []
    for word in name.split(" "):
        if lines and _text_px(lines[-1] + " " + word) <= LINE_PX:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def stage_label(column: int) -> str:
    """A stage's heading, in the picture and in the phone's list."""
    return "뿌리" if column == 0 else f"{column}단계"


def _stages(frameworks: list[Framework], edges: list[Edge]) -> dict[int, list[str]]:
    """The nodes of each stage (column), in the order the picture draws them top to bottom."""
    names: dict[str, str] = {fw.id: fw.name for fw in frameworks}

    def name(node: str) -> str:  # a record's name, or the outside project's own name
        return names.get(node, node)

    nodes = sorted({fw.id for fw in frameworks} | {e.source for e in edges} | {e.target for e in edges})
    layer = _layers(nodes, edges)
    columns: dict[int, list[str]] = {}
    for n in sorted(nodes, key=lambda n: name(n).lower()):
        columns.setdefault(layer[n], []).append(n)
    # One barycentre pass: put each node near the average row of its parents, which removes
    # most crossings in a graph this sparse. Roots stay in name order.
    row: dict[str, float] = {}
    for c in sorted(columns):
        if c:

            def centre(n: str) -> float:
                rows = [row[e.source] for e in edges if e.target == n and e.source in row]
                return sum(rows) / len(rows) if rows else float("inf")

            columns[c].sort(key=lambda n: (centre(n), name(n).lower()))
        row.update({n: i for i, n in enumerate(columns[c])})
    return columns


@dataclass(frozen=True)
class Parent:
    """Where a node in the phone's list comes from: the older project, and the relation (its label
    and the line style of the legend)."""

    name: str
    edge: Edge


@dataclass(frozen=True)
class StageNode:
    name: str
    record: str | None  # the framework's id: the name links to its page
    parents: list[Parent]


@dataclass(frozen=True)
class Stage:
    label: str
    nodes: list[StageNode]


def lineage_stages(frameworks: list[Framework], edges: list[Edge]) -> list[Stage]:
    """The lineage as a list of stages, for a phone: the same stages and order as the picture,
    each name whole and with the projects it came from, top to bottom instead of side by side."""
    names: dict[str, str] = {fw.id: fw.name for fw in frameworks}

    def node(n: str) -> StageNode:
        parents = [Parent(names.get(e.source, e.source), e) for e in edges if e.target == n]
        return StageNode(names.get(n, n), n if n in names else None, parents)

    return [Stage(stage_label(c), [node(n) for n in col]) for c, col in sorted(_stages(frameworks, edges).items())]


def lineage_svg(env: Environment, frameworks: list[Framework], edges: list[Edge]) -> Markup:
    names: dict[str, str] = {fw.id: fw.name for fw in frameworks}

    def name(node: str) -> str:  # a record's name, or the outside project's own name
        return names.get(node, node)

    columns = _stages(frameworks, edges)
    nodes = [n for col in columns.values() for n in col]
    lines = {n: _lines(name(n)) for n in nodes}
    node_h = 10 + LINE_H * max(len(ls) for ls in lines.values())  # every box as tall as the longest name needs
    row_h = node_h + 10
    pos: dict[str, tuple[float, float]] = {n: (10 + c * COL_W, 40 + r * row_h) for c, col in columns.items() for r, n in enumerate(col)}
    curves = []
    for e in edges:
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        x1, y1, x2, y2 = sx + NODE_W, sy + node_h / 2, tx, ty + node_h / 2
        if tx <= sx:  # same column or backwards: loop around the right side
            x2, mid = tx + NODE_W, max(sx, tx) + NODE_W + 30
        else:
            mid = (x1 + x2) / 2
        d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        curves.append(Curve(e, d, name(e.source), name(e.target)))
    boxes = [Node(int(x), int(y), lines[n], n if n in names else None) for n, (x, y) in pos.items()]
    return _one_line(
        env.get_template("lineage.svg.j2").render(
            width=10 + len(columns) * COL_W,
            height=40 + max(len(col) for col in columns.values()) * row_h + 10,
            columns=[(10 + c * COL_W, stage_label(c)) for c in columns],
            curves=curves,
            nodes=boxes,
            node_w=NODE_W,
            node_h=node_h,
            line_h=LINE_H,
        )
    )
