"""The UN member and observer states: one table feeding the gazetteer, the IRIs and the RDF.

The table ``data/states.csv`` is derived from the reference data by
``reference/derive_states.py``; this module only reads it. Keeping one table (and not a second
list in the extractors) means a state added or renamed there is known everywhere at once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

PERMANENT_MEMBERS = frozenset({"CHN", "FRA", "RUS", "GBR", "USA"})


@dataclass(frozen=True, slots=True)
class State:
    """A UN member or observer state, with the names documents use for it."""

    iso3: str
    iso2: str
    m49: str
    status: str  # "member" or "observer"
    name_zh: str
    formal_zh: str
    name_en: str
    formal_en: str
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    wikidata: str  # a Q-id, "" where unknown

    @property
    def is_member(self) -> bool:
        return self.status == "member"

    @property
    def names_zh(self) -> tuple[str, ...]:
        """Every Chinese name, the short UNTERM name first."""
        return (self.name_zh, *self.aliases_zh)

    @property
    def names_en(self) -> tuple[str, ...]:
        return (self.name_en, *self.aliases_en)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split("|") if part)


@cache
def load_states() -> tuple[State, ...]:
    """All 195 states (193 members, 2 observers), sorted by ISO alpha-3 code."""
    text = resources.files(__package__).joinpath("data", "states.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple(
        State(
            iso3=row["iso3"],
            iso2=row["iso2"],
            m49=row["m49"],
            status=row["status"],
            name_zh=row["name_zh"],
            formal_zh=row["formal_zh"],
            name_en=row["name_en"],
            formal_en=row["formal_en"],
            aliases_zh=_split(row["aliases_zh"]),
            aliases_en=_split(row["aliases_en"]),
            wikidata=row["wikidata"],
        )
        for row in rows
    )


@dataclass(frozen=True, slots=True)
class HistoricalState:
    """A dissolved state that sat in the UN (the USSR, Yugoslavia, …) under its withdrawn code.

    Why apart from ``load_states``: the 195-row table feeds the gazetteer and the extractors'
    dictionaries, which must keep naming today's states; these states exist only so that votes
    and Council seats of 1946–1992 have a node (see ``data/historical_states.csv``).
    """

    iso3: str
    name_zh: str
    formal_zh: str
    name_en: str
    formal_en: str
    aliases_en: tuple[str, ...]
    wikidata: str
    until: str  # ISO date of the last day the state existed
    successor: str  # ISO alpha-3 code of the state continuing its seat, or ""


@cache
def historical_states() -> tuple[HistoricalState, ...]:
    """The five dissolved states of the facts format: CSK, DDR, SUN, YMD, YUG."""
    text = resources.files(__package__).joinpath("data", "historical_states.csv")
    rows = csv.DictReader(text.read_text(encoding="utf-8").splitlines())
    return tuple(
        HistoricalState(
            **{key: row[key] for key in row if key != "aliases_en"},
            aliases_en=_split(row["aliases_en"]),
        )
        for row in rows
    )


@cache
def states_by_iso3() -> dict[str, State]:
    return {state.iso3: state for state in load_states()}
