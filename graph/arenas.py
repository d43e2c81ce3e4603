"""Fewer glibc malloc arenas in the process that writes the store.

Why: the store's writer is RocksDB (through pyoxigraph), whose bulk loader, flush and
compaction threads allocate in glibc arenas of their own (up to eight per core). What a thread
frees stays in its arena, fragmented; with many arenas the writer's resident memory crept up
with every batch although what it used did not: ``bench/bench_memory.py`` measured the client's
highest resident memory per tenth of a build rising 0.6 KB per document from 10,000 to
100,000 documents with glibc's default arenas, and no trend (-0.06 KB per document over 40,000)
with two. glibc's documented remedy for such programs is ``M_ARENA_MAX``; the loader also gives
free pages back after each batch (``loader.release_free_memory``). Two arenas still let the
build's threads allocate side by side, and the writer's speed is that of the store.

A no-op where the C library has no ``mallopt`` (musl, macOS), and an allocator preloaded in its
place (jemalloc, mimalloc) is left alone, as is an ``MALLOC_ARENA_MAX`` the user has set.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
from collections.abc import Callable

M_ARENA_MAX = -8  # glibc's malloc.h
WRITER_ARENAS = 2


@functools.cache
def limit_malloc_arenas(arenas: int = WRITER_ARENAS) -> bool:
    """Cap the number of malloc arenas for the rest of the process (once); whether it took."""
    mallopt = libc_function("mallopt")
    if "MALLOC_ARENA_MAX" in os.environ or mallopt is None:
        return False
    return bool(mallopt(ctypes.c_int(M_ARENA_MAX), ctypes.c_int(arenas)))


@functools.cache
def libc_function(name: str) -> Callable[..., int] | None:
    """A function of the C library by name, None where it has none (musl, macOS)."""
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL(ctypes.util.find_library("c")), name)
    except (OSError, AttributeError, TypeError):
        return None
    return function
