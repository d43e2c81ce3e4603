"""Where any of many names may start in a text: one pass of Hyperscan, Intel's multi-pattern
matcher, over the names' openings (their first words).

Why: a pattern of hundreds of names (``en/names.py``) makes ``re`` stop at every capital
letter of a text and try its trie there: about 190 tries in a resolution of 5 KB, as costly as
a third of a plain tokenizer pass. Hyperscan (in C, with SIMD) finds every occurrence of every
name's opening at once; the caller then tries its own pattern only there, so its matches stay
exactly those of ``re``. Why openings of plain literals, not whole names: a name's words may
be parted by any white space (a PDF breaks a long name over lines), and Hyperscan compiles
such patterns for the 440 names in 0.3 s, once per process. The openings are a name's first
three words parted by one space, and its words before each of those spaces followed by other
white space (``_openings``): about 1,100 literals, compiled in 30 ms. Where the first word
alone was asked, a resolution gave 31 starts for 15 names (``United`` is mostly ``United
Nations``, ``State`` stands in ``States``); its openings give 18.

Each character of the text is one byte of what Hyperscan reads (``encode("ascii",
"replace")``: any other character is ``?``), so byte offsets are character offsets; a word's
characters outside ASCII are ``?`` alike. The starts found are thus every place where an
opening stands, and maybe a few more (``C?te`` for ``Côte``), never fewer: a superset of where
a name starts, as callers need. A text with white space the openings do not spell (a tab, a
carriage return: ``_ODD``; a clean text has none) is said to be one, and read otherwise.

Without Hyperscan (a platform without a wheel), ``NameStarts.available`` is false and callers
scan with ``re`` alone: same results, slower.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hyperscan import Database


def _hyperscan() -> ModuleType | None:
    try:
        return import_module("hyperscan")
    except ImportError:
        return None


_HS = _hyperscan()


class NameStarts:
    """Where the opening (``_openings``) of one of ``names`` stands in a text; and,
    in the same pass, which of the ``marks`` (ASCII words, each matched as written) and the
    ``caseless`` marks (ASCII letters, matched ignoring ASCII case) the text holds.

    Why marks: the readers of a pack each asked the whole text for a word of their own before
    reading it (``Against``, ``dated``, ``(Signed)``), a dozen scans of every text; Hyperscan
    reports the first occurrence of each mark alongside the names' words, for almost nothing.
    An ASCII word stands in the text exactly where it stands in the bytes Hyperscan reads
    (a character outside ASCII is ``?``, which no mark holds)."""

    def __init__(
        self,
        names: Iterable[str],
        enabled: bool = True,
        marks: Iterable[str] = (),
        caseless: Iterable[str] = (),
        traces: Iterable[str] = (),
        listed: Iterable[str] = (),
    ) -> None:
        self._words = sorted({o for name in names for o in _openings(name)})
        self._marks = (*marks, *caseless)
        self._listed = tuple(listed)
        if not all(m.isascii() and m and "?" not in m for m in (*self._marks, *self._listed)):
            raise ValueError("a mark or listed word is a word of ASCII characters other than ?")
        self._caseless = len(self._marks) - len(tuple(caseless))  # the first caseless mark
        self._traces = [trace.encode("ascii") for trace in traces]
        # where the listed words' ids start; the length of each word by id (one opens where a
        # name does), none for the marks, the odd white space and the traces between
        self._first_listed = len(self._words) + len(self._marks) + len(_ODD) + len(self._traces)
        self._lengths = [*map(len, self._words), *[0] * (self._first_listed - len(self._words))]
        self._lengths += map(len, self._listed)
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
        marks = [mark.encode("ascii") for mark in self._marks]
        odd = [bytes((char,)) for char in _ODD]  # after the marks: held as they are
        literals = [*self._words, *marks, *odd]
        listed = [word.encode("ascii") for word in self._listed]  # after the traces
        once = _HS.HS_FLAG_SINGLEMATCH  # a mark is held or not: its first occurrence says so
        flags = [0] * len(self._words) + [
            once | (_HS.HS_FLAG_CASELESS if self._caseless <= k < len(marks) else 0)
            for k in range(len(marks) + len(odd))
        ]
        expressions = [*literals, *listed]
        if self._traces:
            expressions = [*map(_escaped, literals), *self._traces, *map(_escaped, listed)]
        count = len(expressions)
        database.compile(
            expressions=expressions,
            ids=list(range(count)),
            elements=count,
            flags=flags + [once] * len(self._traces) + [0] * len(listed),
            literal=not self._traces,  # literals alone compile faster (30 against 60 ms)
        )
        return database

    def starts(self, text: str) -> list[int]:
        """Where a name may start in ``text``, sorted, each once (``available`` must be
        true): every position of a text with white space ``_ODD``."""
        found = self.scan(text)[0]
        return list(range(len(text))) if found is None else found

    def scan(self, text: str) -> tuple[list[int] | None, frozenset[str]]:
        """``starts`` and the marks ``text`` holds, in one pass (``available`` must be true);
        None for the starts of a text with white space ``_ODD``, whose names may start where
        no opening is (the caller then tries every position)."""
        return self.read(text)[:2]

    def read(self, text: str) -> Reading:
        """``scan``, the indexes of the ``traces`` that match somewhere in ``text``, and where
        each ``listed`` word stands, all in one pass (``available`` must be true). Why the
        traces and the listed words here: other readers' checks of the same text (``Traces``)
        and searches for a word were each a pass of their own, and an encoding."""
        found: list[int] = []
        held: list[int] = []
        lengths, count, first = self._lengths, len(self._words), self._first_listed
        spots: dict[int, list[int]] = {k: [] for k in range(first, len(lengths))}

        def on_match(word: int, _start: int, end: int, _flags: int, _context: object) -> None:
            if word < count:
                found.append(end - lengths[word])
            elif word < first:
                held.append(word - count)
            else:
                spots[word].append(end - lengths[word])

        _scan(self._database, self._local, text, on_match)
        return self._reading(found, held, list(spots.values()))

    def _reading(self, found: list[int], held: list[int], spots: list[list[int]]) -> Reading:
        """What a pass found: the names' starts, the marks (the odd white space after them),
        the traces (after both), from the indexes past the names' words; the listed words'
        starts."""
        marks = self._marks
        edge = len(marks) + len(_ODD)  # the first trace
        traces = frozenset(k - edge for k in held if k >= edge)
        listed = dict(zip(self._listed, spots, strict=True))
        if any(len(marks) <= k < edge for k in held):
            held_marks = frozenset(marks[k] for k in held if k < len(marks))
            return Reading(None, held_marks, traces, listed)
        held_marks = frozenset(marks[k] for k in held if k < edge)
        return Reading(sorted(set(found)), held_marks, traces, listed)


class Reading(NamedTuple):
    """One pass of ``NameStarts.read``: where names may start (None: anywhere, a text with
    white space ``_ODD``), the marks held, the indexes of the traces held, where each listed
    word starts (in text order)."""

    starts: list[int] | None
    marks: frozenset[str]
    traces: frozenset[int]
    listed: dict[str, list[int]]


def _escaped(literal: bytes) -> bytes:
    """A literal as a Hyperscan expression that matches it alone (each byte as a hex escape)."""
    return "".join(f"\\x{byte:02x}" for byte in literal).encode("ascii")


# How many words of a name open its expression: three leave about half the starts that its
# first word alone gives in a resolution (``United`` is mostly ``United Nations``, ``State``
# stands in ``States``), where the names' pattern was tried for nothing.
OPENING_WORDS = 3
# What stands after a word of a name where the white space before the next word is not one
# space (``re``'s ``\s+``, as Hyperscan reads it: a character outside ASCII is ``?``): a
# break, a character outside ASCII, or a space and one of them or another space. Other white
# space (``_ODD``: a tab, a carriage return, ...) is not looked for: a text with any is said
# to be such (a clean text has none: normalisation makes them spaces or breaks).
_AFTER_WORD = (b"\n", b"?", b"  ", b" \n", b" ?")
_ODD = b"\t\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _openings(name: str) -> list[bytes]:
    r"""The literals one of which stands where ``name`` starts in a text whose white space
    between its words is any run: its first words (``OPENING_WORDS``) parted by one space,
    and, for each space among them, the words before it followed by white space that is not
    one space (``_AFTER_WORD``; a text with white space ``_ODD`` is read otherwise).
    A name with an odd space (at its edge, or two in a row) opens with its first word alone.

    Why literals: Hyperscan compiled the English names' 1,100 in 30 ms, where it took 0.3 s
    for their own pattern (``\s+``) and 0.2 s for these with a class of white space."""
    words = name.split(" ")
    if not all(words):
        return [_ascii(words[0])] if words[0] else []
    opening = words[:OPENING_WORDS]
    out = [_ascii(" ".join(opening))]
    for k in range(1, len(opening)):
        before = _ascii(" ".join(opening[:k]))
        out += (before + after for after in _AFTER_WORD)
    return out


def _ascii(text: str) -> bytes:
    """``text`` as Hyperscan reads it: each character one byte, outside ASCII ``?``."""
    return text.encode("ascii", "replace")


class Traces:
    """Which of a few Hyperscan expressions (``expressions``, each a necessary condition of a
    reader's pattern) a text holds somewhere, all in one pass over the text.

    Why: a reader's gate of several ``re`` searches, each opening with a common letter (the
    OCR slips' ``i`` and ``l`` beside a digit), stops at every such letter; Hyperscan reads the
    text once for all of them. The text is read as ``NameStarts`` reads it (each character one
    byte, a character outside ASCII ``?``): an expression must match a ``?`` wherever a
    character outside ASCII would make it match (``[0-9?]`` for ``re``'s ``\\d``), so that
    what it reports is a superset of where the condition holds."""

    def __init__(self, expressions: Iterable[str], enabled: bool = True) -> None:
        self._expressions = [expression.encode("ascii") for expression in expressions]
        self._local = threading.local()
        self._database = self._compiled() if enabled and self._expressions else None

    @property
    def available(self) -> bool:
        """Whether ``held`` can be asked (Hyperscan is installed and the expressions
        compiled)."""
        return self._database is not None

    def _compiled(self) -> Database | None:
        if _HS is None:
            return None
        database: Database = _HS.Database(mode=_HS.HS_MODE_BLOCK)
        count = len(self._expressions)
        database.compile(
            expressions=self._expressions,
            ids=list(range(count)),
            elements=count,
            flags=[_HS.HS_FLAG_SINGLEMATCH] * count,
        )
        return database

    def held(self, text: str) -> frozenset[int]:
        """The indexes of the expressions that match somewhere in ``text`` (``available``
        must be true)."""
        held: list[int] = []

        def on_match(index: int, _start: int, _end: int, _flags: int, _context: object) -> None:
            held.append(index)

        _scan(self._database, self._local, text, on_match)
        return frozenset(held)


def _scan(
    database: Database | None,
    local: threading.local,
    text: str,
    on_match: Callable[[int, int, int, int, object], None],
) -> None:
    """Read ``text`` once with ``database``, each character one byte (outside ASCII: ``?``,
    so byte offsets are character offsets), calling ``on_match`` for each match; a scratch
    space per thread, as Hyperscan requires."""
    if _HS is None or database is None:
        raise RuntimeError("no Hyperscan database: search with re instead")
    scratch = getattr(local, "scratch", None)
    if scratch is None:
        scratch = local.scratch = _HS.Scratch(database)
    data = text.encode("ascii", "replace")
    database.scan(data, match_event_handler=on_match, scratch=scratch)
