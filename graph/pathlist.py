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
from collections.abc import Iterable
from pathlib import Path

from unsckg.graph.namelist import NameList, PackedSequence


class PathList(PackedSequence[Path]):
    """The paths given, in their order; indexing and slicing give ``Path`` objects again."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._folders: list[str] = []
        folder_index: dict[str, int] = {}
        self._folder_of = array("I")
        self._names = NameList()
        self._others: dict[int, Path] = {}  # items that are not local paths, as they came
        for path in paths:
            if not isinstance(path, Path):  # a URL (graph.remote.RemoteFile): kept as it is
                self._others[len(self._names)] = path
                self._folder_of.append(0)
                self._names.append("")
                continue
            folder = str(path.parent)
            self._folder_of.append(folder_index.setdefault(folder, len(folder_index)))
            if len(folder_index) > len(self._folders):
                self._folders.append(folder)
            self._names.append(path.name)

    def __len__(self) -> int:
        return len(self._names)

    def _item(self, i: int) -> Path:
        if i in self._others:
            return self._others[i]
        return Path(self._folders[self._folder_of[i]]) / self._names[i]
