"""Build orchestration: files -> facts -> quads (in parallel) -> resolution -> the store.

The only module of ``unsckg.graph`` that imports the extractors (lazily, so that ``serve`` and
``query`` never load jieba). Why this shape:

- Unchanged documents are skipped before extraction: the build graph records each document's
  source file name and the SHA-256 of its bytes, and hashing is far cheaper than extracting.
- Each document is extracted, mapped and serialised to N-Quads in a worker process (``jobs``;
  :func:`prepare_one`), with entity resolution deferred (:mod:`unsckg.graph.mapping.deferred`):
  the worker sends back bytes and the few resolution questions the document raises. This
  process only answers those questions with its :class:`~unsckg.graph.resolve.Resolver`, in
  file-name order, and fills in the few triples that depend on the answers, so a serial and a
  parallel build make the same decisions and give the same graph, and this process (which
  also feeds the loader) stays light enough not to hold the workers up.
- Documents new to the store are loaded in bulk by :mod:`unsckg.graph.loader` (Oxigraph's
  bulk loader, no transaction: there is nothing to replace), in a thread, while the next ones
  are resolved. A document already in the store is replaced with its record in one transaction.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph import files, records
from unsckg.graph.errors import BuildError
from unsckg.graph.loader import Loader, SerializedGraph
from unsckg.graph.mapping.deferred import MappedDocument, resolve_document
from unsckg.graph.reference import reference_graphs
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import DEFAULT, IriError, IriScheme

if TYPE_CHECKING:
    from unsckg.extractors.facts import DocumentFacts


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be ingested, and why (one line)."""

    source: str
    reason: str


@dataclass(slots=True)
class BuildReport:
    """What a build did, per document, and where the time went (seconds per step)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    quads_written: int = 0  # quads handed to the store, counting their copies in the merge
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )


def extract_one(path: Path) -> DocumentFacts | Failure:
    """Facts of one file, or why not: a bad file never stops a batch."""
    from unsckg.extractors.errors import ExtractionError
    from unsckg.extractors.pipeline import extract_file

    try:
        return extract_file(path)
    except ExtractionError as error:
        return Failure(path.name, error.reason)
    except Exception as error:
        return Failure(path.name, _internal(error))


def prepare_one(path: Path, iris: IriScheme = DEFAULT) -> MappedDocument | Failure:
    """One file extracted and mapped, resolution deferred (a worker's whole job), or why not."""
    from unsckg.graph.mapping import map_deferred

    facts = extract_one(path)
    if isinstance(facts, Failure):
        return facts
    digest = facts.content_hash or files.content_hash(path)
    try:
        return map_deferred(facts, iris, source=path.name, digest=digest)
    except Exception as error:
        return Failure(path.name, _internal(error))


def prepare_many(
    paths: Sequence[Path], jobs: int = 1, iris: IriScheme = DEFAULT
) -> Iterator[MappedDocument | Failure]:
    """Prepare in input order, in ``jobs`` worker processes (``jobs <= 1``: in this process)."""
    work = partial(prepare_one, iris=iris)
    if jobs <= 1 or len(paths) <= 1:
        yield from map(work, paths)
        return
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(work, paths, chunksize=chunk)


def _internal(error: Exception) -> str:
    return f"internal error: {type(error).__name__}: {error}"


def write_reference_graphs(store: Store, iris: IriScheme = DEFAULT) -> int:
    """Rewrite each reference graph whose content changed (each in one transaction); return
    how many were rewritten."""
    build_graph = ox.NamedNode(str(iris.graph("build")))
    written = 0
    for graph, quads in reference_graphs(iris).items():
        if set(store.quads(graph)) != set(quads):
            store.replace(GraphReplacement(graph, quads), build_graph)
            written += 1
    return written


def build(
    store: Store, paths: Sequence[Path], *, jobs: int = 1, iris: IriScheme = DEFAULT
) -> BuildReport:
    """Ingest files (folders expanded) into the store; see the module docstring for how."""
    started = time.perf_counter()
    report = BuildReport()
    inputs = files.collect(paths)
    if not inputs:
        raise BuildError("no documents to build from")
    write_reference_graphs(store, iris)
    known = records.read(store, iris)
    pending = _changed(inputs, known, report)
    resolver = records.seeded_resolver(store, iris)
    wait_seconds = resolve_seconds = 0.0
    with Loader(store, ox.NamedNode(str(iris.graph("build")))) as loader:
        mark = time.perf_counter()
        for path, result in zip(pending, prepare_many(pending, jobs, iris), strict=True):
            wait_seconds += time.perf_counter() - mark
            mark = time.perf_counter()
            change = result if isinstance(result, Failure) else resolved(result, known, resolver)
            resolve_seconds += time.perf_counter() - mark
            if isinstance(change, Failure):
                report.failed.append(change)
            else:
                loader.put(change, path.name)
            mark = time.perf_counter()
    stats = loader.stats
    report.added, report.replaced, report.quads_written = stats.added, stats.replaced, stats.quads
    report.seconds = {
        "extract+map (wait)": wait_seconds,
        "resolve": resolve_seconds,
        "serialize": stats.serialize_seconds,
        "load": stats.load_seconds,
        "total": time.perf_counter() - started,
    }
    return report


def resolved(
    mapped: MappedDocument, known: records.Records, resolver: Resolver
) -> SerializedGraph | Failure:
    """A document's graph with its entities resolved, its build record, and the graphs it
    supersedes; a Failure when resolution rejects it (an IRI that cannot be made)."""
    try:
        extra = resolve_document(mapped, resolver)
    except (IriError, ValueError) as error:
        return Failure(mapped.source, str(error))
    iris = resolver.iris
    doc = URIRef(mapped.document)
    return SerializedGraph(
        graph=ox.NamedNode(mapped.document),
        quads=mapped.quads + extra.quads.encode("utf-8"),
        triples=mapped.triples + extra.triples.encode("utf-8"),
        lines=mapped.lines + extra.lines,
        record=records.record_quads(iris, doc, mapped.digest, mapped.source),
        drop=[ox.NamedNode(g) for g in known.stale_graphs(mapped.source, mapped.document)],
    )


def _changed(inputs: list[Path], known: records.Records, report: BuildReport) -> list[Path]:
    pending = []
    for path in inputs:
        if known.unchanged(path.name, files.content_hash(path)):
            report.unchanged.append(path.name)
        else:
            pending.append(path)
    return pending
