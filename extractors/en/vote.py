"""English votes: the lists after ``In favour:`` / ``Against:`` / ``Abstaining:``, the tallies
stated (``13 votes in favour, none against and 2 abstentions``), and a member's own letter
(``Belgium votes in favour of the draft resolution``). In a meeting record, each roll-call
(``roll_call.py``) keyed to the draft it decides and, through its outcome, to the resolution
adopted at the meeting; an amendment's roll-call is left out, never mixed into the draft's."""

from __future__ import annotations

import re

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en import record, roll_call
from unsckg.extractors.en.names import holds, name_table, state_key, states_in
from unsckg.extractors.en.representatives import LETTER_FROM
from unsckg.extractors.en.resolution import DRAFT, own_key, printed
from unsckg.extractors.facts import Resolution, Vote, VoteTally
from unsckg.extractors.found import Found

VOTE_LIST = re.compile(r"(In favour|Against|Abstaining|Abstention)\s*:\s*")
NEXT_LIST = re.compile(r"\b(?:In favour|Against|Abstaining)\s*:")
VALUES = {"In favour": "yes", "Against": "no", "Abstaining": "abstain", "Abstention": "abstain"}
# What a list's label opens with: marks of the text's one scan (``names.holds``).
LIST_LABELS = ("In favour", "Against", "Abst")
# Case is ignored after the first number only: a pattern that ignores case and opens with ``\d``
# is tried at every position, one that opens with ``\d`` only at the digits.
# (``\d\d*``, not ``\d+``: a pattern that opens with a repeat has no first character for ``re``
# to skip to, and is tried at every position.)
TALLY = re.compile(
    r"(\d\d*)(?i: votes? in favour,? (\d+|none) against,? and (\d+|no) abstentions?)"
)
CAST = re.compile(
    r"\b(?:votes?|voted|will vote|is voting|casts? (?:its|a) vote)\s+(in favour of|against)"
    r"|\b(abstains?|abstained)\b"
)
# Where a match of ``CAST`` can start: the first letters of each of its verbs.
CAST_STARTS = ("vot", "will vote", "is voting", "cast", "abstain")
# What ``CAST``'s first branch needs: each of its verbs ends in ``vote``, ``votes``, ``voted`` or
# ``voting`` before the value.
CAST_TRACE = re.compile(r"vot(?:es?|ed|ing)\s+(?:in favour of|against)")
LIST_SPAN = 600


def extract(ctx: Context, found: Found) -> Found:
    """A record's roll-calls; else a letter's lists, tallies and members' own votes."""
    if record.cover(ctx) is not None:
        return _recorded(ctx, found)
    key = own_key(found)
    votes = () if _read_by_vote_line(ctx, key) else _stated_votes(ctx, key, found.date)
    tallies = _tallies(ctx, key)
    if not (votes or tallies or found.votes or found.vote_tallies):
        return found  # nothing stated, nothing to clear
    return found.but(votes=votes, vote_tallies=tallies)


def _read_by_vote_line(ctx: Context, key: str | None) -> bool:
    """Whether the text is a resolution's own, with its key: then its votes are those of its
    vote line alone (``yearbook.extract``, next in the pack, sets them whatever was found
    before: a body's ``abstain from`` is no vote), and the lists and members' letters are not
    read. Its tallies stated are still kept."""
    return key is not None and printed(ctx) is not None


def _stated_votes(ctx: Context, key: str | None, date: str | None) -> tuple[Vote, ...]:
    """The votes of the lists and of the members' own letters, one per member."""
    return _unique(_listed(ctx, key, date) + _letter_votes(ctx, key))


def _listed(ctx: Context, resolution: str | None, date: str | None) -> tuple[Vote, ...]:
    votes: dict[str, Vote] = {}
    if not any(holds(ctx.text, label) for label in LIST_LABELS):
        return ()  # no list: ``VOTE_LIST`` would stop at every capital A and I of the text
    pattern, names = name_table()
    for m in VOTE_LIST.finditer(ctx.text):
        end = ctx.text.find("\n\n", m.end())
        chunk = ctx.text[m.end() : end if end > 0 else m.end() + LIST_SPAN]
        chunk = NEXT_LIST.split(chunk)[0]
        for named in pattern.finditer(" ".join(chunk.split())):
            iso3 = names.get(named.group())
            if iso3:
                evidence = ctx.evidence(m.start(), m.end())
                vote = Vote(iso3, VALUES[m[1]], None, resolution, date, None, evidence)
                votes.setdefault(iso3, vote)
    return tuple(votes.values())


def _tallies(ctx: Context, resolution: str | None) -> tuple[VoteTally, ...]:
    """The tallies stated; ``TALLY`` is tried at every digit, so a text that never says
    ``favour`` (in any case: the pattern ignores it) is not scanned."""
    if not holds(ctx.text, "favour"):
        return ()
    tallies = []
    for m in TALLY.finditer(ctx.text):
        yes, no, abstain = (0 if g in ("none", "no") else int(g) for g in m.groups())
        evidence = ctx.evidence(m.start(), m.end())
        tallies.append(VoteTally(resolution, None, yes, no, abstain, evidence))
    return tuple(tallies)


def _letter_votes(ctx: Context, resolution: str | None) -> tuple[Vote, ...]:
    """``Belgium votes in favour of the draft resolution``, dated by the member's own letter."""
    if not _may_cast(ctx.text):
        return ()
    states = states_in(ctx.text)
    letters = [(m.start(), m[1], state_key(m["state"])) for m in LETTER_FROM.finditer(ctx.text)]
    draft = DRAFT.search(ctx.text)
    out = []
    for m in cast_matches(ctx.text):
        start = ctx.text.rfind(".", 0, m.start()) + 1
        before = [s for s in states if start <= s.start and s.end <= m.start()]
        letter = next((x for x in reversed(letters) if x[0] <= m.start()), None)
        state = before[-1].iso3 if before else letter[2] if letter else None
        if not state:
            continue
        dates = patterns.dates_en(letter[1]) if letter else []
        date = dates[0].value if dates else None
        evidence = ctx.evidence(start, m.end())
        value = _cast_value(m)
        out.append(
            Vote(state, value, draft[1] if draft else None, resolution, date, None, evidence)
        )
    return tuple(out)


def cast_matches(text: str) -> list[re.Match[str]]:
    """``CAST``'s matches, as ``CAST.finditer`` gives them, tried only where one of its words
    starts (``CAST_STARTS``): the pattern opens with ``\\b``, which ``re`` tries at every
    position of the page, and the words are few."""
    starts = sorted({at for word in CAST_STARTS for at in _occurrences(text, word)})
    out: list[re.Match[str]] = []
    for at in starts:
        m = CAST.match(text, at) if not out or at >= out[-1].end() else None
        if m:
            out.append(m)
    return out


def _occurrences(text: str, word: str) -> list[int]:
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _may_cast(text: str) -> bool:
    """Every wording of ``CAST`` has ``abstain``, or a form of ``vote`` followed by ``in favour
    of`` or ``against`` (``CAST_TRACE``): a text with neither is not scanned (the pattern
    opens with ``\\b``, tried at every position; the trace opens with the word, which ``re``
    skips to). Both words are marks of the text's one scan (``names.holds``)."""
    if holds(text, "abstain"):
        return True
    return holds(text, "vot") and CAST_TRACE.search(text) is not None


def _cast_value(m: re.Match[str]) -> str:
    """The value of a vote a member casts: ``in favour of``, ``against``, else an abstention."""
    return {"in favour of": "yes", "against": "no"}.get(m[1] or "", "abstain")


def _unique(votes: tuple[Vote, ...]) -> tuple[Vote, ...]:
    """One vote per member: the first record of it."""
    return tuple({v.state: v for v in reversed(votes)}.values())[::-1]


def _recorded(ctx: Context, found: Found) -> Found:
    """The roll-calls of a record on drafts, with the resolutions their outcomes adopt."""
    cover = record.cover(ctx)
    date = cover.date if cover else None
    votes: list[Vote] = []
    tallies: list[VoteTally] = []
    adopted: list[Resolution] = []
    for call in roll_call.roll_calls(ctx):
        resolution = _adopted(ctx, call, date)
        if call.amendment or not (call.draft or resolution) or _procedural(call):
            continue
        key = resolution.key if resolution else None
        votes += [
            Vote(b.state, b.value, call.draft, key, date, None, b.evidence) for b in call.ballots
        ]
        if call.tally:
            t = call.tally
            tallies.append(VoteTally(key, call.draft, t.yes, t.no, t.abstain, t.evidence))
        if resolution:
            adopted.append(resolution)
    known = {(r.number, r.year) for r in found.resolutions}
    new = tuple(r for r in adopted if (r.number, r.year) not in known)
    return found.but(
        votes=tuple(votes),
        vote_tallies=tuple(tallies),
        resolutions=found.resolutions + new,
    )


def _procedural(call: roll_call.RollCall) -> bool:
    """A vote on the agenda or another question of procedure: no draft's vote."""
    return call.outcome is not None and call.outcome.value == "procedural"


def _adopted(ctx: Context, call: roll_call.RollCall, date: str | None) -> Resolution | None:
    """The resolution an outcome states adopted at this meeting, with its draft and sponsors."""
    outcome = call.outcome
    if outcome is None or outcome.value != "adopted":
        return None
    number, year = outcome.slot("resolution"), outcome.slot("year")
    if not (number and year and number.isdigit() and year.isdigit()):
        return None
    evidence = ctx.evidence(outcome.start, outcome.end)
    return Resolution(int(number), int(year), date, call.draft, "meeting", call.sponsors, evidence)
