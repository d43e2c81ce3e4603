"""SPARQL 1.1 Protocol rules, one test each, against a real server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
import rdflib

ID = "https://w3id.org/unsc-kg/id/"
UNSC = "https://w3id.org/unsc-kg/ontology#"
G1 = f"{ID}document/S-2020-240"
G2 = f"{ID}document/S-2021-284"
SELECT_STATES = f"SELECT ?s WHERE {{ ?s a <{UNSC}MemberState> }} ORDER BY ?s"
STATES = [f"{ID}state/BEL", f"{ID}state/CHN"]
CONSTRUCT = f"CONSTRUCT {{ ?s a <{UNSC}MemberState> }} WHERE {{ ?s a <{UNSC}MemberState> }}"
SPARQL_JSON = "application/sparql-results+json"


def bindings(response: httpx.Response, var: str = "s") -> list[str]:
    assert response.status_code == 200, response.text
    return [row[var]["value"] for row in response.json()["results"]["bindings"]]


def test_get_query(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": SELECT_STATES})
    assert response.headers["content-type"].startswith(SPARQL_JSON)
    assert bindings(response) == STATES


def test_post_form(client: httpx.Client) -> None:
    assert bindings(client.post("/sparql", data={"query": SELECT_STATES})) == STATES


def test_post_direct(client: httpx.Client) -> None:
    headers = {"Content-Type": "application/sparql-query"}
    response = client.post("/sparql", content=SELECT_STATES.encode(), headers=headers)
    assert bindings(response) == STATES


def test_post_other_media_type_is_415(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert response.status_code == 415


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/sparql", params={"query": SELECT_STATES})
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}


def test_malformed_query_is_400_with_parser_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s "})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "malformed_query"
    assert error["message"].startswith("error at 1:")


def test_post_without_query_is_400(client: httpx.Client) -> None:
    assert client.post("/sparql", data={"nothing": "here"}).status_code == 400


def test_query_given_twice_is_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params=[("query", SELECT_STATES), ("query", "ASK {}")])
    assert response.status_code == 400


def _parse_results(media: str, body: bytes) -> list[str]:
    if media == "text/csv":
        return [row["s"] for row in csv.DictReader(io.StringIO(body.decode()))]
    formats = {
        SPARQL_JSON: ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    }
    return [s["s"].value for s in ox.parse_query_results(body, formats[media])]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "media",
    [SPARQL_JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values"],
)
def test_select_result_formats(client: httpx.Client, media: str) -> None:
    response = client.get("/sparql", params={"query": SELECT_STATES}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert _parse_results(media, response.content) == STATES


@pytest.mark.parametrize(
    ("media", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/trig", ox.RdfFormat.TRIG),
        ("application/n-quads", ox.RdfFormat.N_QUADS),
    ],
)
def test_construct_formats(client: httpx.Client, media: str, rdf_format: ox.RdfFormat) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    subjects = sorted(q.subject.value for q in ox.parse(response.content, rdf_format))  # type: ignore[union-attr]
    assert subjects == STATES


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        (f"{SPARQL_JSON};q=0.1, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
        ("text/tab-separated-values;q=0.2, text/csv;q=0.3, */*;q=0.1", "text/csv"),
        ("text/html, */*;q=0.8", SPARQL_JSON),
        ("application/json", SPARQL_JSON),
    ],
)
def test_accept_q_values(client: httpx.Client, accept: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": SELECT_STATES}, headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == expected


def test_nothing_acceptable_is_406(client: httpx.Client) -> None:
    select = client.get(
        "/sparql", params={"query": SELECT_STATES}, headers={"Accept": "text/turtle"}
    )
    construct = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": SPARQL_JSON})
    assert (select.status_code, construct.status_code) == (406, 406)


def test_format_parameter_overrides_accept(client: httpx.Client) -> None:
    params = {"query": SELECT_STATES, "format": "csv"}
    response = client.get("/sparql", params=params, headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("text/csv")
    assert client.get("/sparql", params={"query": "ASK {}", "format": "nope"}).status_code == 400


def test_ask(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ <{G1}> ?p ?o }}"})
    assert response.json()["boolean"] is True
    xml = client.get("/sparql", params={"query": "ASK { <urn:x> ?p ?o }", "format": "xml"})
    assert b"<boolean>false</boolean>" in xml.content


def test_head_sends_no_body(client: httpx.Client) -> None:
    response = client.head("/sparql", params={"query": SELECT_STATES})
    assert response.status_code == 200
    assert response.content == b""


def test_default_graph_is_the_merge_and_graphs_are_addressable(client: httpx.Client) -> None:
    everywhere = client.get("/sparql", params={"query": 'SELECT ?s WHERE { ?s ?p "S/2021/284" }'})
    assert bindings(everywhere) == [G2]
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{UNSC}symbol> ?o }} }} ORDER BY ?g"
    assert bindings(client.get("/sparql", params={"query": query}), "g") == [G1, G2]


def test_protocol_dataset(client: httpx.Client) -> None:
    query = f"SELECT ?s WHERE {{ ?s <{UNSC}symbol> ?o }}"
    only_g1 = client.get("/sparql", params={"query": query, "default-graph-uri": G1})
    assert bindings(only_g1) == [G1]
    named = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{UNSC}symbol> ?o }} }}"
    only_named = client.get("/sparql", params={"query": named, "named-graph-uri": G2})
    assert bindings(only_named, "g") == [G2]


def test_protocol_dataset_wins_over_from(client: httpx.Client) -> None:
    query = f"SELECT ?s FROM <{G2}> WHERE {{ ?s <{UNSC}symbol> ?o }}"
    assert bindings(client.get("/sparql", params={"query": query})) == [G2]
    overridden = client.get("/sparql", params={"query": query, "default-graph-uri": G1})
    assert bindings(overridden) == [G1]


def test_invalid_graph_iri_is_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert response.status_code == 400


def test_service_description(client: httpx.Client, server: object) -> None:
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = next(graph.objects(predicate=sd.endpoint))
    assert str(endpoint).endswith("/sparql")
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    assert len(list(graph.objects(predicate=sd.resultFormat))) == 10
    as_jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert json.loads(as_jsonld.content)


def test_graph_store_protocol_read(client: httpx.Client) -> None:
    named = client.get("/graphs", params={"graph": G1}, headers={"Accept": "application/n-triples"})
    assert named.status_code == 200
    assert {t.subject.value for t in ox.parse(named.content, ox.RdfFormat.N_TRIPLES)} >= {G1}  # type: ignore[union-attr]
    default = client.get("/graphs?default")
    assert default.headers["content-type"].startswith("text/turtle")
    assert "S/2021/284" in default.text and "S/2020/240" in default.text
    assert client.get("/graphs", params={"graph": f"{ID}document/none"}).status_code == 404
    assert client.get("/graphs").status_code == 400


def test_request_size_limit(client: httpx.Client) -> None:
    padding = "#" + "x" * 20_000 + "\n"
    assert client.post("/sparql", data={"query": padding + "ASK {}"}).status_code == 413
    assert client.get("/sparql", params={"query": padding + "ASK {}"}).status_code == 413


def test_large_results_stream_whole(client: httpx.Client) -> None:
    """Results above the inline size travel through a spool file; the body is complete."""
    query = f"SELECT ?s ?o WHERE {{ ?s <{UNSC}rank> ?o }}"
    response = client.get("/sparql", params={"query": query})
    assert int(response.headers["content-length"]) > 2_048
    assert len(bindings(response)) == 60


def test_cors(client: httpx.Client) -> None:
    origin = {"Origin": "https://example.org"}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-origin" not in client.get("/sparql?query=ASK{}").headers
    preflight = client.options(
        "/sparql", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" not in preflight.headers["access-control-allow-headers"].lower()


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/sparql", {"params": {"query": "SELEC"}}, 400),
        ("POST", "/update", {"data": {"update": "CLEAR ALL"}}, 403),
        ("GET", "/sparql", {"params": {"query": "ASK{}"}, "headers": {"Accept": "image/png"}}, 406),
        ("DELETE", "/sparql", {}, 405),
        ("POST", "/sparql", {"content": b"x", "headers": {"Content-Type": "text/plain"}}, 415),
        ("GET", "/no/such/page", {}, 404),
        ("GET", f"/id/state/{'X' * 3}", {"headers": {"Accept": "text/turtle"}}, 404),
    ],
)
def test_one_error_shape(
    client: httpx.Client, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["status"] == status
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    assert "Traceback" not in response.text
