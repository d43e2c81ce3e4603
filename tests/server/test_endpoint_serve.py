"""``unsckg.server.app.run`` as the CLI calls it: a real process, here with two HTTP processes."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
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


@contextlib.contextmanager
def ready_client(port: int) -> Iterator[httpx.Client]:
    """A client of the server on ``port``, once it answers ``/health``."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
        for _ in range(600):
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield client


def test_run_with_two_http_processes(store_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(store_path), str(port)])
    try:
        with ready_client(port) as client:
            for _ in range(20):  # requests land on either process; all are answered
                response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
                assert response.json()["boolean"] is True
    finally:
        process.terminate()
        assert process.wait(60) is not None


SERVE_ONE = """
import sys
from pathlib import Path
from unsckg.server.app import run
from unsckg.server.serve import ChildFailed
from unsckg.server.settings import ServerSettings
settings = ServerSettings(store_path=Path(sys.argv[1]), workers=1, http_processes=int(sys.argv[3]))
try:
    run(settings, "127.0.0.1", int(sys.argv[2]))
except ChildFailed as error:
    print(error)
    sys.exit(3)
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def test_a_single_http_process_gets_the_allocator_of_the_workers(store_path: Path) -> None:
    """The one HTTP process runs as a child, with the workers' environment: mimalloc
    preloaded when the system has it, glibc's tunable."""
    from unsckg.server.environment import PRELOAD, find_mimalloc

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in (PRELOAD, "GLIBC_TUNABLES")}
    command = [sys.executable, "-c", SERVE_ONE, str(store_path), str(port), "1"]
    process = subprocess.Popen(command, env=env)
    try:
        with ready_client(port) as client:
            health = client.get("/health").json()
            assert client.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True
        http = [p for p in _children(process.pid) if b"unsckg.server.serve" in _cmdline(p)]
        assert len(http) == 1
        assert b"GLIBC_TUNABLES=" in Path(f"/proc/{http[0]}/environ").read_bytes()
        if find_mimalloc() is None:
            assert health["allocator"] == "system"
        else:
            assert health["allocator"] == find_mimalloc()
            assert "mimalloc" in Path(f"/proc/{http[0]}/maps").read_text()
    finally:
        process.terminate()
        assert process.wait(60) is not None


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_http_processes_that_fail_at_startup_stop_the_server(tmp_path: Path) -> None:
    """No restart loop: a child that exits at once (here: no store) ends ``run`` with an
    error naming what happened."""
    port = free_port()
    command = [sys.executable, "-c", SERVE_ONE, str(tmp_path / "none"), str(port), "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert "exited at startup" in result.stdout
    assert "no store at" in result.stderr
