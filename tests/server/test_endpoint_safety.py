"""Safety: time limit, disconnects, result size, no network (SSRF), updates, access log."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server.conftest import RUNAWAY, eventually

UNSC = "https://w3id.org/unsc-kg/ontology#"
ASK = "ASK { ?s ?p ?o }"


def health(client: httpx.Client) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/health").json()
    return data


def test_runaway_query_is_stopped_and_the_next_answered(client: httpx.Client) -> None:
    before = health(client)["stopped_queries"]["timeout"]
    response = client.get("/sparql", params={"query": RUNAWAY})
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "query_timeout"
    assert client.get("/sparql", params={"query": ASK}).json()["boolean"] is True
    assert health(client)["stopped_queries"]["timeout"] == before + 1
    eventually(lambda: health(client)["workers"]["idle"] == 2, "the killed worker replaced")


def test_shorter_timeout_parameter(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": RUNAWAY, "timeout": "1"}
    )  # under the 2 s limit
    assert response.status_code == 504


def test_disconnected_client_stops_its_query(server: Any, client: httpx.Client) -> None:
    before = health(client)["stopped_queries"]["disconnect"]
    body = f"query={RUNAWAY}".replace(" ", "+").encode()
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(request)
        eventually(lambda: health(client)["workers"]["idle"] < 2, "the query started")
    eventually(
        lambda: health(client)["stopped_queries"]["disconnect"] == before + 1,
        "the worker of the disconnected client killed",
    )


def test_result_size_limit(client: httpx.Client) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 507
    assert response.json()["error"]["code"] == "result_too_large"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anything connected to it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)
        yield sock


def nothing_connected(sock: socket.socket) -> bool:
    try:
        sock.accept()[0].close()
    except BlockingIOError:
        return True
    return False


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "select * where {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "PREFIX e: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE e: {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE <http://169.254.169.254/latest/meta-data/> {{ ?s ?p ?o }} }}",
    ],
)
def test_service_never_reaches_the_network(
    client: httpx.Client, listener: socket.socket, query: str
) -> None:
    text = query.format(port=listener.getsockname()[1])
    response = client.get("/sparql", params={"query": text})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "network_access_refused"
    assert nothing_connected(listener)


def test_allow_listed_service_is_federated(make_server: Any, server: Any) -> None:
    allowed = f"{server.url}/sparql"
    federating = make_server(service_allowlist=(allowed,))
    query = f"SELECT ?s WHERE {{ SERVICE <{allowed}> {{ ?s a <{UNSC}MemberState> }} }} ORDER BY ?s"
    with federating.client() as http:
        rows = http.get("/sparql", params={"query": query}).json()["results"]["bindings"]
        assert [r["s"]["value"].rsplit("/", 1)[1] for r in rows] == ["BEL", "CHN"]
        other = query.replace(allowed, f"{server.url}/elsewhere")
        assert http.get("/sparql", params={"query": other}).status_code == 403


def test_updates_refused_without_a_configured_token(client: httpx.Client) -> None:
    update = {"update": "CLEAR ALL"}
    assert client.post("/update", data=update).status_code == 403
    bearer = {"Authorization": "Bearer anything"}
    assert client.post("/update", data=update, headers=bearer).status_code == 403
    assert client.get("/sparql", params={"query": ASK}).json()["boolean"] is True


def test_updates_need_the_bearer_token(make_server: Any, writable_store: Path) -> None:
    running = make_server(store=writable_store, update_token="s3cret")
    insert = f'INSERT DATA {{ <urn:new> <{UNSC}symbol> "S/2099/1" }}'
    check = {"query": f"ASK {{ <urn:new> <{UNSC}symbol> ?o }}"}
    with running.client() as http:
        assert http.post("/update", data={"update": insert}).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert http.post("/update", data={"update": insert}, headers=wrong).status_code == 401
        assert http.get("/sparql", params=check).json()["boolean"] is False
        right = {"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"}
        assert http.post("/update", content=insert.encode(), headers=right).status_code == 204
        assert http.get("/sparql", params=check).json()["boolean"] is True
        description = http.get("/sparql").text
        assert "SPARQL11Update" in description


def test_load_is_refused_even_with_the_token(
    make_server: Any, writable_store: Path, listener: socket.socket
) -> None:
    running = make_server(store=writable_store, update_token="s3cret")
    port = listener.getsockname()[1]
    load = {"update": f"LOAD <http://127.0.0.1:{port}/data.ttl>"}
    with running.client() as http:
        response = http.post("/update", data=load, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 403
    assert nothing_connected(listener)


def test_structured_access_log(server: Any, client: httpx.Client) -> None:
    client.get("/sparql", params={"query": ASK}, headers={"X-Marker": "1"})

    def logged() -> bool:
        return any(
            json.loads(line)["path"] == "/sparql" for line in server.log.getvalue().splitlines()
        )

    eventually(logged, "an access log line")
    record = json.loads(server.log.getvalue().splitlines()[-1])
    assert set(record) == {"ts", "method", "path", "query_bytes", "status", "bytes", "ms", "client"}
    assert "ASK" not in server.log.getvalue()
