"""Validation of the whole store: the ontology's SHACL shapes plus the Council-rule checks.

Why over the default graph (the merge of all graphs): a vote lives in its document's graph, but
its voter's type (``unsc:MemberState``) lives in the states graph and the class hierarchy in the
ontology graph; shapes checked graph by graph would fail on every cross-reference.

Exit codes of ``unsckg validate`` (as pySHACL's): 0 conforms, 1 violations, 2 could not run.
Warnings (what a real record may show for a reason the graph cannot hold) and info findings
(a rule the document itself explains, such as a member not taking part in a vote) are reported
and do not make the store non-conforming; see :mod:`unsckg.graph.rules` for which is which.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node
from unsckg.graph.errors import GraphError
from unsckg.graph.rule_citations import cited_years
from unsckg.graph.rules import INFO, SHAPES_REPLACED, VIOLATION, WARNING, Finding, check_rules
from unsckg.graph.store import Store
from unsckg.ontology import shapes_path
from unsckg.ontology.vocab import UNSC


class ValidationError(GraphError):
    """Validation could not run (the shapes or the data could not be read)."""


@dataclass(slots=True)
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == VIOLATION]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == INFO]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self) -> str:
        lines = [
            f"{f.severity}: [{f.rule}] {f.focus}: {f.message}"
            + (f" (from {', '.join(f.sources)})" if f.sources else "")
            for f in self.findings
        ]
        verdict = "conforms" if self.conforms else "does not conform"
        lines.append(
            f"{verdict}: {len(self.violations)} violation(s), {len(self.warnings)} warning(s), "
            f"{len(self.infos)} info"
        )
        return "\n".join(lines)


def union_graph(store: Store) -> Graph:
    """The store's default graph (the merge of all its graphs) as an rdflib graph."""
    data = store.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    graph = Graph()
    graph.parse(data=data, format="nt")
    return graph


def shapes_graph() -> Graph:
    """The ontology's shapes, less those that :mod:`unsckg.graph.rules` replaces."""
    text = shapes_path().read_text(encoding="utf-8")
    shapes = Graph().parse(data=text, format="turtle")
    for shape in list(shapes.subjects(RDF.type, SH.NodeShape)):
        if isinstance(shape, URIRef) and _local_name(shape) in SHAPES_REPLACED:
            _remove_with_blank_nodes(shapes, shape)
    return shapes


def _remove_with_blank_nodes(graph: Graph, subject: Node) -> None:
    """A node's triples and those of the blank nodes it uses (a shape's constraints)."""
    for _, _, obj in list(graph.triples((subject, None, None))):
        if isinstance(obj, BNode):
            _remove_with_blank_nodes(graph, obj)
    graph.remove((subject, None, None))


def shacl_findings(data: Graph, shapes: Graph) -> list[Finding]:
    """pySHACL's results as findings (rule = the shape that failed)."""
    from pyshacl import validate as run_shacl

    try:
        _, results, _ = run_shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    except Exception as error:
        raise ValidationError(f"SHACL validation could not run: {error}") from error
    assert isinstance(results, Graph)
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        text = str(message) if isinstance(message, Literal) else "constraint not met"
        if isinstance(path, URIRef):
            text = f"{path.n3(results.namespace_manager)}: {text}"
        findings.append(
            Finding(
                rule=_shape_name(shape, shapes),
                severity=_SEVERITIES.get(severity, WARNING)
                if isinstance(severity, URIRef)
                else WARNING,
                focus=str(results.value(result, SH.focusNode)),
                message=text,
            )
        )
    return sorted(findings, key=lambda f: (f.severity != VIOLATION, f.rule, f.focus, f.message))


_SEVERITIES = {SH.Violation: VIOLATION, SH.Warning: WARNING, SH.Info: INFO}


def _shape_name(shape: Node | None, shapes: Graph) -> str:
    """The local name of the node shape a result comes from (property shapes are blank)."""
    owner = shapes.value(predicate=SH.property, object=shape) if shape is not None else None
    named = owner if isinstance(owner, URIRef) else shape
    return _local_name(named) if isinstance(named, URIRef) else "shape"


def _local_name(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def with_sources(store: Store, finding: Finding) -> Finding:
    """A SHACL finding with the documents (named graphs) that state its focus node's values of
    the failed property, each value beside its graphs. Why: a shape says only "more than one
    value"; which documents disagree, and on what, is what a reader must check."""
    if not finding.focus.startswith("http"):
        return finding
    path = finding.message.split(": ", 1)[0]
    # the failed property's values, or (a shape over the whole node) the node's types
    predicate = (
        str(UNSC) + path.removeprefix("unsc:") if path.startswith("unsc:") else str(RDF.type)
    )
    stated: dict[str, set[str]] = {}
    for row in store.select_values(
        f"SELECT ?o ?g WHERE {{ GRAPH ?g {{ <{finding.focus}> <{predicate}> ?o }} }}"
    ):
        stated.setdefault(row["o"], set()).add(row["g"])
    if not stated:
        return finding
    said = "; ".join(
        f"{value!r} according to {', '.join(sorted(graphs))}"
        for value, graphs in sorted(stated.items())
    )
    sources = tuple(sorted({g for graphs in stated.values() for g in graphs}))
    return replace(finding, message=f"{finding.message}: {said}", sources=sources)


def validate(store: Store) -> ValidationReport:
    """SHACL shapes, Council rules and the citations' symbols over the whole store."""
    report = ValidationReport()
    shacl = shacl_findings(union_graph(store), shapes_graph())
    report.findings.extend(with_sources(store, f) for f in shacl)
    report.findings.extend(check_rules(store))
    report.findings.extend(cited_years(store))
    return report
