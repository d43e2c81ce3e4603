"""English names: member states and organisations, and the months, for the ``en`` pack.

Why one table: every English kind of fact finds states by the same names (the short name, the
formal name, the aliases of ``ontology/data/states.csv``), and an organisation's name that
contains a state's (``African Union``) must win over the state, so both are in one alternation,
longest first.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from unsckg.extractors.en.view_traces import VIEW_SCAN
from unsckg.extractors.name_starts import NameStarts, Reading
from unsckg.extractors.patterns import matches_at
from unsckg.extractors.trie import trie_pattern
from unsckg.ontology.organizations import load_organizations
from unsckg.ontology.states import load_states

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAMES = MONTHS.split("|")


class StateName(NamedTuple):
    """A member state named in the text: its ISO alpha-3 and clean span.

    A named tuple, not a frozen dataclass: a record names hundreds of states, and a tuple is
    made without an ``object.__setattr__`` per field (0.3 against 0.5 µs each)."""

    iso3: str
    start: int
    end: int


@cache
def name_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """English names of states (keys: ISO alpha-3) and of organisations (keys: "")."""
    names: dict[str, str] = {org.name_en: "" for org in load_organizations() if org.name_en}
    for state in load_states():
        if not state.is_member:
            continue
        formal = state.formal_en.removeprefix("the ")
        for name in (state.name_en, formal, *state.aliases_en):
            names.setdefault(name, state.iso3)
    return by_first_letter(list(names), re.escape, r"(?<=\b.)"), names


def by_first_letter(names: list[str], unit: Callable[[str], str], before: str) -> re.Pattern[str]:
    """The names as one pattern that matches, at a position, the longest name followed by a
    word boundary (as their alternation longest first does), grouped by first letter, each
    group opening with it and checking ``before`` (a lookbehind over that letter) only then;
    ``unit`` gives the pattern of each further character of a name.

    Why: a pattern whose alternatives all open with a letter lets the regex engine skip every
    other position at once, and at a name's letter only its group is tried (three to four times
    faster than one flat alternation behind ``\\b``). Within a group the names are a trie
    (``unsckg.extractors.trie``): ``re`` tries alternatives one after the other, so a flat
    list of the 40 names in S compares ``Security`` with each of them, where the trie reads it
    once."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    branches = (
        re.escape(first) + before + "(?:" + trie_pattern(rests, unit) + ")"
        for first, rests in groups.items()
    )
    return re.compile("(?:" + "|".join(branches) + r")\b")


def state_key(name: str) -> str | None:
    """The ISO alpha-3 of a member state's English name (``the`` dropped), else ``None``."""
    return name_table()[1].get(name.removeprefix("the ")) or None


@cache
def _names_across_lines() -> re.Pattern[str]:
    """The names of ``name_table``, their words parted by any white space: a PDF breaks a long
    name over lines (``United Kingdom of Great Britain and`` / ``Northern Ireland``), and the
    part after the break must not count as a name of its own (``Ireland``).

    No word character may stand before a name (``(?<!\\w.)``, looked at over its first letter:
    ``by_first_letter``). An organisation's name that shelters no other name (``United
    Nations``, ``Security Council``: ``_inert``) is left out: its matches were only skipped."""
    return by_first_letter(_kept_names(), _across_lines, r"(?<!\w.)")


@cache
def _kept_names() -> list[str]:
    """The names of ``_names_across_lines``: the states' and the organisations' not inert.

    Inert among the names kept, until none more is: a name left out is never tried, so only
    the names kept can stand inside another (``Security Council Affairs Division`` holds
    ``Security Council``, itself left out). Leaving out fewer names never makes one inert
    that was not, so each round's names are all left out together."""
    kept = name_table()[1]
    while True:
        fewer = {name: iso3 for name, iso3 in kept.items() if iso3 or not _inert(name, kept)}
        if len(fewer) == len(kept):
            return list(kept)
        kept = fewer


def _inert(name: str, table: dict[str, str]) -> bool:
    """Whether leaving ``name`` out of the pattern changes none of the states found: no other
    name stands inside it, nor starts inside it after a character that is no word character
    (where a name may start) and runs on past it.

    Why: a match of such a name only stops the scan from reading its letters; without it, no
    other name can match there either, and the scan goes on from the same place. ``United
    Nations`` and ``Security Council`` are half the names a resolution names."""
    starts = [k for k in range(1, len(name)) if not _WORD.match(name, k - 1)]
    return not any(
        other != name and (other in name or any(other.startswith(name[k:]) for k in starts))
        for other in table
    )


_WORD = re.compile(r"\w")


def _across_lines(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def states_in(text: str) -> list[StateName]:
    """Member states named in ``text``, in text order (organisations' names not counted), a
    name broken over lines read whole."""
    return list(_states_in(text))


@lru_cache(maxsize=2)
def _states_in(text: str) -> tuple[StateName, ...]:
    """Kept for the text last read: the mentions, the votes and the presidencies all ask."""
    names = name_table()[1]
    out = []
    for m in name_matches(text):
        iso3 = names.get(m.group())  # a name on one line, as the table has it
        if iso3 is None:
            iso3 = names[" ".join(m.group().split())]
        if iso3:
            out.append(StateName(iso3, m.start(), m.end()))
    return tuple(out)


# The words the readers' gates ask about (``holds``), as written, and ignoring case. A caseless
# mark is a word of ASCII letters: ``str.lower`` turns no other character into one, but for
# ``İ`` and the Kelvin sign (``CASE_ODD``; ``tests/extractors/en/test_shortcuts.py`` checks
# every code point), so in a text without them a caseless mark is held exactly where the
# lower-cased text holds it.
MARKS = (
    "In favour",
    "Against",
    "Abst",
    "abstain",
    "vot",
    "day,",
    "dated ",
    "(Signed)",
    "adopted ",
    "month",
)
CASELESS_MARKS = ("favour", "member", "did", "absent")
# The words whose every place the one pass lists (``word_starts``): where a reader's pattern
# opens with one, it is tried only there (``mentions.RESOLUTION_REF``), no scan of its own.
LISTED = ("resolution",)
CASE_ODD = "\u0130\u212a"


def holds(text: str, mark: str) -> bool:
    """Whether ``text`` holds ``mark`` (one of ``MARKS``; one of ``CASELESS_MARKS``: in its
    lower-cased form), read off the one scan of the text that finds the names' openings.

    Why: each reader skips its patterns on a text without its word; asked one by one, the
    words were a dozen scans of every text, most of them finding nothing."""
    return mark in _held(text)


@lru_cache(maxsize=2)
def _held(text: str) -> frozenset[str]:
    """The marks ``text`` holds (``holds``). Kept for the text last read: the gates of every
    reader ask, a dozen times a document, and each answer is then one set lookup."""
    scan = _name_starts()
    if not scan.available:
        lower = text.lower()
        return frozenset(
            [*(m for m in MARKS if m in text), *(m for m in CASELESS_MARKS if m in lower)]
        )
    held = _scanned(text)[1]
    if not text.isascii() and any(odd in text for odd in CASE_ODD):
        lower = text.lower()  # a caseless mark read off the lower-cased text itself
        exact = frozenset(m for m in CASELESS_MARKS if m in lower)
        return held.difference(CASELESS_MARKS) | exact
    return held


def word_starts(text: str, word: str) -> list[int] | None:
    """Where ``word`` (one of ``LISTED``) stands in ``text``, in text order, from the one pass
    (None without Hyperscan: the caller searches itself)."""
    reading = read(text)
    return None if reading is None else reading.listed[word]


def read(text: str) -> Reading | None:
    """The one Hyperscan pass over ``text`` (None without Hyperscan): where names may start,
    the marks held, and which of the resolution view's traces (``view_traces.VIEW_SCAN``) it
    holds, by index."""
    return _scanned(text) if _name_starts().available else None


@lru_cache(maxsize=2)
def _scanned(text: str) -> Reading:
    """The one Hyperscan pass over ``text``: where names may start, the marks held, the view's
    traces. Kept for the text last read: the view of a resolution, the gates of every reader
    and the names all ask."""
    return _name_starts().read(text)


def name_matches(text: str, scan: NameStarts | None = None) -> list[re.Match[str]]:
    """The matches of ``_names_across_lines`` in ``text``, as its ``finditer`` gives them,
    the pattern tried only where one of its names may start (``NameStarts``, one pass in C
    over the names' openings: every match opens with one of its name's as written).

    Why: ``re`` tries the pattern at every capital letter, and few of them start a name. As
    ``finditer`` does, a start inside the last match is passed over. ``scan`` is for tests
    (another scanner); without Hyperscan, ``finditer`` itself."""
    pattern = _names_across_lines()
    if scan is not None and not scan.available:
        return list(pattern.finditer(text))
    if scan is None and not _name_starts().available:
        return list(pattern.finditer(text))
    starts = (scan.scan(text) if scan is not None else _scanned(text))[0]
    if starts is None:  # white space the scan does not read (``NameStarts.scan``)
        return list(pattern.finditer(text))
    return matches_at(pattern, text, starts)


@cache
def _name_starts() -> NameStarts:
    """Where the names of ``_names_across_lines`` may start (their openings), the marks, and
    the traces of a resolution's view: one database, one pass over a document for all."""
    return NameStarts(
        _kept_names(), marks=MARKS, caseless=CASELESS_MARKS, traces=VIEW_SCAN, listed=LISTED
    )


# A name compared letter by letter: OCR's ``0`` for ``o``, stray punctuation (``United. Kingdom``,
# ``Socialist’ Republics``) and footnote digits (``20 Union of ...``) dropped.
_NOT_LETTER = re.compile(r"[^a-z ]+")
_ZERO_FOR_O = re.compile(r"(?<=[a-z])0(?=[a-z])")
# How close a misprinted name must be to a known one (``Great Britan``): one slip in a long name;
# ``Matta`` (Malta?) is not, nor is ``Republic of Chad`` ``Republic of China``.
_CLOSE = 0.93


def _letters(name: str) -> str:
    plain = _NOT_LETTER.sub(" ", _ZERO_FOR_O.sub("o", name.lower()))
    return " ".join(plain.split()).removeprefix("the ")


@cache
def vote_names() -> dict[str, str]:
    """Every English name of a member, today's and former (``wordings/state_names.toml``),
    by its letters: the names a yearbook vote line may print."""
    path = resources.files("unsckg.extractors.en").joinpath("wordings", "state_names.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = {_letters(name): iso3 for name, iso3 in name_table()[1].items() if iso3}
    for section in ("former", "misprints"):
        table.update({_letters(name): str(iso3) for name, iso3 in data[section].items()})
    return table


def vote_state_exact(name: str) -> str | None:
    """The code of a member's name as printed, letter for letter (former names included)."""
    return vote_names().get(_letters(name))


def vote_state_key(name: str) -> str | None:
    """The code of a member as a vote line names it, former names and misprints included; a
    name close to one known name only (``Union of S0viet Socialist Republics``) is that one."""
    table = vote_names()
    letters = _letters(name)
    if letters in table:
        return table[letters]
    codes = {table[c] for c in difflib.get_close_matches(letters, table, n=3, cutoff=_CLOSE)}
    return codes.pop() if len(codes) == 1 else None
