"""A build by another process while serving is seen by every path: the fast path, every
worker, and ``/health`` (see ``unsckg.server.watch``). No timing is asserted beyond a
generous bound on polling; the design figure is about 2 s plus a worker's start-up."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

POINT = "SELECT ?o WHERE { <urn:built> <urn:p> ?o }"  # single pattern: the fast path
POOLED = "SELECT (COUNT(*) AS ?n) WHERE { <urn:built> <urn:p> ?o . ?s ?q ?r }"  # a worker


def eventually(check: Callable[[], bool], what: str, seconds: float = 30.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"never happened: {what}")


def build_elsewhere(store: Path) -> None:
    """What ``unsckg build`` does to the folder: a read-write open, a write, a flush."""
    writer = ox.Store(str(store))
    node = ox.NamedNode
    writer.add(ox.Quad(node("urn:built"), node("urn:p"), ox.Literal("new"), ox.DefaultGraph()))
    writer.flush()
    del writer


def test_a_build_while_serving_is_seen_everywhere(make_server: Any, writable_store: Path) -> None:
    running = make_server(store=writable_store, workers=2)
    with running.client() as http:
        before = http.get("/health").json()
        assert http.get("/sparql", params={"query": POINT}).json()["results"]["bindings"] == []
        time.sleep(2.5)  # two polls: an idle server does not reopen by itself
        assert http.get("/health").json()["store_reopened"] == 0
        build_elsewhere(writable_store)

        def fast() -> bool:
            rows = http.get("/sparql", params={"query": POINT}).json()["results"]["bindings"]
            return rows == [{"o": {"type": "literal", "value": "new"}}]

        def pooled() -> bool:  # every worker: as many requests as workers, all see it
            counts = [
                http.get("/sparql", params={"query": POOLED}).json()["results"]["bindings"]
                for _ in range(4)
            ]
            return all(int(c[0]["n"]["value"]) > 0 for c in counts)

        def health() -> bool:
            store = http.get("/health").json()["store"]
            return store is not None and store["triples"] == before["store"]["triples"] + 1

        checks = ((fast, "the fast path"), (pooled, "the workers"), (health, "/health"))
        seen = [eventually(check, what) for check, what in checks]
        print(f"\nseen after {seen[0]:.1f} s (fast path), +{seen[1]:.1f} s, +{seen[2]:.1f} s")
        assert http.get("/health").json()["store_reopened"] == 1
