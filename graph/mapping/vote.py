"""Votes, vote tallies and explanations of vote.

A vote is one member's vote on one draft (``id/vote/S-2020-240/BEL``); where the document names
only the resolution, the resolution's symbol keys it (``id/vote/S-RES-2505-2020/BEL``). Tallies
and explanations of vote are keyed the same way; an explanation that names neither (nor does its
document adopt exactly one draft) is keyed by its document (``id/explanation/doc-S-PV-8000/BEL``).
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


def _subject_key(draft: str | None, resolution: str | None) -> str | None:
    """The key that names a vote-like node: the draft's symbol key, else the resolution's
    (``S-RES-2518-2020``, or ``res-2518`` without a year); None when neither is usable."""
    if draft:
        return symbol_key(draft)
    number, year = _resolution_number(resolution)
    if number is None:
        return None
    return symbol_key(resolution_symbol(number, year)) if year else f"res-{number}"


def _resolution_number(resolution: str | None) -> tuple[int | None, int | None]:
    if not resolution:
        return None, None
    try:
        return parse_resolution(resolution)
    except IriError:
        return None, None


def _resolution_symbol(text: str) -> str | None:
    number, year = _resolution_number(text)
    return resolution_symbol(number, year) if number is not None and year else None


def _subject(ctx: MappingContext, node: URIRef, draft: str | None, resolution: str | None) -> None:
    """Link a vote-like node to its draft and resolution."""
    number, year = _resolution_number(resolution)
    if number is not None:
        ctx.add(node, UNSC.resolution, add_resolution_node(ctx, number, year))
    if draft:
        ctx.add(node, UNSC.draft, add_draft(ctx, draft))


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
        key = _subject_key(draft, e.resolution) or _document_scoped_key(ctx)
        explanation = ctx.iris.explanation(key, e.state)
        ctx.fact(explanation, UNSC.ExplanationOfVote, e.evidence)
        _subject(ctx, explanation, draft, e.resolution)
        ctx.add(explanation, UNSC.voter, ctx.iris.state(e.state))
        if e.speaker:
            ctx.add(explanation, UNSC.speaker, add_person(ctx, e.speaker, e.state, None))


def _document_scoped_key(ctx: MappingContext) -> str:
    """For an explanation that names neither draft nor resolution: ``doc-<document key>``, so
    that explanations in different documents never share an IRI."""
    return "doc-" + ctx.iris.parse(str(ctx.document))[1]
