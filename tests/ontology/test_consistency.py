"""The ontology is logically consistent with its data, and catches terms used on the wrong node.

Why a reasoner in the tests: the core classes are declared pairwise disjoint, so under OWL 2 RL
a property used on the wrong kind of node (``unsc:title`` on a person, a presidency ``heldBy`` a
person) makes the graph inconsistent through the property's domain or range. That turns the
domains and ranges from documentation into a check, and proves that the hand-made graph in the
mapping's shape, with the states, uses every term as the ontology means it. (Union domains,
such as ``unsc:voter``'s, are outside OWL 2 RL: the SHACL shapes check those.)
"""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from rdflib import Graph, URIRef
from unsckg.ontology import ontology_path, states_path

DATA = Path(__file__).resolve().parent / "data"
ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
PREFIXES = """
@prefix unsc: <https://w3id.org/unsc-kg/ontology#> .
@prefix id: <https://w3id.org/unsc-kg/id/> .
"""


def inconsistencies(*graphs: Graph) -> list[str]:
    """The OWL 2 RL closure's error messages (owlrl reports clashes as ``error`` triples)."""
    merged = Graph()
    for graph in graphs:
        merged += graph
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False, datatype_axioms=False
    ).expand(merged)
    return sorted(str(message) for message in merged.objects(None, ERROR))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def test_ontology_states_and_sample_graph_are_consistent(ontology: Graph) -> None:
    states = Graph().parse(states_path(), format="turtle")
    sample = Graph().parse(DATA / "conforming.ttl", format="turtle")
    assert inconsistencies(ontology, states, sample) == []


MISUSES = {
    "title-on-a-person": (
        "id:person\\/x a unsc:Person ; unsc:title '秘书长'@zh .",
        ("Briefing", "Person"),
    ),
    "presidency-held-by-a-person": (
        "id:presidency\\/2021-04 unsc:heldBy id:person\\/x . id:person\\/x a unsc:Person .",
        ("Person", "State"),
    ),
    "briefer-on-a-meeting": (
        "id:meeting\\/2021-04-19 a unsc:Meeting ; unsc:briefer id:person\\/x .",
        ("Briefing", "Meeting"),
    ),
    "state-as-a-vote-value": (
        "id:vote\\/v a unsc:Vote ; unsc:value id:state\\/CHN . id:state\\/CHN a unsc:State .",
        ("State", "VoteValue"),
    ),
    "member-and-observer": (
        "id:state\\/PSE a unsc:MemberState , unsc:ObserverState .",
        ("MemberState",),
    ),
}


@pytest.mark.parametrize("case", sorted(MISUSES))
def test_a_term_on_the_wrong_node_is_inconsistent(ontology: Graph, case: str) -> None:
    turtle, clash = MISUSES[case]
    data = Graph().parse(data=PREFIXES + turtle, format="turtle")
    found = inconsistencies(ontology, data)
    assert found, "expected a clash"
    assert all(f"#{name}" in " ".join(found) for name in clash), found
