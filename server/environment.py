"""The environment of the processes the server starts (query workers, HTTP children).

Why a module: the query workers spend their time in pyoxigraph (RocksDB and the query
evaluator), which allocate and free many small blocks per query through glibc's ``malloc``.
glibc keeps only 7 freed blocks per size in each thread's cache by default, so most frees of a
join take the arena's slower paths. A larger cache (``glibc.malloc.tcache_count=128``) cuts the
instructions of the endpoint benchmark's join from 100.1 to 97.7 million (callgrind, in
process); it holds at most a few MiB per thread. The tunable is read when a process starts, so
it is set in the environment of the children; a value the user already set is kept, and other
C libraries ignore the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

TCACHE = "glibc.malloc.tcache_count"
TCACHE_COUNT = 128


def child_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the glibc tunable added."""
    env = dict(os.environ if base is None else base)
    tunables = env.get("GLIBC_TUNABLES", "")
    if TCACHE not in tunables:
        env["GLIBC_TUNABLES"] = ":".join(filter(None, (tunables, f"{TCACHE}={TCACHE_COUNT}")))
    return env
