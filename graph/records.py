"""The build graph: which document came from which file, with which content hash.

Why a graph and not a side file: the record lives in the store it describes, so a store copied,
exported or restored carries its own bookkeeping, and the record of a document is replaced in the
same transaction as the document's graph. This module also seeds the resolver with the people
and meetings the store already holds, so that a later build reuses their IRIs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS
from unsckg.graph.chains import Chains
from unsckg.graph.fingerprint import FingerprintTable, fingerprint, fingerprint_pair
from unsckg.graph.mapping import terms as t
from unsckg.graph.mapping.meeting import FORMATS
from unsckg.graph.mapping.terms import literal, node
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import Store, term_text
from unsckg.ontology.iris import IriScheme
from unsckg.ontology.vocab import UNSC

_FORMAT_NAMES = {iri.value: name for name, iri in FORMATS.items()}


_NO_SOURCE = 0  # in a packed entry: no file has put this graph yet (only copy_of has seen it)


def _pack(digest: int, source: int | None) -> int:
    """This build's entry for a graph in one small int: 32 bits of its content hash's
    fingerprint, then 31 bits of its first source file's and a bit saying there is one."""
    tail = _NO_SOURCE if source is None else (1 << 31) | (source & 0x7FFFFFFF)
    return ((digest & 0xFFFFFFFF) << 32) | tail


def _digest_of(entry: int) -> int:
    return entry >> 32


def _short_digest(digest: str) -> int:
    return fingerprint(digest) & 0xFFFFFFFF


def _short_source(source: str) -> int:
    return fingerprint(source) & 0x7FFFFFFF


def _source_of(entry: int) -> int | None:
    return None if entry & 0xFFFFFFFF == _NO_SOURCE else entry & 0x7FFFFFFF


class StoredGraphs:
    """The graph names a store held when the build began, as 128-bit fingerprints on disk
    (a byte or so each in memory, see :class:`FingerprintTable`): a set of strings was about
    150 bytes a graph for the whole build. Membership needs both halves to match."""

    __slots__ = ("_table",)

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._table = FingerprintTable()
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        key, check = fingerprint_pair(name)
        self._table[key] = check

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        key, check = fingerprint_pair(name)
        return self._table.get(key) == check


@dataclass(slots=True)
class Records:
    """Build records as the store held them when the build began, by source file name
    (``by_source``: (document IRI, content hash)) and by document (``by_graph``: (source,
    content hash)), on disk (:class:`~unsckg.graph.chains.Chains`), with the graphs it held;
    and what this build stored: ``this_build`` maps a graph's :func:`fingerprint` to its
    content hash and first source file, packed in one int (:func:`_pack`), in a
    :class:`FingerprintTable`, so that a build's memory does not grow by strings."""

    by_source: Chains = field(default_factory=Chains)
    by_graph: Chains = field(default_factory=Chains)
    graphs: StoredGraphs = field(default_factory=StoredGraphs)
    this_build: FingerprintTable = field(default_factory=FingerprintTable)

    def held_by_another(self, graph: str, digest: str, source: str) -> bool:
        """Whether another file with other bytes already holds this graph (in the store or
        earlier in this build): two different files of one symbol in one language, which are
        both kept, as versions, rather than one silently replacing the other."""
        entry = self.this_build.get(fingerprint(graph))
        if entry is not None and _source_of(entry) is not None:
            other_file = _source_of(entry) != _short_source(source)
            return other_file and _digest_of(entry) != _short_digest(digest)
        return graph in self.graphs and any(
            other != source and held != digest for other, held in self.by_graph.get(graph)
        )

    def remember(self, graph: str, digest: str, source: str) -> None:
        key = fingerprint(graph)
        entry = self.this_build.get(key)
        if entry is None:
            self.this_build[key] = _pack(fingerprint(digest), fingerprint(source))
        elif _source_of(entry) is None:
            self.this_build[key] = _pack(_digest_of(entry), fingerprint(source))

    def copy_of(self, graph: str, digest: str) -> bool:
        """Whether this build already stored these bytes as this graph (an identical copy
        under another file name: one document); remembers them otherwise."""
        key, hashed = fingerprint(graph), _short_digest(digest)
        entry = self.this_build.get(key)
        if entry is not None and _digest_of(entry) == hashed:
            return True
        before = graph in self.graphs and any(
            held == digest for _, held in self.by_graph.get(graph)
        )
        source = None if entry is None else _source_of(entry)
        self.this_build[key] = _pack(hashed, source)
        return before

    def unchanged(self, source: str, digest: str) -> bool:
        """The same bytes were ingested from this file name and their graph is still there."""
        return any(h == digest and d in self.graphs for d, h in self.by_source.get(source))

    def stale_graphs(self, source: str, document: str) -> list[str]:
        """Graphs earlier made from this file under another IRI (its symbol changed)."""
        return [d for d, _ in self.by_source.get(source) if d != document]

    def add_stored(self, document: str, digest: str, source: str) -> None:
        """A build record the store held when the build began."""
        self.by_source.add(source, (document, digest))
        self.by_graph.add(document, (source, digest))


def record_quads(iris: IriScheme, document: URIRef, digest: str, source: str) -> list[ox.Quad]:
    graph = node(iris.graph("build"))
    doc = node(document)
    return [
        ox.Quad(doc, t.RDF.type, t.UNSC.Document, graph),
        ox.Quad(doc, t.UNSC.contentHash, literal(digest, t.XSD.string), graph),
        ox.Quad(doc, t.UNSC.sourceFile, literal(source, t.XSD.string), graph),
    ]


def read(store: Store, iris: IriScheme) -> Records:
    """The store's build records and graph names, streamed into :class:`Records` (no list
    of rows: a store of 100,000 documents gave one of about 50 MB for a moment)."""
    result = Records()
    for graph in store.raw.named_graphs():
        if isinstance(graph, ox.NamedNode):
            result.graphs.add(graph.value)
    solutions = store.query(
        f"""SELECT ?doc ?hash ?source WHERE {{ GRAPH <{iris.graph("build")}> {{
              ?doc <{UNSC.contentHash}> ?hash ; <{UNSC.sourceFile}> ?source }} }}"""
    )
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        doc, digest, source = (term_text(row[name]) for name in ("doc", "hash", "source"))
        result.add_stored(doc, digest, source)
    return result


def documents(store: Store, iris: IriScheme) -> dict[str, str]:
    """Document IRI -> source file name, for every ingested document."""
    rows = store.select_values(
        f"""SELECT ?doc ?source WHERE {{ GRAPH <{iris.graph("build")}> {{
              ?doc <{UNSC.sourceFile}> ?source }} }}"""
    )
    return {row["doc"]: row["source"] for row in rows}


def seeded_resolver(store: Store, iris: IriScheme) -> Resolver:
    """A resolver that knows the store's people and meetings (document graphs only)."""
    resolver = Resolver(iris)
    people: dict[str, dict[str, set[str]]] = {}
    for row in store.select_values(
        f"""SELECT ?p ?name ?state ?role WHERE {{
              ?p a <{UNSC.Person}> .
              {{ ?p <{RDFS.label}> ?name }} UNION {{ ?p <{SKOS.altLabel}> ?name }}
              OPTIONAL {{ ?p <{UNSC.represents}> ?state }}
              OPTIONAL {{ ?p <{UNSC.role}> ?role }} }}"""
    ):
        entry = people.setdefault(row["p"], {"names": set(), "states": set(), "roles": set()})
        entry["names"].add(row["name"])
        if "state" in row:
            entry["states"].add(row["state"].rsplit("/", 1)[-1])
        if "role" in row:
            entry["roles"].add(row["role"])
    for iri, entry in sorted(people.items()):
        label = _label_of(store, iri) or min(entry["names"])
        state = min(entry["states"]) if entry["states"] else None
        resolver.remember_person(URIRef(iri), label, state, entry["names"], entry["roles"])
    _seed_meetings(store, resolver)
    _seed_decisions(store, resolver)
    return resolver


def _label_of(store: Store, iri: str) -> str | None:
    rows = store.select_values(
        f"""SELECT ?l WHERE {{ <{iri}> <{RDFS.label}> ?l }}
            ORDER BY DESC(langMatches(lang(?l), "zh")) ?l LIMIT 1"""
    )
    return rows[0]["l"] if rows else None


def _seed_meetings(store: Store, resolver: Resolver) -> None:
    for row in store.select_values(
        f"""SELECT ?m ?date (SAMPLE(?n) AS ?number) (SAMPLE(?f) AS ?format) WHERE {{
              ?m a <{UNSC.Meeting}> ; <{UNSC.date}> ?date .
              OPTIONAL {{ ?m <{UNSC.meetingNumber}> ?n }}
              OPTIONAL {{ ?m <{UNSC.format}> ?f }} }} GROUP BY ?m ?date ORDER BY ?m"""
    ):
        number = row.get("number")
        fmt = _FORMAT_NAMES.get(row["format"]) if "format" in row else None
        resolver.remember_meeting(URIRef(row["m"]), row["date"], number, fmt)


def _seed_decisions(store: Store, resolver: Resolver) -> None:
    """The keys the store's votes and tallies already use, then the resolutions' drafts, so
    that a later document's vote on the same draft joins the existing node."""
    iris = resolver.iris
    for row in store.select_values(
        f"""SELECT DISTINCT ?t ?r ?d WHERE {{
              {{ ?t a <{UNSC.Vote}> }} UNION {{ ?t a <{UNSC.VoteTally}> }}
              OPTIONAL {{ ?t <{UNSC.resolution}> ?r }} OPTIONAL {{ ?t <{UNSC.draft}> ?d }} }}
            ORDER BY ?t"""
    ):
        key = row["t"][len(iris.base) :].split("/")[1]
        if not key.startswith("doc-"):
            resolver.remember_decision(key, _key_of(iris, row.get("d")), _number(row.get("r")))
    for row in store.select_values(
        f"""SELECT DISTINCT ?r ?d WHERE {{ ?r a <{UNSC.Resolution}> ; <{UNSC.draft}> ?d }}
            ORDER BY ?r ?d"""
    ):
        draft = _key_of(iris, row["d"])
        resolver.decision(draft, _number(row["r"]), draft or "")


def _key_of(iris: IriScheme, iri: str | None) -> str | None:
    return iri[len(iris.base) :].partition("/")[2] if iri and iri.startswith(iris.base) else None


def _number(iri: str | None) -> int | None:
    tail = iri.rsplit("/", 1)[-1] if iri else ""
    return int(tail) if tail.isdigit() else None
