"""The states table as RDF: the reference graph of member and observer states.

Why a function as well as the shipped ``data/states.ttl``: the file is what the graph loads (and
what users download), but it is generated from ``data/states.csv`` by
``reference/derive_states_rdf.py`` with the default IRI base; a store with another base calls
``states_graph(IriScheme(base=…))`` instead, and a test checks the file against the function.

The M49 code stays a literal (``"704"``): the UN Statistics Division publishes no stable IRI per
code that we could be sure of, and the literal joins with any copy of the M49 table.
"""

from __future__ import annotations

from datetime import date

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from .council import load_rows
from .iris import DEFAULT, IriScheme, wikidata
from .states import PERMANENT_MEMBERS, HistoricalState, State, historical_states, load_states
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


def _add_historical(graph: Graph, subject: URIRef, state: HistoricalState) -> None:
    """A dissolved state: a ``unsc:State`` that is no member today (so the 193 stay 193)."""
    graph.add((subject, RDF.type, UNSC.State))
    graph.add((subject, UNSC.iso3, Literal(state.iso3)))
    graph.add((subject, RDFS.label, Literal(state.name_zh, lang="zh")))
    graph.add((subject, RDFS.label, Literal(state.name_en, lang="en")))
    if state.formal_zh != state.name_zh:
        graph.add((subject, SKOS.altLabel, Literal(state.formal_zh, lang="zh")))
    for name in {state.formal_en, *state.aliases_en} - {state.name_en, ""}:
        graph.add((subject, SKOS.altLabel, Literal(name, lang="en")))
    graph.add((subject, OWL.sameAs, wikidata(state.wikidata)))


def _add_former_names(graph: Graph, scheme: IriScheme) -> None:
    """The names the Council's member lists printed for a state since renamed (Ceylon, Zaire)."""
    current = {
        state.iso3: {state.name_en, state.formal_en, *state.aliases_en} for state in load_states()
    }
    for row in load_rows():
        if row.name_en not in current.get(row.term.iso3, {row.name_en}):
            graph.add((scheme.state(row.term.iso3), SKOS.altLabel, Literal(row.name_en, lang="en")))


def states_graph(scheme: IriScheme = DEFAULT) -> Graph:
    """All 195 states (193 ``unsc:MemberState``, 2 ``unsc:ObserverState``) as one graph.

    The five permanent members are also typed ``unsc:PermanentMember``. The five dissolved
    states of the Council's history (``SUN``, ``YUG``, ``CSK``, ``DDR``, ``YMD``) are plain
    ``unsc:State`` nodes, and renamed states carry their former names as ``skos:altLabel``.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for state in load_states():
        _add_state(graph, scheme.state(state.iso3), state)
    for old in historical_states():
        _add_historical(graph, scheme.state(old.iso3), old)
    _add_former_names(graph, scheme)
    _add_council_terms(graph, scheme)
    return graph


def _add_council_terms(graph: Graph, scheme: IriScheme) -> None:
    """Every Council term as a ``unsc:CouncilTerm`` (see ``council.py``): the members of a date
    are the terms whose start and end enclose it."""
    for row in load_rows():
        term = row.term
        subject = scheme.term(term.iso3, term.start.isoformat())
        graph.add((subject, RDF.type, UNSC.CouncilTerm))
        graph.add((subject, UNSC.seatHolder, scheme.state(term.iso3)))
        graph.add((subject, UNSC.termStart, Literal(term.start)))
        if term.end != date.max:
            graph.add((subject, UNSC.termEnd, Literal(term.end)))
        graph.add((subject, UNSC.permanentSeat, Literal(term.permanent)))
        name = f"{row.name_en}, {term.start.year}–{'' if term.end == date.max else term.end.year}"
        graph.add((subject, RDFS.label, Literal(name, lang="en")))
        zh = _name_zh(term.iso3)
        years = f"{term.start.year}–{'' if term.end == date.max else term.end.year}"
        graph.add((subject, RDFS.label, Literal(f"{zh}，{years}", lang="zh")))


def _name_zh(iso3: str) -> str:
    names = {s.iso3: s.name_zh for s in load_states()}
    names.update({s.iso3: s.name_zh for s in historical_states()})
    return names.get(iso3, iso3)


def states_turtle(scheme: IriScheme = DEFAULT) -> str:
    """``states_graph`` as Turtle, subjects in ISO order (rdflib sorts them): stable output."""
    return states_graph(scheme).serialize(format="turtle")
