"""The English readers' shortcuts change no result.

A reader that first checks a cheap trace (a literal, a word the pattern needs) and skips its
pattern when the trace is absent must find exactly what the pattern finds: each trace is a
necessary condition of its pattern. These tests compare each shortcut with the plain reading,
on texts made to hold the near misses (Hypothesis) and on the real texts in ``tests/data``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.en import metadata, names, presidency, resolution, vote, yearbook
from unsckg.extractors.en.resolution import view_of
from unsckg.extractors.normalise import normalise

DATA = Path(__file__).parents[2] / "data"
REAL = sorted(
    [
        *(DATA / "real-en-resolutions").glob("*.en.txt"),
        *(DATA / "real-en-graph" / "resolutions").glob("*.en.txt"),
    ]
)

# Pieces of the near misses: digits beside I, i, l and brackets, lone I and l after ``to``,
# split ordinals, underscores, runs and kinds of white space, non-ASCII digits and letters.
PIECES = [
    *"Iil]_1907 \n\t\r\x0c\x1c(",
    "  ",
    " \n ",
    "\u00a0",
    "\u0663",
    "é",
    "st",
    "rd",
    "th",
    " meeting",
    "to ",
    "by ",
    "with ",
    "Adopted at the ",
    "1st_",
    "283 1st meeting",
    "I851st",
    "199]",
    " to I ",
    " by l ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _same_view(text: str) -> None:
    fast, plain = view_of(text), view_of(text, shortcuts=False)
    assert fast.text == plain.text
    assert [fast.offset(i) for i in range(len(fast.text))] == [
        plain.offset(i) for i in range(len(plain.text))
    ]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_view_is_the_same_with_its_shortcuts(text: str) -> None:
    _same_view(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_view_of_a_real_text_is_the_same_with_its_shortcuts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same_view(text)
    _same_view(normalise(text).text)


SLIP_PIECES = [*PIECES, "?", "’", "\x1c", "\u00a0123]", "\u0663\u0664\u0665]", "I\u0663", "\u0663l"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SLIP_PIECES), max_size=30).map("".join))
def test_the_slip_scan_holds_every_slip_trace_that_re_finds(text: str) -> None:
    """The one Hyperscan pass (``resolution._slip_scan``) is a superset of the ``re`` traces,
    on the text and on its view (where the traces are asked)."""
    assert resolution._slip_scan().available  # hyperscan is a pinned dependency
    for piece in (text, " ".join(text.split())):
        held = resolution._slip_scan().held(piece)
        assert not any(t.search(piece) for t in resolution.DIGIT_SLIP_TRACES) or 0 in held
        assert not any(t.search(piece) for t in resolution.LONE_SLIP_TRACES) or 1 in held


VIEW_PIECES = [*SLIP_PIECES, "\u2028", "\x85", "\u3000", " 28", "3 1", "th \n meeting"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(VIEW_PIECES), max_size=30).map("".join))
def test_the_view_scan_of_a_text_holds_every_trace_its_view_holds(text: str) -> None:
    """The pass over the text a view is made of (``resolution._view_traces``) holds each slip's
    trace wherever the view (before any repair) holds it, and the view it lets through as
    plainly spaced is the view without shortcuts."""
    held = resolution._view_traces(text)
    assert held is not None  # hyperscan is a pinned dependency
    view = " ".join(text.split())
    for index, (_pattern, _repair, trace) in enumerate(resolution.OCR_SLIPS):
        if index < resolution.SCANNED_SLIPS:
            assert not trace(view) or index in held
    plain = resolution._plainly_spaced(text, held)
    assert plain is None or plain == view
    _same_view(text)


def test_the_wide_spaces_are_every_white_space_character_beyond_ascii() -> None:
    wide = [c for c in map(chr, range(128, 0x110000)) if c.isspace()]
    assert "".join(wide) == resolution.WIDE_SPACES


# How far from its end a view of a text's start may differ from the whole text's view: the
# repairs look a split ordinal meeting ahead (``1st meeting``), and trailing white space goes.
VIEW_REACH = 20


def _same_start(text: str, cut: int) -> None:
    """The view of ``text[:cut]`` is the whole view but for its last ``VIEW_REACH``
    characters: text and offsets (what ``resolution._head_view`` relies on)."""
    part, whole = view_of(text[:cut]), view_of(text)
    _same_view_within(text[:cut], text)
    kept = max(len(part.text) - VIEW_REACH, 0)
    assert part.text[:kept] == whole.text[:kept]
    assert [part.offset(i) for i in range(kept)] == [whole.offset(i) for i in range(kept)]


def _same_view_within(part: str, text: str) -> None:
    """The view of ``part`` read off the pass over ``text`` (``view_of(within=)``, which the
    head view takes) is its view without shortcuts: text and offsets."""
    fast, plain = view_of(part, within=text), view_of(part, shortcuts=False)
    assert fast.text == plain.text
    assert [fast.offset(i) for i in range(len(fast.text))] == [
        plain.offset(i) for i in range(len(plain.text))
    ]


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=400))
def test_the_view_of_a_text_start_is_the_start_of_its_view(text: str, cut: int) -> None:
    _same_start(text, cut % (len(text) + 1))


@pytest.mark.parametrize("path", REAL[::10], ids=lambda p: p.name)
def test_the_view_of_a_real_text_start_is_the_start_of_its_view(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for cut in range(0, len(text), 97):
        _same_start(text, cut)
        _same_start(normalise(text).text, cut)


def test_the_head_view_holds_the_head_and_its_margin() -> None:
    assert resolution.HEAD_MARGIN >= VIEW_REACH
    text = "Resolution 1 (1946)\n" + "word " * 7000
    head, whole = resolution._head_view(text)
    assert not whole
    assert head.text == view_of(text).text[: len(head.text)]


TABLE, ACROSS = r"(?<=\b.)", r"(?<!\w.)"  # the lookbehinds of ``names``' two patterns
NOTE_PIECES = ["member", "MEMBER", "Members", " (", "(", "did not", "DID  NOT", "absent", "x", "é"]
NOTE_PIECES += ["abſent", "dıd not", "membErs", "\n(", "did\n not", "One ", "12 "]
NOTE_PIECES += ["One member (China) did not participate", "Two members\n(Benin) did not take part"]
NOTE_PIECES += ["one MEMBER  (Chad) was absent", " participate", " were absent", "(Chad)"]
NOTE_PIECES += ["1 member (Chad) did\nnot participate"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NOTE_PIECES), max_size=12).map("".join))
def test_the_footnote_gate_lets_every_footnote_through(text: str) -> None:
    view = view_of(text).text
    hit = yearbook.WORDINGS["not_voting_note"].search(view)
    assert hit is None or yearbook.may_note(text)
    plain = all(word.search(view) for word in yearbook.NOTE_WORDS)
    assert yearbook.may_note(text) <= plain  # never more than the plain words let through


CAST_PIECES = ["votes", "voted", "will vote", "is voting", "casts its vote", " ", "\n"]
CAST_PIECES += ["in favour of", "against", "abstains", "abstained", "Abstain", "x"]
CAST_SENTENCES = ["is voting in favour of", "casts its vote against", "cast a vote\nagainst"]
CAST_SENTENCES += ["will vote in favour of", "voted against", "abstain.", "s", "d", "de"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CAST_PIECES), max_size=8).map("".join))
def test_the_cast_gate_lets_every_cast_vote_through(text: str) -> None:
    assert vote.CAST.search(text) is None or vote._may_cast(text)


@cache
def _flat_alternation(unit: Callable[[str], str], before: str) -> re.Pattern[str]:
    """The names' plain alternation, longest first, each behind its lookbehind: what
    ``by_first_letter``'s tries must match alike."""
    alternatives = sorted(names.name_table()[1], key=len, reverse=True)
    body = "|".join(
        re.escape(n[0]) + before + "".join(unit(c) for c in n[1:]) for n in alternatives
    )
    return re.compile(f"(?:{body})\\b")


NAME_PIECES = [
    "United",
    "Kingdom",
    "States",
    "Republic",
    "of",
    "Guinea",
    "-Bissau",
    "Equatorial",
    "Niger",
    "ia",
    "Sudan",
    "South",
    "Africa",
    "n Union",
    "Security Council",
    "United Nations",
    "Nations",
    "Union of the Comoros",
    "the Comoros",
    " ",
    "\n",
    "  ",
    "x",
    "(",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _states(text: str) -> list[tuple[str, int, int]]:
    """The states the flat alternation across lines finds: what ``states_in`` must find."""
    table = names.name_table()[1]
    plain = _flat_alternation(names._across_lines, ACROSS)
    found = ((table[" ".join(m.group().split())], *m.span()) for m in plain.finditer(text))
    return [state for state in found if state[0]]


def _same_names(text: str) -> None:
    table = _flat_alternation(re.escape, TABLE)
    assert _spans(names.name_table()[0], text) == _spans(table, text)
    assert [(s.iso3, s.start, s.end) for s in names.states_in(text)] == _states(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_the_name_tries_match_as_the_flat_alternation(text: str) -> None:
    _same_names(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_name_tries_match_a_real_text_as_the_flat_alternation(path: Path) -> None:
    _same_names(normalise(path.read_text(encoding="utf-8")).text)


def test_every_white_space_character_but_the_space_is_unprintable() -> None:
    # what the view's plainly spaced text relies on: ``isprintable`` finds any other
    printable = [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()]
    assert printable == [" "]
    ascii_spaces = "".join(c for c in map(chr, range(128)) if c.isspace() and c not in " \n")
    assert ascii_spaces == resolution.ASCII_SPACES


def test_ignoring_case_re_and_lower_agree_on_the_footnote_words_but_for_three_letters() -> None:
    letters = "".join(sorted(set(yearbook.NOTE_LETTERS)))
    pattern = re.compile(f"[{re.escape(letters)}]", re.IGNORECASE)
    odd = [c for c in map(chr, range(128, 0x110000)) if pattern.match(c)]
    assert "".join(odd) == yearbook.RE_CASE_ODD


def test_every_presidency_wording_holds_the_trace_its_reader_looks_for() -> None:
    # a new wording of ``as_president`` without the trace would be skipped: its examples say
    for entry in presidency.WORDINGS.groups["as_president"]:
        assert "Security Council for the month of {" in entry.template, entry.id
        for example in entry.examples:
            assert presidency.PRESIDENT_TRACE.search(example.text), entry.id


LETTER_PIECES = ["Letter", "Note verbale", "Identical letters", " dated ", "dated", "5 April 2021"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LETTER_PIECES, " ", "x"]), max_size=8).map("".join))
def test_the_letter_trace_lets_every_letter_header_through(text: str) -> None:
    assert [m.span() for m in metadata.LETTER.finditer(text)] == [
        m.span() for m in metadata.letter_headers(text)
    ]


SYMBOL_PIECES = ["United Nations", "S/", "A/", "PV.", "RES/", "2020", "/12", " ", "\n", "\t", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SYMBOL_PIECES), max_size=10).map("".join))
def test_the_symbol_line_is_the_first_that_the_pattern_finds(text: str) -> None:
    found, plain = metadata.symbol_line(text), metadata.SYMBOL_LINE.search(text)
    assert (found and found.span(1)) == (plain and plain.span(1))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_symbol_line_and_letters_of_a_real_text_are_the_patterns(path: Path) -> None:
    text = normalise(path.read_text(encoding="utf-8")).text
    found, plain = metadata.symbol_line(text), metadata.SYMBOL_LINE.search(text)
    assert (found and found.span(1)) == (plain and plain.span(1))
    letters = [m.span() for m in metadata.letter_headers(text)]
    assert letters == [m.span() for m in metadata.LETTER.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*vote.VALUES, ":", " ", "\n", "Abst", "x"]), max_size=6).map("".join)
)
def test_the_list_labels_let_every_vote_list_through(text: str) -> None:
    found = any(names.holds(text, label) for label in vote.LIST_LABELS)
    assert vote.VOTE_LIST.search(text) is None or found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*CAST_PIECES, *CAST_SENTENCES]), max_size=10).map("".join))
def test_the_cast_votes_are_read_where_their_words_start(text: str) -> None:
    assert [m.span() for m in vote.cast_matches(text)] == [
        m.span() for m in vote.CAST.finditer(text)
    ]


MARK_PIECES = [*names.MARKS, *names.CASELESS_MARKS, "FAVOUR", "MeMbEr", "DID", "Absent", "x", " "]
MARK_PIECES += ["\u0130", "\u212a", "\u0131", "\u017f", "é", "?", "\n", "In", "favour", "Signed)"]


def _marks_alike(text: str) -> None:
    names._scanned.cache_clear()  # the scan itself, not a text read before
    names._held.cache_clear()
    for mark in names.MARKS:
        assert names.holds(text, mark) == (mark in text), mark
    for mark in names.CASELESS_MARKS:
        assert names.holds(text, mark) == (mark in text.lower()), mark


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), max_size=12).map("".join))
def test_the_marks_held_are_the_words_the_text_holds(text: str) -> None:
    _marks_alike(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_real_text_holds_the_marks_it_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _marks_alike(text)
    _marks_alike(normalise(text).text)


def test_only_the_odd_characters_lower_into_ascii_letters() -> None:
    # why a caseless mark read ignoring ASCII case is the lower-cased text's, but for these
    odd = {
        chr(code)
        for code in range(128, 0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and any(c.isascii() and c.isalpha() for c in chr(code).lower())
    }
    assert odd == set(names.CASE_ODD)
    assert all(mark.isascii() and mark.isalpha() for mark in names.CASELESS_MARKS)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 60)), max_size=40),
    st.integers(0, 500),
    st.integers(1, 80),
)
def test_states_ending_before_a_place_found_by_bisection_are_the_scan_s(
    spans: list[tuple[int, int]], place: int, within: int
) -> None:
    """``presidency._Near``: the states in a window found by bisection over their starts are
    those the scan over every state keeps, in the same order (states in text order, each
    after the one before, as ``names.states_in`` gives them)."""
    states, at = [], 0
    for gap, length in spans:
        at += gap
        states.append(names.StateName("XXX", at, at + length))
        at += length
    scan = [s for s in states if s.end <= place and place - s.end < within]
    assert presidency._Near(states).ending_before(place, within) == scan
