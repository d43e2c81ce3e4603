"""English document metadata: symbol, kind, date, issued, and the principal letter's author."""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.names import MONTHS, holds, state_key
from unsckg.extractors.en.resolution import Printed, printed
from unsckg.extractors.en.slots import EN_SLOTS
from unsckg.extractors.facts import Evidence, Person
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import Hit, load_wordings

LETTER = re.compile(
    rf"(?:Letter|Note verbale|Identical letters) dated (\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
# ``LETTER``'s openings, each with its word ``dated``: a text with none has no letter, and the
# pattern (a choice of first letters, tried at every capital L, N and I) is not run. The trace
# opens with ``dated `` (``re`` skips to it) and looks behind for the opening.
LETTER_TRACE = re.compile(
    r"dated (?:(?<=Letter dated )|(?<=Note verbale dated )|(?<=Identical letters dated ))"
)
# The openings ``LETTER_TRACE`` looks behind for, each with its word ``dated``.
LETTER_OPENINGS = ("Letter dated ", "Note verbale dated ", "Identical letters dated ")
SYMBOL_LINE = re.compile(r"^(?:United Nations)?\s*((?:S|A)/(?:[A-Z]{2,5}/)?\d+(?:/\d+)*)\s*$", re.M)
# The line starts where ``SYMBOL_LINE`` may match (what it needs after ``^``): the pattern,
# opening with ``^``, is tried at every position of a text without such a line (a record's own
# symbol, ``S/PV.8702``, is none); this one opens with the break, which ``re`` skips to.
SYMBOL_LINE_START = re.compile(r"\n(?=(?:United Nations)?\s*[SA]/)")
# The official adoption header (also read by the meetings: ``wordings/meeting.toml``); the
# resolution's own heading and the yearbooks' vote lines are read by ``resolution.printed``
# (wordings/resolution.toml).
WORDINGS = load_wordings("unsckg.extractors.en", "meeting", EN_SLOTS)
# What every wording of ``adopted`` (``wordings/meeting.toml``) opens with, as the pack's white
# space parts its words. A text without it has no adoption header, and the group's search is
# skipped. The trace opens with a word, which ``re`` skips to.
ADOPTED_TRACE = re.compile(r"Adopted\s+by\s+the\s+Security\s+Council\s+at\s+its\s")
SIGNED = re.compile(r"\(Signed\)\s*(?P<name>[^\n(]{2,60}?)\s*\n(?P<titles>(?:[^\n]{2,80}\n?){0,3})")
SENDER = re.compile(
    r"from the (?P<role>(?:Deputy )?Permanent Representative|Charg[ée] d[’']affaires a\.i\.)"
    r" of (?P<state>[^\n,]{2,80}?) to the United Nations"
)


def extract(ctx: Context, found: Found) -> Found:
    evidence: dict[str, Evidence] = {}
    own = printed(ctx)
    symbol, kind = _symbol_and_kind(ctx, own, evidence)
    letters = letter_headers(ctx.text)
    letter = letters[0] if letters else None
    date = None
    if own and not letter and own.adopted():
        date = _own_date(ctx, own, evidence)
    elif dated := _stated_date(ctx.text, letter):  # not looked for where not needed
        text, start, end = dated
        dates = patterns.dates_en(text)
        date = dates[0].value if dates else None
        evidence["date"] = ctx.evidence(start, end)
        kind = kind or "letter"
    cover = patterns.first_date_en(ctx.text, letter.start() if letter else 400)
    if cover:
        evidence["issued"] = ctx.evidence(cover.start, cover.end)
    return found.but(
        symbol=symbol,
        kind=kind,
        date=date,
        issued=cover.value if cover else None,
        author=_author(ctx, letters),
        evidence=MappingProxyType(evidence),
    )


@lru_cache(maxsize=2)
def adoption_header(text: str) -> Hit | None:
    """``Adopted by the Security Council at its 8700th meeting, on 10 January 2020``: its
    slots are the ``meeting``'s number and the ``date``. Every wording of the group opens with
    the words of ``ADOPTED_TRACE`` (``tests/extractors/en/test_meeting.py``), so no match
    starts before the trace's first: the group's alternation is tried from there, without the
    prefilter's reading of the whole text for the group's words (the trace holds them: a
    third of the cost). Kept for the last texts: the date and the meeting both ask."""
    trace = ADOPTED_TRACE.search(text)
    return WORDINGS["adopted"].search_here(text, trace.start()) if trace else None


def letter_headers(text: str) -> list[re.Match[str]]:
    """The headers of the letters in ``text`` (``Letter dated 5 April 2021``), in order.
    ``LETTER`` is tried only where its trace is, at the opening before the trace's ``dated``:
    the pattern opens with a choice of first letters, tried at every capital L, N and I of
    the text (a record names a letter or two in 90 KB). Headers never overlap (a date holds
    no ``dated``), so these are ``LETTER.finditer``'s matches."""
    out: list[re.Match[str]] = []
    if not holds(text, "dated "):
        return out  # the trace's word, from the text's one scan (``names.holds``)
    for trace in LETTER_TRACE.finditer(text):
        opening = next(o for o in LETTER_OPENINGS if text.endswith(o, 0, trace.end()))
        header = LETTER.match(text, trace.end() - len(opening))
        if header is not None:
            out.append(header)
    return out


def symbol_line(text: str) -> re.Match[str] | None:
    """``SYMBOL_LINE.search(text)``, tried only at the start and at the line starts that
    ``SYMBOL_LINE_START`` finds (a necessary condition of a match there), in text order."""
    found = SYMBOL_LINE.match(text)
    for start in SYMBOL_LINE_START.finditer(text) if found is None else ():
        found = SYMBOL_LINE.match(text, start.end())
        if found is not None:
            break
    return found


def _stated_date(text: str, letter: re.Match[str] | None) -> tuple[str, int, int] | None:
    """The date a letter's header states, else an adoption header's: its text and span."""
    if letter:
        return letter[1], letter.start(1), letter.end(1)
    adopted = adoption_header(text)
    span = adopted.slots["date"] if adopted else None
    return (span.text, span.start, span.end) if span else None


def _symbol_and_kind(
    ctx: Context, own: Printed | None, evidence: dict[str, Evidence]
) -> tuple[str | None, str | None]:
    number, year, _date = own.number_year_date() if own else (None, None, None)
    if own and number is not None and year is not None:
        evidence["symbol"] = own.view.evidence(ctx, own.heading.start, own.heading.end)
        return f"S/RES/{number}({year})", "resolution"
    symbol = symbol_line(ctx.text)
    if symbol:
        evidence["symbol"] = ctx.evidence(symbol.start(1), symbol.end(1))
        return symbol[1], "presidential statement" if "/PRST/" in symbol[1] else None
    return None, None


def _own_date(ctx: Context, own: Printed, evidence: dict[str, Evidence]) -> str | None:
    """A resolution text's date: that of its adoption, as its header or heading states it."""
    adopted, (_number, _year, date) = own.adopted(), own.number_year_date()
    if not (adopted and date):
        return None  # ``date``: the first date read in ``adopted``'s text
    evidence["date"] = own.view.evidence(ctx, adopted[1], adopted[2])
    return date


def _author(ctx: Context, letters: list[re.Match[str]]) -> Person | None:
    """``(Signed) Dang Dinh Quy`` under the principal letter (before any annexed letter)."""
    headers = [m.start() for m in letters]
    end = headers[1] if len(headers) > 1 else len(ctx.text)
    signed = SIGNED.search(ctx.text, 0, end) if holds(ctx.text, "(Signed)") else None
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
