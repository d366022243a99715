"""Lighthouse (mobile) scores for the main page types. Not part of CI; prints figures.

    npm install --prefix /tmp/lh lighthouse      # once
    .venv/bin/python scripts/lighthouse.py [--lighthouse /tmp/lh/node_modules/.bin/lighthouse]

Builds the site, serves it on 127.0.0.1, runs Lighthouse with Debian's Chromium and prints the
performance, accessibility, best-practices and SEO scores of each page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/frameworks/pytorch/", "/compare/matrix/", "/compare/?ids=tensorflow,pytorch"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class Quiet(http.server.SimpleHTTPRequestHandler):
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", default="/tmp/lh/node_modules/.bin/lighthouse")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                       check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        print(f"{'page':40s} " + " ".join(f"{c:>15s}" for c in CATEGORIES))
        for page in PAGES:
            report = Path(tmp) / "report.json"
            subprocess.run([
                args.lighthouse, base + page, "--quiet", "--output=json", f"--output-path={report}",
                "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
                "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync",
            ], check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
            scores = json.loads(report.read_text())["categories"]
            print(f"{page:40s} " + " ".join(f"{scores[c]['score']:>15.2f}" for c in CATEGORIES))
        server.shutdown()


if __name__ == "__main__":
    main()
