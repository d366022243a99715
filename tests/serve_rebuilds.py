"""Run as a script by tests/test_serve.py: a project rebuilt the way `mkdocs serve` rebuilds it.

    python serve_rebuilds.py PROJECT SITE (dirty|clean) EDIT...

Builds PROJECT once as serve does (in one process, so the hook keeps its state across rebuilds),
then for each EDIT ("file::old=>new") saves the edit and rebuilds, with `--dirty` or without. The
site is copied (with its files' times) to SITE-0 after the first build and to SITE-1, SITE-2, …
after each rebuild; the test compares the copies.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/dl-frameworks-ko/"  # what serve sets; no server is started


def main(project: str, site: str, mode: str, *edits: str) -> None:
    os.chdir(project)
    dirty = mode == "dirty"

    def config():
        loaded = load_config("mkdocs.yml", site_dir=site)
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=dirty)
    build(first, serve_url=SERVE_URL, dirty=dirty)
    shutil.copytree(site, f"{site}-0")
    for n, edit in enumerate(edits, 1):
        name, change = edit.split("::", 1)
        old, new = change.split("=>", 1)
        text = Path(name).read_text(encoding="utf-8")
        assert old in text, edit
        Path(name).write_text(text.replace(old, new, 1), encoding="utf-8")
        build(config(), serve_url=SERVE_URL, dirty=dirty)
        shutil.copytree(site, f"{site}-{n}")


if __name__ == "__main__":
    main(*sys.argv[1:])
