"""Shields.io endpoint badges: one small JSON per framework (its status and latest release), and the
Markdown snippet a project's README pastes to show it. The site itself never loads a badge image:
the image host is named only inside the snippet, for others to copy."""

from __future__ import annotations

import json
from urllib.parse import quote

from dlkb.model import Framework
from dlkb.vocab import Status

# Shields' named colours: green while looked after, then by how the project ended.
COLOR = {Status.ACTIVE: "brightgreen", Status.MAINTENANCE: "yellow", Status.DISCONTINUED: "red",
         Status.ARCHIVED: "lightgrey", Status.MERGED: "blue"}
IMAGE_SERVICE = "https://img.shields.io/endpoint?url="  # the badge service, which reads the JSON from the site


def badge_path(fw_id: str) -> str:
    return f"api/badges/{fw_id}.json"


def badge(fw: Framework) -> dict[str, object]:
    """The endpoint's answer (schemaVersion 1): the release shown on the page, observed or curated."""
    shown = fw.shown_release
    message = f"{fw.status.label} · {shown.version}" if shown else fw.status.label
    return {"schemaVersion": 1, "label": fw.name, "message": message, "color": COLOR[fw.status]}


def badge_json(fw: Framework) -> str:
    return json.dumps(badge(fw), ensure_ascii=False, separators=(",", ":")) + "\n"


def badge_snippet(fw: Framework, site_url: str) -> str:
    """Markdown for a README: the badge, linking to the framework's page; "" without a site address."""
    if not site_url.startswith(("https://", "http://")):
        return ""
    base = site_url.rstrip("/") + "/"
    alt = fw.name.replace("[", "\\[").replace("]", "\\]")
    return f"[![{alt}]({IMAGE_SERVICE}{quote(base + badge_path(fw.id), safe='')})]({base}frameworks/{fw.id}/)"
