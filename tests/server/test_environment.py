"""The environment of the processes the server starts: glibc's larger thread cache for small
blocks reaches the query workers, and a value the user set is kept."""

from __future__ import annotations

import os
from pathlib import Path

from unsckg.server.environment import TCACHE, TCACHE_COUNT, child_environment

from tests.server.conftest import RunningServer


def test_adds_the_tunable_and_keeps_the_rest() -> None:
    env = child_environment({"PATH": "/bin"})
    assert env == {"PATH": "/bin", "GLIBC_TUNABLES": f"{TCACHE}={TCACHE_COUNT}"}


def test_appends_to_other_tunables() -> None:
    env = child_environment({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert env["GLIBC_TUNABLES"] == f"glibc.malloc.arena_max=2:{TCACHE}={TCACHE_COUNT}"


def test_a_value_the_user_set_wins() -> None:
    env = child_environment({"GLIBC_TUNABLES": f"{TCACHE}=0"})
    assert env["GLIBC_TUNABLES"] == f"{TCACHE}=0"


def _workers_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == pid and b"unsckg.server.worker" in command:
            found.append(int(entry.name))
    return found


def test_query_workers_run_with_it(server: RunningServer) -> None:
    with server.client() as client:
        assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    workers = _workers_of(os.getpid())
    assert workers
    for pid in workers:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        tunables = [v for v in environ if v.startswith(b"GLIBC_TUNABLES=")]
        assert tunables and TCACHE.encode() in tunables[0]
