"""Facts -> quads: one module per kind of fact, listed in one registry.

Each mapper takes the document's facts and a :class:`MappingContext` and appends quads to the
document's named graph. Adding a kind of fact is one module and one line in ``MAPPERS``; the
order of the registry is the order quads are produced (the document first, so that its author
is resolved before the people the body names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.document import map_document
from unsckg.graph.mapping.meeting import map_meetings
from unsckg.graph.mapping.mention import map_mentions
from unsckg.graph.mapping.person import map_representatives
from unsckg.graph.mapping.presidency import map_presidencies
from unsckg.graph.mapping.resolution import map_resolutions
from unsckg.graph.mapping.vote import map_explanations, map_tallies, map_votes
from unsckg.graph.resolve import Resolver
from unsckg.ontology.iris import IriScheme

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


Mapper = Callable[["DocumentFacts", MappingContext], None]

MAPPERS: tuple[Mapper, ...] = (
    map_document,
    map_representatives,
    map_presidencies,
    map_meetings,
    map_resolutions,
    map_votes,
    map_tallies,
    map_explanations,
    map_mentions,
)


def document_iri(facts: DocumentFacts, iris: IriScheme) -> URIRef:
    """The document's IRI (and graph name): by symbol, else by its source file name."""
    return iris.document_of(facts.symbol, facts.source)


def map_facts(facts: DocumentFacts, iris: IriScheme, resolver: Resolver) -> list[ox.Quad]:
    """All quads of one document, in its named graph, without duplicates, in a stable order."""
    ctx = MappingContext(facts, iris, resolver, document_iri(facts, iris))
    for mapper in MAPPERS:
        mapper(facts, ctx)
    return list(dict.fromkeys(ctx.quads))


def map_documents(documents: Iterable[DocumentFacts], iris: IriScheme) -> list[ox.Quad]:
    """The quads of several documents, mapped in order by one resolver (as a build maps them:
    a person or meeting named by two documents is one node)."""
    resolver = Resolver(iris)
    return [quad for facts in documents for quad in map_facts(facts, iris, resolver)]
