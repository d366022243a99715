"""Build-time benchmark: prints figures, asserts nothing.

    .venv/bin/python scripts/benchmark.py [--scale 10]

For the catalogue as it is and grown by synthetic copies of every record (`--scale` times), prints
side by side, from one run: the full hook build (`mkdocs build` with hooks/dlkb_hooks.py) as a
repeat build of unchanged inputs (which reuses the last build's pages, dlkb.buildcache), as a build
after an edit to one framework file (which reuses only the compiled templates) and as a first build
(DLKB_NO_CACHE=1: load, check and render everything), a plain `mkdocs build` of the same pages
staged by `dlkb render` (no hooks), the ratios to it (issue 16: at most 1.15), the time per page,
the site's size on disk, the share spent loading, validating and rendering the catalogue, and peak
memory; then how each figure grew with the catalogue (flat per page and a linear site are the
aim). Builds alternate and the fastest of `--runs` counts, as the machine is shared.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from dlkb.catalog import load_catalog  # noqa: E402
from dlkb.export import downloads  # noqa: E402
from dlkb.render import render_pages  # noqa: E402
from dlkb.stage import CONFIG, stage_site  # noqa: E402


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


def build(project: Path, config: str = "mkdocs.yml", cache: bool = True) -> tuple[float, int, int]:
    """Wall seconds, pages written, peak RSS (MiB) of one `mkdocs build --strict`."""
    site = project / "site"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)],
                         cwd=project, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **({} if cache else {"DLKB_NO_CACHE": "1"})})
    seconds = time.perf_counter() - start
    if run.returncode:
        sys.exit(run.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sum(1 for _ in site.rglob("index.html"))
    return seconds, pages, max(peak, before) // 1024


def edit(project: Path, n: int) -> None:
    """A contributor's edit to one framework file (a comment line): the build's inputs differ, so
    the last build's pages cannot be reused, but its compiled templates can."""
    record = sorted((project / "data" / "frameworks").glob("*.yaml"))[0]
    with record.open("a", encoding="utf-8") as f:
        f.write(f"# benchmark edit {n}\n")


def catalogue_seconds(project: Path) -> float:
    """Time of the work the hook does: load + validate, render every page, write downloads."""
    start = time.perf_counter()
    catalog = load_catalog(project / "data")
    render_pages(catalog, dt.date.today())
    downloads(catalog, dt.date.today())
    return time.perf_counter() - start


def disk_mib(folder: Path) -> float:
    """Size on disk (allocated blocks, as `du` counts them), which is what a host's quota sees."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*")) / 2**20


@dataclass
class Figures:
    records: int
    pages: int
    hook_s: float
    edit_s: float
    cold_s: float
    plain_s: float
    site_mib: float
    catalogue_s: float
    peak_mib: int


def measure(project: Path, runs: int) -> Figures:
    """The hook build and the plain build of the staged tree, alternated; the fastest of each."""
    staged = project / "staged"
    stage_site(project, project / "data", staged, dt.date.today())
    build(project), build(staged, CONFIG)  # warm the file cache and Python's bytecode cache
    hook, edited, cold, plain = [], [], [], []
    for n in range(runs):
        hook.append(build(project))
        cold.append(build(project, cache=False))
        plain.append(build(staged, CONFIG))
        edit(project, n)
        edited.append(build(project))
    seconds, pages, _ = min(hook)
    return Figures(records=len(list((project / "data" / "frameworks").glob("*.yaml"))), pages=pages, hook_s=seconds,
                   edit_s=min(edited)[0], cold_s=min(cold)[0], plain_s=min(plain)[0], site_mib=disk_mib(project / "site"),
                   catalogue_s=min(catalogue_seconds(project) for _ in range(3)), peak_mib=max(p for _, _, p in hook))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    found = []
    for scale in (1, args.scale):
        with tempfile.TemporaryDirectory() as tmp:
            f = measure(make_project(Path(tmp), scale), args.runs)
        found.append(f)
        print(f"records={f.records:4d} pages={f.pages:4d} hook_build={f.hook_s:6.2f}s edit_build={f.edit_s:6.2f}s "
              f"first_build={f.cold_s:6.2f}s plain_build={f.plain_s:6.2f}s ratio={f.hook_s / f.plain_s:4.2f} "
              f"edit_ratio={f.edit_s / f.plain_s:4.2f} first_ratio={f.cold_s / f.plain_s:4.2f} "
              f"per_page={1000 * f.hook_s / f.pages:5.1f}ms site={f.site_mib:7.1f}MiB "
              f"catalogue={f.catalogue_s:5.2f}s ({100 * f.catalogue_s / f.cold_s:4.1f}% of a first build) peak_rss={f.peak_mib}MiB",
              flush=True)
    small, big = found
    print(f"grown x{big.records / small.records:.1f} records, x{big.pages / small.pages:.1f} pages: "
          f"build x{big.hook_s / small.hook_s:.1f}, per page x{(big.hook_s / big.pages) / (small.hook_s / small.pages):.2f}, "
          f"site x{big.site_mib / small.site_mib:.1f}, site per page x{(big.site_mib / big.pages) / (small.site_mib / small.pages):.2f}")


if __name__ == "__main__":
    main()
