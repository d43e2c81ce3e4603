"""The states table as RDF: the reference graph of member and observer states.

Why a function as well as the shipped ``data/states.ttl``: the file is what the graph loads (and
what users download), but it is generated from ``data/states.csv`` by
``reference/derive_states_rdf.py`` with the default IRI base; a store with another base calls
``states_graph(IriScheme(base=…))`` instead, and a test checks the file against the function.

The M49 code stays a literal (``"704"``): the UN Statistics Division publishes no stable IRI per
code that we could be sure of, and the literal joins with any copy of the M49 table.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from .iris import DEFAULT, IriScheme, wikidata
from .states import PERMANENT_MEMBERS, State, load_states
from .vocab import UNSC

PREFIXES = {"unsc": UNSC._NS, "skos": SKOS, "owl": OWL, "rdfs": RDFS}


def _add_state(graph: Graph, subject: URIRef, state: State) -> None:
    kind = UNSC.MemberState if state.is_member else UNSC.ObserverState
    graph.add((subject, RDF.type, kind))
    if state.iso3 in PERMANENT_MEMBERS:
        graph.add((subject, RDF.type, UNSC.PermanentMember))
    graph.add((subject, UNSC.iso3, Literal(state.iso3)))
    if state.iso2:
        graph.add((subject, UNSC.iso2, Literal(state.iso2)))
    if state.m49:
        graph.add((subject, UNSC.m49, Literal(state.m49)))
    graph.add((subject, RDFS.label, Literal(state.name_zh, lang="zh")))
    graph.add((subject, RDFS.label, Literal(state.name_en, lang="en")))
    for name in state.aliases_zh:
        graph.add((subject, SKOS.altLabel, Literal(name, lang="zh")))
    for name in {state.formal_en, *state.aliases_en} - {state.name_en, ""}:
        graph.add((subject, SKOS.altLabel, Literal(name, lang="en")))
    if state.wikidata:
        graph.add((subject, OWL.sameAs, wikidata(state.wikidata)))


def states_graph(scheme: IriScheme = DEFAULT) -> Graph:
    """All 195 states (193 ``unsc:MemberState``, 2 ``unsc:ObserverState``) as one graph.

    The five permanent members are also typed ``unsc:PermanentMember``.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for state in load_states():
        _add_state(graph, scheme.state(state.iso3), state)
    return graph


def states_turtle(scheme: IriScheme = DEFAULT) -> str:
    """``states_graph`` as Turtle, subjects in ISO order (rdflib sorts them): stable output."""
    return states_graph(scheme).serialize(format="turtle")
