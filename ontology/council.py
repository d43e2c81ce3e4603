"""The Security Council's composition: every member's term, 1946 to the latest election known.

Why reference data and not facts from the documents: a document names the states that voted or
spoke, never the fifteen that sat. Without the composition the graph cannot tell a member's
missing vote (a finding) from a non-member's vote (a violation), nor list "the Council on a date".

``data/council_members.csv`` holds one row per term (ISO dates, inclusive); a permanent seat has
an empty end (open). States are coded as the facts are: the USSR is ``SUN`` until 24 December
1991 and the Russian Federation ``RUS`` from the 25th; the China seat is ``CHN`` throughout; a
renamed state has its current code, the row's ``name_en`` the name the UN list printed then.
The sources are named in the ``source`` column; see also ``data/COUNCIL.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

FIRST_DAY = date(1946, 1, 1)
# The last day for which every seat is known (the elections for 2027 are not in the data yet).
LAST_DAY = date(2026, 12, 31)
EXPANSION = date(1966, 1, 1)  # General Assembly res. 1991 A (XVIII): 11 seats became 15


class CompositionError(ValueError):
    """A day outside the years the composition covers."""


@dataclass(frozen=True, slots=True)
class Term:
    """One state's seat from ``start`` to ``end``, both inclusive; ``date.max`` is open."""

    iso3: str
    start: date
    end: date
    permanent: bool

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class TermRow:
    """A term with the name the UN list printed and the source the row is taken from."""

    term: Term
    name_en: str
    source: str


@cache
def load_rows() -> tuple[TermRow, ...]:
    """Every row of ``council_members.csv``, in file order (permanent seats, then by year)."""
    text = resources.files(__package__).joinpath("data", "council_members.csv")
    rows = csv.DictReader(text.read_text(encoding="utf-8").splitlines())
    return tuple(
        TermRow(
            term=Term(
                iso3=row["iso3"],
                start=date.fromisoformat(row["start"]),
                end=date.fromisoformat(row["end"]) if row["end"] else date.max,
                permanent=row["permanent"] == "true",
            ),
            name_en=row["name_en"],
            source=row["source"],
        )
        for row in rows
    )


@cache
def load_terms() -> tuple[Term, ...]:
    """Every term, permanent seats first, then the elected ones by start date."""
    return tuple(row.term for row in load_rows())


def seats_on(day: date) -> int:
    """How many seats the Charter gave the Council on ``day``: 11 before 1966, then 15."""
    return 11 if day < EXPANSION else 15


def members_on(day: date) -> frozenset[str]:
    """The ISO alpha-3 codes of the states that sat on the Council on ``day``.

    Raises ``CompositionError`` for a day outside ``FIRST_DAY``–``LAST_DAY``: an incomplete
    answer there would read as a Council of fewer members.
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CompositionError(f"the composition covers {FIRST_DAY} to {LAST_DAY}, not {day}")
    return frozenset(term.iso3 for term in load_terms() if term.covers(day))


def permanent_on(day: date) -> frozenset[str]:
    """The permanent members on ``day`` (``SUN`` until 24 December 1991, then ``RUS``)."""
    return frozenset(t.iso3 for t in load_terms() if t.permanent and t.covers(day))
