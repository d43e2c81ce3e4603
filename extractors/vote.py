"""Votes and vote tallies: each member's vote on each draft, and the counts the text states.

Why two shapes: under the written procedure each member's letter says
``比利时对这项决议草案投赞成票`` (the vote's date is that letter's); a resolution page or a
meeting record lists the members after ``赞成:``, ``反对:``, ``弃权:`` (the date is the meeting's).
A member votes once on a draft: later mentions (``印度尼西亚对该决议投了赞成票``) add nothing.
"""

from __future__ import annotations

import re
from typing import Any

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Vote, VoteTally
from unsckg.extractors.resolution import draft_symbol

VALUES = {"赞成": "yes", "反对": "no", "弃权": "abstain"}
CAST = re.compile(r"投(?:了)?(赞成|反对|弃权)票|投票(赞成|反对)(?!、)")
ABSENT = re.compile(r"未参加表决|没有参加表决")
LIST_LABEL = re.compile(r"(赞成|反对|弃权)\s*[:：]\s*(?:([\d一二三四五六七八九十零〇]+)\s*票)?\s*")
SEPARATOR = re.compile(r"^[\s、，,;；()和及]*$")
TALLY_YES_ONLY = re.compile(
    r"获得\s*([\d一二三四五六七八九十]+)\s*票赞成(?![、，,]\s*[\d一二三四五六七八九十零〇]+\s*票)"
)
TALLY_INLINE = re.compile(
    r"以?\s*([\d一二三四五六七八九十零〇]+)\s*票赞成\s*[、，,]\s*([\d一二三四五六七八九十零〇]+)\s*票反对"
    r"\s*[、，,]?\s*(?:和|及)?\s*([\d一二三四五六七八九十零〇]+)\s*票弃权"
)
LIST_SPAN = 400
SUBMITTER = re.compile(r"提交|提出")
SUBJECT = re.compile(r"(?:代表团|政府)?(?:决定|将|谨)?对")
# ``3 票弃权(中国、俄罗斯联邦、多米尼加共和国)``: a count followed by the states that voted so.
COUNT_LIST = re.compile(r"[\d一二三四五六七八九十零〇]+\s*票\s*(赞成|反对|弃权)\s*\(")


def extract(ctx: Context, facts: dict[str, Any]) -> dict[str, Any]:
    resolutions = facts.get("resolutions", ())
    own = _own_resolution(facts)
    draft = next((r.draft for r in resolutions if r.draft), None) or draft_symbol(ctx)
    resolution = own or next((f"{r.number}({r.year})" for r in resolutions), None)
    date = next((r.adopted for r in resolutions if r.adopted), facts.get("date"))
    votes: dict[str, Vote] = {}
    # The most direct record of a vote wins: a labelled list (a meeting record, a resolution
    # page), a member's own letter, the states listed after a count, what a speech says.
    cast = _cast(ctx, draft, resolution, date)
    ranked = (
        _listed(ctx, draft, resolution, date, LIST_LABEL)
        + [vote for vote, in_letter in cast if in_letter]
        + _listed(ctx, draft, resolution, date, COUNT_LIST)
        + [vote for vote, _ in cast]
    )
    for vote in ranked:
        votes.setdefault(vote.state, vote)
    tallies = _tallies(ctx, draft, resolution)
    return {"votes": tuple(votes.values()), "vote_tallies": tallies}


def _own_resolution(facts: dict[str, Any]) -> str | None:
    m = patterns.RES_SYMBOL.fullmatch(facts.get("symbol") or "")
    return patterns.res_key(m[1], m[2]) if m else None


def _cast(
    ctx: Context, draft: str | None, resolution: str | None, date: str | None
) -> list[tuple[Vote, bool]]:
    """``X对...决议草案投赞成票``, each with whether it stands in a member's own dated letter."""
    out = []
    for m in list(CAST.finditer(ctx.text)) + list(ABSENT.finditer(ctx.text)):
        start, _ = ctx.sentence_bounds(m.start())
        state = _voter(ctx, start, m.start())
        section = ctx.section_at(m.start())
        state = state or (section.sender_state if section else None)
        if state is None:
            continue
        value = VALUES[m[1] or m[2]] if m.re is CAST else "absent"
        when = section.date if section else date
        vote = Vote(state, value, draft, resolution, when, None, ctx.evidence(start, m.end()))
        out.append((vote, bool(section and section.date)))
    return out


def _voter(ctx: Context, start: int, end: int) -> str | None:
    """The subject of ``X对…投…票``: a state right before ``对``, else the nearest state that is
    not among the draft's sponsors (``德国和比利时提交的``)."""
    sponsors: set[int] = set()
    for m in SUBMITTER.finditer(ctx.text, start, end):
        sponsors.update(s.start for s in ctx.chain_before(m.start()))
    candidates = [s for s in ctx.states_in(start, end) if s.start not in sponsors]
    for state in candidates:
        if SUBJECT.match(ctx.text, state.end):
            return state.key
    return candidates[-1].key if candidates else None


def _listed(
    ctx: Context,
    draft: str | None,
    resolution: str | None,
    date: str | None,
    label: re.Pattern[str],
) -> list[Vote]:
    """``赞成:15票(比利时、中国、...)``: the states listed after each label."""
    out = []
    for m in label.finditer(ctx.text):
        position = m.end()
        for state in ctx.states_in(m.end(), m.end() + LIST_SPAN):
            if not SEPARATOR.match(ctx.text[position : state.start]):
                break
            out.append(
                Vote(
                    state.key,
                    VALUES[m[1]],
                    draft,
                    resolution,
                    date,
                    None,
                    ctx.evidence(state.start, state.end),
                )
            )
            position = state.end
    return out


def _tallies(ctx: Context, draft: str | None, resolution: str | None) -> tuple[VoteTally, ...]:
    out = []
    for m in TALLY_INLINE.finditer(ctx.text):
        counts = [patterns.cn_number(g) for g in m.groups()]
        if None not in counts:
            yes, no, abstain = (int(c or 0) for c in counts)
            out.append(
                VoteTally(resolution, draft, yes, no, abstain, ctx.evidence(m.start(), m.end()))
            )
    for m in TALLY_YES_ONLY.finditer(ctx.text):
        only_yes = patterns.cn_number(m[1])
        if only_yes is not None:
            evidence = ctx.evidence(m.start(), m.end())
            out.append(VoteTally(resolution, draft, only_yes, 0, 0, evidence))
    labels = {m[1]: m for m in LIST_LABEL.finditer(ctx.text) if m[2]}
    if "赞成" in labels:
        stated = {VALUES[k]: patterns.cn_number(v[2]) or 0 for k, v in labels.items()}
        first = min(v.start() for v in labels.values())
        last = max(v.end() for v in labels.values())
        out.append(
            VoteTally(
                resolution,
                draft,
                stated.get("yes", 0),
                stated.get("no", 0),
                stated.get("abstain", 0),
                ctx.evidence(first, last),
            )
        )
    unique = {(t.resolution, t.draft, t.yes, t.no, t.abstain): t for t in out}
    return tuple(unique.values())
