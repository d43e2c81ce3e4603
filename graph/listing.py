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

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from unsckg.graph import files
from unsckg.graph.pathlist import PathList

RUN = 20_000  # entries sorted in memory at a time; longer listings merge runs from disk


def collect(paths: Iterable[Path], run: int = RUN) -> PathList:
    """The documents under ``paths``, as :func:`unsckg.graph.files.collect` lists them
    (folders expanded, sorted by name then path, without duplicates), packed.

    Sorted in runs of ``run`` entries written to a temporary file and merged (an external
    sort): a dict of every (name, path) was about 400 bytes a file for a moment at the start
    of a build (+16.5 MiB for 40,000 files), and what the heap kept of it stayed."""
    named: dict[tuple[str, str], Path] = {}  # named files and URLs: few, kept as they came
    with tempfile.TemporaryFile(prefix="unsckg-listing-") as spill:
        runs: list[tuple[int, int]] = []
        chunk: list[tuple[str, str]] = []
        for entry in _entries(paths, named):
            chunk.append(entry)
            if len(chunk) >= run:
                runs.append(_write_run(spill, chunk))
                chunk = []
        chunk += named
        chunk.sort()
        sources = [_read_run(spill, start, end) for start, end in runs]
        merged = _unique(heapq.merge(*sources, iter(chunk)))
        return PathList(named.get(key) or Path(key[1]) for key in merged)


def _entries(
    paths: Iterable[Path], named: dict[tuple[str, str], Path]
) -> Iterator[tuple[str, str]]:
    """(name, path) of each document in a folder of ``paths``; named files go to ``named``."""
    for path in paths:
        if isinstance(path, Path) and path.is_dir():
            yield from _walk(str(path))
        else:  # a named file (or a URL): files.collect decides, and raises for a missing one
            for item in files.collect([path]):
                named[(item.name, str(item))] = item


def _write_run(spill: IO[bytes], chunk: list[tuple[str, str]]) -> tuple[int, int]:
    """``chunk`` sorted, appended to ``spill`` as ``name NUL path NUL`` (no file name holds a
    NUL; a newline it may); its byte range."""
    chunk.sort()
    spill.seek(0, os.SEEK_END)
    start = spill.tell()
    for name, full in chunk:
        spill.write(f"{name}\0{full}\0".encode("utf-8", "surrogateescape"))
    spill.flush()  # read back with os.pread, under the file object's buffer
    return start, spill.tell()


def _read_run(spill: IO[bytes], start: int, end: int) -> Iterator[tuple[str, str]]:
    """The entries of one run, read back 64 KB at a time with ``os.pread``."""
    rest = b""
    while start < end:
        block = os.pread(spill.fileno(), min(65536, end - start), start)
        if not block:
            raise OSError(f"the listing's temporary file ends at {start}, not {end}")
        start += len(block)
        *fields, rest = (rest + block).split(b"\0")
        if len(fields) % 2:  # a name read, its path not yet: keep the name for the next block
            rest = fields.pop() + b"\0" + rest
        for i in range(0, len(fields), 2):
            name, full = fields[i], fields[i + 1]
            yield name.decode("utf-8", "surrogateescape"), full.decode("utf-8", "surrogateescape")


def _unique(entries: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    last = None
    for entry in entries:
        if entry != last:
            yield entry
        last = entry


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """(name, path) of each document under ``root``: what ``Path.rglob("*")`` finds (symlinked
    folders are not entered, symlinked files are kept) and :func:`files.is_document` keeps.

    The name yielded is cut from the path's string, not the one ``os.walk`` gave: ``Path``
    interns its parts, and keeping that very string kept it in Python's table of interned
    strings (which never shrinks)."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)  # one at a time; its string as ``Path`` spells it
            if files.is_document(path) and path.is_file():
                full = str(path)
                yield full[len(full) - len(path.name) :], full
