"""English resolutions: the resolution a page prints (its title and adoption line), or those a
letter reports adopted on a date (``resolution 2565 (2021), adopted on 26 February 2021``)."""

from __future__ import annotations

import re
from dataclasses import replace

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.metadata import ADOPTED, RESOLUTION_TITLE
from unsckg.extractors.en.names import MONTHS
from unsckg.extractors.facts import Resolution
from unsckg.extractors.found import Found

ADOPTED_ON = re.compile(
    rf"resolution (\d{{1,4}}) \((\d{{4}})\),? (?:which was )?adopted (?:unanimously )?on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
WRITTEN = re.compile(r"written (?:procedure|silence procedure)|procedure set out in", re.I)
DRAFT = re.compile(r"draft resolution (?:contained in document |\()?(S/\d{4}/\d+)")


def extract(ctx: Context, found: Found) -> Found:
    title, adopted = RESOLUTION_TITLE.search(ctx.text), ADOPTED.search(ctx.text)
    if title and adopted:
        dates = patterns.dates_en(adopted[2])
        date = dates[0].value if dates else None
        evidence = ctx.evidence(adopted.start(), adopted.end())
        printed = Resolution(int(title[1]), int(title[2]), date, None, "meeting", (), evidence)
        return replace(found, resolutions=(printed,))
    return replace(found, resolutions=_reported(ctx))


def _reported(ctx: Context) -> tuple[Resolution, ...]:
    draft = DRAFT.search(ctx.text)
    procedure = "written" if WRITTEN.search(ctx.text) else None
    out = []
    for m in ADOPTED_ON.finditer(ctx.text):
        dates = patterns.dates_en(m[3])
        out.append(
            Resolution(
                int(m[1]),
                int(m[2]),
                dates[0].value if dates else None,
                draft[1] if draft else None,
                procedure,
                (),
                ctx.evidence(m.start(), m.end()),
            )
        )
    return tuple({(r.number, r.year): r for r in reversed(out)}.values())


def own_key(found: Found) -> str | None:
    """``2518(2020)`` for the first resolution found (the page's own, or the letter's first)."""
    own = found.resolutions[0] if found.resolutions else None
    return patterns.res_key(str(own.number), str(own.year)) if own else None
