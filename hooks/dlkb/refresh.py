"""`dlkb refresh`: the latest stable release of each framework, read from a package registry and
written to `data/observed/<id>.yaml`, apart from the human record.

The registry is read through a maintained client (pypi-simple, the Simple Repository API in its
JSON form), which knows the index's address: none is written here. Only the Python package
index is read; npm, Maven Central and Rust crates are skipped with a message (no maintained
client is installed, and this project's machines reach only the Python index of the three).

The rule for "latest stable release" (`pick_latest`), applied to the file list of the first
Python package a framework names:

1. Versions are read as PEP 440 versions; a file whose version cannot be read is ignored.
2. Yanked files are ignored; a version whose every file is yanked does not exist.
3. Pre-releases and development releases (a1, b2, rc1, .dev0) are never the latest release.
4. A post-release (2.3.0.post1) is not a new release: it repackages or fixes the notes of its
   base, so it counts as its base version, dated by the base's first upload. Only when the base
   was never uploaded does the post-release stand as its own version.
5. The highest version wins, by PEP 440 order, not the newest upload (a 1.x bug fix uploaded
   after 2.0 is not the latest release).
6. Its date is the UTC day of its earliest non-yanked file: wheels added later for a new Python
   version do not move the release day.

Edge cases, and why the rule holds for them:
- JAX ships `jax` (pure Python, the version people install and cite) and `jaxlib` (compiled
  kernels, released in step or less often): the record lists `jax` first, so `jax` is read.
- PyTorch's wheels are hundreds of megabytes each; only the file list is read (a few MB of
  JSON for thousands of files), never a file, and the size limit leaves room for that list.
- Deeplearning4j publishes only milestones (1.0.0-M2.1) on Maven Central: by rule 3 a milestone
  is a pre-release, and Maven is not read here, so its curated value stays what a person wrote.

A failed fetch keeps the old observed file as it is (a known value is never replaced by unknown),
and when more than a fifth of the fetches fail the run writes nothing and ends with 1: that many
failures means the network or the registry is broken, not the projects. The same answers on the
same day give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from packaging.version import InvalidVersion, Version

from dlkb.catalog import OBSERVED_DIR, Catalog
from dlkb.model import REGISTRY_LABEL, Framework, Registry

# Per request: seconds to connect and between two reads, the whole answer's time, its size.
CONNECT_TIMEOUT, READ_TIMEOUT, DEADLINE = 10.0, 20.0, 60.0
MAX_BYTES = 32 * 1024 * 1024  # torch's file list is about 4 MB of JSON; a larger answer is not a file list
FAIL_LIMIT = 0.2  # more failed fetches than this share fail the run

# Why a registry is not read, in Korean, as the run prints it.
NOT_READ: dict[str, str] = {
    "npm": "npm 패키지는 아직 읽지 않습니다 (Python 패키지 색인만 읽습니다)",
    "maven": "Maven Central은 읽지 않습니다 (유지보수되는 Python 클라이언트가 없고 이 환경에서 닿지 않습니다)",
    "crates": "Rust 크레이트 레지스트리는 읽지 않습니다 (유지보수되는 Python 클라이언트가 없고 이 환경에서 닿지 않습니다)",
}
HEADER = "# `dlkb refresh`가 레지스트리에서 읽어 쓴 파일입니다. 손으로 고치지 마세요.\n"


@dataclass(frozen=True)
class DistFile:
    """One file of a package as the registry lists it: only what the rule reads."""

    version: str | None
    yanked: bool
    uploaded: dt.datetime | None


@dataclass(frozen=True)
class Pick:
    version: str
    date: dt.date


class FetchError(Exception):
    """A fetch that gave no usable answer; the message is Korean and says why."""


Fetcher = Callable[[str], list[DistFile]]


def _stable(version: str | None) -> Version | None:
    try:
        parsed = Version(version or "")
    except InvalidVersion:
        return None
    return None if parsed.is_prerelease or parsed.is_devrelease or parsed.local else parsed


def pick_latest(files: Iterable[DistFile]) -> Pick | None:
    """The latest stable release by the rule in this module's docstring, or None."""
    first: dict[Version, dt.datetime] = {}  # release -> earliest upload of a live file
    bases: dict[Version, dict[Version, dt.datetime]] = {}  # base -> its post-releases
    for file in files:
        version = _stable(file.version)
        if version is None or file.yanked or file.uploaded is None:
            continue
        when = file.uploaded.astimezone(dt.UTC)
        base = Version(version.base_version)
        into = bases.setdefault(base, {}) if version.is_postrelease else first
        key = version if version.is_postrelease else base
        into[key] = min(into.get(key, when), when)
    releases = dict(first)
    for base, posts in bases.items():
        if base not in releases:  # a post-release with no base of its own stands for it
            post = max(posts)
            releases[post] = posts[post]
    if not releases:
        return None
    latest = max(releases)
    return Pick(str(latest), releases[latest].date())


# --- reading the Python package index ---------------------------------------------------------

class _Bounded:
    """A response body that stops at MAX_BYTES and DEADLINE: requests reads it through `read`,
    so neither a huge nor a trickling answer can hold the run."""

    def __init__(self, raw: Any, started: float):
        self.raw, self.started, self.count = raw, started, 0

    def read(self, amount: int | None = None, **_: Any) -> bytes:
        chunk: bytes = self.raw.read(amount or 65536, decode_content=True)
        self.count += len(chunk)
        if self.count > MAX_BYTES:
            raise FetchError(f"응답이 {MAX_BYTES:,}바이트를 넘습니다")
        if time.monotonic() - self.started > DEADLINE:
            raise FetchError(f"응답이 {DEADLINE:.0f}초 안에 끝나지 않았습니다")
        return chunk

    def close(self) -> None:
        self.raw.close()

    def release_conn(self) -> None:
        self.raw.release_conn()


def pypi_fetcher(adapter: Any = None) -> Fetcher:
    """A fetcher for the Python package index, through pypi-simple and its default endpoint.
    `adapter` (a requests transport adapter) replaces the network: the tests replay recorded answers."""
    import pypi_simple  # imported here: building the site never needs the network client
    import requests

    session = requests.Session()
    if adapter is not None:
        session.mount("https://", adapter)
        session.mount("http://", adapter)
    session.headers["User-Agent"] = "dlkb-refresh (+pypi-simple)"

    def bound(response: Any, *_: Any, **__: Any) -> Any:
        response.raw = _Bounded(response.raw, time.monotonic())
        return response

    session.hooks["response"].append(bound)  # runs before requests reads the body
    client = pypi_simple.PyPISimple(session=session, accept=pypi_simple.ACCEPT_JSON_ONLY)

    def fetch(package: str) -> list[DistFile]:
        try:
            page = client.get_project_page(package, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
        except pypi_simple.NoSuchProjectError:
            raise FetchError("색인에 없는 패키지입니다") from None
        except FetchError:
            raise
        except requests.Timeout:
            raise FetchError("시간 안에 답하지 않았습니다") from None
        except ValueError as err:  # malformed JSON (a RequestException too) or a page the client cannot read
            raise FetchError(f"읽을 수 없는 응답입니다 ({type(err).__name__})") from None
        except requests.RequestException as err:
            raise FetchError(f"연결하지 못했습니다 ({type(err).__name__})") from None
        return [DistFile(p.version, p.is_yanked, p.upload_time) for p in page.packages]

    return fetch


# --- the run -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    fw: Framework
    line: str  # what the run prints for this framework
    text: str | None = None  # the observed file to write, when the fetch answered
    failed: bool = False


def observed_text(fw_id: str, registry: str, package: str, checked: dt.date, pick: Pick | None) -> str:
    """The observed file: fixed key order and YAML dumping, so the same answers give the same bytes.
    Only a normalised version and a date come from the registry: no text of it is kept."""
    data = {"id": fw_id, "registry": registry, "package": package, "checked": checked,
            "latest_release": {"version": pick.version, "date": pick.date} if pick else "unknown"}
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _target(fw: Framework) -> tuple[Registry, str] | str:
    """(registry, package) to read, or why nothing is read."""
    ids = fw.identifiers
    if ids and ids.pypi:
        return "pypi", ids.pypi[0]
    for registry in ("crates", "maven", "npm"):
        if ids and getattr(ids, registry):
            return NOT_READ[registry]
    return "패키지 이름이 적혀 있지 않습니다 (레지스트리에 올라가지 않은 프로젝트)"


def _one(fw: Framework, fetchers: dict[str, Fetcher], checked: dt.date) -> Outcome:
    target = _target(fw)
    if isinstance(target, str):
        return Outcome(fw, f"  {fw.name}: 건너뜁니다 — {target}")
    registry, package = target
    try:
        files = fetchers[registry](package)
    except FetchError as err:
        kept = " — 이전에 확인한 값을 그대로 둡니다" if fw.observed else ""
        return Outcome(fw, f"  {fw.name}: {REGISTRY_LABEL[registry]}의 {package} 패키지를 읽지 못했습니다 ({err}){kept}",
                       failed=True)
    pick = pick_latest(files)
    found = f"{pick.version} ({pick.date.isoformat()})" if pick else "안정 릴리스 없음"
    return Outcome(fw, f"  {fw.name}: {found} — {REGISTRY_LABEL[registry]}의 {package}",
                   observed_text(fw.id, registry, package, checked, pick))


def refresh(catalog: Catalog, data_dir: Path, fetchers: dict[str, Fetcher], checked: dt.date) -> tuple[int, list[str]]:
    """Read every framework's registry, then write the observed files: (exit code, printed lines)."""
    outcomes = [_one(fw, fetchers, checked) for fw in catalog.frameworks.values()]
    lines = [o.line for o in outcomes]
    tried = [o for o in outcomes if o.text is not None or o.failed]
    failed = sum(o.failed for o in tried)
    share = failed / len(tried) if tried else 0.0
    if share > FAIL_LIMIT:
        lines.append(f"읽지 못한 패키지가 너무 많습니다 ({len(tried)}개 가운데 {failed}개, {share:.0%}, 기준 {FAIL_LIMIT:.0%} 이하). "
                     "아무 파일도 쓰지 않았습니다. 레지스트리에 닿는지 확인한 뒤 다시 실행하세요.")
        return 1, lines
    folder = data_dir / OBSERVED_DIR
    written = 0
    for o in outcomes:
        if o.text is None:
            continue
        target = folder / f"{o.fw.id}.yaml"
        if not target.exists() or target.read_text(encoding="utf-8") != o.text:
            folder.mkdir(exist_ok=True)
            target.write_text(o.text, encoding="utf-8")
            written += 1
    lines.append(f"패키지 {len(tried)}개를 읽어 {len(tried) - failed}개를 확인했고 {failed}개는 읽지 못했습니다. "
                 f"바뀐 파일 {written}개를 {OBSERVED_DIR}/ 폴더에 썼습니다.")
    return 0, lines
