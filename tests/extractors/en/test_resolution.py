"""English resolution texts: heading, adoption line and the yearbooks' vote lines.

The files are real texts (``tests/data/real-en-resolutions/README.md`` names their sources); the
expected values are what each text prints (its heading, its adoption header or vote line and its
footnote), read by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unsckg.extractors.en import resolution
from unsckg.extractors.en.names import vote_state_key
from unsckg.extractors.en.resolution import view_of
from unsckg.extractors.en.yearbook import count_value, states_listed
from unsckg.extractors.pipeline import extract_file, extract_text

DATA = Path(__file__).parents[2] / "data" / "real-en-resolutions"

# file: (number, year, adopted, meeting, tally or None, {state: vote})
CASES = {
    # "1 (1946) Resolution of 25 January 1946" / "Adopted at the 2nd meeting. 22"
    "S-RES-1-1946.en.txt": (1, 1946, "1946-01-25", "2", None, {}),
    # "by 9 votes (Australia, present and not voting; Union of Soviet Socialist Republics, absent)"
    "S-RES-3-1946.en.txt": (
        3,
        1946,
        "1946-04-04",
        "30",
        (9, 0, 0),
        {"AUS": "absent", "SUN": "absent"},
    ),
    # "by 10 votes to none, with 1 abstention (Union of Soviet Socialist Republics)"
    "S-RES-4-1946.en.txt": (4, 1946, "1946-04-29", "39", (10, 0, 1), {"SUN": "abstain"}),
    # "by 7 votes to 1 ( Yugoslavia) 12" / "12 Two members (Egypt, India) did not participate in
    # the voting; one member (Union of Soviet Socialist Republics) was absent."
    "S-RES-83-1950.en.txt": (
        83,
        1950,
        "1950-06-27",
        "474",
        (7, 1, 0),
        {"YUG": "no", "EGY": "absent", "IND": "absent", "SUN": "absent"},
    ),
    # "with 2 abstentions (France, United Kingdom of Great Britain and Northern Ireland)"
    "S-RES-134-1960.en.txt": (
        134,
        1960,
        "1960-04-01",
        "856",
        (9, 0, 2),
        {"FRA": "abstain", "GBR": "abstain"},
    ),
    # "Resolution 200 (1965)" / "of 15 March 1965" / "Adopted unanimously, at the 1190th meeting."
    "S-RES-200-1965.en.txt": (200, 1965, "1965-03-15", "1190", None, {}),
    # "Adopted at the I851st meeting by 13 votes to none 22" and its footnote
    "S-RES-378-1975.en.txt": (
        378,
        1975,
        "1975-10-23",
        "1851",
        (13, 0, 0),
        {"CHN": "absent", "IRQ": "absent"},
    ),
    # "Three members (Benin, China and Libyan Arab Jamahiriya) did not participate in the voting."
    "S-RES-398-1976.en.txt": (
        398,
        1976,
        "1976-11-30",
        "1975",
        (12, 0, 0),
        {"BEN": "absent", "CHN": "absent", "LBY": "absent"},
    ),
    # "Adopted at the resumed 2190th meeting by 12 votes to 2 (German Democratic Republic. Union of
    # Soviet Socialist Republics), with 1 abstention (Zambia)." - the text names no Council
    "S-RES-462-1980.en.txt": (
        462,
        1980,
        None,
        "2190",
        (12, 2, 1),
        {"DDR": "no", "SUN": "no", "ZMB": "abstain"},
    ),
    # "by 13 votes to 1 against (Pakistan), with 1 abstention (Jordan)."
    "S-RES-541-1983.en.txt": (
        541,
        1983,
        "1983-11-18",
        "2500",
        (13, 1, 1),
        {"PAK": "no", "JOR": "abstain"},
    ),
    # "Adapted unanimously at the" / "283 1st meeting."
    "S-RES-624-1988.en.txt": (624, 1988, "1988-11-30", "2831", None, {}),
    # "Adopted by the Security Council at its 326lst meeting," / "on 6 August 1993"
    "S-RES-854-1993.en.txt": (854, 1993, "1993-08-06", "3261", None, {}),
    # "RESOLUTION 1000 (1995)" / "Adopted by the Security Council at its 3547th meeting, on 23 June
    # 1995"
    "S-RES-1000-1995.en.txt": (1000, 1995, "1995-06-23", "3547", None, {}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_real_resolution_text(name: str) -> None:
    number, year, adopted, meeting, tally, votes = CASES[name]
    facts = extract_file(DATA / name)
    key = f"{number}({year})"
    assert facts.kind == "resolution"
    assert facts.symbol == f"S/RES/{key}"
    assert [(r.number, r.year, r.adopted) for r in facts.resolutions] == [(number, year, adopted)]
    assert meeting in {m.number for m in facts.meetings}
    tallies = [(t.yes, t.no, t.abstain) for t in facts.vote_tallies if t.resolution == key]
    assert tallies == ([tally] if tally else [])
    assert {v.state: v.vote for v in facts.votes} == votes
    assert all(v.resolution == key and v.date == adopted for v in facts.votes)
    for vote in facts.votes:
        assert vote.evidence is not None and vote.evidence.quote.strip()


def test_the_vote_line_is_the_evidence_of_the_tally() -> None:
    facts = extract_file(DATA / "S-RES-4-1946.en.txt")
    evidence = facts.vote_tallies[0].evidence
    assert evidence is not None
    assert evidence.quote.startswith(
        "Adopted at the 39th meeting by 10 votes to none, with 1 abstention"
    )


def test_ocr_slips_in_numbers_are_repaired_in_the_view() -> None:
    # S-RES-378-1975, S-RES-624-1988, S-RES-201-1965 (corpus), as printed
    assert view_of("Adopted at the I851st meeting").text == "Adopted at the 1851st meeting"
    assert view_of("Adapted unanimously at the\n283 1st meeting.").text.endswith("2831st meeting.")
    assert view_of("Adopted unanimously at the\n1193rd_ meeting.").text.endswith("1193rd meeting.")
    # CR-UNSC slips named in corpus/real/SOURCES.md; brackets of footnotes and symbols stay
    assert view_of("Resolution 705 (199])").text == "Resolution 705 (1991)"
    assert view_of("by I1 votes to I (Syria)").text == "by 11 votes to 1 (Syria)"
    assert (
        view_of("[S/4083] accessed 4 April 2016] [2]").text == "[S/4083] accessed 4 April 2016] [2]"
    )
    view = view_of("at the\n  I851st meeting")
    assert view.text == "at the 1851st meeting"
    # a run of white space stands at its last character; the repaired digit at the slip's
    offsets = [view.offset(i) for i in range(len(view.text))]
    assert offsets == [0, 1, 2, 3, 4, 5, 8, *range(9, 23)]


def test_a_cut_slip_moves_the_characters_after_it() -> None:
    text = "at its  283 1st meeting,\n  1193rd_ meeting"
    view = view_of(text)
    assert view.text == "at its 2831st meeting, 1193rd meeting"
    offsets = [view.offset(i) for i in range(len(view.text))]
    assert "".join(text[o] for o in offsets) == "at its 2831st meeting, 1193rd meeting"
    assert offsets[6] == 7  # the collapsed run's space: its last character


def test_lists_of_members_split_where_names_end() -> None:
    listed = "France, United Kingdom of Great Britain and Northern Ireland"
    assert [s for s, *_ in states_listed(listed)] == ["FRA", "GBR"]
    assert [s for s, *_ in states_listed("Benin, China and Libyan Arab Jamahiriya")] == [
        "BEN",
        "CHN",
        "LBY",
    ]
    spans = states_listed("Poland, Union of Soviet\nSocialist Republics")
    assert [s for s, *_ in spans] == ["POL", "SUN"]


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("Union of S0viet Socialist Republics", "SUN"),  # misprints kept by the transcriptions
        ("United Kingdom of Great Britan and Northern Ireland", "GBR"),
        ("United. Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Byelorussian Soviet Socialist Republic", "BLR"),
        ("Ceylon", "LKA"),
        ("Czechoslovakia", "CSK"),
        ("Zaire", "COD"),
        ("Matta", None),  # 1983: Malta? not mapped
        ("Republic of China", "CHN"),  # the China seat, not the Republic of Chad
    ],
)
def test_former_and_misprinted_names(printed: str, code: str | None) -> None:
    assert vote_state_key(printed) == code


def test_counts_in_words_and_digits() -> None:
    assert [count_value(w) for w in ("9", "none", "two", "One", "no")] == [9, 0, 2, 1, 0]
    assert count_value("several") is None


def test_a_symbol_cited_in_a_letter_is_no_heading() -> None:
    text = (
        "Letter dated 3 March 2021 from the Permanent Representative of Kenya to the United Nations"
        " addressed to the President of the Security Council\n\nI have the honour to refer to"
        " S/RES/2565 (2021) and to the Council's work.\n"
    )
    facts = extract_text(text, "letter.en.txt")
    assert facts.kind != "resolution"
    assert facts.resolutions == ()


REAL_TEXTS = sorted(
    [*DATA.glob("*.en.txt"), *(DATA.parent / "real-en-graph" / "resolutions").glob("*.en.txt")]
)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_a_head_view_reads_what_the_whole_view_reads(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``printed`` reads a long text's heading and adoption sentence in a view of its head
    only where they lie well inside it: what it reads is what the whole view gives, on every
    real text, and the vote lines too (read past the head view where they run on)."""
    from unsckg.extractors import normalise as normalising
    from unsckg.extractors.document import Context
    from unsckg.extractors.en import resolution

    text = path.read_text(encoding="utf-8")
    monkeypatch.setattr(resolution, "LONG_TEXT", 200)  # every text long: head views
    ctx = Context("t", normalising.normalise(text), "", "en")
    head = resolution.printed.__wrapped__(ctx)
    head_facts = extract_text(text, "t.en.txt")
    monkeypatch.setattr(resolution, "LONG_TEXT", 10**9)  # none: the whole view
    whole = resolution.printed.__wrapped__(ctx)
    assert (head is None) == (whole is None)
    if head is not None and whole is not None:
        assert (head.heading, head.adoption) == (whole.heading, whole.adoption)
        assert (head.adopted(), head.number_year_date()) == (
            whole.adopted(),
            whole.number_year_date(),
        )
        assert head.view.text[:100] == whole.view.text[:100]
    assert extract_text(text, "t.en.txt") == head_facts


def test_every_heading_holds_its_word_near_its_start() -> None:
    """What ``resolution._heading_lead`` relies on: each wording of ``heading`` holds one of
    ``HEADING_WORDS``, after at most ``HEADING_LEAD`` characters of the view (numbers, of
    nine characters at most, and single spaces: the view's white space)."""
    import re

    from unsckg.extractors.en import resolution

    for entry in resolution.WORDINGS.groups["heading"]:
        at = min(
            (i for w in resolution.HEADING_WORDS if (i := entry.template.find(w)) >= 0),
            default=-1,
        )
        assert at >= 0, entry.id
        prefix = entry.template[:at]
        slots = re.findall(r"\{(\w+)(?::(\w+))?\}", prefix)
        assert all((kind or name) == "number" for name, kind in slots), entry.id
        literal = re.sub(r"\{[^}]*\}", "", prefix).replace("[.|]", ".")
        assert len(literal) + 9 * len(slots) <= resolution.HEADING_LEAD, entry.id


REAL_TEXTS = sorted(
    [*DATA.glob("*.en.txt"), *(DATA.parent / "real-en-graph" / "resolutions").glob("*.en.txt")]
)


def test_every_adoption_wording_opens_with_a_known_word() -> None:
    assert resolution.ADOPTION_WORDS is not None  # else the group's own search is used


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_the_adoption_read_from_its_opening_word_is_the_groups_search(path: Path) -> None:
    view = view_of(path.read_text(encoding="utf-8")).text
    group = resolution.WORDINGS["adoption"]
    for start in range(0, len(view), 97):
        assert resolution._adoption(view, start) == group.search(view, start)
