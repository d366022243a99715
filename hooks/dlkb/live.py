"""The catalogue as a development server sees it: the last good one, and what is wrong now.

MkDocs loads its hook file afresh for every rebuild under `mkdocs serve`, so state kept in
the hook module would be lost; it lives here, in a module imported once per process.
"""

from __future__ import annotations

from pathlib import Path

from dlkb.catalog import Catalog, load_catalog
from dlkb.problems import CatalogError


class LiveCatalog:
    def __init__(self) -> None:
        self.serving = False
        self.catalog: Catalog | None = None  # the last catalogue that validated
        self.error: CatalogError | None = None  # what is wrong with the files on disk now

    def reload(self, data_dir: Path) -> None:
        """Load the data; on failure keep the last good catalogue and remember the error."""
        try:
            self.catalog, self.error = load_catalog(data_dir), None
        except CatalogError as err:
            self.error = err


LIVE = LiveCatalog()
