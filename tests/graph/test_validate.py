"""Validation: the dev corpus conforms; broken graphs and broken Council rules are reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from unsckg.extractors.facts import DocumentFacts, Presidency, Vote, VoteTally
from unsckg.graph.build import write_reference_graphs
from unsckg.graph.mapping import map_documents
from unsckg.graph.rules import SHAPES_REPLACED
from unsckg.graph.store import Store
from unsckg.graph.validate import validate
from unsckg.ontology.iris import DEFAULT, IriScheme

UNSC = "https://w3id.org/unsc-kg/ontology#"


def _store_of(path: Path, documents: list[DocumentFacts], iris: IriScheme = DEFAULT) -> Store:
    store = Store(path)
    write_reference_graphs(store, iris)
    store.add(map_documents(documents, iris))
    return store


def test_the_extracted_dev_corpus_conforms(built_store: Store) -> None:
    report = validate(built_store)
    assert report.conforms, report.text()


def test_the_gold_dev_corpus_conforms_without_warnings(gold_store: Store) -> None:
    report = validate(gold_store)
    assert report.conforms and not report.warnings, report.text()


def test_the_gold_dev_corpus_under_another_base_conforms(
    tmp_path: Path, gold: list[DocumentFacts]
) -> None:
    """The states graph follows the configured base, so votes find their voters' types."""
    iris = IriScheme(base="https://example.org/kg/id/")
    with _store_of(tmp_path / "s", gold, iris) as store:
        report = validate(store)
        states = {q.subject.value for q in store.quads(ox.NamedNode(str(iris.graph("states"))))}
    assert report.conforms and not report.warnings, report.text()
    assert str(iris.state("VNM")) in states and not any(s.startswith(DEFAULT.base) for s in states)


def test_two_states_in_one_month_is_a_violation_with_both_sources(
    tmp_path: Path, gold: list[DocumentFacts]
) -> None:
    letter = next(f for f in gold if f.source.startswith("S-2021-284"))
    rival = DocumentFacts(
        source="rival.txt", symbol="S/2021/999", presidencies=(Presidency("IND", 2021, 4),)
    )
    with _store_of(tmp_path / "s", [letter, rival]) as store:
        report = validate(store)
    assert not report.conforms
    conflict = next(f for f in report.violations if f.rule == "one-presidency-per-month")
    assert conflict.focus == str(DEFAULT.presidency(2021, 4))
    assert set(conflict.sources) == {
        str(DEFAULT.document("S/2021/284")),
        str(DEFAULT.document("S/2021/999")),
    }
    assert any(f.rule == "PresidencyShape" for f in report.violations)


def test_broken_vote_rules_are_flagged(tmp_path: Path, gold: list[DocumentFacts]) -> None:
    record = next(f for f in gold if f.source.startswith("S-2020-268"))
    votes = tuple(
        replace(v, vote="no") if v.state in {"RUS", "USA"} else v for v in record.votes[:14]
    )
    votes += (Vote("BEL", "no", draft="S/2020/240"),)  # a 15th entry repeats a voter
    broken = replace(record, votes=votes)
    with _store_of(tmp_path / "s", [broken]) as store:
        report = validate(store)
    # 14 members' votes and no tally: a partial record (warning); vetoes: a warning (procedural
    # decisions are adopted so); BEL's two values: the shapes' violation
    assert {"fifteen-votes", "no-veto"} <= {f.rule for f in report.warnings}
    assert any(f.rule == "VoteShape" for f in report.violations)


def test_a_resolution_with_too_few_votes_in_favour_is_a_violation(
    tmp_path: Path, gold: list[DocumentFacts]
) -> None:
    """Article 27 asks nine votes in favour of every decision: no document can explain fewer."""
    record = next(f for f in gold if f.source.startswith("S-2020-268"))
    votes = tuple(replace(v, vote="abstain") if i < 7 else v for i, v in enumerate(record.votes))
    with _store_of(tmp_path / "s", [replace(record, votes=votes)]) as store:
        report = validate(store)
    assert [f.rule for f in report.violations] == ["nine-in-favour"], report.text()
    assert "adopted with 8 votes in favour" in report.text()
    assert not report.conforms


def test_each_broken_vote_rule_is_reported_once_with_its_source(
    tmp_path: Path, gold: list[DocumentFacts]
) -> None:
    """The rules replace the shapes' copies of them (rules.SHAPES_REPLACED): one finding per
    rule and draft, naming the document, and none from the replaced shapes."""
    record = next(f for f in gold if f.source.startswith("S-2020-268"))
    votes = tuple(
        replace(v, vote="no") if v.state in {"CHN", "RUS", "USA"} or i < 7 else v
        for i, v in enumerate(record.votes[:14])
    )
    tally = VoteTally("S/RES/2518(2020)", "S/2020/240", 6, 6, 1)
    broken = replace(record, votes=votes, vote_tallies=(tally,))
    with _store_of(tmp_path / "s", [broken]) as store:
        report = validate(store)
    found = sorted((f.severity, f.rule, f.focus) for f in report.findings)
    draft = str(DEFAULT.draft("S/2020/240"))
    assert found == [
        ("violation", "fifteen-votes", draft),
        ("violation", "nine-in-favour", draft),
        ("violation", "votes-match-tally", draft),
        ("warning", "member-vote-missing", draft),  # Viet Nam, a member in 2020
        ("warning", "no-veto", draft),
    ], report.text()
    assert {f.sources for f in report.findings} == {(str(DEFAULT.document("S/2020/268")),)}
    assert "a tally of 6-6-1 counts 13 members and no member recorded as not taking part" in (
        report.text()
    )
    assert not {f.rule for f in report.findings} & SHAPES_REPLACED


def test_a_vote_without_voter_type_fails_the_shapes(tmp_path: Path) -> None:
    bogus = DocumentFacts(
        source="x.txt", symbol="S/2020/1", votes=(Vote("XXX", "yes", "S/2020/1"),)
    )
    with _store_of(tmp_path / "s", [bogus]) as store:
        report = validate(store)
    assert not report.conforms
    assert any(f.rule == "VoteShape" for f in report.violations)
