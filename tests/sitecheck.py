"""Reading a built site: every link and anchor, and every resource that would leave the origin."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.resources.append(a["href"])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def broken_links(site: Path) -> list[str]:
    """Every internal link or #anchor in the site that does not resolve, as 'page -> href'."""
    parsed = {p: parse(p) for p in html_pages(site)}
    broken = []
    for page, info in parsed.items():
        base = "/" + page.relative_to(site).parent.as_posix()
        for href in info.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = page
            if parts.path:
                resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
                target = site / resolved.lstrip("/")
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href} (앵커 없음)")
    return broken


def foreign_resources(site: Path) -> list[str]:
    """Scripts, styles, images and fonts a page would load from another origin."""
    found = []
    for page in html_pages(site):
        for res in parse(page).resources:
            # a data: address is inside the page itself (the site icon), not another origin
            if urlsplit(res).scheme not in ("", "data") or res.startswith("//"):
                found.append(f"{page.relative_to(site)}: {res}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        if "@import url(http" in text or "fonts.googleapis" in text or "fonts.gstatic" in text:
            found.append(str(css.relative_to(site)))
    return found
