"""Reference data: the ontology, the states, organisations and officials, each in its own graph.

Why separate graphs: documents come and go (``unsckg remove``), reference data does not depend on
them, and a user can ask "what do the documents say" apart from "what we knew beforehand" by
naming the graphs. Each reference graph is rebuilt whole on every build, in one transaction, so
an edited table shows up without any bookkeeping and the triple count stays the same.

The tables are package data (``unsckg.ontology``): ``unsc.ttl``, ``data/states.csv`` (as RDF
by ``unsckg.ontology.states_rdf``, under the build's IRI base), ``data/officials.csv`` and
``reference/organizations.csv`` (read through ``unsckg.ontology.organizations``, the table the
extractors use too).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TypeVar

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from unsckg.ontology.iris import IriScheme, wikidata
from unsckg.ontology.organizations import load_organizations as _organizations
from unsckg.ontology.states_rdf import states_graph
from unsckg.ontology.vocab import UNSC

_T = TypeVar("_T", bound=ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple)


@dataclass(frozen=True, slots=True)
class Official:
    """A holder of a UN post, with the term of office that decides who a bare post refers to."""

    post: str
    name_zh: str
    name_en: str
    aliases_zh: tuple[str, ...]
    titles_zh: tuple[str, ...]
    start: str
    end: str
    wikidata: str
    state: str = ""  # the state a representative acts for; "" for a UN post
    aliases_en: tuple[str, ...] = ()
    titles_en: tuple[str, ...] = ()

    @property
    def names_zh(self) -> tuple[str, ...]:
        return (self.name_zh, *self.aliases_zh)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the row gives, in both scripts: what joins a Latin and a Chinese name."""
        return (*self.names_zh, self.name_en, *self.aliases_en)

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.post, *self.titles_zh, *self.titles_en)

    def held_on(self, date: str) -> bool:
        """True when the ISO ``date`` falls within the term (an empty end: still in office)."""
        return self.start <= date[:10] and (not self.end or date[:10] <= self.end)


@dataclass(frozen=True, slots=True)
class OrganizationEntry:
    key: str
    names: tuple[str, ...]
    wikidata: str
    heads: tuple[str, ...] = ()  # its head's posts: a title naming one names the organisation


def _ontology_file(*parts: str) -> Traversable:
    return resources.files("unsckg.ontology").joinpath(*parts)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _rows(*parts: str) -> list[dict[str, str]]:
    entry = _ontology_file(*parts)
    if not entry.is_file():
        return []
    return list(csv.DictReader(entry.read_text(encoding="utf-8").splitlines()))


@cache
def load_officials() -> tuple[Official, ...]:
    """``data/officials.csv``: Secretaries-General, other officials and well-known
    representatives, in both languages, with their terms (sources: ``reference/SOURCE.md``)."""
    return tuple(
        Official(
            post=row["post"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            aliases_zh=_split(row.get("aliases_zh")),
            titles_zh=_split(row.get("titles_zh")),
            start=row["start"],
            end=row.get("end") or "",
            wikidata=row.get("wikidata") or "",
            state=row.get("state") or "",
            aliases_en=_split(row.get("aliases_en")),
            titles_en=_split(row.get("titles_en")),
        )
        for row in _rows("data", "officials.csv")
    )


def load_organizations() -> tuple[OrganizationEntry, ...]:
    """The organisations table (``unsckg.ontology.organizations``), with every name."""
    return tuple(
        OrganizationEntry(
            o.key,
            tuple(n for n in (*o.names_zh, o.name_en, *o.aliases_en, o.acronym_en) if n),
            o.wikidata,
            o.heads,
        )
        for o in _organizations()
    )


def organization_index() -> dict[str, OrganizationEntry]:
    """Every name of every known organisation, folded, to its entry."""
    from unsckg.graph.resolve import fold

    return {
        fold(name): entry for entry in load_organizations() for name in (*entry.names, *entry.heads)
    }


# -- the reference graphs ------------------------------------------------------------------


def _skolem(term: _T, base: str) -> _T | ox.NamedNode:
    return ox.NamedNode(base + term.value) if isinstance(term, ox.BlankNode) else term


def _turtle(graph: ox.NamedNode, *parts: str) -> Iterator[ox.Quad]:
    """A Turtle file of the ontology package in ``graph`` (see :func:`_stable_quads`)."""
    data = _ontology_file(*parts).read_bytes()
    return _stable_quads(graph, data, ox.RdfFormat.TURTLE, parts[-1])


def _states(graph: ox.NamedNode, iris: IriScheme) -> Iterator[ox.Quad]:
    """The states under ``iris``'s base: made by ``states_graph``, not read from the shipped
    ``data/states.ttl``, whose IRIs are under the default base only (a test keeps the two
    equal for the default base)."""
    data = states_graph(iris).serialize(format="nt", encoding="utf-8")
    return _stable_quads(graph, data, ox.RdfFormat.N_TRIPLES, "states.ttl")


def _stable_quads(
    graph: ox.NamedNode, data: bytes, rdf_format: ox.RdfFormat, name: str
) -> Iterator[ox.Quad]:
    """RDF's triples in ``graph``, sorted, blank nodes replaced by stable Skolem IRIs.

    Why: blank nodes get fresh identifiers on every parse (and SPARQL ``INSERT DATA`` renames
    them again), so rewriting the ontology graph would change it at every build; canonical
    labels (RDFC-1.0) turned into ``/.well-known/genid/`` IRIs (RDF 1.1 §3.5) make it identical.
    """
    dataset = ox.Dataset(ox.parse(data, rdf_format))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    base = graph.value.rsplit("/graph/", 1)[0] + "/.well-known/genid/" + name + "-"
    for quad in sorted(dataset, key=str):
        subject, obj = _skolem(quad.subject, base), _skolem(quad.object, base)
        yield ox.Quad(subject, quad.predicate, obj, graph)


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _official_quads(graph: ox.NamedNode, iris: IriScheme) -> Iterator[ox.Quad]:
    for o in load_officials():
        person = _n(iris.person(o.name_zh))
        yield ox.Quad(person, _n(RDF.type), _n(UNSC.Person), graph)
        yield ox.Quad(person, _n(RDFS.label), ox.Literal(o.name_zh, language="zh"), graph)
        yield ox.Quad(person, _n(RDFS.label), ox.Literal(o.name_en, language="en"), graph)
        yield ox.Quad(person, _n(UNSC.role), ox.Literal(o.post), graph)
        if o.state:
            yield ox.Quad(person, _n(UNSC.represents), _n(iris.state(o.state)), graph)
        for alias in o.aliases_zh:
            yield ox.Quad(person, _n(SKOS.altLabel), ox.Literal(alias, language="zh"), graph)
        for alias in o.aliases_en:
            yield ox.Quad(person, _n(SKOS.altLabel), ox.Literal(alias, language="en"), graph)
        if o.wikidata:
            yield ox.Quad(person, _n(OWL.sameAs), _n(wikidata(o.wikidata)), graph)


def _organization_quads(graph: ox.NamedNode, iris: IriScheme) -> Iterator[ox.Quad]:
    for o in _organizations():
        org = _n(iris.organization(o.key))
        names = [(RDFS.label, o.name_zh, "zh"), (RDFS.label, o.name_en, "en")]
        names += [(SKOS.altLabel, alias, "zh") for alias in o.aliases_zh]
        names += [(SKOS.altLabel, alias, "en") for alias in (*o.aliases_en, o.acronym_en)]
        yield ox.Quad(org, _n(RDF.type), _n(UNSC.Organization), graph)
        for predicate, name, language in names:
            if name:
                yield ox.Quad(org, _n(predicate), ox.Literal(name, language=language), graph)
        if o.wikidata:
            yield ox.Quad(org, _n(OWL.sameAs), _n(wikidata(o.wikidata)), graph)


def reference_graphs(iris: IriScheme) -> dict[ox.NamedNode, list[ox.Quad]]:
    """Each reference graph's name and its complete content."""
    ontology = _n(iris.graph("ontology"))
    states = _n(iris.graph("states"))
    officials = _n(iris.graph("officials"))
    organizations = _n(iris.graph("organizations"))
    return {
        ontology: list(_turtle(ontology, "unsc.ttl")),
        states: list(_states(states, iris)),
        officials: list(_official_quads(officials, iris)),
        organizations: list(_organization_quads(organizations, iris)),
    }
