"""Serving: one or several HTTP processes on one listening socket.

``run`` either serves in this process or starts ``ServerSettings.http_processes`` children
that each listen on the address with ``SO_REUSEPORT`` and supervises them: a child that dies
is restarted, SIGINT/SIGTERM stop them all. Separate sockets rather than one shared socket,
because the kernel then spreads connections across the processes; with one shared socket the
first process to wake accepts every pending connection, and keep-alive clients stay with it.
Why several: a Python HTTP process tops out at one core; answering point queries inline is
cheap enough that parsing HTTP becomes the bound, and a second process uses the second core.
Each child has its own worker pool, so the machine runs ``http_processes × workers`` query
processes. Unless asked otherwise, one HTTP process per core (see
:func:`unsckg.server.settings.default_http_processes` for the measurement).

A single HTTP process is also started as a child when this process lacks the environment its
children get (the allocator and the glibc tunable of :mod:`unsckg.server.environment`, which
take effect only when a process starts): the HTTP process answers single-pattern queries
inline and should allocate as fast as the workers. A child that exits within
``STARTUP_GRACE`` seconds of its start is not restarted: the server stops with an error
instead of restarting a failing child forever.
"""

from __future__ import annotations

import base64
import pickle
import signal
import socket
import subprocess
import sys
import time
from types import FrameType
from typing import Any

import uvicorn
from unsckg.server.environment import child_environment, needs_own_process
from unsckg.server.settings import ServerSettings

STARTUP_GRACE = 5.0


def bind(host: str, port: int, *, reuse_port: bool = False) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def uvicorn_config(app: Any, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app`` as served here (uvloop, httptools, no uvicorn
    access log: ours is structured), with the short-cut of :mod:`unsckg.server.fastpath` for
    queries answered inline; ``options`` are passed on (the tests add host and port)."""
    from unsckg.server.app import EndpointApp
    from unsckg.server.fastpath import protocol_for

    fast_path = app.fast_path if isinstance(app, EndpointApp) else None
    return uvicorn.Config(
        app,
        loop="uvloop",
        http=protocol_for(fast_path),
        access_log=False,
        proxy_headers=False,
        log_level="warning",
        timeout_graceful_shutdown=5,
        **options,
    )


def serve_socket(settings: ServerSettings, sock: socket.socket) -> None:
    """Serve the app on an already bound socket until interrupted."""
    from unsckg.server.app import create_app

    uvicorn.Server(uvicorn_config(create_app(settings))).run(sockets=[sock])


def _child(settings: ServerSettings, host: str, port: int) -> subprocess.Popen[bytes]:
    encoded = base64.b64encode(pickle.dumps(settings)).decode()
    command = [sys.executable, "-m", "unsckg.server.serve", host, str(port), encoded]
    return subprocess.Popen(command, env=child_environment(allocator=settings.allocator))


class ChildFailed(RuntimeError):
    """An HTTP process exited right after it was started (its error is on stderr)."""


def supervise(settings: ServerSettings, host: str, port: int) -> None:
    # Fail here, in the parent, if the address is taken by someone else.
    bind(host, port, reuse_port=True).close()
    children = [_child(settings, host, port) for _ in range(settings.http_processes)]
    started = [time.monotonic()] * len(children)
    stopping = False

    def stop(signum: int, _: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stopping:
            for index, child in enumerate(children):
                if child.poll() is None:
                    continue
                if time.monotonic() - started[index] < STARTUP_GRACE:
                    raise ChildFailed(
                        f"an HTTP process exited at startup (code {child.returncode})"
                    )
                children[index] = _child(settings, host, port)
                started[index] = time.monotonic()
            time.sleep(0.5)
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(30)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run(settings: ServerSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted; see the module docstring."""
    if settings.http_processes > 1 or needs_own_process(settings.allocator):
        supervise(settings, host, port)
        return
    with bind(host, port) as sock:
        serve_socket(settings, sock)


def main(argv: list[str]) -> int:
    """Entry point of a child HTTP process: ``python -m unsckg.server.serve HOST PORT SETTINGS``
    (the settings pickled by the parent, which is the same program)."""
    settings = pickle.loads(base64.b64decode(argv[2]))
    with bind(argv[0], int(argv[1]), reuse_port=True) as sock:
        serve_socket(settings, sock)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
