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
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from dlkb import labels
from dlkb.model import Framework
from dlkb.vocab import SUCCESSOR_LABEL, Relation

ROW = 28
YEAR_PX = 44
LABEL_W = 128
TOP = 34


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


def timeline_svg(env: Environment, frameworks: list[Framework], today: dt.date) -> Markup:
    rows = sorted(frameworks, key=lambda f: (_fraction(f.first_release), f.name.lower()))
    start = min(labels.year_of(f.first_release) for f in rows)
    end = today.year + 1
    width = LABEL_W + (end - start) * YEAR_PX + 16
    height = TOP + len(rows) * ROW + 8

    def x(value: float) -> float:
        return round(LABEL_W + (value - start) * YEAR_PX, 1)

    bars = []
    for i, fw in enumerate(rows):
        x0, x1 = x(_fraction(fw.first_release)), x(_fraction(_end(fw, today)))
        bars.append(Bar(fw, TOP + i * ROW, x0, max(x1 - x0, 3), x(_fraction(fw.latest.date)) if fw.latest else None))
    years = [(year, x(year), (year - start) % 2 == 0 or year == end) for year in range(start, end + 1)]
    return _one_line(env.get_template("timeline.svg.j2").render(width=width, height=height, top=TOP, label_x=LABEL_W - 8, years=years, bars=bars))


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


NODE_W, NODE_H, COL_W, ROW_H = 150, 30, 200, 44


@dataclass(frozen=True)
class Node:
    x: int
    y: int
    text: str  # shortened to fit the box; the list under the picture has the full name
    is_record: bool


@dataclass(frozen=True)
class Curve:
    edge: Edge
    d: str  # the SVG path
    source_name: str
    target_name: str


def _short(name: str) -> str:
    """A box holds about 18 characters at this size."""
    return name if len(name) <= 18 else name[:17] + "…"


def lineage_svg(env: Environment, frameworks: list[Framework], edges: list[Edge]) -> Markup:
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
    pos: dict[str, tuple[float, float]] = {n: (10 + c * COL_W, 40 + r * ROW_H) for c, col in columns.items() for r, n in enumerate(col)}
    curves = []
    for e in edges:
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        x1, y1, x2, y2 = sx + NODE_W, sy + NODE_H / 2, tx, ty + NODE_H / 2
        if tx <= sx:  # same column or backwards: loop around the right side
            x2, mid = tx + NODE_W, max(sx, tx) + NODE_W + 30
        else:
            mid = (x1 + x2) / 2
        d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        curves.append(Curve(e, d, name(e.source), name(e.target)))
    boxes = [Node(int(x), int(y), _short(name(n)), n in names) for n, (x, y) in pos.items()]
    return _one_line(
        env.get_template("lineage.svg.j2").render(
            width=10 + len(columns) * COL_W,
            height=40 + max(len(col) for col in columns.values()) * ROW_H + 10,
            columns=[(10 + c * COL_W, c) for c in columns],
            curves=curves,
            nodes=boxes,
            node_w=NODE_W,
            node_h=NODE_H,
        )
    )
