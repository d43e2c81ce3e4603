"""Where any of many names starts in a text: one pass of Hyperscan, Intel's multi-pattern matcher.

Why: a pattern of hundreds of names (``en/names.py``) makes ``re`` stop at every capital
letter of a text and try its trie there: about 190 tries in a resolution of 5 KB, as costly as
a third of a plain tokenizer pass. Hyperscan (in C, with SIMD) finds every occurrence of every
name at once, several times faster; the caller then tries its own pattern only where a name
starts, so its matches stay exactly those of ``re``.

A space in a name stands for any run of white space (a PDF breaks a long name over lines).
Each character of the text is one byte of what Hyperscan reads (``encode("ascii",
"replace")``: any other character is ``?``), so byte offsets are character offsets; a name's
characters outside ASCII are ``?`` alike, and so is any white space outside ASCII. The starts
found are thus every place where a name stands, and maybe a few more (``C?te`` for ``Côte``),
never fewer: a superset, as callers need.

Without Hyperscan (a platform without a wheel), ``NameStarts.available`` is false and callers
scan with ``re`` alone: same results, slower.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hyperscan import Database


def _hyperscan() -> ModuleType | None:
    try:
        return import_module("hyperscan")
    except ImportError:
        return None


_HS = _hyperscan()
# White space as ``re`` reads ``\s`` in a str, once every character outside ASCII is ``?``.
_SPACE = rb"[\t\n\x0b\x0c\r\x1c-\x1f ?]+"


def _pattern(name: str) -> bytes:
    """The Hyperscan pattern of a name: its words (outside ASCII: ``?``), any white space."""
    words = (re.escape(w).encode("ascii", "replace") for w in name.split(" "))
    return _SPACE.join(w.replace(b"?", rb"\?") for w in words)


class NameStarts:
    """The start offsets of every occurrence of ``names`` (case-sensitive) in a text."""

    def __init__(self, names: Iterable[str], enabled: bool = True) -> None:
        self._patterns = sorted({_pattern(name) for name in names if name.strip()})
        self._local = threading.local()  # a scratch space per thread: Hyperscan's rule
        self._database = self._compiled() if enabled and self._patterns else None

    @property
    def available(self) -> bool:
        """Whether ``starts`` can be asked (Hyperscan is installed and the names compiled)."""
        return self._database is not None

    def _compiled(self) -> Database | None:
        if _HS is None:
            return None
        database: Database = _HS.Database(mode=_HS.HS_MODE_BLOCK)
        count = len(self._patterns)
        database.compile(
            expressions=self._patterns,
            ids=list(range(count)),
            elements=count,
            flags=_HS.HS_FLAG_SOM_LEFTMOST,
        )
        return database

    def starts(self, text: str) -> list[int]:
        """Where a name starts in ``text``, sorted, each once (``available`` must be true)."""
        if _HS is None or self._database is None:
            raise RuntimeError("no Hyperscan database: scan with re instead")
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _HS.Scratch(self._database)
        found: list[int] = []

        def on_match(_name: int, start: int, _end: int, _flags: int, _context: object) -> None:
            found.append(start)

        data = text.encode("ascii", "replace")
        self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        return sorted(set(found))
