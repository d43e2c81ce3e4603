"""The states' names found where a name may start: the same matches as ``finditer``.

``names.name_matches`` tries the names' pattern only where ``name_starts.NameStarts`` (one
Hyperscan pass) finds a name's first word. These tests hold the two necessary conditions: the
starts are every occurrence of every first word (a superset is allowed, never a subset), and
the matches are exactly those of the pattern's own ``finditer``, on texts made of near misses
(Hypothesis: names inside names, broken over lines, non-ASCII letters and white space) and on
every real English text in ``tests/data``.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.en import names
from unsckg.extractors.en.view_traces import VIEW_SCAN
from unsckg.extractors.load import load_file
from unsckg.extractors.name_starts import _ODD, NameStarts, Traces, _openings
from unsckg.extractors.normalise import normalise

DATA = Path(__file__).parents[2] / "data"
REAL = sorted(
    [
        *(DATA / "real-en-resolutions").glob("*.en.txt"),
        *(DATA / "real-en-graph").rglob("*.en.txt"),
    ]
)
NAMES = ["Côte d'Ivoire", "C?te", "a b", "b", "ab c", "bca", "Türkiye", "é", "b  c"]
PIECES = ["Côte", "d'Ivoire", "C", "Türkiye", "a", "b", "c", "?", "é", "x"]
LETTERS = [*PIECES, " ", "  ", "\n", " \n", "\t", "\u2028", "\x85", "\xa0", "\x1c", "\x0b"]
NAME_PIECES = [
    "United",
    "Kingdom",
    "States",
    "Republic",
    "of",
    "Korea",
    "Democratic People's",
    "Guinea",
    "-Bissau",
    "Niger",
    "ia",
    "Côte d'Ivoire",
    "C?te d'Ivoire",
    "Türkiye",
    "Turkey",
    "South",
    "Sudan",
    "Africa",
    "n Union",
    "United Nations",
    "é",
    "_",
    " ",
    "\n",
    " \n",
    "\u00a0",
    "\u2028",
    "\x1c",
    "(",
]


def _occurrences(words: list[str], text: str) -> set[int]:
    return {i for w in words for i in range(len(text)) if text.startswith(w, i)}


def _name_starts(names: list[str], text: str) -> set[int]:
    """Where one of ``names`` stands in ``text``, its words parted by any white space (as
    ``names._names_across_lines`` reads them)."""
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split(" "))) for name in names)
    return {m.start() for m in re.finditer(f"(?=(?:{alternatives}))", text)}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LETTERS), max_size=30).map("".join))
def test_the_starts_hold_every_place_a_name_starts(text: str) -> None:
    starts = NameStarts(NAMES).starts(text)
    assert _name_starts(NAMES, text) <= set(starts)
    assert starts == sorted(set(starts))
    if any(chr(odd) in text for odd in _ODD):
        assert starts == list(range(len(text)))  # white space the scan does not read
        return
    # the only extra starts: an opening (a name's first words, or its words before other
    # white space) where a character outside ASCII (``?`` to Hyperscan) is read as another
    asked = [o.decode() for name in NAMES for o in _openings(name)]
    assert set(starts) <= _occurrences(asked, text.encode("ascii", "replace").decode())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_the_starts_hold_every_place_a_state_name_starts(text: str) -> None:
    # the real names, three words and more (``United Nations Mission in ...``), broken anywhere
    kept = names._kept_names()
    assert _name_starts(kept, text) <= set(names._name_starts().starts(text))


def _same_matches(text: str) -> None:
    plain = [m.span() for m in names._names_across_lines().finditer(text)]
    assert [m.span() for m in names.name_matches(text)] == plain
    off = NameStarts(["x"], enabled=False)
    assert not off.available
    assert [m.span() for m in names.name_matches(text, off)] == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_the_names_found_where_they_start_are_those_of_finditer(text: str) -> None:
    _same_matches(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_real_text_gives_the_same_names_where_they_start(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same_matches(text)
    _same_matches(normalise(text).text)


def test_a_real_record_gives_the_same_names_where_they_start() -> None:
    # a PDF's text: names broken over lines, running heads, a hundred pages of speeches
    text = load_file(DATA / "real-en-graph" / "records" / "S-PV-8701.en.pdf").text
    _same_matches(text)
    _same_matches(normalise(text).text)


LISTED = ("ab", "b ")
TRACED = NameStarts(NAMES, marks=["ab", "C"], caseless=["bc"], traces=VIEW_SCAN, listed=LISTED)
UNTRACED = NameStarts(NAMES, marks=["ab", "C"], caseless=["bc"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*LETTERS, "I", "l", "1", "2", "3]", "st meeting"]), max_size=30))
def test_the_traces_read_with_the_names_change_nothing_else(pieces: list[str]) -> None:
    """The one pass with the view's traces (``NameStarts.read``, ``names.read``) finds the
    starts and marks of the pass without them, and the traces that a pass of their own holds."""
    text = "".join(pieces)
    reading = TRACED.read(text)
    assert reading[:2] == UNTRACED.scan(text)
    assert reading.traces == Traces(VIEW_SCAN).held(text)
    for word in LISTED:
        assert reading.listed[word] == [k for k in range(len(text)) if text.startswith(word, k)]


@pytest.mark.parametrize("path", REAL[::5], ids=lambda p: p.name)
def test_a_real_text_reads_its_traces_with_its_names(path: Path) -> None:
    text = normalise(path.read_text(encoding="utf-8")).text
    reading = names._name_starts().read(text)
    assert reading.traces == Traces(VIEW_SCAN).held(text)
    assert reading[:2] == NameStarts(
        names._kept_names(), marks=names.MARKS, caseless=names.CASELESS_MARKS
    ).scan(text)


def test_the_fast_scan_is_installed() -> None:
    # hyperscan is a pinned dependency: without it the names are still found, slowly
    assert names._name_starts().available


def test_threads_scan_alike() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in REAL[:20])
    scan = names._name_starts()
    expected = scan.starts(text)
    with ThreadPoolExecutor(4) as pool:
        assert all(s == expected for s in pool.map(lambda _: scan.starts(text), range(40)))
