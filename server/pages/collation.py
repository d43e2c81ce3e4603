"""Sorting names the way readers of each interface language expect.

English: case- and accent-insensitive (``Côte d'Ivoire`` among the C's). Chinese: by the
Hanyu Pinyin of each character (``pypinyin``), which is how Chinese lists of states are
ordered, rather than by Unicode code point, which scatters them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=8192)
def sort_key(text: str, language: str) -> tuple[object, ...]:
    """A key that orders ``text`` in ``language``'s collation (ties broken by the text)."""
    if language == "zh":
        syllables = lazy_pinyin(text, style=Style.TONE3, errors="default")
        return (tuple(_folded(s) for s in syllables), text)
    return (_folded(text), text)
