"""Mapping with resolution deferred (a build's workers) gives what direct resolution gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.extractors.facts import Briefer, DocumentFacts, Meeting, Person
from unsckg.graph import build as build_module
from unsckg.graph.mapping import map_deferred, map_facts
from unsckg.graph.mapping.deferred import MeetingQuestion, PersonQuestion, resolve_document
from unsckg.graph.resolve import Resolver
from unsckg.ontology.iris import DEFAULT

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
BRIEFER = "https://w3id.org/unsc-kg/ontology#briefer"


def _letter(source: str, name: str) -> DocumentFacts:
    author = Person(name, "VNM", "Permanent Representative")
    return DocumentFacts(source=source, symbol=f"S/2021/{source[0]}00", author=author)


def _meeting(source: str, briefer: Briefer, number: str | None = None) -> DocumentFacts:
    meeting = Meeting("2021-04-08", number=number, briefers=(briefer,))
    return DocumentFacts(source=source, meetings=(meeting,))


def _values(quads: list[ox.Quad], predicate: str) -> set[tuple[str, str]]:
    return {(q.subject.value, q.object.value) for q in quads if q.predicate.value == predicate}


def test_a_worker_sends_bytes_and_questions_not_facts() -> None:
    mapped = map_deferred(_letter("a.txt", "邓庭贵"), DEFAULT, source="a.txt", digest="ab")
    document = str(DEFAULT.document("S/2021/a00"))
    question = PersonQuestion("邓庭贵", "VNM", "Permanent Representative", None, document)
    assert mapped.questions == (question,)
    assert b"@pending" not in mapped.quads and mapped.templates
    assert mapped.quads.count(b"\n") == mapped.triples.count(b"\n") == mapped.lines


def test_a_variant_in_a_later_document_gets_the_first_label_and_its_own_alt_label() -> None:
    resolver = Resolver(DEFAULT)
    first = map_facts(_letter("a.txt", "邓庭贵"), DEFAULT, resolver)
    second = map_facts(_letter("b.txt", "邓廷贵"), DEFAULT, resolver)
    person = str(DEFAULT.person("邓庭贵"))
    labels = [{v for v in _values(q, RDFS_LABEL) if "/person/" in v[0]} for q in (first, second)]
    # documents have labels too, in each script a source gives (here the officials table)
    assert labels[0] == labels[1] == {(person, "邓庭贵"), (person, "Dang Dinh Quy")}
    assert _values(first, ALT_LABEL) == set() and _values(second, ALT_LABEL) == {(person, "邓廷贵")}


def test_a_meeting_resolved_across_documents_keys_its_briefings() -> None:
    resolver = Resolver(DEFAULT)
    briefer = Briefer(None, "秘书长")  # a post: the table decides who, in the worker
    map_facts(_meeting("a.txt", briefer, "8000"), DEFAULT, resolver)
    other = map_deferred(_meeting("b.txt", briefer, "8001"), DEFAULT, source="b", digest="")
    assert other.questions == (
        MeetingQuestion("2021-04-08", "8001", None),
        PersonQuestion("安东尼奥·古特雷斯", None, "Secretary-General", "2021-04-08"),
    )
    quads = list(ox.parse(resolve_document(other, resolver).quads, format=ox.RdfFormat.N_QUADS))
    meeting = DEFAULT.meeting("2021-04-08", "8001")  # the first one that day had 8000
    briefing = str(DEFAULT.briefing(meeting, "秘书长"))
    assert _values(quads, BRIEFER) == {(briefing, str(DEFAULT.person("安东尼奥·古特雷斯")))}


def test_a_document_that_cannot_be_mapped_is_a_failure_in_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"x")
    facts = DocumentFacts(source="x.txt", meetings=(Meeting("2021-13-45x"),))
    monkeypatch.setattr(build_module, "extract_one", lambda *_: facts)
    result = build_module.prepare_one(path, DEFAULT)
    assert isinstance(result, build_module.Failure) and "IriError" in result.reason
