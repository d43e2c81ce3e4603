"""Mapping facts to quads: one graph per document, provenance and evidence on every fact node."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from unsckg.extractors.facts import DocumentFacts, Evidence, ExplanationOfVote, Presidency
from unsckg.graph.mapping import MAPPERS, map_facts
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

UNSC = "https://w3id.org/unsc-kg/ontology#"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FACT_CLASSES = {
    UNSC + c
    for c in (
        "Presidency",
        "Meeting",
        "Briefing",
        "Resolution",
        "Vote",
        "VoteTally",
        "ExplanationOfVote",
        "Person",
        "Evidence",
    )
}


def test_every_quad_lands_in_the_documents_graph(gold: list[DocumentFacts]) -> None:
    resolver = Resolver(DEFAULT)
    for facts in gold:
        graph = ox.NamedNode(str(DEFAULT.document_of(facts.symbol, facts.source)))
        quads = map_facts(facts, DEFAULT, resolver)
        assert quads and {q.graph_name for q in quads} == {graph}


def test_every_fact_node_is_derived_from_its_document(built_store: Store) -> None:
    for graph in built_store.graph_names():
        if "/id/document/" not in graph.value:
            continue
        quads = built_store.quads(graph)
        facts = {
            q.subject
            for q in quads
            if q.predicate.value == RDF_TYPE and q.object.value in FACT_CLASSES
        }
        derived = {q.subject for q in quads if q.predicate.value == PROV and q.object == graph}
        assert facts and facts <= derived, graph


def test_evidence_quotes_the_original_text(built_store: Store, samples: list[Path]) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in samples}
    sources = {
        r["doc"].value: r["source"].value
        for r in built_store.select(
            f"SELECT ?doc ?source WHERE {{ ?doc <{UNSC}sourceFile> ?source }}"
        )
    }
    rows = built_store.select(
        f"""SELECT ?doc ?quote ?start ?end WHERE {{ GRAPH ?doc {{
              ?e a <{UNSC}Evidence> ; <{UNSC}quote> ?quote ;
                 <{UNSC}startOffset> ?start ; <{UNSC}endOffset> ?end }} }}"""
    )
    assert len(rows) > 50
    for row in rows:
        text = texts[sources[row["doc"].value]]
        assert text[int(row["start"].value) : int(row["end"].value)] == row["quote"].value


def test_an_evidence_span_is_one_node_per_document_span() -> None:
    evidence = Evidence(3, 17, "越南作为安全理事会 2021 年")
    facts = DocumentFacts(
        source="a.txt", symbol="S/2021/284", presidencies=(Presidency("VNM", 2021, 4, evidence),)
    )
    quads = map_facts(facts, DEFAULT, Resolver(DEFAULT))
    span = ox.NamedNode(str(DEFAULT.evidence(DEFAULT.document("S/2021/284"), 3, 17)))
    about_span = {q.predicate.value: q.object for q in quads if q.subject == span}
    assert about_span[UNSC + "quote"] == ox.Literal(evidence.quote)
    assert about_span[PROV] == ox.NamedNode(str(DEFAULT.document("S/2021/284")))


def test_documents_and_resolutions_link_to_undocs(built_store: Store) -> None:
    see_also = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
    pages = {
        (r["s"].value, r["o"].value)
        for r in built_store.select(f"SELECT ?s ?o WHERE {{ ?s <{see_also}> ?o }}")
    }
    assert (str(DEFAULT.document("S/2021/284")), "https://undocs.org/S/2021/284") in pages
    assert (str(DEFAULT.resolution(2518)), "https://undocs.org/S/RES/2518(2020)") in pages


def test_the_registry_lists_one_mapper_per_kind() -> None:
    names = [m.__name__ for m in MAPPERS]
    assert names[0] == "map_document" and len(names) == len(set(names))


def _explanations(facts: DocumentFacts, resolver: Resolver) -> set[str]:
    return {
        q.subject.value
        for q in map_facts(facts, DEFAULT, resolver)
        if q.predicate.value == RDF_TYPE and q.object.value == UNSC + "ExplanationOfVote"
    }


def test_an_explanation_naming_no_draft_is_keyed_by_its_document() -> None:
    resolver = Resolver(DEFAULT)
    speech = (ExplanationOfVote("FRA", None),)
    first = DocumentFacts(source="a.txt", symbol="S/PV.8000", explanations_of_vote=speech)
    second = DocumentFacts(source="b.txt", explanations_of_vote=speech)
    a, b = _explanations(first, resolver), _explanations(second, resolver)
    assert a == {DEFAULT.base + "explanation/doc-S-PV.8000/FRA"}
    key = DEFAULT.document_of(None, "b.txt").rsplit("/", 1)[-1]
    assert b == {f"{DEFAULT.base}explanation/doc-{key}/FRA"}


def test_an_explanation_naming_a_resolution_without_its_year() -> None:
    speech = (ExplanationOfVote("FRA", None, resolution="2518"),)
    facts = DocumentFacts(source="a.txt", symbol="S/PV.8000", explanations_of_vote=speech)
    got = _explanations(facts, Resolver(DEFAULT))
    assert got == {DEFAULT.base + "explanation/res-2518/FRA"}
