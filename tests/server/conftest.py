"""The endpoint tests' fixtures: an on-disk Oxigraph store, real uvicorn servers on 127.0.0.1.

The fixture store is written from ``FIXTURE`` (N-Quads): two document graphs, a reference
graph, and the default graph kept as their merge, as ``unsckg build`` keeps it. Servers run in
a thread of the test process (uvicorn's ``Server``), each with its own worker processes.
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from unsckg.server.app import create_app
from unsckg.server.serve import uvicorn_config
from unsckg.server.settings import ServerSettings

ID = "https://w3id.org/unsc-kg/id/"
UNSC = "https://w3id.org/unsc-kg/ontology#"
G1 = f"{ID}document/S-2020-240"
G2 = f"{ID}document/S-2021-284"
STATES = "https://w3id.org/unsc-kg/graph/states"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

FIXTURE = f"""
<{ID}state/CHN> <{TYPE}> <{UNSC}MemberState> <{STATES}> .
<{ID}state/CHN> <{LABEL}> "中国"@zh <{STATES}> .
<{ID}state/CHN> <{LABEL}> "China"@en <{STATES}> .
<{ID}state/BEL> <{TYPE}> <{UNSC}MemberState> <{STATES}> .
<{ID}state/BEL> <{LABEL}> "比利时"@zh <{STATES}> .
<{G1}> <{TYPE}> <{UNSC}DraftResolution> <{G1}> .
<{G1}> <{UNSC}symbol> "S/2020/240" <{G1}> .
<{ID}vote/S-2020-240/BEL> <{TYPE}> <{UNSC}Vote> <{G1}> .
<{ID}vote/S-2020-240/BEL> <{UNSC}voter> <{ID}state/BEL> <{G1}> .
<{ID}vote/S-2020-240/BEL> <{UNSC}draft> <{G1}> <{G1}> .
<{ID}vote/S-2020-240/BEL> <{UNSC}value> <{UNSC}InFavour> <{G1}> .
<{ID}vote/S-2020-240/BEL> <http://www.w3.org/ns/prov#wasDerivedFrom> <{G1}> <{G1}> .
<{ID}vote/S-2020-240/BEL> <{UNSC}evidence> _:ev1 <{G1}> .
_:ev1 <{UNSC}quote> "比利时投了赞成票" <{G1}> .
<{G2}> <{TYPE}> <{UNSC}Document> <{G2}> .
<{G2}> <{UNSC}symbol> "S/2021/284" <{G2}> .
<{G2}> <{UNSC}authorState> <{ID}state/CHN> <{G2}> .
"""
FILLER = 60  # extra triples: a four-way cartesian product over ~80 triples never ends
# A query only the time limit ends: a five-way cartesian product over the fixture.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def eventually(check: Callable[[], bool], what: str, attempts: int = 200) -> None:
    """Poll ``check`` every 50 ms (no timing asserted: only that it becomes true)."""
    for _ in range(attempts):
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def fixture_quads() -> list[ox.Quad]:
    quads = list(ox.parse(FIXTURE, ox.RdfFormat.N_QUADS))
    filler = ox.NamedNode(f"{ID}document/filler")
    for i in range(FILLER):
        subject = ox.NamedNode(f"{ID}thing/{i}")
        quads.append(ox.Quad(subject, ox.NamedNode(f"{UNSC}rank"), ox.Literal(str(i)), filler))
    merged = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    return quads + merged


def write_store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.extend(fixture_quads())
    store.flush()
    del store
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RunningServer:
    """A uvicorn server in a thread; ``url`` is its base address, ``log`` its access log."""

    def __init__(self, settings: ServerSettings) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = io.StringIO()
        self.app = app = create_app(settings, access_stream=self.log)
        config = uvicorn_config(app, host="127.0.0.1", port=self.port)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def base_settings(store: Path) -> ServerSettings:
    return ServerSettings(
        store_path=store,
        workers=2,
        query_timeout=2.0,
        max_result_bytes=200_000,
        max_request_bytes=16_384,
        inline_result_bytes=2_048,
    )


def settings_for(store: Path, **changes: object) -> ServerSettings:
    return replace(base_settings(store), **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("store") / "kg")


@pytest.fixture(scope="session")
def server(store_path: Path) -> Iterator[RunningServer]:
    with RunningServer(base_settings(store_path)) as running:
        yield running


@pytest.fixture
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with server.client() as http:
        yield http


@pytest.fixture
def writable_store(tmp_path: Path) -> Path:
    """A private copy of the fixture store, for tests that change it."""
    return write_store(tmp_path / "kg")


ServerFactory = Callable[..., RunningServer]


@pytest.fixture
def make_server(store_path: Path) -> Iterator[ServerFactory]:
    """Start servers with changed settings (``store=`` another store); stopped after the test."""
    running: list[RunningServer] = []

    def start(store: Path | None = None, **changes: object) -> RunningServer:
        server = RunningServer(settings_for(store or store_path, **changes)).__enter__()
        running.append(server)
        return server

    yield start
    for server in running:
        server.__exit__()
