"""Presidencies: which state presides over the Council in which month.

Why three sources: a letter says ``越南作为安全理事会 2021 年 4 月份主席`` (state, year, month),
or ``在荷兰王国担任主席期间`` (the month is the announced meeting's), or is signed by the
President of the Council (the month is the letter's). A month without a year takes the year of
the letter, or the next year for a January presidency announced in December.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from unsckg.extractors import gazetteer, patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Presidency
from unsckg.extractors.meeting import CHAIR_RECORD
from unsckg.extractors.people import PRESIDENT

# ``作为安全理事会2021年4月份主席``, ``担任2022年1月安全理事会主席``, ``作为11月份安理会主席``:
# the Council's name before or after the month.
_COUNCIL = r"(?:安全理事会|安理会)"
# A month in digits or in words (``5``, ``五``, ``十二``); only where a presidency is stated, so
# that ``每年一月`` elsewhere is no month of anyone's.
_MONTH = r"(?P<m>\d{1,2}|十[一二]|[一二三四五六七八九十])"
AS_PRESIDENT = re.compile(
    rf"(?:作为|以|担任)\s*(?:{_COUNCIL}\s*)?(?:(?P<y>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?"
    rf"\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席"
)
# ``将于2020年12月担任安全理事会主席``: the month before the verb.
PRESIDES_IN = re.compile(
    rf"(?:(?P<y>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?\s*(?:将)?(?:担任|出任)\s*{_COUNCIL}\s*"
    r"(?:轮值)?主席"
)
# ``在希腊担任安全理事会主席的五月份``: the month after the presidency it is of.
MONTH_OF = re.compile(
    rf"(?:担任|出任)\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席(?:国)?(?:期间)?的\s*"
    rf"(?:(?P<y>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?"
)
# A month named relative to the letter's date: ``作为安全理事会本月主席``, ``作为本月安理会主席``,
# ``作为当月主席``, ``将于下个月担任安全理事会主席``.
_RELATIVE = r"(?P<rel>本|当|下|上)个?月份?"
THIS_MONTH = re.compile(
    rf"(?:(?:作为|以|担任)\s*(?:{_COUNCIL}\s*)?{_RELATIVE}\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席"
    rf"|{_RELATIVE.replace('rel', 'rel2')}\s*(?:将)?(?:担任|出任)\s*{_COUNCIL}\s*(?:轮值)?主席)"
)
_MONTH_SHIFT = {"本": 0, "当": 0, "下": 1, "上": -1}
DURING = re.compile(r"担任(?:安全理事会|安理会)?(?:轮值)?主席(?:期间|国)")


def extract(ctx: Context, facts: dict[str, Any]) -> dict[str, Any]:
    found: list[Presidency] = []
    meetings = facts.get("meetings", ())
    meeting_date = meetings[0].date if meetings and meetings[0].date else None
    stated = [m for p in (AS_PRESIDENT, PRESIDES_IN, MONTH_OF) for m in p.finditer(ctx.text)]
    for m in stated:
        state = _state_before(ctx, m.start())
        month = patterns.cn_number(m["m"]) or 0
        if state:
            year = int(m["y"]) if m["y"] else ctx.year_of_month(month)
            if year and 1 <= month <= 12:
                found.append(Presidency(state, year, month, ctx.evidence(m.start(), m.end())))
    for m in DURING.finditer(ctx.text):
        state = _state_before(ctx, m.start())
        if state and meeting_date:
            year, month = int(meeting_date[:4]), int(meeting_date[5:7])
            found.append(Presidency(state, year, month, ctx.evidence(m.start(), m.end())))
    letter = ctx.sections[0].date if ctx.sections else facts.get("date")
    for m in THIS_MONTH.finditer(ctx.text):
        state = _state_before(ctx, m.start())
        if state and letter:
            months = int(letter[:4]) * 12 + int(letter[5:7]) - 1
            months += _MONTH_SHIFT[m["rel"] or m["rel2"]]
            found.append(
                Presidency(state, months // 12, months % 12 + 1, ctx.evidence(m.start(), m.end()))
            )
    found.extend(_from_author(ctx, facts))
    found.extend(_from_record(ctx, meeting_date))
    presidencies = _unique(found)
    return {"presidencies": presidencies, "meetings": _assign(meetings, presidencies)}


def _state_before(ctx: Context, pos: int) -> str | None:
    """The state named just before ``pos`` in the same clause (``越南作为...``), or the letter's
    own state where the clause says ``我国``."""
    start = max(0, pos - 14)
    clause = ctx.text[start:pos]
    cut = max(clause.rfind(ch) for ch in "。，；\n")
    states = [s for s in ctx.states_in(start + cut + 1, pos)]
    if states:
        return states[-1].key
    # ``我国作为11月份安全理事会主席``: the state of the letter that says it
    section = ctx.section_at(pos)
    return section.sender_state if section and "我国" in clause[cut + 1 :] else None


def _from_author(ctx: Context, facts: dict[str, Any]) -> list[Presidency]:
    author, date = facts.get("author"), facts.get("date")
    if author is None or author.role != PRESIDENT or not author.state or not date:
        return []
    return [Presidency(author.state, int(date[:4]), int(date[5:7]), author.evidence)]


def _from_record(ctx: Context, meeting_date: str | None) -> list[Presidency]:
    m = CHAIR_RECORD.search(ctx.text)
    if not m or not meeting_date:
        return []
    state = gazetteer.first_state(m["state"])
    if not state:
        return []
    return [
        Presidency(
            state.key,
            int(meeting_date[:4]),
            int(meeting_date[5:7]),
            ctx.evidence(m.start(), m.end()),
        )
    ]


def _unique(found: list[Presidency]) -> tuple[Presidency, ...]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for p in found:
        if (p.state, p.year, p.month) not in seen:
            seen.add((p.state, p.year, p.month))
            out.append(p)
    return tuple(out)


def _assign(meetings: tuple[Any, ...], presidencies: tuple[Presidency, ...]) -> tuple[Any, ...]:
    """Each meeting's presiding state: the presidency of its month."""
    out = []
    for meeting in meetings:
        month = meeting.date[:7] if meeting.date else None
        match = next(
            (p.state for p in presidencies if f"{p.year:04d}-{p.month:02d}" == month), None
        )
        out.append(replace(meeting, presidency=match) if match else meeting)
    return tuple(out)
