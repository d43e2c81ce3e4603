"""Federated queries: an allowed SERVICE endpoint that works, and ones that fail on the network.

Every remote endpoint here is a real listener on 127.0.0.1: a second endpoint of ours over a
small store standing in for Wikidata (its triples are written below, in Wikidata's shape: the
items are the real ones for China, Belgium and Germany and their capitals), a port that refuses
connections, a listener that accepts and closes at once, and one that accepts and never
answers. A failing endpoint answers 502 with a one-line reason naming it, never 500, and the
pool is whole afterwards.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from tests.server.conftest import ID, UNSC

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "queries"
WIKIDATA = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
STAND_IN = f"""
<{WD}Q148> <{WDT}P31> <{WD}Q3624078> ; <{WDT}P36> <{WD}Q956> .
<{WD}Q956> <{LABEL}> "Beijing"@en , "北京"@zh .
<{WD}Q31> <{WDT}P31> <{WD}Q3624078> ; <{WDT}P36> <{WD}Q239> .
<{WD}Q239> <{LABEL}> "City of Brussels"@en .
<{WD}Q183> <{WDT}P31> <{WD}Q3624078> ; <{WDT}P36> <{WD}Q64> .
<{WD}Q64> <{LABEL}> "Berlin"@en .
"""
OUR_LINKS = {"CHN": "Q148", "BEL": "Q31"}  # Germany is Wikidata's only: the join drops it


def stand_in_store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(STAND_IN, ox.RdfFormat.TURTLE)
    )
    store.flush()
    del store
    return path


def add_links(path: Path) -> None:
    """Our side: the fixture's states with their ISO codes and Wikidata links, in the default
    graph (the merge), as ``unsckg build`` writes them."""
    store = ox.Store(str(path))
    for iso3, item in OUR_LINKS.items():
        state = ox.NamedNode(f"{ID}state/{iso3}")
        store.add(ox.Quad(state, ox.NamedNode(f"{UNSC}iso3"), ox.Literal(iso3)))
        sameas = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
        store.add(ox.Quad(state, sameas, ox.NamedNode(f"{WD}{item}")))
    store.flush()
    del store


def test_the_federated_wikidata_example_joins_on_our_links(
    make_server: Any, writable_store: Path, tmp_path: Path
) -> None:
    wikidata = make_server(store=stand_in_store(tmp_path / "wikidata"))
    add_links(writable_store)
    stand_in = f"{wikidata.url}/sparql"
    # the first check of a SERVICE query imports rdflib in the worker: seconds on a busy machine
    ours = make_server(store=writable_store, service_allowlist=(stand_in,), query_timeout=20.0)
    text = (EXAMPLES / "federated-wikidata-capitals.rq").read_text(encoding="utf-8")
    assert f"SERVICE <{WIKIDATA}>" in text
    with ours.client() as http:
        response = http.post("/sparql", data={"query": text.replace(WIKIDATA, stand_in)})
        assert response.status_code == 200, response.text
        rows = response.json()["results"]["bindings"]
        got = [(r["iso3"]["value"], r["capitalLabel"]["value"]) for r in rows]
        assert got == [("BEL", "City of Brussels"), ("CHN", "Beijing")]
        refused = http.post("/sparql", data={"query": text})  # Wikidata itself: not allowed
        assert refused.status_code == 403


def refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again: connections are refused


@pytest.fixture
def closing_listener() -> Iterator[int]:
    """Accepts each connection, reads the request and closes without a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.settimeout(0.2)
        stop = threading.Event()

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = sock.accept()
                except TimeoutError:
                    continue
                with conn:
                    conn.settimeout(1.0)
                    with contextlib.suppress(OSError):
                        conn.recv(65536)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield int(sock.getsockname()[1])
        stop.set()
        thread.join(5)


@pytest.fixture
def silent_listener() -> Iterator[int]:
    """Accepts connections (the kernel completes them from the backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


def federated(port: int) -> tuple[str, str]:
    endpoint = f"http://127.0.0.1:{port}/sparql"
    return endpoint, f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"


def assert_bad_gateway(response: httpx.Response, fragment: str) -> None:
    assert response.status_code == 502, response.text
    error = response.json()["error"]
    assert error["code"] == "service_failed"
    assert fragment in error["message"] and "\n" not in error["message"]


def assert_pool_whole(http: httpx.Client) -> None:
    for _ in range(3):  # as many as the workers: each answers
        assert http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]
        point = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}state/CHN> ?p ?o . ?x ?y ?z }}"
        assert http.get("/sparql", params={"query": point}).status_code == 200


@pytest.mark.parametrize("kind", ["refused", "closing"])
def test_a_failing_service_answers_502_with_the_reason(
    make_server: Any, closing_listener: int, kind: str
) -> None:
    port = refused_port() if kind == "refused" else closing_listener
    endpoint, query = federated(port)
    running = make_server(service_allowlist=(endpoint,))
    with running.client() as http:
        response = http.get("/sparql", params={"query": query})
        assert_bad_gateway(response, f"<{endpoint}>")
        assert_pool_whole(http)


def test_a_silent_service_answers_502_at_the_time_limit(
    make_server: Any, silent_listener: int
) -> None:
    endpoint, query = federated(silent_listener)
    running = make_server(service_allowlist=(endpoint,), query_timeout=3.0)
    with running.client() as http:
        response = http.get("/sparql", params={"query": query})
        assert_bad_gateway(response, f"127.0.0.1:{silent_listener} did not answer")
        assert_pool_whole(http)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        assert http.get("/sparql", params={"query": slow}).status_code == 504  # no SERVICE
