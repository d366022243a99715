"""Static SVG pictures made at build time: the timeline and the lineage graph.

Plain strings, escaped text, classes instead of colours (the site's CSS colours them for the
light and the dark scheme), and a fixed scale so text keeps its size on a phone: the figure
scrolls sideways inside its box instead of shrinking. Each picture has a title and a
description; the pages also give the same facts as a table or a list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from dlkb import labels
from dlkb.model import Framework

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
    if fw.status in ("active", "maintenance"):
        return today
    return fw.status_since or fw.latest_release.date


def timeline_svg(frameworks: list[Framework], today: dt.date) -> str:
    rows = sorted(frameworks, key=lambda f: (_fraction(f.first_release), f.name.lower()))
    start = min(labels.year_of(f.first_release) for f in rows)
    end = today.year + 1
    width = LABEL_W + (end - start) * YEAR_PX + 16
    height = TOP + len(rows) * ROW + 8

    def x(value: float) -> float:
        return round(LABEL_W + (value - start) * YEAR_PX, 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dlkb-svg dlkb-timeline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="timeline-title timeline-desc">',
        '<title id="timeline-title">딥러닝 프레임워크 연표</title>',
        f'<desc id="timeline-desc">프레임워크 {len(rows)}개가 첫 공개 릴리스부터 지금(또는 개발이 멈춘 때)까지 '
        "가로 막대로 그려져 있고, 점은 최신 릴리스입니다. 같은 내용이 아래 표에 있습니다.</desc>",
    ]
    for year in range(start, end + 1):
        gx = x(year)
        out.append(f'<line class="tl-grid" x1="{gx}" y1="{TOP - 6}" x2="{gx}" y2="{height - 4}"/>')
        if (year - start) % 2 == 0 or year == end:
            out.append(f'<text class="tl-year" x="{gx}" y="{TOP - 12}" text-anchor="middle">{year}</text>')
    for i, fw in enumerate(rows):
        y = TOP + i * ROW
        x0, x1 = x(_fraction(fw.first_release)), x(_fraction(_end(fw, today)))
        status = escape(fw.status)
        # Labels are text, not links: Material's instant navigation cannot rewrite SVG <a>
        # elements; the table under the picture links every framework.
        out.append(f'<text class="tl-label" x="{LABEL_W - 8}" y="{y + 18}" text-anchor="end">{escape(fw.name)}</text>')
        out.append(
            f'<rect class="tl-bar tl-bar--{status}" x="{x0}" y="{y + 7}" width="{max(x1 - x0, 3)}" height="14" rx="3">'
            f"<title>{escape(fw.name)}: {labels.kdate(fw.first_release)} ~ "
            f"{labels.STATUS[fw.status]}</title></rect>"
        )
        lx = x(_fraction(fw.latest_release.date))
        out.append(
            f'<circle class="tl-release" cx="{lx}" cy="{y + 14}" r="4"><title>최신 릴리스 '
            f"{escape(fw.latest_release.version)} ({labels.kdate(fw.latest_release.date)})</title></circle>"
        )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Edge:
    """A lineage arrow from the older project to the one that came from or uses it."""

    source: str  # record id or outside name
    target: str
    relation: str
    source_is_record: bool
    target_is_record: bool


def lineage_edges(frameworks: list[Framework]) -> list[Edge]:
    ids = {fw.id for fw in frameworks}
    edges: list[Edge] = []
    for fw in frameworks:
        for ln in fw.lineage:
            other = ln.id or ln.name or ""
            if ln.relation == "merged_into":
                edges.append(Edge(fw.id, other, ln.relation, True, other in ids))
            else:
                edges.append(Edge(other, fw.id, ln.relation, other in ids, True))
        if fw.successor and not any(e.source == fw.id and e.target == fw.successor for e in edges):
            edges.append(Edge(fw.id, fw.successor, "successor", True, True))
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


def lineage_svg(frameworks: list[Framework], edges: list[Edge]) -> str:
    names = {fw.id: fw.name for fw in frameworks}
    nodes = sorted({fw.id for fw in frameworks} | {e.source for e in edges} | {e.target for e in edges})
    layer = _layers(nodes, edges)
    columns: dict[int, list[str]] = {}
    for n in sorted(nodes, key=lambda n: names.get(n, n).lower()):
        columns.setdefault(layer[n], []).append(n)
    # One barycentre pass: put each node near the average row of its parents, which removes
    # most crossings in a graph this sparse. Roots stay in name order.
    row: dict[str, float] = {}
    for c in sorted(columns):
        if c:
            def centre(n: str) -> float:
                rows = [row[e.source] for e in edges if e.target == n and e.source in row]
                return sum(rows) / len(rows) if rows else float("inf")
            columns[c].sort(key=lambda n: (centre(n), names.get(n, n).lower()))
        row.update({n: i for i, n in enumerate(columns[c])})
    pos = {n: (10 + c * COL_W, 40 + r * ROW_H) for c, col in columns.items() for r, n in enumerate(col)}
    width = 10 + len(columns) * COL_W
    height = 40 + max(len(col) for col in columns.values()) * ROW_H + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dlkb-svg dlkb-lineage" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="lineage-title lineage-desc">',
        '<title id="lineage-title">딥러닝 프레임워크 계보</title>',
        f'<desc id="lineage-desc">프레임워크와 관련 프로젝트 {len(nodes)}개, 관계 {len(edges)}개. 화살표는 먼저 나온 '
        "프로젝트에서 그것을 이어받거나 그 위에서 동작하는 프로젝트로 향합니다. 같은 내용이 아래 목록에 있습니다.</desc>",
        '<defs><marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="ln-arrowhead"/></marker></defs>',
    ]
    for c in columns:
        out.append(f'<text class="ln-col" x="{10 + c * COL_W}" y="22">{"뿌리" if c == 0 else f"{c}단계"}</text>')
    for e in edges:
        (sx, sy), (tx, ty) = pos[e.source], pos[e.target]
        x1, y1, x2, y2 = sx + NODE_W, sy + NODE_H / 2, tx, ty + NODE_H / 2
        if tx <= sx:  # same column or backwards: loop around the right side
            x2, mid = tx + NODE_W, max(sx, tx) + NODE_W + 30
            d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        else:
            mid = (x1 + x2) / 2
            d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        label = labels.RELATION.get(e.relation, "뒤를 이음")
        out.append(
            f'<path class="ln-edge ln-edge--{escape(e.relation)}" d="{d}" marker-end="url(#lineage-arrow)">'
            f"<title>{escape(names.get(e.source, e.source))} → {escape(names.get(e.target, e.target))}: {label}</title></path>"
        )
    for n, (nx, ny) in pos.items():
        full = names.get(n, n)
        # A box holds about 18 characters at this size; a longer outside name is shortened
        # here and given in full in the list under the picture.
        text = escape(full if len(full) <= 18 else full[:17] + "…")
        box = (
            f'<rect class="ln-node{"" if n in names else " ln-node--external"}" x="{nx}" y="{ny}" width="{NODE_W}" '
            f'height="{NODE_H}" rx="6"/><text class="ln-label" x="{nx + NODE_W / 2}" y="{ny + 20}" text-anchor="middle">{text}</text>'
        )
        out.append(box)
    out.append("</svg>")
    return "".join(out)
