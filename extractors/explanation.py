"""Explanations of vote: statements a member makes about how and why it voted.

Why a speech counts only in a document about a vote: a heading such as
``印度尼西亚共和国常驻联合国代表迪安·特里安夏·查尼先生的发言`` explains a vote when the document
records votes or says the statements explain them (``解释投票``); elsewhere it is just a speech.
Where the votes are recorded, only a state that voted explains one: a non-member invited to the
meeting (rule 37) speaks after the vote without having cast one.
"""

from __future__ import annotations

import re
from typing import Any

from unsckg.extractors import gazetteer, representatives
from unsckg.extractors.document import Context
from unsckg.extractors.facts import ExplanationOfVote, Person

ABOUT_VOTE = re.compile(r"解释投票|投票理由|解释性发言|表决后发言|表决前发言")
# The President of a meeting speaking for their own state (``我现在以巴西代表的身份发言``): an
# explanation when that turn talks about the vote.
AS_NATIONAL = re.compile(
    r"^主席[^：:\n]{0,12}[:：][^\n。]{0,8}以(?P<who>[^\n。，]{2,30}?)的身份发言(?P<rest>[^\n]*)",
    re.MULTILINE,
)
ON_VOTE = re.compile(r"投(?:了)?(?:赞成|反对|弃权)票|表决")


def extract(ctx: Context, facts: dict[str, Any]) -> dict[str, Any]:
    if not (facts.get("votes") or ABOUT_VOTE.search(ctx.text)):
        return {"explanations_of_vote": ()}
    draft = next((v.draft for v in facts.get("votes", ()) if v.draft), None)
    resolution = next((v.resolution for v in facts.get("votes", ()) if v.resolution), None)
    out: list[ExplanationOfVote] = []
    seen: set[tuple[str, str | None]] = set()
    first_vote = min((v.evidence.start for v in facts.get("votes", ()) if v.evidence), default=0)
    record = facts.get("kind") == "meeting record"
    # only a member that voted explains its vote: a non-member invited to speak does not
    voters = {v.state for v in facts.get("votes", ())}
    speakers = representatives.speeches(ctx) + _president_as_national(ctx, facts)
    for person, position in speakers:
        key = (person.state or "", person.name)
        after_vote = ctx.norm.span(position, position + 1)[0] > first_vote
        member = not voters or person.state in voters
        if person.state and member and key not in seen and (after_vote or not record):
            seen.add(key)
            out.append(
                ExplanationOfVote(person.state, person.name, draft, resolution, person.evidence)
            )
    return {"explanations_of_vote": tuple(out)}


def _president_as_national(ctx: Context, facts: dict[str, Any]) -> list[tuple[Person, int]]:
    """The President's turns in national capacity that talk about the vote, as speeches of the
    presiding state (named as in the record's ``主席：`` line when the states agree)."""
    chair = facts.get("chair_person")
    out = []
    for m in AS_NATIONAL.finditer(ctx.text):
        state = gazetteer.first_state(m["who"])
        if state is None or not ON_VOTE.search(m["rest"]):
            continue
        name = chair.name if chair is not None and chair.state == state.key else None
        out.append((Person(name, state.key, None, ctx.evidence(m.start(), m.end())), m.start()))
    return out
