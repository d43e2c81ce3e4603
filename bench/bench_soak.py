"""Soak: well-behaved clients alone, then beside a hostile client, against one server.

Run: ``.venv/bin/python bench/bench_soak.py`` (about two and a half minutes: 32 clients, 60 s
per phase; ``--clients``, ``--seconds``, ``--rounds`` change that). It serves the synthetic
million-triple store of ``bench_endpoint.py`` (generated once into a temporary folder) with
``unsckg serve``'s default options and runs two phases back to back on the same server, in
alternating order over the rounds:

- *alone*: ``--clients`` keep-alive connections, each from its own loopback address (as
  distinct users are), loop over a mix of point queries (60%), HTML entity pages (20%),
  joins (10%) and GROUP BYs (10%), varied so that no cache helps;
- *hostile*: the same, while one more client (its own address) keeps two connections busy
  with what the issue's attacker sent: four-way cartesian products (stopped at the time limit)
  and deep nests (10k braces, 5k OPTIONALs, 3k sub-selects: refused as too complex).

Printed per phase: requests, statuses, median and p99 latency of the well-behaved clients,
and the hostile client's statuses; then the p99 ratio hostile/alone (target: under 10x) and
the count of 5xx answers to well-behaved clients (target: 0). The hostile client's 504 (its
query stopped at the time limit) and 503 (its own queue deadline) are the server refusing it,
counted apart. ``tests/server/test_soak.py`` runs the same loop, CI-sized, on the fixtures.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_endpoint as endpoint  # the store, the server, the connection

JSON = "application/sparql-results+json"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DEEP_NESTS = {
    "10k braces": "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000,
    "5k OPTIONALs": "SELECT * WHERE { ?s ?p ?o "
    + "OPTIONAL { ?s ?p ?o " * 5_000
    + "}" * 5_000
    + " }",
    "3k sub-selects": "SELECT * WHERE "
    + "{ SELECT * WHERE " * 3_000
    + "{ ?s ?p ?o }"
    + " }" * 3_000,
}


@dataclass
class Tally:
    """Answers of one group of clients: statuses, latencies (s), dropped connections."""

    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    dropped: int = 0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def percentile(self, fraction: float) -> float:
        """The latency (ms) below which ``fraction`` of the requests were answered."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000


def get(host: str, port: int, target: str, accept: str = JSON) -> bytes:
    return endpoint.build_request(host, port, target, accept)


def post(host: str, port: int, query: str) -> bytes:
    body = query.encode()
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: {JSON}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def hostile_requests(host: str, port: int) -> list[list[bytes]]:
    """The hostile client's two connections: cartesian products; deep nests in turn."""
    return [[post(host, port, CARTESIAN)], [post(host, port, q) for q in DEEP_NESTS.values()]]


async def _loop(
    host: str, port: int, local: str, payloads: Sequence[bytes], stop: float, tally: Tally
) -> None:
    """One keep-alive connection from ``local`` sending ``payloads`` in turn until ``stop``
    (an answer still awaited then is abandoned); a dropped connection is counted, reopened."""
    loop = asyncio.get_running_loop()
    index = random.randrange(len(payloads))
    while time.perf_counter() < stop:
        try:
            _, conn = await loop.create_connection(
                endpoint._Connection, host, port, local_addr=(local, 0)
            )
        except OSError:
            tally.dropped += 1
            await asyncio.sleep(0.1)
            continue
        try:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                request = conn.request(payloads[index % len(payloads)])
                status, _ = await asyncio.wait_for(request, max(0.01, stop - started))
                tally.latencies.append(time.perf_counter() - started)
                tally.statuses[status] += 1
                index += 1
        except TimeoutError:
            return
        except ConnectionError:
            tally.dropped += 1
        finally:
            if conn.transport is not None:
                conn.transport.close()


async def _phase(
    host: str,
    port: int,
    well: Sequence[bytes],
    hostile: Sequence[Sequence[bytes]],
    clients: int,
    seconds: float,
) -> tuple[Tally, Tally]:
    good, bad = Tally(), Tally()
    stop = time.perf_counter() + seconds
    tasks = [_loop(host, port, f"127.0.1.{1 + i % 250}", well, stop, good) for i in range(clients)]
    tasks += [_loop(host, port, "127.0.2.1", each, stop, bad) for each in hostile]
    await asyncio.gather(*tasks)
    return good, bad


def run_phase(
    host: str,
    port: int,
    well: Sequence[bytes],
    hostile: Sequence[Sequence[bytes]],
    clients: int,
    seconds: float,
) -> tuple[Tally, Tally]:
    """``clients`` well-behaved connections (and ``hostile`` ones, if any) for ``seconds``:
    the well-behaved clients' tally and the hostile client's. The loop runs in a thread of its
    own, so that a caller with an event loop of its own (a test session driving a browser) can
    run a phase too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        phase = pool.submit(asyncio.run, _phase(host, port, well, hostile, clients, seconds))
        return phase.result()


MIX = {"point": 120, "page": 40, "join": 20, "groupby": 20}  # of every 200 requests


def well_behaved_requests(host: str, port: int, drafts: int) -> list[bytes]:
    """The bench store's mix (``MIX``): mostly point queries and entity pages, a tenth each
    of joins and GROUP BYs (each some 100 ms to 1 s of evaluation here), shuffled."""
    rng = random.Random(3)
    payloads = []
    for kind in ("point", "join", "groupby"):
        targets = endpoint.query_targets(kind, drafts, rng)[: MIX[kind]]
        payloads += [get(host, port, t) for t in targets]
    for _ in range(MIX["page"]):
        index = rng.randrange(drafts)
        member = rng.choice(endpoint.PERMANENT)
        target = f"/id/vote/S-{1990 + index % 34}-{index:05d}/{member}"
        payloads.append(get(host, port, urllib.parse.quote(target), "text/html"))
    rng.shuffle(payloads)
    return payloads


def describe(name: str, good: Tally, bad: Tally, seconds: float) -> str:
    line = (
        f"{name:8}: {len(good.latencies):7d} requests ({len(good.latencies) / seconds:7.1f}/s),"
        f" statuses {dict(sorted(good.statuses.items()))}, median {good.percentile(0.5):7.2f}"
        f" ms, p99 {good.percentile(0.99):8.2f} ms, dropped {good.dropped}"
    )
    if bad.statuses or bad.dropped:
        line += f" | hostile: statuses {dict(sorted(bad.statuses.items()))}, dropped {bad.dropped}"
    return line


def soak(args: argparse.Namespace) -> int:
    store = Path(args.store)
    endpoint.generate_store(store, args.drafts)
    proc, port = endpoint.start_server(
        "unsckg", store, args.workers, args.http_processes, timeout=args.query_timeout
    )
    host = "127.0.0.1"
    well, hostile = well_behaved_requests(host, port, args.drafts), hostile_requests(host, port)
    ratios, errors = [], 0
    try:
        run_phase(host, port, well, [], args.clients, 3.0)  # warm caches and workers
        for round_ in range(args.rounds):
            phases = {}
            order = ("alone", "hostile") if round_ % 2 == 0 else ("hostile", "alone")
            for name in order:
                attack = hostile if name == "hostile" else []
                phases[name] = run_phase(host, port, well, attack, args.clients, args.seconds)
                print(describe(name, *phases[name], args.seconds), flush=True)
                errors += phases[name][0].server_errors
            ratio = phases["hostile"][0].percentile(0.99) / phases["alone"][0].percentile(0.99)
            ratios.append(ratio)
            print(f"round {round_ + 1}: p99 hostile/alone x{ratio:.2f}", flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    print(
        f"p99 ratio over {args.rounds} rounds: {min(ratios):.2f}-{max(ratios):.2f}"
        f" (median {statistics.median(ratios):.2f}); 5xx to well-behaved clients: {errors}"
    )
    return 0 if errors == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default_store = Path(tempfile.gettempdir()) / "unsckg-bench-store"
    parser.add_argument("--store", default=str(default_store))
    parser.add_argument("--drafts", type=int, default=16_000, help="16,000 drafts = 1.01M triples")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0, help="per phase")
    parser.add_argument("--rounds", type=int, default=1, help="pairs of phases, order alternating")
    parser.add_argument("--workers", type=int, default=0, help="0: serve's default")
    parser.add_argument("--http-processes", type=int, default=0, help="0: serve's default")
    parser.add_argument("--query-timeout", type=float, default=30.0, help="serve's default: 30")
    return soak(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
