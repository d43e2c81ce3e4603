"""A document's whole text with every extracted fact marked at its span.

The build keeps each document's text beside the store (:mod:`unsckg.graph.texts`), the very text
the evidence offsets count in, so the page can show all of it rather than only the quoted
spans. Spans may overlap (a vote's sentence inside a tally's); a ``<mark>`` cannot, so the
spans are marked first come, first served, and a span inside a mark already open gets an
empty anchor before that mark: every ``#span-<start>-<end>`` link still lands on its text.
Paragraphs get anchors too (``#text-<offset>``): search links to the paragraph it matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unsckg.server.pages.document_text import Span

_PARAGRAPH = re.compile(r"\n\s*\n|(?<=[。；！？])\n")


@dataclass
class Piece:
    """A run of text, marked (with its span) or not, and the anchors placed before it."""

    text: str
    span: Span | None = None
    anchors: list[str] = field(default_factory=list)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Each paragraph's (start, end): the search index and the page cut alike, so a search
    hit's link (``#text-<start>``) lands on the paragraph that matched."""
    found, start = [], 0
    for cut in [*_PARAGRAPH.finditer(text), None]:
        end = cut.start() if cut else len(text)
        if text[start:end].strip():
            found.append((start, end))
        start = cut.end() if cut else end
    return found


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """The text cut into plain and marked pieces, in order (see the module docstring)."""
    anchors: dict[int, list[str]] = {}
    for start, _ in paragraphs(text):
        anchors.setdefault(start, []).append(f"text-{start}")
    marks, reached = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start >= reached and span.end <= len(text) and span.end > span.start:
            marks.append(span)
            reached = span.end
        else:
            anchors.setdefault(min(span.start, len(text)), []).append(span.anchor)
    found: list[Piece] = []
    position = 0
    for mark in [*marks, None]:
        stop = mark.start if mark else len(text)
        found += _plain(text, position, stop, anchors)
        if mark is not None:
            inside = [a for at in range(mark.start, mark.end) for a in anchors.pop(at, [])]
            found.append(Piece(text[mark.start : mark.end], mark, inside))
            position = mark.end
    return found


def _plain(text: str, start: int, stop: int, anchors: dict[int, list[str]]) -> list[Piece]:
    """Unmarked text from ``start`` to ``stop``, cut where an anchor stands."""
    cuts = sorted(at for at in anchors if start <= at < stop)
    found, position = [], start
    for at in cuts:
        if at > position:
            found.append(Piece(text[position:at]))
        found.append(Piece("", None, anchors.pop(at)))
        position = at
    if stop > position:
        found.append(Piece(text[position:stop]))
    return found
