"""RDF terms for the mapping, as pyoxigraph nodes.

The ontology's terms come from ``unsckg.ontology.vocab`` (closed namespace: a typo is an
``AttributeError``) and the standard ones from rdflib's closed namespaces. The mapping writes
hundreds of thousands of quads, and rdflib's namespace lookups and ``URIRef`` comparisons are
slow, so each term is looked up once and kept as a ``pyoxigraph.NamedNode``: ``UNSC.Meeting``
here is the node of ``unsckg.ontology.vocab.UNSC.Meeting``.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD
from unsckg.ontology.vocab import UNSC as _UNSC


class Terms:
    """A closed namespace whose terms are ``pyoxigraph.NamedNode``\\ s, built on first use."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        value = ox.NamedNode(str(getattr(self._namespace, name)))  # AttributeError if unknown
        setattr(self, name, value)
        return value


UNSC = Terms(_UNSC)
RDF = Terms(_RDF)
RDFS = Terms(_RDFS)
SKOS = Terms(_SKOS)
OWL = Terms(_OWL)
PROV = Terms(_PROV)
XSD = Terms(_XSD)

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


def node(iri: URIRef | str | ox.NamedNode) -> ox.NamedNode:
    """The pyoxigraph node of an IRI."""
    return iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(iri)


def literal(value: str | int, datatype: ox.NamedNode) -> ox.Literal:
    """A typed literal (``xsd:date``, ``xsd:integer``, ``xsd:gYearMonth``…)."""
    return ox.Literal(str(value), datatype=datatype)


def lang(value: str, language: str) -> ox.Literal:
    """A language-tagged string (themes, titles and labels carry the document's language)."""
    return ox.Literal(value, language=language)


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)
