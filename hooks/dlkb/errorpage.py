"""What `mkdocs serve` shows while the data is broken (markup: templates/error.html.j2)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dlkb.problems import CatalogError
from dlkb.render import make_env


@lru_cache(maxsize=1)
def _macros() -> Any:
    return make_env().get_template("error.html.j2").module


def error_banner(error: CatalogError, showing_last_good: bool = True) -> str:
    """A block put at the top of every page while the data on disk is broken."""
    return str(_macros().banner(error, showing_last_good))


def error_page(error: CatalogError) -> str:
    """A whole page for when no build has succeeded yet; it reloads itself every 2 seconds."""
    return str(_macros().page(error))
