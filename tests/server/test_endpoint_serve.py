"""``unsckg.server.app.run`` as the CLI calls it: a real process, here with two HTTP processes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

SERVE = """
import sys
from pathlib import Path
from unsckg.server.app import run
from unsckg.server.settings import ServerSettings
settings = ServerSettings(store_path=Path(sys.argv[1]), workers=1, http_processes=2)
run(settings, "127.0.0.1", int(sys.argv[2]))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_run_with_two_http_processes(store_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(store_path), str(port)])
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            for _ in range(600):
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            for _ in range(20):  # requests land on either process; all are answered
                response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
                assert response.json()["boolean"] is True
    finally:
        process.terminate()
        assert process.wait(60) is not None
