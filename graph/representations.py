"""Dated representations: who acted for which state, from the earliest to the latest document.

Why derived after the build and not written by each document: a document knows only its own
date, while the interval ("张军 acted for China from 2020-03-31 to 2023-08-30") is a fact about
all the documents together. So after every build the store's documents are read once (each
graph's ``unsc:represents`` and its document's date) and the graph
``{graph_base}derived/representations`` is replaced whole when it changed: one
``unsc:Representation`` node per person and state with ``unsc:since``/``unsc:until``, the
roles the documents give, and ``prov:wasDerivedFrom`` each document graph that dates it.
"Who represented China in 2020" is then one pattern and two filters, with no aggregation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.labels import state_names
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import IriError, IriScheme
from unsckg.ontology.vocab import UNSC

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
REPRESENTATION = ox.NamedNode(UNSC.representation)
DERIVED_FROM = _DERIVED


@dataclass(slots=True)
class Interval:
    """What the documents say of one person acting for one state."""

    first: str
    last: str
    roles: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)

    def add(self, date: str, role: str | None, graph: str) -> None:
        self.first, self.last = min(self.first, date), max(self.last, date)
        if role:
            self.roles.add(role)
        self.graphs.add(graph)


def representations_graph(iris: IriScheme) -> ox.NamedNode:
    """Beside the reference graphs: derived from the documents, rebuilt by every build."""
    return ox.NamedNode(iris.graph_base + "derived/representations")


def intervals(store: Store) -> dict[tuple[str, str], Interval]:
    """(person, state) -> the interval of the dated documents that say the person acts for
    the state. A document's date is on its node in each of its graphs (language versions);
    a document a graph only cites has no date there."""
    found: dict[tuple[str, str], Interval] = {}
    for row in store.select_values(
        f"""SELECT ?g ?p ?s ?d ?r WHERE {{ GRAPH ?g {{
              ?p <{UNSC.represents}> ?s .
              ?doc a <{UNSC.Document}> ; <{UNSC.date}> ?d .
              OPTIONAL {{ ?p <{UNSC.role}> ?r }} }} }}"""
    ):
        key = (row["p"], row["s"])
        interval = found.setdefault(key, Interval(row["d"], row["d"]))
        interval.add(row["d"], row.get("r"), row["g"])
    return found


def representation_quads(iris: IriScheme, found: dict[tuple[str, str], Interval]) -> list[ox.Quad]:
    """The graph's quads, in a stable order (the graph is compared before it is rewritten)."""
    graph = representations_graph(iris)
    quads: list[ox.Quad] = []
    for (person, state), interval in sorted(found.items()):
        node = representation_node(iris, person, state)
        if node is not None:
            quads += node_quads(node, person, state, interval, graph)
    return quads


def representation_node(iris: IriScheme, person: str, state: str) -> ox.NamedNode | None:
    """The node of a person acting for a state; None when it cannot be one (not one of our
    people, or not a state code): nothing to date."""
    try:
        return ox.NamedNode(iris.representation(URIRef(person), state.rsplit("/", 1)[-1]))
    except IriError:
        return None


def node_quads(
    node: ox.NamedNode, person: str, state: str, interval: Interval, graph: ox.NamedNode
) -> list[ox.Quad]:
    """A representation node's quads (its ``prov:wasDerivedFrom`` those of ``interval.graphs``)
    and the person's link to it."""
    quads = [ox.Quad(node, p, o, graph) for p, o in _describe(person, state, interval)]
    quads.append(ox.Quad(ox.NamedNode(person), REPRESENTATION, node, graph))
    return quads


def _describe(
    person: str, state: str, interval: Interval
) -> Iterator[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]]:
    en, zh = state_names(state.rsplit("/", 1)[-1])
    span = f"{interval.first} – {interval.last}"
    yield _RDF_TYPE, ox.NamedNode(UNSC.Representation)
    yield ox.NamedNode(UNSC.holder), ox.NamedNode(person)
    yield ox.NamedNode(UNSC.forState), ox.NamedNode(state)
    yield ox.NamedNode(UNSC.since), ox.Literal(interval.first, datatype=_DATE)
    yield ox.NamedNode(UNSC.until), ox.Literal(interval.last, datatype=_DATE)
    yield _LABEL, ox.Literal(f"Representative of {en}, {span}", language="en")
    yield _LABEL, ox.Literal(f"{zh}代表，{span}", language="zh")
    for role in sorted(interval.roles):
        yield ox.NamedNode(UNSC.asRole), ox.Literal(role, datatype=_STRING)
    for graph in sorted(interval.graphs):
        yield _DERIVED, ox.NamedNode(graph)


def write_representations(store: Store, iris: IriScheme) -> int:
    """Replace the derived graph when the documents' representations changed; how many."""
    found = intervals(store)
    quads = representation_quads(iris, found)
    graph = representations_graph(iris)
    if set(store.quads(graph)) != set(quads):
        store.replace(GraphReplacement(graph, quads), ox.NamedNode(str(iris.graph("build"))))
    return len(found)
