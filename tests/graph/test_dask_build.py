"""Extraction on a Dask cluster: a real ``distributed.LocalCluster`` of two worker processes.

The cluster's build must equal the serial build graph for graph (resolution stays in the
client, in file-name order), survive a worker killed mid-build (its tasks rerun elsewhere; no
document lost or half-written), and name the files it could not read.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from unsckg.graph.build import BuildReport, build, lost_on_cluster
from unsckg.graph.executors import MAX_CHUNK, DaskExecutor, chunk_for, cluster_config
from unsckg.graph.progress import DocumentEvent
from unsckg.graph.store import Store

distributed = pytest.importorskip("distributed")
SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with cluster_config():
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
        )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    """The seven samples three times over (21 files, so a build has work in flight)."""
    folder = tmp_path / "copies"
    for round_ in range(3):
        target = folder / f"r{round_}"
        target.mkdir(parents=True)
        for sample in SAMPLES.glob("*.txt"):
            shutil.copy(sample, target / f"{round_}-{sample.name}")
    return folder


def _quads(store_path: Path, paths: list[Path], **options: Any) -> tuple[BuildReport, set[Any]]:
    with Store(store_path) as store:
        report = build(store, paths, **options)
        return report, set(store.quads())


def test_a_dask_build_equals_the_serial_build(tmp_path: Path, client: Any) -> None:
    samples = sorted(SAMPLES.glob("*.txt"))
    serial_report, serial = _quads(tmp_path / "serial", samples)
    executor = DaskExecutor(client, lost_on_cluster, window=4, chunk=2)  # reordered
    dask_report, clustered = _quads(tmp_path / "dask", samples, executor=executor)
    assert dask_report.added == serial_report.added and len(dask_report.added) == 7
    assert not any(isinstance(t, ox.BlankNode) for q in serial for t in (q.subject, q.object))
    assert clustered == serial


class _KillOneWorker:
    """An observer that SIGKILLs one worker process when the first document is settled."""

    def __init__(self, client: Any) -> None:
        self.client, self.killed = client, 0

    def start(self, total: int) -> None:
        pass

    def document(self, event: DocumentEvent) -> None:
        if not self.killed:
            pids = self.client.run(os.getpid)
            os.kill(sorted(pids.values())[0], signal.SIGKILL)
            self.killed = 1


def test_a_worker_killed_mid_build_loses_no_document(
    tmp_path: Path, client: Any, copies: Path
) -> None:
    _, serial = _quads(tmp_path / "serial", [copies])
    killer = _KillOneWorker(client)
    executor = DaskExecutor(client, lost_on_cluster, window=6, chunk=2)
    report, clustered = _quads(tmp_path / "dask", [copies], executor=executor, observer=killer)
    assert killer.killed and not report.failed
    # 21 files, 3 copies of each of 7 documents: 7 added, 14 copies (only their build records)
    assert len(report.added) + len(report.replaced) + len(report.copies) == 21
    assert clustered == serial
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next test


def test_bad_files_are_reported_by_name(tmp_path: Path, client: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLES / "S-2021-284.zh.txt", corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 100)
    (corpus / "empty.txt").write_bytes(b"")
    executor = DaskExecutor(client, lost_on_cluster)
    report, _ = _quads(tmp_path / "s", [corpus], executor=executor)
    assert report.added == ["S-2021-284.zh.txt"]
    assert sorted(f.source for f in report.failed) == ["broken.txt", "empty.txt"]
    assert all(f.shown == str(corpus / f.source) and f.reason for f in report.failed)


def test_an_unreachable_scheduler_is_a_build_error(tmp_path: Path) -> None:
    from unsckg.graph.errors import BuildError

    executor = DaskExecutor("tcp://127.0.0.1:9", lost_on_cluster, connect_timeout=2)
    with Store(tmp_path / "s") as store, pytest.raises(BuildError, match="Dask scheduler"):
        build(store, [SAMPLES / "S-2021-284.zh.txt"], executor=executor)


def test_the_command_line_builds_on_a_scheduler(tmp_path: Path, client: Any) -> None:
    from click.testing import CliRunner
    from unsckg.graph.cli import main

    store = tmp_path / "s"
    address = client.scheduler.address
    arguments = ["build", "--store", str(store), "--executor", "dask", "--scheduler", address]
    result = CliRunner().invoke(main, [*arguments, str(SAMPLES / "S-2021-284.zh.txt")])
    assert result.exit_code == 0 and "1 added" in result.stdout, result.output
    missing = CliRunner().invoke(main, ["build", "--store", str(store), "--executor", "dask"])
    assert missing.exit_code == 2 and "--scheduler" in missing.stderr


def test_the_command_line_in_its_own_process_builds_on_a_scheduler(
    tmp_path: Path, client: Any
) -> None:
    """As a user runs it: a process with no default Dask client of its own (the client the
    build connects is not made the default, and must be the one its futures wait on)."""
    import subprocess
    import sys

    store = tmp_path / "s"
    command = [sys.executable, "-c", "from unsckg.graph.cli import main; main()", "build"]
    command += ["--store", str(store), "--executor", "dask", "--scheduler"]
    command += [client.scheduler.address, str(SAMPLES / "S-2021-284.zh.txt")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "1 added" in result.stdout, result.stderr


def test_workers_read_documents_from_a_url(tmp_path: Path, client: Any) -> None:
    """Workers fetch their documents from a web server on 127.0.0.1 (the client only lists
    and hashes them): the store equals a serial build of the same files on disk."""
    import functools
    import http.server
    import threading

    from unsckg.graph.remote import expand

    folder = tmp_path / "www" / "corpus"
    folder.mkdir(parents=True)
    samples = sorted(SAMPLES.glob("*.txt"))[:3]
    for sample in samples:
        shutil.copy(sample, folder)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder.parent)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urls = expand(f"http://127.0.0.1:{server.server_port}/corpus/")
        executor = DaskExecutor(client, lost_on_cluster, window=2, chunk=1)
        report, clustered = _quads(tmp_path / "dask", urls, executor=executor)  # type: ignore[arg-type]
    finally:
        server.shutdown()
        server.server_close()
    _, serial = _quads(tmp_path / "serial", samples)
    assert len(report.added) == 3 and not report.failed
    assert clustered == serial


def test_tasks_share_the_window_among_the_workers_threads(client: Any) -> None:
    threads = sum(client.nthreads().values())
    assert chunk_for(client, 256) == min(MAX_CHUNK, 256 // (4 * threads))
    assert chunk_for(client, 4) == 1  # never an empty task
    assert chunk_for(client, 10**6) == MAX_CHUNK
