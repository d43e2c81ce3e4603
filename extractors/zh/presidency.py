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
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh.meeting import CHAIR_RECORD
from unsckg.extractors.zh.people import PRESIDENT
from unsckg.extractors.zh.slots import ZH_SLOTS

WORDINGS = load_wordings("unsckg.extractors.zh", "presidency", ZH_SLOTS)

# ``作为安全理事会2021年4月份主席``, ``担任2022年1月安全理事会主席``, ``作为11月份安理会主席``:
# the Council's name before or after the month.
_COUNCIL = r"安(?:全理事|理)会"
# A month in digits or in words (``5``, ``五``, ``十二``); only where a presidency is stated, so
# that ``每年一月`` elsewhere is no month of anyone's.
_MONTH = r"(?P<month>\d{1,2}|十[一二]|[一二三四五六七八九十])"
# The month may be given in parentheses after ``本届``/``本月`` (``作为本届(2005年5月)安全理事会
# 主席``, ``担任本月（2001年1月）安理会主席``): the explicit month is the one taken.
_IN_PARENS = r"(?:(?:本届|本月|当月|本期)\s*[(（]\s*)?"
AS_PRESIDENT = re.compile(
    rf"(?:作为|以|担任)\s*(?:{_COUNCIL}\s*)?{_IN_PARENS}(?:(?P<year>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?"
    rf"\s*[)）]?\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席"
)
# Taking up the presidency: ``担任安全理事会主席``, ``接任安理会主席一职``, and ``主持安全理事会
# (的)工作`` (only with the Council's work: ``主持`` alone is chairing a meeting).
_TAKES = (
    rf"(?:[担出接]任\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席(?:一职|国)?"
    rf"|主持\s*{_COUNCIL}\s*的?\s*工作)"
)
# ``将于2020年12月担任安全理事会主席``, ``将自2014年11月1日起担任…``, with the state between
# the month and the verb: ``2012年10月X接任安全理事会主席一职``, ``2016年3月由X主持安全理事会的
# 工作`` (``who`` must be a state's name, checked by the caller).
PRESIDES_IN = re.compile(
    rf"(?:(?P<year>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?(?:\s*\d{{1,2}}\s*日\s*起)?\s*"
    rf"(?P<who>由?[^\s\d。，；,]{{2,20}}?)??\s*将?"
    rf"(?:[担出接]任\s*{_COUNCIL}\s*(?:轮值)?主席|主持\s*{_COUNCIL}\s*的?\s*工作)"
)
# ``在希腊担任安全理事会主席的五月份``, ``X主持安全理事会工作的2015年5月``, ``X担任安全理事会
# 主席的本月``: the month after the presidency it is of.
MONTH_OF = re.compile(
    rf"{_TAKES}(?:期间)?的\s*(?:(?:(?P<year>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?|(?P<rel>本|当)月份?)"
)
# The Council's president of a month named before the state that holds it, in passing:
# ``已通报安理会5月份主席X常驻代表团``, ``安全理事会本月主席X``.
NAMED_AFTER = re.compile(
    rf"{_COUNCIL}\s*(?:(?:(?P<year>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?|(?P<rel>本|当)月份?)"
    r"\s*(?:轮值)?主席(?:国)?\s*、?\s*"
)
# A month named relative to the letter's date: ``作为安全理事会本月主席``, ``作为本月安理会主席``,
# ``作为当月主席``, ``将于下个月担任安全理事会主席``.
_RELATIVE = r"(?P<rel>本|当|下|上)个?月份?"
THIS_MONTH = re.compile(
    rf"(?:(?:作为|以|担任)\s*(?:{_COUNCIL}\s*)?{_RELATIVE}\s*(?:{_COUNCIL}\s*)?(?:轮值)?主席"
    rf"|{_RELATIVE.replace('rel', 'rel2')}\s*(?:将)?(?:担任|出任)\s*{_COUNCIL}\s*(?:轮值)?主席)"
)
# A relative month made exact in apposition: ``X将于下月，即2009年3月，主持安全理事会的工作``;
# the state is before the relative month, the explicit month is the one taken.
APPOSED = re.compile(
    rf"(?:将[于在]|于)?\s*[本当下]个?月份?\s*[，,]\s*即\s*"
    rf"(?:(?P<year>\d{{4}})\s*年)?\s*{_MONTH}\s*月份?\s*[，,]?\s*将?{_TAKES}"
)
_MONTH_SHIFT = {"本": 0, "当": 0, "下": 1, "上": -1}
DURING = re.compile(r"担任(?:安全理事会|安理会)?(?:轮值)?主席(?:期间|国)")


def extract(ctx: Context, found: Found) -> Found:
    """Every presidency the text states; a meeting's presidency is that of its month."""
    meetings = found.meetings
    meeting_date = meetings[0].date if meetings and meetings[0].date else None
    letter = ctx.sections[0].date if ctx.sections else found.reference_date
    stated_here = _with_month(ctx, letter)
    stated_here.extend(_relative(ctx, letter, meeting_date))
    stated_here.extend(_worded(ctx, letter))
    stated_here.extend(_from_author(ctx, found))
    stated_here.extend(_from_record(ctx, meeting_date))
    presidencies = _unique(stated_here)
    return found.but(presidencies=presidencies, meetings=_assign(meetings, presidencies))


def _with_month(ctx: Context, letter: str | None) -> list[Presidency]:
    """A presidency said with its month (``作为安全理事会2021年4月份主席``), the state before,
    inside or after the wording."""
    stated = [
        (m, _state_before(ctx, m.start()))
        for p in (AS_PRESIDENT, MONTH_OF, APPOSED)
        for m in p.finditer(ctx.text)
    ]
    stated += [(m, _state_of_taker(ctx, m)) for m in PRESIDES_IN.finditer(ctx.text)]
    stated += [(m, _state_after(ctx, m.end())) for m in NAMED_AFTER.finditer(ctx.text)]
    out = []
    for m, state in stated:
        when = _month_of(ctx, m, letter)
        if state and when:
            out.append(Presidency(state, *when, ctx.evidence(m.start(), m.end())))
    return out


def _relative(ctx: Context, letter: str | None, meeting_date: str | None) -> list[Presidency]:
    """A presidency in the month of the meeting (``在荷兰担任主席期间``) or relative to the
    letter's (``作为本月主席``)."""
    out = []
    for m in DURING.finditer(ctx.text):
        state = _state_before(ctx, m.start())
        if state and meeting_date:
            year, month = int(meeting_date[:4]), int(meeting_date[5:7])
            out.append(Presidency(state, year, month, ctx.evidence(m.start(), m.end())))
    for m in THIS_MONTH.finditer(ctx.text):
        state = _state_before(ctx, m.start())
        when = _relative_month(letter, m["rel"] or m["rel2"])
        if state and when:
            out.append(Presidency(state, *when, ctx.evidence(m.start(), m.end())))
    return out


def _worded(ctx: Context, letter: str | None) -> list[Presidency]:
    """The presidencies said in the wordings of ``wordings/presidency.toml``: the turn of the
    text's own month (``本月份轮到中国任主席``), a month's rotating presidency after its state
    (``中国作为2月份的轮值主席国``, the year the text's)."""
    out = []
    this_month = _relative_month(letter, "本")
    for hit in WORDINGS["turn_this_month"].finditer(ctx.text):
        state = gazetteer.first_state(hit.slot("state") or "")
        if state and this_month:
            out.append(Presidency(state.key, *this_month, ctx.evidence(hit.start, hit.end)))
    for hit in WORDINGS["month_presidency"].finditer(ctx.text):
        month = patterns.cn_number(hit.slot("month") or "") or 0
        year = ctx.year_of_month(month)
        state_key = _state_before(ctx, hit.start)
        if state_key and year and 1 <= month <= 12:
            out.append(Presidency(state_key, year, month, ctx.evidence(hit.start, hit.end)))
    return out


def _month_of(ctx: Context, m: re.Match[str], letter: str | None) -> tuple[int, int] | None:
    """The (year, month) a match names: its month and year, its month in the letter's year, or
    a month relative to the letter's (``本月``)."""
    rel = m.groupdict().get("rel")
    if rel:
        return _relative_month(letter, rel)
    month = patterns.cn_number(m["month"]) or 0
    year = int(m["year"]) if m["year"] else ctx.year_of_month(month)
    return (year, month) if year and 1 <= month <= 12 else None


def _relative_month(letter: str | None, rel: str) -> tuple[int, int] | None:
    """``本月``/``当月`` is the letter's month, ``下个月`` the next, ``上个月`` the one before."""
    if not letter:
        return None
    months = int(letter[:4]) * 12 + int(letter[5:7]) - 1 + _MONTH_SHIFT[rel]
    return months // 12, months % 12 + 1


def _state_of_taker(ctx: Context, m: re.Match[str]) -> str | None:
    """The state that takes up the presidency: written between the month and the verb
    (``10月X接任``, ``3月由X主持``), where nothing but its name (and ``由``) may stand, else
    just before the month (``X将于12月担任``)."""
    if not m["who"]:
        return _state_before(ctx, m.start())
    states = ctx.states_in(m.start("who"), m.end("who"))
    rest = ctx.text[m.start("who") : m.end("who")]
    for state in reversed(states):
        rest = rest[: state.start - m.start("who")] + rest[state.end - m.start("who") :]
    return states[-1].key if states and rest.strip() in ("", "由") else None


def _state_after(ctx: Context, pos: int) -> str | None:
    """The state named right after ``pos`` (``安理会5月份主席X常驻代表团``)."""
    state = ctx.state_starting_at(pos)
    return state.key if state else None


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


def _from_author(ctx: Context, found: Found) -> list[Presidency]:
    author, date = found.author, found.date
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
