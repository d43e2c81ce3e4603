"""Moving RDF in and out: dumps of the store, loads of RDF files, the RDF of extracted facts.

Why TriG and N-Quads are the round-trip formats: they keep the named graphs, and the named
graphs are the provenance (which document said what), so an export that flattened them would
lose information. Turtle (the default graph, which is the merge of the named graphs) and
JSON-LD are offered for reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD
from unsckg.graph.derive import mark_stale
from unsckg.graph.errors import RdfInputError
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT, IriScheme
from unsckg.ontology.vocab import NAMESPACE

if TYPE_CHECKING:
    from unsckg.extractors.facts import DocumentFacts

EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def prefixes(iris: IriScheme = DEFAULT) -> dict[str, str]:
    """The prefixes used in Turtle and TriG output."""
    return {
        "unsc": NAMESPACE,
        "id": iris.base,
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "owl": str(OWL),
        "skos": str(SKOS),
        "xsd": str(XSD),
        "prov": str(PROV),
        "wd": "http://www.wikidata.org/entity/",
    }


def export_store(store: Store, output: IO[bytes], fmt: str, iris: IriScheme = DEFAULT) -> None:
    """Write the whole store: TriG, N-Quads and JSON-LD keep the graphs; Turtle is the merge."""
    rdf_format = EXPORT_FORMATS[fmt]
    if rdf_format.supports_datasets:
        store.dump(output, rdf_format, prefixes=_prefixes_for(rdf_format, iris))
    else:
        store.dump(output, rdf_format, ox.DefaultGraph(), prefixes(iris))


def _prefixes_for(rdf_format: ox.RdfFormat, iris: IriScheme) -> dict[str, str] | None:
    return prefixes(iris) if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None


def rdf_format_of(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (``.trig``, ``.nq``, ``.ttl``, ``.nt``…)."""
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if rdf_format is None:
        raise RdfInputError(f"{path.name}: unknown RDF file extension {path.suffix!r}")
    return rdf_format


def import_file(store: Store, path: Path) -> None:
    """Load one RDF file as it is (one transaction; a bad file changes nothing)."""
    if not path.is_file():
        raise RdfInputError(f"{path}: no such file")
    store.load(path, rdf_format_of(path))
    mark_stale(store)  # the next build derives links and representations of it too


def facts_rdf(results: Sequence[DocumentFacts], fmt: str, iris: IriScheme = DEFAULT) -> bytes:
    """The quads of extracted facts without a store (``unsckg extract --format turtle|trig``)."""
    from unsckg.graph.mapping import map_documents

    quads = map_documents(results, iris)
    if fmt == "trig":
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes(iris)) or b""
    triples: Iterable[ox.Triple] = dict.fromkeys(
        ox.Triple(q.subject, q.predicate, q.object) for q in quads
    )
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris)) or b""
