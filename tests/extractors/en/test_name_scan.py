"""The states' names found where their first words start: the same matches as ``finditer``.

``names.name_matches`` tries the names' pattern only where ``literals.LiteralStarts`` (one
Hyperscan pass) says a name's first word starts. These tests hold the two necessary
conditions: the starts are every occurrence of every word (a superset is allowed, never a
subset), and the matches are exactly those of the pattern's own ``finditer``, on texts made
of near misses (Hypothesis: names inside names, broken over lines, non-ASCII letters and white
space) and on every real English text in ``tests/data``.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.en import names
from unsckg.extractors.literals import LiteralStarts
from unsckg.extractors.load import load_file
from unsckg.extractors.normalise import normalise

DATA = Path(__file__).parents[2] / "data"
REAL = sorted(
    [
        *(DATA / "real-en-resolutions").glob("*.en.txt"),
        *(DATA / "real-en-graph").rglob("*.en.txt"),
    ]
)
WORDS = ["Côte", "C?te", "ab", "b", "abc", "bca", "Türkiye", "é"]
LETTERS = [*WORDS, "a", "c", "?", " ", "\n", "\u2028", "x"]
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


def _occurrences(words: list[str], text: str) -> list[int]:
    return sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LETTERS), max_size=30).map("".join))
def test_the_starts_hold_every_occurrence_of_every_word(text: str) -> None:
    starts = LiteralStarts(WORDS).starts(text)
    assert set(_occurrences(WORDS, text)) <= set(starts)
    assert starts == sorted(set(starts))
    # the only extra starts: a word whose characters outside ASCII the text has as others
    assert set(starts) <= set(
        _occurrences(
            [w.encode("ascii", "replace").decode() for w in WORDS],
            text.encode("ascii", "replace").decode(),
        )
    )


def _same_matches(text: str) -> None:
    plain = [m.span() for m in names._names_across_lines().finditer(text)]
    assert [m.span() for m in names.name_matches(text)] == plain
    off = LiteralStarts(["x"], enabled=False)
    assert not off.available
    assert [m.span() for m in names.name_matches(text, off)] == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_the_names_found_at_their_first_words_are_those_of_finditer(text: str) -> None:
    _same_matches(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_real_text_gives_the_same_names_at_their_first_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same_matches(text)
    _same_matches(normalise(text).text)


def test_a_real_record_gives_the_same_names_at_their_first_words() -> None:
    # a PDF's text: names broken over lines, running heads, a hundred pages of speeches
    text = load_file(DATA / "real-en-graph" / "records" / "S-PV-8701.en.pdf").text
    _same_matches(text)
    _same_matches(normalise(text).text)


def test_the_fast_scan_is_installed() -> None:
    # hyperscan is a pinned dependency: without it the names are still found, slowly
    assert names._first_words().available


def test_threads_scan_alike() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in REAL[:20])
    scan = names._first_words()
    expected = scan.starts(text)
    with ThreadPoolExecutor(4) as pool:
        assert all(s == expected for s in pool.map(lambda _: scan.starts(text), range(40)))
