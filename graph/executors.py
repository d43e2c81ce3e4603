"""Where a build's documents are extracted and mapped: local processes or a Dask cluster.

An executor runs one function (a document's path -> its prepared result or its failure) over
the paths and yields the results **in input order**: entity resolution, in the build's own
process, must see the documents in file-name order for a build to be deterministic.

- :class:`LocalExecutor` is a process pool on this machine (``--jobs``), the default.
- :class:`DaskExecutor` sends each document to a ``distributed`` cluster (``--executor dask
  --scheduler tcp://HOST:PORT``). The workers read the file, extract, map and serialise; the
  client only resolves and writes. Documents go in tasks of ``chunk`` (the cluster's cost per
  task is shared), at most ``window`` documents in flight: results arrive as they complete and
  wait in a reorder buffer until their turn, and a new task is submitted only when one is
  handed on, so the client's memory is bounded by the window (not by the corpus) and a slow
  writer holds the cluster back rather than piling up results. Tasks are
  retried when they raise, and the scheduler reruns those of a worker that died; a document
  whose task is finally lost comes back as a failure, never as part of a graph.

:data:`CLUSTER_CONFIG` turns down ``distributed``'s housekeeping. Measured on this 2-core
machine, an idle ``LocalCluster`` of two workers burns 75-81 ms of CPU per second (an event-loop
watchdog every 20 ms in every process, a statistical profiler sampling every 10 ms, a system
monitor every 0.5 s, the nannies polling memory every 0.1 s); with this configuration, 12 ms.
That cost runs per second of wall time, not per document, so on a shared machine, where a build
gets a fraction of a core and runs longer, it ate a quarter of the build's CPU and made Dask
look 0.64x of the local pool. The client applies it to itself; workers started by hand take it
from the environment (``docs/scale.md``: ``DASK_DISTRIBUTED__…`` variables).
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from unsckg.graph.remote import fetching

R = TypeVar("R")

DEFAULT_WINDOW = 256  # documents in flight on a cluster: enough to keep ~30 cores busy
MAX_CHUNK = 64  # documents per task at most (a lone worker thread: a quarter of the window)

CLUSTER_CONFIG: dict[str, object] = {
    "distributed.admin.tick.interval": "1s",  # the event-loop watchdog (default 20 ms)
    "distributed.worker.profile.enabled": False,  # the sampling profiler (every 10 ms)
    "distributed.admin.system-monitor.interval": "5s",  # CPU/memory/network (0.5 s)
    "distributed.worker.memory.monitor-interval": "1s",  # the nanny's memory poll (0.1 s)
}


class Executor(Protocol):
    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        """``work`` of each path, in the order of ``paths``."""
        ...


class LocalExecutor:
    """``jobs`` spawned processes on this machine (``jobs <= 1``: in this process)."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        work = fetching(work)  # a path may be a URL (unsckg.graph.remote)
        if self.jobs <= 1 or len(paths) <= 1:
            yield from map(work, paths)
            return
        chunk = max(1, min(16, len(paths) // (self.jobs * 8)))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=context) as pool:
            yield from _windowed(pool, work, paths, chunk, window=self.jobs * 4)


def _windowed(
    pool: ProcessPoolExecutor,
    work: Callable[[Path], R],
    paths: Sequence[Path],
    chunk: int,
    window: int,
) -> Iterator[R]:
    """``work`` over ``paths`` in the pool, in order, with at most ``window`` chunks submitted
    and not yet handed on. Why not ``pool.map``: it submits every chunk at once, so the paths
    and then the results of a whole corpus could sit in this process (memory growing with the
    corpus); here a chunk is sliced out of ``paths`` only when it is submitted."""
    in_flight: collections.deque[Future[list[R]]] = collections.deque()
    for start in range(0, len(paths), chunk):
        in_flight.append(pool.submit(run_chunk, work, paths[start : start + chunk]))
        if len(in_flight) >= window:
            yield from in_flight.popleft().result()
    while in_flight:
        yield from in_flight.popleft().result()


class DaskExecutor:
    """Documents on a Dask ``distributed`` cluster; see the module docstring.

    ``scheduler`` is an address (``tcp://10.0.0.5:8786``) or a ``distributed.Client`` already
    connected (tests pass a ``LocalCluster``'s client). ``lost`` turns a path and the error of a
    task that could not be completed into the result to yield in its place (a failure).
    """

    def __init__(
        self,
        scheduler: str | Any,
        lost: Callable[[Path, BaseException], Any],
        *,
        window: int = DEFAULT_WINDOW,
        chunk: int | None = None,
        retries: int = 2,
        connect_timeout: float = 20.0,
    ) -> None:
        self.scheduler, self.lost = scheduler, lost
        self.window, self.retries = max(1, window), retries
        self.chunk = None if chunk is None else max(1, min(chunk, self.window))
        self.connect_timeout = connect_timeout

    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        Client = _distributed().Client
        work = fetching(work)  # a path may be a URL, fetched by the worker (graph.remote)
        if isinstance(self.scheduler, Client):
            yield from self._run(self.scheduler, work, paths)
            return
        try:
            with cluster_config():
                client = Client(self.scheduler, timeout=self.connect_timeout, set_as_default=False)
        except OSError as error:
            from unsckg.graph.errors import BuildError

            message = f"cannot reach the Dask scheduler {self.scheduler}: {error}"
            raise BuildError(message) from error
        with client:
            yield from self._run(client, work, paths)

    def _run(self, client: Any, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        """Submit chunks while fewer than ``window`` documents are in flight; yield in order.

        A chunk's paths are sliced out of ``paths`` when it is submitted and dropped when its
        results are handed on: only the window's paths exist as objects at any time (the
        build passes a packed :class:`~unsckg.graph.pathlist.PathList`)."""
        chunk_size = self.chunk or chunk_for(client, self.window)
        count = -(-len(paths) // chunk_size)
        futures: dict[Any, tuple[int, Sequence[Path]]] = {}
        done: dict[int, list[R]] = {}
        pending = _distributed().as_completed(loop=client.loop)  # not the default client's
        submitted = emitted = 0
        while emitted < count:
            while submitted < count and (submitted - emitted) * chunk_size < self.window:
                chunk = paths[submitted * chunk_size : (submitted + 1) * chunk_size]
                future = client.submit(run_chunk, work, chunk, retries=self.retries, pure=False)
                futures[future.key] = (submitted, chunk)
                pending.add(future)
                submitted += 1
            while emitted not in done:
                future = next(pending)
                index, chunk = futures.pop(future.key)
                done[index] = self._results(future, chunk)
                future.release()
            yield from done.pop(emitted)
            emitted += 1

    def _results(self, future: Any, chunk: Sequence[Path]) -> list[Any]:
        try:
            return list(future.result())
        except Exception as error:  # the task raised on every try, or its workers died
            return [self.lost(path, error) for path in chunk]


def chunk_for(client: Any, window: int) -> int:
    """Documents per task when none is given: the window shared by four tasks a worker thread,
    at most :data:`MAX_CHUNK`. Why: each task costs the cluster (the scheduler's bookkeeping, a
    gather from the worker for each result, the task's state on both sides) far more than the
    local pool's chunk, and on this two-core machine, where the build keeps both cores busy,
    that cost is taken from the extraction and the client. The whole build's CPU, client,
    workers and scheduler, for 3,000 real documents on two workers (``bench_build.py``): 8
    documents a task 29.1 s against the pool's 26.9; 16, 23.9 against 17.7 in a quieter run;
    32 (what this gives on two workers), 20.4 against 20.0. A big cluster still gets four tasks
    a thread in flight (30 threads: 2 documents a task)."""
    threads = sum(client.nthreads().values()) or 1
    return max(1, min(MAX_CHUNK, window // (4 * threads)))


def run_chunk(work: Callable[[Path], R], chunk: Sequence[Path]) -> list[R]:
    """A worker's task: a few documents, so that the cluster's cost per task (scheduling, a
    message each way) is shared by several documents of a few milliseconds each."""
    return [work(path) for path in chunk]


def cluster_config() -> Any:
    """A context in which ``distributed`` objects made (a client, a ``LocalCluster`` and the
    workers its nannies start) use :data:`CLUSTER_CONFIG`; see the module docstring."""
    import importlib

    try:
        dask = importlib.import_module("dask")
    except ImportError as error:
        from unsckg.graph.errors import BuildError

        raise BuildError("--executor dask needs: pip install 'unsc-kg[cluster]'") from error
    return dask.config.set(CLUSTER_CONFIG)


def _distributed() -> Any:
    """The ``distributed`` package (the optional ``cluster`` extra), untyped as it is."""
    import importlib

    try:
        return importlib.import_module("distributed")
    except ImportError as error:
        from unsckg.graph.errors import BuildError

        raise BuildError("--executor dask needs: pip install 'unsc-kg[cluster]'") from error
