"""The catalogue as a development server sees it: the last good one, and what is wrong now.

Under `mkdocs serve` every other dlkb module is read afresh for each rebuild (`forget_core`),
so that an edit to the core shows up without a restart; the state that must outlive a rebuild
lives here, in the one module imported once per process. An edit to this file needs a restart.

An exception that is not a data problem (a broken template, a bug, a bad SOURCE_DATE_EPOCH)
becomes a Korean problem too, so that serve shows it like any other and keeps answering.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.bccache import Bucket, BytecodeCache

if TYPE_CHECKING:
    from dlkb.buildcache import Entry
    from dlkb.catalog import Catalog
    from dlkb.problems import CatalogError


def _unexpected(err: Exception) -> CatalogError:
    from dlkb.problems import CatalogError, Problem

    text = str(err).splitlines()[0][:200] if str(err) else ""
    return CatalogError([Problem("dlkb", None, "", f"예기치 않은 오류입니다 ({type(err).__name__}: {text})", None,
                                 "마지막으로 고친 파일을 되돌려 보고, 그래도 오류가 나면 이 메시지와 함께 이슈로 알려 주세요")])


class TemplateCodeCache(BytecodeCache):
    """Compiled templates kept across serve's rebuilds (each makes a new Jinja environment):
    Jinja checks each entry against the template's source, so an edited template compiles anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class LiveCatalog:
    def __init__(self) -> None:
        self.serving = False
        self.catalog: Catalog | None = None  # the last catalogue that validated
        self.error: CatalogError | None = None  # what is wrong with the files on disk now
        self.today: dt.date | None = None
        # `mkdocs build` only (dlkb.buildcache): the entry this build reuses, or the key it saves under.
        self.cached: Entry | None = None
        self.cache_key: str | None = None
        self.last_files: dict[str, str | bytes] | None = None  # what `generate` returned last
        self.templates: BytecodeCache = TemplateCodeCache()  # `mkdocs build`: on disk (buildcache.template_code)
        # Results that depend only on what their key names (git's history of one commit, read by
        # the code of one version of dlkb.history), kept across serve's rebuilds.
        self.memo: dict[tuple[str, ...], object] = {}
        self.core_stamp: tuple[tuple[str, int, int], ...] = ()  # the core's files when it was last read

    def reload(self, data_dir: Path) -> None:
        """Load the data; on failure keep the last good catalogue and remember the error."""
        # Imported here, not at the top: after `forget_core` these are the modules on disk now.
        from dlkb.catalog import load_catalog
        from dlkb.labels import build_date
        from dlkb.problems import CatalogError

        try:
            # Dates in the data are checked against the real today; SOURCE_DATE_EPOCH is the day
            # the pages print, so that two builds of one commit match byte for byte.
            today = build_date()
            self.catalog, self.error, self.today = load_catalog(data_dir), None, today
        except CatalogError as err:
            self.error = err
        except Exception as err:  # anything else (a bug, a broken template) is reported in Korean too
            self.error = _unexpected(err)

    def generate(self, repo_url: str, site_url: str = "") -> dict[str, str | bytes] | None:
        """Every generated file (stage.generated_files), or None with the error remembered."""
        from dlkb.stage import generated_files

        assert self.catalog is not None and self.today is not None
        try:
            self.last_files = generated_files(self.catalog, self.today, repo_url, site_url)
            return self.last_files
        except Exception as err:  # as in reload: serve keeps answering with the report
            self.error = _unexpected(err)
            return None


def files_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Each file under `folder` (not compiled caches) with its time and size: changes when any is saved."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts))


def forget_core_if_changed() -> None:
    """`forget_core` when a file of the package (code or template) has changed since the last
    rebuild. Otherwise the modules, and what they keep between calls, are used again: reading
    the core afresh costs a tenth of a second per rebuild, and its caches with it."""
    stamp = files_stamp(Path(sys.modules["dlkb"].__file__ or "").parent)
    if stamp != LIVE.core_stamp:
        LIVE.core_stamp = stamp
        forget_core()


def forget_core() -> None:
    """Drop every dlkb module except this one, so that the next import reads the code on disk.

    The last good catalogue survives as it is; if the model has changed since, it is shown
    by the new code only until the data on disk loads again.
    """
    package = sys.modules["dlkb"]
    for name in [n for n in sys.modules if n.startswith("dlkb.") and n != __name__]:
        del sys.modules[name]
        # `from dlkb import labels` reads the package attribute first, so drop that too.
        package.__dict__.pop(name.removeprefix("dlkb."), None)


LIVE = LiveCatalog()
