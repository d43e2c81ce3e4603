"""English document metadata: symbol, kind, date, issued, and the principal letter's author."""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.names import MONTHS, state_key
from unsckg.extractors.facts import Evidence, Person
from unsckg.extractors.found import Found

LETTER = re.compile(
    rf"(?:Letter|Note verbale|Identical letters) dated (\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
SYMBOL_LINE = re.compile(r"^(?:United Nations)?\s*((?:S|A)/(?:[A-Z]{2,5}/)?\d+(?:/\d+)*)\s*$", re.M)
RESOLUTION_TITLE = re.compile(r"^Resolution (\d{1,4}) \((\d{4})\)\s*$", re.M)
ADOPTED = re.compile(
    rf"Adopted by the Security Council at its (\d{{3,5}})(?:st|nd|rd|th) meeting,? on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
SIGNED = re.compile(r"\(Signed\)\s*(?P<name>[^\n(]{2,60}?)\s*\n(?P<titles>(?:[^\n]{2,80}\n?){0,3})")
SENDER = re.compile(
    r"from the (?P<role>(?:Deputy )?Permanent Representative|Charg[ée] d[’']affaires a\.i\.)"
    r" of (?P<state>[^\n,]{2,80}?) to the United Nations"
)


def extract(ctx: Context, found: Found) -> Found:
    evidence: dict[str, Evidence] = {}
    symbol, kind = _symbol_and_kind(ctx, evidence)
    letter, adopted = LETTER.search(ctx.text), ADOPTED.search(ctx.text)
    dated = (letter, 1) if letter else (adopted, 2) if adopted else None
    date = None
    if dated:
        m, group = dated
        dates = patterns.dates_en(m[group])
        date = dates[0].value if dates else None
        evidence["date"] = ctx.evidence(m.start(group), m.end(group))
        kind = kind or "letter"
    cover = patterns.dates_en(ctx.text[: letter.start() if letter else 400])
    if cover:
        evidence["issued"] = ctx.evidence(cover[0].start, cover[0].end)
    return replace(
        found,
        symbol=symbol,
        kind=kind,
        date=date,
        issued=cover[0].value if cover else None,
        author=_author(ctx),
        evidence=MappingProxyType(evidence),
    )


def _symbol_and_kind(ctx: Context, evidence: dict[str, Evidence]) -> tuple[str | None, str | None]:
    title = RESOLUTION_TITLE.search(ctx.text)
    if title:
        evidence["symbol"] = ctx.evidence(title.start(), title.end())
        return f"S/RES/{int(title[1])}({title[2]})", "resolution"
    symbol = SYMBOL_LINE.search(ctx.text)
    if symbol:
        evidence["symbol"] = ctx.evidence(symbol.start(1), symbol.end(1))
        return symbol[1], "presidential statement" if "/PRST/" in symbol[1] else None
    return None, None


def _author(ctx: Context) -> Person | None:
    """``(Signed) Dang Dinh Quy`` under the principal letter (before any annexed letter)."""
    headers = [m.start() for m in LETTER.finditer(ctx.text)]
    end = headers[1] if len(headers) > 1 else len(ctx.text)
    signed = SIGNED.search(ctx.text, 0, end)
    if signed is None:
        return None
    first = ctx.text[headers[0] : headers[0] + 300] if headers else ""
    sender = SENDER.search(first)
    state = state_key(sender["state"]) if sender else None
    role = sender["role"].replace("’", "'") if sender else None
    if "from the President of the Security Council" in first:
        role = "President of the Security Council"
    elif role is None and "Permanent Representative" in signed["titles"]:
        role = "Permanent Representative"
    evidence = ctx.evidence(signed.start(), signed.end("name"))
    return Person(signed["name"].strip(), state, role, evidence)
