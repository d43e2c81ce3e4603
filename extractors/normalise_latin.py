"""Normalise a Latin text (no character from U+2E80 on, no name dot) in whole-text passes.

Why apart, and why so: every English document passes here, and cleaning it line by line in
Python cost more than a plain tokenizer pass over the same text. Such a text needs none of the
Chinese repairs: its lines are kept whole, cleaned of the white space that changes, and joined
by a break unless ``normalise._between`` says otherwise. The clean text and the offset map are
the line-by-line path's (``normalise._read_lines`` and ``_join``), character for character and
offset for offset; ``tests/extractors/test_normalise.py`` holds the two side by side.

How: the text is split at its breaks once, and the kept lines, their bounds and the offset
map's runs come from passes that run in C over all the lines (``map``, ``accumulate``,
``compress``, slice assignment), not from a Python loop per line. Python code runs only for
what is rare, each found by one pattern over the whole text that opens with a literal character
(so that the regex engine skips to it at once): a line that may be page furniture, white space
inside a line that cleaning changes, and a line break that may be no break. The offset map
has one run a line (``Origin`` reads each break at its line's last character), plus one for
each cleaned gap inside a line and each break read as a space: a PDF's text ends most lines
with a space, so every line shifts, and a run a line (not two) halves the lists built.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, repeat
from operator import add, not_, sub

from unsckg.extractors.name_starts import Traces
from unsckg.extractors.normalise import (
    _LINK,
    _SYMBOL_FIRST,
    _SYMBOL_OPEN,
    _SYMBOL_REST,
    _TERMINAL,
    LONG_LINE,
    Link,
    NormalisedText,
    Origin,
    _list_start,
    _symbol_line,
    has_leaders,
    is_page_furniture,
    is_wide,
    is_wrapped,
    joined_at,
)
from unsckg.extractors.script import Script

# How a line that may be a link, page furniture or a running header opens (what every pattern
# of ``_LINK``, ``is_page_furniture`` and ``_symbol_line`` needs at its start, CJK apart): a
# number followed by a dash, a slash, white space or the line's end, a symbol, a link, a
# barcode, a dashed page number, ``Please recycle``, the cover's ``United Nations``. Found
# after the line's break and its white space, over ``"\n" + text``.
_DROPPABLE = (
    r"(?:\d+(?=[-/／\s]|\Z)|[SA]/|https?://|mailto:|\*\d|-\s*\d|Please recycle|United Nations)"
)
# The first character after the break is tried first, as a class (what ``_DROPPABLE``'s
# branches open with, or white space): most lines are turned down by it, before the branches.
_CANDIDATE = re.compile(rf"\n(?=[\s\dSAhm*\-PU])[^\S\n]*(?={_DROPPABLE})")
# The white space other than a space and a line break (``str.isspace``), outside the CJK blocks.
_ODD_CHARS = "\t\x0b\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f" + "".join(
    map(chr, range(0x2000, 0x200B))
)
# White space within a line: a run next to a wide character starts or ends with one.
_INLINE_SPACE = frozenset(" " + _ODD_CHARS)
_ODD_ASCII = "".join(char for char in _ODD_CHARS if char.isascii())
# The two odd white space characters that ``str`` searches slowly in a text of two-byte
# characters (``str.find`` scans for the low byte with ``memchr`` and checks each hit: U+2000's
# is the high byte of every ASCII character, U+200A's that of a break), and ``re`` finds as
# literals at one comparison a character; the others, which ``str`` finds at once.
_ODD_SLOW = (re.compile("\u2000"), re.compile("\u200a"))
_ODD_FAST = "".join(char for char in _ODD_CHARS if char not in "\u2000\u200a")
_ODD_SPACE = re.compile(r"[^\S \n]+")
# Two spaces, as a literal: ``re`` finds it (or its absence) in half the time ``str`` does,
# whose search stops at every space of the text (3.4 against 7.7 us on a page of English).
# (``"  +"`` is no literal: its search tries the repetition at every space, twice as slow.)
TWO_SPACES = re.compile("  ")
# The same at the start of a run of white space inside a line, the run read to its end: only
# such a run may be one that cleaning changes (``_changed_run``). One at a line's edge (a
# page's text padded with spaces) is left to ``_kept_lines``, and not read in Python; a run
# that opens with other white space is found as such (``_ODD_SPACE``). The two spaces open
# the pattern, so that it stays a literal for ``re``.
_INNER_SPACES = re.compile(r"  (?<!\s  )[^\S\n]*+(?!\n|\Z)")
# The wide characters of a Latin text (``is_wide``): white space next to one is removed.
_LATIN_WIDE = "“”‘’—…"
# White space a PDF leaves between the parts of a symbol before its number (``S/ PV.8703``),
# within one line (``normalise._SYMBOL_GAP``): removed. Opens with ``S``, a literal.
_HORIZONTAL = r"[^\S\n]"
_LATIN_GAP = re.compile(
    rf"S(?<![A-Za-z]S){_HORIZONTAL}?/{_HORIZONTAL}?"
    rf"(?:(?:PV|RES|PRST){_HORIZONTAL}?[./]{_HORIZONTAL}?)?\d"
)
_SPACES = re.compile(r"\s+")
# Blank lines: two breaks or more (the text has no white space at a line's edge).
_BLANKS = re.compile("\n\n+")
# White space at a line's edge, but for the line break: after a break, or before one (looked
# back at from the break, which the pattern opens with). A text without any has lines that
# need no stripping.
_EDGE_SPACE = re.compile(r"\n(?:(?=[^\S\n])|(?<=[^\S\n]\n))")
# White space at a line's start (but for the text's first line): after a break.
_INDENT = re.compile(r"\n[^\S\n]")
# A break where a symbol's first part may end (``normalise._SYMBOL_OPEN``: after a slash, or
# after a code's dot, ``S/PV.``) before what may be its rest (``normalise._SYMBOL_REST``):
# ``_between`` may join the two lines with nothing. A numbered paragraph after a sentence's
# full stop (``Council.`` + ``1. Decides``) is none.
# (The character before the break is tried first, as a class: most breaks follow neither.)
_SYMBOL_BREAK = re.compile(
    r"\n(?<=[/.]\n)(?:(?<=/\n)|(?<=[A-Z][A-Z]\.\n))(?=[A-Z]{2,5}[./]\d|\d{1,5}\b)"
)


@dataclass(slots=True)
class _Kept:
    """The kept lines: each one's clean characters and the original index of its first
    character; the runs that white space cleaned inside a line adds (``(offset in the clean
    line, original index)``, by line) and the original end of such a line's stripped text
    (any other line's is its start plus its length); what stands for a line's break where it
    is no break (a space or nothing), by line."""

    chars: list[str]
    starts: list[int]
    inner: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    edited_ends: dict[int, int] = field(default_factory=dict)
    joins: dict[int, str] = field(default_factory=dict)

    def end(self, index: int) -> int:
        """The original index just after line ``index``'s stripped text."""
        edited = self.edited_ends.get(index)
        return self.starts[index] + len(self.chars[index]) if edited is None else edited


def normalise_latin(original: str, prepared: str, script: Script) -> NormalisedText:
    """``normalise`` of a text without Chinese characters or name dots (see the docstring).

    Every line break is read as ``\\n``: the lines, and so the clean text, stay the same (a
    ``\\r\\n`` is a line and a blank one)."""
    lined = prepared
    if "\r" in lined or "\f" in lined:
        lined = lined.replace("\r", "\n").replace("\f", "\n")
    edits = _edits(lined)
    edged = bool(_EDGE_SPACE.search(lined)) or _horizontal(lined[:1]) or _horizontal(lined[-1:])
    dropped, links = _furniture(original, lined)
    if not edits and not edged:
        plain = _plain(lined, dropped)
        if plain is not None:
            return NormalisedText(original, *plain, tuple(links), script)
    kept = _kept_lines(lined, dropped, edged)
    if not kept.chars:
        return NormalisedText(original, "", Origin([], [], 0), tuple(links), script)
    _clean_inside(kept, lined, edits)
    text = "\n".join(kept.chars)
    lengths = list(map(len, kept.chars))
    line_starts = _starts(lengths)  # in ``text``
    kept.joins = _joins(kept, lined, text, lengths, line_starts)
    text, origin = _assembled(kept, text, lengths, line_starts)
    return NormalisedText(original, text, origin, tuple(links), script)


def _starts(lengths: Iterable[int]) -> list[int]:
    """Where each of the lines of these ``lengths`` starts when they are joined by breaks, and
    where one after the last would. (``operator.add`` with a ``repeat``: a fifth faster than
    ``(1).__add__``, a method wrapper, over a record's twenty thousand lines.)"""
    return list(accumulate(map(add, lengths, repeat(1)), initial=0))


def _horizontal(char: str) -> bool:
    """Is ``char`` white space other than the line break?"""
    return char != "\n" and char.isspace()


def _plain(lined: str, dropped: list[tuple[int, int]]) -> tuple[str, Origin] | None:
    """The clean text and offsets of a text whose lines need no cleaning (no white space at
    their edges, none inside that changes), if no break in it may be joined; else None.

    Such a text's clean text is its lines without the blank and the dropped ones; where lines
    were one break apart they stay so, and one run of the offset map (which reads the clean
    text's breaks, ``Origin``) goes on across them: the runs start only where lines were cut
    out, and no line is visited at all."""
    size = len(lined)
    first, end = size - len(lined.lstrip("\n")), len(lined.rstrip("\n"))
    if first >= end:
        return "", Origin([], [], 0, "")  # breaks alone
    cuts = [(0, first), *(m.span() for m in _BLANKS.finditer(lined, first, end)), (end, size)]
    if dropped:  # each with the breaks around it
        cuts = _merged(cuts + [(max(a - 1, 0), min(b + 1, size)) for a, b in dropped])
    bounds = list(chain.from_iterable(cuts))
    kept_starts, kept_ends = bounds[1:-1:2], bounds[2::2]  # what lies between the cuts
    pieces = list(map(lined.__getitem__, map(slice, kept_starts, kept_ends)))
    text = "\n".join(pieces)
    if _SYMBOL_BREAK.search(text) or not (text.isascii() or not _wrapped_lines(text)):
        return None  # a break that ``_between`` may join: the general path
    starts = _starts(map(len, pieces))
    starts.pop()
    return text, Origin(starts, list(map(sub, kept_starts, starts)), len(text), text)


def _merged(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans ``cuts`` sorted, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(cuts):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _wrapped_lines(text: str) -> bool:
    return bool(text) and _wrapped(list(map(len, text.split("\n"))), text)


def _kept_lines(lined: str, dropped: list[tuple[int, int]], edged: bool) -> _Kept:
    """The kept lines, stripped (only if some line has white space at its edge): blank lines
    and the ``dropped`` ones left out (as ``normalise._read_lines`` does).

    A PDF's text ends most lines with a space but indents few: every line is stripped at its
    end in one pass, and only the lines that open with white space (``_INDENT``, found over
    the whole text) at their start."""
    raw = lined.split("\n")
    line_starts = _starts(map(len, raw))
    stripped = list(map(str.rstrip, raw)) if edged else raw  # else every line is its own strip
    if edged:
        for index in _indented(lined, line_starts):
            line = stripped[index]
            stripped[index] = line.lstrip()
            line_starts[index] += len(line) - len(stripped[index])
    for start, _ in dropped:  # found among the lines' first starts: the same lines
        stripped[bisect_right(line_starts, start) - 1] = ""
    # an empty line is false: blank and dropped lines are left out in C
    return _Kept(list(filter(None, stripped)), list(compress(line_starts, stripped)))


def _indented(lined: str, line_starts: list[int]) -> list[int]:
    """The indices of the lines of ``lined`` (starting at ``line_starts``) that open with
    white space."""
    found = [bisect_right(line_starts, m.end() - 1) - 1 for m in _INDENT.finditer(lined)]
    return [0, *found] if _horizontal(lined[:1]) else found


def _furniture(original: str, lined: str) -> tuple[list[tuple[int, int]], list[Link]]:
    """The lines that are links, page furniture or running headers, as the spans of their
    stripped text; the links. Only the lines that open as one may (``_CANDIDATE``) are read,
    in text order; a line read before with the same own symbol is answered as before (a
    record's running header is the same line on every other page), by a table of this text."""
    dropped: list[tuple[int, int]] = []
    links: list[Link] = []
    own = ""  # the first line that is only a symbol gives the document's own
    seen: dict[tuple[str, str], tuple[str, bool]] = {}
    for match in _CANDIDATE.finditer("\n" + lined):
        start = match.end() - 1
        end = lined.find("\n", start)
        line = lined[start : end if end >= 0 else len(lined)].rstrip()
        end = start + len(line)
        if line[0] in "hm" and _LINK.match(line):  # ``http``, ``mailto``
            links.append(Link(original[start:end], start, end))
        else:
            known = seen.get((line, own))
            if known is None:
                known = seen[line, own] = _furniture_line(line, own)
            own, drop = known
            if not drop:
                continue
        dropped.append((start, end))
    return dropped, links


def _furniture_line(line: str, own: str) -> tuple[str, bool]:
    """The own symbol after ``line`` is read, and whether the line is page furniture or a
    running header."""
    if is_page_furniture(line):
        return own, True
    if line[0] in _SYMBOL_FIRST and "/" in line:  # every symbol has its slash
        return _symbol_line(line, own)
    return own, False


def _clean_inside(kept: _Kept, lined: str, edits: dict[int, tuple[int, bool]]) -> None:
    """Clean the white space inside the kept lines that cleaning changes (``edits``): rewrite
    those lines and record the runs of the offset map their edits add."""
    by_line: dict[int, list[int]] = {}
    for at in sorted(edits):
        index = bisect_right(kept.starts, at) - 1
        if index >= 0 and at < kept.end(index):  # else white space of a dropped line
            by_line.setdefault(index, []).append(at)
    for index, ats in by_line.items():
        end = kept.end(index)
        kept.chars[index], kept.inner[index] = _line_edited(
            lined, kept.starts[index], end, [(a, *edits[a]) for a in ats]
        )
        kept.edited_ends[index] = end


def _line_edited(
    lined: str, start: int, end: int, edits: list[tuple[int, int, bool]]
) -> tuple[str, list[tuple[int, int]]]:
    """The line ``lined[start:end]`` with its ``edits`` (white space ``[a, b)`` replaced by a
    space or by nothing), and the runs after its first: ``(offset in the line, original)``."""
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    length, cursor = 0, start
    for a, b, space in edits:
        pieces.append(lined[cursor:a])
        length += a - cursor
        if space:
            pieces.append(" ")
            runs.append((length, a))
            length += 1
        runs.append((length, b))
        cursor = b
    pieces.append(lined[cursor:end])
    return "".join(pieces), runs


def _edits(text: str, *, traced: bool = True) -> dict[int, tuple[int, bool]]:
    """The white space inside lines that cleaning changes (``normalise._CHANGED_SPACE``), by
    where it starts: its end, and whether a space stands for it (a run next to a wide
    character, or inside a symbol (``_LATIN_GAP``), is removed).

    Why so: a pattern that tries every space costs more than the rest of normalisation, so
    only what cannot be a plain single space is looked for (two spaces, other white space, the
    wide characters), and its run of white space is then read around it."""
    held = _space_traces(text) if traced else None
    starts = _space_starts(text, held)
    if not text.isascii() and any(map(text.__contains__, _LATIN_WIDE)):
        starts += _around_wide(text)
    edits: dict[int, tuple[int, bool]] = {}
    end = 0
    for at in sorted(starts):  # each inside a run: the run is read at the first only
        if at < end:
            continue
        a, end = _horizontal_run(text, at)
        changed = _changed_run(text, a, end)
        if changed is not None:
            edits[a] = (end, changed)
    if "/" in text and (held is None or _GAP_HELD in held):
        for symbol in _LATIN_GAP.finditer(text):
            for gap in _SPACES.finditer(text, symbol.start(), symbol.end()):
                edits[gap.start()] = (gap.end(), False)
    return edits


# Two spaces, a symbol's gap (``_GAP_TRACE``) and the ASCII odd white space (``_ODD_ASCII``),
# looked for in one Hyperscan pass: most texts hold none, and ``re`` finds two spaces missing
# by a scan that stops at every space (8 against 3 us a resolution of 7 KB, the odd ones
# included), ``_LATIN_GAP`` stops at every ``S``. A text beyond ASCII is read so too (its
# encoding for Hyperscan costs more, 4 us a resolution, but its ``str`` searches for two
# spaces cost more still: 13 against 7 us for a pass and its encoding).
_WHITE_READ = r"[\t\x0b\x0c\r \x1c-\x1f?]"  # ``_HORIZONTAL`` as Hyperscan reads it
_CODE = r"(?:PV|RES|PRST)"
# ``_LATIN_GAP`` with white space somewhere in it (where it adds an edit), a digit as read
# (``[0-9?]``), its lookbehind left out: every match that adds an edit holds it.
_GAP_TRACE = (
    rf"S(?:{_WHITE_READ}/{_WHITE_READ}?(?:{_CODE}{_WHITE_READ}?[./]{_WHITE_READ}?)?"
    rf"|/{_WHITE_READ}(?:{_CODE}{_WHITE_READ}?[./]{_WHITE_READ}?)?"
    rf"|/{_CODE}(?:{_WHITE_READ}[./]{_WHITE_READ}?|[./]{_WHITE_READ}))[0-9?]"
)
_SPACE_TRACES = Traces(["  ", _GAP_TRACE, *(f"\\x{ord(char):02x}" for char in _ODD_ASCII)])
_TWO_SPACES_HELD, _GAP_HELD = 0, 1  # their indexes among them; the odd ones come after
_NOT_ODD = frozenset({_TWO_SPACES_HELD, _GAP_HELD})
# The odd white space characters beyond ASCII that ``str`` finds at once (``_ODD_FAST``).
_ODD_FAST_WIDE = "".join(char for char in _ODD_FAST if not char.isascii())


def _space_traces(text: str) -> frozenset[int] | None:
    """The ``_SPACE_TRACES`` ``text`` holds (None without Hyperscan)."""
    return _SPACE_TRACES.held(text) if _SPACE_TRACES.available else None


def _space_starts(text: str, held: frozenset[int] | None = None) -> list[int]:
    """Where white space inside a line that cleaning may change starts: two spaces
    (``_INNER_SPACES``) or odd white space (``_ODD_SPACE``), each looked for only in a text
    that holds some (``held``, the text's ``_SPACE_TRACES``; without it, ``_odd_space``)."""
    inner = held is None or _TWO_SPACES_HELD in held  # two spaces, where ``_INNER_SPACES`` opens
    starts = [m.start() for m in _INNER_SPACES.finditer(text)] if inner else []
    if _odd_space(text) if held is None else bool(held - _NOT_ODD) or _odd_wide(text):
        starts += _odd_starts(text)
    return starts


# Every white space character but the space and the break (``_ODD_SPACE``'s): the odd ones,
# and those a Latin path's text never holds (a carriage return or form feed is a break by
# then, ``\u3000`` is CJK), so that ``_odd_starts`` answers for any text. The slow ones
# (``_ODD_SLOW``) are found by ``re``, as literals.
_ODD_FOUND = _ODD_FAST + "\x0c\r"
_ODD_FOUND_SLOW = (*_ODD_SLOW, re.compile("\u3000"))


def _odd_starts(text: str) -> list[int]:
    """Where each character of ``_ODD_SPACE`` stands in ``text``, character by character
    (not in text order). Each is a start of the run it stands in as much as the run's first:
    ``_edits`` reads the run around it, keyed by where the run starts. Why: ``_ODD_SPACE``, a
    class, is tried at every character of the text (43 us on a resolution of 4 KB with a
    no-break space after each sentence), where ``str.find`` skips to each character in C
    (9 us)."""
    found: list[int] = []
    for char in _ODD_FOUND:  # a character wider than the text's own: answered at once
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    for pattern in _ODD_FOUND_SLOW:
        found += [m.start() for m in pattern.finditer(text)]
    return found


def _odd_wide(text: str) -> bool:
    """Does ``text`` hold odd white space beyond ASCII (the ASCII ones are traced)?"""
    if text.isascii():
        return False
    if any(map(text.__contains__, _ODD_FAST_WIDE)):
        return True
    return any(pattern.search(text) for pattern in _ODD_SLOW)


def _odd_space(text: str) -> bool:
    """Does ``text`` hold white space other than a space or a break (``_ODD_CHARS``)? An
    ASCII text is searched for the ASCII ones alone (the others are not looked for); any
    other for each, by ``str`` but for the two ``_ODD_SLOW``. Why not ``isprintable`` (every
    such character is unprintable): it reads each character's class in the Unicode database,
    twice the time of the searches on a record."""
    if text.isascii():
        return any(map(text.__contains__, _ODD_ASCII))
    if any(map(text.__contains__, _ODD_FAST)):
        return True
    return any(pattern.search(text) for pattern in _ODD_SLOW)


def _around_wide(text: str) -> list[int]:
    """The positions just before and after each wide character that hold white space (by
    character, not in text order: the edits are keyed by position; a run that touches no
    wide character is found, if it changes, as two spaces or odd white space). Each character
    is found by ``str.find``, a ``memchr``-like scan: a class of the six in ``re`` is tried at
    every position (0.5 ms on a 100 KB record, against 0.05 ms)."""
    size = len(text)
    starts: list[int] = []
    for wide in _LATIN_WIDE:
        at = text.find(wide)
        while at >= 0:
            starts += (at - 1, at + 1)
            at = text.find(wide, at + 1)
    return [at for at in starts if 0 <= at < size and text[at] in _INLINE_SPACE]


def _changed_run(text: str, a: int, b: int) -> bool | None:
    """For the run of white space ``text[a:b]`` inside a line, whether a space stands for it
    once cleaned; ``None`` if cleaning leaves it (a single space between narrow characters) or
    it is none of cleaning's changes inside a line (empty, or at the line's edge)."""
    if a == b or not a or b == len(text) or text[a - 1] == "\n" or text[b] == "\n":
        return None
    wide = is_wide(text[a - 1]) or is_wide(text[b])
    if wide or b - a > 1 or text[a] != " ":
        return not wide
    return None


def _horizontal_run(text: str, at: int) -> tuple[int, int]:
    """The run of white space within a line around ``at`` (empty if ``at`` is none)."""
    a = b = at
    while a > 0 and text[a - 1] != "\n" and text[a - 1].isspace():
        a -= 1
    while b < len(text) and text[b] != "\n" and text[b].isspace():
        b += 1
    return a, b


def _joins(
    kept: _Kept, lined: str, text: str, lengths: list[int], line_starts: list[int]
) -> dict[int, str]:
    """What stands for a kept line's break where ``_between`` says it is no break (a space or
    nothing), by line (``text`` is the lines joined by breaks, each starting at
    ``line_starts``). Asked only where it may not say ``\n``: after a line that ends a broken
    symbol's first part, and, in a text wrapped at a page's width, after a line outside ASCII
    (in a text of one line per paragraph every line opens a paragraph)."""
    chars = kept.chars
    asked = _symbol_breaks(text, line_starts)
    wrapped = None
    if not text.isascii():
        wrapped = _wrapped(lengths, text)
        if wrapped:
            # the last line has no break after it
            outside = list(compress(range(len(chars) - 1), map(not_, map(str.isascii, chars))))
            asked = sorted({*asked, *outside}) if asked else outside
    if not asked:
        return {}
    if wrapped is None:
        wrapped = _wrapped(lengths, text)
    joins: dict[int, str] = {}
    for index in asked:
        start = kept.starts[index + 1]
        indented = start > 0 and lined[start - 1] != "\n"  # white space before the line
        joiner = latin_between(chars[index], chars[index + 1], indented, wrapped)
        if joiner != "\n":
            joins[index] = joiner or ""
    return joins


def latin_between(previous: str, line: str, indented: bool, wrapped: bool) -> str | None:
    """``normalise._between(previous, _Line(line, [], indented, False), wrapped=wrapped,
    stopped=False, cjk=False)`` for two lines of a Latin text, in fewer steps.

    Why: a wrapped record asks it after each of its lines outside ASCII, a thousand a long
    record, and the general rule's record and calls cost more than its tests. What a Latin
    line cannot hold is not tested: a heading's ending and a name's dot (Chinese characters
    and name dots keep a text from this path). ``tests/extractors/test_normalise_latin.py``
    holds the two side by side."""
    if previous[-1] in "/." and _SYMBOL_OPEN.search(previous) and _SYMBOL_REST.match(line):
        return None  # a symbol broken at the line's end
    if indented or not wrapped or previous.isascii():
        return "\n"
    return _latin_joiner(previous, line)


def _latin_joiner(previous: str, line: str) -> str | None:
    """``normalise._joiner(previous, line)`` for a ``previous`` line outside ASCII of a Latin
    text (``latin_between``)."""
    if len(previous) < LONG_LINE or previous[-1] in _TERMINAL:
        return "\n"
    head = line[:40]
    if _list_start(head) or has_leaders(previous) or has_leaders(line):
        return "\n"
    return joined_at(previous[-1], head[0])


def _symbol_breaks(text: str, line_starts: list[int]) -> list[int]:
    """The lines whose break may split a symbol (``_SYMBOL_BREAK``), in order."""
    # the line whose break is at ``at`` is the last to start at or before it
    return [bisect_right(line_starts, m.start()) - 1 for m in _SYMBOL_BREAK.finditer(text)]


def _wrapped(lengths: list[int], text: str) -> bool:
    """``is_wrapped`` over the lines without dot leaders (none has any if the text has none),
    given the lengths of the lines of ``text``.

    The lines with leaders are found by searching ``text`` (``chars`` joined by breaks) for
    the leaders themselves, not by asking each line: a record's cover has leaders, and a test
    of every line of a long record cost as much as a tokenizer's pass over a tenth of it."""
    if has_leaders(text):
        keep = [True] * len(lengths)
        for index in _leader_lines(text):
            keep[index] = False
        lengths = list(compress(lengths, keep))
    return is_wrapped(lengths)


# What ``has_leaders`` finds in a line, each without a break: a line holds one if it has dot
# leaders (``"…" in line and "……" in line`` is ``"……" in line``).
_LEADER_MARKS = ("....", "……", "····")


def _leader_lines(text: str) -> set[int]:
    """The indices of the lines of ``text`` that have dot leaders (``has_leaders``): each
    mark is searched for from the end of the last line found to hold it, and a line's index
    is the count of breaks before it, counted on from the previous find."""
    found: set[int] = set()
    for mark in _LEADER_MARKS:
        index, counted, at = 0, 0, text.find(mark)
        while at >= 0:
            index += text.count("\n", counted, at)
            found.add(index)
            counted = text.find("\n", at)
            if counted < 0:
                break
            at = text.find(mark, counted)
    return found


def _assembled(
    kept: _Kept, text: str, lengths: list[int], line_starts: list[int]
) -> tuple[str, Origin]:
    """The clean text (``text``, the lines joined by breaks, with ``kept.joins`` in place of
    theirs) and its offset map as runs: one a line, at a fixed shift from the original, its
    break read at the line's last character (``Origin`` given the text); plus the runs its
    cleaned white space adds, and one for a space that stands for its break."""
    joins = kept.joins
    starts = line_starts[:-1]
    if joins:
        text = _joined(text, line_starts, joins)
        if "" in joins.values():  # the lines after a break left out start earlier
            sizes = [1] * len(lengths)
            for index, joiner in joins.items():
                sizes[index] = len(joiner)
            starts = list(accumulate(map(add, lengths, sizes), initial=0))[:-1]
    shifts = list(map(sub, kept.starts, starts))
    if kept.inner or " " in joins.values():
        starts, shifts = _with_extra_runs(kept, starts, shifts)
    return text, Origin(starts, shifts, len(text), text)


def _joined(text: str, line_starts: list[int], joins: dict[int, str]) -> str:
    """``text`` with the break after each line of ``joins`` replaced by its joiner: a piece
    a join, not one a line."""
    pieces: list[str] = []
    done = 0
    for index in sorted(joins):
        at = line_starts[index + 1] - 1  # the break
        pieces += (text[done:at], joins[index])
        done = at + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _with_extra_runs(
    kept: _Kept, starts: list[int], shifts: list[int]
) -> tuple[list[int], list[int]]:
    """The runs (one a line) with those that follow a line's first put after it: the runs of
    its cleaned white space, and one for a space in place of its break, read at the line's
    last character. In one pass, a slice of the runs between two such lines at a time (an
    insertion per line would be quadratic in a long text)."""
    inner, joins = kept.inner, kept.joins
    new_starts: list[int] = []
    new_shifts: list[int] = []
    done = 0
    for index in sorted(inner.keys() | joins.keys()):
        at, base = index + 1, starts[index]
        new_starts += starts[done:at]
        new_shifts += shifts[done:at]
        for offset, origin in inner.get(index, ()):
            new_starts.append(base + offset)
            new_shifts.append(origin - base - offset)
        if joins.get(index) == " ":
            end = base + len(kept.chars[index])
            new_starts.append(end)
            new_shifts.append(kept.end(index) - 1 - end)
        done = at
    return new_starts + starts[done:], new_shifts + shifts[done:]
