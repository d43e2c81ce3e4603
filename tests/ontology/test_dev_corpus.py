"""The graph built from the dev documents uses the ontology as the ontology means it.

Why here, next to the ontology: the mapping is where terms get used, and a term used against its
declared domain or range (``unsc:title`` on a person, a literal where a state is meant) is a
mismatch between the two that neither side's own tests see. This builds the bundled dev corpus
with the real pipeline into a real on-disk store, takes the union of its graphs (the ontology
graph included) and checks every ``unsc:`` triple against ``unsc.ttl``: declared, in domain, in
range; then the whole graph for OWL 2 RL consistency (the core classes are disjoint) and SHACL
conformance.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef, namespace
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node
from unsckg.graph.build import build
from unsckg.graph.files import sample_paths
from unsckg.graph.store import Store
from unsckg.ontology import ontology_path, shapes_path
from unsckg.ontology.vocab import NAMESPACE

# Not the closed XSD namespace at module level: pytest probes module globals, and XSD warns.
XSD_STRING = namespace.XSD.string
OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The union of every graph of a store built from the bundled dev documents."""
    folder: Path = tmp_path_factory.mktemp("dev-store")
    with Store(folder / "store") as store, sample_paths() as paths:
        report = build(store, paths)
        assert not report.failed, report.failed
        out = io.BytesIO()
        store.raw.dump(out, format=ox.RdfFormat.N_QUADS)
    graph = Graph()
    for quad in ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS):
        graph.add((_term(quad.subject), URIRef(quad.predicate.value), _term(quad.object)))
    return graph


def _term(term: object) -> URIRef | Literal | BNode:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD_STRING):  # RDF 1.1: the same literal; rdflib: plain
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _members(ontology: Graph, node: Node) -> set[Node]:
    """A domain or range: one class, or the members of an ``owl:unionOf``."""
    union = ontology.value(node, OWL.unionOf) if isinstance(node, BNode) else None
    return set(Collection(ontology, union)) if union is not None else {node}


def _superclasses(ontology: Graph, cls: Node) -> set[Node]:
    found = {cls}
    for parent in ontology.objects(cls, RDFS.subClassOf):
        if parent not in found:
            found |= _superclasses(ontology, parent)
    return found


def _types(data: Graph, ontology: Graph, node: Node) -> set[Node]:
    return {t for c in data.objects(node, RDF.type) for t in _superclasses(ontology, c)}


def _literal_type(value: Literal) -> URIRef:
    if value.language:
        return RDF.langString
    return value.datatype or XSD_STRING


def _misuses(data: Graph, ontology: Graph) -> Iterator[str]:
    for s, p, o in data:
        if not str(p).startswith(NAMESPACE):
            continue
        name = str(p)[len(NAMESPACE) :]
        domain, range_ = ontology.value(p, RDFS.domain), ontology.value(p, RDFS.range)
        if domain is None or range_ is None:
            yield f"unsc:{name} is not a declared property"
            continue
        domains = _members(ontology, domain)
        if OWL.Thing not in domains and not _types(data, ontology, s) & domains:
            yield f"unsc:{name} on {s} (types {sorted(map(str, data.objects(s, RDF.type)))})"
        ranges = _members(ontology, range_)
        if isinstance(o, Literal):
            if _literal_type(o) not in ranges:
                yield f"unsc:{name} value {o!r} of {s} (range {sorted(map(str, ranges))})"
        elif OWL.Thing not in ranges and not _types(data, ontology, o) & ranges:
            yield f"unsc:{name} points at {o} (types {sorted(map(str, data.objects(o, RDF.type)))})"


def test_every_unsc_triple_respects_domain_and_range(dev_graph: Graph, ontology: Graph) -> None:
    found = sorted(set(_misuses(dev_graph, ontology)))
    assert not found, "\n".join(found[:40])


def test_every_class_used_is_declared(dev_graph: Graph, ontology: Graph) -> None:
    used = {c for c in dev_graph.objects(None, RDF.type) if str(c).startswith(NAMESPACE)}
    assert used
    assert {c for c in used if (c, RDF.type, OWL.Class) not in ontology} == set()


def test_core_classes_are_populated(dev_graph: Graph) -> None:
    """The dev corpus exercises the core of the vocabulary (a guard for the checks above)."""
    for name in ("Document", "Presidency", "Meeting", "Briefing", "Person", "Vote", "Evidence"):
        assert (None, RDF.type, URIRef(NAMESPACE + name)) in dev_graph, name


def test_dev_graph_is_owl_rl_consistent(dev_graph: Graph, ontology: Graph) -> None:
    closure = Graph()
    closure += dev_graph
    closure += ontology
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False, datatype_axioms=False
    ).expand(closure)
    assert sorted(str(m) for m in closure.objects(None, OWLRL_ERROR)) == []


def test_dev_graph_conforms_to_the_shapes(dev_graph: Graph, ontology: Graph) -> None:
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, report, _ = validate(dev_graph + ontology, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph)
    messages = sorted(str(m) for m in report.objects(None, SH.resultMessage))
    assert conforms, messages[:20]


def test_the_check_catches_misuse(ontology: Graph) -> None:
    """The checker itself, on three wrong triples: wrong subject, wrong object, wrong datatype."""
    person, state = URIRef("urn:x:person"), URIRef("urn:x:state")
    unsc = NAMESPACE
    data = Graph()
    data.add((person, RDF.type, URIRef(unsc + "Person")))
    data.add((state, RDF.type, URIRef(unsc + "MemberState")))
    data.add((person, URIRef(unsc + "title"), Literal("秘书长", lang="zh")))
    data.add((person, URIRef(unsc + "represents"), person))
    data.add((state, URIRef(unsc + "m49"), Literal(704)))
    found = " ".join(_misuses(data, ontology))
    assert "unsc:title on urn:x:person" in found
    assert "unsc:represents points at urn:x:person" in found
    assert "unsc:m49 value" in found
