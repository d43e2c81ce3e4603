"""Linked Data: entities and the ontology by content negotiation; health."""

from __future__ import annotations

import json

import httpx
import pyoxigraph as ox
import pytest

ID = "https://w3id.org/unsc-kg/id/"
VOTE = f"{ID}vote/S-2020-240/BEL"


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ],
)
def test_entity_as_rdf(client: httpx.Client, accept: str, rdf_format: ox.RdfFormat) -> None:
    response = client.get("/id/vote/S-2020-240/BEL", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    triples = [q.triple for q in ox.parse(response.content, rdf_format)]
    values = {(t.subject.value, t.predicate.value.rsplit("#", 1)[-1]) for t in triples}  # type: ignore[union-attr]
    assert (VOTE, "voter") in values  # its own triples
    assert (VOTE, "wasDerivedFrom") in values  # provenance
    assert any(t.predicate.value.endswith("quote") for t in triples)  # its evidence


def test_entity_incoming_links(client: httpx.Client) -> None:
    response = client.get("/id/state/BEL", headers={"Accept": "application/n-triples"})
    subjects = {q.subject.value for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES)}  # type: ignore[union-attr]
    assert VOTE in subjects


def test_entity_as_html(client: httpx.Client) -> None:
    response = client.get("/id/state/CHN", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


def test_unknown_entity_is_404(client: httpx.Client) -> None:
    response = client.get("/id/state/ZZZ", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_ontology_as_turtle(client: httpx.Client) -> None:
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    triples = list(ox.parse(response.content, ox.RdfFormat.TURTLE))
    owl_ontology = "http://www.w3.org/2002/07/owl#Ontology"
    assert any(q.object.value == owl_ontology for q in triples)  # type: ignore[union-attr]
    as_jsonld = client.get("/ontology", params={"format": "jsonld"})
    assert json.loads(as_jsonld.content)


def test_health(client: httpx.Client) -> None:
    response = client.get("/health")
    data = response.json()
    assert data["status"] == "ok"
    assert data["workers"]["size"] == 2

    def counted() -> bool:
        return bool(client.get("/health").json()["store"])

    for _ in range(100):
        if counted():
            break
    store = client.get("/health").json()["store"]
    assert store["named_graphs"] == 4
    assert store["triples"] > 0
