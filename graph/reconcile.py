"""``unsckg reconcile``: what the documents state against what the imported voting data says.

Four aspects are compared, each keyed the same way on both sides (a resolution by its number,
else a draft by its symbol; a vote also by its state): each member's **vote**, the **tally**
(in favour, against, abstaining), the **adoption date** and the **meeting** number. Each
comparison is an agreement, a disagreement (with both pieces of evidence: the document's graph
and quote; the voting data's graph and the defects its import found in that record), or a
statement only one side makes. The voting data covers every decision since 1994 and the
documents a few, so "only in the voting data" is counted only for the decisions the documents
speak of.

Why per named graph and not per node: a vote the Library records and a vote a record states
are one IRI where both name the draft (that is the point of keying them alike), so only the
graph tells who said what.

The findings are also written as RDF in a graph of their own (``{graph_base}reconciliation``,
beside the reference graphs), one node per finding (``prov:Entity``, ``dcterms:type`` the outcome,
``dcterms:subject`` the node compared, ``prov:wasDerivedFrom`` both graphs, ``rdfs:comment``
the evidence), replaced whole at each run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import pyoxigraph as ox
from rdflib.namespace import DCTERMS
from unsckg.graph.mapping.terms import PROV, RDF, RDFS
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import IriScheme
from unsckg.ontology.vocab import NAMESPACE

U = NAMESPACE  # the ontology namespace, as the closed vocabulary has it
AGREE, DISAGREE, DOCS, DATA = "agree", "disagree", "only documents", "only voting data"
VOTING_DATA = f'GRAPH ?g {{ ?g <{U}documentKind> "voting data" }}'


@dataclass(frozen=True, slots=True)
class Statement:
    """One side's value for one key of one aspect, with where it comes from."""

    aspect: str
    key: str  # "893" / "S/2017/172", plus " RWA" for a vote
    subject: str  # the node compared (IRI)
    value: str
    graph: str
    evidence: str  # the document's quote, or the voting data's defects for that record


@dataclass(frozen=True, slots=True)
class Finding:
    aspect: str
    key: str
    outcome: str
    documents: Statement | None
    data: Statement | None

    @property
    def explanation(self) -> str:
        """The class of a disagreement: a defect the import found in the voting data's record,
        else what the two values have in common (kept as a finding, not explained away)."""
        if self.outcome != DISAGREE or self.data is None or self.documents is None:
            return ""
        if self.data.evidence:
            return "source defect flagged"
        return _difference(self.aspect, self.documents.value, self.data.value)


_SUBJECT = f"""OPTIONAL {{ ?x <{U}resolution> ?r . ?r <{U}number> ?n }}
               OPTIONAL {{ ?x <{U}draft> ?d . ?d <{U}symbol> ?ds }}"""
_QUOTE = f"OPTIONAL {{ ?x <{U}evidence> ?e . ?e <{U}quote> ?q }}"


def _difference(aspect: str, ours: str, theirs: str) -> str:
    """What kind of difference two values are (dates, meeting numbers, vote values)."""
    if aspect == "adopted":
        if ours[:4] != theirs[:4]:
            return "unexplained: years differ"
        try:
            days = abs((date.fromisoformat(ours) - date.fromisoformat(theirs)).days)
        except ValueError:
            return "unexplained"
        return "unexplained: one day apart" if days == 1 else f"unexplained: {days} days apart"
    if aspect == "meeting" and ours.isdigit() and theirs.isdigit():
        if abs(int(ours) - int(theirs)) == 1:
            return "unexplained: numbers one apart"
        if len(ours) == len(theirs) and sum(a != b for a, b in zip(ours, theirs, strict=True)) == 1:
            return "unexplained: one digit differs"
    return "unexplained"


def _side(data: bool) -> str:
    return VOTING_DATA if data else f"FILTER NOT EXISTS {{ {VOTING_DATA} }}"


def _defects(store: Store) -> dict[str, str]:
    """The voting data's tallies -> the defects its import found in their record."""
    rows = store.select_values(
        f"""SELECT ?x ?r (GROUP_CONCAT(?c; separator=" | ") AS ?defects) WHERE {{
              GRAPH ?g {{ ?x a <{U}VoteTally> ; <{RDFS.comment.value}> ?c
                          OPTIONAL {{ ?x <{U}resolution> ?r }} }} {VOTING_DATA}
            }} GROUP BY ?x ?r"""
    )
    found = {r["x"]: r["defects"] for r in rows}
    found.update({r["r"]: r["defects"] for r in rows if "r" in r})
    return found


def _votes(store: Store, data: bool) -> list[Statement]:
    rows = store.select_values(
        f"""SELECT ?g ?x ?s ?value ?n ?ds ?q WHERE {{
              GRAPH ?g {{ ?x a <{U}Vote> ; <{U}voter> ?s ; <{U}value> ?value .
                          {_SUBJECT} {_QUOTE} }}
              {_side(data)} }}"""
    )
    return [
        Statement(
            "vote",
            f"{_key(r)} {r['s'].rsplit('/', 1)[-1]}",
            r["x"],
            r["value"].rsplit("#", 1)[-1],
            r["g"],
            r.get("q", ""),
        )
        for r in rows
        if _key(r)
    ]


def _tallies(store: Store, data: bool) -> list[Statement]:
    rows = store.select_values(
        f"""SELECT ?g ?x ?yes ?no ?abstain ?n ?ds ?q WHERE {{
              GRAPH ?g {{ ?x a <{U}VoteTally> ; <{U}votesInFavour> ?yes ;
                             <{U}votesAgainst> ?no ; <{U}abstentions> ?abstain .
                          {_SUBJECT} {_QUOTE} }}
              {_side(data)} }}"""
    )
    return [
        Statement(
            "tally", _key(r), r["x"], f"{r['yes']}-{r['no']}-{r['abstain']}", r["g"], r.get("q", "")
        )
        for r in rows
        if _key(r)
    ]


def _adoptions(store: Store, data: bool) -> list[Statement]:
    rows = store.select_values(
        f"""SELECT ?g ?x ?n ?date ?mn ?q WHERE {{
              GRAPH ?g {{ ?x a <{U}Resolution> ; <{U}number> ?n ; <{U}adopted> ?date . {_QUOTE}
                  OPTIONAL {{ ?m a <{U}Meeting> ; <{U}meetingNumber> ?mn ; <{U}date> ?date .
                     {"?x <" + PROV.wasGeneratedBy.value + "> ?m ." if data else ""} }} }}
              {_side(data)} }}"""
    )
    found = []
    for r in rows:
        found.append(Statement("adopted", r["n"], r["x"], r["date"], r["g"], r.get("q", "")))
        if "mn" in r:
            found.append(Statement("meeting", r["n"], r["x"], r["mn"], r["g"], r.get("q", "")))
    return found


def _key(row: dict[str, str]) -> str:
    return row.get("n") or row.get("ds") or ""


def statements(store: Store, data: bool) -> list[Statement]:
    """One side's statements; the voting data's carry its record's defects as evidence."""
    found = [*_votes(store, data), *_tallies(store, data), *_adoptions(store, data)]
    if not data:
        return found
    defects = _defects(store)
    return [replace(s, evidence=defects.get(_tally_of(s), "")) for s in found]


def _tally_of(statement: Statement) -> str:
    """The tally of the record a data statement comes from (``/vote/K/ISO`` -> ``/tally/K``)."""
    if statement.aspect == "vote":
        head, _, _ = statement.subject.rpartition("/")
        return head.replace("/vote/", "/tally/", 1)
    return statement.subject


def reconcile(store: Store) -> list[Finding]:
    """Every comparison of the documents' statements with the voting data's."""
    documents = _index(statements(store, data=False))
    data = _index(statements(store, data=True))
    subjects = {(aspect, key.split(" ")[0]) for aspect, key in documents}
    findings = []
    for (aspect, key), said in sorted(documents.items()):
        other = data.get((aspect, key))
        if other is None:
            findings.append(Finding(aspect, key, DOCS, said[0], None))
            continue
        for statement in said:
            match = next((o for o in other if o.value == statement.value), None)
            outcome = AGREE if match else DISAGREE
            findings.append(Finding(aspect, key, outcome, statement, match or other[0]))
    for (aspect, key), said in sorted(data.items()):
        if (aspect, key) not in documents and (aspect, key.split(" ")[0]) in subjects:
            findings.append(Finding(aspect, key, DATA, None, said[0]))
    return findings


def _index(found: Iterable[Statement]) -> dict[tuple[str, str], list[Statement]]:
    """Statements by (aspect, key), one per graph and value (a vote in two documents that say
    the same is one statement per document)."""
    index: dict[tuple[str, str], list[Statement]] = {}
    for s in found:
        entries = index.setdefault((s.aspect, s.key), [])
        if not any(e.graph == s.graph and e.value == s.value for e in entries):
            entries.append(s)
    return index


def summary(findings: list[Finding]) -> str:
    counts = Counter((f.aspect, f.outcome) for f in findings)
    explained = Counter((f.aspect, f.explanation) for f in findings if f.outcome == DISAGREE)
    lines = [f"{'aspect':<8} {AGREE:>7} {DISAGREE:>9} {DOCS:>15} {DATA:>17}"]
    for aspect in ("vote", "tally", "adopted", "meeting"):
        lines.append(
            f"{aspect:<8} {counts[aspect, AGREE]:>7} {counts[aspect, DISAGREE]:>9} "
            f"{counts[aspect, DOCS]:>15} {counts[aspect, DATA]:>17}"
            + "".join(f"  ({n} {why})" for (a, why), n in sorted(explained.items()) if a == aspect)
        )
    return "\n".join(lines)


def table(findings: list[Finding], outcomes: tuple[str, ...] = (DISAGREE, DOCS)) -> str:
    """The findings of these outcomes, one line each, with both pieces of evidence."""
    lines = []
    for f in findings:
        if f.outcome in outcomes:
            why = f" [{f.explanation}]" if f.explanation else ""
            line = f"{f.aspect:<8} {f.key:<22} {f.outcome:<15} {_ours(f)}; {_theirs(f)}{why}"
            lines.append(line)
    return "\n".join(lines)


def _ours(f: Finding) -> str:
    if f.documents is None:
        return "documents: -"
    where = _short(f.documents.graph)
    return f"documents {f.documents.value} ({where}: {_one_line(f.documents.evidence)})"


def _theirs(f: Finding) -> str:
    if f.data is None:
        return "voting data: -"
    defects = f" ({_one_line(f.data.evidence)})" if f.data.evidence else ""
    return f"voting data {f.data.value}{defects}"


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reconcile_graph(iris: IriScheme) -> ox.NamedNode:
    """Beside the reference graphs (``{graph_base}reconciliation``): findings, not a document."""
    return ox.NamedNode(iris.graph_base + "reconciliation")


def write(store: Store, iris: IriScheme, findings: list[Finding]) -> ox.NamedNode:
    """The findings as RDF in the reconciliation graph, replacing the previous run's."""
    graph = reconcile_graph(iris)
    quads = [
        ox.Quad(
            graph, RDFS.label, ox.Literal("documents against voting data", language="en"), graph
        )
    ]
    kind, subject = ox.NamedNode(str(DCTERMS.type)), ox.NamedNode(str(DCTERMS.subject))
    for i, f in enumerate(findings, start=1):
        node = ox.NamedNode(f"{graph.value}#f{i}")
        quads += [
            ox.Quad(node, RDF.type, PROV.Entity, graph),
            ox.Quad(node, kind, ox.Literal(f.outcome), graph),
            ox.Quad(
                node,
                RDFS.label,
                ox.Literal(f"{f.aspect} {f.key}: {f.outcome}", language="en"),
                graph,
            ),
        ]
        for side in (f.documents, f.data):
            if side is not None:
                quads += [
                    ox.Quad(node, subject, ox.NamedNode(side.subject), graph),
                    ox.Quad(node, PROV.wasDerivedFrom, ox.NamedNode(side.graph), graph),
                ]
        comment = table([f], (f.outcome,))
        quads.append(ox.Quad(node, RDFS.comment, ox.Literal(comment, language="en"), graph))
    store.replace(GraphReplacement(graph, quads), ox.NamedNode(str(iris.graph("build"))))
    return graph
