"""English representatives: everyone who signs for a state, and the author of the letter; in a
meeting record, the President, the members' table of the cover and every speaker who speaks
for a state (a member, or a state invited under rule 37)."""

from __future__ import annotations

import re

from unsckg.extractors.document import Context
from unsckg.extractors.en import record, speakers
from unsckg.extractors.en.metadata import SIGNED
from unsckg.extractors.en.names import MONTHS, holds, state_key
from unsckg.extractors.facts import Person
from unsckg.extractors.found import Found

LETTER_FROM = re.compile(
    rf"Letter dated (\d{{1,2}} (?:{MONTHS}) \d{{4}}) from the [^\n]{{0,80}}? of "
    rf"(?P<state>[^\n]{{2,80}}?) to the United Nations"
)
PRESIDENT = "President of the Security Council"
MEMBER = "representative on the Council"
INVITED = "representative (rule 37)"


def extract(ctx: Context, found: Found) -> Found:
    """Each signature, under the state of the letter it closes (a record: its people)."""
    cover = record.cover(ctx)
    if cover is not None:
        return found.but(representatives=_in_record(ctx, cover))
    if not holds(ctx.text, "(Signed)"):  # no signature: nothing to read (``names.holds``)
        return found.but(representatives=()) if found.representatives else found
    letters = [(m.start(), state_key(m["state"])) for m in LETTER_FROM.finditer(ctx.text)]
    out: dict[tuple[str, str], Person] = {}
    for m in SIGNED.finditer(ctx.text):
        state = next((s for start, s in reversed(letters) if start <= m.start()), None)
        if state:
            role = "Permanent Representative" if "Permanent Representative" in m["titles"] else None
            person = Person(m["name"].strip(), state, role, ctx.evidence(m.start(), m.end("name")))
            out.setdefault((person.name or "", state), person)
    if not (out or found.representatives):
        return found  # no signature: a replace would copy the record for nothing
    return found.but(representatives=tuple(out.values()))


def _in_record(ctx: Context, cover: record.Cover) -> tuple[Person, ...]:
    """The cover's President and members, then the speakers for states, one per name and state."""
    council = record.council(cover)
    invited = speakers.invited_states(ctx)
    people = [
        Person(name, cover.president_state, PRESIDENT, cover.evidence) for name in cover.presidents
    ]
    people += [Person(m.name, m.state, MEMBER, m.evidence) for m in cover.members]
    for turn in speakers.turns(ctx):
        if turn.state is None:
            continue
        role = MEMBER if turn.state in council else INVITED if turn.state in invited else None
        evidence = ctx.evidence(turn.start, turn.start + len(turn.speaker))
        people.append(Person(turn.speaker, turn.state, role, evidence))
    out: dict[tuple[str, str | None], Person] = {}
    for person in people:
        out.setdefault((" ".join((person.name or "").split()), person.state), person)
    return tuple(out.values())
