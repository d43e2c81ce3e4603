"""``unsckg build URL``: documents read through fsspec, from ``memory://`` and from a real HTTP
server on 127.0.0.1 (the bundled samples, copied), give the same store as the same files on
disk, and a URL that cannot be read is a one-line error naming it."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import pytest
from click.testing import CliRunner
from unsckg.graph.cli import main
from unsckg.graph.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"
NAMES = ("S-PRST-2021-1.zh.txt", "S-RES-2505-2020.zh.txt", "S-2021-284.zh.txt")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A folder ``corpus/`` with three samples and a broken file, served on 127.0.0.1."""
    corpus = tmp_path / "www" / "corpus"
    corpus.mkdir(parents=True)
    for name in NAMES:
        shutil.copy(SAMPLES / name, corpus / name)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    handler = functools.partial(_Quiet, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _build(store: Path, *arguments: str) -> Any:
    return CliRunner().invoke(main, ["build", "--store", str(store), "--quiet", *arguments])


def _quads(store: Path) -> set[Any]:
    with Store(store, read_only=True) as opened:
        return set(opened.quads())


def _local(tmp_path: Path) -> set[Any]:
    local = tmp_path / "local"
    local.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, local / name)
    assert _build(tmp_path / "disk", str(local)).exit_code == 0
    return _quads(tmp_path / "disk")


def test_a_memory_url_builds_the_same_store_as_the_files(tmp_path: Path) -> None:
    fs = fsspec.filesystem("memory")
    for name in NAMES:
        fs.pipe(f"/unsckg-test/corpus/{name}", (SAMPLES / name).read_bytes())
    try:
        result = _build(tmp_path / "mem", "memory://unsckg-test/corpus")
    finally:
        fs.rm("/unsckg-test", recursive=True)
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stdout
    assert _quads(tmp_path / "mem") == _local(tmp_path)


def test_an_http_folder_builds_in_worker_processes(tmp_path: Path, served: str) -> None:
    result = _build(tmp_path / "web", "--jobs", "2", f"{served}/corpus/")
    assert result.exit_code == 1  # the broken PDF, named by its URL, on one line
    assert f"Error: {served}/corpus/broken.pdf: " in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "3 added" in result.stdout and "1 failed" in result.stdout
    assert _quads(tmp_path / "web") == _local(tmp_path)
    again = _build(tmp_path / "web", f"{served}/corpus/{NAMES[0]}")
    assert again.exit_code == 0 and "1 unchanged" in again.stdout, again.output


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("memory://unsckg-test/none/", "no such file or folder: memory://unsckg-test/none/"),
        ("nosuchproto://x/y", "cannot read nosuchproto://x/y"),
    ],
)
def test_a_url_that_cannot_be_read_is_one_line(tmp_path: Path, url: str, reason: str) -> None:
    result = _build(tmp_path / "s", url)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {reason}"), result.stderr


def test_a_file_url_is_a_local_path(tmp_path: Path) -> None:
    result = _build(tmp_path / "s", (SAMPLES / NAMES[0]).as_uri())
    assert result.exit_code == 0 and "1 added" in result.stdout, result.output
