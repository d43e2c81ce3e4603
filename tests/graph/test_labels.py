"""Labels in Chinese and English for every kind of node users see; names tagged by script.

Why: meetings, resolutions and documents had no ``rdfs:label`` and Latin-script names were
tagged ``@zh`` because the document was Chinese; a chair was filed as representing the
presiding state (Gert Rosenthal under Azerbaijan).
"""

from __future__ import annotations

import pyoxigraph as ox
from unsckg.extractors.facts import DocumentFacts, Meeting, Presidency, Resolution, Vote, VoteTally
from unsckg.graph.mapping import map_documents
from unsckg.ontology.iris import DEFAULT

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
UNSC = "https://w3id.org/unsc-kg/ontology#"


def _record() -> list[ox.Quad]:
    facts = DocumentFacts(
        source="S-PV-8701.zh.txt",
        language="zh",
        symbol="S/PV.8701",
        date="2020-01-13",
        presidencies=(Presidency("VNM", 2020, 1),),
        meetings=(Meeting("2020-01-13", number="8701", presidency="VNM", chair="Gert Rosenthal"),),
        resolutions=(Resolution(2505, 2020, "2020-01-13", "S/2020/27", "meeting"),),
        votes=(Vote("CHN", "yes", draft="S/2020/27", date="2020-01-13"),),
        vote_tallies=(VoteTally(None, "S/2020/27", 15, 0, 0),),
    )
    return map_documents([facts], DEFAULT)


def _labels(quads: list[ox.Quad], subject: str) -> dict[str, str]:
    return {
        q.object.language or "": q.object.value
        for q in quads
        if q.subject.value == subject
        and q.predicate.value == LABEL
        and isinstance(q.object, ox.Literal)
    }


def test_every_kind_of_node_has_a_chinese_and_an_english_label() -> None:
    quads = _record()
    base = DEFAULT.base
    expected = {
        f"{base}meeting/2020-01-13": ("8701st meeting, 2020-01-13", "第8701次会议，2020-01-13"),
        f"{base}resolution/2505": ("Resolution 2505 (2020)", "第2505 (2020)号决议"),
        f"{base}document/S-2020-27": ("S/2020/27", "S/2020/27"),
        f"{base}document/S-PV.8701": ("S/PV.8701", "S/PV.8701"),
        f"{base}vote/S-2020-27/CHN": ("China: in favour on S/2020/27", "中国：赞成（S/2020/27）"),
        f"{base}presidency/2020-01": (
            "Presidency of the Security Council, 2020-01",
            "2020年1月安全理事会主席",
        ),
    }
    for subject, (en, zh) in expected.items():
        assert _labels(quads, subject) == {"en": en, "zh": zh}, subject
    tally = _labels(quads, f"{base}tally/S-2020-27")
    assert set(tally) == {"en", "zh"} and "15 in favour" in tally["en"]


def test_a_latin_name_in_a_chinese_document_is_not_tagged_chinese() -> None:
    quads = _record()
    people = {q.subject.value for q in quads if q.object.value == UNSC + "Person"}
    [chair] = people
    assert _labels(quads, chair) == {"en": "Gert Rosenthal"}


def test_the_chair_is_not_filed_under_the_presiding_state() -> None:
    quads = _record()
    assert not [q for q in quads if q.predicate.value == UNSC + "represents"]
