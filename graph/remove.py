"""Removing one document: its named graph and its build record, in one transaction."""

from __future__ import annotations

import pyoxigraph as ox
from unsckg.graph import records
from unsckg.graph.errors import GraphError
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT, IriError, IriScheme


class UnknownDocumentError(GraphError):
    """No document in the store matches what the user named."""


def find_document(store: Store, name: str, iris: IriScheme = DEFAULT) -> str:
    """A document's IRI from its IRI, its source file name or its symbol."""
    known = records.documents(store, iris)
    if name in known:
        return name
    by_source = [doc for doc, source in known.items() if source == name]
    if by_source:
        return by_source[0]
    try:
        iri = str(iris.document(name))
    except IriError as error:
        raise UnknownDocumentError(f"not a document symbol, file name or IRI: {name}") from error
    if iri in known or store.raw.contains_named_graph(ox.NamedNode(iri)):
        return iri
    raise UnknownDocumentError(f"no document {name} in the store")


def remove_document(store: Store, name: str, iris: IriScheme = DEFAULT) -> str:
    """Remove a document (see :func:`find_document`), then bring the library links and the
    representations up to date with what it said (:mod:`unsckg.graph.derive`); its IRI."""
    from unsckg.graph.derive import Derivation

    iri = find_document(store, name, iris)
    derivation = Derivation(store, iris)
    derivation.begin()
    derivation.replacing_stored(ox.NamedNode(iri), b"")
    store.remove_graph(ox.NamedNode(iri), ox.NamedNode(str(iris.graph("build"))))
    derivation.finish()  # the dates and links the removed document gave are gone too
    return iri
