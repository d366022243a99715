"""A repeat build with unchanged inputs reuses the pages it made last time (issue 16: the hook's cost).

Everything the generator adds to a build (the pages, the downloads, the nav, the Korean search
index) follows from a few inputs: the files under data/, the code of this package, git's HEAD (the
history page), the day and the site's addresses, and the installed libraries. Their hash names
one entry under `.cache/dlkb/` in the project; a build whose inputs hash the same takes that entry
instead of loading, checking and rendering everything again. Any change to an input is a new
hash, so an entry is never stale; only the newest is kept. `mkdocs serve` does not use it: an edit
changes the inputs anyway, and serve keeps its own last good catalogue (dlkb.live).
Compiled templates are kept under `.cache/dlkb/templates/` (Jinja's own bytecode cache), so a
build after an edit to the data compiles none again. The last steps of a build, which rewrite the
written pages (dlkb.inline, dlkb.csp), are kept under `.cache/dlkb/finished/`, keyed on every file
of the site as the theme wrote it.
Set DLKB_NO_CACHE=1 to build without it (scripts/benchmark.py measures both).

This module imports nothing heavy: on a hit, the model, the checks and the templates are never loaded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import BytecodeCache

CACHE_DIR = Path(".cache") / "dlkb"
OFF = "DLKB_NO_CACHE"
PACKAGE = Path(__file__).resolve().parent
FORMAT = b"dlkb-build-cache 1"  # bump when Entry changes shape


@dataclass
class Entry:
    """What one build generated, as the adapter hands it to the site generator."""

    nav: list[Any]
    files: dict[str, str | bytes]
    # The theme's search index (its SHA-256) -> the two files dlkb.search writes from it.
    search: dict[str, dict[str, str]] = field(default_factory=dict)


def _tree(root: Path, digest: Any) -> None:
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _git_state(data_dir: Path) -> bytes:
    """HEAD and whether the checkout is shallow: all the history page reads from git."""
    try:
        run = subprocess.run(["git", "rev-parse", "HEAD", "--is-shallow-repository"], cwd=data_dir,
                             capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return b"no-git"
    return run.stdout if run.returncode == 0 else b"no-git"


def key(data_dir: Path, *addresses: str) -> str:
    """The hash of every input of the generated files (see the module's note)."""
    digest = hashlib.sha256(FORMAT)
    _tree(data_dir, digest)
    _tree(PACKAGE, digest)
    libraries = Path(sysconfig.get_paths()["purelib"])  # the installed versions, by dist-info name
    names = sorted(p.name for p in libraries.glob("*.dist-info")) if libraries.is_dir() else []
    today = dt.date.today().isoformat()  # the checks compare dates with the real day
    for part in (_git_state(data_dir), sys.version.encode(), "\n".join(names).encode(), today.encode(),
                 os.environ.get("SOURCE_DATE_EPOCH", "").encode(), *(a.encode() for a in addresses)):
        digest.update(part + b"\0")
    return digest.hexdigest()


def enabled() -> bool:
    return not os.environ.get(OFF)


def _read(path: Path) -> object:
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # written by `_write` below, in this project's own folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def load(project: Path, name: str) -> Entry | None:
    entry = _read(project / CACHE_DIR / f"{name}.pickle")
    return entry if isinstance(entry, Entry) else None


def save(project: Path, name: str, entry: Entry) -> None:
    _write(project / CACHE_DIR, name, entry)


def _write(folder: Path, name: str, entry: object) -> None:
    """Write the entry atomically (parallel builds of one project may race) and drop older ones."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as f:
            pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, folder / f"{name}.pickle")
        for old in folder.glob("*.pickle"):
            if old.stem != name:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout builds as before, only without the shortcut


def finished(project: Path, site_dir: Path, finish: Callable[[], None]) -> None:
    """Run `finish` (the steps that rewrite the built pages in place) on `site_dir`, or, when the
    site as the generator left it is byte for byte the one of an earlier build, write the pages
    `finish` made of it then. Keyed on every file of the site, so an entry is never stale."""
    if not enabled():
        finish()
        return
    digest = hashlib.sha256(FORMAT + b" finished")
    _tree(site_dir, digest)
    folder, name = project / CACHE_DIR / "finished", digest.hexdigest()
    stored = _read(folder / f"{name}.pickle")
    if isinstance(stored, dict):
        for path, text in stored.items():
            (site_dir / path).write_bytes(text)
        return
    finish()  # it rewrites every page (each gets the policy): all of them are kept
    _write(folder, name, {page.relative_to(site_dir).as_posix(): page.read_bytes() for page in site_dir.rglob("*.html")})


def template_code(project: Path) -> BytecodeCache:
    """The compiled templates, on disk: Jinja checks each against its template's source, so an
    edited template compiles anew. In memory where the folder cannot be written (Jinja would
    fail the build on writing)."""
    from jinja2 import FileSystemBytecodeCache

    from dlkb.live import TemplateCodeCache

    folder = project / CACHE_DIR / "templates"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else TemplateCodeCache()


def theme_index_sha(search_dir: Path, theme_file: str) -> str:
    return hashlib.sha256((search_dir / theme_file).read_bytes()).hexdigest()
