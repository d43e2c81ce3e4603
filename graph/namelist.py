"""A list of file names packed in one buffer: what a build report keeps per document.

Why: a build report lists the files added, replaced, unchanged (and so on). As ``list[str]``,
each name costs its string object and a pointer, about 90 bytes, and at 100,000 documents the
client held 9 MB of names it only counts or prints at the end. Here the names are UTF-8 bytes
in one ``bytearray`` with an ``array`` of their ends: the name's length plus 8 bytes. It reads
as a list (length, order, indexing, iteration) and compares equal to a list of the same names.
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


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
    """File names in the order they were appended."""

    __slots__ = ("_data", "_ends")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        self._data += name.encode("utf-8", "surrogateescape")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __iter__(self) -> Iterator[str]:
        return (self._item(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NameList | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"NameList({list(self)!r})"

    def _item(self, i: int) -> str:
        start = self._ends[i - 1] if i else 0
        return self._data[start : self._ends[i]].decode("utf-8", "surrogateescape")
