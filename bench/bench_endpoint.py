"""Benchmark: this endpoint against Oxigraph's own server, over the same >= 1M-triple store.

Run: ``.venv/bin/python bench/bench_endpoint.py`` (about three minutes; the store is generated
once into a temporary folder and reused). Both servers serve the same on-disk store at once,
read-only, on 127.0.0.1; for each query kind and each concurrency (1 and 8 clients, or
``--clients``) the runs alternate between the two servers, and the medians over the rounds are
compared.

Query kinds: a point query (one vote's triples); a join over votes (how every member voted on
the drafts an elected member voted against, with ISO codes: about 650 rows, some 30 ms of
evaluation); a GROUP BY (votes of one value, counted by voter); a 100,000-row SELECT as JSON,
during which the resident memory of each server's process tree is sampled; and, reported
besides, a "lookup": one draft's 15 votes with the voters' ISO codes and the draft's symbol, a
three-hop join that evaluates in half a millisecond, so that it measures the web stack more
than the query. Targets (issue 5): point query >= 0.5x Oxigraph's throughput; join, GROUP BY
and 100k rows >= 0.9x throughput and <= 1.15x median latency; memory flat while streaming. The
issue sets no target for the lookup; it calibrates the join as a query on which a plain
FastAPI endpoint is within 10% of Oxigraph, i.e. one whose cost is its evaluation.
``--allocator system`` runs ours on the C library's allocator instead of mimalloc, to see what
the allocator is worth (``unsckg.server.environment``). ``--http-processes`` and ``--workers``
default to ``unsckg serve``'s own defaults (chosen from the cores, see
``unsckg.server.settings.default_http_processes``); the server prints what it chose.
``--configs 2x2 4x2`` runs several servers of ours instead (HTTP processes x workers each),
every run interleaved with Oxigraph's, which is how the defaults are chosen.

Each result line is followed by its CPU view: the CPU time per request of each server's
whole process tree (``/proc/PID/stat``, user and system) as a per-round ratio to
Oxigraph's, ours split into HTTP processes and query workers, and the load generator's own
CPU per request. At saturation throughput is about cores / CPU per request, so on a shared,
noisy machine the CPU ratio is the steadier view of the throughput ratio; the two are
reported side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Outcome:
    """Requests completed in a run: count, wall time, latencies, non-200 answers."""

    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    bytes: int

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")


class _Connection(asyncio.Protocol):
    """One keep-alive connection; understands Content-Length and chunked bodies."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.waiter: asyncio.Future[tuple[int, int]] | None = None
        self.expected = -1  # body bytes still expected; -1: reading headers; -2: chunked
        self.status = 0
        self.size = 0
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def _headers(self) -> bool:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self.buffer[:end]).decode("latin-1").lower()
        del self.buffer[: end + 4]
        self.status, self.size = int(head[9:12]), 0
        lines = head.split("\r\n")
        length = [int(line[15:]) for line in lines if line.startswith("content-length:")]
        self.expected = length[0] if length else -2
        return True

    def _chunks(self) -> bool:
        """Consume complete chunks; True once the last (empty) chunk has been read."""
        while True:
            line_end = self.buffer.find(b"\r\n")
            if line_end < 0:
                return False
            size = int(bytes(self.buffer[:line_end]).split(b";")[0], 16)
            if size == 0:
                if len(self.buffer) < line_end + 4:
                    return False
                del self.buffer[: line_end + 4]
                return True
            if len(self.buffer) < line_end + 2 + size + 2:
                return False
            del self.buffer[: line_end + 2 + size + 2]
            self.size += size

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.expected == -1 and not self._headers():
            return
        if self.expected == -2:
            if not self._chunks():
                return
        elif len(self.buffer) >= self.expected:
            self.size = self.expected
            del self.buffer[: self.expected]
        else:
            return
        self.expected = -1
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result((self.status, self.size))

    def connection_lost(self, exc: Exception | None) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("connection lost"))

    async def request(self, payload: bytes) -> tuple[int, int]:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(payload)
        return await self.waiter


def build_request(host: str, port: int, target: str, accept: str) -> bytes:
    return (
        f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: {accept}\r\n"
        "User-Agent: unsckg-bench\r\n\r\n"
    ).encode()


async def _client(
    host: str, port: int, requests: Iterator[bytes], stop: float, out: Outcome
) -> None:
    loop = asyncio.get_running_loop()
    _, conn = await loop.create_connection(_Connection, host, port)
    try:
        while time.perf_counter() < stop:
            payload = next(requests)
            started = time.perf_counter()
            status, size = await conn.request(payload)
            out.latencies.append(time.perf_counter() - started)
            out.requests += 1
            out.bytes += size
            out.errors += status != 200
    finally:
        if conn.transport is not None:
            conn.transport.close()


async def run_load(
    host: str, port: int, payloads: Sequence[bytes], clients: int, seconds: float
) -> Outcome:
    """Keep ``clients`` connections busy for about ``seconds``; every request is timed."""
    out = Outcome(0, 0.0, [], 0, 0)
    requests = itertools.cycle(payloads)
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(*(_client(host, port, requests, stop, out) for _ in range(clients)))
    out.seconds = time.perf_counter() - started
    return out


# --------------------------------------------------------------------------------------------
# The store: about a million triples shaped like the real graph (states, drafts, votes)
# --------------------------------------------------------------------------------------------

ONTOLOGY = "https://w3id.org/unsc-kg/ontology#"
ID = "https://w3id.org/unsc-kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
VALUES = (("InFavour", 85), ("Abstention", 8), ("Against", 5), ("Absent", 2))
PERMANENT = ("CHN", "FRA", "GBR", "RUS", "USA")


def _states(count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b + c for a in letters for b in letters for c in letters]
    rng = random.Random(7)
    others = [c for c in rng.sample(codes, count + 10) if c not in PERMANENT]
    return list(PERMANENT) + others[: count - len(PERMANENT)]


STATE_COUNT = 195
ELECTED = tuple(_states(STATE_COUNT)[len(PERMANENT) :])  # each votes on about 840 drafts


def _draft_lines(index: int, states: list[str], rng: random.Random) -> Iterator[str]:
    year = 1990 + index % 34
    symbol = f"S/{year}/{index:05d}"
    draft = f"{ID}document/S-{year}-{index:05d}"
    graph = f"<{draft}>"
    date = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    triples = [
        (f"<{draft}>", f"<{RDF_TYPE}>", f"<{ONTOLOGY}DraftResolution>"),
        (f"<{draft}>", f"<{ONTOLOGY}symbol>", f'"{symbol}"'),
        (f"<{draft}>", f"<{ONTOLOGY}date>", f'"{date}"^^<{XSD}date>'),
    ]
    members = list(PERMANENT) + rng.sample(states[len(PERMANENT) :], 10)
    names, weights = zip(*VALUES, strict=True)
    for state in members:
        vote = f"<{ID}vote/S-{year}-{index:05d}/{state}>"
        value = rng.choices(names, weights)[0]
        triples += [
            (vote, f"<{RDF_TYPE}>", f"<{ONTOLOGY}Vote>"),
            (vote, f"<{ONTOLOGY}voter>", f"<{ID}state/{state}>"),
            (vote, f"<{ONTOLOGY}draft>", f"<{draft}>"),
            (vote, f"<{ONTOLOGY}value>", f"<{ONTOLOGY}{value}>"),
        ]
    for s, p, o in triples:
        yield f"{s} {p} {o} {graph} .\n"  # the document's named graph
        yield f"{s} {p} {o} .\n"  # and the default graph, kept as the merge like `unsckg build`


def generate_store(path: Path, drafts: int) -> int:
    """Write the synthetic store (if absent) and return its number of distinct triples."""
    states = _states(STATE_COUNT)
    triples = drafts * 63 + len(states) * 2
    if (path / "READY").exists():
        return triples
    import pyoxigraph as ox

    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    rng = random.Random(42)
    source = path.parent / "bench-data.nq"
    with source.open("w", encoding="utf-8") as out:
        for state in states:
            iri = f"<{ID}state/{state}>"
            graph = "<https://w3id.org/unsc-kg/graph/states>"
            for p, o in (
                (f"<{RDF_TYPE}>", f"<{ONTOLOGY}MemberState>"),
                (f"<{ONTOLOGY}iso3>", f'"{state}"'),
            ):
                out.write(f"{iri} {p} {o} {graph} .\n{iri} {p} {o} .\n")
        for index in range(drafts):
            out.writelines(_draft_lines(index, states, rng))
    store = ox.Store(str(path))
    store.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    del store
    source.unlink()
    (path / "READY").write_text(str(triples))
    return triples


# --------------------------------------------------------------------------------------------
# The two servers, the queries, the alternating runs
# --------------------------------------------------------------------------------------------

SERVE_OURS = """
import sys
from pathlib import Path
from unsckg.server.app import run
from unsckg.server.settings import ServerSettings
# 0 workers, HTTP processes or running: the default of `unsckg serve`, as ServerSettings has it
given = {"workers": int(sys.argv[3]), "http_processes": int(sys.argv[4])}
given["running"] = int(sys.argv[7])
settings = ServerSettings(
    store_path=Path(sys.argv[1]),
    allocator=sys.argv[5],
    query_timeout=float(sys.argv[6]),
    **{name: value for name, value in given.items() if value},
)
chosen = f"workers {settings.workers}, http_processes {settings.http_processes}"
print(f"{chosen}, running {settings.running_limit}", flush=True)
run(settings, "127.0.0.1", int(sys.argv[2]))
"""
PREFIXES = f"PREFIX unsc: <{ONTOLOGY}> PREFIX xsd: <{XSD}> "


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(
    name: str,
    store: Path,
    port: int,
    workers: int,
    http_processes: int,
    allocator: str = "auto",
    timeout: float = 120,
    running: int = 0,
) -> list[str]:
    """The command line of one server ("unsckg" or "oxigraph") on ``port``; for ours, 0
    workers, HTTP processes or running limit leave ``ServerSettings``' default."""
    if name == "unsckg":
        command = [sys.executable, "-c", SERVE_OURS, str(store), str(port), str(workers)]
        return [*command, str(http_processes), allocator, str(timeout), str(running)]
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    return [binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"]


def wait_ready(
    proc: subprocess.Popen[bytes], port: int, seconds: float, what: str
) -> tuple[subprocess.Popen[bytes], int]:
    """Wait until the server answers ``ASK {}``; kill it and raise after ``seconds``."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=60
            ) as response:
                if response.status == 200:
                    return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{what} did not start")


def start_server(
    name: str,
    store: Path,
    workers: int,
    http_processes: int,
    allocator: str = "auto",
    timeout: float = 120,
    running: int = 0,
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = server_command(
        name, store, port, workers, http_processes, allocator, timeout, running
    )
    proc = subprocess.Popen(command, stdout=None, stderr=subprocess.DEVNULL)
    return wait_ready(proc, port, 120, name)


TEMPLATES = {
    "point": "SELECT ?p ?o WHERE {{ <{id}vote/S-{year}-{index:05d}/{member}> ?p ?o }}",
    "join": (
        "{prefixes}SELECT ?draft ?iso ?value WHERE {{ ?mine unsc:voter <{id}state/{elected}> ;"
        " unsc:value unsc:Against ; unsc:draft ?draft . ?v unsc:draft ?draft ;"
        " unsc:voter ?state ; unsc:value ?value . ?state unsc:iso3 ?iso }}"
    ),
    "lookup": (
        "{prefixes}SELECT ?iso ?value ?symbol WHERE {{ ?v unsc:draft <{id}document/S-{year}-"
        "{index:05d}> ; unsc:voter ?state ; unsc:value ?value . ?state unsc:iso3 ?iso ."
        " ?v unsc:draft ?draft . ?draft unsc:symbol ?symbol }}"
    ),
    "groupby": (
        "{prefixes}SELECT ?voter (COUNT(?v) AS ?n) WHERE {{ ?v unsc:value unsc:{value} ;"
        " unsc:voter ?voter }} GROUP BY ?voter"
    ),
    "rows100k": "{prefixes}SELECT ?v ?voter WHERE {{ ?v unsc:voter ?voter }} LIMIT 100000",
}


def query_targets(kind: str, drafts: int, rng: random.Random) -> list[str]:
    """Prebuilt request targets for one kind of query (varied so that no cache helps)."""
    targets = []
    for _ in range(200 if kind != "rows100k" else 1):
        index = rng.randrange(drafts)
        year = 1990 + index % 34
        query = TEMPLATES[kind].format(
            prefixes=PREFIXES,
            id=ID,
            year=year,
            next=year + 1,
            index=index,
            member=rng.choice(PERMANENT),
            elected=rng.choice(ELECTED),
            value=rng.choice(("Against", "Abstention", "Absent")),
        )
        targets.append("/sparql?query=" + urllib.parse.quote(query))
    return targets


def _children() -> dict[int, list[int]]:
    """Every process's children, by parent pid, read from ``/proc`` now."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def tree_stats(pid: int) -> tuple[int, float]:
    """Resident memory (bytes) and CPU time used so far (seconds) of a process and all its
    descendants. CPU time per request is the measure that survives a shared, busy machine."""
    children = _children()
    rss, ticks, pending = 0, 0, [pid]
    while pending:
        each = pending.pop()
        pending.extend(children.get(each, ()))
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
            rss += int(fields[21]) * PAGE
    return rss, ticks / CLOCK


PAGE = os.sysconf("SC_PAGE_SIZE")
CLOCK = os.sysconf("SC_CLK_TCK")


def tree_cpu_by_role(pid: int) -> dict[str, float]:
    """CPU time used so far (seconds) by a server's process tree, split into its query
    worker processes (ours: ``unsckg.server.worker``) and the rest (the HTTP processes and
    their supervisor; all of Oxigraph's single process)."""
    children = _children()
    used = {"http": 0.0, "workers": 0.0}
    pending = [pid]
    while pending:
        each = pending.pop()
        pending.extend(children.get(each, ()))
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{each}/cmdline").read_bytes()
            role = "workers" if b"unsckg.server.worker" in command else "http"
            used[role] += (int(fields[11]) + int(fields[12])) / CLOCK
    return used


class MemoryProbe:
    """Samples a process tree's resident memory in a thread while a run streams results."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.running = pid, 0, False
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_stats(self.pid)[0])
            time.sleep(0.05)

    def __enter__(self) -> MemoryProbe:
        self.running = True
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.running = False
        self.thread.join()


DURATIONS = {"point": 3.0, "join": 4.0, "lookup": 3.0, "groupby": 3.0, "rows100k": 6.0}


def http_rss(pid: int) -> int:
    """Resident memory of the server's HTTP processes only: the supervisor and its children
    for ours (not the query workers below them, whose RocksDB caches warm up), the process
    for Oxigraph."""
    total = tree_stats(pid)[0]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    for child in Path("/proc").iterdir():
                        if child.name.isdigit():
                            with contextlib.suppress(OSError):
                                stat = (child / "stat").read_text().rsplit(")", 1)[1].split()
                                if int(stat[1]) == int(entry.name):
                                    total -= tree_stats(int(child.name))[0]
    return total


def _sample(pid: int, samples: list[int], done: threading.Event) -> None:
    while not done.is_set():
        samples.append(http_rss(pid))
        time.sleep(0.02)


def streaming_memory(proc: subprocess.Popen[bytes], port: int) -> dict[str, int]:
    """Peak HTTP-process memory while one client downloads 10k, 100k and 1M-row results."""
    peaks = {}
    for rows in (10_000, 100_000, 1_000_000):
        query = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {rows}"
        target = "/sparql?query=" + urllib.parse.quote(query)
        payload = [build_request("127.0.0.1", port, target, "application/sparql-results+json")]
        samples: list[int] = [0]
        done = threading.Event()
        sampler = threading.Thread(target=_sample, args=(proc.pid, samples, done))
        sampler.start()
        asyncio.run(run_load("127.0.0.1", port, payload, 1, 0.001))
        done.set()
        sampler.join()
        peaks[f"{rows} rows"] = max(samples)
    return peaks


Server = tuple[subprocess.Popen[bytes], int]


def one_run(server: Server, targets: list[str], clients: int, seconds: float) -> dict[str, float]:
    """Load one server for ``seconds``; throughput, latency, CPU per request and memory."""
    proc, port = server
    accept = "application/sparql-results+json"
    payloads = [build_request("127.0.0.1", port, t, accept) for t in targets]
    base = tree_stats(proc.pid)[0]
    before, client_before = tree_cpu_by_role(proc.pid), time.process_time()
    with MemoryProbe(proc.pid) as probe:
        out = asyncio.run(run_load("127.0.0.1", port, payloads, clients, seconds))
    client = time.process_time() - client_before  # the load generator's (and probe's) CPU
    after, per = tree_cpu_by_role(proc.pid), 1000 / max(1, out.requests)
    return {
        "rps": out.throughput,
        "median_ms": out.median_ms,
        "requests": out.requests,
        "errors": out.errors,
        "rss_before": base,
        "rss_peak": probe.peak,
        "cpu_ms_per_request": sum(after.values()) * per - sum(before.values()) * per,
        "http_cpu_ms_per_request": (after["http"] - before["http"]) * per,
        "worker_cpu_ms_per_request": (after["workers"] - before["workers"]) * per,
        "client_cpu_ms_per_request": client * per,
    }


def compare(servers: dict[str, Server], kind: str, targets: list[str], args: Any) -> list[dict]:  # type: ignore[type-arg]
    """Every server, at each of ``args.clients`` (1 then 8 clients unless asked),
    ``args.rounds`` rounds alternating their order."""
    rows = []
    for _, port in servers.values():  # warm caches and worker processes first
        warm = [build_request("127.0.0.1", port, t, "application/json") for t in targets]
        asyncio.run(run_load("127.0.0.1", port, warm, 8, 1.0))
    names = list(servers)
    for clients in args.clients:
        row: dict[str, Any] = {"kind": kind, "clients": clients}
        for round_ in range(args.rounds):
            order = names if round_ % 2 == 0 else names[::-1]
            for name in order:
                seconds = DURATIONS[kind] * args.scale
                row.setdefault(name, []).append(one_run(servers[name], targets, clients, seconds))
        for name in names[:-1]:  # Oxigraph's is the last
            print(summarise(row, name), flush=True)
        rows.append(row)
    return rows


def ours(args: argparse.Namespace) -> list[tuple[str, int, int, int]]:
    """(name, HTTP processes, workers, running limit) of each of our servers: ``unsckg`` with
    the options given, or one per ``--configs`` entry (``HxW`` or ``HxWrR``, named after
    it; without ``rR`` the running limit is the default, see
    ``unsckg.server.settings.default_running``)."""
    if not args.configs:
        return [("unsckg", args.http_processes, args.workers, 0)]
    chosen = []
    for config in args.configs:
        sizes, _, running = config.lower().partition("r")
        http_processes, workers = (int(part) for part in sizes.split("x"))
        chosen.append((f"unsckg {config}", http_processes, workers, int(running or 0)))
    return chosen


def measure(args: argparse.Namespace) -> dict[str, object]:
    """Generate (or reuse) the store, start both servers, compare them on every kind."""
    store = Path(args.store)
    results: dict[str, Any] = {"triples": generate_store(store, args.drafts), "runs": []}
    servers = {  # ours first: with one round, ours runs first, as it always has
        name: start_server("unsckg", store, workers, http_processes, args.allocator, 120, running)
        for name, http_processes, workers, running in ours(args)
    }
    servers["oxigraph"] = start_server("oxigraph", store, 0, 0)
    rng = random.Random(1)
    try:
        for kind in args.kinds:
            targets = query_targets(kind, args.drafts, rng)
            results["runs"].extend(compare(servers, kind, targets, args))
        for name, (proc, port) in servers.items():
            idle = http_rss(proc.pid)
            peaks = streaming_memory(proc, port)
            results[f"memory_{name}"] = {"idle": idle, **peaks}
            shown = ", ".join(f"{k} {v / 2**20:.0f}" for k, v in peaks.items())
            print(f"{name} HTTP-process RSS MiB: idle {idle / 2**20:.0f}, peak with {shown}")
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(10)
    return results


HOSTILE = {
    "40KB": "SELECT * FROM <x> { " + "a." * 20_000 + " }",
    "1MiB": "SELECT * FROM <x> { " + "a." * 520_000 + " }",
}


def _point_latencies(port: int, targets: list[str], seconds: float) -> list[float]:
    """Point queries from one keep-alive client for ``seconds``: each one's latency (s)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    for target in itertools.cycle(targets):
        if time.perf_counter() > end:
            break
        start = time.perf_counter()
        connection.request("GET", target, headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"point query answered {response.status}")
        latencies.append(time.perf_counter() - start)
    connection.close()
    return latencies


def _attack(port: int, text: str, stop: threading.Event, statuses: list[int]) -> None:
    body = urllib.parse.urlencode({"query": text}).encode()
    while not stop.is_set():
        request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=body)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)


def _describe(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"{len(ordered):6d} point queries, median {statistics.median(ordered) * 1000:6.2f} ms,"
        f" p99 {p99 * 1000:6.2f} ms, max {ordered[-1] * 1000:7.2f} ms"
    )


def hostile(args: argparse.Namespace) -> None:
    """Point-query latency of one client alone, then while another client posts the issue's
    hostile query (40 KB and 1 MiB) in a loop: the event loop must stay free."""
    store = Path(args.store)
    generate_store(store, args.drafts)
    proc, port = start_server("unsckg", store, args.workers, args.http_processes, args.allocator)
    targets = query_targets("point", args.drafts, random.Random(1))
    seconds = 10 * args.scale
    try:
        alone = _point_latencies(port, targets, seconds)
        print(f"alone:          {_describe(alone)}")
        for name, text in HOSTILE.items():
            stop, statuses = threading.Event(), []  # type: ignore[var-annotated]
            attacker = threading.Thread(target=_attack, args=(port, text, stop, statuses))
            attacker.start()
            meanwhile = _point_latencies(port, targets, seconds)
            stop.set()
            attacker.join()
            print(
                f"with {name:5} hostile: {_describe(meanwhile)} | hostile requests "
                f"{len(statuses)}, statuses {sorted(set(statuses))}"
            )
    finally:
        proc.terminate()
        proc.wait(10)


def _median(runs: object, key: str) -> float:
    return float(statistics.median(run[key] for run in runs))  # type: ignore[attr-defined]


def summarise(row: dict[str, object], name: str = "unsckg") -> str:
    """One line per kind, concurrency and server of ours: medians over rounds and the ratios
    to Oxigraph."""
    ours, theirs = row[name], row["oxigraph"]
    rps_u, rps_o = _median(ours, "rps"), _median(theirs, "rps")
    lat_u, lat_o = _median(ours, "median_ms"), _median(theirs, "median_ms")
    cpu_u, cpu_o = _median(ours, "cpu_ms_per_request"), _median(theirs, "cpu_ms_per_request")
    peak = max(r["rss_peak"] for r in ours) / 2**20  # type: ignore[attr-defined]
    base = min(r["rss_before"] for r in ours) / 2**20  # type: ignore[attr-defined]
    errors = sum(r["errors"] for r in (*ours, *theirs))  # type: ignore[misc]
    paired = _paired(ours, theirs, "rps")  # type: ignore[arg-type]
    cpu_paired = _paired(ours, theirs, "cpu_ms_per_request")  # type: ignore[arg-type]
    http_u, work_u = (
        _median(ours, "http_cpu_ms_per_request"),
        _median(ours, "worker_cpu_ms_per_request"),
    )
    client_u = _median(ours, "client_cpu_ms_per_request")
    client_o = _median(theirs, "client_cpu_ms_per_request")
    return (
        f"{row['kind']:9} c={row['clients']}: {name} {rps_u:8.1f} req/s {lat_u:8.2f} ms "
        f"{cpu_u:6.2f} cpu-ms/req | oxigraph {rps_o:8.1f} req/s {lat_o:8.2f} ms "
        f"{cpu_o:6.2f} cpu-ms/req | throughput x{rps_u / rps_o:.2f} latency x{lat_u / lat_o:.2f}"
        f" cpu x{cpu_u / cpu_o:.2f} | per round x{statistics.median(paired):.2f}"
        f" ({paired[0]:.2f}-{paired[-1]:.2f}) | {name} RSS {base:.0f}->{peak:.0f} MiB"
        f" | errors {errors}\n"
        f"{'':9} c={row['clients']}: CPU per request, {name}/oxigraph per round"
        f" x{statistics.median(cpu_paired):.2f} ({cpu_paired[0]:.2f}-{cpu_paired[-1]:.2f});"
        f" {name} HTTP {http_u:.3f} + workers {work_u:.3f} ms;"
        f" the load generator's own {client_u:.3f} ms ({name}) and {client_o:.3f} ms (oxigraph)"
    )


def _paired(ours: list[dict[str, float]], theirs: list[dict[str, float]], key: str) -> list[float]:
    """Each round's ratio of ours to Oxigraph's ``key``, sorted: the two runs of a round are
    back to back, so their ratio is the paired measure, and its spread over the rounds shows
    how far the shared machine moves a single comparison."""
    return sorted(u[key] / o[key] for u, o in zip(ours, theirs, strict=True) if o[key])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "unsckg-bench-store"))
    parser.add_argument("--drafts", type=int, default=16_000, help="16,000 drafts = 1.01M triples")
    parser.add_argument(
        "--workers", type=int, default=0, help="query processes per HTTP process (0: default)"
    )
    parser.add_argument(
        "--http-processes", type=int, default=0, help="0: serve's default, from the cores"
    )
    parser.add_argument(
        "--configs",
        nargs="+",
        help="instead of one server of ours, several side by side (HxW: HTTP processes x "
        "workers each; HxWrR: and at most R queries running in each), every run interleaved "
        "with Oxigraph's",
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--clients", type=int, nargs="+", default=[1, 8], help="concurrencies, in order"
    )
    parser.add_argument(
        "--allocator",
        default="auto",
        help="unsckg's --allocator: auto (mimalloc when installed), system, or a library file",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies each run's duration")
    parser.add_argument(
        "--kinds", nargs="+", default=["point", "join", "lookup", "groupby", "rows100k"]
    )
    parser.add_argument("--json", help="also write the raw numbers to this file")
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="instead: point-query latency alone and while hostile 40 KB / 1 MiB queries run",
    )
    args = parser.parse_args()
    if args.hostile:
        hostile(args)
        return 0
    results = measure(args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
