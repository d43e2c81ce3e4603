"""English presidencies: ``in its capacity as President of the Security Council for the month
of April 2021``, the state named just before; a meeting record's presiding state in the
month of its meeting (the cover's ``President: Mr. Dang …… (Viet Nam)``).

The wordings are data, ``extractors/en/wordings/presidency.toml`` (group ``as_president``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from unsckg.extractors.document import Context
from unsckg.extractors.en import record
from unsckg.extractors.en.names import MONTH_NAMES, StateName, holds, states_in
from unsckg.extractors.en.slots import EN_SLOTS
from unsckg.extractors.facts import Presidency
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import Hit, load_wordings

WORDINGS = load_wordings("unsckg.extractors.en", "presidency", EN_SLOTS)
STATE_BEFORE = 40
# What every wording of ``as_president`` says, as the pack's white space parts its words: a
# text without it states no presidency, and the scan of the wordings' alternation (whose
# entries open with a choice of words, tried at every position) is skipped. The trace opens
# with a word, which ``re`` skips to.
PRESIDENT_TRACE = re.compile(r"Security\s+Council\s+for\s+the\s+month\s+of\s")


def extract(ctx: Context, found: Found) -> Found:
    """A record's presiding state in its month; else each ``as President … for the month``."""
    cover = record.cover(ctx)
    if cover is not None:
        return found.but(presidencies=_presiding(cover))
    if not holds(ctx.text, "month") or PRESIDENT_TRACE.search(ctx.text) is None:
        return found.but(presidencies=()) if found.presidencies else found
    states = _Near(states_in(ctx.text))
    out = []
    for hit in WORDINGS["as_president"].finditer(ctx.text):
        presidency = _stated(ctx, hit, states, found.date)
        if presidency is not None:
            out.append(presidency)
    unique = tuple({(p.state, p.year, p.month): p for p in out}.values())
    return found.but(presidencies=unique)


class _Near:
    """The states named in a text, found by position: those that may end near a place.

    Why: a text's wordings are read one by one, and each looked through every state the text
    names, which made a long text's cost quadratic (a 16 MB text of letters: 616 wordings
    against tens of thousands of states, 4 s of 8). The states come in text order, so those
    that may end in a window before a place start in a window found by bisection."""

    def __init__(self, states: list[StateName]) -> None:
        self.states = states
        self.starts = [s.start for s in states]
        self.longest = max((s.end - s.start for s in states), default=0)

    def ending_before(self, place: int, within: int) -> list[StateName]:
        """The states that end at most ``within`` (exclusive) before ``place``, in order."""
        low = bisect_right(self.starts, place - within - self.longest)
        high = bisect_left(self.starts, place)
        return [s for s in self.states[low:high] if s.end <= place and place - s.end < within]


def _stated(ctx: Context, hit: Hit, states: _Near, letter_date: str | None) -> Presidency | None:
    """The state named just before the wording, in the month it names (the letter's year when
    the month comes without one)."""
    before = states.ending_before(hit.start, STATE_BEFORE)
    month_name, _, year_text = (hit.slot("month") or "").partition(" ")
    year = int(year_text) if year_text else int(letter_date[:4]) if letter_date else None
    if not before or year is None or month_name not in MONTH_NAMES:
        return None
    month = MONTH_NAMES.index(month_name) + 1
    return Presidency(before[-1].iso3, year, month, ctx.evidence(hit.start, hit.end))


def _presiding(cover: record.Cover) -> tuple[Presidency, ...]:
    """The cover's presiding state, in the month of the meeting it records."""
    if cover.president_state is None or cover.date is None:
        return ()
    year, month = int(cover.date[:4]), int(cover.date[5:7])
    return (Presidency(cover.president_state, year, month, cover.evidence),)
