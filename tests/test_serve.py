"""A real `mkdocs serve`: edits show up, a broken record shows a Korean error, the server lives on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from invalid_cases import BY_NAME
from test_build import make_project, mkdocs_build

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, predicate, timeout: float = 40.0) -> tuple[str, float]:
    """Poll until the page satisfies `predicate`; return it and the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = fetch(url)
        if predicate(text):
            return text, time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{url}: {timeout}초 안에 기대한 내용이 나오지 않았습니다")


class Server:
    def __init__(self, project: Path):
        self.project = project
        self.port = free_port()
        # `mkdocs serve` mounts the site under the path of site_url, as it will be published
        mount = urlsplit(yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
        self.url = f"http://127.0.0.1:{self.port}{mount.rstrip('/')}"
        self.log = open(project / "serve.log", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}"],  # as README says
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL, stderr=self.log, text=True,
        )

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        return (self.project / "serve.log").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def test_edit_break_and_fix_a_record_while_serving(project: Path) -> None:
    record = project / "data" / "frameworks" / "alpha.yaml"
    good = record.read_text(encoding="utf-8")
    server = Server(project)
    try:
        page = server.url + "/frameworks/alpha/"
        # No settling pause: `mkdocs serve` starts its file watcher before it answers the first
        # request, so once this page arrives every later edit is seen.
        wait_for(page, lambda t: "알파" in t)

        record.write_text(good.replace("name_ko: 알파", "name_ko: 알파수정본"), encoding="utf-8")
        _, seconds = wait_for(page, lambda t: "알파수정본" in t)
        print(f"\n수정이 반영되기까지 {seconds:.2f}초")

        record.write_text(good.replace("spdx: BSD-3-Clause", "spdx: MITT"), encoding="utf-8")
        text, _ = wait_for(page, lambda t: "SPDX 목록에 없는 라이선스 식별자입니다" in t)
        assert "data/frameworks/alpha.yaml:35 › license.spdx" in text
        assert server.proc.poll() is None

        record.write_text(good, encoding="utf-8")
        text, _ = wait_for(page, lambda t: "SPDX 목록에 없는" not in t and "알파" in t and "알파수정본" not in t)
        assert server.proc.poll() is None
    finally:
        log = server.stop()
    assert "SPDX 목록에 없는 라이선스 식별자입니다" in log  # the terminal shows it too
    assert "Traceback" not in log


def test_serve_starts_with_a_broken_record_and_recovers(project: Path) -> None:
    broken = project / "data" / "frameworks" / "bad.yaml"
    broken.write_bytes(BY_NAME["syntax-error"].content())
    server = Server(project)
    try:
        text, _ = wait_for(server.url + "/", lambda t: "데이터 오류" in t)
        assert "data/frameworks/bad.yaml:6: YAML 문법 오류입니다 (5행에서" in text
        text, _ = wait_for(server.url + "/frameworks/alpha/", lambda t: "데이터 오류" in t)  # every URL explains
        broken.unlink()
        wait_for(server.url + "/frameworks/alpha/", lambda t: "알파" in t and "데이터 오류" not in t)
        assert server.proc.poll() is None
    finally:
        server.stop()


def test_a_broken_template_is_a_korean_banner_and_serve_keeps_answering(project: Path) -> None:
    """Not a data problem: the code or a template fails. The same banner, never a hung page."""
    template = project / "hooks" / "dlkb" / "templates" / "framework.md.j2"
    good = template.read_text(encoding="utf-8")
    server = Server(project)
    try:
        page = server.url + "/frameworks/alpha/"
        wait_for(page, lambda t: "알파" in t)
        template.write_text(good.replace("{{ fw.summary_ko }}", "{{ fw.summary_ko", 1), encoding="utf-8")
        text, _ = wait_for(page, lambda t: "예기치 않은 오류입니다" in t)
        assert "예기치 않은 오류입니다 (TemplateSyntaxError:" in text
        assert server.proc.poll() is None
        template.write_text(good, encoding="utf-8")
        wait_for(page, lambda t: "알파" in t and "예기치 않은 오류" not in t)
    finally:
        log = server.stop()
    assert "Traceback" not in log


def test_serve_starts_with_a_recursive_alias_and_keeps_answering(project: Path) -> None:
    broken = project / "data" / "frameworks" / "loop.yaml"
    broken.write_text("id: loop\naliases: &a [x, *a]\n", encoding="utf-8")
    server = Server(project)
    try:
        text, _ = wait_for(server.url + "/", lambda t: "데이터 오류" in t)
        assert "data/frameworks/loop.yaml:2 › aliases[1]: 별칭(alias)이 자기 자신을 담고 있습니다" in text
        assert server.proc.poll() is None
    finally:
        log = server.stop()
    assert "Traceback" not in log


def test_a_broken_template_stops_a_build_in_korean(project: Path, tmp_path: Path) -> None:
    template = project / "hooks" / "dlkb" / "templates" / "matrix.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "{% endif %}\n", encoding="utf-8")
    run = mkdocs_build(project, tmp_path / "site")
    assert run.returncode == 1
    assert "예기치 않은 오류입니다 (TemplateSyntaxError:" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_a_bad_source_date_epoch_stops_a_build_in_korean(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1e9"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                         cwd=project, capture_output=True, text=True, env=env)
    assert run.returncode == 1
    assert "SOURCE_DATE_EPOCH: 환경 변수가 1970-01-01부터 센 초가 아닙니다 (입력: '1e9')" in run.stderr
    assert "Traceback" not in run.stderr


# Saved one after another while serving: a record's Korean name, the record broken (every page shows
# the banner), fixed, the theme's overrides (every page changes), a page written by hand.
EDITS = ["data/frameworks/alpha.yaml::name_ko: 알파=>name_ko: 알파수정본",
         "data/frameworks/alpha.yaml::spdx: BSD-3-Clause=>spdx: MITT",
         "data/frameworks/alpha.yaml::spdx: MITT=>spdx: BSD-3-Clause",
         "overrides/main.html::{% block htmltitle %}=>{% block htmltitle %}<!-- 고친 테마 -->",
         "docs/compare/index.md::# =># 고친 "]


def rebuilds(project: Path, site: Path, mode: str) -> list[dict[str, tuple[bytes, int]]]:
    """Each state of the site as serve leaves it: path -> (bytes, modification time)."""
    script = Path(__file__).parent / "serve_rebuilds.py"
    run = subprocess.run([sys.executable, str(script), str(project), str(site), mode, *EDITS],
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "dirty" not in run.stderr  # MkDocs' notice that the nav may be stale: it is not here
    states = []
    for n in range(len(EDITS) + 1):
        root = Path(f"{site}-{n}")
        # 404.html carries the time of its build (its script reloads when a new build answers)
        states.append({str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
                       for p in root.rglob("*") if p.is_file() and p.name != "404.html"})
    return states


def test_serve_dirty_rebuilds_only_what_changed_and_gives_the_same_site(project: Path, tmp_path: Path) -> None:
    """`mkdocs serve --dirty` (README's command) rewrites only the pages whose text changed, and
    after every kind of edit its site is byte for byte the one a full rebuild gives."""
    (tmp_path / "other").mkdir()
    other = make_project(tmp_path / "other")
    dirty, full = rebuilds(project, tmp_path / "dirty", "dirty"), rebuilds(other, tmp_path / "full", "clean")
    for n, (a, b) in enumerate(zip(dirty, full, strict=True)):
        assert sorted(a) == sorted(b), n
        assert [path for path in a if a[path][0] != b[path][0]] == [], (n, EDITS[n - 1] if n else "first build")
    rewritten = sorted(path for path in dirty[1] if path.endswith(".html") and dirty[1][path][1] != dirty[0][path][1])
    assert rewritten == ["compare/alpha-vs-beta/index.html", "compare/pros-cons/index.html",
                         "frameworks/alpha/index.html", "frameworks/index.html", "index.html"]  # where 알파 shows
    for n in (2, 3, 4):  # the banner comes and goes, the theme changes: every page again
        assert all(dirty[n][path][1] != dirty[n - 1][path][1] for path in dirty[n] if path.endswith(".html")), n
    assert "고친 테마" in dirty[4]["frameworks/beta/index.html"][0].decode()
    assert [p for p in dirty[5] if p.endswith(".html") and dirty[5][p][1] != dirty[4][p][1]] == ["compare/index.html"]
