"""``unsckg serve`` as a user runs it (a subprocess on a free port), and lazy imports.

The walking-skeleton acceptance: after ``serve`` builds an empty store from the samples, the
presidency query over HTTP returns the samples' presidencies, once each.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

UNSCKG = [sys.executable, "-c", "from unsckg.graph.cli import main; main()"]
PRESIDENCIES = (
    "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#> "
    "SELECT ?m ?s WHERE { ?p a unsc:Presidency ; unsc:month ?m ; unsc:heldBy ?s }"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[str], deadline: float = 120.0) -> None:
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.communicate()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server did not answer at {url}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    args = [*UNSCKG, "serve", "--store", str(tmp_path / "store"), "--port", str(port)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/health", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_builds_an_empty_store_and_answers_the_presidency_query(server: str) -> None:
    data = urllib.parse.urlencode({"query": PRESIDENCIES}).encode()
    request = urllib.request.Request(f"{server}/sparql", data=data)
    request.add_header("Accept", "application/sparql-results+json")
    with urllib.request.urlopen(request, timeout=30) as response:
        bindings = json.load(response)["results"]["bindings"]
    got = sorted((b["m"]["value"], b["s"]["value"].rsplit("/", 1)[-1]) for b in bindings)
    assert got == [("2018-03", "NLD"), ("2020-03", "CHN"), ("2021-04", "VNM"), ("2021-05", "CHN")]


def test_store_commands_do_not_load_the_extractors(tmp_path: Path) -> None:
    store = tmp_path / "store"
    subprocess.run([*UNSCKG, "build", "--store", str(store)], check=True, capture_output=True)
    probe = (
        "import sys\n"
        "from unsckg.graph.cli import main\n"
        "for args in (['query', 'ASK {}'], ['export', '-o', sys.argv[2]], ['stats'],\n"
        "             ['link', '--report']):\n"
        "    try:\n"
        "        main([*args, '--store', sys.argv[1]])\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, (args, exit.code)\n"
        "loaded = [m for m in ('jieba', 'unsckg.extractors.pipeline') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run(
        [sys.executable, "-c", probe, str(store), str(tmp_path / "dump.trig")],
        check=True,
        env=env,
        capture_output=True,
    )


def test_serve_refuses_an_unknown_allocator_before_building(tmp_path: Path) -> None:
    store = tmp_path / "store"
    args = [*UNSCKG, "serve", "--store", str(store), "--allocator", "tcmalloc"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "allocator" in result.stderr and "tcmalloc" in result.stderr
    assert not store.exists()
