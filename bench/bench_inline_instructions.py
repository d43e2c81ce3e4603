"""Benchmark: CPU instructions per inline point query in the HTTP process, without HTTP.

Run: ``.venv/bin/python bench/bench_inline_instructions.py`` (a few minutes; needs valgrind
and the store of ``bench_endpoint.py``, which must exist: run that first).

Why: ``bench_instructions.py`` counts whole servers under callgrind, which on a busy machine
can take longer to start than it waits. This one counts what an HTTP process executes in user
space for a point query, without the system calls: ``bench_endpoint``'s 200 varied point
queries, as the raw bytes its client sends, fed to the server's own uvicorn protocol
(:mod:`unsckg.server.fastpath`, on uvloop) with a transport that drops the responses (HTTP
parsing, URL decoding, parameter checks, negotiation, the inline run with pyoxigraph's query
and serialisation, header assembly, the access-log line, the keep-alive timer). It runs the
loop under callgrind twice, with 0 and ``--requests`` requests, and prints the difference
per request: the same figure whatever else the machine runs. ``--child`` is the loop itself.
The inline budget is raised so that valgrind's slowness sends nothing to the pool.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_endpoint as endpoint

COLLECTED = re.compile(r"Collected : (\d+)")


class _Transport(asyncio.Transport):
    """Where the protocol writes its responses (kept and dropped: nothing goes on a wire)."""

    def __init__(self) -> None:
        super().__init__()
        self.written = 0
        self.closing = False

    def get_extra_info(self, name: str, default: object = None) -> object:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 5555)}.get(name, default)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += 1

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def _feed(protocol: Any, payloads: list[bytes], count: int) -> None:
    for index in range(count):
        protocol.data_received(payloads[index % len(payloads)])


def loop(store: Path, count: int) -> None:
    import uvloop
    from unsckg.server.app import create_app
    from unsckg.server.serve import uvicorn_config
    from unsckg.server.settings import ServerSettings
    from uvicorn.server import ServerState

    settings = ServerSettings(store_path=store, workers=1, http_processes=1, inline_budget=60.0)
    app: Any = create_app(settings, access_stream=io.StringIO())
    app.state.backend.inline.open()  # the fast path's store handle; no worker is started
    config = uvicorn_config(app)
    config.load()
    event_loop = uvloop.new_event_loop()
    state = ServerState()
    state.default_headers = [(b"date", b"Mon, 07 Dec 2026 12:00:00 GMT"), (b"server", b"uvicorn")]
    protocol = config.http_protocol_class(  # type: ignore[call-arg]
        config=config, server_state=state, app_state={}, _loop=event_loop
    )
    transport = _Transport()
    protocol.connection_made(transport)
    accept = "application/sparql-results+json"
    targets = endpoint.query_targets("point", 16_000, random.Random(1))
    payloads = [endpoint.build_request("127.0.0.1", 8000, t, accept) for t in targets]
    event_loop.run_until_complete(_feed(protocol, payloads, count))
    if app.fast_path.answered != count or transport.written != count:
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
