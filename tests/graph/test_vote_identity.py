"""One vote node per state's decision on one draft, whichever documents state it and in what order.

Why: a resolution's text names only the resolution (``S/RES/2467 (2019)``), the meeting record
names the draft and the resolution it became; keyed separately, one real vote became two nodes
(``vote/S-2019-328/CHN`` beside ``vote/S-RES-2467-2019/CHN``) and counts doubled.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.extractors.facts import DocumentFacts, Evidence, Resolution, Vote, VoteTally
from unsckg.graph.mapping import map_documents
from unsckg.graph.records import seeded_resolver
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

UNSC = "https://w3id.org/unsc-kg/ontology#"
STATES = ("CHN", "RUS", "USA")


def _value(state: str) -> str:
    return "yes" if state == "USA" else "abstain"


def _record() -> DocumentFacts:
    """The meeting record: votes on the draft, which it reports adopted as 2467 (2019)."""
    return DocumentFacts(
        source="S-PV-8514.en.txt",
        language="en",
        symbol="S/PV.8514",
        resolutions=(Resolution(2467, 2019, "2019-04-23", "S/2019/328", "meeting"),),
        votes=tuple(
            Vote(s, "abstain" if s != "USA" else "yes", draft="S/2019/328") for s in STATES
        ),
        vote_tallies=(VoteTally(None, "S/2019/328", 13, 0, 2),),
    )


def _resolution_text() -> DocumentFacts:
    """The resolution's text: it names only itself, never its draft."""
    quote = Evidence(5, 15, "13 votes to")
    return DocumentFacts(
        source="S-RES-2467-2019.en.txt",
        language="en",
        symbol="S/RES/2467(2019)",
        votes=tuple(Vote(s, _value(s), resolution="2467(2019)", evidence=quote) for s in STATES),
        vote_tallies=(VoteTally("2467(2019)", None, 13, 0, 2, quote),),
    )


def _nodes(quads: list[ox.Quad], cls: str) -> set[str]:
    return {
        q.subject.value
        for q in quads
        if q.predicate.value.endswith("#type") and q.object.value == UNSC + cls
    }


@pytest.mark.parametrize("record_first", [True, False])
def test_one_vote_node_per_state_in_either_order(record_first: bool) -> None:
    docs = [_record(), _resolution_text()]
    quads = map_documents(docs if record_first else docs[::-1], DEFAULT)
    votes = _nodes(quads, "Vote")
    assert len(votes) == len(STATES)
    assert len(_nodes(quads, "VoteTally")) == 1
    if record_first:  # the draft is known when the resolution's votes are keyed
        assert votes == {f"{DEFAULT.base}vote/S-2019-328/{s}" for s in STATES}


def test_the_vote_has_evidence_from_both_documents() -> None:
    quads = map_documents([_record(), _resolution_text()], DEFAULT)
    chn = f"{DEFAULT.base}vote/S-2019-328/CHN"
    graphs = {q.graph_name.value for q in quads if q.subject.value == chn}
    documents = (DEFAULT.document("S/PV.8514"), DEFAULT.document("S/RES/2467(2019)"))
    assert graphs == {f"{document}/en" for document in documents}  # English versions' graphs


def test_a_later_build_reuses_the_stored_decision_key(tmp_path: Path) -> None:
    """Seeded from a store holding the record, a resolver keys the resolution's votes by the
    draft: a second build adding the resolution's text makes no second vote node."""
    with Store(tmp_path / "store") as store:
        store.add(map_documents([_record()], DEFAULT))
        resolver = seeded_resolver(store, DEFAULT)
    assert resolver.decision(None, 2467, "S-RES-2467-2019") == "S-2019-328"
    assert resolver.decision(None, 2518, "S-RES-2518-2020") == "S-RES-2518-2020"
