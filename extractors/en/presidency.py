"""English presidencies: ``in its capacity as President of the Security Council for the month
of April 2021``, the state named just before; a meeting record's presiding state in the
month of its meeting (the cover's ``President: Mr. Dang …… (Viet Nam)``)."""

from __future__ import annotations

import re
from dataclasses import replace

from unsckg.extractors.document import Context
from unsckg.extractors.en import record
from unsckg.extractors.en.names import MONTH_NAMES, MONTHS, states_in
from unsckg.extractors.facts import Presidency
from unsckg.extractors.found import Found

AS_PRESIDENT = re.compile(
    rf"(?:in its capacity as|as) (?:the )?President of the Security Council for the month of "
    rf"({MONTHS})(?: (\d{{4}}))?"
)
STATE_BEFORE = 40


def extract(ctx: Context, found: Found) -> Found:
    """A record's presiding state in its month; else each ``as President … for the month``."""
    cover = record.cover(ctx)
    if cover is not None:
        return replace(found, presidencies=_presiding(cover))
    states = states_in(ctx.text)
    out = []
    for m in AS_PRESIDENT.finditer(ctx.text):
        before = [s for s in states if s.end <= m.start() and m.start() - s.end < STATE_BEFORE]
        year = int(m[2]) if m[2] else int(found.date[:4]) if found.date else None
        if before and year:
            month = MONTH_NAMES.index(m[1]) + 1
            evidence = ctx.evidence(m.start(), m.end())
            out.append(Presidency(before[-1].iso3, year, month, evidence))
    unique = tuple({(p.state, p.year, p.month): p for p in out}.values())
    return replace(found, presidencies=unique)


def _presiding(cover: record.Cover) -> tuple[Presidency, ...]:
    """The cover's presiding state, in the month of the meeting it records."""
    if cover.president_state is None or cover.date is None:
        return ()
    year, month = int(cover.date[:4]), int(cover.date[5:7])
    return (Presidency(cover.president_state, year, month, cover.evidence),)
