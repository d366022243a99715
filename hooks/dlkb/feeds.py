"""Atom feeds of the changed facts (feedgen): one for the whole site, one per framework.

One entry per commit and framework, listing its changed fields. Every date comes from the
commits, so a feed is the same for the same commit; an empty feed is dated by the last commit,
or by the build day when there is no history.
"""

from __future__ import annotations

import datetime as dt
import itertools
from html import escape
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from dlkb.catalog import Catalog
from dlkb.history import Change, History, commit_url

SITE_FEED = "feeds/changes.xml"
TITLE = "최근 바뀐 사실"


def framework_feed(fw_id: str) -> str:
    return f"feeds/frameworks/{fw_id}.xml"


def change_line(change: Change) -> str:
    """One change as plain text: '상태: 활성 → 보관됨'."""
    if change.kind == "added":
        return "프레임워크 파일이 새로 생겼습니다"
    if change.kind == "removed":
        return "프레임워크 파일이 지워졌습니다"
    return f"{change.label}: {change.old} → {change.new}"


def _entries(changes: list[Change]) -> list[list[Change]]:
    """Changes grouped by commit and framework, in the history's order (newest first)."""
    return [list(group) for _, group in itertools.groupby(changes, key=lambda c: (c.sha, c.fw_id))]


def _feed(feed_id: str, title: str, changes: list[Change], names: dict[str, str], repo_url: str, fallback: dt.datetime) -> bytes:
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    fg.language("ko")
    fg.author({"name": "딥러닝 프레임워크 비교 기여자"})
    fg.generator("dlkb")  # not feedgen's default, which carries its version number
    if repo_url:
        fg.link(href=repo_url, rel="alternate")
    fg.updated(changes[0].date if changes else fallback)
    for group in _entries(changes):
        first = group[0]
        name = names.get(first.fw_id, first.fw_id)
        lines = [change_line(c) for c in group]
        entry = fg.add_entry(order="append")
        entry.id(f"urn:dlkb:change:{first.sha}:{quote(first.fw_id)}")
        fields = list(dict.fromkeys(line.split(":")[0] for line in lines))  # each field once, in order
        entry.title(f"{name}: " + ", ".join(fields[:3]) + (f" 외 {len(fields) - 3}개" if len(fields) > 3 else ""))
        entry.updated(first.date)
        entry.published(first.date)
        if url := commit_url(repo_url, first.sha):
            entry.link(href=url, rel="alternate")
        entry.content("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>", type="html")
    return fg.atom_str(pretty=True)


def feeds(catalog: Catalog, history: History, repo_url: str, today: dt.date) -> dict[str, bytes]:
    """Site path -> Atom document: the site's feed and one per framework (empty ones too)."""
    names = {fw_id: fw.name for fw_id, fw in catalog.frameworks.items()}
    fallback = history.head_date or dt.datetime.combine(today, dt.time(), dt.UTC)
    files = {SITE_FEED: _feed("urn:dlkb:changes", f"딥러닝 프레임워크 비교: {TITLE}", history.changes, names, repo_url, fallback)}
    for fw_id, name in names.items():
        files[framework_feed(fw_id)] = _feed(f"urn:dlkb:changes:{quote(fw_id)}", f"{name}: {TITLE}", history.of(fw_id), names,
                                             repo_url, fallback)
    return files
