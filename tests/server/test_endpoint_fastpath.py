"""The HTTP short-cuts against a real server: inline queries (``unsckg.server.fastpath``)
and pooled queries answered from the protocol (``unsckg.server.pooled``).

The short-cuts may change what a request costs, never what it answers: each test compares a
request they take with the same request sent down the normal ASGI path (an ``Origin`` header
sends a request there; so does ``inline_budget=0``, which disables both short-cuts).
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.server.conftest import ID, UNSC, RunningServer, settings_for

POINT = f"SELECT ?p ?o WHERE {{ <{ID}vote/S-2020-240/BEL> ?p ?o }}"
JSON = "application/sparql-results+json"
# headers that differ between two answers to the same request for reasons of their own
VOLATILE = {"date"}


@pytest.fixture(scope="module")
def no_inline(store_path: Path) -> Iterator[RunningServer]:
    with RunningServer(settings_for(store_path, inline_budget=0)) as running:
        yield running


def _headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k not in VOLATILE}


def _answered(server: RunningServer) -> int:
    fast_path = getattr(server.app, "fast_path", None)
    assert fast_path is not None
    return int(fast_path.answered)


def _pooled(server: RunningServer) -> int:
    fast_path = getattr(server.app, "fast_path", None)
    assert fast_path is not None
    return int(fast_path.road.answered)


def _log_lines(server: RunningServer) -> list[dict[str, object]]:
    return [json.loads(line) for line in server.log.getvalue().splitlines() if line]


@pytest.mark.parametrize("accept", [JSON, "text/csv", "application/sparql-results+xml"])
def test_same_answer_as_the_normal_path(
    server: RunningServer, no_inline: RunningServer, accept: str
) -> None:
    before = _answered(server)
    with server.client() as fast, no_inline.client() as slow:
        a = fast.get("/sparql", params={"query": POINT}, headers={"Accept": accept})
        b = slow.get("/sparql", params={"query": POINT}, headers={"Accept": accept})
    assert _answered(server) == before + 1, "the short-cut did not answer"
    assert getattr(no_inline.app, "fast_path", None) is None
    assert a.status_code == b.status_code == 200
    assert a.content == b.content
    assert _headers(a) == _headers(b)
    assert a.headers["vary"] == "accept"
    assert "date" in a.headers and "server" in a.headers


def test_head_has_headers_and_no_body(server: RunningServer, no_inline: RunningServer) -> None:
    with server.client() as fast, no_inline.client() as slow:
        a = fast.head("/sparql", params={"query": POINT})
        b = slow.head("/sparql", params={"query": POINT})
    assert a.status_code == 200 and a.content == b""
    assert _headers(a) == _headers(b)


def test_origin_takes_the_cors_path(server: RunningServer) -> None:
    before = _answered(server)
    with server.client() as http:
        response = http.get(
            "/sparql", params={"query": POINT}, headers={"Origin": "https://example.org"}
        )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert _answered(server) == before


def test_errors_are_left_to_the_normal_path(server: RunningServer) -> None:
    with server.client() as http:
        malformed = http.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p "})
        unacceptable = http.get("/sparql", params={"query": POINT}, headers={"Accept": "image/png"})
    assert malformed.status_code == 400 and malformed.json()["error"]["code"]
    assert unacceptable.status_code == 406


def test_over_budget_goes_to_the_pool_once(store_path: Path) -> None:
    """A single-pattern query whose output passes the inline size still gets its whole
    answer (from a worker), and is not run inline a second time."""
    settings = settings_for(store_path, inline_result_bytes=64)
    with RunningServer(settings) as running, running.client() as http:
        response = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) > 60


def test_access_log_line(server: RunningServer) -> None:
    """The short-cut logs its requests like the ASGI layer does (the sink writes in
    batches, so the line may take half a second to appear)."""
    target = "/sparql?query=" + quote(POINT + " LIMIT 3", safe="")
    with server.client() as http:
        assert http.get(target).status_code == 200
    size = len(target.split("?", 1)[1])
    deadline = time.monotonic() + 5
    lines: list[dict[str, object]] = []
    while not lines and time.monotonic() < deadline:
        time.sleep(0.1)
        lines = [line for line in _log_lines(server) if line["query_bytes"] == size]
    assert lines, "no access-log line for the request"
    assert lines[-1]["status"] == 200 and lines[-1]["method"] == "GET"
    assert {"ts", "path", "bytes", "ms", "client"} <= set(lines[-1])


def _raw(port: int, payload: bytes) -> bytes:
    """Send ``payload`` and read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_pipelined_requests_and_connection_close(server: RunningServer) -> None:
    """Two pipelined requests on one connection, the second asking to close: two complete
    answers in order, then the server closes."""
    target = "/sparql?query=" + quote(POINT)
    request = f"GET {target} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
    payload = (request + "\r\n" + request + "Connection: close\r\n\r\n").encode()
    data = _raw(server.port, payload)
    assert data.count(b"HTTP/1.1 200 OK") == 2
    assert data.count(b"InFavour") == 2
    assert b"connection: close" in data.lower()


JOIN = "SELECT ?v ?o WHERE { ?v <https://example.org/never> ?x . ?x ?p ?o }"  # two patterns


VOTES = f"SELECT ?v ?value WHERE {{ ?v <{UNSC}voter> ?s ; <{UNSC}value> ?value }}"


@pytest.mark.parametrize(
    ("params", "pooled"),
    [
        ({"query": JOIN}, True),
        ({"query": VOTES}, True),
        ({"query": VOTES, "default-graph-uri": f"{ID}graph/none"}, True),
        ({"query": POINT, "named-graph-uri": f"{ID}graph/none"}, True),  # not for inline
        ({"query": JOIN, "format": "csv"}, True),
        ({"query": JOIN, "timeout": "1.5"}, True),
        ({"query": "SELECT * WHERE { ?s ?p }"}, True),  # malformed: the worker's 400
        ({"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "json"}, True),  # a 406
        ({"query": [JOIN, JOIN]}, False),  # given twice: 400 on both paths
        ({"query": JOIN, "timeout": "nan"}, False),  # an invalid parameter: 400
        ({"query": JOIN, "default-graph-uri": "not an IRI"}, False),
        ({"query": JOIN, "update": "CLEAR ALL"}, False),
    ],
)
def test_queries_it_declines_answer_as_on_the_normal_path(
    server: RunningServer, no_inline: RunningServer, params: dict[str, object], pooled: bool
) -> None:
    """The short-cut decodes the URL's parameters once; a query that is not for the inline
    runner is answered from the protocol by the pooled road, or, when its parameters are
    wrong, declined to the ASGI path; either way exactly as on a server without short-cuts
    (status, headers in order, body)."""
    before, road = _answered(server), _pooled(server)
    with server.client() as fast, no_inline.client() as slow:
        a = fast.get("/sparql", params=params)  # type: ignore[arg-type]
        b = slow.get("/sparql", params=params)  # type: ignore[arg-type]
    assert _answered(server) == before
    assert _pooled(server) == road + pooled
    assert a.status_code == b.status_code
    assert a.content == b.content
    assert _headers(a) == _headers(b)
    assert [k for k in a.headers if k not in VOLATILE] == [
        k for k in b.headers if k not in VOLATILE
    ]


def test_pooled_head_has_headers_and_no_body(
    server: RunningServer, no_inline: RunningServer
) -> None:
    with server.client() as fast, no_inline.client() as slow:
        a = fast.head("/sparql", params={"query": VOTES})
        b = slow.head("/sparql", params={"query": VOTES})
    assert a.status_code == b.status_code == 200 and a.content == b""
    assert int(a.headers["content-length"]) > 100
    assert _headers(a) == _headers(b)


def test_pooled_large_result_is_streamed_from_the_spool(store_path: Path) -> None:
    """A result over the inline size comes from the worker's spool file, whole."""
    settings = settings_for(store_path, inline_result_bytes=64, max_result_bytes=10_000_000)
    with RunningServer(settings) as running, running.client() as http:
        a = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        b = http.get(
            "/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Origin": "https://example.org"},  # the ASGI path
        )
        head = http.head("/sparql", params={"query": VOTES})
    assert _pooled(running) >= 2
    assert a.status_code == b.status_code == 200
    assert a.content == b.content and len(a.content) > 64
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) > 64


def test_pooled_requests_pipelined_with_inline_ones(server: RunningServer) -> None:
    """Pooled and inline requests pipelined on one connection are answered in order."""
    pooled = "/sparql?query=" + quote(VOTES + " LIMIT 2")
    inline = "/sparql?query=" + quote(POINT)
    requests = [pooled, inline, pooled, inline]
    payload = "".join(f"GET {t} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n" for t in requests)
    data = _raw(
        server.port, (payload + f"GET {inline} HTTP/1.1\r\nConnection: close\r\n\r\n").encode()
    )
    bodies = [part.split(b"\r\n\r\n", 1)[1] for part in data.split(b"HTTP/1.1 200 OK")[1:]]
    assert len(bodies) == 5
    assert [body.startswith(b"v,value") for body in bodies] == [True, False, True, False, False]


def test_pooled_errors_have_the_json_shape_and_headers(
    server: RunningServer, no_inline: RunningServer
) -> None:
    """An error the pool reports (here the time limit) is rendered as the ASGI path does."""
    slow_query = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    )
    params = {"query": slow_query, "timeout": "1"}
    road = _pooled(server)
    with server.client() as fast, no_inline.client() as slow:
        a = fast.get("/sparql", params=params)
        b = slow.get("/sparql", params=params)
    assert a.status_code == b.status_code == 504
    assert a.json()["error"]["code"] == b.json()["error"]["code"] == "query_timeout"
    assert _pooled(server) == road + 1
    assert _headers(a) == _headers(b)


def _response(sock: socket.socket) -> bytes:
    """One whole response (headers and a Content-Length body) from ``sock``."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += sock.recv(65536)
    return head


def test_keep_alive_timeout_after_fast_and_normal_answers(store_path: Path) -> None:
    """The short-cut's lazy keep-alive timer: a connection stays open while requests come
    (fast-path and ASGI answers alike) and is closed once idle for the keep-alive time."""
    running = RunningServer(settings_for(store_path))
    running.server.config.timeout_keep_alive = 1
    point = f"GET /sparql?query={quote(POINT)} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    health = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    with running, socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
        for payload in (point, health, point, point, health):
            sock.sendall(payload)
            assert _response(sock).startswith(b"HTTP/1.1 200")
            time.sleep(0.6)  # idle for less than the keep-alive time each time
        started = time.monotonic()
        assert sock.recv(1) == b"", "the idle connection was not closed"
        assert time.monotonic() - started < 3
