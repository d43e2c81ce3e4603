"""Admission: no more queries evaluate at once than the running limit, a runaway stops
counting after ``stall_after`` seconds (a waiting query then takes the spare worker), and a
killed worker gives its slot back. Real servers over the fixture store, as elsewhere; the
runaway is the fixture's cartesian product, which only the time limit ends.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from functools import partial
from typing import Any

import httpx

from tests.server.conftest import RUNAWAY
from tests.server.conftest import eventually as shared_eventually

JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # pooled, not inline


# as long again as elsewhere: a runaway and three waiting queries keep the machine busy
eventually = partial(shared_eventually, attempts=400)


def pool_state(http: httpx.Client) -> dict[str, int]:
    state: dict[str, int] = http.get("/health").json()["workers"]
    return state


def in_background(url: str, query: str, timeout: str, out: list[int]) -> threading.Thread:
    """Send ``query`` from another thread (its own connection); its status lands in ``out``."""

    def send() -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            response = http.get("/sparql", params={"query": query, "timeout": timeout})
            out.append(response.status_code)

    thread = threading.Thread(target=send)
    thread.start()
    return thread


def test_a_runaway_delays_another_query_only_until_it_stalls(make_server: Any) -> None:
    running = make_server(workers=2, running=1, stall_after=0.3, query_timeout=30.0)
    statuses: list[int] = []
    with running.client() as http:
        runaway = in_background(running.url, RUNAWAY, "20", statuses)
        eventually(lambda: pool_state(http)["idle"] == 1, "the runaway started")
        # The join waits at most until the runaway has run 0.3 s, then takes the spare: it
        # is answered while the runaway still runs (which only its 20 s limit ends).
        answer = http.get("/sparql", params={"query": JOIN, "timeout": "10"})
        assert answer.status_code == 200
        assert runaway.is_alive() and not statuses
        state = pool_state(http)
        assert state["running"] == 0 and state["idle"] == 1  # stalled: it no longer counts
        assert http.get("/health").json()["stalled_queries"] >= 1
        runaway.join()
    assert statuses == [504]


def test_no_more_queries_evaluate_than_the_limit(make_server: Any) -> None:
    # No stall within the test: the limit alone decides, with two workers to spare.
    running = make_server(workers=3, running=1, stall_after=25.0, query_timeout=30.0)
    statuses: list[int] = []
    with running.client() as http:
        senders = [in_background(running.url, RUNAWAY, "4", statuses) for _ in range(4)]
        eventually(lambda: pool_state(http)["waiting"] == 3, "three queries waiting")
        for _ in range(20):  # many waiting, two workers idle: still one at a time
            state = pool_state(http)
            assert state["live"] - state["idle"] <= 1 and state["running"] <= 1, state
            time.sleep(0.05)
        # A query that would take a spare worker waits too, and passes its deadline.
        refused = http.get("/sparql", params={"query": JOIN, "timeout": "1"})
        assert refused.status_code == 503
        for thread in senders:
            thread.join()
    # Each ran to its limit (504) or waited past its deadline (503): none beside another.
    assert len(statuses) == 4 and set(statuses) <= {503, 504} and 503 in statuses


def test_a_killed_worker_gives_its_slot_back(make_server: Any) -> None:
    running = make_server(workers=2, running=1, stall_after=25.0, query_timeout=30.0)
    statuses: list[int] = []
    with running.client() as http:
        runaway = in_background(running.url, RUNAWAY, "20", statuses)
        eventually(lambda: pool_state(http)["running"] == 1, "the runaway started")
        pool = running.app.state.backend.pool
        busy = [w for w in list(pool._all) if w not in pool._idle]
        assert len(busy) == 1
        os.kill(busy[0].proc.pid, signal.SIGKILL)
        runaway.join()
        assert statuses == [500]
        eventually(lambda: pool_state(http)["running"] == 0, "the slot given back")
        # With the slot leaked, the limit of one would keep every join waiting past its
        # deadline (no stall within 25 s); given back, both run, one after the other.
        for _ in range(2):
            assert http.get("/sparql", params={"query": JOIN, "timeout": "10"}).status_code == 200
        eventually(lambda: pool_state(http)["idle"] == 2, "the killed worker replaced")


def switches(pid: int) -> int:
    """Context switches a worker process has made so far, all its threads together: it
    blocks on its socket once per request, so one that ran no query makes (almost) none."""
    total = 0
    for task in os.scandir(f"/proc/{pid}/task"):
        with open(f"{task.path}/status") as status:
            for line in status:
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
    return total


def test_waiting_queries_take_the_warm_worker_not_the_spare(make_server: Any) -> None:
    # One query at a time, a spare beside it, no stall: whenever a query ends, a query is
    # waiting, and it must get the worker that just ran (warm caches), never the spare.
    running = make_server(workers=2, running=1, stall_after=25.0, query_timeout=30.0)
    statuses: list[int] = []
    with running.client() as http:
        assert http.get("/sparql", params={"query": JOIN}).status_code == 200  # one warm
        pool = running.app.state.backend.pool
        workers = [worker.proc.pid for worker in list(pool._all)]
        before = {pid: switches(pid) for pid in workers}

        def client() -> None:
            for _ in range(10):
                in_background(running.url, JOIN, "10", statuses).join()

        clients = [threading.Thread(target=client) for _ in range(4)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        used = sorted(switches(pid) - before[pid] for pid in workers)
    assert statuses == [200] * 40
    # The warm worker blocked at least once per query; the spare (almost) never woke.
    assert used[1] >= 40 and used[0] <= 3, used
