"""Every bad parameter is a 400 in the JSON shape, and none leaves the pool short.

The issue's case: with the workers busy, ``timeout=nan`` once queued a waiter that never
expired and was later handed a worker, so the pool lost a worker per request for good.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest

JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
POINT = "SELECT ?p ?o WHERE { <urn:none> ?p ?o }"

BAD: list[dict[str, str]] = [
    {"timeout": "nan"},
    {"timeout": "NaN"},
    {"timeout": "-nan"},
    {"timeout": "inf"},
    {"timeout": "-inf"},
    {"timeout": "Infinity"},
    {"timeout": "-1"},
    {"timeout": "0"},
    {"timeout": "-0"},
    {"timeout": "1e308"},
    {"timeout": "1e999"},
    {"timeout": "3601"},
    {"timeout": "abc"},
    {"timeout": ""},
    {"timeout": "1" * 1000},
    {"timeout": "0x10"},
    {"timeout": "1.192092896e-07"},  # below the floor: once a 504 for a malformed query
    {"timeout": "0.5"},
    {"format": "no-such-format"},
    {"format": "x" * 5000},
    {"default-graph-uri": "not an iri"},
    {"named-graph-uri": "<urn:x>"},
    {"default-graph-uri": "urn:" + "x" * 5000},
]


def bad_requests() -> list[dict[str, str]]:
    return [{"query": q, **bad} for bad in BAD for q in (JOIN, POINT)]


def test_every_bad_parameter_is_a_400(client: httpx.Client) -> None:
    # with no query too (the service description), but for an unknown format's name, which
    # only a query's results are negotiated by
    described = [bad for bad in BAD if bad != {"format": "no-such-format"}]
    for params in [*bad_requests(), *described]:
        for response in (
            client.get("/sparql", params=params),
            client.post("/sparql", data=params),
        ):
            assert response.status_code == 400, (params, response.text)
            assert response.json()["error"]["code"] == "bad_request", params


def test_too_many_graphs_is_a_400(client: httpx.Client) -> None:
    graphs = [("default-graph-uri", f"urn:g{i}") for i in range(100)]
    response = client.get("/sparql", params=[("query", JOIN), *graphs])
    assert response.status_code == 400


def accounting(http: httpx.Client) -> dict[str, int]:
    workers: dict[str, int] = http.get("/health").json()["workers"]
    return workers


def test_no_failure_leaves_the_pool_short(make_server: Any) -> None:
    running = make_server(query_timeout=2.0)
    with running.client() as http:
        size, limit = accounting(http)["size"], accounting(http)["limit"]
        busy = [
            threading.Thread(target=http.get, args=("/sparql",), kwargs={"params": {"query": SLOW}})
            for _ in range(size)
        ]
        for thread in busy:  # every worker taken, so bad requests would have to wait
            thread.start()
        for params in bad_requests():
            assert http.get("/sparql", params=params).status_code == 400
        # Failures of other kinds while the pool is busy: time-outs, disconnects, overload.
        with pytest.raises(httpx.ReadTimeout):
            http.get("/sparql", params={"query": SLOW}, timeout=0.2)
        http.get("/sparql", params={"query": SLOW, "timeout": "1"})
        http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
        for thread in busy:
            thread.join()
        for _ in range(400):
            state = accounting(http)
            if state["idle"] == state["live"] == size and state["waiting"] == 0:
                break
            time.sleep(0.05)
        expected = {"size": size, "idle": size, "live": size, "waiting": 0}
        assert state == {**expected, "running": 0, "limit": limit}
        # Every worker answers: as many joins at once as there are workers, all 200.
        answers: list[int] = []
        joins = [
            threading.Thread(
                target=lambda: answers.append(
                    http.get("/sparql", params={"query": JOIN}).status_code
                )
            )
            for _ in range(size * 2)
        ]
        for thread in joins:
            thread.start()
        for thread in joins:
            thread.join()
        assert answers == [200] * (size * 2)
