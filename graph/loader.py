"""Writing a build's documents to the store: new ones in bulk, in two background threads.

Why this shape: a document arrives already serialised (its N-Quads and, for the merge, the same
triples without a graph, made in the build's worker processes), so the build's own process only
appends bytes here, with no work per quad. The bytes of many documents are joined into batches,
each loaded by Oxigraph's bulk loader (``bulk_load``, the fastest path into the store, which
parses and writes without holding the GIL) in a thread while the next documents arrive. The
batch size hardly changes the load's CPU time (measured: 1.6 million quads in batches of 100,000
or all at once cost the same), but the last batch is loaded after every worker has finished, so
batches are kept moderate: a short tail, and little memory.

Two batches may load at once (``LOAD_THREADS``), each half the size of the one batch of before
(``BATCH_BYTES``): no more memory in flight, but the writer no longer runs on one core when the
documents come faster than it writes them. One ``bulk_load`` call of a batch this size keeps
about one core busy (its wall time is its CPU time, measured: it parses the batch, then sorts,
writes and ingests it), and it waits on the disk for a part of it (about 35 ``fsync`` calls
per call, one set of SST files per column family).

The data is the build's own serialisation of validated terms, so it is loaded as trusted
(``Store.bulk_load_nquads``): Oxigraph does not validate every IRI a second time.

Order is kept: a document already in the store is replaced (one transaction) only after every
batch handed over before it is written. Each batch carries its documents' build records after
their content, so an interrupted build leaves documents without records, which the next build
ingests again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox
from unsckg.graph.arenas import libc_function
from unsckg.graph.fingerprint import FingerprintTable, fingerprint
from unsckg.graph.namelist import NameList
from unsckg.graph.store import GraphReplacement, Store, nquads_with_merge

# N-Quads per bulk load: about 24,000 lines. Why so few: Oxigraph's bulk loader holds about
# twelve times its batch while it sorts and writes it, and that is most of the client's peak.
# The loader alone, 6,000 small documents (450 MiB of N-Quads), two rounds each, one thread:
# peak above the start +192 MiB at 16 MB, +88 at 8, +62 at 4; CPU 22.3-24.9 s at 16, 24.2-26.9
# at 8, 26.4-29.1 at 4 (smaller batches cost more files to write and merge). With two threads
# (``LOAD_THREADS``) two 4 MB batches may load at once: the loader alone on 1,500 real
# documents (51.5 MiB of N-Quads, every batch ready at once, so the two threads always
# overlap), peak above the start +66-67 MiB with two threads of 4 MB against +76-77 with one
# of 8 MB (and +40 with one of 4), three runs each.
BATCH_BYTES = 4 * 2**20
# Batches loaded at once. Two: each ``bulk_load`` call is sequential inside (parse, sort and
# write, ingest; the loader's GIL-free threads), so with one the writer used one core when the
# documents came faster than it wrote them; more than two would hold more memory in flight
# than the one 8 MB batch of before.
LOAD_THREADS = 2

# N-Quads loaded between two reopenings of the store (``Store.reopen``): what RocksDB's block
# caches hold (blocks read by the ingestion of each batch) is given back only when the store
# closes. Measured in docs/scale.md ("The writer's block caches").
REOPEN_BYTES = 512 * 2**20
# Stored graphs whose names, read when a loader starts, make it reopen the store at its first
# batch: about 1 KB of id2str blocks cached per name (56 MiB for about 59,000 graphs), so 1,000
# names are about 1 MiB; a new store's few reference graphs cost no reopening.
REOPEN_GRAPHS = 1000


@dataclass(frozen=True, slots=True)
class SerializedGraph:
    """A document's graph as N-Quads, its triples for the merge, and its build record."""

    graph: ox.NamedNode
    quads: bytes  # N-Quads, every quad in ``graph``
    triples: bytes  # the same triples, once each, for the default graph (the merge)
    lines: int  # quads in ``quads``
    record: Sequence[ox.Quad] = field(default_factory=tuple)
    drop: Sequence[ox.NamedNode] = field(default_factory=tuple)  # stale graphs of its source

    def replacement(self) -> GraphReplacement:
        """The same change as quads, for a transaction (a document already in the store)."""
        quads = list(ox.parse(self.quads, format=ox.RdfFormat.N_QUADS))
        return GraphReplacement(self.graph, quads, self.record, self.drop)


class Follower(Protocol):
    """Who hears of each change as it is written (:class:`unsckg.graph.derive.Derivation`)."""

    def adding(self, graph: str, data: bytes) -> tuple[bytes, int]:
        """A new graph's N-Quads; N-Quads (and their lines) to load in the same batch."""
        ...

    def replacing_stored(self, graph: ox.NamedNode, data: bytes) -> None:
        """A stored graph about to be replaced by ``data`` (b"": dropped)."""
        ...


@dataclass(slots=True)
class LoadStats:
    added: NameList = field(default_factory=NameList)  # packed: see graph.namelist
    replaced: NameList = field(default_factory=NameList)
    quads: int = 0  # lines handed to the store: quads plus their triples in the merge
    serialize_seconds: float = 0.0  # in the build's thread: joining the batches
    load_seconds: float = 0.0  # in the loader threads (bulk_load, summed) and replacements
    reopens: int = 0  # times the store was closed and opened again (``REOPEN_BYTES``)
    reopen_seconds: float = 0.0  # closing and opening (the wait for the batch in flight apart)


class Loader:
    """Takes one :class:`SerializedGraph` per document; use as a context manager."""

    def __init__(
        self,
        store: Store,
        build_graph: ox.NamedNode,
        batch_bytes: int = BATCH_BYTES,
        follower: Follower | None = None,
        reopen_bytes: int | None = REOPEN_BYTES,
        threads: int = LOAD_THREADS,
    ) -> None:
        self.store = store
        self.reopen_bytes = reopen_bytes  # None: never reopen
        self._since_open = 0  # bytes handed to the store since it was (re)opened
        self.follower = follower
        self.build_graph = build_graph
        self.batch_bytes = batch_bytes
        self.stats = LoadStats()
        self._content: list[bytes] = []
        self._merge: list[bytes] = []
        self._size = 0
        self._record: list[ox.Quad] = []
        self._pending: set[int] = set()  # fingerprints of the graphs in the batch collected
        # fingerprints of the graphs stored or put (not their IRIs: see graph.fingerprint)
        self._existing = FingerprintTable(store.graph_name_fingerprints())
        if len(self._existing) >= REOPEN_GRAPHS and reopen_bytes is not None:
            # Reading the stored graphs' names filled the id2str block cache (heaptrack: 56 MiB
            # for a 2.7 GB store) and only closing the store empties it: reopen at the first
            # batch.
            self._since_open = reopen_bytes
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._threads = [
            threading.Thread(target=self._work, name=f"unsckg-loader-{i}", daemon=True)
            for i in range(threads)
        ]
        self._stats_lock = threading.Lock()
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(ok=exc[0] is None)

    def put(self, change: SerializedGraph, source: str) -> str:
        """Queue (or, for a document already stored, apply) one change: ``added`` or
        ``replaced``."""
        graph = fingerprint(change.graph.value)
        if graph in self._existing or graph in self._pending or change.drop:
            self.flush()
            self.wait()
            started = time.perf_counter()
            if self.follower is not None:
                self.follower.replacing_stored(change.graph, change.quads)
                for stale in change.drop:
                    self.follower.replacing_stored(stale, b"")
            self.store.replace(change.replacement(), self.build_graph)
            self.stats.load_seconds += time.perf_counter() - started
            self.stats.replaced.append(source)
            self.stats.quads += 2 * (change.lines + len(change.record))
            outcome = "replaced"
        else:
            self._content.append(change.quads)
            self._merge.append(change.triples)
            self._size += len(change.quads) + len(change.triples)
            if self.follower is not None:
                derived, lines = self.follower.adding(change.graph.value, change.quads)
                self._content.append(derived)
                self._size += len(derived)
                self.stats.quads += lines
            self._record.extend(change.record)
            self._pending.add(graph)
            self.stats.added.append(source)
            self.stats.quads += 2 * change.lines
            outcome = "added"
            if self._size >= self.batch_bytes:
                self.flush()
        self._existing.add(graph)
        return outcome

    def put_record(self, record: Sequence[ox.Quad]) -> None:
        """Only a build record: another file with the bytes of a document already put."""
        self._record.extend(record)

    def flush(self) -> None:
        """Hand the collected documents to the loader thread as one N-Quads batch: their
        content, its copy in the merge, then their build records."""
        if not (self._content or self._record):
            return
        started = time.perf_counter()
        record, lines = nquads_with_merge(self._record)
        data = b"".join([*self._content, *self._merge, record])
        self.stats.serialize_seconds += time.perf_counter() - started
        self.stats.quads += lines
        self._content, self._merge, self._record, self._pending = [], [], [], set()
        self._size = 0
        self._raise()
        self._reopen_when_due()
        self._since_open += len(data)
        self._queue.put(data)

    def _reopen_when_due(self) -> None:
        """Reopen the store once ``reopen_bytes`` went in since it was opened, with no batch
        in flight: the loader threads are idle, and the build's thread is here, so nothing else
        holds the engine. Costs one batch of overlap and the close and open (``LoadStats``)."""
        if self.reopen_bytes is None or self._since_open < self.reopen_bytes:
            return
        self.wait()
        started = time.perf_counter()
        self.store.reopen()
        self._since_open = 0
        self.stats.reopens += 1
        self.stats.reopen_seconds += time.perf_counter() - started

    def wait(self) -> None:
        """Block until every batch handed over is in the store."""
        self._queue.join()
        self._raise()

    def close(self, ok: bool = True) -> None:
        if ok:
            self.flush()
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()
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
                    self.store.bulk_load_nquads(data, trusted=True)
                    del data
                    release_free_memory()
                    with self._stats_lock:
                        self.stats.load_seconds += time.perf_counter() - started
            except BaseException as error:
                self._error = error
            finally:
                self._queue.task_done()


def release_free_memory() -> bool:
    """Give the C library's free heap pages back to the system (glibc's ``malloc_trim``);
    whether the C library has it.

    Why: each batch is a 4 MB buffer joined in the build's thread, parsed and indexed by the
    bulk loader in this one; glibc keeps what they free in its arenas, fragmented, and the
    client's resident memory crept up with the corpus (measured, bench/bench_memory.py:
    malloc's free space 72 -> 125 MiB from 500 to 3,000 documents while its use stayed flat).
    The loader alone (540 MB of N-Quads, 63 batches, a 650 MiB store): anonymous memory
    21-25 MiB with the trim, 50-52 without; 3-5 ms of CPU per batch, under 1% of the load's.
    What still grows with the store is not free space: malloc's bytes in use rise 8-11 KiB per
    MiB of store (to a 2.7 GB store too), with or without the trim, and all go when the store
    closes: RocksDB's block caches, filled by the ingestion of each batch (heaptrack), which
    the loader empties by reopening the store (``REOPEN_BYTES``); fixed ``M_TRIM_THRESHOLD``
    and ``M_MMAP_THRESHOLD`` do not help with those.
    A no-op where the C library has no ``malloc_trim`` (musl, macOS) or another allocator is
    preloaded (mimalloc returns memory itself).
    """
    trim = libc_function("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True
