"""The catalogue as a development server sees it: the last good one, and what is wrong now.

Under `mkdocs serve` every other dlkb module is read afresh for each rebuild (`forget_core`),
so that an edit to the core shows up without a restart; the state that must outlive a rebuild
lives here, in the one module imported once per process. An edit to this file needs a restart.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dlkb.catalog import Catalog
    from dlkb.problems import CatalogError


class LiveCatalog:
    def __init__(self) -> None:
        self.serving = False
        self.catalog: Catalog | None = None  # the last catalogue that validated
        self.error: CatalogError | None = None  # what is wrong with the files on disk now

    def reload(self, data_dir: Path) -> None:
        """Load the data; on failure keep the last good catalogue and remember the error."""
        # Imported here, not at the top: after `forget_core` these are the modules on disk now.
        from dlkb.catalog import load_catalog
        from dlkb.problems import CatalogError

        try:
            self.catalog, self.error = load_catalog(data_dir), None
        except CatalogError as err:
            self.error = err


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
