"""The environment of the processes the server starts (query workers, HTTP children).

Why a module: the query workers spend their time in pyoxigraph (RocksDB and the query
evaluator), which allocate and free many small blocks per query. Three settings of the
processes' environment make that cheaper, and all are read only when a process starts, so
they are set in the environment of the children:

- The allocator. With mimalloc preloaded (``LD_PRELOAD``, Debian package ``libmimalloc2.0``)
  pyoxigraph runs the endpoint benchmark's join in 87.1 instead of 96.6 million instructions
  and its GROUP BY in 352 instead of 391 million (callgrind, in process, glibc with the
  tunable below as the base). Against Oxigraph's own server, itself on glibc's allocator, the
  endpoint's instructions per request go from x1.05 to x0.94 on both
  (``bench/bench_instructions.py``). Wall-clock ratios on a shared machine move by more than
  that from run to run, so the instruction counts are the measure.
  ``auto`` (the default) uses mimalloc when the system has it and the C library's allocator
  otherwise; ``system`` never preloads; a path names another allocator library (jemalloc's,
  say). A preload the user already set is kept.
- Large pages, for mimalloc: ``MIMALLOC_LARGE_OS_PAGES=1`` makes it ask the kernel for
  transparent huge pages (``madvise``) for its segments, which hold RocksDB's block cache and
  the evaluator's heap, so a join's pointer chasing takes fewer TLB misses (costly in a
  virtual machine). A join's CPU in process, 12 interleaved rounds on a busy 2-core machine:
  median 0.96x of mimalloc without it (10 of 12 rounds lower); through the server
  (``bench/bench_endpoint.py``'s join, interleaved with it off, 4 rounds, load average
  15): workers' CPU per join 16.1 against 17.1 ms at 1 client and 17.2 against 17.5 at 8,
  for about 20-40 MiB more resident memory in all (the worker's hot segments in 2 MiB
  pages). Only with ``auto``, where mimalloc is what is preloaded; a value the user set is
  kept, and where transparent huge pages are off the kernel ignores the request.
- glibc's per-thread cache, for when glibc's allocator is the one in use: it keeps only 7
  freed blocks per size by default, so most frees of a join take the arena's slower paths.
  128 blocks (``glibc.malloc.tcache_count=128``) cut the benchmark join from 100.1 to 97.7
  million instructions (callgrind, in process) and hold at most a few MiB per thread. A value
  the user already set is kept; other C libraries ignore the variable.
"""

from __future__ import annotations

import ctypes.util
import functools
import os
from collections.abc import Mapping
from pathlib import Path

TCACHE = "glibc.malloc.tcache_count"
LARGE_PAGES = "MIMALLOC_LARGE_OS_PAGES"
TCACHE_COUNT = 128
AUTO, SYSTEM = "auto", "system"
PRELOAD = "LD_PRELOAD"


@functools.cache
def find_mimalloc() -> str | None:
    """mimalloc's shared library as the dynamic linker knows it (``libmimalloc.so.2``), or
    None. Never loaded here: two allocators in one process would free each other's blocks."""
    return ctypes.util.find_library("mimalloc")


def check_allocator(choice: str) -> None:
    """Raise ValueError unless ``choice`` is ``auto``, ``system`` or an existing file."""
    if choice not in (AUTO, SYSTEM) and not Path(choice).is_file():
        raise ValueError(f"allocator must be 'auto', 'system' or a library file: {choice!r}")


def allocator_library(choice: str) -> str | None:
    """The library to preload for ``choice`` (see :func:`check_allocator`), or None."""
    check_allocator(choice)
    if choice == SYSTEM:
        return None
    if choice == AUTO:
        return find_mimalloc()
    return str(Path(choice).resolve())


def describe_allocator(choice: str) -> str:
    """The allocator library the server's processes run with (one the user preloaded wins,
    as :func:`child_environment` keeps it), or ``system``."""
    return os.environ.get(PRELOAD) or allocator_library(choice) or SYSTEM


def needs_own_process(choice: str) -> bool:
    """True when this process lacks what its children get (the allocator, the tunable): a
    single HTTP process is then started as a child too, so that its inline queries have it."""
    wanted = child_environment(allocator=choice)
    return any(wanted.get(key) != os.environ.get(key) for key in (PRELOAD, "GLIBC_TUNABLES"))


def child_environment(
    base: Mapping[str, str] | None = None, allocator: str = SYSTEM
) -> dict[str, str]:
    """``base`` (default: this process's environment) with the glibc tunable and the
    preloaded ``allocator`` (a choice as in :func:`allocator_library`) added."""
    env = dict(os.environ if base is None else base)
    tunables = env.get("GLIBC_TUNABLES", "")
    if TCACHE not in tunables:
        env["GLIBC_TUNABLES"] = ":".join(filter(None, (tunables, f"{TCACHE}={TCACHE_COUNT}")))
    library = allocator_library(allocator)
    if library is not None and not env.get(PRELOAD):
        env[PRELOAD] = library
        if allocator == AUTO:  # mimalloc's own option; a value the user set is kept
            env.setdefault(LARGE_PAGES, "1")
    return env
