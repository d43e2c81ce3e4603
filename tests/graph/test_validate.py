"""Validation: the dev corpus conforms; broken graphs and broken Council rules are reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from unsckg.extractors.facts import (
    DocumentFacts,
    ExplanationOfVote,
    Meeting,
    Mention,
    Presidency,
    Resolution,
    Vote,
    VoteTally,
)
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


def _citing(source: str, symbol: str, *cited: str) -> DocumentFacts:
    return DocumentFacts(
        source=source,
        symbol=symbol,
        language="en",
        resolutions_cited=tuple(Mention(c) for c in cited),
    )


def test_a_misprinted_citation_year_is_a_finding_on_the_citing_document(tmp_path: Path) -> None:
    """S/RES/1730 (2006) cites ``1521 (2005)``; resolution 1521's own text says 2003. Before,
    the citation gave 1521 a second year and symbol (two ResolutionShape violations); now the
    resolution keeps its own year and the citing document gets a warning naming both."""
    adopting = DocumentFacts(
        source="S-RES-1521-2003.en.txt",
        symbol="S/RES/1521 (2003)",
        language="en",
        resolutions=(Resolution(1521, 2003, adopted="2003-12-22"),),
    )
    citing = _citing("S-RES-1730-2006.en.txt", "S/RES/1730 (2006)", "1521(2005)", "1521(2003)")
    with _store_of(tmp_path / "s", [adopting, citing]) as store:
        report = validate(store)
        years = store.select_values(f"SELECT ?y WHERE {{ ?r <{UNSC}year> ?y }}")
    assert report.conforms, report.text()
    assert [row["y"] for row in years] == ["2003"]
    (finding,) = [f for f in report.findings if f.rule == "cited-year"]
    graph = str(DEFAULT.iri("document", "S-RES-1730-2006/en"))
    assert finding.severity == "warning" and finding.focus == graph
    assert "S/RES/1521(2005)" in finding.message and "S/RES/1521(2003)" in finding.message
    assert finding.sources == (str(DEFAULT.iri("document", "S-RES-1521-2003/en")), graph)


def test_a_citation_against_what_most_citations_say_is_a_finding(tmp_path: Path) -> None:
    """No ingested document adopts resolution 2118; S/RES/2139 (2014) prints ``2118 (2113)``
    where three others cite 2118 (2013): only the odd one is reported, and the resolution gets
    no year from any citation."""
    docs = [
        _citing("S-RES-2139-2014.en.txt", "S/RES/2139 (2014)", "2118(2113)"),
        _citing("S-RES-2165-2014.en.txt", "S/RES/2165 (2014)", "2118(2013)"),
        _citing("S-RES-2191-2014.en.txt", "S/RES/2191 (2014)", "2118(2013)"),
    ]
    with _store_of(tmp_path / "s", docs) as store:
        report = validate(store)
        years = store.select_values(f"SELECT ?y WHERE {{ ?r <{UNSC}year> ?y }}")
    assert report.conforms and not years, report.text()
    (finding,) = [f for f in report.findings if f.rule == "cited-year"]
    assert finding.focus == str(DEFAULT.iri("document", "S-RES-2139-2014/en"))


def test_a_symbol_in_two_languages_is_one_document_with_two_versions(tmp_path: Path) -> None:
    """A Chinese and an English text of one symbol: one document node, each version (graph)
    with its own language; before, the document node carried both (a DocumentShape
    violation)."""
    zh = DocumentFacts(source="S-RES-1434-2002.zh.txt", symbol="S/RES/1434 (2002)")
    en = replace(zh, source="S-RES-1434-2002.en.txt", language="en")
    with _store_of(tmp_path / "s", [zh, en]) as store:
        report = validate(store)
        rows = store.select_values(
            f"SELECT ?v ?l WHERE {{ GRAPH ?v {{ ?v <{UNSC}language> ?l }} }} ORDER BY ?l"
        )
    assert report.conforms, report.text()
    doc = str(DEFAULT.iri("document", "S-RES-1434-2002"))
    assert [(r["v"], r["l"]) for r in rows] == [(doc + "/en", "en"), (doc, "zh")]


def _announcing(source: str, symbol: str, form: str) -> DocumentFacts:
    return DocumentFacts(
        source=source,
        symbol=symbol,
        date="2022-01-20",
        meetings=(Meeting("2022-01-25", format=form),),
    )


def test_a_narrower_meeting_format_agrees_and_another_format_disagrees(tmp_path: Path) -> None:
    """2022-01-25: S/2022/7 announces a "high-level open debate", another letter an "open
    debate": the same meeting stated more and less precisely (skos:broader), not a
    disagreement (the resolver makes them one meeting too). A briefing stated for that meeting
    would be one."""
    letters = [
        _announcing("S-2022-7.zh.txt", "S/2022/7", "high-level open debate"),
        _announcing("S-2022-8.zh.txt", "S/2022/8", "open debate"),
    ]
    with _store_of(tmp_path / "a", letters) as store:
        assert validate(store).conforms, validate(store).text()
    # the resolver keeps a briefing apart from a debate, so the rival claim is written as is
    meeting = ox.NamedNode(str(DEFAULT.iri("meeting", "2022-01-25")))
    rival = ox.NamedNode(str(DEFAULT.iri("document", "S-2022-9")))
    claim = ox.Quad(meeting, ox.NamedNode(UNSC + "format"), ox.NamedNode(UNSC + "BriefingFormat"))
    with _store_of(tmp_path / "b", letters) as store:
        store.add([ox.Quad(claim.subject, claim.predicate, claim.object, rival)])
        report = validate(store)
    formats = [f for f in report.violations if f.rule == "MeetingShape"]
    assert formats and all(f.focus == meeting.value for f in formats), report.text()
    assert rival.value in formats[0].sources


def test_an_explanation_whose_document_names_no_draft_is_a_warning(tmp_path: Path) -> None:
    """news-2011-10-04-Syria-draft-veto: China's explanation of its vote on "the draft on
    Syria", which the news item names by no symbol."""
    news = DocumentFacts(
        source="news-2011-10-04-Syria-draft-veto.zh.txt",
        date="2011-10-06",
        explanations_of_vote=(ExplanationOfVote("CHN", "李保东"),),
    )
    with _store_of(tmp_path / "s", [news]) as store:
        report = validate(store)
    assert report.conforms, report.text()
    assert [f.rule for f in report.warnings] == ["ExplanationNamesItsSubject"]
