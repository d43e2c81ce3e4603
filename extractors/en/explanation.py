"""English meeting records: the explanations of vote, the members' speeches around a vote.

Why by position and not by words: a member explains its vote in the part of the record the
President opens for it (``those members … who wish to make statements before the voting`` /
``after the voting``), right before or right after the roll-call; what the member says varies
without end, where it stands does not. The part after a vote ends where the meeting rises, turns
to its agenda again, comes to the next vote, or gives the floor to someone who has no vote (a
briefer, a state invited under rule 37). The President speaks for the presiding state only
after saying so (``in my capacity as the representative of Viet Nam``).
"""

from __future__ import annotations

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en import record, speakers
from unsckg.extractors.en.roll_call import RollCall, roll_calls
from unsckg.extractors.facts import ExplanationOfVote
from unsckg.extractors.found import Found

WORDINGS = record.WORDINGS


def extract(ctx: Context, found: Found) -> Found:
    """The explanations around each roll-call of a record; other documents as they were."""
    cover = record.cover(ctx)
    if cover is None:
        return found
    text = record.flat(ctx.text)
    calls = roll_calls(ctx)
    out: dict[tuple[str, str | None], ExplanationOfVote] = {}
    previous = 0
    for i, call in enumerate(calls):
        following = calls[i + 1].start if i + 1 < len(calls) else len(text)
        for start, end in (_before(text, previous, call), _after(ctx, text, call, following)):
            for turn in speakers.turns(ctx):
                if start <= turn.start < end:
                    explained = _explained(ctx, text, cover, turn, call)
                    if explained:
                        out.setdefault((explained.state, explained.speaker), explained)
        previous = call.end
    return found.but(explanations_of_vote=tuple(out.values()))


def _before(text: str, previous: int, call: RollCall) -> tuple[int, int]:
    """From the President's call for statements before the voting to the roll-call."""
    opened = None
    for hit in WORDINGS["before_vote"].finditer(text, previous, call.start):
        opened = hit
    return (opened.end, call.start) if opened else (call.start, call.start)


def _after(ctx: Context, text: str, call: RollCall, following: int) -> tuple[int, int]:
    """From the outcome to the end of the members' speeches that follow it."""
    end = following
    closed = WORDINGS["phase_end"].search(text, call.end, following)
    if closed:
        end = closed.start
    again = WORDINGS["before_vote"].search(text, call.end, end)
    if again:
        end = again.start
    cover = record.cover(ctx)
    council = record.council(cover) if cover else frozenset()
    for turn in speakers.turns(ctx):
        if call.end < turn.start < end and not turn.presiding and turn.state not in council:
            return call.end, turn.start
    return call.end, end


def _explained(
    ctx: Context, text: str, cover: record.Cover, turn: speakers.Turn, call: RollCall
) -> ExplanationOfVote | None:
    """The member's explanation, or the President's once speaking for the presiding state."""
    state: str | None = turn.state
    speaker: str | None = turn.speaker
    if turn.presiding:
        chair = record.chair(cover)
        national = WORDINGS["national_capacity"].search(text, turn.start, turn.end)
        if chair is None or national is None:
            return None
        state, speaker = cover.president_state, chair.name
    if state is None or state not in record.council(cover):
        return None
    outcome = call.outcome
    resolution = None
    if outcome is not None and outcome.value == "adopted":
        number, year = outcome.slot("resolution"), outcome.slot("year")
        resolution = patterns.res_key(number, year) if number and year else None
    evidence = ctx.evidence(turn.start, turn.start + len(turn.speaker))
    return ExplanationOfVote(state, speaker, call.draft, resolution, evidence)
