"""What every mapper gets: the document, the IRI scheme, the resolver and a quad sink.

A mapper turns one kind of fact into quads of the document's named graph. The context holds the
small conventions every mapper shares, so that each states them once: a fact node is typed,
``prov:wasDerivedFrom`` its document, and carries its evidence (quote and offsets) as a
``unsc:Evidence`` node keyed by the document and the span.

The resolver is a :class:`~unsckg.graph.mapping.deferred.DeferredResolver`: people and meetings
are placeholders until the build's process resolves them, so a triple naming one is kept as
text with holes (``templates``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.deferred import DeferredResolver, Part
from unsckg.graph.mapping.terms import PROV, RDF, UNSC, XSD, literal
from unsckg.ontology.iris import IriScheme

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts, Evidence


Object = ox.NamedNode | ox.Literal
Template = tuple[Part, ...]


@dataclass(slots=True)
class MappingContext:
    """The state of mapping one document: its triples, as N-Triples text (``s p o``, without
    the final dot), land in ``triples``, or in ``templates`` when they name a placeholder.

    Text and not ``pyoxigraph.Quad``\\ s: the triples are sent on as N-Quads anyway, and a term's
    text is made once per document (each IRI is still validated, by ``ox.NamedNode``, once).
    """

    facts: DocumentFacts
    iris: IriScheme
    resolver: DeferredResolver
    document: URIRef  # the document by its symbol (or content): what facts are about
    graph: URIRef  # this version of it (language, file): the named graph, the provenance
    triples: list[str] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)
    _evidence_done: set[tuple[int, int]] = field(default_factory=set)
    _terms: dict[str, str | Template] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.facts.language or "zh"

    def add(
        self, subject: URIRef | ox.NamedNode, predicate: ox.NamedNode, obj: Object | URIRef
    ) -> None:
        """One triple in the document's graph."""
        s = self._text(subject)
        o = str(obj) if isinstance(obj, ox.Literal) else self._text(obj)
        if isinstance(s, str) and isinstance(o, str):
            self.triples.append(f"{s} {predicate} {o}")
        else:
            self.templates.append((*_parts(s), f" {predicate} ", *_parts(o)))

    def _text(self, iri: URIRef | ox.NamedNode) -> str | Template:
        """An IRI's N-Triples text, made once per document (fact nodes recur in many
        triples), or its text with holes when it names a placeholder."""
        key = iri.value if isinstance(iri, ox.NamedNode) else iri
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = self.resolver.template(key) or str(ox.NamedNode(key))
        return found

    def fact(self, subject: URIRef, cls: ox.NamedNode, evidence: Evidence | None) -> None:
        """Type a fact node, tie it to the document and attach its evidence."""
        self.add(subject, RDF.type, cls)
        self.add(subject, PROV.wasDerivedFrom, self.graph)
        self.evidence(subject, evidence)

    def evidence(self, subject: URIRef, evidence: Evidence | None) -> None:
        """``subject unsc:evidence <span>``; the span's own triples are written once."""
        if evidence is None or evidence.end <= evidence.start or not evidence.quote:
            return
        span = self.iris.evidence(self.graph, evidence.start, evidence.end)
        self.add(subject, UNSC.evidence, span)
        key = (evidence.start, evidence.end)
        if key in self._evidence_done:
            return
        self._evidence_done.add(key)
        self.add(span, RDF.type, UNSC.Evidence)
        self.add(span, PROV.wasDerivedFrom, self.graph)
        self.add(span, UNSC.quote, ox.Literal(evidence.quote))
        self.add(span, UNSC.startOffset, literal(evidence.start, XSD.integer))
        self.add(span, UNSC.endOffset, literal(evidence.end, XSD.integer))


def _parts(term: str | Template) -> Template:
    return term if isinstance(term, tuple) else (term,)
