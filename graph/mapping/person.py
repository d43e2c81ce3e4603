"""People who act for a state in a document (signatories, representatives, speakers).

Names go through the resolver, so a variant spelling lands on the person already known, with
the document's spelling as a ``skos:altLabel`` next to the one ``rdfs:label``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.terms import RDFS, SKOS, UNSC, XSD, lang, literal
from unsckg.graph.resolve import PersonRef, label_form

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts, Evidence


def write_person(ctx: MappingContext, ref: PersonRef, evidence: Evidence | None) -> URIRef:
    """The person node's triples in this document's graph."""
    ctx.fact(ref.iri, UNSC.Person, evidence)
    ctx.add(ref.iri, RDFS.label, lang(ref.label, ctx.language))
    if ref.is_variant:
        ctx.add(ref.iri, SKOS.altLabel, lang(label_form(ref.written), ctx.language))
    return ref.iri


def add_person(
    ctx: MappingContext,
    name: str,
    state: str | None,
    role: str | None,
    evidence: Evidence | None = None,
) -> URIRef:
    """Resolve a named person and write what this document says of them."""
    ref = ctx.resolver.person(name, state, role)
    write_person(ctx, ref, evidence)
    if state:
        ctx.add(ref.iri, UNSC.represents, ctx.iris.state(state))
    if role:
        ctx.add(ref.iri, UNSC.role, literal(role, XSD.string))
    return ref.iri


def map_representatives(facts: DocumentFacts, ctx: MappingContext) -> None:
    for person in facts.representatives:
        if person.name:
            add_person(ctx, person.name, person.state, person.role, person.evidence)
