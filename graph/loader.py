"""Writing a build's documents to the store: new ones in bulk, in a background thread.

Why a thread: the build's own process maps facts to quads (entity resolution must see the
documents in order), and loading is the other half of its work. pyoxigraph parses and writes an
N-Quads batch without holding the GIL, so while one batch is loaded the next is mapped, and the
store's bulk loader (``bulk_load``, the fastest path into Oxigraph) does the writing.

Order is kept: a document already in the store is replaced (one transaction) only after every
batch handed over before it is written. Each batch carries its documents' build records after
their content, so an interrupted build leaves documents without records, which the next build
ingests again.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field

import pyoxigraph as ox
from unsckg.graph.store import GraphReplacement, Store, nquads_with_merge

BATCH_QUADS = 100_000


@dataclass(slots=True)
class LoadStats:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    quads: int = 0  # lines handed to the store: quads plus their triples in the merge
    serialize_seconds: float = 0.0  # in the build's thread
    load_seconds: float = 0.0  # in the loader thread (bulk_load) and replacements


class Loader:
    """Takes one :class:`GraphReplacement` per document; use as a context manager."""

    def __init__(self, store: Store, build_graph: ox.NamedNode) -> None:
        self.store = store
        self.build_graph = build_graph
        self.stats = LoadStats()
        self._content: list[ox.Quad] = []
        self._record: list[ox.Quad] = []
        self._pending: set[str] = set()
        self._existing = {g.value for g in store.graph_names()}
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="unsckg-loader", daemon=True)
        self._thread.start()

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(ok=exc[0] is None)

    def put(self, change: GraphReplacement, source: str) -> None:
        graph = change.graph.value
        if graph in self._existing or graph in self._pending or change.drop:
            self.flush()
            self.wait()
            started = time.perf_counter()
            self.store.replace(change, self.build_graph)
            self.stats.load_seconds += time.perf_counter() - started
            self.stats.replaced.append(source)
            self.stats.quads += 2 * (len(change.quads) + len(change.record))
        else:
            self._content.extend(change.quads)
            self._record.extend(change.record)
            self._pending.add(graph)
            self.stats.added.append(source)
            if len(self._content) >= BATCH_QUADS:
                self.flush()
        self._existing.add(graph)

    def flush(self) -> None:
        """Hand the collected documents to the loader thread as one N-Quads batch."""
        if not (self._content or self._record):
            return
        started = time.perf_counter()
        data, lines = nquads_with_merge([*self._content, *self._record])
        self.stats.serialize_seconds += time.perf_counter() - started
        self.stats.quads += lines
        self._content, self._record, self._pending = [], [], set()
        self._raise()
        self._queue.put(data)

    def wait(self) -> None:
        """Block until every batch handed over is in the store."""
        self._queue.join()
        self._raise()

    def close(self, ok: bool = True) -> None:
        if ok:
            self.flush()
        self._queue.put(None)
        self._thread.join()
        if ok:
            self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _work(self) -> None:
        while True:
            data = self._queue.get()
            try:
                if data is None:
                    return
                if self._error is None:
                    started = time.perf_counter()
                    self.store.bulk_load_nquads(data)
                    self.stats.load_seconds += time.perf_counter() - started
            except BaseException as error:
                self._error = error
            finally:
                self._queue.task_done()
