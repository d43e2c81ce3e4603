"""Serving: one or several HTTP processes on one listening socket.

``run`` binds the socket itself, then either serves in this process or starts
``ServerSettings.http_processes`` children that all accept on the same socket (inherited file
descriptor) and supervises them: a child that dies is restarted, SIGINT/SIGTERM stop them all.
Why several: a Python HTTP process tops out at one core; answering point queries inline is
cheap enough that parsing HTTP becomes the bound, and a second process uses the second core.
Each child has its own worker pool, so the machine runs ``http_processes × workers`` query
processes.
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

import uvicorn
from unsckg.server.settings import ServerSettings


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve_socket(settings: ServerSettings, sock: socket.socket) -> None:
    """Serve the app on an already bound socket until interrupted (uvloop, httptools)."""
    from unsckg.server.app import create_app

    config = uvicorn.Config(
        create_app(settings),
        loop="uvloop",
        http="httptools",
        access_log=False,  # ours is structured (unsckg.server.accesslog)
        proxy_headers=False,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )
    uvicorn.Server(config).run(sockets=[sock])


def _child(settings: ServerSettings, sock: socket.socket) -> subprocess.Popen[bytes]:
    encoded = base64.b64encode(pickle.dumps(settings)).decode()
    command = [sys.executable, "-m", "unsckg.server.serve", str(sock.fileno()), encoded]
    return subprocess.Popen(command, pass_fds=(sock.fileno(),))


def supervise(settings: ServerSettings, sock: socket.socket) -> None:
    children = [_child(settings, sock) for _ in range(settings.http_processes)]
    stopping = False

    def stop(signum: int, _: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stopping:
            for index, child in enumerate(children):
                if child.poll() is not None:
                    children[index] = _child(settings, sock)
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
    sock = bind(host, port)
    try:
        if settings.http_processes <= 1:
            serve_socket(settings, sock)
        else:
            supervise(settings, sock)
    finally:
        sock.close()


def main(argv: list[str]) -> int:
    """Entry point of a child HTTP process: ``python -m unsckg.server.serve FD SETTINGS``."""
    sock = socket.socket(fileno=int(argv[0]))
    settings = pickle.loads(base64.b64decode(argv[1]))
    serve_socket(settings, sock)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
