"""Votes, vote tallies and explanations of vote.

A vote is one member's vote on one draft (``id/vote/S-2020-240/BEL``); where the document names
only the resolution, the resolution's symbol keys it (``id/vote/S-RES-2505-2020/BEL``). Tallies
and explanations of vote are keyed the same way.

A vote, tally or explanation is completed from the document's own decisions, in either language:
a vote on a draft the document reports adopted as a resolution is linked to that resolution too
(the outcome), and one that names neither draft nor resolution is about the document's one
decision where it reports exactly one. Why: an English record lists the votes in a table
(``In favour: Belgium, China...``) that names neither; the Chinese text of the same meeting keys
them to the draft, and both must give one IRI per real vote. One that still names neither is kept,
keyed by its document (``id/vote/doc-S-PV.8000/BEL``), rather than dropped; where the document
has several vote tables (or tallies) naming neither, each gets its ordinal
(``id/vote/doc-S-PV.8000-2/BEL``), so that two votes of one state never merge into one node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.labels import subject_name, tally_labels, vote_labels
from unsckg.graph.mapping.mention import add_resolution_node
from unsckg.graph.mapping.person import add_person
from unsckg.graph.mapping.resolution import add_draft
from unsckg.graph.mapping.terms import UNSC, XSD, literal, node
from unsckg.ontology.concepts import VOTE_VALUES
from unsckg.ontology.iris import IriError, parse_resolution, resolution_symbol, symbol_key

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts, Vote


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


Subject = tuple[str | None, str | None]  # (draft symbol, resolution "2505(2020)")


def complete_subject(
    facts: DocumentFacts, draft: str | None, resolution: str | None, alone: bool = True
) -> Subject:
    """The draft and resolution of a vote-like fact, completed from the document's decisions;
    one naming neither is only given the document's one decision if it is ``alone`` (the one
    vote table, the one tally, that names neither)."""
    if not draft and not resolution:
        decisions = _decisions(facts)
        if len(decisions) != 1 or not alone:
            return None, None
        draft, resolution = next(iter(decisions))
    number, _ = _resolution_number(resolution)
    for r in facts.resolutions:
        if draft and not resolution and r.draft and symbol_key(r.draft) == symbol_key(draft):
            resolution = r.key  # ``1518`` where the year is unknown
        if number == r.number and not draft and r.draft:
            draft = r.draft
    return draft, resolution


def _decisions(facts: DocumentFacts) -> set[Subject]:
    """The decisions the document reports: its resolutions, else its tallies' subjects."""
    found: set[Subject] = {(r.draft, r.key) for r in facts.resolutions}
    if not found:
        found = {(t.draft, t.resolution) for t in facts.vote_tallies if t.draft or t.resolution}
    return found


def _key(ctx: MappingContext, draft: str | None, resolution: str | None, ordinal: int = 0) -> str:
    """The symbol a vote-like node is keyed by: the decision's (the draft, where this or an
    earlier document links the resolution to its draft, else the resolution: ``S/RES/...``,
    ``res-2518`` without a year; a question for the resolver), else ``doc-`` and the
    document's key, and where the document has several such votes or tallies naming neither,
    their ordinal (``doc-S-PV.8000-2``)."""
    subject = _subject_key(draft, resolution)
    if subject is None:
        return _document_scoped_key(ctx) + (f"-{ordinal}" if ordinal else "")
    number, _ = _resolution_number(resolution)
    return ctx.resolver.decision(symbol_key(draft) if draft else None, number, subject)


def _unnamed(draft: str | None, resolution: str | None) -> bool:
    return not draft and not resolution


def _tables(votes: list[Vote]) -> list[int]:
    """The vote table (1, 2, ...) of each of these votes, in document order: a new table begins
    where a state votes again. Why: a record whose tables name no draft voted on as many drafts
    as it has tables, and their votes must not merge into one node per state; 0 for all when
    there is one table (nothing to tell apart)."""
    tables: list[int] = []
    seen: set[str] = set()
    table = 1
    for vote in votes:
        if vote.state in seen:
            table, seen = table + 1, set()
        seen.add(vote.state)
        tables.append(table)
    return tables if table > 1 else [0] * len(tables)


def _subject(ctx: MappingContext, node: URIRef, draft: str | None, resolution: str | None) -> None:
    """Link a vote-like node to its draft and resolution."""
    number, year = _resolution_number(resolution)
    if number is not None:
        ctx.add(node, UNSC.resolution, add_resolution_node(ctx, number, year))
    if draft:
        ctx.add(node, UNSC.draft, add_draft(ctx, draft))


def map_votes(facts: DocumentFacts, ctx: MappingContext) -> None:
    tables = iter(_tables([v for v in facts.votes if _unnamed(v.draft, v.resolution)]))
    for v in facts.votes:
        table = next(tables) if _unnamed(v.draft, v.resolution) else 0
        if v.vote not in VALUES:
            continue
        draft, resolution = complete_subject(facts, v.draft, v.resolution, alone=not table)
        vote = ctx.iris.vote(_key(ctx, draft, resolution, table), v.state)
        ctx.fact(vote, UNSC.Vote, v.evidence)
        _subject(ctx, vote, draft, resolution)
        ctx.add(vote, UNSC.voter, ctx.iris.state(v.state))
        ctx.add(vote, UNSC.value, VALUES[v.vote])
        vote_labels(ctx, vote, v.state, v.vote, subject_name(draft, resolution))
        if v.date:
            ctx.add(vote, UNSC.date, literal(v.date, XSD.date))
        if v.speaker:
            ctx.add(vote, UNSC.castBy, add_person(ctx, v.speaker, v.state, None))


def map_tallies(facts: DocumentFacts, ctx: MappingContext) -> None:
    unnamed = [t for t in facts.vote_tallies if _unnamed(t.draft, t.resolution)]
    for t in facts.vote_tallies:
        ordinal = unnamed.index(t) + 1 if len(unnamed) > 1 and t in unnamed else 0
        draft, resolution = complete_subject(facts, t.draft, t.resolution, alone=not ordinal)
        tally = ctx.iris.tally(_key(ctx, draft, resolution, ordinal))
        ctx.fact(tally, UNSC.VoteTally, t.evidence)
        _subject(ctx, tally, draft, resolution)
        ctx.add(tally, UNSC.votesInFavour, literal(t.yes, XSD.integer))
        ctx.add(tally, UNSC.votesAgainst, literal(t.no, XSD.integer))
        ctx.add(tally, UNSC.abstentions, literal(t.abstain, XSD.integer))
        tally_labels(ctx, tally, (t.yes, t.no, t.abstain), subject_name(draft, resolution))


def map_explanations(facts: DocumentFacts, ctx: MappingContext) -> None:
    for e in facts.explanations_of_vote:
        draft, resolution = complete_subject(facts, e.draft, e.resolution)
        explanation = ctx.iris.explanation(_key(ctx, draft, resolution), e.state)
        ctx.fact(explanation, UNSC.ExplanationOfVote, e.evidence)
        _subject(ctx, explanation, draft, resolution)
        ctx.add(explanation, UNSC.voter, ctx.iris.state(e.state))
        if e.speaker:
            ctx.add(explanation, UNSC.speaker, add_person(ctx, e.speaker, e.state, None))


def _document_scoped_key(ctx: MappingContext) -> str:
    """For an explanation that names neither draft nor resolution: ``doc-<document key>``, so
    that explanations in different documents never share an IRI."""
    return "doc-" + ctx.iris.parse(str(ctx.document))[1]
