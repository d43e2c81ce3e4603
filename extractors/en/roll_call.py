"""English meeting records: each roll-call, read with what it decides.

Why one reader for votes and explanations: a record's vote is a small layout (``A vote was taken
by show of hands.`` then the ``In favour:`` / ``Against:`` / ``Abstaining:`` lists) framed by
sentences: before it the President names the draft put to the vote, after it he states the tally
and the outcome (adopted as resolution 2505 (2020), or not adopted, or a veto). A roll-call is
keyed to its own draft: an amendment's vote stays apart from the draft's. The explanations of
vote are the speeches around the same roll-calls, so both kinds of fact read them here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en import record, speakers
from unsckg.extractors.en.names import name_table
from unsckg.extractors.facts import Evidence
from unsckg.extractors.wordings import Hit

WORDINGS = record.WORDINGS
NUMBER_WORDS = {
    "none": 0,
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
}
SYMBOL_TAIL = 24


@dataclass(frozen=True, slots=True)
class Ballot:
    state: str
    value: str  # yes, no, abstain
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Tally:
    yes: int
    no: int
    abstain: int
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class RollCall:
    """One vote of the Council and what it decided."""

    start: int  # the ``A vote was taken`` sentence
    end: int  # the end of the outcome, or of the lists
    draft: str | None
    amendment: bool
    ballots: tuple[Ballot, ...]
    tally: Tally | None
    outcome: Hit | None
    sponsors: tuple[str, ...]


def roll_calls(ctx: Context) -> tuple[RollCall, ...]:
    """The record's roll-calls in order, each bounded by the one before (its draft is named
    after the previous vote's outcome)."""
    return _roll_calls(ctx)


@lru_cache(maxsize=4)
def _roll_calls(ctx: Context) -> tuple[RollCall, ...]:
    text = record.flat(ctx.text)
    calls = list(WORDINGS["vote_taken"].finditer(text))
    out: list[RollCall] = []
    for i, call in enumerate(calls):
        previous = out[-1].end if out else 0
        stop = calls[i + 1].start if i + 1 < len(calls) else len(text)
        out.append(_roll_call(ctx, text, call, previous, stop))
    return tuple(out)


def _roll_call(ctx: Context, text: str, call: Hit, previous: int, stop: int) -> RollCall:
    outcome = WORDINGS["outcome"].search(text, call.end, stop)
    lists_end = _lists_end(ctx, call.end, outcome.start if outcome else stop)
    ballots = _ballots(ctx, text, call.end, lists_end)
    tally_hit = WORDINGS["tally"].search(text, lists_end, outcome.end if outcome else stop)
    draft_hit = _last(_presiding(ctx, WORDINGS["draft"].finditer(text, previous, call.start)))
    draft = _symbol(text, draft_hit) if draft_hit else None
    amendment = (draft_hit is not None and draft_hit.value == "amendment") or (
        outcome is not None and outcome.value == "amendment"
    )
    return RollCall(
        start=call.start,
        end=outcome.end if outcome else lists_end,
        draft=draft,
        amendment=amendment,
        ballots=ballots,
        tally=_tally(ctx, tally_hit, ballots),
        outcome=outcome,
        sponsors=_sponsors(ctx, text, previous, call.start),
    )


def _last(hits: Iterator[Hit]) -> Hit | None:
    last = None
    for hit in hits:
        last = hit
    return last


def _presiding(ctx: Context, hits: Iterator[Hit]) -> Iterator[Hit]:
    """The hits outside a member's speech: the draft put to the vote is the President's to
    name (or the record's narrative), a speaker may cite an earlier draft."""
    for hit in hits:
        turn = speakers.turn_at(ctx, hit.start)
        if turn is None or turn.presiding:
            yield hit


def _lists_end(ctx: Context, start: int, stop: int) -> int:
    """The lists run to the next speech (the President's tally) or the outcome."""
    turn = next((t.start for t in speakers.turns(ctx) if start < t.start < stop), None)
    return turn if turn is not None else stop


def _ballots(ctx: Context, text: str, start: int, end: int) -> tuple[Ballot, ...]:
    """Each state of each list, filtered to the Council of the day where the cover names it."""
    cover = record.cover(ctx)
    council = record.council(cover) if cover else frozenset()
    labels = list(WORDINGS["vote_list"].finditer(text, start, end))
    pattern, names = name_table()
    out: dict[str, Ballot] = {}
    for i, label in enumerate(labels):
        chunk_end = labels[i + 1].start if i + 1 < len(labels) else end
        words = " ".join(text[label.end : chunk_end].split())
        evidence = ctx.evidence(label.start, chunk_end)
        for named in pattern.finditer(words):
            iso3 = names.get(named.group())
            if iso3 and (not council or iso3 in council) and label.value:
                out.setdefault(iso3, Ballot(iso3, label.value, evidence))
    return tuple(out.values())


def _count(word: str | None) -> int:
    if word is None:
        return 0
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)


def _tally(ctx: Context, hit: Hit | None, ballots: tuple[Ballot, ...]) -> Tally | None:
    """The tally the President states; else the lists' own count."""
    if hit is not None:
        counts = (_count(hit.slot(s)) for s in ("yes", "no", "abstain"))
        yes, no, abstain = counts
        return Tally(yes, no, abstain, ctx.evidence(hit.start, hit.end))
    if not ballots:
        return None
    values = [b.value for b in ballots]
    evidence = ballots[0].evidence
    return Tally(values.count("yes"), values.count("no"), values.count("abstain"), evidence)


def _symbol(text: str, hit: Hit) -> str | None:
    """The draft's symbol, also where the PDF text breaks it (``S/2020/ 27``)."""
    span = hit.slots.get("symbol")
    if span is None:
        return None
    found = patterns.symbols(text[span.start : span.start + SYMBOL_TAIL])
    return found[0].value if found else span.text.rstrip(".,;)")


def _sponsors(ctx: Context, text: str, start: int, end: int) -> tuple[str, ...]:
    """The states after the last ``draft resolution submitted by`` before the vote."""
    hit = _last(_presiding(ctx, WORDINGS["sponsors"].finditer(text, start, end)))
    if hit is None:
        return ()
    stop = re.compile(r"\.(?:\s|$)").search(text, hit.end)
    words = " ".join(text[hit.end : stop.start() if stop else end].split())
    pattern, names = name_table()
    states = [names.get(m.group()) for m in pattern.finditer(words)]
    return tuple(dict.fromkeys(s for s in states if s))
