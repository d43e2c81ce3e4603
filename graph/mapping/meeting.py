"""Meetings and their briefings.

A meeting's IRI comes from the resolver (one IRI per real meeting, however many documents
announce it). A briefer named only by post (``秘书长``) is resolved to the person who held the post
on the meeting's date; an organisation is linked to the reference table where it is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.labels import meeting_labels
from unsckg.graph.mapping.person import add_person, write_person
from unsckg.graph.mapping.presidency import add_presidency
from unsckg.graph.mapping.terms import RDF, RDFS, UNSC, XSD, boolean, lang, literal, node
from unsckg.ontology.concepts import MEETING_FORMATS

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import Briefer, DocumentFacts, Meeting


# the facts format's meeting formats, as the ontology's concepts (one table, in the ontology)
FORMATS = {name: node(iri) for name, iri in MEETING_FORMATS.items()}


def map_meetings(facts: DocumentFacts, ctx: MappingContext) -> None:
    for meeting in facts.meetings:
        if meeting.date:
            add_meeting(facts, ctx, meeting, meeting.date)


def add_meeting(facts: DocumentFacts, ctx: MappingContext, meeting: Meeting, date: str) -> URIRef:
    iri = ctx.resolver.meeting(date, meeting.number, meeting.format)
    ctx.fact(iri, UNSC.Meeting, meeting.evidence)
    ctx.add(iri, UNSC.date, literal(date, XSD.date))
    meeting_labels(ctx, iri, date, meeting.number)
    relation = UNSC.announces if not facts.date or facts.date <= date else UNSC.mentions
    ctx.add(ctx.document, relation, iri)
    _meeting_details(ctx, iri, meeting)
    if meeting.presidency:
        year, month = int(date[:4]), int(date[5:7])
        presidency = add_presidency(ctx, meeting.presidency, year, month, None)
        ctx.add(iri, UNSC.presidency, presidency)
    if meeting.chair:
        # the chair presides; which state they represent is another fact (a record's list)
        chair = add_person(ctx, meeting.chair, None, None)
        ctx.add(iri, UNSC.chair, chair)
    for briefer in meeting.briefers:
        _add_briefing(ctx, iri, briefer, date)
    return iri


def _meeting_details(ctx: MappingContext, iri: URIRef, meeting: Meeting) -> None:
    if meeting.number:
        ctx.add(iri, UNSC.meetingNumber, literal(int(meeting.number), XSD.integer))
    if meeting.time:
        ctx.add(iri, UNSC.startTime, literal(f"{meeting.time}:00", XSD.time))
    if meeting.format in FORMATS:
        ctx.add(iri, UNSC.format, FORMATS[meeting.format])
    if meeting.virtual is not None:
        ctx.add(iri, UNSC.virtual, boolean(meeting.virtual))
    for theme in meeting.theme:
        ctx.add(iri, UNSC.theme, lang(theme, ctx.language))
    if meeting.agenda_item:
        ctx.add(iri, UNSC.agendaItem, lang(meeting.agenda_item, ctx.language))
    if meeting.outcome:
        ctx.add(iri, UNSC.outcome, literal(meeting.outcome, XSD.string))


def _add_briefing(ctx: MappingContext, meeting: URIRef, briefer: Briefer, date: str) -> None:
    key = briefer.name or briefer.title or "briefer"
    briefing = ctx.iris.briefing(meeting, key)
    ctx.fact(briefing, UNSC.Briefing, briefer.evidence)
    ctx.add(meeting, UNSC.briefing, briefing)
    ctx.add(briefing, UNSC.tentative, boolean(briefer.tentative))
    if briefer.title:
        ctx.add(briefing, UNSC.title, lang(briefer.title, ctx.language))
    person = _briefer_person(ctx, briefer, date)
    if person is not None:
        ctx.add(briefing, UNSC.briefer, person)
    if briefer.organization:
        organization, known = ctx.resolver.organization(briefer.organization, briefer.title)
        if not known:  # a known one is described (labels, Wikidata) in its reference graph
            ctx.add(organization, RDF.type, UNSC.Organization)
            ctx.add(organization, RDFS.label, lang(briefer.organization, ctx.language))
        ctx.add(briefing, UNSC.organization, organization)


def _briefer_person(ctx: MappingContext, briefer: Briefer, date: str) -> URIRef | None:
    if briefer.name:
        return add_person(ctx, briefer.name, None, None, briefer.evidence)
    holder = ctx.resolver.post_holder(briefer.title, date)
    return write_person(ctx, holder, None) if holder is not None else None
