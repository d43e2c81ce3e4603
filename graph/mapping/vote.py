"""Votes, vote tallies and explanations of vote.

A vote is one member's vote on one draft (``id/vote/S-2020-240/BEL``); where the document names
only the resolution, the resolution's symbol keys it (``id/vote/S-RES-2505-2020/BEL``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.mention import add_resolution_node
from unsckg.graph.mapping.person import add_person
from unsckg.graph.mapping.resolution import add_draft
from unsckg.graph.mapping.terms import UNSC, XSD, literal, node
from unsckg.ontology.concepts import VOTE_VALUES
from unsckg.ontology.iris import IriError, parse_resolution, resolution_symbol, symbol_key

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


VALUES = {name: node(iri) for name, iri in VOTE_VALUES.items()}  # the ontology's table


def _subject(
    ctx: MappingContext, node: URIRef, draft: str | None, resolution: str | None
) -> str | None:
    """Link a vote-like node to its draft and resolution; return the key that names it."""
    key = None
    if resolution:
        try:
            number, year = parse_resolution(resolution)
        except IriError:
            number, year = None, None
        if number is not None:
            ctx.add(node, UNSC.resolution, add_resolution_node(ctx, number, year))
            key = symbol_key(resolution_symbol(number, year)) if year else f"res-{number}"
    if draft:
        ctx.add(node, UNSC.draft, add_draft(ctx, draft))
        key = symbol_key(draft)
    return key


def map_votes(facts: DocumentFacts, ctx: MappingContext) -> None:
    for v in facts.votes:
        subject = v.draft or (_resolution_symbol(v.resolution) if v.resolution else None)
        if subject is None or v.vote not in VALUES:
            continue
        vote = ctx.iris.vote(subject, v.state)
        ctx.fact(vote, UNSC.Vote, v.evidence)
        _subject(ctx, vote, v.draft, v.resolution)
        ctx.add(vote, UNSC.voter, ctx.iris.state(v.state))
        ctx.add(vote, UNSC.value, VALUES[v.vote])
        if v.date:
            ctx.add(vote, UNSC.date, literal(v.date, XSD.date))
        if v.speaker:
            ctx.add(vote, UNSC.castBy, add_person(ctx, v.speaker, v.state, None))


def _resolution_symbol(text: str) -> str | None:
    try:
        number, year = parse_resolution(text)
    except IriError:
        return None
    return resolution_symbol(number, year) if year else None


def map_tallies(facts: DocumentFacts, ctx: MappingContext) -> None:
    for t in facts.vote_tallies:
        key = t.draft or (_resolution_symbol(t.resolution) if t.resolution else None)
        if key is None:
            continue
        tally = ctx.iris.tally(symbol_key(key))
        ctx.fact(tally, UNSC.VoteTally, t.evidence)
        _subject(ctx, tally, t.draft, t.resolution)
        ctx.add(tally, UNSC.votesInFavour, literal(t.yes, XSD.integer))
        ctx.add(tally, UNSC.votesAgainst, literal(t.no, XSD.integer))
        ctx.add(tally, UNSC.abstentions, literal(t.abstain, XSD.integer))


def map_explanations(facts: DocumentFacts, ctx: MappingContext) -> None:
    for e in facts.explanations_of_vote:
        drafts = {r.draft for r in facts.resolutions if r.draft}
        draft = e.draft or (next(iter(drafts)) if len(drafts) == 1 else None)
        key = draft or (_resolution_symbol(e.resolution) if e.resolution else None)
        explanation = ctx.iris.explanation(symbol_key(key) if key else "unknown", e.state)
        ctx.fact(explanation, UNSC.ExplanationOfVote, e.evidence)
        _subject(ctx, explanation, draft, e.resolution)
        ctx.add(explanation, UNSC.voter, ctx.iris.state(e.state))
        if e.speaker:
            ctx.add(explanation, UNSC.speaker, add_person(ctx, e.speaker, e.state, None))
