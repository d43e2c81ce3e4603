"""The environment of the processes the server starts: glibc's larger thread cache for small
blocks and the preloaded allocator reach the query workers, and what the user set is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from unsckg.server.environment import (
    LARGE_PAGES,
    PRELOAD,
    TCACHE,
    TCACHE_COUNT,
    allocator_library,
    child_environment,
    find_mimalloc,
    needs_own_process,
)
from unsckg.server.settings import ServerSettings

from tests.server.conftest import RunningServer

# CI installs mimalloc (`make test`), so there its absence is a failure, not a skip.
MIMALLOC = find_mimalloc()
needs_mimalloc = pytest.mark.skipif(
    MIMALLOC is None and not os.environ.get("CI"), reason="mimalloc is not installed"
)


def test_adds_the_tunable_and_keeps_the_rest() -> None:
    env = child_environment({"PATH": "/bin"})
    assert env == {"PATH": "/bin", "GLIBC_TUNABLES": f"{TCACHE}={TCACHE_COUNT}"}


def test_appends_to_other_tunables() -> None:
    env = child_environment({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert env["GLIBC_TUNABLES"] == f"glibc.malloc.arena_max=2:{TCACHE}={TCACHE_COUNT}"


def test_a_value_the_user_set_wins() -> None:
    env = child_environment({"GLIBC_TUNABLES": f"{TCACHE}=0"})
    assert env["GLIBC_TUNABLES"] == f"{TCACHE}=0"


def test_system_preloads_nothing() -> None:
    assert allocator_library("system") is None
    assert PRELOAD not in child_environment({"PATH": "/bin"}, allocator="system")


def test_auto_preloads_mimalloc_when_the_system_has_it() -> None:
    assert allocator_library("auto") == MIMALLOC
    env = child_environment({}, allocator="auto")
    assert env.get(PRELOAD) == MIMALLOC


def test_mimalloc_is_asked_for_large_pages_unless_the_user_said_otherwise() -> None:
    assert (child_environment({}, allocator="auto").get(LARGE_PAGES) == "1") is bool(MIMALLOC)
    assert LARGE_PAGES not in child_environment({}, allocator="system")
    if MIMALLOC:
        assert child_environment({LARGE_PAGES: "0"}, allocator="auto")[LARGE_PAGES] == "0"


def test_a_library_file_is_preloaded_by_its_full_path(tmp_path: Path) -> None:
    library = tmp_path / "liballoc.so"
    library.write_bytes(b"")
    assert child_environment({}, allocator=str(library))[PRELOAD] == str(library.resolve())


def test_a_preload_the_user_set_wins(tmp_path: Path) -> None:
    library = tmp_path / "liballoc.so"
    library.write_bytes(b"")
    env = child_environment({PRELOAD: "libjemalloc.so.2"}, allocator=str(library))
    assert env[PRELOAD] == "libjemalloc.so.2"


def test_an_unknown_allocator_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="allocator"):
        allocator_library("tcmalloc")
    with pytest.raises(ValueError, match="allocator"):
        ServerSettings(store_path=tmp_path, allocator=str(tmp_path / "missing.so"))


def test_a_single_http_process_runs_as_a_child_unless_it_has_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PRELOAD, raising=False)
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    assert needs_own_process("system") and needs_own_process("auto")
    monkeypatch.setenv("GLIBC_TUNABLES", f"{TCACHE}=64")
    assert not needs_own_process("system")
    assert needs_own_process("auto") is (MIMALLOC is not None)
    monkeypatch.setenv(PRELOAD, "libother.so")
    assert not needs_own_process("auto")


@needs_mimalloc
def test_python_runs_with_mimalloc_preloaded() -> None:
    """The preload works for the interpreter the workers run in (it answers, and maps it)."""
    script = "import pyoxigraph; print(open('/proc/self/maps').read())"
    env = child_environment(allocator="auto")
    maps = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "mimalloc" in maps


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


@needs_mimalloc
def test_query_workers_allocate_with_mimalloc(server: RunningServer) -> None:
    with server.client() as client:
        assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        health = client.get("/health").json()
    workers = _workers_of(os.getpid())
    assert workers
    for pid in workers:
        assert "mimalloc" in Path(f"/proc/{pid}/maps").read_text()
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        if not os.environ.get(PRELOAD) and LARGE_PAGES not in os.environ:
            assert f"{LARGE_PAGES}=1".encode() in environ
    if not os.environ.get(PRELOAD):
        assert health["allocator"] == MIMALLOC
