"""SPDX licence identifiers, from the `license-expression` package's bundled SPDX list."""

from functools import lru_cache

from license_expression import get_spdx_licensing


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    symbols = get_spdx_licensing().known_symbols
    return frozenset(symbols)


def is_known_spdx(identifier: str) -> bool:
    """True for an identifier on the SPDX licence list (case-sensitive, as SPDX writes it)."""
    return identifier in _known()
