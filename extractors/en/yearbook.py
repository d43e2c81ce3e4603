"""English vote lines: the tally and the named votes a resolution text prints after its adoption.

The yearbooks (1946-1993) close each resolution with one sentence, ``Adopted at the 2nd meeting
by 9 votes to 2 (Australia and United States of America), with 1 abstention (Poland)``; some
official texts print the same in their header (``by a vote of 13 to 0, with 2 abstentions
(Russian Federation, Syria)``). The layout is a chain of counts, each optionally followed by the
members it names: those after ``to N`` voted no, after ``abstentions`` abstained, and a member
qualified ``present and not voting`` or ``absent`` (or named in the footnote ``One member (China)
did not participate in the voting``) did not vote. The wordings of the counts and qualifiers are
data (``wordings/resolution.toml``); the names, former ones included, ``names.vote_state_key``.
"""

from __future__ import annotations

import re

from unsckg.extractors.document import Context
from unsckg.extractors.en.names import holds, vote_state_exact, vote_state_key
from unsckg.extractors.en.resolution import WORDINGS, Printed, lowered, own_key, printed
from unsckg.extractors.facts import Vote, VoteTally
from unsckg.extractors.found import Found

COUNTED = "none one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
NUMBER_WORDS = {word: value for value, word in enumerate([*COUNTED.split(), "fifteen"])} | {"no": 0}
BETWEEN = re.compile(r"[\s,;]*(?:and\s+)?")
# The pieces of a list of names: commas, semicolons and ``and`` (rejoined where a name has them,
# ``United Kingdom of Great Britain and Northern Ireland``, ``Germany, Federal Republic of``);
# a full stop too, a misprinted comma (``German Democratic Republic. Union of ...``).
SEPARATOR = re.compile(r"\s*(?:[,;.]|\band\b)\s*")
LIST_SPAN = 400
# The parts of a list of names, between its semicolons (each may end on a qualifier).
LIST_PART = re.compile(r"[^;]+")
# A list's closing parenthesis, or the brace OCR reads for it (``(United States of America}``).
CLOSING = re.compile(r"[)}]")
# Words every wording of ``not_voting_note`` has (its entries ignore case): a text without them
# has no such footnote, and the scan of the wordings' alternation is skipped.
NOTE_WORDS = (re.compile(r"member", re.I), re.compile(r"did\s+not|absent", re.I))
# The same words in the lower-cased text (``[member|members]`` and the list's parenthesis, then
# ``did not`` or ``absent``), as the view has them: white space collapses there, and the view's
# repairs touch no letter of these words. Each opens with a word (``re`` skips to it), where a
# pattern that ignores case has no first character to skip to and is tried everywhere.
NOTE_TRACES = (re.compile(r"members?\s+\("), re.compile(r"did\s+not"), re.compile("absent"))
NOTE_LETTERS = "memberdidnotabsent("
# The letters beyond ASCII that ``re`` ignoring case matches with ASCII ones (``ſ`` for ``s``,
# ``ı`` and ``İ`` for ``i``) and ``str.lower`` leaves apart: the only ones where the two differ
# on the words above (``tests/extractors/en/test_shortcuts.py`` checks every code point).
RE_CASE_ODD = "İıſ"


def extract(ctx: Context, found: Found) -> Found:
    own = printed(ctx)
    key = own_key(found)
    if own is None or key is None:
        return found
    date = found.resolutions[0].adopted if found.resolutions else None
    reader = _LineReader(ctx, own, key, date)
    tally = reader.read_counts() if own.adoption else None
    votes = _unique(reader.votes + reader.notes())
    # A resolution's own text states its votes in its vote line only: a body's ``abstain from``
    # is no vote, so the votes found before are not kept.
    if tally is None and votes == found.votes:
        return found  # no copy of the record where nothing changes
    tallies = found.vote_tallies + ((tally,) if tally else ())
    return found.but(votes=votes, vote_tallies=tallies)


def _unique(votes: list[Vote]) -> tuple[Vote, ...]:
    """One vote per member: the first the text states."""
    if not votes:
        return ()  # most texts: no copies of nothing
    return tuple({v.state: v for v in reversed(votes)}.values())[::-1]


def count_value(word: str) -> int | None:
    """``9``, ``none``, ``two`` as a number; ``None`` for anything else."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


class _LineReader:
    """Reads one resolution text's vote line: its chain of counts and the members named."""

    def __init__(self, ctx: Context, own: Printed, key: str, date: str | None) -> None:
        self.ctx, self.own, self.key, self.date = ctx, own, key, date
        self.view = own.view  # a head view, until a reading runs past it (``_reach``)
        anchor = own.adoption or own.heading
        self.start, self.pos = anchor.start, anchor.end
        self.votes: list[Vote] = []

    def read_counts(self) -> VoteTally | None:
        """The tally: counts read in a chain from the meeting on; members not printed are 0."""
        counts: dict[str, int] = {}
        while True:
            text = self._reach(self.pos + LIST_SPAN)
            between = BETWEEN.match(text, self.pos)
            hit = WORDINGS["count"].match(text, between.end() if between else self.pos)
            number = count_value(hit.slot("count") or "") if hit else None
            if hit is None or number is None or hit.value in counts:
                break
            counts[str(hit.value)] = number
            self.pos = hit.end
            self._named_after(str(hit.value))
        if "yes" not in counts:
            return None
        evidence = self.view.evidence(self.ctx, self.start, self.pos)
        return VoteTally(
            self.key, None, counts["yes"], counts.get("no", 0), counts.get("abstain", 0), evidence
        )

    def _reach(self, end: int) -> str:
        """The view's text, the whole view's where a reading up to ``end`` needs it."""
        if self.view is self.own.view:
            self.view = self.own.view_through(end)
        return self.view.text

    def _named_after(self, value: str) -> None:
        """The members in the parentheses after a count: its vote, unless qualified."""
        text = self.view.text
        opening = self.pos + (1 if text[self.pos : self.pos + 1] == " " else 0)
        if text[opening : opening + 1] != "(":
            return  # no list: its closing is not looked for (most counts name none)
        closed = CLOSING.search(text, opening, opening + LIST_SPAN)
        if closed is None:
            return
        closing = closed.start()
        self.pos = closing + 1
        for part in LIST_PART.finditer(text[opening + 1 : closing]):
            # a list's part is short: the whole alternation, without the prefilter's reading
            # of it (and the alternation of each new subset of entries it would compile)
            qualifier = WORDINGS["not_voting"].search_here(part.group())
            names_end = qualifier.start if qualifier else len(part.group())
            vote = qualifier.value if qualifier else value
            if vote and vote != "yes":
                names = part.group()[:names_end]
                self.votes += self._votes(opening + 1 + part.start(), names, vote)

    def notes(self) -> list[Vote]:
        """Members the footnote says did not participate or were absent."""
        out: list[Vote] = []
        if not may_note(self.ctx.text):
            return out
        text = self._reach(len(self.ctx.text))  # the footnote may be anywhere after: the whole
        for hit in WORDINGS["not_voting_note"].finditer(text, self.start):
            names = hit.slots["names"]
            out += self._votes(names.start, names.text, str(hit.value))
        return out

    def _votes(self, start: int, names: str, vote: str) -> list[Vote]:
        out = []
        for iso3, begin, end in states_listed(names):
            evidence = self.view.evidence(self.ctx, start + begin, start + end)
            out.append(Vote(iso3, vote, None, self.key, self.date, None, evidence))
        return out


def may_note(text: str) -> bool:
    """Whether the view of ``text`` may hold a footnote of members not voting: the text has
    the words of ``NOTE_TRACES`` once lower-cased (the lower-cased text shared with the other
    readers), else (a text with a letter that ``re`` ignoring case reads as an ASCII one,
    ``RE_CASE_ODD``) those of ``NOTE_WORDS``."""
    if not text.isascii() and any(odd in text for odd in RE_CASE_ODD):
        return all(word.search(text) for word in NOTE_WORDS)
    if not (holds(text, "member") and (holds(text, "did") or holds(text, "absent"))):
        return False  # the traces' words, from the text's one scan: most texts lack one
    low = lowered(text)
    member, did_not, absent = NOTE_TRACES
    return bool(member.search(low) and (did_not.search(low) or absent.search(low)))


def states_listed(names: str) -> list[tuple[str, int, int]]:
    """The members of a printed list (``Benin and China``, ``France, United Kingdom of Great
    Britain and Northern Ireland``): the longest run of pieces that names one state, in order."""
    cuts = [0, *(x for m in SEPARATOR.finditer(names) for x in m.span()), len(names)]
    pieces = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if names[a:b].strip()]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(pieces):
        found = _longest(names, pieces, i, exact=True) or _longest(names, pieces, i, exact=False)
        if found:
            iso3, j = found
            out.append((iso3, pieces[i][0], pieces[j - 1][1]))
            i = j
        else:
            i += 1
    return out


def _longest(
    names: str, pieces: list[tuple[int, int]], i: int, *, exact: bool
) -> tuple[str, int] | None:
    """The longest run of pieces from ``i`` that names a state (exactly, or misprinted) and
    where it ends: an exact name first, so ``France, United Kingdom ...`` is two members."""
    for j in range(len(pieces), i, -1):
        name = names[pieces[i][0] : pieces[j - 1][1]]
        iso3 = vote_state_exact(name) if exact else vote_state_key(name)
        if iso3:
            return iso3, j
    return None
