"""Where any of many literal words occurs in a text: one pass of Hyperscan's literal matcher.

Why: a pattern of hundreds of names (``en/names.py``) makes ``re`` stop at every capital
letter of a text and try its trie there: about 190 tries in a resolution of 5 KB, as costly as
a third of a plain tokenizer pass. Hyperscan (Intel's multi-pattern matcher, in C with SIMD)
finds every occurrence of every word at once, about ten times faster; the caller then tries its
own pattern only where one of its words starts, so its matches stay exactly those of ``re``.

Each character of the text is one byte of what Hyperscan reads (``encode("ascii",
"replace")``: any other character is ``?``), so byte offsets are character offsets; a word's
characters outside ASCII are ``?`` alike. The starts found are thus every place where a word
stands, and maybe a few more (``C?te`` for ``Côte``), never fewer: a superset, as callers need.

Without Hyperscan (a platform without a wheel), ``LiteralStarts.available`` is false and
callers scan with ``re`` alone: same results, slower.
"""

from __future__ import annotations

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


class LiteralStarts:
    """The start offsets of every occurrence of ``words`` (case-sensitive) in a text."""

    def __init__(self, words: Iterable[str], enabled: bool = True) -> None:
        self._words = sorted({w.encode("ascii", "replace") for w in words if w})
        self._lengths = [len(w) for w in self._words]
        self._local = threading.local()  # a scratch space per thread: Hyperscan's rule
        self._database = self._compiled() if enabled and self._words else None

    @property
    def available(self) -> bool:
        """Whether ``starts`` can be asked (Hyperscan is installed and the words compiled)."""
        return self._database is not None

    def _compiled(self) -> Database | None:
        if _HS is None:
            return None
        database: Database = _HS.Database(mode=_HS.HS_MODE_BLOCK)
        ids = list(range(len(self._words)))
        database.compile(expressions=self._words, ids=ids, elements=len(ids), literal=True)
        return database

    def starts(self, text: str) -> list[int]:
        """Where a word starts in ``text``, sorted, each once (``available`` must be true)."""
        if _HS is None or self._database is None:
            raise RuntimeError("no Hyperscan database: scan with re instead")
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _HS.Scratch(self._database)
        found: list[int] = []
        lengths = self._lengths

        def on_match(word: int, _start: int, end: int, _flags: int, _context: object) -> None:
            found.append(end - lengths[word])

        data = text.encode("ascii", "replace")
        self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        return sorted(set(found))
