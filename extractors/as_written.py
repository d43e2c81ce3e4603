"""Values as written: a traditional-script document's names and titles back in its own script.

Why: normalisation converts a traditional-script text to simplified so that one Chinese pack
reads both, but a fact's value is what the document itself writes (``納比勒·阿拉比``, not
``纳比勒·阿拉比``). Conversion keeps the text's length character for character, so the
document itself says which traditional character each simplified one stands for: the map is
read off the clean text and the original through the offset map, and the most frequent
reading in the document wins where a simplified character stands for several.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from unsckg.extractors.facts import Briefer, Meeting, Person
from unsckg.extractors.found import Found
from unsckg.extractors.language import is_han
from unsckg.extractors.normalise import NormalisedText


def script_map(norm: NormalisedText) -> dict[str, str]:
    """Each simplified Han character of the clean text to the traditional one it stands for."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for clean, at in zip(norm.text, norm.origin, strict=False):
        written = norm.original[at]
        if clean != written and is_han(clean) and is_han(written):
            seen[clean][written] += 1
    return {clean: counts.most_common(1)[0][0] for clean, counts in seen.items()}


def _back(value: str | None, table: dict[int, str]) -> str | None:
    return None if value is None else value.translate(table)


def _person(person: Person | None, table: dict[int, str]) -> Person | None:
    return None if person is None else replace(person, name=_back(person.name, table))


def _briefer(briefer: Briefer, table: dict[int, str]) -> Briefer:
    return replace(
        briefer,
        name=_back(briefer.name, table),
        title=_back(briefer.title, table),
        organization=_back(briefer.organization, table),
    )


def _meeting(meeting: Meeting, table: dict[int, str]) -> Meeting:
    return replace(
        meeting,
        theme=tuple(t.translate(table) for t in meeting.theme),
        agenda_item=_back(meeting.agenda_item, table),
        chair=_back(meeting.chair, table),
        briefers=tuple(_briefer(b, table) for b in meeting.briefers),
    )


def in_original_script(found: Found, norm: NormalisedText) -> Found:
    """The found facts with their written values (names, titles, themes, agenda items) in the
    script of a traditional-script original; anything else as it is."""
    if norm.script != "Hant":
        return found
    table = str.maketrans(script_map(norm))
    return replace(
        found,
        author=_person(found.author, table),
        meetings=tuple(_meeting(m, table) for m in found.meetings),
        representatives=tuple(p for p in (_person(r, table) for r in found.representatives) if p),
        explanations_of_vote=tuple(
            replace(e, speaker=_back(e.speaker, table)) for e in found.explanations_of_vote
        ),
        chair_person=_person(found.chair_person, table),
    )
