"""Build-time benchmark: prints figures, asserts nothing.

    .venv/bin/python scripts/benchmark.py [--scale 10]

Prints the full `mkdocs build` time, the share of it spent loading, validating and rendering
the catalogue (plus writing the downloads), the same for a catalogue grown by synthetic copies
of every record, the time per page, and the peak memory of each build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from dlkb.catalog import load_catalog  # noqa: E402
from dlkb.export import downloads  # noqa: E402
from dlkb.render import render_pages  # noqa: E402


def make_project(target: Path, scale: int) -> Path:
    """A copy of the project whose catalogue holds `scale` copies of every record."""
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / name)
    frameworks = target / "data" / "frameworks"
    originals = sorted(frameworks.glob("*.yaml"))
    for n in range(2, scale + 1):
        for path in originals:
            text = path.read_text(encoding="utf-8")
            new_id = f"{path.stem}-copy{n}"
            text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text, count=1)
            text = re.sub(r"(?m)^name: (.*)$", rf"name: \1 copy {n}", text, count=1)
            (frameworks / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    return target


def build(project: Path) -> tuple[float, int, int]:
    """Wall seconds, pages written, peak RSS (MiB) of one `mkdocs build --strict`."""
    site = project / "site"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                         cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode:
        sys.exit(run.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sum(1 for _ in site.rglob("index.html"))
    return seconds, pages, max(peak, before) // 1024


def catalogue_seconds(project: Path) -> float:
    """Time of the work the hook does: load + validate, render every page, write downloads."""
    start = time.perf_counter()
    catalog = load_catalog(project / "data")
    render_pages(catalog, dt.date.today())
    downloads(catalog)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    for scale in (1, args.scale):
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp), scale)
            records = len(list((project / "data" / "frameworks").glob("*.yaml")))
            build(project)  # warm the file cache and Python's bytecode cache
            seconds, pages, peak = build(project)
            own = min(catalogue_seconds(project) for _ in range(3))
            print(f"records={records:4d} pages={pages:4d} build={seconds:6.2f}s "
                  f"per_page={1000 * seconds / pages:6.1f}ms catalogue={own:5.2f}s "
                  f"({100 * own / seconds:4.1f}% of build) peak_rss={peak}MiB")


if __name__ == "__main__":
    main()
