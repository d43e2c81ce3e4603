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

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph import files, listing, records, texts, wikidata
from unsckg.graph.derive import Derivation
from unsckg.graph.errors import BuildError
from unsckg.graph.libwarnings import library_warnings, with_warnings
from unsckg.graph.loader import Loader, SerializedGraph
from unsckg.graph.mapping.deferred import MappedDocument, resolve_document
from unsckg.graph.namelist import NameList
from unsckg.graph.pathlist import PathList
from unsckg.graph.progress import NULL, DocumentEvent, Observer
from unsckg.graph.reference import reference_graphs
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import DEFAULT, IriError, IriScheme

if TYPE_CHECKING:
    from unsckg.extractors.facts import DocumentFacts
    from unsckg.graph.executors import Executor


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be ingested, and why (one line)."""

    source: str  # the file name (the build record's key)
    reason: str
    path: str = ""  # the path as the user gave it, for messages
    seconds: float = 0.0

    @property
    def shown(self) -> str:
        """The file as the user named it."""
        return self.path or self.source


@dataclass(frozen=True, slots=True)
class Prepared:
    """A worker's result: the document mapped (resolution deferred), its facts and time."""

    mapped: MappedDocument
    facts: int
    seconds: float
    text: str = ""  # the text extracted from, kept beside the store


@dataclass(slots=True)
class BuildReport:
    """What a build did, per document, and where the time went (seconds per step).

    The file names are packed (:class:`~unsckg.graph.namelist.NameList`, a few dozen bytes a
    document): a report of 100,000 documents must not grow the client as ``list[str]`` did."""

    added: NameList = field(default_factory=NameList)
    replaced: NameList = field(default_factory=NameList)
    unchanged: NameList = field(default_factory=NameList)
    copies: NameList = field(default_factory=NameList)  # same bytes as a file stored before
    versions: NameList = field(default_factory=NameList)  # another file of a symbol: kept too
    failed: list[Failure] = field(default_factory=list)  # few, and each shown at the end
    quads_written: int = 0  # quads handed to the store, counting their copies in the merge
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.replaced)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.copies)} copies, "
            f"{len(self.versions)} versions, {len(self.failed)} failed"
        )


def extract_one(path: Path, keep: list[str] | None = None) -> DocumentFacts | Failure:
    """Facts of one file, or why not: a bad file never stops a batch. The text read is
    appended to ``keep`` (the build keeps it beside the store, see :mod:`unsckg.graph.texts`).

    What the file-format libraries log while reading (python-docx, charset-normalizer) is
    folded into the failure's reason rather than printed on its own line.
    """
    from unsckg.extractors.errors import ExtractionError
    from unsckg.extractors.load import load_file
    from unsckg.extractors.pipeline import extract_raw

    with library_warnings() as heard:
        try:
            raw = load_file(path)
            if keep is not None:
                keep.append(raw.text)
            return extract_raw(raw)
        except ExtractionError as error:
            return Failure(path.name, with_warnings(error.reason, heard), str(path))
        except Exception as error:
            return Failure(path.name, with_warnings(_internal(error), heard), str(path))


def prepare_one(
    path: Path, iris: IriScheme = DEFAULT, version: str | None = None
) -> Prepared | Failure:
    """One file extracted and mapped, resolution deferred (a worker's whole job), or why not;
    ``version`` (the file's hash) maps it as another version of its symbol (see ``_settle``)."""
    from unsckg.graph.mapping import map_deferred

    started = time.perf_counter()
    kept: list[str] = []
    facts = extract_one(path, kept)
    if isinstance(facts, Failure):
        return replace(facts, seconds=time.perf_counter() - started)
    digest = facts.content_hash or files.content_hash(path)
    try:
        mapped = map_deferred(facts, iris, source=path.name, digest=digest, version=version)
    except Exception as error:
        return Failure(path.name, _internal(error), str(path), time.perf_counter() - started)
    text = kept[0] if kept else ""
    return Prepared(mapped, count_facts(facts), time.perf_counter() - started, text)


def count_facts(facts: DocumentFacts) -> int:
    """Facts in a document: its records, each listed fact, and each metadata field found."""
    count = 0
    for item in dataclass_fields(facts):
        name, value = item.name, getattr(facts, item.name)
        if isinstance(value, tuple):
            count += len(value)
        elif value and name not in ("source", "language", "content_hash", "evidence"):
            count += 1
    return count


def prepare_many(
    paths: Sequence[Path], jobs: int = 1, iris: IriScheme = DEFAULT
) -> Iterator[Prepared | Failure]:
    """Prepare in input order, in ``jobs`` worker processes (``jobs <= 1``: in this process)."""
    from unsckg.graph.executors import LocalExecutor

    return LocalExecutor(jobs).map(partial(prepare_one, iris=iris), paths)


def lost_on_cluster(path: Path, error: BaseException) -> Failure:
    """A document whose task a cluster could not complete (its workers kept dying)."""
    return Failure(path.name, f"lost on the cluster: {type(error).__name__}: {error}", str(path))


def _internal(error: Exception) -> str:
    return f"internal error: {type(error).__name__}: {error}"


def write_reference_graphs(
    store: Store,
    iris: IriScheme = DEFAULT,
    observer: Observer = NULL,
    derivation: Derivation | None = None,
) -> int:
    """Rewrite each reference graph whose content changed (each in one transaction); return
    how many were rewritten. The observer hears of each graph (``written`` or ``unchanged``);
    ``derivation`` of each change (what it says could change the derived graphs)."""
    build_graph = ox.NamedNode(str(iris.graph("build")))
    written = 0
    graphs = reference_graphs(iris)
    observer.start(len(graphs))
    for graph, quads in graphs.items():
        started = time.perf_counter()
        outcome = "unchanged"
        held = store.quads(graph)
        if set(held) != set(quads):
            if derivation is not None:
                derivation.replacing_quads(graph, held, quads)
            store.replace(GraphReplacement(graph, quads), build_graph)
            written += 1
            outcome = "written"
        seconds = time.perf_counter() - started
        observer.document(DocumentEvent(graph.value, outcome, seconds, len(quads)))
    return written


def build(
    store: Store,
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    iris: IriScheme = DEFAULT,
    executor: Executor | None = None,
    observer: Observer = NULL,
) -> BuildReport:
    """Ingest files (folders expanded) into the store; see the module docstring for how.

    ``executor`` extracts and maps (default: ``jobs`` local processes); ``observer`` hears
    about each document as it is settled (unchanged, stored or failed).
    """
    from unsckg.graph.executors import LocalExecutor

    started = time.perf_counter()
    report = BuildReport()
    inputs = listing.collect(paths)  # packed as listed: see graph.listing
    if not inputs:
        raise BuildError("no documents to build from")
    observer.start(len(inputs))
    derivation = Derivation(store, iris)  # the links and representations, as things change
    derivation.begin()
    write_reference_graphs(store, iris, derivation=derivation)
    wikidata.apply_saved(store, iris)  # the links `unsckg link wikidata` saved; no network
    known = records.read(store, iris)
    pending = PathList(_changed(inputs, known, report, observer))  # one Path at a time
    del inputs
    resolver = records.seeded_resolver(store, iris)
    results = (executor or LocalExecutor(jobs)).map(partial(prepare_one, iris=iris), pending)
    timing = {"extract+map (wait)": 0.0, "resolve": 0.0}
    with Loader(store, ox.NamedNode(str(iris.graph("build"))), follower=derivation) as loader:
        for path, result in zip(pending, _timed(results, timing), strict=True):
            mark = time.perf_counter()
            _settle(path, result, known, resolver, loader, report, observer)
            if isinstance(result, Prepared) and result.text:
                texts.save(store.path, result.mapped.document, result.text)
            timing["resolve"] += time.perf_counter() - mark
    stats = loader.stats
    report.added, report.replaced, report.quads_written = stats.added, stats.replaced, stats.quads
    report.seconds = timing | {
        "serialize": stats.serialize_seconds,
        "load": stats.load_seconds,
        "total": time.perf_counter() - started,
    }
    derivation.finish()  # undocs.org and Digital Library links; who acted for whom, dated
    return report


def _timed(results: Iterator[Prepared | Failure], timing: dict[str, float]) -> Iterator[Any]:
    """The results, adding the time spent waiting for each to ``timing``."""
    while True:
        mark = time.perf_counter()
        result = next(results, None)
        timing["extract+map (wait)"] += time.perf_counter() - mark
        if result is None:
            return
        yield result


def _settle(
    path: Path,
    result: Prepared | Failure,
    known: records.Records,
    resolver: Resolver,
    loader: Loader,
    report: BuildReport,
    observer: Observer,
) -> None:
    """Resolve one prepared document and hand it to the loader, or record its failure.

    A file whose graph another file with other bytes already holds (one symbol, one language,
    two texts) is mapped again, here, as a version of its own: rare, so not worth a worker."""
    if isinstance(result, Prepared) and _another_version(result.mapped, path, known):
        result = prepare_one(path, resolver.iris, version=result.mapped.digest)
        if isinstance(result, Prepared):
            report.versions.append(path.name)
    change = result if isinstance(result, Failure) else resolved(result.mapped, known, resolver)
    if isinstance(change, Failure):
        failure = replace(change, path=change.path or str(path))
        report.failed.append(failure)
        event = DocumentEvent(failure.shown, "failed", result.seconds, error=failure.reason)
    else:
        assert isinstance(result, Prepared)
        if known.copy_of(change.graph.value, result.mapped.digest):  # one document, two files
            loader.put_record(change.record)
            report.copies.append(path.name)
            observer.document(DocumentEvent(str(path), "unchanged"))
            return
        known.remember(change.graph.value, result.mapped.digest, path.name)
        outcome = loader.put(change, path.name)
        event = DocumentEvent(str(path), outcome, result.seconds, result.facts)
    observer.document(event)


def _another_version(mapped: MappedDocument, path: Path, known: records.Records) -> bool:
    return known.held_by_another(mapped.document, mapped.digest, path.name)


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


def _changed(
    inputs: Sequence[Path], known: records.Records, report: BuildReport, observer: Observer
) -> Iterator[Path]:
    """The inputs to extract, one at a time (the packed list takes them as they come)."""
    for path in inputs:
        if known.unchanged(path.name, files.content_hash(path)):
            report.unchanged.append(path.name)
            observer.document(DocumentEvent(str(path), "unchanged"))
        else:
            yield path
