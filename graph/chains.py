"""Small tuples of strings grouped by a string key, in a temporary file: a byte or so a key in
memory.

Why: a build that finds a store full of documents reads their build records (file name,
document IRI, content hash) and looks them up by file name and by document. As a
``dict[str, list[tuple[str, str]]]`` and a ``set[str]`` of graph names that was about 550
bytes a stored document, 55 MB for a store of 100,000, held for the whole build. Here each
record is appended to an unlinked temporary file with the offset of the previous record under
the same key (a chain, newest first); a :class:`~unsckg.graph.fingerprint.FingerprintTable`
maps the key's fingerprint to its newest record. A lookup follows the chain with ``os.pread``
and keeps the records whose key is the one asked (a collision of fingerprints costs a read,
never a wrong record).
"""

from __future__ import annotations

import os
import tempfile
from typing import IO

from unsckg.graph.fingerprint import FingerprintTable, fingerprint

_HEAD = 12  # bytes before a record's text: the previous record's offset + 1 (8), its length


class Chains:
    """Records (tuples of strings without NUL) appended under string keys."""

    __slots__ = ("_file", "_heads", "_size")

    def __init__(self) -> None:
        self._heads = FingerprintTable()  # fingerprint(key) -> 1 + offset of its newest record
        self._file: IO[bytes] | None = None
        self._size = 0

    def add(self, key: str, record: tuple[str, ...]) -> None:
        """Append ``record`` under ``key``."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="unsckg-chains-")  # noqa: SIM115
        hashed = fingerprint(key)
        text = "\0".join((key, *record)).encode("utf-8", "surrogateescape")
        previous = self._heads.get(hashed) or 0
        head = previous.to_bytes(8, "little") + len(text).to_bytes(4, "little")
        os.pwrite(self._file.fileno(), head + text, self._size)
        self._heads[hashed] = self._size + 1
        self._size += _HEAD + len(text)

    def get(self, key: str) -> list[tuple[str, ...]]:
        """The records under ``key``, in the order they were added."""
        found: list[tuple[str, ...]] = []
        link = self._heads.get(fingerprint(key)) or 0
        while link:
            assert self._file is not None
            head = os.pread(self._file.fileno(), _HEAD, link - 1)
            size = int.from_bytes(head[8:], "little")
            text = os.pread(self._file.fileno(), size, link - 1 + _HEAD)
            parts = text.decode("utf-8", "surrogateescape").split("\0")
            if parts[0] == key:
                found.append(tuple(parts[1:]))
            link = int.from_bytes(head[:8], "little")
        found.reverse()
        return found
