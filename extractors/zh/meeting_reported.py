"""Meetings a document reports without announcing them: a resolution's adopting meeting and the
meeting a news report's lead tells of.

Why apart from the announced meetings (``meeting.py``): those are found from a date and a
sentence that announces or numbers a meeting. Two other layouts state a meeting too:

- a resolution's own page ends with its adopting line, ``第4872次会议一致通过。`` or, in the
  older compilations, ``第一九六四次会议以十三票对零票通过。``: the meeting that adopted it,
  on the date of the resolution's heading (none where the page has no dated heading);
- a news report's lead says what the Council did (``联合国安理会2日一致通过第2685号决议``,
  ``当地时间2月4日，在联合国安理会反恐问题公开会上``): a meeting on the day it names, a day
  written without its month or year being one of the days up to the page's own date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Meeting
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh.slots import ZH_SLOTS

WORDINGS = load_wordings("unsckg.extractors.zh", "meeting", ZH_SLOTS)
# A day named without its month, as a report's lead names today or yesterday (``2日``, ``4日，``).
DAY_ONLY = re.compile(r"(?<![\d月年])(\d{1,2})\s*日")
# A heading's date stands apart: at the start of its line or after a space, a stop or a bar
# (``1988年12月15日``, ``四十四(一九四八).一九四八年四月一日決議案``, a page's ``…决议 1976年10月22
# 日``); a date a word governs (``早先在2003年5月22日``) is of an act the text recalls.
GOVERNED = re.compile(r"[\u4e00-\u9fff，,；;：:、“]$")
# How far back a report's lead may name a day: a news page reports the last days.
REPORT_DAYS = 31


def adopting_meeting(ctx: Context, found: Found, numbers: set[str]) -> Meeting | None:
    """A resolution page's adopting meeting, from the line that starts ``第N次会议…通过`` (a copy
    whose title the metadata does not read as a resolution's has that line all the same)."""
    if found.kind not in ("resolution", None) or ctx.sections:
        return None
    for hit in WORDINGS["adopting_line"].finditer(ctx.text):
        line_start = ctx.text.rfind("\n", 0, hit.start) + 1
        number = patterns.cn_number(hit.slot("number") or "")
        if ctx.text[line_start : hit.start].strip() or not number or str(number) in numbers:
            continue
        evidence = ctx.evidence(hit.start, hit.end)
        return Meeting(_heading_date(ctx, found.reference_date), str(number), evidence=evidence)
    return None


def _heading_date(ctx: Context, value: str | None) -> str | None:
    """``value`` where the text states it as a heading does (``GOVERNED``); else no date."""
    for d in ctx.dates:
        if d.value == value and not GOVERNED.search(ctx.text[max(0, d.start - 1) : d.start]):
            return value
    return None


def reported_meeting(ctx: Context, found: Found) -> Meeting | None:
    """The meeting a news report's lead tells of: the first Council act whose line names a day
    before it, that day resolved against the page's date."""
    if found.kind is not None or ctx.sections:
        return None
    for hit in WORDINGS["reported_act"].finditer(ctx.text):
        line_start = ctx.text.rfind("\n", 0, hit.start) + 1
        day = _day_before(ctx, line_start, hit.start, found.reference_date)
        if day is not None:
            return Meeting(day.value, evidence=ctx.evidence(day.start, hit.end))
    return None


def _day_before(ctx: Context, start: int, end: int, page: str | None) -> patterns.Found | None:
    """The last day named in ``[start, end)``: a full date, or a month and day or a day alone in
    the days up to the page's date ``page``."""
    named = [d for d in ctx.dates if start <= d.start < end and d.value <= (page or d.value)]
    if page:
        named += _recent(ctx.text, start, end, date.fromisoformat(page))
    named = [d for d in named if not page or d.value <= page]
    return max(named, key=lambda d: d.start) if named else None


def _recent(text: str, start: int, end: int, page: date) -> list[patterns.Found]:
    """Days written without a year, or without a month, read as the latest such day on or
    before ``page`` and no more than ``REPORT_DAYS`` before it."""
    out = []
    for m in patterns.MONTH_DAY_ZH.finditer(text, start, end):
        out += _latest(page, int(m[2]), int(m[1]), m.start(), m.end())
    for m in DAY_ONLY.finditer(text, start, end):
        out += _latest(page, int(m[1]), None, m.start(), m.end())
    return out


def _latest(page: date, day: int, month: int | None, start: int, end: int) -> list[patterns.Found]:
    for back in range(REPORT_DAYS + 1):
        when = page - timedelta(days=back)
        if when.day == day and month in (None, when.month):
            return [patterns.Found(when.isoformat(), start, end)]
    return []
