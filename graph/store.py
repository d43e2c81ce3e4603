"""The on-disk Oxigraph store, wrapped with the operations the graph layer needs.

Why a wrapper and not ``pyoxigraph.Store`` everywhere: the build needs "replace exactly this
document's graph, atomically" and "add many new graphs fast", the default graph must stay the
merge of the named graphs, and every ``OSError``/``SyntaxError`` of the engine must
become a :mod:`unsckg.graph.errors` exception that the CLI and the server can show in one line.

The default graph is the merge: every triple of every named graph is also in the default
graph, once. Why: Oxigraph's "union default graph" query option is a multiset (a triple stated
by three documents matches three times, a join of three such patterns 27 times), while the
merge gives SPARQL's set semantics; so queries run on the default graph, and the named graphs
keep who said what. Every write below keeps the merge exact, in the same transaction.

Only one process may write a store: RocksDB holds a lock on the folder while a read-write
instance is open, and so does this wrapper (``unsckg-writer.lock`` in the folder) for as long
as the ``Store`` is open, also across :meth:`Store.reopen`; opening a second writer fails with
:class:`StoreLockedError`. Readers (the server) open it with ``read_only=True``.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Self, TypeVar

import pyoxigraph as ox
from unsckg.graph.arenas import limit_malloc_arenas
from unsckg.graph.errors import QueryError, RdfInputError, StoreError, StoreLockedError
from unsckg.graph.fingerprint import fingerprint

T = TypeVar("T")
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@dataclass(frozen=True, slots=True)
class GraphReplacement:
    """The new content of one named graph plus the build-graph record that describes it.

    ``record`` quads (in the build graph, about ``graph``) replace the earlier record of the
    same subject, in the same transaction as the graph itself, so that a crash never leaves a
    record for content that was not written.
    """

    graph: ox.NamedNode
    quads: Sequence[ox.Quad]
    record: Sequence[ox.Quad] = field(default_factory=tuple)
    drop: Sequence[ox.NamedNode] = field(default_factory=tuple)  # stale graphs of the same source


DEFAULT_GRAPH = ox.DefaultGraph()

# The table readers (SST files held open) of a writable store: see ``writer_open_files``.
WRITER_OPEN_FILES = 64
OXIGRAPH_RESERVED_FILES = 48  # Oxigraph gives RocksDB the soft RLIMIT_NOFILE minus this
OXIGRAPH_MIN_FILES = 96  # and refuses to open a store below this soft limit
WRITER_LOCK_FILE = "unsckg-writer.lock"  # held by a writable Store, across reopenings
LOCKED = "store {path} is open for writing by another process (one writer at a time)"


def _quad_lines(quads: Iterable[ox.Quad]) -> Iterator[str]:
    """``INSERT DATA`` lines: each quad in its graph and its triple in the default graph."""
    for q in quads:
        triple = f"{q.subject} {q.predicate} {q.object} ."
        yield f"GRAPH {q.graph_name} {{ {triple} }} {triple}"


def with_merge(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Each quad and, for a named graph's quad, its triple in the default graph."""
    for q in quads:
        yield q
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object, DEFAULT_GRAPH)


def nquads_with_merge(quads: Iterable[ox.Quad]) -> tuple[bytes, int]:
    """N-Quads of the quads and, once each, their triples in the default graph (the merge);
    returns the bytes and the number of lines."""
    lines: list[str] = []
    merged: dict[str, None] = {}
    for q in quads:
        lines.append(f"{q} .\n")
        if not isinstance(q.graph_name, ox.DefaultGraph):
            merged[f"{q.triple} .\n"] = None
    lines.extend(merged)
    return "".join(lines).encode("utf-8"), len(lines)


def _retract(graph: ox.NamedNode, subject: ox.NamedNode | None = None) -> str:
    """SPARQL that empties ``graph`` (or its triples about ``subject``) and takes out of the
    default graph the triples that no other named graph states."""
    where = f"GRAPH {graph} {{ ?s ?p ?o }}" + (f" FILTER(?s = {subject})" if subject else "")
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ {where} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }} ;\n"
        + (
            f"DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }} WHERE {{ {where} }}"
            if subject
            else f"DROP SILENT GRAPH {graph}"
        )
    )


class Store:
    """An on-disk RDF dataset: one named graph per document plus reference graphs.

    >>> import tempfile
    >>> with Store(Path(tempfile.mkdtemp()) / "s") as store:
    ...     len(store)
    0
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = None if read_only else _writer_lock(path)
        try:
            self._store: ox.Store | None = _open(path, read_only)
        except BaseException:
            self._release_lock()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Release the folder (and its write lock): the engine closes when the object goes."""
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None
            gc.collect()
        self._release_lock()

    def reopen(self) -> None:
        """Close the engine and open it again, still holding the writer's lock.

        Why: what a writable store's RocksDB holds in memory is given back only when it closes,
        and it grows with what is written. Oxigraph gives each store two LRU block caches (32 MiB
        for the indexes, 128 MiB for ``id2str``, never shrunk), and every bulk load fills them:
        ingesting a batch's SST files reads each file's first and last data block and seeks the
        levels it overlaps, all through the cache (heaptrack of the loader alone; the index and
        filter blocks of the files held open stayed under 2 MiB). So the loader reopens its store
        every :data:`unsckg.graph.loader.REOPEN_BYTES`; docs/scale.md has the measurements.

        Everything written before is in the store (``flush`` first; bulk loads are durable when
        they return). The lock file stays locked in between, so no other unsckg writer can take
        the store in the moment RocksDB's own lock is released. Any object still holding the old
        engine (an unexhausted ``quads_for_pattern``) keeps RocksDB's lock: the reopening then
        fails with :class:`StoreError`, and the store stays closed.
        """
        if self.read_only:
            raise StoreError(f"store {self.path} is read-only: nothing to reopen")
        self.raw.flush()
        self._store = None
        gc.collect()
        try:
            self._store = _open(self.path, read_only=False)
        except StoreLockedError as error:
            raise StoreError(
                f"could not reopen store {self.path}: the engine is still held in this process"
                " (an unexhausted iterator or query result of the store?)"
            ) from error

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases its flock
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def raw(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for the server and the benchmarks)."""
        if self._store is None:
            raise StoreError(f"store {self.path} is closed")
        return self._store

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return _guard(lambda: len(self.raw))

    def graph_names(self) -> list[ox.NamedNode]:
        """The named graphs, sorted by IRI (blank-node graph names are not used here)."""
        names = _guard(lambda: list(self.raw.named_graphs()))
        return sorted((g for g in names if isinstance(g, ox.NamedNode)), key=lambda g: g.value)

    def graph_name_fingerprints(self) -> Iterator[int]:
        """The named graphs' fingerprints, in the store's order, streamed: a build's loader
        reads one per stored document, and a list of them all (``graph_names``) held a
        ``NamedNode`` and its string per document for a moment at the build's start."""
        try:
            for graph in self.raw.named_graphs():
                if isinstance(graph, ox.NamedNode):
                    yield fingerprint(graph.value)
        except OSError as error:
            raise StoreError(f"store error: {_one_line(error)}") from error

    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> list[ox.Quad]:
        """All quads, or those of one graph (``DEFAULT_GRAPH``: the merge)."""
        return _guard(lambda: list(self.raw.quads_for_pattern(None, None, None, graph)))

    def query(self, sparql: str, *, union: bool = False) -> QueryResult:
        """Run a SPARQL query on the default graph, which is the merge of all named graphs."""
        try:
            return self.raw.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL: {_one_line(error)}") from error
        except OSError as error:
            raise StoreError(f"could not query {self.path}: {_one_line(error)}") from error

    def select(self, sparql: str) -> list[dict[str, Term]]:
        """A SELECT query's rows as dictionaries (unbound variables left out)."""
        result = self.query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows: list[dict[str, Term]] = []
        for solution in result:
            values = ((n, solution[n]) for n in names)
            rows.append({n: v for n, v in values if v is not None})
        return rows

    def select_values(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query's rows with each term as its text (:func:`term_text`): what the
        graph layer's own queries need (IRIs, labels, numbers), never the kind of term."""
        return [{n: term_text(v) for n, v in row.items()} for row in self.select(sparql)]

    def dump(
        self,
        output: IO[bytes],
        fmt: ox.RdfFormat,
        graph: ox.NamedNode | ox.DefaultGraph | None = None,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        """Serialise the dataset (or one graph, for triple-only formats) into ``output``."""
        _guard(lambda: self.raw.dump(output, fmt, from_graph=graph, prefixes=prefixes))

    # -- writing ---------------------------------------------------------------------------

    def replace(self, change: GraphReplacement, build_graph: ox.NamedNode) -> None:
        """Replace one graph and its build record in a single transaction (one SPARQL update).

        A SPARQL update request is applied atomically by Oxigraph, so readers see either the old
        graph or the new one, never a mix.
        """
        parts = []
        for g in (change.graph, *change.drop):
            parts.append(_retract(g))
            if g != build_graph:
                parts.append(_retract(build_graph, g))
        inserts = "\n".join(_quad_lines([*change.quads, *change.record]))
        if inserts:
            parts.append(f"INSERT DATA {{\n{inserts}\n}}")
        self.update(" ;\n".join(parts))

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (atomic)."""
        try:
            self.raw.update(sparql)
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL update: {_one_line(error)}") from error
        except OSError as error:
            raise StoreError(f"could not write {self.path}: {_one_line(error)}") from error

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Add many quads without a transaction: for graphs that are new to the store, where
        there is nothing to replace and speed matters (the build's main path)."""
        _guard(lambda: self.raw.bulk_extend(with_merge(quads)))

    def bulk_load_nquads(self, data: bytes, *, trusted: bool = False) -> None:
        """Load N-Quads with Oxigraph's bulk loader (no transaction; for new graphs).

        ``trusted``: the data was serialised from terms already validated (the build's own
        output), so the loader skips validating every IRI again (Oxigraph's ``lenient``), which
        saves about a sixth of the load's CPU time.
        """
        try:
            self.raw.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=trusted)
        except (OSError, SyntaxError) as error:
            raise StoreError(f"could not load into {self.path}: {_one_line(error)}") from error

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (and their triples to the merge) in one transaction."""
        _guard(lambda: self.raw.extend(list(with_merge(quads))))

    def remove_graph(self, graph: ox.NamedNode, build_graph: ox.NamedNode | None = None) -> bool:
        """Delete a graph (and its build record); False when there was no such graph."""
        if not _guard(lambda: self.raw.contains_named_graph(graph)):
            return False
        parts = [_retract(graph)]
        if build_graph is not None:
            parts.append(_retract(build_graph, graph))
        self.update(" ;\n".join(parts))
        return True

    def load(self, path: Path, fmt: ox.RdfFormat) -> None:
        """Load an RDF file as it is (quads keep their graphs; triples go to the default graph)
        plus the merge, in one transaction: a file that fails to parse leaves the store as it
        was. The file is read whole into memory (imports are dumps of stores like this one)."""
        try:
            quads = list(ox.parse(path=path, format=fmt))
        except (SyntaxError, ValueError, OSError) as error:
            raise RdfInputError(f"{path.name}: {_one_line(error)}") from error
        self.add(quads)


def _open(path: Path, read_only: bool) -> ox.Store:
    try:
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no store at {path} (run `unsckg build` first)")
            return ox.Store.read_only(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        limit_malloc_arenas()  # before RocksDB starts its writer threads (unsckg.graph.arenas)
        with open_files_capped(writer_open_files()):
            return ox.Store(str(path))
    except OSError as error:
        message = _one_line(error)
        if "lock" in message.lower():
            raise StoreLockedError(LOCKED.format(path=path)) from error
        raise StoreError(f"could not open store {path}: {message}") from error


def _writer_lock(path: Path) -> IO[bytes] | None:
    """Lock ``WRITER_LOCK_FILE`` in the store's folder for this writer (``flock``, released
    when the file closes, or when the process ends, however it ends).

    Why a lock of our own beside RocksDB's: :meth:`Store.reopen` closes RocksDB, which releases
    its lock until the store opens again; this one stays held. No ``fcntl`` (Windows): RocksDB's
    lock alone.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        path.mkdir(parents=True, exist_ok=True)
        handle = open(path / WRITER_LOCK_FILE, "ab")  # noqa: SIM115 - held until close()
    except OSError as error:
        raise StoreError(f"could not open store {path}: {_one_line(error)}") from error
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        handle.close()
        raise StoreLockedError(LOCKED.format(path=path)) from error
    return handle


def writer_open_files() -> int | None:
    """How many SST files a writable store keeps open: ``$UNSCKG_WRITER_OPEN_FILES`` (0: as
    many as the process may open), else :data:`WRITER_OPEN_FILES`.

    Why a cap: RocksDB keeps each open SST file's table reader, and the reader holds the file's
    index blocks (and its filter) in memory, outside any cache: Oxigraph opens its stores with
    ``cache_index_and_filter_blocks=false`` and 4 KB data blocks, about 1.4% of each file in
    index. The table cache keeps up to ``max_open_files`` readers, and Oxigraph sets that from
    the soft ``RLIMIT_NOFILE`` (minus 48), 19,952 under ``ulimit -n 20000``: every file of the
    store stays open, so the build client grew with the store (``bench/bench_memory.py``: about
    14 KiB per MiB of store, +55-60 MiB over 100,000 documents). A bulk-loading writer reads
    little (its files are written, ingested, compacted), so few readers cost few reopenings.

    Why 64: Oxigraph's least is 48 (a soft limit of 96). The bench's store has about 160 SST
    files at 20,000 documents (7 MiB each on average) and holds a 4.4 GB store at 100,000,
    hundreds of files; a fully compacted store has files of 64 MiB (``target_file_size_base``),
    about 1 MiB of index each. 64 readers bound the index memory to tens of MiB at worst
    (fewer: the readers kept are those of the files last written or compacted, mostly small),
    whatever the store's size; docs/scale.md has the measurements. Measured later with the
    loader alone (``sst_dump`` of the files held open after each batch, up to a 2.6 GB store):
    17-64 files open, their index and filter blocks 0.2-1.7 MiB, not growing; what grew was the
    block caches (:meth:`Store.reopen`).
    """
    setting = os.environ.get("UNSCKG_WRITER_OPEN_FILES", "").strip()
    if not setting:
        return WRITER_OPEN_FILES
    try:
        files = int(setting)
    except ValueError:
        raise StoreError(f"UNSCKG_WRITER_OPEN_FILES={setting!r}: not a number of files") from None
    if files and files < OXIGRAPH_MIN_FILES - OXIGRAPH_RESERVED_FILES:
        raise StoreError(
            f"UNSCKG_WRITER_OPEN_FILES={files}: Oxigraph needs at least "
            f"{OXIGRAPH_MIN_FILES - OXIGRAPH_RESERVED_FILES} (0: no cap)"
        )
    return files or None


@contextlib.contextmanager
def open_files_capped(files: int | None) -> Iterator[None]:
    """Lower the process's soft ``RLIMIT_NOFILE`` so that a store opened inside keeps at most
    ``files`` SST files open, and restore it on leaving.

    Oxigraph reads the limit only while it opens the store (RocksDB's ``max_open_files``); the
    process may open as many files as before once the store is open. The window is one open:
    a file another thread opens in it fails with EMFILE only once the process holds ``files``
    + 48 descriptors. The build opens its store before the Dask client or the process pool
    starts; the loader's reopenings (:meth:`Store.reopen`) come while they run, but with the
    store's own files closed: a Dask build's client then holds about 20 descriptors (sockets,
    pipes, RocksDB's log and manifest; 52 with 34 SST files open, counted in ``/proc`` during
    a 100,000-document build), far from 112. A soft limit already at or below the cap, a
    platform without ``resource`` (Windows), or ``files`` None: nothing changes.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = files + OXIGRAPH_RESERVED_FILES if files else None
    if wanted is None or (soft != resource.RLIM_INFINITY and soft <= wanted):
        yield
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def term_text(term: Term) -> str:
    """An IRI without its brackets, a literal's lexical form, a blank node's id; a triple term
    (RDF 1.2, possible only in imported data) has no such value: its N-Triples form."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def _guard(action: Callable[[], T]) -> T:
    try:
        return action()
    except OSError as error:
        raise StoreError(f"store error: {_one_line(error)}") from error


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
