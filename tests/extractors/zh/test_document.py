"""Document metadata of the Chinese pack: symbol, kind and date, from real headings."""

from __future__ import annotations

import pytest

from ._real import real

HEADINGS = [
    # the older compilations' heading: number and year in numerals, then the date
    ("S-RES-4-1946.zh.txt", "S/RES/4(1946)", "resolution", "1946-04-29"),
    # a Wikisource title in numerals, dated in its navigation cell
    ("S-RES-253-1968.zh.txt", "S/RES/253(1968)", "resolution", "1968-05-29"),
    # the date line over the title (一九七六年十月二十二日 ⏎ 第396(1976)号决议)
    ("S-RES-396-1976.zh.txt", "S/RES/396(1976)", "resolution", "1976-10-22"),
    ("S-RES-461-1979.zh.txt", "S/RES/461(1979)", "resolution", "1979-12-31"),
    ("S-RES-625-1988.zh.txt", "S/RES/625(1988)", "resolution", "1988-12-15"),
]


@pytest.mark.parametrize(("name", "symbol", "kind", "date"), HEADINGS)
def test_a_resolution_page_is_dated_by_its_heading(
    name: str, symbol: str, kind: str, date: str
) -> None:
    facts = real(name)
    assert (facts.symbol, facts.kind, facts.date) == (symbol, kind, date)
