"""A sorted run of (fingerprint, value) pairs in a temporary file, with a filter in memory.

Why: a :class:`~unsckg.graph.fingerprint.FingerprintTable` kept its entries in memory, 16
bytes each, and a build holds several of them (the loader's graphs, this build's records, the
links' ledger): together 50-60 bytes a document, about 6 MiB of the client's resting memory at
100,000 documents and 50 at 900,000. Here the entries live in an unlinked temporary file, read
with ``os.pread`` (the page cache is not the process's resident memory), and the process keeps
only what finds them: a filter of about 8 bits an entry (three bits per key, taken from the
key's own bits, which are already a hash) that answers "surely not here" for most keys that are
absent, and every 256th key (a fence) to read the one 4 KB block a present key can be in. A
filter's false positive costs one read of a block, never a wrong answer: the block is searched.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import IO

PAIR = array("Q").itemsize * 2  # bytes of one (key, value) entry on disk
BLOCK = 256  # entries per block: one read of 4 KB finds a present key
FILTER_BITS = 8  # filter bits per entry; three probes: about 3% of absent keys read a block
PROBES = 3


class SortedRun:
    """Entries sorted by key, unique, in a temporary file (deleted when the run is closed or
    collected); values can be changed in place, keys cannot be added."""

    __slots__ = ("_bits", "_fences", "_file", "_size", "count")

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        """``pairs`` sorted by key, without duplicates (read once, a block at a time)."""
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="unsckg-run-")  # noqa: SIM115
        self._fences = array("Q")
        self.count = 0
        for block in _blocks(pairs):
            self._fences.append(block[0])
            os.pwrite(self._file.fileno(), block.tobytes(), self.count * PAIR)
            self.count += len(block) // 2
        self._size = FILTER_BITS * self.count + 64
        self._bits = bytearray(-(-self._size // 8))
        bits, size = self._bits, self._size
        for start in range(0, self.count, BLOCK):  # read back: the page cache, not the heap
            for key in self._read(start, BLOCK)[::2]:
                low, step = key & 0xFFFFFFFF, (key >> 32) | 1
                for i in range(PROBES):
                    position = (low + i * step) % size
                    bits[position >> 3] |= 1 << (position & 7)

    @property
    def nbytes(self) -> int:
        """Bytes it keeps in memory (its filter and fences)."""
        return len(self._bits) + self._fences.itemsize * len(self._fences)

    def find(self, key: int) -> tuple[int, int] | None:
        """(position, value) of ``key``, None when absent."""
        if not self._may_hold(key):
            return None
        block = bisect_right(self._fences, key) - 1
        if block < 0:
            return None
        pairs = self._read(block * BLOCK, BLOCK)
        keys = pairs[::2]
        i = bisect_left(keys, key)
        if i == len(keys) or keys[i] != key:
            return None
        return block * BLOCK + i, pairs[2 * i + 1]

    def set_value(self, position: int, value: int) -> None:
        """Change the value of the entry at ``position`` (from :meth:`find`)."""
        os.pwrite(self._file.fileno(), array("Q", [value]).tobytes(), position * PAIR + PAIR // 2)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """The entries in key order, read a block at a time."""
        for start in range(0, self.count, BLOCK):
            block = self._read(start, BLOCK)
            yield from zip(block[::2], block[1::2], strict=True)

    def close(self) -> None:
        self._file.close()

    def _read(self, start: int, count: int) -> array[int]:
        data = os.pread(self._file.fileno(), count * PAIR, start * PAIR)
        return array("Q", data)

    def _may_hold(self, key: int) -> bool:
        """The filter: False when ``key`` is surely absent. Its :data:`PROBES` bits are the
        key's low half plus 0, 1, 2 times its high half (double hashing), modulo the size."""
        low, step, bits, size = key & 0xFFFFFFFF, (key >> 32) | 1, self._bits, self._size
        for i in range(PROBES):
            position = (low + i * step) % size
            if not bits[position >> 3] >> (position & 7) & 1:
                return False
        return True


def merged(runs: list[SortedRun], recent: dict[int, int] | None = None) -> SortedRun:
    """One run of the entries of ``runs`` and ``recent`` (keys unique across them), streamed:
    a block of each run in memory at a time. The runs given are closed."""
    sources: list[Iterable[tuple[int, int]]] = [run.pairs() for run in runs]
    if recent:
        sources.append(sorted(recent.items()))
    result = SortedRun(heapq.merge(*sources))
    for run in runs:
        run.close()
    return result


def _blocks(pairs: Iterable[tuple[int, int]]) -> Iterator[array[int]]:
    """``pairs`` as flat ``array('Q')`` blocks of :data:`BLOCK` entries (key, value, ...)."""
    block = array("Q")
    for key, value in pairs:
        block.append(key)
        block.append(value)
        if len(block) == 2 * BLOCK:
            yield block
            block = array("Q")
    if block:
        yield block
