"""Meeting sections: the parts of a letter that describe each of the meetings it announces.

Why sections: a letter may announce two meetings (an open debate and, to prepare it, an
Arria-formula meeting), each in its own paragraph with its own date, theme, chair and speakers,
and often each with its own annexed concept note. Read over the whole text, the details of one
meeting leak into the other. A section is the text from the sentence that announces a meeting
to the sentence that announces the next one (or to the first annex), plus the annexes whose
title names that meeting (its theme, else its kind of meeting).

A section is read through a ``Context`` whose text keeps the document's length, everything
outside the section blanked by line breaks: every offset, hence every evidence span, stays that
of the document, and the sentence and line patterns of the extractors see the section alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from unsckg.extractors.document import Context

# An annex's heading line: ``…给秘书长的信的附件一``, ``附件二``, a bare ``附件``.
ANNEX = re.compile(
    r"^(?:[^\n]{0,80}的)?附件(?:[一二三四五六七八九十\d]{1,3})?[ \t]*$", re.MULTILINE
)
TITLE_LINES = 3  # the annex title is on the lines right after its heading
# The word an annex's title uses for each kind of meeting.
KIND_WORDS = (
    ("Arria", "阿里亚"),
    ("debate", "辩论"),
    ("briefing", "通报会"),
    ("consultations", "磋商"),
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Announced:
    """A meeting the letter announces: where its announcing sentence starts, what it is."""

    at: int  # clean offset of the start of its announcing sentence
    themes: tuple[str, ...] = ()
    format: str | None = None


def first_annex(ctx: Context) -> int:
    """Where the first annex starts (the end of the text if there is none)."""
    m = ANNEX.search(ctx.text)
    return m.start() if m else len(ctx.text)


def letter_spans(ctx: Context, starts: Sequence[int]) -> list[Span]:
    """Each announcing sentence to the next one; the last to the first annex after it."""
    annexes = [m.start() for m in ANNEX.finditer(ctx.text)]
    out = []
    for i, start in enumerate(starts):
        if i + 1 < len(starts):
            end = starts[i + 1]
        else:
            end = next((a for a in annexes if a > start), len(ctx.text))
        out.append(Span(start, end))
    return out


def annex_spans(ctx: Context) -> list[Span]:
    """Each annex, from its heading to the next annex's heading or the end of the text."""
    heads = [m.start() for m in ANNEX.finditer(ctx.text)]
    return [
        Span(head, heads[i + 1] if i + 1 < len(heads) else len(ctx.text))
        for i, head in enumerate(heads)
    ]


def _title(ctx: Context, annex: Span) -> str:
    """The annex's heading and the few lines after it, where its title is."""
    return "\n".join(ctx.text[annex.start : annex.end].split("\n")[: TITLE_LINES + 1])


def _kind_word(fmt: str | None) -> str | None:
    for kind, word in KIND_WORDS:
        if fmt and kind.lower() in fmt.lower():
            return word
    return None


def owner(ctx: Context, annex: Span, meetings: Sequence[Announced]) -> int:
    """The meeting an annex is about: the one whose theme its title quotes, else the only one
    whose kind of meeting its title names, else the first (the letter's main meeting)."""
    title = _title(ctx, annex)
    for i, meeting in enumerate(meetings):
        if any(theme in title for theme in meeting.themes):
            return i
    kinds = [i for i, m in enumerate(meetings) if (w := _kind_word(m.format)) and w in title]
    return kinds[0] if len(kinds) == 1 else 0


def sections(ctx: Context, meetings: Sequence[Announced]) -> list[list[Span]]:
    """For each announced meeting, its spans: its part of the letter and its annexes."""
    letters = letter_spans(ctx, [m.at for m in meetings])
    out = [[span] for span in letters]
    for annex in annex_spans(ctx):
        if annex.start >= letters[-1].end:
            out[owner(ctx, annex, meetings)].append(annex)
    return out


def limited(ctx: Context, spans: Sequence[Span]) -> Context:
    """A context that sees only ``spans`` of ``ctx``'s text, at the same offsets."""
    chars = ["\n"] * len(ctx.text)
    for span in spans:
        chars[span.start : span.end] = ctx.text[span.start : span.end]
    norm = replace(ctx.norm, text="".join(chars))
    return Context(ctx.source, norm, ctx.content_hash)
