"""The document itself: symbol, dates, language, kind, author, and its undocs.org page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.labels import document_labels
from unsckg.graph.mapping.person import add_person
from unsckg.graph.mapping.terms import PROV, RDF, RDFS, UNSC, XSD, literal
from unsckg.ontology.iris import normalize_symbol, undocs

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


def map_document(facts: DocumentFacts, ctx: MappingContext) -> None:
    doc = ctx.document
    ctx.add(doc, RDF.type, UNSC.Document)
    # the language is the version's (this file's text), never the symbol's: a symbol with a
    # Chinese and an English text is one document in two languages. The Chinese text's graph
    # is the symbol's own IRI (see graph_iri), so that node speaks for its Chinese version.
    ctx.add(ctx.graph, UNSC.language, literal(ctx.language, XSD.language))
    if ctx.graph != doc:  # a version of its own: the graph says what it is a version of
        ctx.add(ctx.graph, RDF.type, UNSC.Document)
        ctx.add(ctx.graph, PROV.specializationOf, doc)
    if facts.symbol:
        ctx.add(doc, UNSC.symbol, literal(normalize_symbol(facts.symbol), XSD.string))
        ctx.add(doc, RDFS.seeAlso, undocs(facts.symbol))
        document_labels(ctx, doc, normalize_symbol(facts.symbol), draft=False)
    if facts.date:
        ctx.add(doc, UNSC.date, literal(facts.date, XSD.date))
    if facts.issued:
        ctx.add(doc, UNSC.issued, literal(facts.issued, XSD.date))
    if facts.kind:
        ctx.add(doc, UNSC.documentKind, literal(facts.kind, XSD.string))
    for key in ("symbol", "date", "issued"):
        ctx.evidence(doc, facts.evidence.get(key))
    author = facts.author
    if author is not None and author.name:
        person = add_person(ctx, author.name, author.state, author.role, author.evidence)
        ctx.add(doc, UNSC.author, person)
    if author is not None and author.state:
        ctx.add(doc, UNSC.authorState, ctx.iris.state(author.state))
