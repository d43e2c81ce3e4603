"""English meetings: the meeting a letter announces (``on Thursday, 8 April 2021, at 10 a.m.``)
or the one a resolution was adopted at (``at its 8700th meeting, on 10 January 2020``); a
meeting record's own meeting from its cover (``record.py``) and its rule 39 briefers."""

from __future__ import annotations

import re

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en import metadata, record, speakers
from unsckg.extractors.en.metadata import WORDINGS, adoption_header
from unsckg.extractors.en.names import holds
from unsckg.extractors.facts import Meeting, Presidency
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import Hit

FORMATS = (
    (re.compile(r"ministerial(?:-level)? open debate", re.I), "ministerial open debate"),
    (re.compile(r"high-level open debate", re.I), "high-level open debate"),
    (re.compile(r"open debate", re.I), "open debate"),
    (re.compile(r"Arria-formula", re.I), "Arria-formula meeting"),
    (re.compile(r"\bbriefing\b", re.I), "briefing"),
    (re.compile(r"\bdebate\b", re.I), "debate"),
)
THEME = re.compile(r"(?:on the theme|entitled) ?[“\"]([^”\"]{2,200})[”\"]")
AGENDA = re.compile(r"under the (?:agenda )?item ?(?:entitled ?)?[“\"]([^”\"]{2,200})[”\"]")
NUMBERED = re.compile(r"^(\d{3,5})(?:st|nd|rd|th) meeting", re.M)
VIRTUAL = re.compile(r"videoconference|virtual", re.I)
COVER = 600
# Every wording of ``announced`` names the day of the week with its comma (``Thursday,``).
ANNOUNCED_WORD = "day,"
# What every wording of ``adopted`` opens with (``metadata.adoption_header`` reads from it).
ADOPTED_TRACE = metadata.ADOPTED_TRACE


def extract(ctx: Context, found: Found) -> Found:
    """A record's own meeting; else the meeting a letter announces or a resolution names."""
    cover = record.cover(ctx)
    if cover is not None:
        return found.but(meetings=(_recorded(ctx, cover),))
    announced = WORDINGS["announced"].search(ctx.text) if holds(ctx.text, ANNOUNCED_WORD) else None
    if announced is not None:
        return found.but(meetings=(_announced(ctx, announced, found.presidencies),))
    adopted = adoption_header(ctx.text)  # from its trace on, if the text holds it
    if adopted is None:
        return found.but(meetings=()) if found.meetings else found
    dates = patterns.dates_en(adopted.slot("date") or "")
    date = dates[0].value if dates else None
    evidence = ctx.evidence(adopted.start, adopted.end)
    return found.but(meetings=(Meeting(date, number=adopted.slot("meeting"), evidence=evidence),))


def _announced(ctx: Context, m: Hit, presidencies: tuple[Presidency, ...]) -> Meeting:
    dates = patterns.dates_en(m.slot("date") or "")
    date = dates[0].value if dates else None
    number = NUMBERED.search(ctx.text[:COVER])
    theme, agenda = THEME.search(ctx.text), AGENDA.search(ctx.text)
    return Meeting(
        date,
        number=number[1] if number else None,
        time=_time(m.slot("time")),
        format=next((name for p, name in FORMATS if p.search(ctx.text)), None),
        virtual=True if VIRTUAL.search(ctx.text) else None,
        theme=(theme[1],) if theme else (),
        agenda_item=agenda[1] if agenda else None,
        presidency=next(
            (p.state for p in presidencies if date and date[:7] == f"{p.year:04d}-{p.month:02d}"),
            None,
        ),
        evidence=ctx.evidence(m.start, m.end),
    )


CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?\s*([ap])")


def _time(stated: str | None) -> str | None:
    """``10 a.m.``, ``3.30 p.m.`` as 24-hour ``HH:MM``."""
    clock = CLOCK.match(stated or "")
    if clock is None:
        return None
    hour = int(clock[1]) % 12 + (12 if clock[3] == "p" else 0)
    return f"{hour:02d}:{clock[2] or '00'}"


def _recorded(ctx: Context, cover: record.Cover) -> Meeting:
    """The meeting a record records: what its cover states, and the briefers it invites."""
    chair = record.chair(cover)
    return Meeting(
        cover.date,
        number=cover.number,
        time=cover.time,
        theme=(cover.theme,) if cover.theme else (),
        agenda_item=cover.agenda_item,
        presidency=cover.president_state,
        chair=chair.name if chair else None,
        briefers=speakers.briefers(ctx),
        evidence=cover.evidence,
    )
