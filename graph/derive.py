"""The build's last steps, incremental: library links and representations of what changed.

Why: both derived graphs were recomputed from the whole store at the end of every build and
``remove`` (:func:`unsckg.graph.link.write_library_links`,
:func:`unsckg.graph.representations.write_representations`, kept as the reference and for a
full sweep). At 100,000 documents that read 4.4 GB: every symbol, every link, a Python set of
every document graph per (person, state), and, touching every file of the store, RocksDB's
index blocks; the client's peak grew with the corpus (about +170 MiB at 100,000 documents).
Here a :class:`Derivation` hears of each graph the build adds, replaces or removes, with what it
says (:mod:`unsckg.graph.derived_facts`, read from the document's resolved N-Quads, or from
the store for what a change takes away), and brings the derived graphs to what a full
recomputation would give, reading only what those changes touch:

- **Links.** A subject typed in a new document and given its own symbol there gets that
  symbol's links in the same load batch as the document (a link quad is idempotent); one typed
  and cited there gets the links of the symbol as cited, unless its own are written already.
  A :class:`LinkLedger` (16 bytes a subject) remembers which were written, so a later owner
  or citer with other links knows the subject must be synced. Only subjects that leaves open
  are synced at the end, in sorted batches, by the same bounded queries as the full sweep
  (``link.sync_links``): a subject named by a graph replaced or removed, a symbol without a
  type in its graph, conflicting links, and any subject the store typed or gave a symbol
  before the build's first document (none on an empty store).
- **Representations.** A new document's ``prov:wasDerivedFrom`` goes into its load batch; what
  it adds to a (person, state) (earliest and latest date, roles) is kept per pair, a small
  table, and merged at the end with the node the derived graph holds. A pair a replaced or
  removed graph dated is recomputed with bounded queries (its own ``VALUES``, SPARQL
  ``MIN``/``MAX``), and each such graph's ``wasDerivedFrom`` checked.

This is exact only if the derived graphs were exact before the change. So a marker file is
written beside the store (``<store>/derived-stale``, as ``texts/`` is) before anything changes
and deleted at the end: a run that stopped in between leaves it, and the next run then does the
full sweep. Writes that bypass a derivation (``unsckg import``, ``import-votes``) leave it too
(:func:`mark_stale`): the next build sweeps, as every build did before. A file, not a quad: an
export and import of the store must give the same dataset.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

import pyoxigraph as ox
from unsckg.graph import link, representations
from unsckg.graph.derived_facts import (
    LINKED_CLASSES,
    Contribution,
    GraphFacts,
    Pair,
    from_nquads,
    from_store,
)
from unsckg.graph.fingerprint import FingerprintTable, fingerprint_pair
from unsckg.graph.mapping.terms import RDF, RDFS, UNSC
from unsckg.graph.representations import DERIVED_FROM, Interval, node_quads, representation_node
from unsckg.graph.store import Store, nquads_with_merge, term_text
from unsckg.ontology.iris import IriError, IriScheme

T = TypeVar("T")
BATCH = 500  # subjects or pairs per query: bounded memory and SPARQL texts
STALE_FILE = "derived-stale"  # beside the store: the derived graphs may not be exact
_HELD = (
    UNSC.since,
    UNSC.until,
    UNSC.asRole,
    UNSC.holder,
    UNSC.forState,
    RDFS.label,
    RDF.type,
)


class Derivation:
    """Follows one build (or ``remove``): :meth:`begin`, then each change, then
    :meth:`finish`."""

    def __init__(self, store: Store, iris: IriScheme) -> None:
        self.store, self.iris = store, iris
        self.links = link.library_graph(iris)
        self.derived = representations.representations_graph(iris)
        self.marker = store.path / STALE_FILE
        self.full = self.marker.exists()  # a run stopped midway, or an import: a full sweep
        self.check: set[str] = set()  # subjects to sync at the end
        self.ledger = LinkLedger(store)  # packed: the links this build wrote in its batches
        self.added: dict[Pair, Contribution] = {}  # what new documents add to each pair
        self.dirty: set[Pair] = set()  # pairs to recompute from the store
        self.support: set[tuple[str, Pair]] = set()  # (graph, pair) to check

    def begin(self) -> None:
        """Mark the derived graphs as being changed (before the first change)."""
        self.marker.write_text("the derived graphs may be out of date: the next build sweeps\n")

    # -- what the build tells -----------------------------------------------------------------

    def adding(self, graph: str, data: bytes) -> tuple[bytes, int]:
        """A document new to the store, as N-Quads: the N-Quads (and merge) to load with it."""
        facts = from_nquads(data)
        quads = [*self._links(facts), *self._derivations(graph, facts)]
        return nquads_with_merge(quads) if quads else (b"", 0)

    def replacing(self, graph: str, old: GraphFacts, new: GraphFacts) -> None:
        """A graph whose content goes from ``old`` to ``new`` (empty: removed)."""
        self.check |= old.link_subjects() | new.link_subjects()
        for facts in (old, new):
            for pair in facts.contributions():
                self.dirty.add(pair)
                self.support.add((graph, pair))

    def replacing_quads(
        self, graph: ox.NamedNode, old: Iterable[ox.Quad], new: Iterable[ox.Quad]
    ) -> None:
        """The same for a graph rewritten from quads (a reference graph)."""
        from unsckg.graph.derived_facts import from_quads

        self.replacing(graph.value, from_quads(old), from_quads(new))

    def replacing_stored(self, graph: ox.NamedNode, data: bytes) -> None:
        """A graph of the store about to be replaced by these N-Quads (b"": removed)."""
        self.replacing(graph.value, from_store(self.store, graph), from_nquads(data))

    def _links(self, facts: GraphFacts) -> Iterator[ox.Quad]:
        see_also = RDFS.seeAlso
        for subject in sorted(facts.link_subjects()):
            node = ox.NamedNode(subject)
            for o in sorted(self._written(facts, subject)):
                yield ox.Quad(node, see_also, ox.NamedNode(o), self.links)

    def _written(self, facts: GraphFacts, subject: str) -> frozenset[str]:
        """The links of ``subject`` to write in this document's batch; a subject whose links
        the ledger cannot settle goes to :attr:`check`, synced from the store at the end."""
        own, cited, typed = facts.own.get(subject), facts.cited.get(subject), subject in facts.typed
        if not self.ledger.new(subject):
            self.check.add(subject)  # it may hang on statements from before this build
            return frozenset()
        if own and typed:
            links = frozenset(_library_links(own))
            if not self.ledger.owner(subject, links):
                self.check.add(subject)
            return links
        if own or not typed:  # a symbol whose type another graph may give, or the reverse
            self.check.add(subject)
            return frozenset()
        if not cited:  # a type alone: the links come with a symbol, from a graph that has one
            return frozenset()
        links = frozenset(_library_links(cited))
        verdict = self.ledger.citer(subject, links)
        if verdict is None:
            self.check.add(subject)
        return links if verdict else frozenset()

    def _derivations(self, graph: str, facts: GraphFacts) -> Iterator[ox.Quad]:
        for pair, contribution in facts.contributions().items():
            node = representation_node(self.iris, *pair)
            if node is None:
                continue
            yield ox.Quad(node, DERIVED_FROM, ox.NamedNode(graph), self.derived)
            held = self.added.setdefault(pair, Contribution(contribution.first, contribution.last))
            held.widen(contribution)

    # -- the end ------------------------------------------------------------------------------

    def finish(self) -> None:
        """Bring both derived graphs up to date, then take the marker out."""
        if self.full:
            link.write_library_links(self.store, self.iris)
            representations.write_representations(self.store, self.iris)
        else:
            for subjects in _chunks(sorted(self.check)):
                link.sync_links(self.store, self.links, subjects, self.iris)
            for combos in _chunks(sorted(self.support)):
                self._fix_support(combos)
            for pairs in _chunks(sorted(set(self.added) | self.dirty)):
                self._update_nodes(pairs)
        self.marker.unlink(missing_ok=True)

    def _fix_support(self, combos: Sequence[tuple[str, Pair]]) -> None:
        """Each (graph, pair) a change touched: ``wasDerivedFrom`` the graph iff it still
        dates the pair."""
        rows = " ".join(f"(<{g}> <{p}> <{s}>)" for g, (p, s) in combos)
        found = {
            (r["g"], (r["p"], r["s"]))
            for r in self.store.select_values(
                f"""SELECT DISTINCT ?g ?p ?s WHERE {{ VALUES (?g ?p ?s) {{ {rows} }}
                      {_DATED.format(graph="?g")} }}"""
            )
        }
        keep: list[ox.Quad] = []
        drop: list[ox.Quad] = []
        for graph, pair in combos:
            node = representation_node(self.iris, *pair)
            if node is not None:
                quad = ox.Quad(node, DERIVED_FROM, ox.NamedNode(graph), self.derived)
                (keep if (graph, pair) in found else drop).append(quad)
        if keep:
            self.store.add(keep)
        if drop:
            self.store.update(retraction(self.derived, drop))

    def _update_nodes(self, pairs: Sequence[Pair]) -> None:
        """Rewrite the nodes of these pairs whose interval or roles changed (their
        ``wasDerivedFrom`` aside: see :meth:`_fix_support`), and drop those no graph dates."""
        nodes = {pair: node for pair in pairs if (node := self._node(pair)) is not None}
        held = self._held(list(nodes.values()))
        recomputed = self._recomputed([p for p in nodes if p in self.dirty])
        drop: list[ox.Quad] = []
        add: list[ox.Quad] = []
        for pair, node in nodes.items():
            before = held.get(node, [])
            if pair in self.dirty:
                want = recomputed.get(pair)
            else:
                want = _widened(before, self.added[pair])
            after = [] if want is None else _node_quads(node, pair, want, self.derived)
            drop += set(before) - set(after)
            add += set(after) - set(before)
        if drop:
            self.store.update(retraction(self.derived, drop))
        if add:
            self.store.add(add)

    def _node(self, pair: Pair) -> ox.NamedNode | None:
        return representation_node(self.iris, *pair)

    def _held(self, nodes: list[ox.NamedNode]) -> dict[ox.NamedNode, list[ox.Quad]]:
        """What the derived graph says of these nodes, ``wasDerivedFrom`` aside, and the
        person's link to each."""
        if not nodes:
            return {}
        values = " ".join(str(n) for n in nodes)
        predicates = " ".join(str(p) for p in _HELD)
        held: dict[ox.NamedNode, list[ox.Quad]] = {}
        for row in self.store.select(
            f"""SELECT ?n ?p ?o WHERE {{ VALUES ?n {{ {values} }} VALUES ?p {{ {predicates} }}
                  GRAPH {self.derived} {{ ?n ?p ?o }} }}"""
        ):
            node = _named(row["n"])
            held.setdefault(node, []).append(
                ox.Quad(node, _named(row["p"]), row["o"], self.derived)
            )
        for row in self.store.select(
            f"""SELECT ?h ?n WHERE {{ VALUES ?n {{ {values} }}
                  GRAPH {self.derived} {{ ?h {representations.REPRESENTATION} ?n }} }}"""
        ):
            node = _named(row["n"])
            quad = ox.Quad(_named(row["h"]), representations.REPRESENTATION, node, self.derived)
            held.setdefault(node, []).append(quad)
        return held

    def _recomputed(self, pairs: list[Pair]) -> dict[Pair, Contribution]:
        """Each pair's interval and roles over every graph that dates it, by the store
        (the same rules as :func:`unsckg.graph.representations.intervals`)."""
        if not pairs:
            return {}
        rows = " ".join(f"(<{p}> <{s}>)" for p, s in pairs)
        found: dict[Pair, Contribution] = {}
        for row in self.store.select_values(
            f"""SELECT ?p ?s (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {{
                  VALUES (?p ?s) {{ {rows} }} {_DATED.format(graph="?g")} }} GROUP BY ?p ?s"""
        ):
            found[(row["p"], row["s"])] = Contribution(row["first"], row["last"])
        for row in self.store.select_values(
            f"""SELECT DISTINCT ?p ?s ?r WHERE {{ VALUES (?p ?s) {{ {rows} }}
                  {_DATED.format(graph="?g")} GRAPH ?g {{ ?p <{UNSC.role.value}> ?r }} }}"""
        ):
            if row["r"] and (row["p"], row["s"]) in found:
                found[(row["p"], row["s"])].roles.add(row["r"])
        return found


class LinkLedger:
    """What this build's load batches linked, packed: the client settles a subject's library
    links without the store when every statement they hang on comes from this build.

    Why: at the end of a 100,000-document build, syncing the 46,516 cited resolutions (about one
    for two documents) from the store took 27.5 s and about 90 MiB (point lookups touching
    every file of a 4.4 GB store). A subject's links are a function of its types, its own
    symbols and, without one, the symbols it is cited as, over every graph. For a subject no
    statement of the store named (type, symbol or ``citedAs``) when the build's first document
    came, these all come from the documents it adds (anything a replacement or a removal
    touches is synced at the end anyway), so it is enough to remember, per subject, whether
    its own links were written (then its citations write none) and which cited links were (if
    an owner comes later with other links, or another citer with others, the subject is synced
    at the end). Kept as fingerprints: 16 bytes a subject in a :class:`FingerprintTable`, the
    key one half of a 128-bit hash and the value the other (mixed with the links' own
    fingerprint), so that a collision of keys costs a sync, never a wrong link.
    """

    __slots__ = ("_cited", "_owned", "_prior", "_store")

    def __init__(self, store: Store) -> None:
        self._store = store
        self._prior: FingerprintTable | None = None  # read at the first document: see new()
        self._owned = FingerprintTable()  # key -> check half: own links written
        self._cited = FingerprintTable()  # key -> check half ^ the cited links written

    def new(self, subject: str) -> bool:
        """No statement the store held when the first document came types ``subject`` as a
        linked class or gives it a symbol (a superset of what it held when the build began:
        what the build wrote before goes to the end's sync in any case)."""
        if self._prior is None:
            self._prior = _linked_subjects(self._store)
        return fingerprint_pair(subject)[0] not in self._prior

    def owner(self, subject: str, links: frozenset[str]) -> bool:
        """Its own links are written: False when the subject must be synced at the end (a
        citation wrote other links before, or a fingerprint collides)."""
        key, check = fingerprint_pair(subject)
        held = self._owned.get(key)
        if held is None:
            self._owned[key] = check
        cited = self._cited.get(key)
        return (held is None or held == check) and cited in (None, check ^ _links_key(links))

    def citer(self, subject: str, links: frozenset[str]) -> bool | None:
        """A citation's links: True to write them, False when its own links or these are
        written already, None to leave the subject to the end's sync (other links cited, or a
        collision)."""
        key, check = fingerprint_pair(subject)
        held = self._owned.get(key)
        if held is not None:
            return False if held == check else None
        want = check ^ _links_key(links)
        cited = self._cited.get(key)
        if cited is None:
            self._cited[key] = want
            return True
        return False if cited == want else None


def _links_key(links: frozenset[str]) -> int:
    return fingerprint_pair("\n".join(sorted(links)))[0]


def _linked_subjects(store: Store) -> FingerprintTable:
    """The subjects the merge types as a linked class or gives a symbol or ``citedAs``: index
    ranges, not a scan (none on an empty store)."""
    table = FingerprintTable()
    patterns: list[tuple[ox.NamedNode, ox.NamedNode | None]] = [
        (RDF.type, ox.NamedNode(c)) for c in sorted(LINKED_CLASSES)
    ]
    patterns += [(UNSC.symbol, None), (UNSC.citedAs, None)]
    for predicate, value in patterns:
        last = ""
        for quad in store.raw.quads_for_pattern(None, predicate, value, ox.DefaultGraph()):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject.value != last:
                last = quad.subject.value
                table.add(fingerprint_pair(last)[0])
    return table


def mark_stale(store: Store) -> None:
    """Have the next build (or ``remove``) recompute both derived graphs from the whole store:
    for writes that bypass a :class:`Derivation` (``unsckg import``, ``import-votes``), whose
    symbols and representations the build's full sweep used to pick up."""
    (store.path / STALE_FILE).write_text("written outside a build: the next build sweeps\n")


# a graph in which ?p represents ?s and a document has a date: the rows of ``intervals``
_DATED = (
    f"GRAPH {{graph}} {{{{ ?p <{UNSC.represents.value}> ?s . "
    f"?doc a <{UNSC.Document.value}> ; <{UNSC.date.value}> ?d }}}}"
)


def _widened(held: list[ox.Quad], added: Contribution) -> Contribution:
    """What the node held (its since, until and roles), widened by this build's documents."""
    since = [term_text(q.object) for q in held if q.predicate == UNSC.since]
    until = [term_text(q.object) for q in held if q.predicate == UNSC.until]
    if not since or not until:
        return added
    roles = {term_text(q.object) for q in held if q.predicate == UNSC.asRole}
    result = Contribution(min(since), max(until), roles)
    result.widen(added)
    return result


def _node_quads(
    node: ox.NamedNode, pair: Pair, want: Contribution, graph: ox.NamedNode
) -> list[ox.Quad]:
    interval = Interval(want.first, want.last, set(want.roles))
    return node_quads(node, pair[0], pair[1], interval, graph)


def retraction(graph: ox.NamedNode | ox.DefaultGraph, quads: Sequence[ox.Quad]) -> str:
    """SPARQL that removes these quads from ``graph``, and their triples from the merge unless
    another graph states them too."""
    rows = " ".join(f"({q.subject} {q.predicate} {q.object})" for q in quads)
    data = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {graph}) }} }} ;\n"
        f"DELETE DATA {{ GRAPH {graph} {{ {data} }} }}"
    )


def _library_links(symbols: Iterable[str]) -> Iterator[str]:
    for symbol in symbols:
        try:
            yield from link.library_links(symbol)
        except IriError:
            continue


def _named(term: object) -> ox.NamedNode:
    assert isinstance(term, ox.NamedNode)
    return term


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
