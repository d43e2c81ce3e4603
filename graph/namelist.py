"""A list of file names kept in a temporary file: what a build report keeps per document.

Why: a build report lists the files added, replaced, unchanged (and so on). As ``list[str]``,
each name costs its string object and a pointer, about 90 bytes, and at 100,000 documents the
client held 9 MB of names it only counts or prints at the end. Packed in memory (the name's
UTF-8 bytes plus an 8-byte end) it was still about 30 bytes a name, for each list and for the
build's input paths (:class:`~unsckg.graph.pathlist.PathList`): the client's resting memory
grew with the corpus. Here the names go to an unlinked temporary file (read back with
``os.pread``: the page cache, not the process's memory) and the list keeps a fraction of a byte
a name. It reads as a list (length, order, indexing, iteration) and compares equal to a list
of the same names.
"""

from __future__ import annotations

import os
import tempfile
from abc import abstractmethod
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TypeVar, overload

T = TypeVar("T")

MARK = 64  # names between two offsets kept in memory: 0.125 bytes a name
SPILL = 64 * 1024  # bytes buffered before a write, and read at once


class PackedSequence(Sequence[T]):
    """A read-only sequence whose items are rebuilt from a packed form by ``_item``: indexing
    (negative too) and slicing, shared by the packed lists of the build."""

    __slots__ = ()

    @abstractmethod
    def _item(self, i: int) -> T:
        """The item at ``0 <= i < len(self)``, rebuilt from the packed form."""

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index)


class NameList(PackedSequence[str]):
    """File names in the order they were appended, in a temporary file.

    Each name is its UTF-8 bytes after a 4-byte length, appended to an unlinked temporary file
    (made at the first name, deleted when the list is collected) through a 64 KB buffer; the
    list keeps in memory its length, the offset of every :data:`MARK`-th name and the last
    block it read. Reading in order (iteration, slices, the executors' chunks) reads each
    block once; an index elsewhere reads from the mark before it.
    """

    __slots__ = ("_block", "_block_at", "_count", "_cursor", "_file", "_marks", "_size", "_tail")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._file: IO[bytes] | None = None
        self._size = 0  # bytes written to the file
        self._tail = bytearray()  # bytes appended after them, not yet written
        self._count = 0
        self._marks = array("Q")  # offset of names 0, MARK, 2 * MARK, ...
        self._cursor = (0, 0)  # (index, offset) of the name after the last one read
        self._block, self._block_at = b"", 0  # the last block read from the file
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        data = name.encode("utf-8", "surrogateescape")
        if self._count % MARK == 0:
            self._marks.append(self._size + len(self._tail))
        self._tail += len(data).to_bytes(4, "little")
        self._tail += data
        self._count += 1
        if len(self._tail) >= SPILL:
            self._spill()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return (self._item(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NameList | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"NameList({list(self)!r})"

    def __reduce__(self) -> tuple[type[NameList], tuple[list[str]]]:
        """Pickled as its names (a file cannot travel)."""
        return NameList, (list(self),)

    def _item(self, i: int) -> str:
        index, offset = self._cursor
        if not index <= i < index + MARK:
            index, offset = i - i % MARK, self._marks[i // MARK]
        while index < i:  # skip to the name wanted
            offset += 4 + int.from_bytes(self._bytes(offset, 4), "little")
            index += 1
        length = int.from_bytes(self._bytes(offset, 4), "little")
        data = self._bytes(offset + 4, length)
        self._cursor = (i + 1, offset + 4 + length)
        return data.decode("utf-8", "surrogateescape")

    def _bytes(self, offset: int, count: int) -> bytes:
        """``count`` bytes at ``offset`` (a name or a length never straddles the file's end)."""
        if offset >= self._size:
            start = offset - self._size
            return bytes(self._tail[start : start + count])
        assert self._file is not None
        start = offset - self._block_at
        if not (start >= 0 and start + count <= len(self._block)):
            self._block_at, start = offset, 0
            self._block = os.pread(self._file.fileno(), max(count, SPILL), offset)
        return self._block[start : start + count]

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="unsckg-names-")  # noqa: SIM115
        os.pwrite(self._file.fileno(), self._tail, self._size)
        self._size += len(self._tail)
        self._tail = bytearray()
