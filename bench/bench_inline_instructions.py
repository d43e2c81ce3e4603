"""Benchmark: CPU instructions per inline point query in the HTTP process, without HTTP.

Run: ``.venv/bin/python bench/bench_inline_instructions.py`` (a few minutes; needs valgrind
and the store of ``bench_endpoint.py``, which must exist: run that first).

Why: ``bench_instructions.py`` counts whole servers under callgrind, which on a busy machine
can take longer to start than it waits. This one counts only the part of a point query that
is ours to cut: :class:`unsckg.server.fastpath.FastPath` answering ``bench_endpoint``'s 200
varied point queries in process (URL decoding, parameter checks, negotiation, the inline run
with pyoxigraph's query and serialisation, header assembly, the access-log line). It runs the
loop under callgrind twice, with 0 and ``--requests`` requests, and prints the difference
per request: the same figure whatever else the machine runs. ``--child`` is the loop itself.
The inline budget is raised so that valgrind's slowness sends nothing to the pool.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_endpoint as endpoint

COLLECTED = re.compile(r"Collected : (\d+)")


def loop(store: Path, count: int) -> None:
    from unsckg.server.accesslog import LineSink
    from unsckg.server.fastpath import FastPath
    from unsckg.server.inline import InlineRunner
    from unsckg.server.protocol import SparqlEndpoint
    from unsckg.server.settings import ServerSettings

    settings = ServerSettings(store_path=store, workers=1, http_processes=1, inline_budget=60.0)
    inline = InlineRunner(settings, Path(tempfile.gettempdir()))
    inline.open()
    fast = FastPath(SparqlEndpoint(None, settings, None, inline), LineSink(io.StringIO()))  # type: ignore[arg-type]
    accept = (b"accept", b"application/sparql-results+json")
    scopes = []
    for target in endpoint.query_targets("point", 16_000, random.Random(1)):
        path, _, query = target.partition("?")
        headers = [(b"host", b"127.0.0.1"), accept]
        scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode()}
        scopes.append({**scope, "headers": headers, "client": ("127.0.0.1", 5555)})
    for index in range(count):
        if fast.respond(dict(scopes[index % len(scopes)]), [(b"server", b"x")], True) is None:
            raise RuntimeError("a point query was not answered inline")


def instructions(store: Path, count: int) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [
        sys.executable,
        __file__,
        "--child",
        "--store",
        str(store),
        "--requests",
        str(count),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return int(COLLECTED.findall(done.stderr)[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "unsckg-bench-store"))
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        loop(Path(args.store), args.requests)
        return 0
    base = instructions(Path(args.store), 0)
    total = instructions(Path(args.store), args.requests)
    print(f"inline point query: {(total - base) // args.requests:,} instructions/request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
