"""Real client libraries read from the endpoint: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from typing import Any

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

UNSC = "https://w3id.org/unsc-kg/ontology#"
STATES = f"SELECT ?s ?label WHERE {{ ?s a <{UNSC}MemberState> ; ?p ?label }} ORDER BY ?s"


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_json(server: Any, method: str) -> None:
    wrapper = SPARQLWrapper(f"{server.url}/sparql")
    wrapper.setMethod(method)
    wrapper.setQuery(f"SELECT ?s WHERE {{ ?s a <{UNSC}MemberState> }} ORDER BY ?s")
    wrapper.setReturnFormat(JSON)
    rows = wrapper.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert [row["s"]["value"][-3:] for row in rows] == ["BEL", "CHN"]


def test_sparqlwrapper_other_formats(server: Any) -> None:
    wrapper = SPARQLWrapper(f"{server.url}/sparql")
    wrapper.setQuery(f"SELECT ?s WHERE {{ ?s a <{UNSC}MemberState> }}")
    wrapper.setReturnFormat(XML)
    assert len(wrapper.queryAndConvert().getElementsByTagName("result")) == 2  # type: ignore[union-attr]
    wrapper.setReturnFormat(CSV)
    assert wrapper.queryAndConvert().decode().splitlines()[0] == "s"  # type: ignore[union-attr]
    wrapper.setQuery(f"CONSTRUCT WHERE {{ ?s a <{UNSC}MemberState> }}")
    wrapper.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=wrapper.queryAndConvert(), format="turtle")  # type: ignore[arg-type]
    assert len(graph) == 2


def test_sparqlwrapper_sees_a_bad_query(server: Any) -> None:
    wrapper = SPARQLWrapper(f"{server.url}/sparql")
    wrapper.setQuery("SELECT ?s WHERE {")
    with pytest.raises(QueryBadFormed):
        wrapper.query()


def test_rdflib_sparqlstore(server: Any) -> None:
    graph = rdflib.Graph(store=SPARQLStore(f"{server.url}/sparql"))
    rows = list(graph.query(STATES))
    labels = {str(row.label) for row in rows}  # type: ignore[union-attr]
    assert {"中国", "China", "比利时"} <= labels
    vote = rdflib.URIRef("https://w3id.org/unsc-kg/id/vote/S-2020-240/BEL")
    assert (vote, rdflib.URIRef(f"{UNSC}value"), rdflib.URIRef(f"{UNSC}InFavour")) in graph
    assert graph.query(f"ASK {{ <{vote}> ?p ?o }}").askAnswer is True
