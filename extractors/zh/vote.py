"""Votes and vote tallies: each member's vote on each draft, and the counts the text states.

Why two shapes: under the written procedure each member's letter says
``比利时对这项决议草案投赞成票`` (the vote's date is that letter's); a resolution page or a
meeting record lists the members after ``赞成:``, ``反对:``, ``弃权:`` (the date is the meeting's).
A member votes once on a draft: later mentions (``印度尼西亚对该决议投了赞成票``) add nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Evidence, Vote, VoteTally
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import Hit, load_wordings
from unsckg.extractors.zh import explanation
from unsckg.extractors.zh.ballots import ballot_at, ballots
from unsckg.extractors.zh.resolution import draft_symbol
from unsckg.extractors.zh.slots import ZH_SLOTS

VALUES = {"赞成": "yes", "反对": "no", "弃权": "abstain"}
# The wordings of votes cast, abstentions, absences, counts and tallies: ``wordings/vote.toml``.
WORDINGS = load_wordings("unsckg.extractors.zh", "vote", ZH_SLOTS)
# Most direct first: a ballot named, an abstention said, an absence.
VOTING = ("cast", "abstained", "absent")
_VOTE_ADVERBS = frozenset("均都则也亦皆 ")
# A bracket listing the members a statement is about: at most this long.
BRACKET_SPAN = 120
# ``赞成：13票（…）``; a web page may drop the ``票`` (``弃权：2（中国、俄罗斯联邦）``) or put the
# count in brackets before the colon (``赞成（14）：…；反对（1）：…；弃权（0）``), where a label
# with no one after it may drop the colon too.
LIST_LABEL = re.compile(
    r"(赞成|反对|弃权)\s*"
    r"(?:[(（]\s*([\d一二三四五六七八九十零〇]+)\s*票?\s*[)）]\s*[:：]?"
    r"|[:：]\s*(?:([\d一二三四五六七八九十零〇]+)\s*票?)?)\s*"
)
SEPARATOR = re.compile(r"^[\s、，,;；()和及]*$")
# One count of a tally, in any of the ways a record writes it: ``13票赞成``, ``赞成 12 票``,
# ``赞成票 12 票`` (the ballot named, then its count), or ``无反对票`` / ``没有人投弃权票`` (a
# stated zero).
_N = r"[\d一二三四五六七八九十零〇]+"
_LABEL = r"(赞成|反对|弃权)"
_ITEM = (
    rf"(?:({_N})\s*票\s*{_LABEL}|{_LABEL}\s*(?:票\s*)?({_N})\s*票"
    rf"|(?:无|没有)\s*(?:人\s*)?(?:投\s*)?(反对|弃权)\s*票)"
)
TALLY_ITEM = re.compile(_ITEM)
# The members named in brackets after a count (``2 票反对 (古巴、也门)``, ``1票弃权（中国）``):
# who voted so, no part of the counting, so a tally reads on past them.
_NAMES = rf"(?:[(（][^()（）]{{1,{BRACKET_SPAN}}}[)）]\s*)?"
# What may stand between two counts of one tally (``13票赞成、0票反对和2票弃权``), a bracket of
# names included (``12 票赞成、2 票反对 (甲国、乙国)、1 票弃权(丙国)``).
TALLY_SEP = re.compile(rf"\s*{_NAMES}[、，,；;]?\s*(?:和|及)?\s*")
# The resolution a tally's sentence names: ``以14票赞成…通过第2564(2021)号决议``, or before it
# ``第2564(2021)号决议以…``; a draft (``号决议草案``) is not one.
_RES = r"第\s*(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\s*号决议(?!草案)"
NAMED_AFTER = re.compile(rf"\s*{_NAMES}(?:获得|一致)?通过(?:了)?\s*(?:安全理事会|安理会)?\s*{_RES}")
NAMED_BEFORE = re.compile(rf"{_RES}\s*(?:已|获)?\s*$")
LIST_SPAN = 400
CLAUSE_END = re.compile(r"[；;]")
SUBMITTER = re.compile(r"提交|提出")
SUBJECT = re.compile(r"(?:代表团|政府)?(?:决定|将|谨)?对")
# A state named as the topic of the draft (``关于利比亚局势的决议草案``) is not its voter; ``我国``
# in a member's letter is the letter's state.
TOPIC = re.compile(r"关于\s*$")
WE = re.compile(r"我国|本国")
# The draft and resolution that the text at a clean offset is about.
Keys = Callable[[int], tuple[str | None, str | None]]


def extract(ctx: Context, found: Found) -> Found:
    """Each member's vote on each draft (the most direct record first) and the tallies."""
    resolutions = found.resolutions
    own = _own_resolution(found)
    draft = next((r.draft for r in resolutions if r.draft), None) or draft_symbol(ctx)
    resolution = own or next((r.key for r in resolutions), None)
    date = next((r.adopted for r in resolutions if r.adopted), found.reference_date)
    keys = _keys(ctx, draft, resolution)
    votes: dict[tuple[str, str | None], Vote] = {}
    # A state invited under rule 37 (or missing from a record's members) has no vote; but a
    # member said not to take part is missing from the members because its seat was empty.
    invited = explanation.invited(ctx)
    outside = explanation.non_members(ctx, found)
    for vote in _ranked(ctx, keys, date):
        if _kept(vote, invited, outside):
            votes.setdefault((vote.state, vote.draft or vote.resolution), vote)
    drafts = {r.key: r.draft for r in resolutions}
    tallies = _tallies(ctx, keys, drafts)
    return found.but(votes=tuple(votes.values()), vote_tallies=tallies)


def _kept(vote: Vote, invited: set[str], outside: set[str]) -> bool:
    """A member's vote on something the text identifies (a vote on nothing named decides
    nothing we can name); an absent member is missing from the members for that reason."""
    if vote.draft is None and vote.resolution is None:
        return False
    return vote.state not in invited and (vote.state not in outside or vote.vote == "absent")


def _ranked(ctx: Context, keys: Keys, date: str | None) -> list[Vote]:
    """Every vote recorded, the most direct record first: a labelled list (a meeting record, a
    resolution page), a member's own letter, the states listed after a count, a speech."""
    cast = _cast(ctx, keys, date)
    return (
        _listed(ctx, keys, date, _labelled(ctx))
        + [vote for vote, in_letter in cast if in_letter]
        + _listed(ctx, keys, date, _counted(ctx))
        + [vote for vote, _ in cast]
        + _named_after(ctx, keys, date)
    )


def _named_after(ctx: Context, keys: Keys, date: str | None) -> list[Vote]:
    """``投下两张弃权票的,正是…中国和俄罗斯``: the states named in the rest of the clause cast
    the ballot the cleft sentence names."""
    out = []
    for hit in WORDINGS["cast_by_named_after"].finditer(ctx.text):
        _, end = ctx.sentence_bounds(hit.end)
        clause = CLAUSE_END.search(ctx.text, hit.end, end)
        stop = clause.start() if clause else end
        for state in ctx.states_in(hit.end, stop):
            evidence = ctx.evidence(hit.start, state.end)
            out.append(Vote(state.key, hit.value or "", *keys(hit.start), date, None, evidence))
    return out


def _keys(ctx: Context, draft: str | None, resolution: str | None) -> Keys:
    """Where a record puts several drafts to the vote, what follows each belongs to it; else
    everything is about the document's draft and resolution."""
    found = ballots(ctx)

    def keys(pos: int) -> tuple[str | None, str | None]:
        ballot = ballot_at(found, pos)
        return (ballot.draft, ballot.resolution) if ballot else (draft, resolution)

    return keys


def _own_resolution(found: Found) -> str | None:
    m = patterns.RES_SYMBOL.fullmatch(found.symbol or "")
    return patterns.res_key(m[1], m[2]) if m else None


def _cast(ctx: Context, keys: Keys, date: str | None) -> list[tuple[Vote, bool]]:
    """``X对...决议草案投赞成票``, each with whether it stands in a member's own dated letter."""
    out = []
    found = [hit for group in VOTING for hit in WORDINGS[group].finditer(ctx.text)]
    for m in found:
        start, _ = ctx.sentence_bounds(m.start)
        section = ctx.section_at(m.start)
        sender = section.sender_state if section else None
        state = _voter(ctx, start, m.start, sender) or sender
        if state is None or m.value is None:
            continue
        when = section.date if section else date
        evidence = ctx.evidence(start, m.end)
        in_letter = bool(section and section.date)
        listed = _subjects(ctx, m.start)
        for key in listed or [state]:
            out.append((Vote(key, m.value, *keys(m.start), when, None, evidence), in_letter))
    return out


def _subjects(ctx: Context, pos: int) -> list[str]:
    """The states listed as the subject right before a verb of voting, when two or more:
    ``A、B和C投了赞成票；D投了反对票`` gives each of A, B and C the vote (adverbs such as
    ``均``/``都``/``则`` may stand between the list and the verb)."""
    edge = pos
    while edge > 0 and ctx.text[edge - 1] in _VOTE_ADVERBS:
        edge -= 1
    if ctx.text[edge - 1 : edge] in (")", "）"):
        # ``两个成员国(中国和阿拉伯利比亚共和国)没有参加表决``: the bracket names them all, even
        # under a name of their time that the gazetteer reads only in part
        opening = max(ctx.text.rfind("(", 0, edge), ctx.text.rfind("（", 0, edge))
        if opening >= 0 and edge - opening < BRACKET_SPAN:
            inside = ctx.states_in(opening, edge)
            return [s.key for s in inside] if len(inside) > 1 else []
    chain = ctx.chain_before(edge, window=200)
    return [s.key for s in chain] if len(chain) > 1 else []


def _voter(ctx: Context, start: int, end: int, sender: str | None) -> str | None:
    """The subject of ``X对…投…票``: ``我国`` (the letter's state), a state right before ``对``,
    else the nearest state that is neither among the draft's sponsors (``德国和比利时提交的``)
    nor its topic (``关于利比亚局势的``)."""
    if sender and WE.search(ctx.text, start, end):
        return sender
    sponsors: set[int] = set()
    for m in SUBMITTER.finditer(ctx.text, start, end):
        sponsors.update(s.start for s in ctx.chain_before(m.start()))
    candidates = [
        s
        for s in ctx.states_in(start, end)
        if s.start not in sponsors and not TOPIC.search(ctx.text, max(0, s.start - 4), s.start)
    ]
    for state in candidates:
        if SUBJECT.match(ctx.text, state.end):
            return state.key
    return candidates[-1].key if candidates else None


# A label that states follow: its vote, where it starts and where the list begins.
Label = tuple[str, int, int]


def _labelled(ctx: Context) -> list[Label]:
    """``赞成:15票(比利时、中国、...)``: a list's labels (a layout, so a pattern in code)."""
    return [(VALUES[m[1]], m.start(), m.end()) for m in LIST_LABEL.finditer(ctx.text)]


def _counted(ctx: Context) -> list[Label]:
    """``3 票弃权(中国、…)``, ``弃权者一(…)``: a count, then the states that voted so."""
    hits = WORDINGS["count_list"].finditer(ctx.text)
    return [(hit.value, hit.start, hit.end) for hit in hits if hit.value]


def _listed(ctx: Context, keys: Keys, date: str | None, labels: list[Label]) -> list[Vote]:
    """The states listed after each label."""
    out = []
    for value, start, end in labels:
        position = end
        draft, resolution = keys(start)
        for state in ctx.states_in(end, end + LIST_SPAN):
            if not SEPARATOR.match(ctx.text[position : state.start]):
                break
            out.append(
                Vote(
                    state.key,
                    value,
                    draft,
                    resolution,
                    date,
                    None,
                    ctx.evidence(state.start, state.end),
                )
            )
            position = state.end
    return out


def _tallies(ctx: Context, keys: Keys, drafts: dict[str, str | None]) -> tuple[VoteTally, ...]:
    """Counts stated inline (``以13票赞成、0票反对、2票弃权``) or after the list labels, each on
    the draft of the ballot it stands in."""
    out = _inline_tallies(ctx, _naming(ctx, keys, drafts))
    groups: dict[tuple[str | None, str | None], dict[str, re.Match[str]]] = {}
    for m in LIST_LABEL.finditer(ctx.text):
        if m[2] or m[3]:
            groups.setdefault(keys(m.start()), {})[m[1]] = m
    for key, labels in groups.items():
        if "赞成" in labels:
            stated = {VALUES[k]: patterns.cn_number(v[2] or v[3]) or 0 for k, v in labels.items()}
            first = min(v.start() for v in labels.values())
            last = max(v.end() for v in labels.values())
            counts = (stated.get("yes", 0), stated.get("no", 0), stated.get("abstain", 0))
            out.append(_tally(key, *counts, ctx.evidence(first, last)))
    unique = {(t.resolution, t.draft, t.yes, t.no, t.abstain): t for t in out}
    return tuple(unique.values())


def _naming(ctx: Context, keys: Keys, drafts: dict[str, str | None]) -> Keys:
    """The keys of a tally whose sentence names the resolution adopted: that resolution, with
    the draft it was adopted on where known (the ballot's draft if the ballot had no other)."""

    def named(pos: int) -> tuple[str | None, str | None]:
        draft, resolution = keys(pos)
        start, end = ctx.sentence_bounds(pos)
        tally_end = _tally_end(ctx.text, pos)
        after = NAMED_AFTER.match(ctx.text, tally_end) if tally_end is not None else None
        found = after or NAMED_BEFORE.search(ctx.text, start, pos)
        if found is None or (after is not None and after.end() > end):
            return draft, resolution
        key = patterns.res_key(found["number"], found["year"])
        if key == resolution:
            return draft, resolution
        return (drafts.get(key) or (draft if resolution is None else None)), key

    return named


def _tally_end(text: str, pos: int) -> int | None:
    """The end of the tally that starts at ``pos``, in whichever shape it is written."""
    inline = next((end for start, end in _inline_runs(text) if start == pos), None)
    if inline is not None:
        return inline
    versus = WORDINGS["tally_versus"].match(text, pos)
    partial = _partial(text, WORDINGS["tally_partial"].match(text, pos)) if not versus else None
    return versus.end if versus else partial.end if partial else None


@lru_cache(maxsize=8)
def _inline_runs(text: str) -> tuple[tuple[int, int], ...]:
    """``以13票赞成、0票反对、2票弃权``: three counts in a row (in whatever order the labels
    come), each span from its ``以`` (or the white space before the first count)."""
    items = list(TALLY_ITEM.finditer(text))
    out: list[tuple[int, int]] = []
    i = 0
    while i + 2 < len(items):
        trio = items[i : i + 3]
        if all(TALLY_SEP.fullmatch(text, a.end(), b.start()) for a, b in pairwise(trio)):
            start = trio[0].start()
            while start > (out[-1][1] if out else 0) and text[start - 1].isspace():
                start -= 1
            if start > 0 and text[start - 1] == "以":
                start -= 1
            out.append((start, trio[2].end()))
            i += 3
        else:
            i += 1
    return tuple(out)


def _partial(text: str, hit: Hit | None) -> Hit | None:
    """A tally of fewer than three counts, unless another count follows it (then it is part of
    a full tally)."""
    if hit is None:
        return None
    after = TALLY_SEP.match(text, hit.end)
    following = TALLY_ITEM.match(text, after.end() if after else hit.end)
    return None if following else hit


def _inline_tallies(ctx: Context, keys: Keys) -> list[VoteTally]:
    """``以13票赞成、0票反对、2票弃权``, the shorter ``以15票赞成获得一致通过`` and the
    compilations' ``11票对0票，4票弃权``."""
    out = []
    for start, end in _inline_runs(ctx.text):
        counts = _counts(ctx.text[start:end])
        if counts is not None:
            out.append(_tally(keys(start), *counts, ctx.evidence(start, end)))
    for found in WORDINGS["tally_partial"].finditer(ctx.text):
        hit = _partial(ctx.text, found)
        in_favour = patterns.cn_number(hit.slot("yes") or "") if hit else None
        other = patterns.cn_number(hit.slot("other") or "0") if hit else None
        if hit is not None and in_favour is not None and other is not None:
            against, abstaining = (other, 0) if hit.value == "no" else (0, other)
            evidence = ctx.evidence(hit.start, hit.end)
            out.append(_tally(keys(hit.start), in_favour, against, abstaining, evidence))
    for hit in WORDINGS["tally_versus"].finditer(ctx.text):
        versus = _versus(hit)
        if versus is not None:
            out.append(_tally(keys(hit.start), *versus, ctx.evidence(hit.start, hit.end)))
    return out


def _versus(hit: Hit) -> tuple[int, int, int] | None:
    """The (yes, no, abstain) of ``11票对0票，4票弃权``; abstentions not stated are none."""
    yes, no = patterns.cn_number(hit.slot("yes") or ""), patterns.cn_number(hit.slot("no") or "")
    abstain = patterns.cn_number(hit.slot("abstain") or "0")
    if yes is None or no is None or abstain is None:
        return None
    return yes, no, abstain


def _counts(run: str) -> tuple[int, int, int] | None:
    """The (yes, no, abstain) of a three-count tally; None unless it names each label once
    (``13票赞成、2票赞成…`` is not a tally)."""
    stated: dict[str, int] = {}
    for item in TALLY_ITEM.finditer(run):
        label = item[2] or item[3] or item[5]
        count = patterns.cn_number(item[1] or item[4]) if item[5] is None else 0
        if count is None or label in stated:
            return None
        stated[label] = count
    if set(stated) != set(VALUES):
        return None
    return stated["赞成"], stated["反对"], stated["弃权"]


def _tally(
    key: tuple[str | None, str | None], yes: int, no: int, abstain: int, evidence: Evidence
) -> VoteTally:
    draft, resolution = key
    return VoteTally(resolution, draft, yes, no, abstain, evidence)
