"""A build's input files listed straight into a packed list: no ``Path`` per file held.

Why not :func:`unsckg.graph.files.collect` then a :class:`~unsckg.graph.pathlist.PathList`:
``collect`` returns every file as a ``Path`` (about 450 bytes with its string and parts) and
``pathlib`` interns each part, so at 100,000 files the listing took 54 MiB for a moment and
left about 180 bytes a file behind (Python's table of interned names, which never shrinks,
and heap pages the freed ``Path`` objects kept), measured after packing; a client whose memory
must not grow with the corpus paid it for the whole build. Here folders are walked as strings
(``os.walk``), and a ``Path`` is made one at a time as the packed list takes it. The files and
their order are :func:`~unsckg.graph.files.collect`'s, which still handles named files and
URLs (few).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from unsckg.graph import files
from unsckg.graph.pathlist import PathList


def collect(paths: Iterable[Path]) -> PathList:
    """The documents under ``paths``, as :func:`unsckg.graph.files.collect` lists them
    (folders expanded, sorted by name then path, without duplicates), packed."""
    found: dict[tuple[str, str], Path | None] = {}
    for path in paths:
        if isinstance(path, Path) and path.is_dir():
            found.update(dict.fromkeys(_walk(str(path))))
        else:  # a named file (or a URL): files.collect decides, and raises for a missing one
            for item in files.collect([path]):
                found[(item.name, str(item))] = item
    return PathList(_paths(sorted(found.items(), key=lambda entry: entry[0])))


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """(name, path) of each document under ``root``: what ``Path.rglob("*")`` finds (symlinked
    folders are not entered, symlinked files are kept) and :func:`files.is_document` keeps."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)  # one at a time; its string as ``Path`` spells it
            if files.is_document(path) and path.is_file():
                yield name, str(path)


def _paths(entries: list[tuple[tuple[str, str], Path | None]]) -> Iterator[Path]:
    """A ``Path`` for each entry, one at a time; the list is emptied as it is read."""
    entries.reverse()
    while entries:
        (_, full), item = entries.pop()
        yield Path(full) if item is None else item
