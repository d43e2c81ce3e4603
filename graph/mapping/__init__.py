"""Facts -> quads: one module per kind of fact, listed in one registry.

Each mapper takes the document's facts and a :class:`MappingContext` and appends quads to the
document's named graph. Adding a kind of fact is one module and one line in ``MAPPERS``; the
order of the registry is the order quads are produced and resolution questions asked (the
document first, so that its author is resolved before the people the body names).

A build maps in its worker processes with :func:`map_deferred` and resolves in its own process
(:func:`.deferred.resolve_document`); :func:`map_facts` does both at once, for one-off use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.context import MappingContext
from unsckg.graph.mapping.deferred import DeferredResolver, MappedDocument, resolve_document
from unsckg.graph.mapping.document import map_document
from unsckg.graph.mapping.meeting import map_meetings
from unsckg.graph.mapping.mention import map_mentions
from unsckg.graph.mapping.outcome import map_outcomes
from unsckg.graph.mapping.person import map_representatives
from unsckg.graph.mapping.presidency import map_presidencies
from unsckg.graph.mapping.resolution import map_resolutions
from unsckg.graph.mapping.vote import map_explanations, map_tallies, map_votes
from unsckg.graph.reference import Official
from unsckg.graph.resolve import Resolver
from unsckg.ontology.iris import IriScheme

if TYPE_CHECKING:  # the facts are only types here: graph/build.py loads the extractors
    from unsckg.extractors.facts import DocumentFacts


Mapper = Callable[["DocumentFacts", MappingContext], None]

MAPPERS: tuple[Mapper, ...] = (
    map_document,
    map_representatives,
    map_presidencies,
    map_meetings,
    map_resolutions,
    map_votes,
    map_tallies,
    map_explanations,
    map_outcomes,
    map_mentions,
)


def document_iri(facts: DocumentFacts, iris: IriScheme, digest: str = "") -> URIRef:
    """The document's IRI: by symbol, else by the SHA-256 of its content (identical copies
    are one document), else (no content hash given) by its source file name."""
    if facts.symbol or not digest:
        return iris.document_of(facts.symbol, facts.source)
    return iris.document(None, digest)


def graph_iri(
    facts: DocumentFacts, iris: IriScheme, digest: str = "", version: str | None = None
) -> URIRef:
    """The named graph of this version of the document: the document's IRI for its Chinese
    text, ``{IRI}/{language}`` for another language version of a symbol (``…/S-RES-1985-2011/en``),
    so that the two versions of one symbol are two graphs about one document node. A second,
    different file of one symbol in one language (``version``: its content hash) is kept beside
    the first as ``{IRI}/{language}/v-{12 hex}`` rather than replacing it."""
    document = document_iri(facts, iris, digest)
    language = facts.language or "zh"
    key = iris.parse(str(document))[1]
    if version and facts.symbol:
        return iris.iri("document", f"{key}/{language}/v-{version[:12]}")
    if not facts.symbol or language == "zh":
        return document
    return iris.iri("document", f"{key}/{language}")


def map_deferred(
    facts: DocumentFacts,
    iris: IriScheme,
    *,
    source: str,
    digest: str,
    officials: tuple[Official, ...] | None = None,
    version: str | None = None,
) -> MappedDocument:
    """Map one document without entity resolution (see :mod:`.deferred`): what a build's
    worker process does after extracting, so that the build's own process has little left."""
    resolver = DeferredResolver(iris, officials)
    ctx = MappingContext(
        facts,
        iris,
        resolver,
        document_iri(facts, iris, digest),
        graph_iri(facts, iris, digest, version),
    )
    for mapper in MAPPERS:
        mapper(facts, ctx)
    triples = list(dict.fromkeys(ctx.triples))
    graph = f" <{ctx.graph}> .\n"
    return MappedDocument(
        source=source,
        document=str(ctx.graph),
        digest=digest,
        language=ctx.language,
        quads="".join([t + graph for t in triples]).encode("utf-8"),
        triples="".join([t + " .\n" for t in triples]).encode("utf-8"),
        lines=len(triples),
        templates=tuple(dict.fromkeys(ctx.templates)),
        questions=tuple(resolver.questions),
    )


def map_facts(facts: DocumentFacts, iris: IriScheme, resolver: Resolver) -> list[ox.Quad]:
    """All quads of one document, in its named graph, without duplicates, in a stable order:
    mapped and resolved as a build does it, in one step."""
    mapped = map_deferred(facts, iris, source=facts.source, digest="", officials=resolver.officials)
    data = mapped.quads + resolve_document(mapped, resolver).quads.encode("utf-8")
    return list(dict.fromkeys(ox.parse(data, format=ox.RdfFormat.N_QUADS)))


def map_documents(documents: Iterable[DocumentFacts], iris: IriScheme) -> list[ox.Quad]:
    """The quads of several documents, mapped in order by one resolver (as a build maps them:
    a person or meeting named by two documents is one node)."""
    resolver = Resolver(iris)
    return [quad for facts in documents for quad in map_facts(facts, iris, resolver)]
