"""``unsckg link wikidata`` against a local server replaying Wikidata's SPARQL answers.

The server (127.0.0.1, a free port) answers each query with the recorded response of its kind
(``tests/data/wikidata``: P3069 -> resolutions, P39 -> people, else organisations), records the
requests' headers, can answer ``429`` first, and has a slow path for the timeout.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from unsckg.graph.cli import main
from unsckg.graph.link import link_report
from unsckg.graph.store import Store
from unsckg.graph.wikidata import (
    Client,
    Links,
    WikidataError,
    apply,
    fetch,
    links_graph,
    mapping_path,
)
from unsckg.ontology.iris import DEFAULT

DATA = Path(__file__).resolve().parents[1] / "data"
REPLAY = DATA / "wikidata"
SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"


class Replay(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []
    busy_first = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        query = urllib.parse.parse_qs(body)["query"][0]
        Replay.requests.append({"user-agent": self.headers["User-Agent"], "query": query})
        if self.path == "/slow":
            time.sleep(2)
        if Replay.busy_first:
            Replay.busy_first -= 1
            self.send_response(429)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        name = (
            "resolutions" if "P3069" in query else "people" if "P39" in query else "organizations"
        )
        payload = (REPLAY / f"{name}.srj").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples (people with posts and dates) and the 8701st meeting's record."""
    from unsckg.graph.build import build

    folder = tmp_path_factory.mktemp("wikidata")
    documents = folder / "documents"
    shutil.copytree(SAMPLES, documents)
    shutil.copy(DATA / "real-en-records" / "S-PV-8701.en.pdf", documents)
    shutil.copytree(DATA / "voting-data" / "documents", documents / "resolutions")
    with Store(folder / "store") as store:
        build(store, [documents])
    return folder / "store"


def _client(endpoint: str, **options: float) -> Client:
    return Client(endpoint, min_interval=0.0, **options)  # type: ignore[arg-type]


def test_matches_by_symbol_label_post_and_date(store_dir: Path, endpoint: str) -> None:
    with Store(store_dir, read_only=True) as store:
        links = fetch(store, _client(endpoint))
    ours = "https://w3id.org/unsc-kg/id/"
    assert links.resolutions[ours + "resolution/2505"] == "Q900000101"  # "S/RES/2505 (2020)"
    assert links.resolutions[ours + "resolution/893"] == "Q900000102"
    assert links.people[ours + "person/张军"] == "Q900000201"  # the other 张军 is a procurator
    assert links.people[ours + "person/瓦西里·涅边贾"] == "Q900000203"
    assert ours + "person/凯莉·克拉夫特" not in links.people  # another post's name
    assert ours + "person/卡雷尔·范奥斯特罗姆" not in links.people  # post over by then
    assert links.organizations[ours + "organization/NATO"] == "Q7184"
    assert any(a.startswith("person " + ours + "person/邓庭贵") for a in links.ambiguous)
    assert any(ours + "organization/UN:" in a and "Q1065" in a for a in links.ambiguous)
    assert ours + "organization/UN" not in links.organizations


def test_client_sends_a_user_agent_and_waits_on_429(endpoint: str) -> None:
    waits: list[float] = []
    Replay.requests.clear()
    Replay.busy_first = 1
    client = Client(endpoint, min_interval=0.0, sleep=waits.append)
    rows = client.select("SELECT ?item ?symbol WHERE { ?item wdt:P3069 ?symbol }")
    assert len(rows) == 2 and waits == [0.0] and len(Replay.requests) == 2
    assert Replay.requests[0]["user-agent"].startswith("unsc-kg/")


def test_client_times_out_and_paces(endpoint: str) -> None:
    slow = Client(endpoint.replace("/sparql", "/slow"), timeout=0.3, min_interval=0.0)
    with pytest.raises(WikidataError, match="timed out"):
        slow.select("SELECT * WHERE { ?s ?p ?o }")
    waits: list[float] = []
    paced = Client(endpoint, min_interval=5.0, sleep=waits.append)
    paced.select("SELECT ?item ?symbol WHERE { ?item wdt:P3069 ?symbol }")
    paced.select("SELECT ?item ?symbol WHERE { ?item wdt:P3069 ?symbol }")
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0
    with pytest.raises(WikidataError, match="not an HTTP endpoint"):
        Client("file:///etc/passwd")


def test_cli_saves_the_mapping_and_the_next_build_uses_it(
    store_dir: Path, endpoint: str, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    result = CliRunner().invoke(
        main, ["link", "wikidata", "--store", str(store), "--endpoint", endpoint]
    )
    assert result.exit_code == 0, result.output
    assert "ambiguous: organization" in result.stderr
    with Store(store) as opened:
        saved = json.loads(mapping_path(opened).read_text(encoding="utf-8"))
        assert saved["format"] == 1 and saved["retrieved"] and saved["endpoint"] == endpoint
        opened.remove_graph(links_graph(DEFAULT))
    # the next build, with no server at all, applies the saved file
    rebuilt = CliRunner().invoke(
        main, ["build", str(DATA / "voting-data" / "documents"), "--store", str(store), "-q"]
    )
    assert rebuilt.exit_code == 0, rebuilt.output
    with Store(store, read_only=True) as opened:
        counts = {(c.cls, c.target): c for c in link_report(opened)}
    resolutions = counts["Resolution", "Wikidata"]
    assert (resolutions.linked, counts["Organization", "Wikidata"].linked) >= (2, 1)
    assert counts["Resolution", "UN Library"].unlinked == 0


def test_apply_writes_its_own_graph(tmp_path: Path) -> None:
    links = Links(retrieved="2026-12-07", endpoint="http://127.0.0.1/sparql")
    links.resolutions["https://w3id.org/unsc-kg/id/resolution/2505"] = "Q900000101"
    with Store(tmp_path / "s") as store:
        assert apply(store, DEFAULT, links) == 1
        assert apply(store, DEFAULT, links) == 1  # replaced, not doubled
        rows = store.select_values(
            "SELECT ?o WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o }"
        )
    assert rows == [{"o": "http://www.wikidata.org/entity/Q900000101"}]
