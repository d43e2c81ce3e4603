"""The Council's vote rules on real on-disk stores: what counts towards the fifteen members,
which breaks are violations (validate fails) and which a document explains.

Each case is one written-procedure record in the shape of S/2020/268 (draft S/2020/240, adopted
as resolution 2518 (2020), the 2020 Council's fifteen members), with its votes and tally edited.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from unsckg.extractors.facts import DocumentFacts, ExplanationOfVote, Vote, VoteTally
from unsckg.graph.build import write_reference_graphs
from unsckg.graph.cli import main
from unsckg.graph.mapping import map_documents
from unsckg.graph.rules import Finding, check_rules, council_size
from unsckg.graph.store import Store
from unsckg.graph.validate import ValidationReport, shacl_findings, union_graph, validate
from unsckg.ontology import shapes_path
from unsckg.ontology.iris import DEFAULT

DRAFT = "S/2020/240"
RESOLUTION = "S/RES/2518(2020)"
RECORD = str(DEFAULT.document("S/2020/268"))
LETTER = str(DEFAULT.document("S/2020/299"))


@pytest.fixture
def record(gold: list[DocumentFacts]) -> DocumentFacts:
    return next(f for f in gold if f.source.startswith("S-2020-268"))


def _checked(path: Path, *documents: DocumentFacts) -> ValidationReport:
    with Store(path) as store:
        write_reference_graphs(store)
        store.add(map_documents(list(documents), DEFAULT))
        return validate(store)


def _with(record: DocumentFacts, tally: tuple[int, int, int] | None, **votes: str) -> DocumentFacts:
    """The record with some members' votes changed (``NER="absent"``; ``"-"`` drops the vote)
    and the tally, if any, the cover letter states."""
    kept = tuple(
        replace(v, vote=votes.get(v.state, v.vote))
        for v in record.votes
        if votes.get(v.state) != "-"
    )
    tallies = (VoteTally(RESOLUTION, DRAFT, *tally),) if tally else ()
    return replace(record, votes=kept, vote_tallies=tallies)


def _rules(report: ValidationReport) -> list[tuple[str, str]]:
    return sorted((f.severity, f.rule) for f in report.findings)


def test_a_tally_of_fourteen_with_no_reason_is_a_violation(
    tmp_path: Path, record: DocumentFacts
) -> None:
    report = _checked(tmp_path / "s", _with(record, (14, 0, 0), NER="-"))
    expected = [("violation", "fifteen-votes"), ("warning", "member-vote-missing")]
    assert _rules(report) == expected, report.text()
    assert not report.conforms
    assert "no vote recorded for NER, Council members on 2020-03-27" in report.text()
    [finding] = report.violations
    assert finding.focus == str(DEFAULT.draft(DRAFT)) and finding.sources == (RECORD,)
    assert "a tally of 14-0-0 counts 14 members and no member recorded as not taking part" in (
        finding.message
    )


def test_a_tally_of_nine_four_one_is_a_violation(tmp_path: Path, record: DocumentFacts) -> None:
    report = _checked(tmp_path / "s", replace(_with(record, (9, 4, 1)), votes=()))
    assert _rules(report) == [("violation", "fifteen-votes")], report.text()
    assert "9-4-1 counts 14 members" in report.text()


def test_a_member_not_taking_part_explains_a_tally_of_fourteen(
    tmp_path: Path, record: DocumentFacts
) -> None:
    """``加蓬…不参加对决议草案的表决``: recorded as an absent vote, it counts towards the fifteen
    members, and the finding is an info that names the member."""
    report = _checked(tmp_path / "s", _with(record, (14, 0, 0), NER="absent"))
    assert report.conforms and not report.warnings, report.text()
    [note] = report.infos
    assert (note.rule, note.sources) == ("fifteen-votes", (RECORD,))
    assert "NER recorded as not taking part in the vote, which makes 15" in note.message
    assert report.text().endswith("conforms: 0 violation(s), 0 warning(s), 1 info")


def test_the_reason_may_come_from_another_document(tmp_path: Path, record: DocumentFacts) -> None:
    """The member's own letter says it does not take part; the record gives only the tally."""
    letter = DocumentFacts(
        source="NER-letter.txt", symbol="S/2020/299", votes=(Vote("NER", "absent", DRAFT),)
    )
    report = _checked(tmp_path / "s", replace(_with(record, (14, 0, 0)), votes=()), letter)
    assert report.conforms and not report.warnings, report.text()
    [note] = report.infos
    assert note.sources == (RECORD, LETTER)


def test_an_absent_member_on_top_of_fifteen_votes_is_a_violation(
    tmp_path: Path, record: DocumentFacts
) -> None:
    """15-0-0 plus a member recorded as not taking part accounts for sixteen members."""
    letter = DocumentFacts(
        source="NER-letter.txt", symbol="S/2020/299", votes=(Vote("NER", "absent", DRAFT),)
    )
    report = _checked(tmp_path / "s", replace(_with(record, (15, 0, 0)), votes=()), letter)
    assert ("violation", "fifteen-votes") in _rules(report), report.text()
    assert "16 accounted for" in report.text()


def test_more_than_fifteen_voters_is_a_violation(tmp_path: Path, record: DocumentFacts) -> None:
    extra = Vote("JPN", "yes", DRAFT, "2518(2020)")
    report = _checked(tmp_path / "s", replace(record, votes=(*record.votes, extra)))
    expected = [("violation", "fifteen-votes"), ("violation", "members-vote")]
    assert _rules(report) == expected, report.text()
    assert "16 members recorded as voting" in report.text()
    assert "JPN recorded as voting on 2020-03-27, not Council members" in report.text()


def test_a_partial_record_under_a_full_tally_is_fine(tmp_path: Path, record: DocumentFacts) -> None:
    """A resolution page names only the abstaining member (``弃权：1（印度）``): the tally
    accounts for the fifteen, and the lone recorded vote is no count of votes in favour."""
    page = replace(_with(record, (14, 0, 1)), votes=(Vote("NER", "abstain", DRAFT, "2518(2020)"),))
    report = _checked(tmp_path / "s", page)
    assert not report.findings, report.text()


def test_a_partial_record_without_a_tally_is_a_warning(
    tmp_path: Path, record: DocumentFacts
) -> None:
    report = _checked(tmp_path / "s", _with(record, None, NER="-"))
    expected = [("warning", "fifteen-votes"), ("warning", "member-vote-missing")]
    assert _rules(report) == expected, report.text()
    assert report.conforms
    assert "the votes of 14 of the 15 members are recorded and no tally" in report.text()


def test_votes_the_tally_leaves_no_room_for_are_a_violation(
    tmp_path: Path, record: DocumentFacts
) -> None:
    report = _checked(tmp_path / "s", _with(record, (14, 0, 1), NER="abstain", VNM="abstain"))
    assert _rules(report) == [("violation", "votes-match-tally")], report.text()
    assert "2 recorded abstaining (NER, VNM), more than the tally of 14-0-1" in report.text()


def test_a_veto_on_an_adopted_resolution_is_a_warning(
    tmp_path: Path, record: DocumentFacts
) -> None:
    """Resolution 2623 (2022) was adopted with Russia against: a procedural decision."""
    report = _checked(tmp_path / "s", _with(record, (14, 1, 0), RUS="no"))
    assert _rules(report) == [("warning", "no-veto")], report.text()
    assert report.conforms


def test_a_rejected_draft_is_not_adopted_by_an_explanation_of_vote(
    tmp_path: Path, record: DocumentFacts
) -> None:
    """A statement after two votes explains both; its draft and resolution do not say that the
    rejected draft became the resolution (S/PV.9087: S/2022/541 rejected, 2642 adopted)."""
    rejected = "S/2020/241"
    votes = tuple(
        replace(v, draft=rejected, resolution=None, vote="no" if i < 3 else "abstain")
        for i, v in enumerate(record.votes)
    )
    meeting = replace(
        record,
        votes=votes,
        vote_tallies=(VoteTally(None, rejected, 0, 3, 12),),
        explanations_of_vote=(ExplanationOfVote("CHN", None, rejected, "2518(2020)"),),
    )
    report = _checked(tmp_path / "s", meeting)
    assert not report.findings, report.text()


def test_validate_exits_1_on_a_broken_ballot_and_0_with_a_stated_reason(
    tmp_path: Path, record: DocumentFacts
) -> None:
    for name, votes, code in (("broken", {"NER": "-"}, 1), ("explained", {"NER": "absent"}, 0)):
        _checked(tmp_path / name, _with(record, (14, 0, 0), **votes))
        result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / name)])
        assert result.exit_code == code, result.output
        assert "fifteen-votes" in result.output


@pytest.mark.parametrize(
    ("votes", "tally", "severity"),
    [({"NER": "-"}, (14, 0, 0), "violation"), ({"NER": "absent"}, (14, 0, 0), None)],
)
def test_the_shapes_agree_with_the_rules(
    tmp_path: Path,
    record: DocumentFacts,
    votes: dict[str, str],
    tally: tuple[int, int, int],
    severity: str | None,
) -> None:
    """``shapes.ttl`` run in full (as anyone using it without unsckg would): its fifteen-members
    shape counts the absent members too, with the rule's severity."""
    with Store(tmp_path / "s") as store:
        write_reference_graphs(store)
        store.add(map_documents([_with(record, tally, **votes)], DEFAULT))
        rules: list[Finding] = check_rules(store)
        shapes = Graph().parse(shapes_path(), format="turtle")
        found = shacl_findings(union_graph(store), shapes)
    tallies = [f.severity for f in found if f.rule == "TallyOfFifteenShape"]
    assert tallies == ([severity] if severity else []), found
    vote_rules = [f for f in rules if f.rule == "fifteen-votes"]
    assert [f.severity for f in vote_rules if f.severity != "info"] == tallies


def test_the_council_of_eleven_decided_by_seven_votes_until_1966() -> None:
    """Resolutions of 1946-1965 (a tally of 7-0-4 in 1949) broke no rule: the Council had
    eleven members and needed seven votes until the Charter's amendment took effect."""
    assert council_size("1949-03-04") == (11, 7)
    assert council_size("1965-12-31") == (11, 7)
    assert council_size("1966-01-01") == (15, 9)
    assert council_size(None) == (15, 9)
