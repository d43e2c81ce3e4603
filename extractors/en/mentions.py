"""English mentions: states named as countries, resolutions cited (``resolutions 2540 (2020)
and 2565 (2021)``), other documents cited by symbol (shared patterns)."""

from __future__ import annotations

import re

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.names import states_in, word_starts
from unsckg.extractors.en.resolution import own_key
from unsckg.extractors.facts import Mention
from unsckg.extractors.found import Found

# The word first, its word boundary looked at after it: a pattern opening with ``\b`` is tried
# at every position of the text.
RESOLUTION_REF = re.compile(
    r"resolution(?<=\bresolution)s? ((?:\d{1,4} ?\(\d{4}\)(?:,? (?:and )?)?)+)"
)
NUMBER_YEAR = re.compile(r"(\d{1,4}) ?\((\d{4})\)")


def extract(ctx: Context, found: Found) -> Found:
    states = states_in(ctx.text)
    first_named = {s.iso3: s for s in reversed(states)}.values()
    # ``(key, start, end)``: plain tuples, a resolution names half a dozen
    refs = [
        (patterns.res_key(n, y), *m.span(1))
        for m in resolution_refs(ctx.text)
        for n, y in NUMBER_YEAR.findall(m[1])
    ]
    key = own_key(found)
    if key:
        refs.insert(0, (key, 0, 1))
    cited = {value: (start, end) for value, start, end in reversed(refs)}  # each's first
    documents = {  # each symbol's first citation (the evidence made for it alone)
        d.value: d for d in reversed(patterns.cited_symbols(ctx.text)) if d.value != found.symbol
    }
    return found.but(
        states_mentioned=tuple(Mention(s.iso3, ctx.evidence(s.start, s.end)) for s in first_named),
        resolutions_cited=tuple(
            Mention(value, ctx.evidence(start, end)) for value, (start, end) in cited.items()
        ),
        documents_cited=tuple(
            Mention(d.value, ctx.evidence(d.start, d.end)) for d in reversed(documents.values())
        ),
    )


def resolution_refs(text: str) -> list[re.Match[str]]:
    """The matches of ``RESOLUTION_REF`` in ``text``, as its ``finditer`` gives them, each
    tried only where ``resolution`` stands (``names.word_starts``, from the one pass over the
    text): ``re``'s own search for the word cost half of it."""
    starts = word_starts(text, "resolution")
    if starts is None:
        return list(RESOLUTION_REF.finditer(text))
    return patterns.matches_at(RESOLUTION_REF, text, starts)
