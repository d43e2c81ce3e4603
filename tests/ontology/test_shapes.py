"""The SHACL shapes: they parse, a hand-made graph in the mapping's shape conforms, and each
way of breaking it is caught with the right severity.

Why one conforming graph broken one way per case (a SPARQL Update each): it shows that every
shape fires on its own, and the cases read as the list of mistakes the shapes exist to catch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from unsckg.ontology import ontology_path, shapes_path, states_path

DATA = Path(__file__).resolve().parent / "data"
PREFIXES = """
PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <https://w3id.org/unsc-kg/id/>
"""
VNM_2021_04 = "<https://w3id.org/unsc-kg/id/presidency/2021-04>"
CHN_VOTE = "<https://w3id.org/unsc-kg/id/vote/S-2020-240/CHN>"
MEETING = "<https://w3id.org/unsc-kg/id/meeting/2021-04-19>"
EVIDENCE = "<https://w3id.org/unsc-kg/id/evidence/S-2020-268/10-30>"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _report(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, set[tuple[str, str]]]:
    """Conformance and the ``(severity, message)`` pairs of the results.

    The ontology joins the data graph, as it does in the store (its own named graph, validated
    as part of the union): ``sh:class unsc:State`` needs ``MemberState rdfs:subClassOf State``.
    """
    conforms, report, _ = validate(data + ontology, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph)
    results = {
        (str(report.value(r, SH.resultSeverity)), str(report.value(r, SH.resultMessage)))
        for r in report.subjects(SH.resultSeverity, None)
    }
    return bool(conforms), results


def test_shapes_parse_and_target_the_core_classes(shapes: Graph) -> None:
    targets = {str(t).rsplit("#", 1)[-1] for t in shapes.objects(None, SH.targetClass)}
    assert {
        "MemberState",
        "Presidency",
        "Meeting",
        "Briefing",
        "Vote",
        "VoteTally",
        "ExplanationOfVote",
        "Resolution",
        "DraftResolution",
        "Document",
        "Person",
        "Organization",
        "Evidence",
    } <= targets


def test_hand_made_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    data = Graph().parse(DATA / "conforming.ttl", format="turtle")
    conforms, results = _report(data, shapes, ontology)
    assert conforms, results


def test_states_reference_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, results = _report(Graph().parse(states_path()), shapes, ontology)
    assert conforms, results


VIOLATION = str(SH.Violation)
HELD_BY = "a presidency is held by exactly one member state (two: the documents disagree)"
WARNING = str(SH.Warning)

BROKEN = {
    "presidency without holder": (
        f"DELETE WHERE {{ {VNM_2021_04} unsc:heldBy ?s }}",
        VIOLATION,
        HELD_BY,
    ),
    "two documents disagree on a presidency": (
        f"INSERT DATA {{ {VNM_2021_04} unsc:heldBy <https://w3id.org/unsc-kg/id/state/CHN> }}",
        VIOLATION,
        HELD_BY,
    ),
    "presidency month as a plain string": (
        f"DELETE {{ {VNM_2021_04} unsc:month ?m }} INSERT {{ {VNM_2021_04} unsc:month '2021-04' }}"
        f" WHERE {{ {VNM_2021_04} unsc:month ?m }}",
        VIOLATION,
        "",
    ),
    "state with a two-letter iso3": (
        "DELETE { ?s unsc:iso3 'VNM' } INSERT { ?s unsc:iso3 'VN' } WHERE { ?s unsc:iso3 'VNM' }",
        VIOLATION,
        "a state has exactly one ISO 3166-1 alpha-3 code",
    ),
    "vote with an unknown value": (
        f"DELETE {{ {CHN_VOTE} unsc:value ?v }} INSERT {{ {CHN_VOTE} unsc:value id:yes }}"
        f" WHERE {{ {CHN_VOTE} unsc:value ?v }}",
        VIOLATION,
        "a vote has exactly one value: in favour, against, abstention or absent",
    ),
    "vote with two values": (
        f"INSERT DATA {{ {CHN_VOTE} unsc:value unsc:Abstention }}",
        VIOLATION,
        "a vote has exactly one value: in favour, against, abstention or absent",
    ),
    "vote without a voter": (
        f"DELETE WHERE {{ {CHN_VOTE} unsc:voter ?s }}",
        VIOLATION,
        "a vote has exactly one voter, a member state",
    ),
    "vote by an observer state": (
        f"DELETE WHERE {{ {CHN_VOTE} unsc:voter ?s }} ;"
        f" INSERT DATA {{ {CHN_VOTE} unsc:voter <https://w3id.org/unsc-kg/id/state/PSE> ."
        " <https://w3id.org/unsc-kg/id/state/PSE> a unsc:ObserverState ; unsc:iso3 'PSE' ;"
        " <http://www.w3.org/2000/01/rdf-schema#label> 'Palestine'@en }",
        VIOLATION,
        "a vote has exactly one voter, a member state",
    ),
    "vote about neither draft nor resolution": (
        f"DELETE WHERE {{ {CHN_VOTE} unsc:draft ?d }}",
        VIOLATION,
        "",
    ),
    "fact without provenance": (
        f"DELETE WHERE {{ {MEETING} prov:wasDerivedFrom ?d }}",
        VIOLATION,
        "a fact node needs prov:wasDerivedFrom its document",
    ),
    "meeting with a format outside the scheme": (
        f"INSERT DATA {{ {MEETING} unsc:format unsc:Meeting }}",
        VIOLATION,
        "",
    ),
    "briefing outside any meeting": (
        f"DELETE WHERE {{ {MEETING} unsc:briefing ?b }}",
        VIOLATION,
        "a briefing belongs to a meeting",
    ),
    "evidence ending before it starts": (
        f"DELETE WHERE {{ {EVIDENCE} unsc:endOffset ?e }} ;"
        f" INSERT DATA {{ {EVIDENCE} unsc:endOffset 5 }}",
        VIOLATION,
        "",
    ),
    "document symbol with a space": (
        "DELETE { ?d unsc:symbol 'S/2021/284' } INSERT { ?d unsc:symbol 'S/2021/ 284' }"
        " WHERE { ?d unsc:symbol 'S/2021/284' }",
        VIOLATION,
        "a document has at most one normalised symbol (no spaces, half-width)",
    ),
    "permanent member votes against an adopted draft": (
        f"DELETE {{ {CHN_VOTE} unsc:value ?v }} INSERT {{ {CHN_VOTE} unsc:value unsc:Against }}"
        f" WHERE {{ {CHN_VOTE} unsc:value ?v }}",
        WARNING,
        "a permanent member voted against a draft that is recorded as adopted",
    ),
    "resolution adopted with eight votes": (
        "DELETE { ?t unsc:votesInFavour 15 } INSERT { ?t unsc:votesInFavour 8 ;"
        " unsc:abstentions 7 } WHERE { ?t unsc:votesInFavour 15 ; unsc:abstentions 0 } ;"
        " DELETE WHERE { ?t unsc:abstentions 0 }",
        VIOLATION,
        "a resolution was adopted with fewer than nine votes in favour",
    ),
    "tally short of fifteen": (
        "DELETE { ?t unsc:votesInFavour 15 } INSERT { ?t unsc:votesInFavour 14 }"
        " WHERE { ?t unsc:votesInFavour 15 }",
        VIOLATION,
        "a vote tally and the members recorded as not taking part do not make the Council's"
        " fifteen members",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_does_not_conform(shapes: Graph, ontology: Graph, case: str) -> None:
    update, severity, message = BROKEN[case]
    data = Graph().parse(DATA / "conforming.ttl", format="turtle")
    data.update(PREFIXES + update)
    conforms, results = _report(data, shapes, ontology)
    assert not conforms
    assert severity in {s for s, _ in results}, results
    if message:
        assert (severity, message) in results, results
    if severity == WARNING:
        assert VIOLATION not in {s for s, _ in results}, results


def test_pattern_literals_are_plain_strings(shapes: Graph) -> None:
    """``sh:pattern`` values are plain literals (a typed one is silently ignored by some
    engines)."""
    for pattern in shapes.objects(None, SH.pattern):
        assert isinstance(pattern, Literal) and pattern.datatype is None, pattern
        assert not isinstance(pattern, URIRef)
