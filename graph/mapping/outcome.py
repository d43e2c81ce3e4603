"""What became of each draft the document voted on: adopted as resolution N, not adopted, vetoed.

Why stated per document and derived from its own facts: a record that reports "the draft
resolution has been adopted as resolution 2467 (2019)" states the outcome; one that gives a
tally of 4-5-6 and no resolution states a failed draft, and one of 13-2-0 with a permanent
member against and no resolution a veto. A draft with nine or more in favour, no permanent
member against and no resolution reported gets no outcome here (the document may simply not say).
``unsckg validate`` then checks each outcome against every document's tally and votes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.mention import add_resolution_node
from unsckg.graph.mapping.resolution import add_draft
from unsckg.graph.mapping.terms import UNSC
from unsckg.graph.mapping.vote import complete_subject
from unsckg.ontology.council import CompositionError, permanent_on
from unsckg.ontology.iris import symbol_key
from unsckg.ontology.states import PERMANENT_MEMBERS

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts

MAJORITY = 9


def permanent_members(day: str | None) -> frozenset[str]:
    """The permanent members on ``day`` (ISO), or all who ever held a seat when unknown."""
    try:
        return permanent_on(date.fromisoformat(day)) if day else PERMANENT_MEMBERS | {"SUN"}
    except (ValueError, CompositionError):
        return PERMANENT_MEMBERS | {"SUN"}


def map_outcomes(facts: DocumentFacts, ctx: MappingContext) -> None:
    adopted: set[str] = set()
    for r in facts.resolutions:
        if r.draft:
            draft = add_draft(ctx, r.draft)
            ctx.add(draft, UNSC.draftOutcome, UNSC.AdoptedOutcome)
            ctx.add(draft, UNSC.adoptedAs, add_resolution_node(ctx, r.number, r.year))
            adopted.add(symbol_key(r.draft))
    unnamed = [t for t in facts.vote_tallies if not t.draft and not t.resolution]
    for t in facts.vote_tallies:
        alone = len(unnamed) <= 1
        symbol, resolution = complete_subject(facts, t.draft, t.resolution, alone=alone)
        if symbol and not resolution and symbol_key(symbol) not in adopted:
            _failed(facts, ctx, symbol, t.yes)


def _failed(facts: DocumentFacts, ctx: MappingContext, symbol: str, yes: int) -> None:
    """A draft voted on that the document reports no resolution for: not adopted, or vetoed."""
    key = symbol_key(symbol)
    votes = [v for v in facts.votes if _about(facts, v.draft, v.resolution) == key]
    day = next((v.date for v in votes if v.date), None) or facts.date
    vetoes = sorted(
        {v.state for v in votes if v.vote == "no" and v.state in permanent_members(day)}
    )
    draft = add_draft(ctx, symbol)
    if yes < MAJORITY:
        ctx.add(draft, UNSC.draftOutcome, UNSC.NotAdoptedOutcome)
    elif vetoes:
        ctx.add(draft, UNSC.draftOutcome, UNSC.VetoedOutcome)
        for state in vetoes:
            ctx.add(draft, UNSC.vetoedBy, ctx.iris.state(state))


def _about(facts: DocumentFacts, draft: str | None, resolution: str | None) -> str | None:
    found, _ = complete_subject(facts, draft, resolution)
    return symbol_key(found) if found else None
