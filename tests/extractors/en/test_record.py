"""English meeting records (S/PV): a real record read end to end, and the layouts of a vote
that the real record lacks (lists against and abstaining, a veto, an amendment, explanations
before and after the vote) on short texts in the records' layout."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from unsckg.extractors.en import record, speakers
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_file, extract_text

DATA = Path(__file__).resolve().parents[2] / "data" / "real-en-records"

COVER = """United Nations S/ PV.870 9
Security Council
Seventy-fifth year
8709th meeting
Friday, 31 January 2020, 3 p.m.
New York
Provisional
President: Mr. Dang ...................................... (Viet Nam)
Members: Belgium ....................................... Mr. Pecsteen de Buytswerve
China ......................................... Mr. Zhang Jun
Dominican Republic ............................. Mr. Singer Weisinger
Estonia ........................................ Mr. Jürgenson
France ........................................ Mr. De Rivière
Germany ...................................... Mr. Heusgen
Indonesia ...................................... Mr. Djani
Niger ......................................... Mr. Abarry
Russian Federation ............................... Mr. Nebenzia
Saint Vincent and the Grenadines ................... Ms. King
South Africa ................................... Mr. Matjila
Tunisia ........................................ Mr. Baati
United Kingdom of Great Britain and Northern Ireland .. Ms. Pierce
United States of America .......................... Mrs. Craft
Agenda
The situation in the Middle East
20-02000 (E)
S/ PV. 8709 The situation in the Middle East 31/01/2020
2/9 20-02000
The meeting was called to order at 3.05 p.m.
Adoption of the agenda
The agenda was adopted.
The situation in the Middle East
The President: In accordance with rule 37 of the
Council’s provisional rules of procedure, I invite the
representative of the Syrian Arab Republic to
participate in this meeting.
"""

VETO = (
    COVER
    + """Members of the Council have before them
document S/2020/99, which contains the text of a draft
resolution submitted by Belgium and Germany.
I shall first give the floor to those members of the
Council who wish to make statements before the voting.
Mr. Heusgen (Germany): Germany will vote in favour.
The President: I shall put the draft resolution to
the vote now.
A vote was taken by show of hands.
In favour:
Belgium, Dominican Republic, Estonia, France,
Germany, Indonesia, Niger, Saint Vincent and the
Grenadines, South Africa, Tunisia, United Kingdom of
Great Britain and Northern Ireland, United States of
America, Viet Nam
Against:
Russian Federation, Syrian Arab Republic
Abstaining:
China
The President: The result of the voting is as
follows: 13 votes in favour, 1 against and
1 abstention. The draft resolution has not been
adopted, owing to the negative vote of a permanent
member of the Council.
I shall now give the floor to those members of
the Council who wish to make statements after the voting.
Mr. Nebenzia (Russian Federation) ( spoke in
Russian ): We voted against the text.
The President: I shall now make a statement in my
capacity as the representative of Viet Nam.
Viet Nam voted in favour.
I now give the floor to the representative of the
Syrian Arab Republic.
Mr. Ja’afari (Syrian Arab Republic) ( spoke in Arabic ):
The text was unbalanced.
Mrs. Craft (United States of America): I wish to
reply to the representative of Syria.
The meeting rose at 4.10 p.m.
"""
)

AMENDMENT = (
    COVER
    + """The President: I shall first put to the vote the
amendment contained in document S/2020/100.
A vote was taken by show of hands.
In favour:
China, Russian Federation
Against:
Belgium, Estonia, France, Germany, United Kingdom of
Great Britain and Northern Ireland, United States of America
The President: The amendment contained in document S/2020/100 has not been adopted,
having failed to obtain the required number of votes.
I shall now put to the vote the draft resolution
contained in document S/2020/98.
A vote was taken by show of hands.
In favour:
Belgium, China, Dominican Republic, Estonia, France,
Germany, Indonesia, Niger, Saint Vincent and the Grenadines,
South Africa, Tunisia, United Kingdom of Great Britain and Northern Ireland,
United States of America, Viet Nam
Abstaining:
Russian Federation
The President: The draft resolution received
14 votes in favour and one abstention. The draft
resolution has been adopted as resolution 2510 (2020).
The meeting rose at 4.10 p.m.
"""
)


def _facts(text: str) -> DocumentFacts:
    return extract_text(text, "S-PV-8709.en.txt")


def test_real_record_cover_and_vote() -> None:
    facts = extract_file(DATA / "S-PV-8701.en.pdf")
    assert (facts.symbol, facts.kind, facts.date) == ("S/PV.8701", "meeting record", "2020-01-13")
    meeting = facts.meetings[0]
    assert (meeting.number, meeting.time, meeting.chair) == ("8701", "10:00", "Mr. Dang")
    assert meeting.agenda_item == "The situation in the Middle East"
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("VNM", 2020, 1)]
    people = {(p.name, p.state) for p in facts.representatives}
    assert ("Mr. Wu Haitao", "CHN") in people and ("Mrs. Craft", "USA") in people
    assert len(people) == 15
    assert {(v.vote, v.draft, v.resolution) for v in facts.votes} == {
        ("yes", "S/2020/27", "2505(2020)")
    }
    assert len(facts.votes) == 15
    assert [(r.number, r.draft, r.sponsors) for r in facts.resolutions] == [
        (2505, "S/2020/27", ("GBR",))
    ]
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(15, 0, 0)]
    for fact in (*facts.votes, *facts.representatives, meeting):
        assert fact.evidence is not None and fact.evidence.quote


def test_symbol_mended_from_the_meeting_number() -> None:
    assert _facts(COVER).symbol == "S/PV.8709"


def test_vetoed_draft_votes_of_the_members_only() -> None:
    facts = _facts(VETO)
    votes = {v.state: v.vote for v in facts.votes}
    assert len(votes) == 15 and "SYR" not in votes  # an invited state never votes
    assert (votes["RUS"], votes["CHN"], votes["FRA"]) == ("no", "abstain", "yes")
    assert {v.draft for v in facts.votes} == {"S/2020/99"}
    assert {v.resolution for v in facts.votes} == {None}
    assert facts.resolutions == ()
    assert [(t.draft, t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [
        ("S/2020/99", 13, 1, 1)
    ]


def test_explanations_before_and_after_the_vote() -> None:
    facts = _facts(VETO)
    explained = {(e.state, e.speaker) for e in facts.explanations_of_vote}
    assert explained == {
        ("DEU", "Mr. Heusgen"),
        ("RUS", "Mr. Nebenzia"),
        ("VNM", "Mr. Dang"),  # the President, in his capacity as Viet Nam's representative
    }
    people = {(p.name, p.state, p.role) for p in facts.representatives}
    assert ("Mr. Ja’afari", "SYR", "representative (rule 37)") in people


def test_amendment_vote_kept_apart_from_the_draft() -> None:
    facts = _facts(AMENDMENT)
    assert {v.draft for v in facts.votes} == {"S/2020/98"}
    assert {v.resolution for v in facts.votes} == {"2510(2020)"}
    votes = {v.state: v.vote for v in facts.votes}
    assert len(votes) == 15 and votes["RUS"] == "abstain"
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(14, 0, 1)]
    assert [(r.number, r.adopted, r.draft) for r in facts.resolutions] == [
        (2510, "2020-01-31", "S/2020/98")
    ]


def test_theme_under_the_agenda_title() -> None:
    text = COVER.replace(
        "Agenda\nThe situation in the Middle East\n",
        "Agenda\nMaintenance of international peace and security\n"
        "Upholding the United Nations Charter\n"
        "Letter dated 31 December 2019 from the Permanent Representative of Viet Nam\n"
        "to the United Nations addressed to the Secretary-General (S/2020/1)\n"
        "This record contains the text of speeches delivered in English\n",
    )
    meeting = _facts(text).meetings[0]
    assert meeting.agenda_item == "Maintenance of international peace and security"
    assert meeting.theme == ("Upholding the United Nations Charter",)


def test_briefers_of_a_rule_39_list() -> None:
    text = COVER + (
        "In accordance with rule 39 of the Council’s\n"
        "provisional rules of procedure, I invite the following\n"
        "briefers to participate in this meeting: Mr. Martin\n"
        "Griffiths, Special Envoy of the Secretary-General\n"
        "for Yemen, and Mr. Ramesh Rajasingham, Director,\n"
        "Coordination Division, United Nations Office for the\n"
        "Coordination of Humanitarian Affairs.\n"
    )
    briefers = _facts(text).meetings[0].briefers
    assert [(b.name, b.title, b.organization) for b in briefers] == [
        ("Martin Griffiths", "Special Envoy of the Secretary-General for Yemen", None),
        (
            "Ramesh Rajasingham",
            "Director, Coordination Division, United Nations Office for the Coordination of "
            "Humanitarian Affairs",
            "United Nations Office for the Coordination of Humanitarian Affairs",
        ),
    ]


def test_member_whose_state_name_wraps_on_the_cover() -> None:
    text = COVER.replace(
        "United Kingdom of Great Britain and Northern Ireland .. Ms. Pierce",
        "United Kingdom of Great Britain and Northern\nIreland .. Ms. Pierce",
    )
    people = {(p.name, p.state) for p in _facts(text).representatives}
    assert ("Ms. Pierce", "GBR") in people and ("Ms. Pierce", "IRL") not in people


def _flat_by_definition(text: str) -> str:
    """``record.flat`` as first written: every running line blanked by one multiline pass."""
    blanked = record.RUNNING.sub(lambda m: " " * len(m.group()), text)
    return blanked.replace("\n", " ")


_RUNNING_PIECES = st.sampled_from(
    [
        "S/PV.8699 ",
        "S/ PV. 8709 The situation 31/01/2020",
        "2/65 20-00676",
        "20-02000 (E)",
        "\n",
        "\n\n",
        " ",
        "a",
        "7",
        "/",
        "-",
        "31/01/2020",
        "S/",
        "PV",
        ".",
        "12345",
    ]
)


@given(st.lists(_RUNNING_PIECES, max_size=30).map("".join))
def test_flat_blanks_the_running_lines_as_one_multiline_pass_does(text: str) -> None:
    """The scan from line break to line break finds the running lines ``^…$`` finds."""
    record.flat.cache_clear()
    assert record.flat(text) == _flat_by_definition(text)
    assert len(record.flat(text)) == len(text)


def test_flat_blanks_a_running_head_and_foot() -> None:
    head, foot = "S/PV.8699 Maintenance of peace 09/01/2020", "2/65 20-00676"
    text = f"Speech.\n{head}\n{foot}\nMore."
    blank = " " * (len(head) + len(foot) + 3)
    assert record.flat(text) == f"Speech.{blank}More."


_TURN_PIECES = st.sampled_from(
    [
        "Mr. Zhang Jun (China):",
        "The President:",
        "Ms. King",
        " (",
        "China",
        ")",
        ":",
        "\n",
        "\n\n",
        " ",
        "(spoke in French)",
        "Mrs. Craft:",
        "x",
        "Dr",
    ]
)


@given(st.lists(_TURN_PIECES, max_size=30).map("".join))
def test_turns_found_from_line_break_to_line_break_as_by_multiline_pass(text: str) -> None:
    """``at_line_starts`` finds the speakers' turns ``^`` (multiline) finds, where they start."""
    by_definition = [(m.start(), m.group()) for m in speakers.TURN.finditer(text)]
    found = record.at_line_starts(speakers.TURN, speakers.TURN_AFTER_BREAK, text)
    assert [(m.start("speaker"), text[m.start("speaker") : m.end()]) for m in found] == (
        by_definition
    )


_AGENDA_PIECES = st.sampled_from(
    ["Agenda", "The agenda was adopted.", "\n", " ", "x", "The ", "agenda", "."]
)


@given(st.lists(_AGENDA_PIECES, max_size=20).map("".join))
def test_agenda_headings_are_lines_of_their_own(text: str) -> None:
    """The headings' patterns, the line start looked at behind them, find what ``^…$`` finds."""
    for pattern, line in (
        (record.AGENDA_COVER, "Agenda"),
        (record.AGENDA_ADOPTED, "The agenda was adopted."),
    ):
        by_definition = re.compile(f"^{re.escape(line)}$", re.M)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in by_definition.finditer(text)
        ]


_LEADER_PIECES = st.sampled_from(
    ["Belgium", " ", ".", ". ", "\t", "  ", "\xa0", "Mr. Pecsteen", "..", "x", "\u2003"]
)


@given(st.lists(_LEADER_PIECES, max_size=20).map("".join))
def test_leader_splits_a_line_as_its_definition_does(line: str) -> None:
    """The dotted leader, its branches opening with their first character, cuts where the
    pattern as first written cuts."""
    assert record.LEADER.split(line) == re.split(record.LEADER_BY_DEFINITION, line)
