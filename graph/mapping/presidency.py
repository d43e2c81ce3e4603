"""Council presidencies: one node per month, held by a state.

Two documents that disagree on who held a month both say so in their own graphs; the node is the
same (``id/presidency/2021-04``), so the conflict is visible and ``unsckg validate`` reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.labels import presidency_labels
from unsckg.graph.mapping.terms import UNSC, XSD, literal

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts, Evidence


def add_presidency(
    ctx: MappingContext, state: str, year: int, month: int, evidence: Evidence | None
) -> URIRef:
    presidency = ctx.iris.presidency(year, month)
    ctx.fact(presidency, UNSC.Presidency, evidence)
    ctx.add(presidency, UNSC.heldBy, ctx.iris.state(state))
    ctx.add(presidency, UNSC.month, literal(f"{year:04d}-{month:02d}", XSD.gYearMonth))
    presidency_labels(ctx, presidency, year, month)
    return presidency


def map_presidencies(facts: DocumentFacts, ctx: MappingContext) -> None:
    for p in facts.presidencies:
        add_presidency(ctx, p.state, p.year, p.month, p.evidence)
