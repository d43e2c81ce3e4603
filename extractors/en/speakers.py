"""English meeting records: who speaks, for which state, and whom the President invites.

Why a layout reader: a record is a sequence of turns, each opening a line with the speaker
(``Mr. Zhang Jun (China):``, ``The President:``, a briefer's ``Mr. Griffiths:``). The turns
say who acted for which state and where each speech stands against the votes. The
invitations under rules 37 and 39 (wordings in ``wordings/record.toml``) name the states
invited to sit without a vote and the briefers with their posts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unsckg.extractors.document import Context
from unsckg.extractors.en.names import name_table, state_key
from unsckg.extractors.en.record import WORDINGS, at_line_starts, flat, joined
from unsckg.extractors.facts import Briefer, Evidence

TURN_BODY = (
    r"(?P<speaker>The President|The Secretary-General|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.? "
    r"[^\n():]{1,60}?)\s*(?:\((?P<state>[^()\n]{2,60})\)\s*)?(?:\(\s*spoke\s+in\s+\w+\s*\)\s*)?:"
)
TURN = re.compile("^" + TURN_BODY, re.M)
TURN_AFTER_BREAK = re.compile("\n" + TURN_BODY)  # the same, searched line break to line break
# Where a list of invited people splits: before each honorific.
PERSON_START = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+|:\s*|\binvite\s+)(?=(?:His|Her) Excellency|(?:Mr|Mrs|Ms|Dr)\. |"
    r"(?:Miss|Sir|Dame) )"
)
STYLE = re.compile(r"^(?:(?:His|Her) Excellency\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.|Miss|Sir|Dame)\s+")
# A sentence's end: a full stop that closes no honorific.
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.(?=\s|$)")
UN_BODY = re.compile(r"\bUnited Nations(?: (?:(?:in|for|of|on|the|and) )*[A-Z][\w-]*)*")
INVITATION = 3000


@dataclass(frozen=True, slots=True)
class Turn:
    """One speech: the speaker as printed, the state in brackets, where it runs."""

    speaker: str
    state: str | None
    start: int
    end: int

    @property
    def presiding(self) -> bool:
        return self.speaker == "The President"


def turns(ctx: Context) -> tuple[Turn, ...]:
    """The record's speeches in order (read once per document: votes and explanations share
    them)."""
    return _turns(ctx)


@lru_cache(maxsize=4)
def _turns(ctx: Context) -> tuple[Turn, ...]:
    found = at_line_starts(TURN, TURN_AFTER_BREAK, ctx.text)
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start("speaker") if i + 1 < len(found) else len(ctx.text)
        state = state_key(" ".join(m["state"].split())) if m["state"] else None
        out.append(Turn(" ".join(m["speaker"].split()), state, m.start("speaker"), end))
    return tuple(out)


def turn_at(ctx: Context, pos: int) -> Turn | None:
    """The speech that ``pos`` falls in; ``None`` before the first (the cover, the agenda)."""
    return next((t for t in turns(ctx) if t.start <= pos < t.end), None)


def _sentence_end(text: str, pos: int) -> int:
    stop = SENTENCE_END.search(text, pos)
    return stop.end() if stop else len(text)


def _invitation_end(text: str, pos: int) -> int:
    """Where the invitation's list ends: before ``to participate in this meeting``, or at the
    sentence's end where that phrase announces the list (``the following … meeting: Mr. X``)."""
    end = WORDINGS["invitation_end"].search(text, pos, pos + INVITATION)
    if end is None:
        return _sentence_end(text, pos)
    if text[end.end :].lstrip().startswith(":"):
        return _sentence_end(text, end.end)
    return end.start


def invited_states(ctx: Context) -> dict[str, Evidence]:
    """The states invited under rule 37, each with its invitation as evidence."""
    text = flat(ctx.text)
    pattern, names = name_table()
    out: dict[str, Evidence] = {}
    for hit in WORDINGS["rule37"].finditer(text):
        stop = _invitation_end(text, hit.end)
        words = " ".join(text[hit.end : stop].split())
        for named in pattern.finditer(words):
            if names.get(named.group()):
                out.setdefault(names[named.group()], ctx.evidence(hit.start, stop))
    return out


def briefers(ctx: Context) -> tuple[Briefer, ...]:
    """Each person invited under rule 39, with the post the invitation gives."""
    text = flat(ctx.text)
    out: list[Briefer] = []
    for hit in WORDINGS["rule39"].finditer(text):
        stop = _invitation_end(text, hit.end)
        span = joined(ctx.text[hit.end : stop])
        evidence = ctx.evidence(hit.start, stop)
        for chunk in PERSON_START.split(span)[1:]:
            briefer = _briefer(chunk.strip(" ,.;"), evidence)
            if briefer:
                out.append(briefer)
    return tuple({b.name: b for b in reversed(out)}.values())[::-1]


def _briefer(chunk: str, evidence: Evidence) -> Briefer | None:
    """``Mr. Martin Griffiths, Special Envoy of the Secretary-General for Yemen``."""
    styled = STYLE.match(chunk)
    if styled is None:
        return None
    name, _, title = chunk[styled.end() :].partition(",")
    post = title.strip() or None
    return Briefer(name.strip(), post, _organization(post), False, evidence)


def _organization(title: str | None) -> str | None:
    """The organisation a post names: the longest organisation's name in it, or a ``United
    Nations …`` body (``Head of the United Nations Verification Mission in Colombia``); not the
    Organization itself, which every post of the Secretariat names."""
    pattern, names = name_table()
    named = [m.group() for m in pattern.finditer(title or "") if names.get(m.group()) == ""]
    named += [m.group() for m in UN_BODY.finditer(title or "")]
    named = [n for n in named if n != "United Nations"]
    return max(named, key=len) if named else None
