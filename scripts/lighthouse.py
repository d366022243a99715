"""Lighthouse (mobile) figures for every page type, side by side with a stock Material page.
Not part of CI (timings vary with the machine); prints medians and exits 1 below the thresholds.

    npm install --prefix /tmp/lh lighthouse@12.2.3      # once (12.2.3 runs on Node 20)
    .venv/bin/python scripts/lighthouse.py [--runs 3] [--site DIR] [--lighthouse PATH]

Builds the site (or takes a built one with --site), serves it gzip-compressed on 127.0.0.1 as
GitHub Pages does, runs Lighthouse with Debian's Chromium `--runs` times per page and prints the
median of each figure: the four category scores, largest contentful paint, cumulative layout
shift, total blocking time, and what the first view transfers (KiB, requests).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/frameworks/pytorch/", "/compare/matrix/", "/compare/?ids=tensorflow,pytorch", "/guide/",
         "/glossary/", "/compare/licenses/", "/compare/timeline/", "/compare/lineage/", "/compare/tensorflow-vs-pytorch/", "/examples/"]
STOCK = "/lighthouse-stock/"  # a one-page site with the theme's defaults, served beside ours
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Thresholds of issue 16: scores, LCP within 0.1 s of the stock page, no shift, little blocking, a light first view.
MIN_SCORE = {"performance": 0.99, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_TBT_MS, MAX_KIB, MAX_REQUESTS, LCP_SLACK_S = 100, 80, 9, 0.1
STOCK_CONFIG = "site_name: Stock\ntheme:\n  name: material\n"
STOCK_PAGE = "# Stock\n\nA page of the theme with its defaults, to compare with.\n"


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serves the site gzip-compressed, as GitHub Pages does, so the figures match publishing."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        compressible = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml")
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build(site: Path, project: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def build_stock(site: Path, tmp: Path) -> None:
    project = tmp / "stock-project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    (project / "docs" / "index.md").write_text(STOCK_PAGE, encoding="utf-8")
    build(site, project)


def figures(lighthouse: str, url: str, report: Path) -> dict[str, float]:
    subprocess.run([
        lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
        "--disable-component-update --disable-sync",
    ], check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    data = json.loads(report.read_text())
    audits = data["audits"]
    items = audits["network-requests"]["details"]["items"]
    out = {c: data["categories"][c]["score"] for c in CATEGORIES}
    out.update(lcp=audits["largest-contentful-paint"]["numericValue"] / 1000, cls=audits["cumulative-layout-shift"]["numericValue"],
               tbt=audits["total-blocking-time"]["numericValue"], kib=sum(i.get("transferSize", 0) for i in items) / 1024,
               requests=len(items))
    return out


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def failures(page: str, m: dict[str, float], stock_lcp: float) -> list[str]:
    bad = [f"{c} {m[c]:.2f}" for c, least in MIN_SCORE.items() if m[c] < least]
    bad += [f"LCP {m['lcp']:.2f} s > {stock_lcp + LCP_SLACK_S:.2f} s"] if m["lcp"] > stock_lcp + LCP_SLACK_S else []
    bad += [f"CLS {m['cls']:.3f}"] if m["cls"] > 0 else []
    bad += [f"TBT {m['tbt']:.0f} ms"] if m["tbt"] > MAX_TBT_MS else []
    bad += [f"{m['kib']:.1f} KiB"] if m["kib"] > MAX_KIB else []
    bad += [f"{m['requests']:.0f} requests"] if m["requests"] > MAX_REQUESTS else []
    return [f"{page}: {b}" for b in bad]


def has_korean_font() -> bool:
    """Whether fontconfig knows a font with Hangul. Without one, Chromium searches every font for
    each syllable and draws an empty box: layout took 1.7-2.6 times as long (4x CPU throttling)."""
    fc_list = shutil.which("fc-list")
    return fc_list is not None and subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True).stdout.strip() != ""


def main() -> int:
    if not has_korean_font():
        print("경고: 한글 글꼴이 없습니다(sudo apt-get install -y fonts-noto-cjk). 배치 시간이 부풀려진 값이 나옵니다.", file=sys.stderr)
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", default="/tmp/lh/node_modules/.bin/lighthouse")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES, help="only these pages (paths as in PAGES)")
    parser.add_argument("--site", type=Path, help="a site built already (e.g. of another commit), instead of building this one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = args.site or tmp / "site"
        if not args.site:
            build(site, ROOT)
        served = tmp / "served"
        served.mkdir()  # the site at the root, as published; the stock page beside it
        for entry in site.resolve().iterdir():
            (served / entry.name).symlink_to(entry)
        build_stock(served / STOCK.strip("/"), tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(served)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        print(f"{'page':36s} {'perf':>5s} {'a11y':>5s} {'bp':>5s} {'seo':>5s} {'LCP s':>6s} {'CLS':>6s} {'TBT ms':>7s} {'KiB':>6s} {'req':>4s}")
        results = {}
        for page in [STOCK, *args.pages]:
            url = base + page
            m = median([figures(args.lighthouse, url, tmp / "report.json") for _ in range(args.runs)])
            results[page] = m
            print(f"{page:36s} {m['performance']:5.2f} {m['accessibility']:5.2f} {m['best-practices']:5.2f} {m['seo']:5.2f} "
                  f"{m['lcp']:6.2f} {m['cls']:6.3f} {m['tbt']:7.0f} {m['kib']:6.1f} {m['requests']:4.0f}", flush=True)
        server.shutdown()
    bad = [f for page in args.pages for f in failures(page, results[page], results[STOCK]["lcp"])]
    print("\n".join(["", "below the thresholds:", *bad]) if bad else "\nevery page type meets the thresholds")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
