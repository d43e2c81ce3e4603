"""What a document names: states (``unsc:mentions``), resolutions and documents (``unsc:cites``).

Cited resolutions and documents get a minimal node in the citing document's graph, so that a
citation is followable even when the cited text is not ingested: a document its type, symbol and
undocs.org page; a resolution its type and number, and the symbol as cited (``unsc:citedAs``),
since a citation is not the resolution's own statement of its year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.labels import document_labels, resolution_labels
from unsckg.graph.mapping.terms import PROV, RDF, RDFS, UNSC, XSD, literal
from unsckg.ontology.iris import (
    IriError,
    normalize_symbol,
    parse_resolution,
    resolution_symbol,
    undocs,
)

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


def add_resolution_node(ctx: MappingContext, number: int, year: int | None) -> URIRef:
    """A resolution as a document that adopts it or votes on it names it: its number, and its
    year, symbol and undocs.org page, which that document states (see :func:`cited_resolution`
    for what a mere citation may say)."""
    resolution = cited_resolution(ctx, number)
    resolution_labels(ctx, resolution, number, year)
    if year is not None:
        symbol = resolution_symbol(number, year)
        ctx.add(resolution, UNSC.year, literal(f"{year:04d}", XSD.gYear))
        ctx.add(resolution, UNSC.symbol, literal(symbol, XSD.string))
        ctx.add(resolution, RDFS.seeAlso, undocs(symbol))
    return resolution


def cited_resolution(ctx: MappingContext, number: int) -> URIRef:
    """A resolution as any document names it: one node per number (numbers are unique since
    1946), typed, numbered and named by its number (``skos:altLabel``). Why no year: a
    citation's year is the citing text's, sometimes misprinted (``2118 (2113)``), never the
    resolution's own."""
    resolution = ctx.iris.resolution(number)
    ctx.add(resolution, RDF.type, UNSC.Resolution)
    ctx.add(resolution, PROV.wasDerivedFrom, ctx.document)
    ctx.add(resolution, UNSC.number, literal(number, XSD.integer))
    resolution_labels(ctx, resolution, number, None)
    return resolution


def add_document_node(
    ctx: MappingContext, symbol: str, cls: ox.NamedNode = UNSC.Document
) -> URIRef:
    """A cited document (or draft): its type, symbol and undocs.org page."""
    document = ctx.iris.document(symbol)
    ctx.add(document, RDF.type, cls)
    ctx.add(document, UNSC.symbol, literal(normalize_symbol(symbol), XSD.string))
    ctx.add(document, RDFS.seeAlso, undocs(symbol))
    document_labels(ctx, document, normalize_symbol(symbol), cls == UNSC.DraftResolution)
    return document


def map_mentions(facts: DocumentFacts, ctx: MappingContext) -> None:
    doc = ctx.document
    for mention in facts.states_mentioned:
        ctx.add(doc, UNSC.mentions, ctx.iris.state(mention.value))
    for mention in facts.resolutions_cited:
        try:
            number, year = parse_resolution(mention.value)
        except IriError:
            continue
        resolution = cited_resolution(ctx, number)
        ctx.add(doc, UNSC.cites, resolution)
        if year is not None:  # as this document writes it, checked by rules.cited_years
            ctx.add(resolution, UNSC.citedAs, literal(resolution_symbol(number, year), XSD.string))
    own = normalize_symbol(facts.symbol) if facts.symbol else None
    for mention in facts.documents_cited:
        if normalize_symbol(mention.value) != own:
            ctx.add(doc, UNSC.cites, add_document_node(ctx, mention.value))
