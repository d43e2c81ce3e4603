"""Benchmark: the build client's peak memory as the corpus grows, through the Dask executor.

Run: ``.venv/bin/python bench/bench_memory.py --sizes 10000,100000`` (target, issue 18: the
client's peak resident memory at 100,000 documents within 10% of that at 10,000). Each size is
one build, in a fresh process, on a fresh store, on a ``LocalCluster`` of two single-threaded
worker processes started with the project's quiet cluster configuration. The scheduler runs in
a process of its own (``--cluster process``, the default), as ``dask scheduler`` does on a real
cluster: the scheduler's per-task bookkeeping is not the client's memory. ``--cluster client``
puts the ``LocalCluster`` in the build's process, as the first runs did.

The documents are small (2 KB) real texts: copies of the two short bundled samples (a
presidential statement and a resolution), each with its own year, symbol and file name, so each
copy is a document with its own graph. They are written to a temporary folder (``--workdir``),
never committed.

The build's last steps (the library links and the representations, which until branch
``memlast`` read the whole store and added about 170 MiB at 100,000 documents; now
``unsckg.graph.derive`` follows what the build changes and reads only that) are reported
apart: the peak up to the last document settled is a column of its own, and the whole build's
peak should now be the same figure.

The client's peak is sampled two ways: ``getrusage``'s ``ru_maxrss`` at the end (the kernel's
high-water mark of the client process, which with ``--cluster client`` also hosts the
scheduler and the workers' nannies), and a thread reading ``/proc/self/statm`` every 0.2 s,
which also gives the resident memory at 10%, 50% and 90% of the build and its highest in each
tenth of the documents' phase (up to the last document settled). Each load batch moves the
samples (the batch, then Oxigraph's bulk load of it, which holds about twelve times the
batch: up to 100 MiB with the 16 MB batches of before, about 45 with 8 MB; since the fifth
round two batches of 4 MB may load at once), so a single sample says little; the growth per
document is the slope of a least-squares line through the tenths' highest samples, the first
tenth (warm-up) left out:
``growth_kb_per_doc``, about 0 when memory is flat.

Measured (7 December 2026, load average 7-12; MiB, whole build / to the last document):
main (``d2fa573``) 313 / 313 at 5,000 and 279 / 276 at 20,000; incremental last steps,
16 MB batches, 299 / 293 and 300 / 299; with 8 MB batches 165 / 164 and 174 / 171. The
10,000 / 100,000 run (172 MiB at 10,000; 229 to the last document and 314 for the whole
build at 100,000) is in ``docs/scale.md``: what still grows in the documents' phase is native
memory that follows the store's size (most likely RocksDB's index blocks; not verified inside
RocksDB), not Python objects; the whole build's extra 85 MiB is the end step's sync of the
46,516 cited subjects, lookups spread over the whole store.

The writer keeps at most 64 SST files open (``unsckg.graph.store.writer_open_files``; each
open file holds its index blocks and filter, 5.6-6.9 KiB per MiB of store): set
``UNSCKG_WRITER_OPEN_FILES=0`` for the uncapped store of before, and run both side by side to
compare (docs/scale.md, "The writer's open files"). Each row reports the cap, the store's size
and its SST files.

What grew with the store after the cap was RocksDB's block caches (32 MiB for the index column
families, 128 MiB for ``id2str``), filled by the ingestion of each batch and given back only
when the store closes; the loader now reopens its store every 512 MiB of N-Quads
(``unsckg.graph.loader.REOPEN_BYTES``; docs/scale.md, "The writer's block caches"). Each row
reports ``store_reopens``: the ``LOG.old.*`` files RocksDB left, one per opening of the store
after its first, i.e. the loader's reopenings.

Rates here are those of a shared 2-core machine: 100,000 documents take about half an hour
when it is idle; ``--sizes`` runs what time allows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import median
from typing import Any

BENCH = Path(__file__).resolve().parent
SMALL = ("S-PRST-2021-1.zh.txt", "S-RES-2505-2020.zh.txt")  # the bundled 2 KB texts


def make_small_corpus(folder: Path, count: int) -> int:
    """``count`` copies of the small bundled texts, each a distinct document; total bytes."""
    sys.path.insert(0, str(BENCH))
    from bench_build import SAMPLES, _variant

    templates = [(name, (SAMPLES / name).read_text(encoding="utf-8")) for name in SMALL]
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        name, text = _variant(*templates[i % len(templates)], i)
        data = text.encode("utf-8")
        (folder / f"{i // 1000:03d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:03d}" / name).write_bytes(data)
        size += len(data)
    return size


class RssSampler(threading.Thread):
    """This process's resident memory every ``interval`` seconds, in MiB."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval, self.samples = interval, []
        self.marked, self.marked_at = 0.0, 0
        self._stop_event = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") / 2**20

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            with open("/proc/self/statm") as handle:
                self.samples.append(int(handle.read().split()[1]) * self._page)

    def mark(self) -> None:
        """Note the highest sample so far and how many (the end of the documents' phase)."""
        self.marked = max(self.samples, default=0.0)
        self.marked_at = len(self.samples)

    def stop(self) -> list[float]:
        self._stop_event.set()
        self.join()
        return self.samples


class _LastDocument:
    """An observer that marks the sampler when the last document is settled, and prints the
    client's memory every ``every`` documents to stderr (a run cut short still shows its
    trend: ``documents elapsed_s docs/s rss_now_mib rss_max_mib load1``)."""

    def __init__(self, sampler: RssSampler, every: int = 5000) -> None:
        self.sampler, self.total, self.seen, self.every = sampler, 0, 0, every
        self.started = time.perf_counter()

    def start(self, total: int) -> None:
        self.total = total

    def document(self, event: object) -> None:
        self.seen += 1
        if self.seen == self.total:
            self.sampler.mark()
        if self.seen % self.every == 0:
            elapsed = time.perf_counter() - self.started
            now = self.sampler.samples[-1] if self.sampler.samples else 0.0
            top = max(self.sampler.samples, default=0.0)
            print(
                f"progress {self.seen} {elapsed:.0f}s {self.seen / elapsed:.1f}/s "
                f"rss {now:.0f} max {top:.0f} MiB load {os.getloadavg()[0]:.1f}",
                file=sys.stderr,
                flush=True,
            )


def serve_cluster(workers: int) -> None:
    """The cluster's own process (``--cluster process``): a ``LocalCluster`` (its scheduler and
    the workers' nannies here, each worker in a process of its own) whose address is printed
    on stdout; it runs until stdin closes."""
    from unsckg.graph.executors import cluster_config

    with cluster_config(), local_cluster(workers) as cluster:
        print(cluster.scheduler_address, flush=True)
        sys.stdin.read()


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` single-threaded worker processes on loopback."""
    import distributed

    return distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
    )


@contextlib.contextmanager
def connected(workers: int, where: str) -> Iterator[Any]:
    """A client of a two-worker cluster: with ``where == "process"`` the scheduler runs in a
    process of its own, as ``dask scheduler`` does on a real cluster; with ``"client"`` (the
    setup of the first runs) a ``LocalCluster`` in this process, whose scheduler's and nannies'
    memory counts as the client's."""
    import distributed

    if where == "client":
        with local_cluster(workers) as cluster, distributed.Client(cluster) as client:
            yield client
        return
    command = [sys.executable, __file__, "--serve-cluster", str(workers)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
        assert p.stdout is not None and p.stdin is not None
        address = p.stdout.readline().strip()
        try:
            with distributed.Client(address, set_as_default=False) as client:
                yield client
        finally:
            p.stdin.close()


def child(corpus: Path, store_path: Path, workers: int, where: str) -> dict[str, Any]:
    """One Dask build in this fresh process; the client's memory over it."""
    from unsckg.graph.build import build, lost_on_cluster
    from unsckg.graph.executors import DaskExecutor, cluster_config
    from unsckg.graph.store import Store, writer_open_files

    cluster_config()
    # the store first, as ``unsckg build`` does: it opens under a lowered limit on open files
    # (unsckg.graph.store.open_files_capped), before the client's threads open sockets
    with Store(store_path) as store, connected(workers, where) as client:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sampler = RssSampler()
        sampler.start()
        started = time.perf_counter()
        executor = DaskExecutor(client, lost_on_cluster)
        report = build(store, [corpus], executor=executor, observer=_LastDocument(sampler))
        wall = time.perf_counter() - started
        samples = sampler.stop()
        worker_peak = max(client.run(_peak_rss_mib).values())
        scheduler_peak = client.run_on_scheduler(_peak_rss_mib)
    n = len(samples)
    return {
        "documents": len(report.added),
        "failed": len(report.failed),
        "wall_s": wall,
        "docs_per_s": len(report.added) / wall,
        "client_peak_rusage_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "client_peak_before_build_mib": before,
        "client_peak_sampled_mib": max(samples, default=0.0),
        # before the build's last step (every symbol's library links, written at the end)
        "client_peak_documents_mib": sampler.marked,
        "client_rss_at_10_50_90_pct_mib": [samples[int(n * f)] for f in (0.1, 0.5, 0.9)]
        if n
        else [],
        # the documents' phase only: the last steps (library links, representations) apart
        "client_rss_highest_by_tenth_mib": tenths(samples[: sampler.marked_at]),
        "growth_kb_per_doc": growth_kb_per_doc(
            tenths(samples[: sampler.marked_at]), len(report.added)
        ),
        # the resting level: the median sample of each tenth (the bulk loads' spikes, about a
        # second per batch, are a minority of the samples), and its slope
        "client_rss_median_by_tenth_mib": tenths(samples[: sampler.marked_at], median),
        "resting_kb_per_doc": growth_kb_per_doc(
            tenths(samples[: sampler.marked_at], median), len(report.added)
        ),
        # the floor: the lowest sample of each tenth, just after a reopening of the store
        # emptied RocksDB's caches and between two bulk loads: what the client itself holds
        "client_rss_lowest_by_tenth_mib": tenths(samples[: sampler.marked_at], min),
        "floor_kb_per_doc": growth_kb_per_doc(
            tenths(samples[: sampler.marked_at], min), len(report.added)
        ),
        "worker_peak_mib": worker_peak,
        "scheduler_process_peak_mib": scheduler_peak,  # with --cluster client: the client
        "cluster": where,
        "writer_open_files": writer_open_files(),  # None: all (UNSCKG_WRITER_OPEN_FILES=0)
        "store_sst_files": len(list(store_path.glob("*.sst"))),
        "store_reopens": len(list(store_path.glob("LOG.old.*"))),  # one per opening after the first
        "store_mib": sum(p.stat().st_size for p in store_path.glob("*")) / 2**20,
        "load_1min_at_end": os.getloadavg()[0],
    }


def tenths(samples: list[float], pick: Callable[[list[float]], float] = max) -> list[float]:
    """The highest sample (or ``pick``'s) in each tenth of the build (by time)."""
    n = len(samples)
    if n < 10:
        return []
    return [pick(samples[n * k // 10 : n * (k + 1) // 10]) for k in range(10)]


def growth_kb_per_doc(highs: list[float], documents: int) -> float:
    """The least-squares slope of the tenths' highest samples, tenths 2-10, in KB a document
    (documents settle at a steady rate, so a tenth of the time is about a tenth of them)."""
    points = [((k + 0.5) * documents / 10, mib) for k, mib in enumerate(highs)][1:]
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den * 1024


def _resting(row: dict[str, Any], which: str = "median") -> str:
    medians = row.get(f"client_rss_{which}_by_tenth_mib") or []
    return f"{medians[1]:.1f} -> {medians[-1]:.1f}" if len(medians) == 10 else "-"


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--cluster",
        choices=("process", "client"),
        default="process",
        help="where the scheduler runs: a process of its own (as on a real cluster) or the "
        "client's (a LocalCluster in the build's process)",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--serve-cluster", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_cluster:
        serve_cluster(args.serve_cluster)
        return
    if args.child:
        corpus, store, workers, where = args.child
        print(json.dumps(child(Path(corpus), Path(store), int(workers), where)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="unsckg-memory-"))
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        corpus, store = work / f"corpus-{size}", work / f"store-{size}"
        shutil.rmtree(store, ignore_errors=True)
        if not corpus.exists():
            make_small_corpus(corpus, size)
        command = [sys.executable, __file__, "--child", str(corpus), str(store)]
        command += [str(args.workers), args.cluster]
        # stderr passes through: the progress lines of a long run
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
        row = {"size": size, **json.loads(out.stdout.strip().splitlines()[-1])}
        rows.append(row)
        print(json.dumps(row), flush=True)
        shutil.rmtree(store, ignore_errors=True)
    print(table(rows))


def table(rows: list[dict[str, Any]]) -> str:
    """The client's peak at each size, against the smallest size's."""
    first = rows[0]["client_peak_rusage_mib"]
    first_docs = rows[0].get("client_peak_documents_mib") or 1.0
    lines = [
        "| documents | docs/s | client peak MiB | x smallest | peak to last document MiB "
        "| x smallest | RSS at 10/50/90% MiB | growth KB/doc | worker peak MiB "
        "| resting MiB (median, tenths 2 and 10) | resting KB/doc "
        "| floor MiB (lowest, tenths 2 and 10) | floor KB/doc |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        during = "/".join(f"{v:.0f}" for v in r["client_rss_at_10_50_90_pct_mib"])
        lines.append(
            f"| {r['size']:,} | {r['docs_per_s']:.1f} | {r['client_peak_rusage_mib']:.0f} | "
            f"x{r['client_peak_rusage_mib'] / first:.2f} | "
            f"{r.get('client_peak_documents_mib', 0):.0f} | "
            f"x{r.get('client_peak_documents_mib', 0) / first_docs:.2f} | {during} | "
            f"{r.get('growth_kb_per_doc', 0.0):+.2f} | "
            f"{r['worker_peak_mib']:.0f} | {_resting(r)} | "
            f"{r.get('resting_kb_per_doc', 0.0):+.3f} | {_resting(r, 'lowest')} | "
            f"{r.get('floor_kb_per_doc', 0.0):+.3f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
