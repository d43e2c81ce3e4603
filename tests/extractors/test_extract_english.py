"""English texts: the English layer (``english.py``) on a letter, a resolution and a meeting
record written for these tests in the layout of the English versions of the dev documents."""

from __future__ import annotations

from pathlib import Path

from unsckg.extractors.pipeline import extract_text

DATA = Path(__file__).resolve().parent / "data"

RESOLUTION = """United Nations S/RES/2505 (2020)
Security Council Distr.: General
13 January 2020
Resolution 2505 (2020)
Adopted by the Security Council at its 8701st meeting, on 13 January 2020
The Security Council,
Recalling its resolutions 2014 (2011), 2051 (2012) and 2451 (2018) concerning Yemen,
Welcoming the Agreement reached by the Government of Yemen and the Houthis in Sweden,
"""

RECORD = """United Nations S/PV.8701
Security Council
Seventy-fifth year
8701st meeting
Monday, 13 January 2020, 10 a.m.
New York
The President put the draft resolution contained in document S/2020/19 to the vote.
A vote was taken by show of hands.
In favour:
Belgium, China, Dominican Republic, Estonia, France, Germany, Indonesia, Niger,
Saint Vincent and the Grenadines, South Africa, Tunisia, United Kingdom of Great Britain and
Northern Ireland, United States of America, Viet Nam

Against:
Russian Federation

The draft resolution received 14 votes in favour, 1 against and no abstentions.
"""


def test_english_letter() -> None:
    facts = extract_text((DATA / "S-2021-284.en.txt").read_text(encoding="utf-8"), "en.txt")
    assert facts.language == "en"
    assert (facts.symbol, facts.date, facts.issued) == ("S/2021/284", "2021-03-19", "2021-03-23")
    assert facts.author is not None
    assert (facts.author.name, facts.author.state) == ("Dang Dinh Quy", "VNM")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("VNM", 2021, 4)]
    meeting = facts.meetings[0]
    assert (meeting.date, meeting.time, meeting.format) == (
        "2021-04-08",
        "08:00",
        "ministerial open debate",
    )
    assert meeting.agenda_item == "Maintenance of international peace and security"
    assert {m.value for m in facts.states_mentioned} == {"VNM", "NOR", "KHM"}  # not Mali
    assert [m.value for m in facts.resolutions_cited] == ["2365(2017)"]
    assert [m.value for m in facts.documents_cited] == ["S/2018/623"]


def test_english_resolution() -> None:
    facts = extract_text(RESOLUTION, "S-RES-2505.en.txt")
    assert (facts.symbol, facts.kind, facts.date) == (
        "S/RES/2505(2020)",
        "resolution",
        "2020-01-13",
    )
    assert [(r.number, r.adopted) for r in facts.resolutions] == [(2505, "2020-01-13")]
    assert [(m.date, m.number) for m in facts.meetings] == [("2020-01-13", "8701")]
    assert {m.value for m in facts.resolutions_cited} == {
        "2505(2020)",
        "2014(2011)",
        "2051(2012)",
        "2451(2018)",
    }
    assert {m.value for m in facts.states_mentioned} == {"YEM", "SWE"}


def test_english_meeting_record_votes() -> None:
    facts = extract_text(RECORD, "S-PV-8701.en.txt")
    votes = {v.state: v.vote for v in facts.votes}
    assert len(votes) == 15 and votes["RUS"] == "no" and votes["GBR"] == "yes"
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(14, 1, 0)]
    assert (facts.meetings[0].time, facts.meetings[0].number) == ("10:00", "8701")


def test_english_written_procedure_letter() -> None:
    text = (DATA / "S-2020-268-excerpt.en.txt").read_text(encoding="utf-8")
    facts = extract_text(text, "S-2020-268.en.txt")
    assert (facts.symbol, facts.date, facts.issued) == ("S/2020/268", "2020-03-31", "2020-04-06")
    assert [(r.number, r.adopted, r.draft, r.procedure) for r in facts.resolutions] == [
        (2518, "2020-03-30", "S/2020/240", "written")
    ]
    assert [(v.state, v.vote, v.date) for v in facts.votes] == [
        ("BEL", "yes", "2020-03-27"),
        ("FRA", "abstain", "2020-03-30"),
    ]
    assert [(r.name, r.state) for r in facts.representatives] == [
        ("Marc Pecsteen de Buytswerve", "BEL")
    ]
