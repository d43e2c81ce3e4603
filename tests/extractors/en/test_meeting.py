"""English meetings: the meeting a letter announces and the one an adoption header names
(``extractors/en/wordings/meeting.toml``), read through the whole pack."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.en import meeting, metadata
from unsckg.extractors.pipeline import extract_text

HEAD = (
    "United Nations S/2021/350\nSecurity Council Distr.: General\n9 April 2021\n"
    "Original: English\nLetter dated 1 April 2021 from the Permanent Representative of "
    "Viet Nam to the United Nations addressed to the Secretary-General\n"
)


@pytest.mark.parametrize(
    ("sentence", "date", "time"),
    [
        ("will hold an open debate on Thursday, 8 April 2021, at 10 a.m.", "2021-04-08", "10:00"),
        ("will hold a briefing on Monday, 12 April 2021 at 3.30 p.m.", "2021-04-12", "15:30"),
        ("will hold a briefing on Monday,\n12 April 2021, at 3 p.m.", "2021-04-12", "15:00"),
        ("will meet on Friday, 16 April 2021, on the situation", "2021-04-16", None),
    ],
)
def test_the_announced_meeting(sentence: str, date: str, time: str | None) -> None:
    facts = extract_text(HEAD + f"The Council {sentence}.\n", "letter.en.txt")
    assert [(m.date, m.time) for m in facts.meetings] == [(date, time)]


@pytest.mark.parametrize(
    "header",
    [
        "Adopted by the Security Council at its 8700th meeting, on 10 January 2020",
        "Adopted by the Security Council at its 8700th (closed) meeting, on 10 January 2020",
        "Adopted by the Security Council at its 8700th meeting,\non 10 January 2020",
    ],
)
def test_the_meeting_of_an_adoption_header(header: str) -> None:
    text = "United Nations S/2020/20\nSecurity Council\nThe Security Council,\n" + header + "\n"
    facts = extract_text(text, "decision.en.txt")
    assert [(m.number, m.date) for m in facts.meetings] == [("8700", "2020-01-10")]


def test_every_adoption_header_wording_holds_the_trace_its_reader_looks_for() -> None:
    # a new wording of ``adopted`` without the trace would be skipped: its examples say
    for entry in metadata.WORDINGS.groups["adopted"]:
        assert entry.template.startswith("Adopted by the Security Council at its {"), entry.id
        assert not entry.ignore_case, entry.id
        for example in entry.examples:
            assert meeting.ADOPTED_TRACE.search(example.text), entry.id


ADOPTION_PIECES = [
    "Adopted",
    "adopted",
    " by the Security Council",
    " by the\nSecurity  Council",
    " at its ",
    " at\nits\t",
    "8700th",
    "4868th (closed)",
    " meeting",
    ", on 10 January 2020",
    " unanimously at the 1537th meeting.",
    "\n",
    " ",
    "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ADOPTION_PIECES), max_size=12).map("".join))
def test_the_adoption_trace_lets_every_adoption_header_through(text: str) -> None:
    hit = metadata.WORDINGS["adopted"].search(text)
    assert hit is None or meeting.ADOPTED_TRACE.match(text, hit.start)
    assert metadata.adoption_header(text) == hit  # read from the trace on: the same hit
