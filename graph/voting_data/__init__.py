"""``unsckg import-votes``: the Security Council voting data as a graph beside the documents'.

Read (:mod:`.read`, two dialects) -> check and repair (:mod:`.checks`) -> quads (:mod:`.rdf`)
-> one named graph per file and version, loaded with Oxigraph's bulk loader (a transaction of
250,000 quads takes four times as long). Why a graph per version: the new version is loaded
beside the old one, which is dropped (atomically) only once the new one is in, so a failed
import never loses the data already stored; re-importing the same version replaces its graph.
Every row that names a member and a vote becomes a vote; every defect found is a line of the
report and a comment on its record's tally.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from unsckg.graph.derive import mark_stale
from unsckg.graph.mapping.terms import UNSC
from unsckg.graph.progress import NULL, DocumentEvent, Observer
from unsckg.graph.store import Store, nquads_with_merge
from unsckg.graph.voting_data import checks
from unsckg.graph.voting_data.rdf import Writer
from unsckg.graph.voting_data.read import Problem, Record, VotingDataError, read_records
from unsckg.ontology.iris import IriScheme

__all__ = ["ImportReport", "VotingDataError", "dataset_graph", "import_votes"]


@dataclass(slots=True)
class ImportReport:
    source: str
    dialect: str
    version: str
    graph: str
    rows: int = 0
    votes: int = 0
    records: int = 0
    blank: int = 0
    quads: int = 0
    seconds: float = 0.0
    composition: str = ""  # which composition check ran
    problems: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"{self.source}:{p.line}: {p.reason}"
            for p in sorted(self.problems, key=lambda p: p.line)
        ]

    def summary(self) -> str:
        rate = self.rows / self.seconds if self.seconds else 0.0
        kinds: dict[str, int] = {}
        for p in self.problems:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        listed = "; ".join(f"{n} × {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        return (
            f"{self.source} ({self.dialect} dialect, version {self.version}): "
            f"{self.votes} votes in {self.records} records, {self.blank} blank rows, "
            f"{self.quads} quads in {self.graph}; "
            f"{self.seconds:.1f} s, {rate:,.0f} rows/s; {len(self.problems)} problems"
            + (f" ({listed})" if listed else "")
            + f"; composition: {self.composition}"
        )


def file_version(path: Path) -> str:
    """Without a stated release: ``sha256:`` and 16 hex of the file (the same bytes, the same
    version; any edit, a new one)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()[:16]


def dataset_graph(iris: IriScheme, source: str, version: str) -> ox.NamedNode:
    """The graph (and document) of a voting data file, by its file name and version."""
    return ox.NamedNode(str(iris.document_of(None, f"voting-data/{source}/{version}")))


def _write(store: Store, iris: IriScheme, graph: ox.NamedNode, writer: Writer, source: str) -> None:
    """Load the new graph, then drop the earlier versions of the same file."""
    build = ox.NamedNode(str(iris.graph("build")))
    store.remove_graph(graph, build)
    store.bulk_load_nquads(nquads_with_merge(writer.quads)[0], trusted=True)
    rows = store.select_values(
        f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{UNSC.sourceFile.value}> {_string(source)} ;
              <{UNSC.documentKind.value}> "voting data" }} }}"""
    )
    for row in rows:
        if row["g"] != graph.value:
            store.remove_graph(ox.NamedNode(row["g"]), build)


def _string(text: str) -> str:
    return str(ox.Literal(text))


def _check(
    dialect: str, records: list[Record], members_on: checks.MembersOn | None
) -> tuple[dict[str, list[Problem]], str]:
    found: list[Problem | None] = [checks.repair_columns(r) for r in records]
    if dialect == "derived":
        found.extend(checks.repair_dates(records))
    for r in records:
        found.append(checks.check_year(r))
        found.append(checks.check_subject(r))
        found.extend(checks.check_outcome(r))
        if members_on is not None:
            found.append(checks.check_composition(r, members_on))
    found.extend(checks.check_order(records))
    how = "unsckg.ontology.council"
    if members_on is None:
        found.extend(checks.check_year_membership(records))
        how = (
            "skipped (unsckg.ontology.council absent); "
            "each record against its year's commonest membership instead"
        )
    by_record: dict[str, list[Problem]] = {}
    for p in found:
        if p is not None:
            by_record.setdefault(p.record, []).append(p)
    return by_record, how


def import_votes(
    store: Store,
    path: Path,
    iris: IriScheme,
    version: str | None = None,
    members_on: checks.MembersOn | None = None,
    observer: Observer = NULL,
) -> ImportReport:
    """Import one voting data file into its own graph; see the module's docstring.

    ``members_on``: the Council's composition by day; None: ``unsckg.ontology.council``'s
    when it exists. Raises :class:`VotingDataError` for a file that cannot be read at all."""
    started = time.perf_counter()
    observer.start(1)
    dialect, records, problems, blank = read_records(path)
    members_on = members_on or checks.council_members_on()
    by_record, how = _check(dialect, records, members_on)
    version = version or file_version(path)
    graph = dataset_graph(iris, path.name, version)
    report = ImportReport(path.name, dialect, version, graph.value, blank=blank, composition=how)
    writer = Writer(iris, graph, "undl" if dialect == "official" else "vd")
    writer.dataset(path.name, report.version, dialect)
    writer.plan_meetings(records)
    for record in records:
        writer.record(record, by_record.get(record.key, []))
    _write(store, iris, graph, writer, path.name)
    mark_stale(store)  # the next build links its symbols (unsckg.graph.derive)
    report.records = len(records)
    report.votes = sum(len(r.votes) for r in records)
    report.rows = report.votes + len(problems) + blank
    report.quads = len(writer.quads)
    report.problems = problems + [p for ps in by_record.values() for p in ps]
    report.seconds = time.perf_counter() - started
    observer.document(DocumentEvent(path.name, "imported", report.seconds, report.quads))
    return report
