"""Hostile query texts: the event loop stays free, deep nesting is a 400, no worker crashes.

No timing is asserted (the machine is shared): the point-query latencies measured while a
hostile query is in flight are printed (``pytest -s``); ``bench/bench_endpoint.py --hostile``
measures them properly.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

POINT = "SELECT ?p ?o WHERE { <urn:none> ?p ?o }"
HOSTILE_40K = "SELECT * FROM <x> { " + "a." * 20000 + " }"
HOSTILE_1M = "SELECT * FROM <x> { " + "a." * 520000 + " }"


@pytest.fixture
def roomy(make_server: Any) -> Any:
    """A server that accepts 2 MiB requests (the shared one stops at 16 KiB)."""
    return make_server(max_request_bytes=2 * 1024 * 1024, query_timeout=30.0)


@pytest.mark.parametrize("hostile", [HOSTILE_40K, HOSTILE_1M], ids=["40KB", "1MiB"])
def test_point_queries_answered_while_a_hostile_query_runs(roomy: Any, hostile: str) -> None:
    statuses: list[int] = []
    done = threading.Event()

    def attack() -> None:
        with roomy.client() as http:
            for _ in range(3):
                statuses.append(http.post("/sparql", data={"query": hostile}).status_code)
        done.set()

    latencies: list[float] = []
    with roomy.client() as http:
        http.get("/sparql", params={"query": POINT})  # connection warmed
        attacker = threading.Thread(target=attack)
        attacker.start()
        while not done.is_set() or len(latencies) < 5:
            start = time.perf_counter()
            assert http.get("/sparql", params={"query": POINT}).status_code == 200
            latencies.append(time.perf_counter() - start)
        attacker.join()
    assert statuses == [400, 400, 400]
    print(
        f"\n{len(hostile)} B hostile x3: {len(latencies)} point queries meanwhile, "
        f"max {max(latencies) * 1000:.1f} ms, median "
        f"{sorted(latencies)[len(latencies) // 2] * 1000:.1f} ms"
    )


DEEP = [
    "SELECT * WHERE " + "{" * 10000 + "?s ?p ?o" + "}" * 10000,
    "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 5000 + "}",
    "SELECT * WHERE { " + "SELECT * WHERE { " * 3000 + "?s ?p ?o" + " }" * 3000 + " }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20000 + "?o" + ")" * 20000 + ") }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o" + " + 1" * 50000 + ") }",
    "SELECT * WHERE { {?s ?p ?o}" + " UNION {?s ?p ?o}" * 20000 + "}",
    "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * 5000 + "}",
    "SELECT * WHERE { ?s ?p ?o " + "".join(f"BIND(1 AS ?v{i}) " for i in range(5000)) + "}",
]


def test_deep_nesting_is_a_400_and_no_worker_crashes(roomy: Any) -> None:
    with roomy.client() as http:
        for query in DEEP:
            response = http.post("/sparql", data={"query": query})
            assert response.status_code == 400, (query[:60], response.text[:200])
            assert response.json()["error"]["code"] == "query_too_complex"
        health = http.get("/health").json()
    assert health["stopped_queries"]["crash"] == 0
    assert health["workers"]["live"] == health["workers"]["size"]
