"""English representatives: everyone who signs for a state, and the author of the letter."""

from __future__ import annotations

import re
from dataclasses import replace

from unsckg.extractors.document import Context
from unsckg.extractors.en.metadata import SIGNED
from unsckg.extractors.en.names import MONTHS, state_key
from unsckg.extractors.facts import Person
from unsckg.extractors.found import Found

LETTER_FROM = re.compile(
    rf"Letter dated (\d{{1,2}} (?:{MONTHS}) \d{{4}}) from the [^\n]{{0,80}}? of "
    rf"(?P<state>[^\n]{{2,80}}?) to the United Nations"
)


def extract(ctx: Context, found: Found) -> Found:
    """Each signature, under the state of the letter it closes."""
    letters = [(m.start(), state_key(m["state"])) for m in LETTER_FROM.finditer(ctx.text)]
    out: dict[tuple[str, str], Person] = {}
    for m in SIGNED.finditer(ctx.text):
        state = next((s for start, s in reversed(letters) if start <= m.start()), None)
        if state:
            role = "Permanent Representative" if "Permanent Representative" in m["titles"] else None
            person = Person(m["name"].strip(), state, role, ctx.evidence(m.start(), m.end("name")))
            out.setdefault((person.name or "", state), person)
    return replace(found, representatives=tuple(out.values()))
