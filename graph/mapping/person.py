"""People who act for a state in a document (signatories, representatives, speakers).

Names go through the resolver, so a variant spelling lands on the person already known, with
the document's spelling as a ``skos:altLabel`` next to the one ``rdfs:label``. Both labels
depend on the resolver's answer, so :func:`unsckg.graph.mapping.deferred.resolve_document`
writes them; a mapper writes what the document itself says of the person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.terms import UNSC, XSD, literal

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts, Evidence


def write_person(ctx: MappingContext, person: URIRef, evidence: Evidence | None) -> URIRef:
    """The person node's own triples in this document's graph (labels: see above)."""
    ctx.fact(person, UNSC.Person, evidence)
    return person


def add_person(
    ctx: MappingContext,
    name: str,
    state: str | None,
    role: str | None,
    evidence: Evidence | None = None,
) -> URIRef:
    """Resolve a named person and write what this document says of them."""
    date, document = ctx.facts.date, str(ctx.document)
    person = write_person(ctx, ctx.resolver.person(name, state, role, date, document), evidence)
    if state:
        ctx.add(person, UNSC.represents, ctx.iris.state(state))
    if role:
        ctx.add(person, UNSC.role, literal(role, XSD.string))
    return person


def map_representatives(facts: DocumentFacts, ctx: MappingContext) -> None:
    for person in facts.representatives:
        if person.name:
            add_person(ctx, person.name, person.state, person.role, person.evidence)
