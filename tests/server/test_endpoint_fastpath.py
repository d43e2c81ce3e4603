"""The HTTP short-cut for inline queries (``unsckg.server.fastpath``) against a real server.

The short-cut may change what a request costs, never what it answers: each test compares a
request it takes with the same request sent down the normal ASGI path (an ``Origin`` header
sends a request there; so does ``inline_budget=0``, which disables inline answers).
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

from tests.server.conftest import ID, RunningServer, settings_for

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


@pytest.mark.parametrize(
    "params",
    [
        {"query": JOIN},
        {"query": JOIN, "default-graph-uri": f"{ID}graph/none"},
        {"query": JOIN, "format": "csv"},
        {"query": [JOIN, JOIN]},  # given twice: 400 on both paths
        {"query": "SELECT * WHERE { ?s ?p }"},  # malformed: 400 with the parser's message
    ],
)
def test_queries_it_declines_answer_as_on_the_normal_path(
    server: RunningServer, no_inline: RunningServer, params: dict[str, object]
) -> None:
    """The short-cut decodes the URL's parameters once and hands them on; what it declines
    (not a single pattern, a repeated parameter, a syntax error) is answered exactly as on a
    server without it."""
    before = _answered(server)
    with server.client() as fast, no_inline.client() as slow:
        a = fast.get("/sparql", params=params)  # type: ignore[arg-type]
        b = slow.get("/sparql", params=params)  # type: ignore[arg-type]
    assert _answered(server) == before
    assert a.status_code == b.status_code
    assert a.content == b.content
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
