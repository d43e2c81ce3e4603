"""A build's list of input files, packed: a few dozen bytes a file rather than a ``Path``.

Why: a ``Path`` with its cached string, parts and hash costs about 400 bytes; a build over
100,000 files held them all for its whole length (the executors index and slice the list), so
the client's memory grew with the corpus before any document was read. Here each file is its
folder's number in a small table of folders and its name's UTF-8 bytes in one buffer; a
``Path`` is made again when an item is read. Inputs that are not local files (URLs, see
:mod:`unsckg.graph.remote`) are few and kept as they are.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import overload


class PathList(Sequence[Path]):
    """The paths given, in their order; indexing and slicing give ``Path`` objects again."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._folders: list[str] = []
        folder_index: dict[str, int] = {}
        self._folder_of = array("I")
        self._ends = array("Q")
        self._others: dict[int, Path] = {}  # items that are not local paths, as they came
        names = bytearray()
        for path in paths:
            if not isinstance(path, Path):  # a URL (graph.remote.RemoteFile): kept as it is
                self._others[len(self._ends)] = path
                self._folder_of.append(0)
                self._ends.append(len(names))
                continue
            folder = str(path.parent)
            self._folder_of.append(folder_index.setdefault(folder, len(folder_index)))
            if len(folder_index) > len(self._folders):
                self._folders.append(folder)
            names += path.name.encode("utf-8", "surrogateescape")
            self._ends.append(len(names))
        self._names = bytes(names)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self._path(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("PathList index out of range")
        return self._path(index)

    def _path(self, i: int) -> Path:
        if i in self._others:
            return self._others[i]
        start = self._ends[i - 1] if i else 0
        name = self._names[start : self._ends[i]].decode("utf-8", "surrogateescape")
        return Path(self._folders[self._folder_of[i]]) / name
