"""A build's list of input files, in a temporary file: a fraction of a byte a file in memory.

Why: a ``Path`` with its cached string, parts and hash costs about 400 bytes; a build over
100,000 files held them all for its whole length (the executors index and slice the list), so
the client's memory grew with the corpus before any document was read. Packed in memory (a
folder number and the name's bytes) it was still about 40 bytes a file. Here each path's string
goes to a :class:`~unsckg.graph.namelist.NameList` (a temporary file, read in order as the
executors slice it) and a ``Path`` is made again when an item is read. Inputs that are not
local files (URLs, see :mod:`unsckg.graph.remote`) are few and kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from unsckg.graph.namelist import NameList, PackedSequence


class PathList(PackedSequence[Path]):
    """The paths given, in their order; indexing and slicing give ``Path`` objects again."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._names = NameList()
        self._others: dict[int, Path] = {}  # items that are not local paths, as they came
        for path in paths:
            if not isinstance(path, Path):  # a URL (graph.remote.RemoteFile): kept as it is
                self._others[len(self._names)] = path
                self._names.append("")
                continue
            self._names.append(str(path))

    def __len__(self) -> int:
        return len(self._names)

    def _item(self, i: int) -> Path:
        if i in self._others:
            return self._others[i]
        return Path(self._names[i])
