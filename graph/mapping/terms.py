"""RDF terms for the mapping, as pyoxigraph nodes.

The ontology's terms come from ``unsckg.ontology.vocab`` (closed namespace: a typo is an
``AttributeError``) and the standard ones from rdflib's closed namespaces; both are rdflib
``URIRef``\\ s, converted here once to the ``pyoxigraph`` nodes the store takes, because the
build writes hundreds of thousands of quads and conversion on every use would cost.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD
from unsckg.ontology.vocab import UNSC

__all__ = [
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "UNSC",
    "XSD",
    "boolean",
    "lang",
    "literal",
    "node",
]


@lru_cache(maxsize=65536)
def node(iri: URIRef | str) -> ox.NamedNode:
    """The pyoxigraph node of an IRI (cached: the same terms recur in every document)."""
    return ox.NamedNode(str(iri))


def literal(value: str | int, datatype: URIRef) -> ox.Literal:
    """A typed literal (``xsd:date``, ``xsd:integer``, ``xsd:gYearMonth``…)."""
    return ox.Literal(str(value), datatype=node(datatype))


def lang(value: str, language: str) -> ox.Literal:
    """A language-tagged string (themes, titles and labels carry the document's language)."""
    return ox.Literal(value, language=language)


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=node(XSD.boolean))
