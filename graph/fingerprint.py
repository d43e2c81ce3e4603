"""Fixed-size stand-ins for the strings a build keeps per document.

Why: a build of 100,000 documents that kept each document's graph IRI, content hash and file
name as Python strings (about 100 bytes each, plus the tables' entries) grew the client by
hundreds of bytes per document. What it keeps per document is a 64-bit fingerprint of those
strings instead: compared, never shown. Two of 100,000 documents share one with a probability
of about 3e-10, and where a table uses them a collision costs time (a graph replaced rather than
added), never a wrong graph. The tables themselves are :class:`FingerprintTable`: on disk,
about a byte an entry in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from hashlib import blake2b

from unsckg.graph.sortedrun import SortedRun, merged


def fingerprint(text: str) -> int:
    """A 64-bit digest of ``text``: equal texts, equal fingerprints."""
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def fingerprint_pair(text: str) -> tuple[int, int]:
    """Two independent 64-bit digests of ``text`` (one 128-bit hash, halved): a table keyed by
    the first that keeps the second as its value can tell a collision of keys from a match
    (two strings share both with a probability of about 2**-128)."""
    digest = blake2b(text.encode("utf-8"), digest_size=16).digest()
    return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little")


class FingerprintTable:
    """A map from fingerprints to 64-bit ints (0 by default: a set), about 1 byte an entry in
    memory.

    Why not a ``dict[int, int]``: each entry of a dict costs two int objects and its slot,
    about 100 bytes; a build keeps one entry per document. Nor two sorted arrays in memory
    (what this was, 16 bytes an entry): with several tables the client still grew by 50-60
    bytes a document. New keys wait in a small dict; when it holds ``buffer`` of them they are
    written, sorted, to a :class:`~unsckg.graph.sortedrun.SortedRun` on disk (a filter and
    fences stay in memory), and runs of similar sizes are merged, streamed, so that there are
    about log2(entries / buffer) of them and each key is written about as many times. A key is
    in one place only (the dict or one run): a value set again is changed where it is.
    """

    __slots__ = ("_buffer", "_recent", "_runs")

    def __init__(self, keys: Iterable[int] = (), buffer: int = 4096) -> None:
        self._recent: dict[int, int] = {}
        self._runs: list[SortedRun] = []  # largest first
        self._buffer = buffer
        for key in keys:
            self.add(key)

    def __len__(self) -> int:
        return len(self._recent) + sum(run.count for run in self._runs)

    def __contains__(self, key: int) -> bool:
        return self.get(key) is not None

    def get(self, key: int) -> int | None:
        """The value of ``key``, None where it has none."""
        if key in self._recent:
            return self._recent[key]
        found = self._find(key)
        return None if found is None else found[2]

    def __setitem__(self, key: int, value: int) -> None:
        if key not in self._recent:
            found = self._find(key)
            if found is not None:
                run, position, _ = found
                run.set_value(position, value)
                return
        self._recent[key] = value
        if len(self._recent) >= self._buffer:
            self._spill()

    def add(self, key: int) -> None:
        """Enter ``key`` (a set's use), keeping the value it has."""
        if key not in self:
            self[key] = 0

    def items(self) -> Iterator[tuple[int, int]]:
        """The entries, in no particular order."""
        for run in self._runs:
            yield from run.pairs()
        yield from self._recent.items()

    def values(self) -> Iterator[int]:
        return (value for _, value in self.items())

    @property
    def nbytes(self) -> int:
        """The bytes it keeps in memory for its entries on disk (the buffer of recent keys
        aside): its runs' filters and fences."""
        return sum(run.nbytes for run in self._runs)

    def close(self) -> None:
        """Delete its files now rather than when it is collected; it is empty after."""
        for run in self._runs:
            run.close()
        self._runs, self._recent = [], {}

    def _find(self, key: int) -> tuple[SortedRun, int, int] | None:
        for run in self._runs:
            found = run.find(key)
            if found is not None:
                return run, found[0], found[1]
        return None

    def _spill(self) -> None:
        """The recent keys as a run of their own, then merge the smallest runs while the
        last is at least half the one before (sizes fall geometrically)."""
        self._runs.append(merged([], self._recent))
        self._recent = {}
        while len(self._runs) >= 2 and 2 * self._runs[-1].count >= self._runs[-2].count:
            last, before = self._runs.pop(), self._runs.pop()
            self._runs.append(merged([before, last]))
