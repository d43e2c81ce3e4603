"""Benchmark: CPU instructions per request, this endpoint against Oxigraph's own server.

Run: ``.venv/bin/python bench/bench_instructions.py`` (about ten minutes; needs valgrind, and
the store of ``bench_endpoint.py``, which it generates if absent).

Why: on a shared two-core machine, requests per second move by tens of percent with whatever
else runs, while the number of instructions a server executes for a request does not (the
same total comes back run after run). Each server runs under ``valgrind --tool=callgrind``
(ours with its query worker processes traced too); for each query kind, the counters of every
process are zeroed, one client sends ``--requests`` requests one after the other on a
keep-alive connection, the counters are dumped, and the sum over processes, divided by the
number of requests, is the cost of one request. When a server is CPU-bound, the inverse of the
ratio of these costs is the throughput ratio it can reach; ``bench_endpoint.py`` measures the
throughput itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_endpoint as endpoint
from unsckg.server.environment import allocator_library

TOTAL = re.compile(r"^(?:totals|summary): (\d+)", re.MULTILINE)
COMMAND = re.compile(r"^cmd: (.*)$", re.MULTILINE)


def start(name: str, store: Path, out: Path, allocator: str) -> tuple[subprocess.Popen[bytes], int]:
    """One server under callgrind (one HTTP process and one worker for ours).

    valgrind runs its client with its own ``LD_PRELOAD``, which the server keeps as a user's
    preload; so ours gets its allocator library from valgrind's environment instead, and
    valgrind adds it to its own."""
    port = endpoint.free_port()
    command = endpoint.server_command(name, store, port, workers=1, http_processes=1)
    valgrind = ["valgrind", "--tool=callgrind", "--trace-children=yes"]
    valgrind += [f"--callgrind-out-file={out}/{name}.%p"]
    env = dict(os.environ)
    library = allocator_library(allocator) if name == "unsckg" else None
    if library:
        env["LD_PRELOAD"] = library
    proc = subprocess.Popen(
        [*valgrind, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    return endpoint.wait_ready(proc, port, 600, f"{name} under valgrind")


async def _sequential(port: int, payloads: list[bytes], count: int) -> None:
    loop = asyncio.get_running_loop()
    _, conn = await loop.create_connection(endpoint._Connection, "127.0.0.1", port)
    try:
        for index in range(count):
            status, _ = await conn.request(payloads[index % len(payloads)])
            if status != 200:
                raise RuntimeError(f"status {status}")
    finally:
        if conn.transport is not None:
            conn.transport.close()


def _control(*args: str) -> None:
    subprocess.run(["callgrind_control", *args], check=True, capture_output=True)


def role(dump: str) -> str:
    """Which of our processes wrote a callgrind dump: a query worker, or the HTTP process
    (anything else, Oxigraph's single process included)."""
    command = COMMAND.search(dump)
    return "worker" if command and "unsckg.server.worker" in command.group(1) else "http"


def measure(port: int, out: Path, name: str, kind: str, count: int) -> dict[str, float]:
    """Instructions per request of ``kind``, by role of process (``http``, ``worker``) and
    summed (``total``) over the server's processes."""
    targets = endpoint.query_targets(kind, 16_000, random.Random(3))
    payloads = [
        endpoint.build_request("127.0.0.1", port, t, "application/sparql-results+json")
        for t in targets
    ]
    asyncio.run(_sequential(port, payloads, min(count, 20)))  # warm caches and code paths
    _control("--zero")
    asyncio.run(_sequential(port, payloads, count))
    before = set(out.iterdir())
    _control(f"--dump={kind}")
    time.sleep(2)
    dumps = [p for p in set(out.iterdir()) - before if p.name.startswith(name)]
    costs = {"total": 0.0, "http": 0.0, "worker": 0.0}
    for path in dumps:
        text = path.read_text(errors="replace")
        instructions = sum(int(m) for m in TOTAL.findall(text)[:1]) / count
        costs["total"] += instructions
        costs[role(text)] += instructions
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "unsckg-bench-store"))
    parser.add_argument("--drafts", type=int, default=16_000)
    parser.add_argument("--requests", type=int, default=200, help="per kind (join: a tenth)")
    parser.add_argument("--kinds", nargs="+", default=["point", "lookup", "join"])
    parser.add_argument(
        "--allocator", default="auto", help="ours: auto (mimalloc when installed) or system"
    )
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        print("valgrind is not installed", file=sys.stderr)
        return 2
    store = Path(args.store)
    endpoint.generate_store(store, args.drafts)
    costs: dict[str, dict[str, dict[str, float]]] = {}
    for name in ("oxigraph", "unsckg"):
        with tempfile.TemporaryDirectory(prefix="unsckg-callgrind-") as folder:
            out = Path(folder)
            proc, port = start(name, store, out, args.allocator)
            try:
                for kind in args.kinds:
                    count = max(10, args.requests // 10) if kind == "join" else args.requests
                    costs.setdefault(kind, {})[name] = measure(port, out, name, kind, count)
                    cost = costs[kind][name]
                    split = f" (HTTP {cost['http']:,.0f}, workers {cost['worker']:,.0f})"
                    shown = split if name == "unsckg" else ""
                    print(f"{name:8} {kind:7} {cost['total']:>14,.0f} instructions/request{shown}")
            finally:
                proc.terminate()
                proc.wait(120)
    print()
    for kind, by_server in costs.items():
        ratio = by_server["unsckg"]["total"] / by_server["oxigraph"]["total"]
        print(
            f"{kind:7} unsckg/oxigraph instructions x{ratio:.2f}"
            f" -> CPU-bound throughput ratio about x{1 / ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
