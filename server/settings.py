"""The endpoint's settings, built once at the edge and passed down.

The CLI's ``serve`` command turns its options and environment variables into one
:class:`ServerSettings`; the library never reads the environment itself, so a test or an
embedding application can run several differently configured endpoints in one process.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from unsckg.ontology.iris import DEFAULT_BASE
from unsckg.server.environment import AUTO, check_allocator

DEFAULT_BASE_IRI = DEFAULT_BASE
MIB = 1024 * 1024


MAX_DEFAULT_HTTP_PROCESSES = 8
DEFAULT_CLIENT_QUERIES = 16
MAX_CLIENT_QUERIES = 1024  # the cap can be raised this far, never switched off
# Seconds after which a running query no longer counts against the running limit (see
# unsckg.server.pool): several times a join's evaluation (15-20 ms of CPU), so that short
# queries at saturation rarely reach it, and the event loop's own bound (100 ms), which a
# runaway may add to another client's wait. It is wall time, so a machine busy with other
# work reaches it sooner: at load average 24 on 2 cores, 68% of joins at 8 clients ran past
# 100 ms (90% past 50 ms, 19% past 200 ms; /health's stalled_queries), and the pool then
# runs as it did without the limit.
DEFAULT_STALL_AFTER = 0.1


def default_http_processes(cores: int) -> int:
    """HTTP processes when none are asked for: one per core (up to eight).

    Why: a Python HTTP process tops out at one core, and answering point queries inline makes
    parsing HTTP the bound (see :mod:`unsckg.server.serve`). Measured with
    ``bench/bench_endpoint.py`` on 2 cores against ``oxigraph serve-read-only``, point
    queries at 8 clients: 1 process 0.17x, 2 processes 0.29x, 3 and 4 no better (figures in
    ``docs/ARCHITECTURE.md``). Re-measured after the fast path's cuts, every setting side by
    side with Oxigraph in one run (``bench_endpoint.py --kinds point join --configs 2x2 3x2
    4x2 2x4``), at 8 clients, HTTP processes x workers: point 0.47x, 0.52x, 0.44x, 0.46x and
    join 1.06x, 1.25x, 1.52x, 0.96x (load average 5-8, 3 rounds; 616, 889, 1,164 and 786 MiB);
    a second run of 2x2 and 3x2 (load 8-10, 4 rounds): point 0.43x and 0.34x, join 0.88x and
    0.77x. More processes lost the point query in the first run and 3x2 lost both in the
    second, all within the rounds' spread: one process per core stays, at the least memory.
    The cap is a guess at where the workers' memory (each holds the store open) outweighs
    HTTP parsing; no larger machine was measured.
    """
    return max(1, min(cores, MAX_DEFAULT_HTTP_PROCESSES))


def default_running(cores: int, http_processes: int) -> int:
    """Queries one HTTP process lets evaluate at once (stalled ones aside, see
    :mod:`unsckg.server.pool`) when not asked: its share of the cores, one at least, so that
    across the HTTP processes no more queries evaluate than there are cores. Why: 2 HTTP
    processes x 2 workers ran four joins on 2 cores, each at 17.3-17.8 ms of worker CPU
    against 15.1-15.5 ms with two (``bench/bench_endpoint.py --configs``), and the join at 8
    clients stayed at 0.95-1.05x of Oxigraph; the figures with this limit are in
    ``docs/ARCHITECTURE.md``."""
    return max(1, cores // http_processes)


def default_workers(cores: int, http_processes: int) -> int:
    """Query processes per HTTP process when none are asked for: the running limit
    (:func:`default_running`) and one spare, which takes a waiting query when a running one
    stalls, so that one runaway query never leaves an HTTP process without a free worker.
    More did not help the join at 8 clients (2 HTTP processes with 2 or 4 workers, side by
    side: 1.06x and 0.96x of Oxigraph; see :func:`default_http_processes`), and each costs
    about 85 MiB."""
    return default_running(cores, http_processes) + 1


def _cores() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Everything the endpoint needs to know; no setting lives anywhere else.

    ``workers`` is the number of query processes of each of the ``http_processes`` HTTP
    processes, each holding the store open read-only; ``running_limit`` of them evaluate at once.
    Either left at 0 is chosen from the cores (:func:`default_http_processes`,
    :func:`default_workers`): what ``unsckg serve`` runs with no options.
    ``max_result_bytes`` bounds the serialised size of a result (it is produced completely
    before the status line is sent, so a limit hit is an error status, never a truncated 200).
    ``max_request_bytes`` bounds a request's URL query and body. ``service_allowlist`` holds
    endpoint IRIs (or IRI prefixes ending at a path boundary) that ``SERVICE`` and ``LOAD``
    may reach; empty means no network at all.

    ``inline_budget`` (seconds; 0 disables) lets single-pattern queries run in the HTTP
    process under that budget before falling back to the pool (see
    :mod:`unsckg.server.inline`). ``query_timeout`` is in seconds and covers the wait for a
    free worker too.

    The default graph a query sees is the store's own default graph, which ``unsckg build``
    keeps equal to the merge (set union) of all named graphs. ``union_default_graph`` asks
    Oxigraph to compute the union at query time instead, for stores built by other tools; that
    union is a multiset (a triple stated in three graphs matches three times) and is not used
    when a query has its own ``FROM``.

    ``max_client_queries`` is the hard cap on the pooled queries (running and queued) of one
    client (by peer address) in each HTTP process; past it the endpoint answers 429 with
    ``Retry-After``. It lies between 1 and :data:`MAX_CLIENT_QUERIES`: there is no value that
    turns it off. Fair sharing (:mod:`unsckg.server.pool`) decides the order below the cap;
    the cap bounds what one client can queue at all. Queries answered inline take no worker
    and are not counted.

    ``running`` bounds the queries one HTTP process lets evaluate at once; 0 (the default)
    means :func:`default_running` of the cores, capped at ``workers`` (``running_limit`` is
    the value in force). A query that has run ``stall_after`` seconds stops counting, so a
    waiting query may take a spare worker beside a runaway (see :mod:`unsckg.server.pool`).

    ``unsafe_network`` accepts an allow-list on a system where the query processes cannot
    get their own network namespace (see :mod:`unsckg.server.isolation`).

    ``allocator`` is the memory allocator of the processes the server starts: ``auto``
    (mimalloc when the system has it), ``system`` or a library path; see
    :mod:`unsckg.server.environment`.
    """

    store_path: Path
    query_timeout: float = 30.0
    max_result_bytes: int = 512 * MIB
    max_request_bytes: int = 1 * MIB
    workers: int = 0
    update_token: str | None = None
    cors_origins: tuple[str, ...] = ("*",)
    service_allowlist: tuple[str, ...] = ()
    base_iri: str = DEFAULT_BASE_IRI
    spool_dir: Path | None = None
    inline_result_bytes: int = 4 * MIB
    access_log: bool = True
    union_default_graph: bool = False
    inline_budget: float = 0.005
    http_processes: int = 0
    allocator: str = AUTO
    unsafe_network: bool = False
    max_client_queries: int = DEFAULT_CLIENT_QUERIES
    running: int = 0
    stall_after: float = DEFAULT_STALL_AFTER

    def __post_init__(self) -> None:
        if self.http_processes == 0:
            object.__setattr__(self, "http_processes", default_http_processes(_cores()))
        if self.workers == 0:
            chosen = default_workers(_cores(), self.http_processes)
            object.__setattr__(self, "workers", chosen)
        if self.query_timeout <= 0:
            raise ValueError("query_timeout must be positive")
        if self.workers < 1 or self.http_processes < 1:
            raise ValueError("workers and http_processes must be at least 1")
        if not 1 <= self.max_client_queries <= MAX_CLIENT_QUERIES:
            raise ValueError(f"max_client_queries must be between 1 and {MAX_CLIENT_QUERIES}")
        if self.running < 0:
            raise ValueError("running must be 0 (from the cores) or positive")
        if not 0 < self.stall_after < math.inf:
            raise ValueError("stall_after must be a positive number of seconds")
        if self.max_result_bytes < 1 or self.max_request_bytes < 1:
            raise ValueError("size limits must be positive")
        if self.update_token is not None and not self.update_token.strip():
            raise ValueError("update_token must not be blank")
        if not self.base_iri.endswith("/"):
            raise ValueError("base_iri must end with '/'")
        check_allocator(self.allocator)

    @property
    def running_limit(self) -> int:
        """The running limit in force: ``running``, or :func:`default_running` of the cores,
        never above ``workers``. Computed, not stored, so that ``dataclasses.replace`` with
        other ``workers`` or ``http_processes`` (as the CLI does) keeps it right."""
        chosen = self.running or default_running(_cores(), self.http_processes)
        return min(chosen, self.workers)
