"""How long a saved edit takes to show in the browser under `mkdocs serve`: prints figures, asserts nothing.

    .venv/bin/python scripts/serve_latency.py [--edits 5]

Copies the project to a temporary folder, starts `mkdocs serve --dirty` there (README's command) and opens a framework page
in Chromium (/usr/bin/chromium, Playwright), as a contributor has it open. Then, `--edits` times,
it saves a changed `name_ko` in that framework's file and times how long until the page in the
browser shows it (the live-reload script reloads it; nothing is polled over HTTP). Prints each
time, the median and the time of one rebuild as the server logs it (issue 16's aim: 1 s).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmark import make_project  # this folder is on the path when the script runs
from playwright.sync_api import sync_playwright

RECORD = Path("data") / "frameworks" / "caffe.yaml"
PAGE = "/frameworks/caffe/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), 1)  # the project as it is (benchmark.py's copy, not grown)
        port, log = free_port(), open(project / "serve.log", "w")  # noqa: SIM115 - closed below
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=log)
        record = project / RECORD
        original = record.read_text(encoding="utf-8")
        seconds = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
                page = browser.new_page()
                mount = re.search(r"(?m)^site_url: https?://[^/]+(/.*)$", (project / "mkdocs.yml").read_text(encoding="utf-8"))
                url = f"http://127.0.0.1:{port}{(mount.group(1) if mount else '/').rstrip('/')}{PAGE}"
                for _ in range(600):  # the first build: up to a minute
                    try:
                        page.goto(url)
                        break
                    except Exception:
                        time.sleep(0.1)
                page.wait_for_selector("h1")
                for n in range(1, args.edits + 1):
                    marker = f"카페측정{n}"
                    page.wait_for_timeout(500)  # let the last reload settle, as between two real saves
                    start = time.perf_counter()
                    record.write_text(original.replace("name_ko: 카페", f"name_ko: {marker}", 1), encoding="utf-8")
                    page.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})", timeout=60_000)
                    seconds.append(time.perf_counter() - start)
                    print(f"edit {n}: shown after {seconds[-1]:.2f}s", flush=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()
        built = [float(s) for s in re.findall(r"Documentation built in ([0-9.]+) seconds", (project / "serve.log").read_text())]
    print(f"median {statistics.median(seconds):.2f}s over {len(seconds)} edits (aim: 1.00s); "
          f"server's rebuild median {statistics.median(built[1:] or built):.2f}s")


if __name__ == "__main__":
    main()
