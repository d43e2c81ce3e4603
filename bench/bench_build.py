"""Benchmark: building the store from >= 5,000 documents, serial and parallel.

Run: ``.venv/bin/python bench/bench_build.py`` (about six minutes on two cores; ``--docs`` to
change the corpus size). The corpus is made from the bundled dev documents with variations (each
copy gets its own year, symbol or resolution number and file name, so every copy is a distinct
document with its own graph). Each build runs in a fresh process on a fresh store and reports:

- build rate (documents/s) with ``--jobs 1`` and ``--jobs 2``, and the speed-up;
- peak resident memory of the build process and of its extraction workers;
- the store's size on disk;
- the load step's rate (the documents' distinct quads in the store, over the time the build's
  loader spent serialising and loading them; the lines it handed over, duplicates included, are
  reported too) next to pyoxigraph's own ``bulk_load`` of the same data (the N-Quads dump of
  the built store, which has no duplicates) in the same run;
- the CPU time of each build (the build process with its loader threads, and the workers), how
  many cores it kept busy, and the speed-up's ceiling on this machine: the jobs-2 build's CPU
  work spread over every core, against the jobs-1 wall time. ``--jobs 1`` already loads beside
  its extraction (the bulk loader runs in threads that do not hold the GIL), so on two cores the
  load competes with the two workers of ``--jobs 2`` for the same cores; the extraction alone
  (nothing loaded) is measured with one and two processes too.

Targets (issue 4): load >= 0.8x bulk_load; ``--jobs 2`` >= 1.6x ``--jobs 1``.

``--corpus PATH`` (issue 18) copies real texts instead (every ``.txt`` below PATH, e.g. the
project's shared ``corpus/real``; each copy gets its own file name and, where the name shows
the symbol, its own symbol number) to ``--docs`` documents, and prints one table: documents/s
and MB/s, peak memory of the client and of each worker, and the store's size, for ``--jobs 1``,
``--jobs 2`` and Dask (a ``LocalCluster`` of worker processes, its scheduler in a process of
its own) with 1 and 2 workers; then the
writer next to ``bulk_load`` of the same quads in the same run, and the client's peak memory
with Dask at a tenth of the documents (flat memory: the same within 10%). With ``--only-load``
it only makes the copies and runs the writer next to ``bulk_load`` (``--load-rounds`` rounds,
alternating which goes first; every round's ratio printed, and the same in CPU time).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "graph" / "samples"


def _variant(name: str, text: str, i: int) -> tuple[str, str]:
    """The ``i``-th variation of one dev document: its own year, symbol and file name."""
    stem = name.split(".", 1)[0]
    main_year = re.search(r"(20\d\d)", stem) or re.search(r"(20\d\d)", text)
    year = str(1996 + i % 28)
    if main_year:
        text = text.replace(main_year.group(1), year)
    match = re.fullmatch(r"S-(\d{4})-(\d+)", stem)
    if match:
        text = text.replace(f"S/{year}/{match.group(2)}", f"S/{year}/{10000 + i}")
    elif stem.startswith("S-RES-"):
        text = text.replace(stem.split("-")[2], str(3000 + i))
    elif stem.startswith("S-PRST-"):
        text = text.replace(f"S/PRST/{year}/1", f"S/PRST/{year}/{i}")
    return f"{i:05d}-{name}", text


_SYMBOL_FORMS = (  # file-name stem -> (pattern of its number in the text, group kept)
    (re.compile(r"S-RES-(\d+)-(\d{4})"), r"(?<!\d){n}(?!\d)"),
    (re.compile(r"S-PRST-(\d{4})-(\d+)"), r"(?<=PRST/{y}/){n}(?!\d)"),
    (re.compile(r"S-PV-(\d+)"), r"(?<!\d){n}(?!\d)"),
    (re.compile(r"S-(\d{4})-(\d+)"), r"(?<=S/{y}/){n}(?!\d)"),
)


def _real_variant(name: str, text: str, i: int) -> tuple[str, str]:
    """The ``i``-th copy of a real document: its own file name and, where its name shows its
    symbol, its own symbol number (so that each copy is a document of its own)."""
    stem = name.split(".", 1)[0]
    for form, pattern in _SYMBOL_FORMS:
        match = form.fullmatch(stem)
        if match:
            groups = match.groups()
            number = groups[0] if form.pattern.startswith("S-RES") else groups[-1]
            year = groups[0] if len(groups) == 2 else ""
            regex = pattern.format(n=re.escape(number), y=year)
            text = re.sub(regex, str(50000 + i), text)
            break
    return f"{i:06d}-{name}", text


def _templates(corpus: Path | None) -> list[tuple[str, str]]:
    """The texts to copy: the bundled dev documents, or every ``.txt`` under ``corpus``."""
    paths = sorted(corpus.rglob("*.txt")) if corpus else sorted(SAMPLES.glob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def make_corpus(folder: Path, count: int, corpus: Path | None = None) -> int:
    """Write ``count`` documents into ``folder``; returns their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    templates = _templates(corpus)
    vary = _real_variant if corpus else _variant
    size = 0
    for i in range(count):
        name, text = vary(*templates[i % len(templates)], i)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        size += len(data)
    return size


def child_build(corpus: Path, store_path: Path, jobs: int, dask: bool = False) -> dict[str, Any]:
    """One build in this (fresh) process; what it did and what it cost. ``dask``: on a
    ``LocalCluster`` of ``jobs`` worker processes whose scheduler runs in a process of its own,
    as ``dask scheduler`` does on a real cluster (``bench_memory.connected``), started before
    the clock. In the client's process (the first runs' setup) the scheduler's event loop took
    the GIL from the client's resolution and writing on this two-core machine. The scheduler's
    CPU time is counted with the workers'."""
    with contextlib.ExitStack() as stack:
        client = None
        if dask:
            from bench_memory import connected

            client = stack.enter_context(connected(jobs, "process"))
            client.run(_warm)  # workers import the extractors before the clock, like a long run
        return _timed_build(corpus, store_path, jobs, client)


def _timed_build(corpus: Path, store_path: Path, jobs: int, client: Any) -> dict[str, Any]:
    from unsckg.graph.build import build, lost_on_cluster
    from unsckg.graph.executors import DaskExecutor
    from unsckg.graph.store import Store

    executor = DaskExecutor(client, lost_on_cluster) if client is not None else None
    started, cpu_before = time.perf_counter(), os.times()
    workers_before = client.run(_cpu_self) if client else {}
    scheduler_before = client.run_on_scheduler(_cpu_self) if client else 0.0
    with Store(store_path) as store:
        report = build(store, [corpus], jobs=jobs, executor=executor)
        quads = len(store)
    wall = time.perf_counter() - started
    cpu = _cpu_since(cpu_before)
    worker_rss = 0.0
    if client is not None:
        after = client.run(_cpu_self)
        cpu["cpu_workers_s"] = sum(after[w] - workers_before[w] for w in after)
        cpu["cpu_workers_s"] += client.run_on_scheduler(_cpu_self) - scheduler_before
        worker_rss = max(client.run(_peak_rss_mib).values())
    load_seconds = max(report.seconds["serialize"] + report.seconds["load"], 1e-9)
    return {
        "jobs": jobs,
        "documents": len(report.added) + len(report.replaced),
        "failed": len(report.failed),
        "wall_s": wall,
        "docs_per_s": (len(report.added) + len(report.replaced)) / wall,
        "steps_s": report.seconds,
        "quads_written": report.quads_written,
        "load_quads_per_s": report.quads_written / load_seconds,
        # what bulk_load's rate counts: distinct quads in the store (here without the
        # reference graphs, which the build writes before its load step)
        "load_store_quads_per_s": (quads - _reference_quads(store_path.parent)) / load_seconds,
        "store_quads": quads,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_worker_rss_mib": worker_rss
        or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "executor": "dask" if client is not None else "local",
        **cpu,
        "cores_busy": (cpu["cpu_build_s"] + cpu["cpu_workers_s"]) / wall,
    }


def _warm() -> None:
    from unsckg.extractors.pipeline import extract_text

    extract_text("安全理事会 S/2021/1", "warm.txt")


def _cpu_self() -> float:
    times = os.times()
    return times.user + times.system


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_since(before: os.times_result) -> dict[str, float]:
    """CPU seconds since ``before``: this process (all its threads, the bulk loader's
    included) and its worker processes (counted once they have exited)."""
    now = os.times()
    return {
        "cpu_build_s": now.user - before.user + now.system - before.system,
        "cpu_workers_s": now.children_user
        - before.children_user
        + now.children_system
        - before.children_system,
    }


def child_extract(corpus: Path, jobs: int) -> dict[str, Any]:
    """Extraction, mapping and serialisation alone (the workers' whole job, nothing loaded):
    the speed-up ``--jobs 2`` could reach if loading cost nothing."""
    from unsckg.graph.build import prepare_many
    from unsckg.graph.files import collect

    paths = collect([corpus])
    started, cpu_before = time.perf_counter(), os.times()
    count = sum(1 for _ in prepare_many(paths, jobs))
    wall = time.perf_counter() - started
    return {"jobs": jobs, "docs_per_s": count / wall, "wall_s": wall, **_cpu_since(cpu_before)}


def _reference_quads(work: Path) -> int:
    """Quads of the reference graphs alone (with their merge), in a scratch store."""
    from unsckg.graph.build import write_reference_graphs
    from unsckg.graph.store import Store

    scratch = Path(tempfile.mkdtemp(dir=work))
    with Store(scratch / "s") as store:
        write_reference_graphs(store)
        count = len(store)
    shutil.rmtree(scratch, ignore_errors=True)
    return count


LOAD_ROUNDS = 5


def child_load(corpus: Path, work: Path, rounds: int = LOAD_ROUNDS) -> dict[str, Any]:
    """The load step alone next to pyoxigraph's ``bulk_load`` of the same data, alternating.

    Facts are extracted and mapped first (not timed), so the load step is timed without the
    extraction competing for the CPU. Each round loads the mapped documents into a fresh store
    with the build's loader, then ``bulk_load``-s the N-Quads dump of that store into another
    fresh store (the same quads, the reference graphs included); odd rounds time the two in
    the other order, so that a drift of the machine's load favours neither. Each round's
    ratio is kept, and the medians over the rounds are compared (the machine is shared, so
    single runs swing by a factor of two). Wall and CPU time (this process, every thread) are
    both measured: the target is on wall time, CPU time is the steadier figure on a busy
    machine.

    What each side does: the writer gets the build's own ``SerializedGraph``-s and loads them as
    the build does (4 MB batches, two at once, ``lenient=True``: its own serialisation of
    validated terms); the peer reads the dump from a file in one ``bulk_load`` call
    (``lenient=False``, its default: it cannot know the file is valid). The writer's store gets
    the reference graphs first, as in a build, and is flushed before the clock: their quads are
    not counted in the writer's rate, so the flush of their memtable (which the first bulk load
    would otherwise do, 30-50 ms) is not timed either; the peer's count and time include them.
    """
    changes = _mapped_changes(corpus)
    dump = work / "load.nq"
    rows: list[dict[str, float]] = []
    for round_ in range(rounds):
        if round_ % 2:
            bulk = _time_bulk_load(dump, work / f"bulk{round_}")
            row = _time_writer(changes, work / f"load{round_}", dump) | bulk
        else:
            row = _time_writer(changes, work / f"load{round_}", dump)
            row |= _time_bulk_load(dump, work / f"bulk{round_}")
        rows.append(row)
    return _load_summary(rows)


def _mapped_changes(corpus: Path) -> list[tuple[str, Any]]:
    """Every document of ``corpus`` extracted, mapped and resolved as a build does."""
    from unsckg.graph.build import Failure, prepare_many, resolved
    from unsckg.graph.files import collect
    from unsckg.graph.records import Records
    from unsckg.graph.resolve import Resolver
    from unsckg.ontology.iris import DEFAULT

    paths = collect([corpus])
    resolver, known = Resolver(DEFAULT), Records()
    changes = []
    for path, mapped in zip(paths, prepare_many(paths, 2), strict=True):
        change = mapped if isinstance(mapped, Failure) else resolved(mapped.mapped, known, resolver)
        if not isinstance(change, Failure):
            changes.append((path.name, change))
    return changes


def _time_writer(changes: list[tuple[str, Any]], target: Path, dump: Path) -> dict[str, float]:
    """The build's loader into a fresh store with the reference graphs; writes ``dump``."""
    import pyoxigraph as ox
    from unsckg.graph.build import write_reference_graphs
    from unsckg.graph.loader import Loader
    from unsckg.graph.store import Store
    from unsckg.ontology.iris import DEFAULT

    with Store(target) as store:
        write_reference_graphs(store)
        store.raw.flush()
        before = len(store)
        started, cpu = time.perf_counter(), time.process_time()
        with Loader(store, ox.NamedNode(str(DEFAULT.graph("build")))) as loader:
            for name, change in changes:
                loader.put(change, name)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        # quads now in the store (lines handed over count duplicates bulk_load drops)
        quads = len(store) - before
        store.raw.dump(dump, format=ox.RdfFormat.N_QUADS)
    shutil.rmtree(target, ignore_errors=True)
    replaced = len(loader.stats.replaced)  # put again: one transaction each, not bulk
    return {
        "lines": loader.stats.quads,
        "quads": quads,
        "replaced": replaced,
        "wall": wall,
        "cpu": cpu,
    }


def _time_bulk_load(dump: Path, target: Path) -> dict[str, float]:
    """pyoxigraph's ``bulk_load`` of ``dump`` (one call, read from the file) into a fresh
    store."""
    import pyoxigraph as ox

    bulk = ox.Store(str(target))
    started, cpu = time.perf_counter(), time.process_time()
    bulk.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    quads = len(bulk)
    del bulk
    shutil.rmtree(target, ignore_errors=True)
    return {"bulk_quads": quads, "bulk_wall": wall, "bulk_cpu": cpu}


def _load_summary(rows: list[dict[str, float]]) -> dict[str, Any]:
    """Rates per round (quads per second of wall and of CPU time), ratios, medians."""
    load = [r["quads"] / r["wall"] for r in rows]
    bulk = [r["bulk_quads"] / r["bulk_wall"] for r in rows]
    load_cpu = [r["quads"] / r["cpu"] for r in rows]
    bulk_cpu = [r["bulk_quads"] / r["bulk_cpu"] for r in rows]
    return {
        "load_lines": rows[-1]["lines"],
        "load_quads": rows[-1]["quads"],
        "load_replaced": rows[-1]["replaced"],
        "bulk_load_quads": rows[-1]["bulk_quads"],
        "rounds": len(rows),
        "load_quads_per_s_each": load,
        "bulk_load_quads_per_s_each": bulk,
        "ratio_each": [a / b for a, b in zip(load, bulk, strict=True)],
        "cpu_ratio_each": [a / b for a, b in zip(load_cpu, bulk_cpu, strict=True)],
        "load_quads_per_s": statistics.median(load),
        "bulk_load_quads_per_s": statistics.median(bulk),
        "load_quads_per_cpu_s": statistics.median(load_cpu),
        "bulk_load_quads_per_cpu_s": statistics.median(bulk_cpu),
        "load_average": os.getloadavg()[0],
    }


def writer_line(alone: dict[str, Any]) -> str:
    """The writer against ``bulk_load``: medians, every round's ratio, CPU time beside."""
    ratio = alone["load_quads_per_s"] / alone["bulk_load_quads_per_s"]
    cpu = alone["load_quads_per_cpu_s"] / alone["bulk_load_quads_per_cpu_s"]
    each = ", ".join(f"x{r:.2f}" for r in alone["ratio_each"])
    each_cpu = ", ".join(f"x{r:.2f}" for r in alone["cpu_ratio_each"])
    return (
        f"writer alone {alone['load_quads_per_s']:,.0f} quads/s vs bulk_load of the same quads "
        f"{alone['bulk_load_quads_per_s']:,.0f} quads/s, same run: x{ratio:.2f} (target 0.8)\n"
        f"  {alone['rounds']} rounds, writer first in even rounds: ratio per round {each}; "
        f"median x{statistics.median(alone['ratio_each']):.2f}, "
        f"range x{min(alone['ratio_each']):.2f}-x{max(alone['ratio_each']):.2f}\n"
        f"  CPU time: writer {alone['load_quads_per_cpu_s']:,.0f} vs bulk_load "
        f"{alone['bulk_load_quads_per_cpu_s']:,.0f} quads per CPU second: x{cpu:.2f} "
        f"(per round {each_cpu}); {alone['load_quads']:,} new quads in the writer's store "
        f"({alone['load_lines']:,} lines handed over, {alone['load_replaced']:,} documents "
        f"replaced in a transaction), {alone['bulk_load_quads']:,} in the "
        f"peer's; load average {alone['load_average']:.1f}"
    )


def child_bulk_load(dump: Path, store_path: Path) -> dict[str, Any]:
    """pyoxigraph's own bulk loader on the same N-Quads, in a fresh process and store."""
    import pyoxigraph as ox

    store = ox.Store(str(store_path))
    started = time.perf_counter()
    store.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    quads = len(store)
    return {"quads": quads, "seconds": seconds, "quads_per_s": quads / seconds}


def _run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _dump(store_path: Path, target: Path) -> None:
    from unsckg.graph.store import Store

    with Store(store_path, read_only=True) as store, target.open("wb") as handle:
        store.raw.dump(handle, format=__import__("pyoxigraph").RdfFormat.N_QUADS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--only-load", action="store_true", help="only the load step next to bulk_load"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="real texts to copy (every .txt below), e.g. ../shared/corpus/real: then --jobs 1, "
        "--jobs 2, Dask with 1 and 2 workers, bulk_load, and the client's memory at --docs/10",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --corpus: run --jobs 2 and Dask 2 workers back to back this many times in "
        "all, and print the range of their ratio (the machine is shared and noisy)",
    )
    parser.add_argument(
        "--load-rounds",
        type=int,
        default=LOAD_ROUNDS,
        help="rounds of the writer next to bulk_load (alternating which goes first)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "build":
            result = child_build(Path(rest[0]), Path(rest[1]), int(rest[2]), "dask" in rest[3:])
        elif kind == "extract":
            result = child_extract(Path(rest[0]), int(rest[1]))
        elif kind == "load":
            result = child_load(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            result = child_bulk_load(Path(rest[0]), Path(rest[1]))
        print(json.dumps(result))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="unsckg-bench-"))
    load_rounds = str(args.load_rounds)
    if args.corpus and args.only_load:
        only_load_main(args.corpus, args.docs, work, load_rounds)
        return
    if args.corpus:
        corpus_main(args.corpus, args.docs, work, args.rounds, load_rounds)
        return
    corpus = work / "corpus"
    shutil.rmtree(work / "stores", ignore_errors=True)
    size = make_corpus(corpus, args.docs)
    print(f"corpus: {args.docs} documents, {size / 2**20:.1f} MiB in {corpus}", flush=True)
    results: dict[str, Any] = {"documents": args.docs, "corpus_mib": size / 2**20}
    if args.only_load:
        print(json.dumps(_run_child("load", str(corpus), str(work / "stores"), load_rounds)))
        return
    for jobs in (1, 2):
        store_path = work / "stores" / f"jobs{jobs}"
        run = _run_child("build", str(corpus), str(store_path), str(jobs))
        run["store_mib"] = _du(store_path)
        results[f"jobs{jobs}"] = run
        print(json.dumps(run), flush=True)
    dump = work / "stores" / "dump.nq"
    _dump(work / "stores" / "jobs1", dump)
    bulk = _run_child("bulk_load", str(dump), str(work / "stores" / "bulk"))
    results["bulk_load"] = bulk
    print(json.dumps(bulk), flush=True)
    results["load_alone"] = _run_child("load", str(corpus), str(work / "stores"), load_rounds)
    print(json.dumps(results["load_alone"]))
    for jobs in (1, 2):
        results[f"extract{jobs}"] = _run_child("extract", str(corpus), str(jobs))
        print(json.dumps(results[f"extract{jobs}"]), flush=True)
    print(_summary(results))
    (work / "results.json").write_text(json.dumps(results, indent=2))


RUNS = (("jobs 1", 1, ""), ("jobs 2", 2, ""), ("dask 1 worker", 1, "dask"), ("dask 2", 2, "dask"))


def only_load_main(source: Path, docs: int, work: Path, load_rounds: str) -> None:
    """``--corpus`` with ``--only-load``: the writer next to ``bulk_load`` on real texts."""
    shutil.rmtree(work, ignore_errors=True)
    size = make_corpus(work / "corpus", docs, source)
    print(f"corpus: {docs} documents copied from {source}, {size / 2**20:.1f} MiB", flush=True)
    alone = _run_child("load", str(work / "corpus"), str(work / "stores"), load_rounds)
    print(writer_line(alone))
    (work / "results.json").write_text(json.dumps(alone, indent=2))


def corpus_main(
    source: Path, docs: int, work: Path, rounds: int = 1, load_rounds: str = str(LOAD_ROUNDS)
) -> None:
    """The real-text benchmark: one table, plus the client's memory at a tenth of the size."""
    shutil.rmtree(work, ignore_errors=True)
    corpus, small = work / "corpus", work / "small"
    size = make_corpus(corpus, docs, source)
    make_corpus(small, max(1, docs // 10), source)
    print(f"corpus: {docs} documents copied from {source}, {size / 2**20:.1f} MiB", flush=True)
    rows = []
    for label, jobs, executor in RUNS:
        store = work / "stores" / label.replace(" ", "-")
        run = _run_child("build", str(corpus), str(store), str(jobs), executor)
        run |= {"label": label, "store_mib": _du(store), "mb_per_s": size / 2**20 / run["wall_s"]}
        rows.append(run)
        print(json.dumps(run), flush=True)
    dump = work / "stores" / "dump.nq"
    _dump(work / "stores" / "jobs-1", dump)
    bulk = _run_child("bulk_load", str(dump), str(work / "stores" / "bulk"))
    alone = _run_child("load", str(corpus), str(work / "stores"), load_rounds)
    tenth = _run_child("build", str(small), str(work / "stores" / "small"), "2", "dask")
    pairs = _pairs(corpus, work, rounds - 1)
    print(_corpus_table(rows, bulk, alone, tenth, docs))
    ratios = [rows[3]["docs_per_s"] / rows[1]["docs_per_s"]] + [d / j for j, d in pairs]
    print(
        f"dask 2 workers / jobs 2, {len(ratios)} rounds (each pair back to back): "
        + ", ".join(f"x{r:.2f}" for r in ratios)
        + f"; range x{min(ratios):.2f}-x{max(ratios):.2f}, median x{statistics.median(ratios):.2f}"
        + f" (target 0.9); load average {os.getloadavg()[0]:.1f}"
    )
    (work / "results.json").write_text(json.dumps([rows, bulk, alone, tenth, pairs], indent=2))


def _pairs(corpus: Path, work: Path, rounds: int) -> list[tuple[float, float]]:
    """``--jobs 2`` then Dask with 2 workers, ``rounds`` times: docs/s of each."""
    pairs = []
    for round_ in range(rounds):
        rates = []
        for executor in ("", "dask"):
            store = work / "stores" / f"pair{round_}{executor}"
            rates.append(_run_child("build", str(corpus), str(store), "2", executor)["docs_per_s"])
            shutil.rmtree(store, ignore_errors=True)
        print(f"round {round_ + 2}: jobs 2 {rates[0]:.1f}, dask 2 {rates[1]:.1f}", flush=True)
        pairs.append((rates[0], rates[1]))
    return pairs


def _corpus_table(
    rows: list[dict[str, Any]],
    bulk: dict[str, Any],
    alone: dict[str, Any],
    tenth: dict[str, Any],
    docs: int,
) -> str:
    lines = [
        "| run | docs/s | MB/s | x jobs 2 | client peak MiB | worker peak MiB | store MiB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    jobs2 = rows[1]["docs_per_s"]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} | "
            f"{r['docs_per_s'] / jobs2:.2f} | {r['peak_rss_mib']:.0f} | "
            f"{r['peak_worker_rss_mib']:.0f} | {r['store_mib']:.0f} |"
        )
    lines += [
        f"bulk_load of the built store's dump: {bulk['quads_per_s']:,.0f} quads/s",
        writer_line(alone),
        f"client peak RSS, dask 2: {tenth['peak_rss_mib']:.0f} MiB at {docs // 10} documents, "
        f"{rows[3]['peak_rss_mib']:.0f} MiB at {docs} "
        f"(x{rows[3]['peak_rss_mib'] / tenth['peak_rss_mib']:.2f}, target within 1.10)",
    ]
    return "\n".join(lines)


def _summary(results: dict[str, Any]) -> str:
    """The numbers against the targets, in a few lines."""
    one, two, bulk = results["jobs1"], results["jobs2"], results["bulk_load"]
    alone = results["load_alone"]
    results["speedup_jobs2"] = two["docs_per_s"] / one["docs_per_s"]
    results["load_vs_bulk_load"] = one["load_store_quads_per_s"] / bulk["quads_per_s"]
    results["load_lines_vs_bulk_load"] = one["load_quads_per_s"] / bulk["quads_per_s"]
    results["load_alone_vs_bulk_load"] = alone["load_quads_per_s"] / alone["bulk_load_quads_per_s"]
    cores = os.cpu_count() or 1
    cpu_two = two["cpu_build_s"] + two["cpu_workers_s"]
    # jobs 2 with every core busy all the time: the whole CPU work of the jobs-2 build spread
    # over the cores, against the jobs-1 build's wall time
    results["speedup_ceiling_jobs2"] = cores * one["wall_s"] / cpu_two
    ext1, ext2 = results["extract1"], results["extract2"]
    results["speedup_extract_only"] = ext2["docs_per_s"] / ext1["docs_per_s"]
    return (
        f"load step alone: {alone['load_quads_per_s']:,.0f} quads/s; bulk_load of the same "
        f"N-Quads just after: {alone['bulk_load_quads_per_s']:,.0f} quads/s "
        f"(x{results['load_alone_vs_bulk_load']:.2f}, target >= 0.8)\n"
        f"jobs 1: {one['docs_per_s']:.1f} docs/s; jobs 2: {two['docs_per_s']:.1f} docs/s "
        f"(x{results['speedup_jobs2']:.2f}, target >= 1.6)\n"
        f"load step during the jobs-1 build: {one['load_store_quads_per_s']:,.0f} quads/s "
        f"({one['load_quads_per_s']:,.0f} lines/s); bulk_load: {bulk['quads_per_s']:,.0f} "
        f"quads/s (x{results['load_vs_bulk_load']:.2f}, target >= 0.8; counting lines "
        f"x{results['load_lines_vs_bulk_load']:.2f})\n"
        f"peak RSS: build {one['peak_rss_mib']:.0f} MiB (jobs 1), {two['peak_rss_mib']:.0f} MiB "
        f"+ workers {two['peak_worker_rss_mib']:.0f} MiB each (jobs 2); "
        f"store {one['store_mib']:.0f} MiB, {one['store_quads']:,} quads\n"
        f"CPU: jobs 1 {one['cpu_build_s']:.1f} s in {one['wall_s']:.1f} s "
        f"({one['cores_busy']:.2f} cores busy: extraction, and the loader's threads beside it); "
        f"jobs 2 {two['cpu_build_s']:.1f} s in the build process + {two['cpu_workers_s']:.1f} s "
        f"in workers, in {two['wall_s']:.1f} s ({two['cores_busy']:.2f} of {cores} cores busy)\n"
        f"ceiling for jobs 2 on {cores} cores (its CPU work spread over every core, against "
        f"the jobs-1 wall time): x{results['speedup_ceiling_jobs2']:.2f}; extraction alone, "
        f"nothing loaded: {ext1['docs_per_s']:.1f} -> {ext2['docs_per_s']:.1f} docs/s "
        f"(x{results['speedup_extract_only']:.2f})"
    )


if __name__ == "__main__":
    main()
