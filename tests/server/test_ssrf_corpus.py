"""The SSRF corpus: generated queries and updates that try to reach a local listener.

Each example hides a ``SERVICE`` (or, in an update, a ``LOAD``) among the lexical corners of
SPARQL where a text-level guard goes wrong: prefixed names with every character class the
grammar allows (``·``, combining marks, ``‿``, ``%xx``, ``\\#``-style escapes), comments,
short and long strings with escaped quotes, IRIs with odd characters, ``\\u`` escapes. The
target is the listener, by exact IRI or by a near miss of the allowed one (dot segments, a
longer path, a query string, another port, a prefixed name, a variable).

Two servers run: one with no allow-list (the default) and one allowing exactly
``http://127.0.0.1:PORT/sparql`` on the listener. The listener must then receive no request
at all from the first, and none but ``/sparql`` from the second; the second's workers have the
network, so only the parse guard stands between them and the listener.

Examples: ``UNSCKG_SSRF_EXAMPLES`` (default 150 per server, for CI; the issue's full run is
``UNSCKG_SSRF_EXAMPLES=5000``, several minutes).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("UNSCKG_SSRF_EXAMPLES", "150"))
EMPTY_RESULTS = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


class Listener:
    """A TCP listener on 127.0.0.1 that records the request line of every connection and
    answers an empty SPARQL result, so that an allowed ``SERVICE`` call succeeds."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.requests: list[str] = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    head = conn.recv(65536).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    head = "?"
                self.requests.append(head)
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/sparql-results+json\r\n"
                    + f"content-length: {len(EMPTY_RESULTS)}\r\nconnection: close\r\n\r\n".encode()
                    + EMPTY_RESULTS
                )

    def unexpected(self) -> list[str]:
        """Requests other than the allowed ``/sparql`` endpoint."""
        return [r for r in self.requests if r.split(" ")[1:2] != ["/sparql"]]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    running = Listener()
    yield running
    running.sock.close()


PN_CHARS = st.sampled_from(
    ["a", "Z", "_", "-", "0", "9", ".", "·", "\u0301", "\u203f", "é", "中", "%41", "\\#",
     "\\~", "\\'", '\\"', "\\&", "\\(", "\\)", "\\,", "\\;", "\\=", "\\/", "\\?", "\\!", "\\$",
     "\\*", "\\+", "\\@", "\\%", "\\_", "\\.", "\\-"]
)  # fmt: skip
PNAME = st.builds(
    lambda local: f"ex:a{''.join(local)}a", st.lists(PN_CHARS, min_size=0, max_size=5)
)
STRINGS = st.sampled_from(
    ['"a#b"', "'a#b'", '"\\"#"', "'\\'#'", '"""a"b\n#"""', "'''a'b\n}'''", '"}"', "'{'",
     '"\\u0023"', '"SERVICE <http://127.0.0.1:{port}/x> {}"', '"\\\\"']
)  # fmt: skip
COMMENTS = st.sampled_from(["# x\n", "#\n", "# SERVICE <x> {\n", "# ' \" <\n", "#}\n"])
IRIS = st.sampled_from(["<http://e/a#b>", "<urn:x'y>", "<http://e/a%20b>", "<a>", "<>"])
ESCAPES = st.sampled_from(["\\u0053", "\\U00000053", "\\u00b7", "\\u0023", "\\u003e"])
NOISE = st.one_of(PNAME, STRINGS, COMMENTS, IRIS, ESCAPES)
TARGETS = st.sampled_from(
    ["<http://127.0.0.1:{port}/x>", "<http://127.0.0.1:{port}/sparql/../x>",
     "<http://127.0.0.1:{port}/sparql/%2e%2e/x>", "<http://127.0.0.1:{port}/sparql/x>",
     "<http://127.0.0.1:{port}/sparql?x=1>", "<http://127.0.0.1:{port}/sparqlx>",
     "<http://127.0.0.1:{port}/>", "<http://localhost:{port}/x>", "<http://127.0.0.1:{port}>",
     "<HTTP://127.0.0.1:{port}/x>", "t:x", "?t", "<http://u@127.0.0.1:{port}/sparql>",
     "<http://127.0.0.1:{port}/sparql>"]
)  # fmt: skip
KEYWORDS = st.sampled_from(["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "\\u0053ERVICE"])


def query_text(noise: list[str], target: str, keyword: str, port: int) -> str:
    before, after = "".join(f" {n} " for n in noise[::2]), "".join(f" {n} " for n in noise[1::2])
    return (
        f"PREFIX ex: <http://e/> PREFIX t: <http://127.0.0.1:{port}/> SELECT * {{ "
        f"BIND({noise[0] if noise else 1} AS ?z) ?s ?p {before} . "
        f"{keyword} {target} {{ ?a ?b ?c }} {after} }}"
    ).replace("{port}", str(port))


def update_text(noise: list[str], target: str, port: int) -> str:
    around = "".join(f" {n} " for n in noise)
    return f"PREFIX ex: <http://e/> {around} LOAD SILENT {target} {around}".replace(
        "{port}", str(port)
    )


def attack(http: httpx.Client, text: str, update: bool) -> None:
    if update:
        bearer = {"Authorization": "Bearer t"}
        response = http.post("/update", data={"update": text}, headers=bearer)
    else:
        response = http.post("/sparql", data={"query": text})
    assert response.status_code < 500 or response.json()["error"]["code"] != "internal_error"


def run_corpus(running: Any, listener: Listener, allowing: bool) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        noise=st.lists(NOISE, max_size=6),
        target=TARGETS,
        keyword=KEYWORDS,
        update=st.booleans(),
    )
    def property_(noise: list[str], target: str, keyword: str, update: bool) -> None:
        text = (
            update_text(noise, target, listener.port)
            if update
            else query_text(noise, target, keyword, listener.port)
        )
        with running.client() as http:
            attack(http, text, update)
        if allowing:
            assert listener.unexpected() == [], text
        else:
            assert listener.requests == [], text

    property_()


def test_no_allow_list_no_connection(
    make_server: Any, listener: Listener, writable_store: Any
) -> None:
    running = make_server(store=writable_store, update_token="t")
    before = list(listener.requests)
    listener.requests.clear()
    try:
        run_corpus(running, listener, allowing=False)
    finally:
        listener.requests[:0] = before


def test_allow_list_admits_exactly_its_endpoint(
    make_server: Any, listener: Listener, writable_store: Any
) -> None:
    allowed = f"http://127.0.0.1:{listener.port}/sparql"
    running = make_server(store=writable_store, update_token="t", service_allowlist=(allowed,))
    run_corpus(running, listener, allowing=True)
    with running.client() as http:  # the allowed endpoint itself is still reachable
        ok = http.post("/sparql", data={"query": f"SELECT * {{ SERVICE <{allowed}> {{}} }}"})
    assert ok.status_code == 200, ok.text
    assert any(r.split(" ")[1:2] == ["/sparql"] for r in listener.requests)
