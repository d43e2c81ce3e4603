"""Fairness: a client flooding the pool delays another client's queries, never starves them.

Two clients on different loopback addresses (127.0.0.2 and 127.0.0.3): the first keeps a dozen
runaway queries queued (each stopped at the time limit, then sent again), then the second sends
four joins. First-come-first-served gives every freed worker to an older runaway waiter, and the
joins pass their deadline (all 503: checked by hand against a FIFO pool); with fair sharing a
freed worker goes to the waiting client holding the fewest, and the joins answer.
"""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


def client_at(url: str, address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=url, timeout=60, transport=transport)


def test_a_flooding_client_does_not_starve_another(make_server: Any) -> None:
    running = make_server(workers=2, query_timeout=3.0)
    stop = threading.Event()
    statuses: list[int] = []

    def flood() -> None:  # re-queues at once: there is always an older waiter of its own
        with client_at(running.url, "127.0.0.2") as http:
            while not stop.is_set():
                response = http.get("/sparql", params={"query": SLOW})
                statuses.append(response.status_code)

    flooders = [threading.Thread(target=flood) for _ in range(12)]
    for thread in flooders:
        thread.start()
    answers = []
    with client_at(running.url, "127.0.0.3") as http:
        for _ in range(100):  # until the flood holds both workers and queues the rest
            if http.get("/health").json()["workers"]["waiting"] >= 8:
                break
            threading.Event().wait(0.05)
        for _ in range(4):
            answers.append(http.get("/sparql", params={"query": JOIN}).status_code)
    stop.set()
    for thread in flooders:
        thread.join()
    # A join waits at most for one runaway to be stopped and its worker restarted, which on a
    # loaded machine can exceed the join's own limit now and then: most, not all, must answer.
    assert answers.count(200) >= 2, answers
    assert set(statuses) <= {503, 504}


def test_a_client_past_its_cap_gets_429_and_others_do_not(make_server: Any) -> None:
    running = make_server(workers=1, query_timeout=3.0, max_client_queries=2)
    start = threading.Barrier(4)
    statuses: list[httpx.Response] = []

    def send() -> None:  # four at once from one address: one runs, one queues, two refused
        with client_at(running.url, "127.0.0.2") as http:
            start.wait()
            statuses.append(http.get("/sparql", params={"query": SLOW, "timeout": "2"}))

    senders = [threading.Thread(target=send) for _ in range(4)]
    for thread in senders:
        thread.start()
    with client_at(running.url, "127.0.0.3") as http:
        for _ in range(100):  # until the first client holds the worker and its queue
            if http.get("/health").json()["workers"]["waiting"] >= 1:
                break
            threading.Event().wait(0.05)
        other = http.get("/sparql", params={"query": JOIN})
    for thread in senders:
        thread.join()
    refused = [r for r in statuses if r.status_code == 429]
    assert len(refused) == 2, [r.status_code for r in statuses]
    assert all(r.headers["retry-after"] == "1" for r in refused)
    assert refused[0].json()["error"]["code"] == "too_many_requests"
    assert other.status_code != 429  # another client is counted on its own (answers or 503)


def test_the_cap_cannot_be_switched_off(tmp_path: Any) -> None:
    from unsckg.server.settings import MAX_CLIENT_QUERIES, ServerSettings

    assert ServerSettings(store_path=tmp_path).max_client_queries == 16
    for value in (0, -1, MAX_CLIENT_QUERIES + 1):
        with pytest.raises(ValueError, match="max_client_queries"):
            ServerSettings(store_path=tmp_path, max_client_queries=value)
