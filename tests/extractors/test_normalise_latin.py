"""The Latin path's shortcuts against the general rules they stand for, on generated input.

``normalise_latin`` answers some of ``normalise``'s questions in fewer steps for a text that
holds no Chinese character and no name dot; each shortcut must give the general rule's answer
on every such input, not only on the corpus's texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.normalise import _between, _is_latin, _Line, has_leaders
from unsckg.extractors.normalise_latin import (
    _INNER_SPACES,
    _LATIN_GAP,
    _ODD_FOUND,
    _ODD_FOUND_SLOW,
    _ODD_SPACE,
    _SPACE_TRACES,
    _around_wide,
    _changed_run,
    _edits,
    _horizontal_run,
    _leader_lines,
    _odd_starts,
    latin_between,
)

# Pieces of the lines a wrapped English record has at its edges: words, numbers, list and
# speaker openings, symbols broken after a slash or a dot, the terminal marks, leaders.
LINE_PIECES = st.sampled_from(
    [
        *("a", "Council", "é", "’", "—", "“", "1", "12", "(a)", "1.", "iv)", "–", "-"),
        *(" ", ".", ":", ";", "?", "/", "S/", "S/PV.", "A/74/", "PV.3", "8699", "...."),
        *("……", "Mr. Dang (Viet Nam):", "The President:", "x" * 20, "[", "(", ")"),
    ]
)
LINES = st.lists(LINE_PIECES, min_size=1, max_size=12).map("".join).map(str.strip)
# A line long enough to be running text and outside ASCII, the lines the rule is asked about
# most, then its end.
RUNNING = st.sampled_from(["", "the Council’s long work on ", "x" * 17 + "é"])
PREVIOUS = st.builds(str.__add__, RUNNING, LINES).map(str.strip)
REAL_ENGLISH = sorted(
    (Path(__file__).parents[1] / "data").glob("real-en-*/**/*.en.txt"), key=lambda p: p.name
)


@settings(max_examples=1000, deadline=None)
@given(PREVIOUS, LINES, st.booleans(), st.booleans())
def test_latin_between_is_the_general_rule(
    previous: str, line: str, indented: bool, wrapped: bool
) -> None:
    if not previous or not line:
        return
    assert _is_latin(previous + "\n" + line)
    general = _between(
        previous, _Line(line, [], indented, False), wrapped=wrapped, stopped=False, cjk=False
    )
    assert latin_between(previous, line, indented, wrapped) == general


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8))
def test_leader_lines_are_those_with_leaders(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _leader_lines(text) == {i for i, line in enumerate(lines) if has_leaders(line)}


@pytest.mark.parametrize(
    "text",
    [
        "Security Council’s — “text”",
        "a\u2dff b",  # the last character below U+2E00
        "a\u2e00 b",  # from U+2E00 to U+2E7F: below the CJK blocks, still Latin
        "a\u2e7f",
        "a\u2e80",  # the first CJK radical
        "a\u3000b",
        "a中b",
        "a\U0001f600",  # beyond the BMP
        "a\ud800b",  # a lone surrogate
        "é\u2022",  # a name dot
        "é·",
    ],
)
def test_the_latin_check_reads_every_code_point(text: str) -> None:
    from unsckg.extractors.normalise import _NOT_LATIN

    assert _is_latin(text) == (_NOT_LATIN.search(text) is None)


HEAD_PIECES = st.sampled_from([*"ab 1.:：(（)）-", "赞成", "先生", "主席", "Mr. X (France):"])
HEADS = st.lists(HEAD_PIECES, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(HEADS)
def test_a_turn_or_label_needs_a_parenthesis_or_colon(head: str) -> None:
    """``normalise._list_start`` tries its last pattern only where ``_may_be_turn`` says."""
    from unsckg.extractors.normalise import _LIST_STARTS, _may_be_turn

    if _LIST_STARTS[2].match(head):
        assert _may_be_turn(head)


# Pieces of white space and symbols around it: the spaces and gaps ``_edits`` changes, the
# characters beyond ASCII that Hyperscan reads as ``?`` (a digit, white space, a wide one);
# no CJK space (U+3000): a text with one takes the Chinese path, never ``_edits``.
SPACE_PIECES = st.sampled_from(
    [
        *(" ", "  ", "\n", "\t", "\x0b", "\x1c", "\xa0", "\u2028", "\u2000", "\u200a"),
        *("S", "/", "S/", "PV", "RES", "PRST", ".", "1", "\u0663", "a", "é", "“", "—", "xS"),
        *("S/ PV.", "S /RES/", "S/PRST /", "S/RES/1 (1946)", "\x85", "\u205f", "“ ", " —"),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(SPACE_PIECES, max_size=20).map("".join))
def test_the_space_traces_let_every_edit_through(text: str) -> None:
    """``_edits`` gated by its one Hyperscan pass (``_SPACE_TRACES``: two spaces, a symbol's
    gap, odd white space) gives the edits of its searches without the gate."""
    assert _SPACE_TRACES.available  # hyperscan is a pinned dependency
    assert _edits(text) == _edits(text, traced=False)


@pytest.mark.parametrize("path", REAL_ENGLISH, ids=lambda p: p.name)
def test_the_space_traces_let_every_edit_of_a_real_text_through(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _edits(text) == _edits(text, traced=False)


def test_the_odd_characters_found_are_every_white_space_but_the_space_and_break() -> None:
    found = {*_ODD_FOUND, *(pattern.pattern for pattern in _ODD_FOUND_SLOW)}
    assert found == {c for c in map(chr, range(0x110000)) if c.isspace()} - {" ", "\n"}


@settings(max_examples=1000, deadline=None)
@given(st.lists(SPACE_PIECES, max_size=20).map("".join))
def test_the_odd_characters_found_stand_in_the_runs_the_pattern_finds(text: str) -> None:
    """``_odd_starts`` (each character by ``str.find``) gives the runs of white space that
    ``_ODD_SPACE``'s matches start, as ``_edits`` reads them."""
    runs = {_horizontal_run(text, at) for at in _odd_starts(text)}
    assert runs == {_horizontal_run(text, m.start()) for m in _ODD_SPACE.finditer(text)}


def _edits_run_by_run(text: str) -> dict[int, tuple[int, bool]]:
    """``_edits`` as the runs of white space that ``_ODD_SPACE`` and ``_INNER_SPACES`` start,
    each read once, with the gaps and the runs next to wide characters: its reference."""
    starts = [m.start() for p in (_INNER_SPACES, _ODD_SPACE) for m in p.finditer(text)]
    starts += _around_wide(text)
    edits = {}
    for a, b in {_horizontal_run(text, at) for at in starts}:
        changed = _changed_run(text, a, b)
        if changed is not None:
            edits[a] = (b, changed)
    for symbol in _LATIN_GAP.finditer(text):
        for gap in re.finditer(r"\s+", text[: symbol.end()]):
            if gap.start() >= symbol.start():
                edits[gap.start()] = (gap.end(), False)
    return edits


@settings(max_examples=1000, deadline=None)
@given(st.lists(SPACE_PIECES, max_size=20).map("".join))
def test_the_edits_are_those_of_every_run_read_once(text: str) -> None:
    assert _edits(text) == _edits_run_by_run(text)
