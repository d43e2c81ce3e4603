"""Import speed of ``unsckg import-votes``: rows per second, beside the store's bulk loader.

    python bench/bench_import_votes.py PATH/TO/voting-data-derived.csv [--runs 3]

Without a path, the shipped derived sample is repeated (with fresh record ids) to about 30,000
rows. Each run imports into a new store in a temporary folder and prints the rows per second of
the whole import and, for comparison, of its last stage alone (Oxigraph's bulk loader on the
same N-Quads): the ratio says how much of the time is ours (reading, checking, mapping).
The machine is shared: read the range over the runs, not one figure.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from unsckg.graph.store import Store, nquads_with_merge
from unsckg.graph.voting_data import _check, import_votes
from unsckg.graph.voting_data.rdf import Writer
from unsckg.graph.voting_data.read import read_records
from unsckg.ontology.iris import DEFAULT

SAMPLE = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "voting-data" / "derived-sample.csv"
)


def synthetic(folder: Path, rows: int = 30_000) -> Path:
    """The sample repeated, each copy with its own record ids, to ``rows`` rows."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        header, *body = list(csv.reader(handle))
    column = header.index("ID")
    path = folder / "synthetic.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        copy = 0
        while copy * len(body) < rows:
            for row in body:
                writer.writerow(
                    [
                        *row[:column],
                        f"{copy}-{row[column]}" if row[column] else "",
                        *row[column + 1 :],
                    ]
                )
            copy += 1
    return path


def loader_only(path: Path, folder: Path) -> float:
    """Seconds of the bulk loader alone on the import's own quads."""
    dialect, records, _, _ = read_records(path)
    by_record, _ = _check(dialect, records, None)
    writer = Writer(DEFAULT, ox.NamedNode("https://example.org/g"), "vd")
    writer.plan_meetings(records)
    for record in records:
        writer.record(record, by_record.get(record.key, []))
    data = nquads_with_merge(writer.quads)[0]
    started = time.perf_counter()
    with Store(folder / "loader") as store:
        store.bulk_load_nquads(data, trusted=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rates, ratios = [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = args.path or synthetic(folder)
            with Store(folder / "store") as store:
                report = import_votes(store, path, DEFAULT)
            loader = loader_only(path, folder)
            rates.append(report.rows / report.seconds)
            ratios.append(report.seconds / loader)
            print(
                f"run {run + 1}: {report.rows} rows in {report.seconds:.1f} s = "
                f"{rates[-1]:,.0f} rows/s; "
                f"bulk loader alone {loader:.1f} s (import / loader = {ratios[-1]:.2f})"
            )
    print(
        f"rows/s: median {statistics.median(rates):,.0f}, "
        f"range {min(rates):,.0f}-{max(rates):,.0f}; "
        f"import / loader: {min(ratios):.2f}-{max(ratios):.2f}"
    )


if __name__ == "__main__":
    main()
