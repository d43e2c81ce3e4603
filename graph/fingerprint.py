"""Fixed-size stand-ins for the strings a build keeps per document.

Why: a build of 100,000 documents that kept each document's graph IRI, content hash and file
name as Python strings (about 100 bytes each, plus the tables' entries) grew the client by
hundreds of bytes per document. What it keeps per document is a 64-bit fingerprint of those
strings instead: compared, never shown. Two of 100,000 documents share one with a probability
of about 3e-10, and where a table uses them a collision costs time (a graph replaced rather than
added), never a wrong graph. The tables themselves are :class:`FingerprintTable`: 16 bytes an entry.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from hashlib import blake2b


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
    """A map from fingerprints to 64-bit ints (0 by default: a set), in 16 bytes an entry.

    Why not a ``dict[int, int]``: each entry of a dict costs two int objects and its slot,
    about 100 bytes; a build keeps one entry per document, and at 100,000 documents the
    client grew by 10 MB per table. Here the entries sit in two sorted ``array('Q')`` (key,
    value), found by bisection; new keys wait in a small dict and are merged in when it holds
    ``buffer`` of them (a merge copies the arrays once: its cost per key is constant).
    """

    __slots__ = ("_buffer", "_keys", "_recent", "_values")

    def __init__(self, keys: Iterable[int] = (), buffer: int = 4096) -> None:
        self._keys, self._values = array("Q"), array("Q")
        self._recent: dict[int, int] = {}
        self._buffer = buffer
        for key in keys:
            self[key] = 0

    def __len__(self) -> int:
        return len(self._keys) + len(self._recent)

    def __contains__(self, key: int) -> bool:
        return key in self._recent or self._index(key) is not None

    def get(self, key: int) -> int | None:
        """The value of ``key``, None where it has none."""
        if key in self._recent:
            return self._recent[key]
        i = self._index(key)
        return None if i is None else self._values[i]

    def __setitem__(self, key: int, value: int) -> None:
        i = self._index(key)
        if i is not None:
            self._values[i] = value
            return
        self._recent[key] = value
        if len(self._recent) >= self._buffer:
            self._merge()

    def add(self, key: int) -> None:
        """Enter ``key`` (a set's use), keeping the value it has."""
        if key not in self:
            self[key] = 0

    def items(self) -> Iterator[tuple[int, int]]:
        """The entries, in no particular order."""
        yield from zip(self._keys, self._values, strict=True)
        yield from self._recent.items()

    def values(self) -> Iterator[int]:
        return (value for _, value in self.items())

    @property
    def nbytes(self) -> int:
        """The bytes its arrays take (the buffer of recent keys aside)."""
        return self._keys.itemsize * (len(self._keys) + len(self._values))

    def _index(self, key: int) -> int | None:
        i = bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else None

    def _merge(self) -> None:
        keys, values = array("Q"), array("Q")
        start = 0
        for key in sorted(self._recent):
            end = bisect_left(self._keys, key, start)
            keys.extend(self._keys[start:end])
            values.extend(self._values[start:end])
            keys.append(key)
            values.append(self._recent[key])
            start = end
        keys.extend(self._keys[start:])
        values.extend(self._values[start:])
        self._keys, self._values, self._recent = keys, values, {}
