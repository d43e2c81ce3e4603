"""The Council's composition: counts on every day, the historical seats, and the truth tables.

Why every day: a term typed one year too long or a split term missed shows up only as a day with
14 or 16 members; walking all 29,000-odd days is cheap (a few seconds) and catches all of them.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from unsckg.ontology.council import (
    FIRST_DAY,
    LAST_DAY,
    CompositionError,
    Term,
    load_rows,
    load_terms,
    members_on,
    permanent_on,
)
from unsckg.ontology.states import historical_states, states_by_iso3


def test_every_day_has_eleven_then_fifteen_members() -> None:
    day, wrong = FIRST_DAY, []
    while day <= LAST_DAY:
        expected = 11 if day.year < 1966 else 15
        if len(members_on(day)) != expected:
            wrong.append((day, sorted(members_on(day))))
        day += timedelta(days=1)
    assert wrong == []


def test_no_state_holds_two_terms_at_once() -> None:
    terms = load_terms()
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            assert a.iso3 != b.iso3 or a.end < b.start or b.end < a.start, (a, b)


def test_days_outside_the_data_are_refused() -> None:
    with pytest.raises(CompositionError):
        members_on(date(1945, 12, 31))
    with pytest.raises(CompositionError):
        members_on(LAST_DAY + timedelta(days=1))


def test_ussr_then_russia() -> None:
    assert "SUN" in members_on(date(1991, 12, 24)) and "RUS" not in members_on(date(1991, 12, 24))
    assert "RUS" in members_on(date(1991, 12, 25)) and "SUN" not in members_on(date(1991, 12, 25))
    assert permanent_on(date(1971, 10, 26)) == {"CHN", "FRA", "GBR", "USA", "SUN"}
    assert permanent_on(date(2020, 1, 1)) == {"CHN", "FRA", "GBR", "USA", "RUS"}


@pytest.mark.parametrize(
    ("day", "members"),
    [
        (date(1964, 6, 1), {"BRA", "MAR", "NOR", "BOL", "CIV", "CSK"}),
        (date(1980, 6, 1), {"DDR", "MEX", "NER", "PHL", "TUN", "BGD", "JAM", "NOR", "PRT", "ZMB"}),
        (date(2020, 4, 1), {"BEL", "DOM", "DEU", "IDN", "ZAF", "EST", "NER", "VCT", "TUN", "VNM"}),
    ],
)
def test_elected_members_on_known_days(day: date, members: set[str]) -> None:
    assert members_on(day) - permanent_on(day) == members


def test_terms_are_frozen_with_the_agreed_fields() -> None:
    term = load_terms()[0]
    assert isinstance(term, Term) and isinstance(term.start, date)
    with pytest.raises(AttributeError):
        term.iso3 = "XXX"  # type: ignore[misc]


def test_renamed_states_keep_their_current_code_and_former_name() -> None:
    names = {(row.term.iso3, row.name_en) for row in load_rows()}
    assert {("LKA", "Ceylon"), ("COD", "Zaire"), ("BFA", "Upper Volta")} <= names


def test_every_code_is_a_state_node() -> None:
    """Each member, current or dissolved, has a node: current in states.csv, others historical."""
    known = set(states_by_iso3()) | {state.iso3 for state in historical_states()}
    assert {term.iso3 for term in load_terms()} <= known
    assert {"SUN", "YUG", "CSK", "DDR", "YMD"} <= {state.iso3 for state in historical_states()}


def test_every_row_names_a_source() -> None:
    assert all(row.source for row in load_rows())


def _truth() -> list[dict[str, str]]:
    path = Path(__file__).parent / "data" / "council_truth.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def _sat_in(iso3: str, year: int) -> bool:
    return any(iso3 in members_on(date(year, month, 1)) for month in range(1, 13)) or (
        iso3 in members_on(date(year, 12, 31))
    )


def test_every_state_voting_in_the_truth_tables_sat_that_year() -> None:
    rows = _truth()
    assert len(rows) > 1000
    assert [row for row in rows if not _sat_in(row["iso3"], int(row["year"]))] == []


def test_voting_data_years_have_exactly_the_composition() -> None:
    """Where the voting data lists the whole Council, its states are that year's members."""
    by_year: dict[int, set[str]] = {}
    for row in _truth():
        if row["source"] == "voting-data-derived.csv":
            by_year.setdefault(int(row["year"]), set()).add(row["iso3"])
    assert len(by_year) >= 20
    for year, states in by_year.items():
        members = {code for m in range(1, 13) for code in members_on(date(year, m, 1))}
        assert states == members, year
    for row in _truth():
        if row["first"]:
            assert row["iso3"] in members_on(date.fromisoformat(row["first"])), row
            assert row["iso3"] in members_on(date.fromisoformat(row["last"])), row
