"""Explanations of vote: statements a member makes about how and why it voted.

Why a speech counts only in a document about a vote: a heading such as
``印度尼西亚共和国常驻联合国代表迪安·特里安夏·查尼先生的发言`` explains a vote when the document
records votes or says the statements explain them (``解释投票``); elsewhere it is just a speech.
A non-member invited to the meeting (rule 37), or absent from the record's list of members,
speaks after the vote without having cast one: its statement explains nothing.
"""

from __future__ import annotations

import re

from unsckg.extractors import gazetteer
from unsckg.extractors.document import Context
from unsckg.extractors.facts import ExplanationOfVote, Person
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh import representatives
from unsckg.extractors.zh.slots import ZH_SLOTS

# The cues that a document or a turn is about a vote are wordings (``wordings/explanation.toml``):
# ``about_vote`` (the document says its statements explain votes), ``on_vote`` (a turn about the
# vote or the draft), ``will_vote`` (a member saying before the vote how it will vote).
WORDINGS = load_wordings("unsckg.extractors.zh", "explanation", ZH_SLOTS)
# The President of a meeting speaking for their own state (``我现在以巴西代表的身份发言``): an
# explanation when that turn talks about the vote.
AS_NATIONAL = re.compile(
    r"^主席[^：:\n]{0,12}[:：][^\n。]{0,8}以(?P<who>[^\n。，]{2,30}?)的身份发言(?P<rest>[^\n]*)",
    re.MULTILINE,
)
# The turn goes on over the following paragraphs up to the next speaker (``张军先生(中国)：``,
# ``主席(以英语发言)：``) or the President's return to the chair.
NEXT_TURN = re.compile(
    r"^[^\n：:。]{1,40}[:：]|恢复(?:行使)?(?:安理会|安全理事会)?主席(?:的)?职(?:能|务)",
    re.MULTILINE,
)
TURN_SPAN = 1200
# ``根据安理会暂行议事规则第37条，我邀请阿拉伯叙利亚共和国代表参加本次会议``
RULE_37 = re.compile(r"第\s*37\s*条[^。]{0,12}?邀请(?P<who>[^。]{2,200}?)参加")


def extract(ctx: Context, found: Found) -> Found:
    if not (found.votes or WORDINGS["about_vote"].search(ctx.text)):
        return found.but(explanations_of_vote=())
    draft = next((v.draft for v in found.votes if v.draft), None)
    resolution = next((v.resolution for v in found.votes if v.resolution), None)
    out: list[ExplanationOfVote] = []
    seen: set[tuple[str, str | None]] = set()
    for person in _explaining(ctx, found):
        key = (person.state or "", person.name)
        if person.state and key not in seen:
            seen.add(key)
            out.append(
                ExplanationOfVote(person.state, person.name, draft, resolution, person.evidence)
            )
    return found.but(explanations_of_vote=tuple(out))


def _explaining(ctx: Context, found: Found) -> list[Person]:
    """The speakers whose statements explain a vote: members of the Council who speak after
    it, or before it saying how they will vote; in a document that is no meeting record
    (a statement published on its own), every member that speaks."""
    first_vote = min((v.evidence.start for v in found.votes if v.evidence), default=0)
    record = found.kind == "meeting record"
    outsiders = non_members(ctx, found)
    out: list[Person] = []
    for person, position in representatives.speeches(ctx) + _president_as_national(ctx, found):
        if person.state in outsiders:
            continue
        after_vote = ctx.norm.span(position, position + 1)[0] > first_vote
        if after_vote or not record or _announces_vote(ctx, position):
            out.append(person)
    return out + _reported_explaining(ctx)


def _reported_explaining(ctx: Context) -> list[Person]:
    """A report's representatives named by their post in a sentence that says they explained
    the vote (``中国常驻联合国代表李保东大使在表决后作了解释性发言``)."""
    out = []
    for person, position in representatives.posted(ctx):
        start, end = ctx.sentence_bounds(position)
        if WORDINGS["about_vote"].search(ctx.text, start, end):
            out.append(person)
    return out


def _announces_vote(ctx: Context, position: int) -> bool:
    """Does the turn of the speaker whose heading is at ``position`` say how the member will
    vote (an explanation before the vote)?"""
    colon = re.compile(r"[:：]").search(ctx.text, position)
    return bool(colon and WORDINGS["will_vote"].search(_turn(ctx, colon.end())))


def _president_as_national(ctx: Context, found: Found) -> list[tuple[Person, int]]:
    """The President's turns in national capacity that talk about the vote or the draft, as
    speeches of the presiding state (named as in the record's ``主席：`` line when the states
    agree). A national statement on the topic alone explains no vote."""
    chair = found.chair_person
    out = []
    for m in AS_NATIONAL.finditer(ctx.text):
        state = gazetteer.first_state(m["who"])
        if state is None or not WORDINGS["on_vote"].search(_turn(ctx, m.start("rest"))):
            continue
        name = chair.name if chair is not None and chair.state == state.key else None
        out.append((Person(name, state.key, None, ctx.evidence(m.start(), m.end())), m.start()))
    return out


def _turn(ctx: Context, start: int) -> str:
    """The rest of a speaker's turn from ``start``: up to the next turn, within a page or so."""
    end = min(len(ctx.text), start + TURN_SPAN)
    stop = NEXT_TURN.search(ctx.text, start, end)
    return ctx.text[start : stop.start() if stop else end]


def invited(ctx: Context) -> set[str]:
    """The states invited under rule 37: never members of the Council at that meeting."""
    out: set[str] = set()
    for m in RULE_37.finditer(ctx.text):
        out.update(s.key for s in ctx.states_in(m.start("who"), m.end("who")))
    return out


def non_members(ctx: Context, found: Found) -> set[str]:
    """States that speak without a vote: invited under rule 37, seated at the table at the
    President's invitation (``应主席邀请，X先生(某国)在安理会议席就座``: members sit there by
    right), or missing from the members listed on a meeting record's cover (the President's
    state heads it on its own line)."""
    out = invited(ctx)
    out.update(p.state for p in representatives.seated(ctx) if p.state)
    members: set[str | None] = {p.state for p in representatives.members(ctx)}
    chair = found.chair_person
    members.add(chair.state if chair is not None else None)
    if len(members) >= 10:
        out.update(s.key for s in ctx.states if s.key not in members)
    return out
