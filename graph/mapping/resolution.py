"""Resolutions the document reports adopted, with their drafts, procedure and sponsors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.mention import add_document_node, add_resolution_node
from unsckg.graph.mapping.terms import UNSC, XSD, literal
from unsckg.ontology.iris import symbol_key

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


def add_draft(ctx: MappingContext, symbol: str) -> URIRef:
    """A draft resolution: a document with its symbol and undocs.org page."""
    return add_document_node(ctx, symbol, UNSC.DraftResolution)


def map_resolutions(facts: DocumentFacts, ctx: MappingContext) -> None:
    for r in facts.resolutions:
        resolution = add_resolution_node(ctx, r.number, r.year)
        ctx.evidence(resolution, r.evidence)
        if r.adopted:
            ctx.add(resolution, UNSC.adopted, literal(r.adopted, XSD.date))
        if r.procedure:
            ctx.add(resolution, UNSC.procedure, literal(r.procedure, XSD.string))
        draft = add_draft(ctx, r.draft) if r.draft else None
        if r.draft:  # teach the resolver the link before this document's votes ask
            ctx.resolver.decision(symbol_key(r.draft), r.number, symbol_key(r.draft))
        if draft is not None:
            ctx.add(resolution, UNSC.draft, draft)
        for sponsor in r.sponsors:
            state = ctx.iris.state(sponsor)
            ctx.add(resolution, UNSC.sponsor, state)
            if draft is not None:
                ctx.add(draft, UNSC.sponsor, state)
