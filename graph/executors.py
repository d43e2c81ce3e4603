"""Where a build's documents are extracted and mapped: local processes or a Dask cluster.

An executor runs one function (a document's path -> its prepared result or its failure) over
the paths and yields the results **in input order**: entity resolution, in the build's own
process, must see the documents in file-name order for a build to be deterministic.

- :class:`LocalExecutor` is a process pool on this machine (``--jobs``), the default.
- :class:`DaskExecutor` sends each document to a ``distributed`` cluster (``--executor dask
  --scheduler tcp://HOST:PORT``). The workers read the file, extract, map and serialise; the
  client only resolves and writes. It keeps at most ``window`` documents in flight: results
  arrive as they complete and wait in a reorder buffer until their turn, and a new document is
  submitted only when one is handed on, so the client's memory is bounded by the window (not by
  the corpus) and a slow writer holds the cluster back rather than piling up results. Tasks are
  retried when they raise, and the scheduler reruns those of a worker that died; a document
  whose task is finally lost comes back as a failure, never as part of a graph.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

R = TypeVar("R")

DEFAULT_WINDOW = 256  # documents in flight on a cluster: enough to keep ~100 cores busy


class Executor(Protocol):
    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        """``work`` of each path, in the order of ``paths``."""
        ...


class LocalExecutor:
    """``jobs`` spawned processes on this machine (``jobs <= 1``: in this process)."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        if self.jobs <= 1 or len(paths) <= 1:
            yield from map(work, paths)
            return
        chunk = max(1, min(16, len(paths) // (self.jobs * 8)))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=context) as pool:
            yield from pool.map(work, paths, chunksize=chunk)


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
        retries: int = 2,
        connect_timeout: float = 20.0,
    ) -> None:
        self.scheduler, self.lost = scheduler, lost
        self.window, self.retries = max(1, window), retries
        self.connect_timeout = connect_timeout

    def map(self, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        Client = _distributed().Client

        if isinstance(self.scheduler, Client):
            yield from self._run(self.scheduler, work, paths)
            return
        try:
            client = Client(self.scheduler, timeout=self.connect_timeout, set_as_default=False)
        except OSError as error:
            from unsckg.graph.errors import BuildError

            message = f"cannot reach the Dask scheduler {self.scheduler}: {error}"
            raise BuildError(message) from error
        with client:
            yield from self._run(client, work, paths)

    def _run(self, client: Any, work: Callable[[Path], R], paths: Sequence[Path]) -> Iterator[R]:
        as_completed = _distributed().as_completed
        futures: dict[Any, int] = {}
        done: dict[int, R] = {}
        pending = as_completed()
        submitted = emitted = 0
        while emitted < len(paths):
            while submitted < len(paths) and submitted - emitted < self.window:
                future = client.submit(work, paths[submitted], retries=self.retries, pure=False)
                futures[future.key] = submitted
                pending.add(future)
                submitted += 1
            while emitted not in done:
                future = next(pending)
                index = futures.pop(future.key)
                done[index] = self._result(future, paths[index])
                future.release()
            yield done.pop(emitted)
            emitted += 1

    def _result(self, future: Any, path: Path) -> Any:
        try:
            return future.result()
        except Exception as error:  # the task raised on every try, or its workers died
            return self.lost(path, error)


def _distributed() -> Any:
    """The ``distributed`` package (the optional ``cluster`` extra), untyped as it is."""
    import importlib

    try:
        return importlib.import_module("distributed")
    except ImportError as error:
        from unsckg.graph.errors import BuildError

        raise BuildError("--executor dask needs: pip install 'unsc-kg[cluster]'") from error
