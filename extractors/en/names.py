"""English names: member states and organisations, and the months, for the ``en`` pack.

Why one table: every English kind of fact finds states by the same names (the short name, the
formal name, the aliases of ``ontology/data/states.csv``), and an organisation's name that
contains a state's (``African Union``) must win over the state, so both are in one alternation,
longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from unsckg.ontology.organizations import load_organizations
from unsckg.ontology.states import load_states

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAMES = MONTHS.split("|")


@dataclass(frozen=True, slots=True)
class StateName:
    """A member state named in the text: its ISO alpha-3 and clean span."""

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
    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, alternatives)) + r")\b"), names


def state_key(name: str) -> str | None:
    """The ISO alpha-3 of a member state's English name (``the`` dropped), else ``None``."""
    return name_table()[1].get(name.removeprefix("the ")) or None


def states_in(text: str) -> list[StateName]:
    """Member states named in ``text``, in text order (organisations' names not counted)."""
    pattern, names = name_table()
    found = (StateName(names[m.group()], m.start(), m.end()) for m in pattern.finditer(text))
    return [s for s in found if s.iso3]
