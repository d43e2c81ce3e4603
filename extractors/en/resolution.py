"""English resolutions: the resolution a text prints (its heading and its adoption sentence), or
those a letter reports adopted on a date (``resolution 2565 (2021), adopted on 26 February 2021``).

A resolution text names itself in a heading whose layout depends on its source (``RESOLUTION 1000
(1995)``, ``S/RES/945 (1994)``, the yearbooks' ``4 (1946). Resolution of 29 April 1946``) and
states its adoption in one sentence: the official header (``Adopted by the Security Council at its
3431st meeting, on 29 September 1994``) or the yearbooks' vote line (``Adopted at the 39th meeting
by 10 votes to none, ...``). The wordings are data (``wordings/resolution.toml``); this module
reads them on a view of the text with white space collapsed and digit-like OCR slips repaired,
because the yearbook transcriptions break lines anywhere and print ``I851st`` for ``1851st``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.names import MONTHS, holds, read
from unsckg.extractors.en.slots import EN_SLOTS
from unsckg.extractors.en.view_traces import (
    DIGIT_SLIP_SCAN,
    LONE_SLIP_SCAN,
    MOVING,
    SCANNED_SLIPS,
)
from unsckg.extractors.facts import Evidence, Meeting, Resolution
from unsckg.extractors.found import Found
from unsckg.extractors.name_starts import Traces
from unsckg.extractors.normalise_latin import TWO_SPACES
from unsckg.extractors.wordings import Hit, entry_first_words, load_wordings

WORDINGS = load_wordings("unsckg.extractors.en", "resolution", EN_SLOTS)
ADOPTED_ON = re.compile(
    rf"resolution (\d{{1,4}}) \((\d{{4}})\),? (?:which was )?adopted (?:unanimously )?on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
WRITTEN = re.compile(r"written (?:procedure|silence procedure)|procedure set out in", re.I)
DRAFT = re.compile(r"draft resolution (?:contained in document |\()?(S/\d{4}/\d+)")
# OCR slips inside numbers, each repaired to what was printed: a capital I or small i/l touching
# a digit (``I851st``, ``i520th``, ``326lst``, ``by I1 votes``), a bracket closing a year
# (``199]``), a lone I or l counted (``to I (Syria)``); a digit group split by one space
# (``283 1st meeting``) and an underscore after an ordinal (``1193rd_ meeting``). Each pattern
# opens with the character it repairs and looks behind only after it: a pattern that opens with
# a lookbehind is tried at every position, one that opens with a character class only where
# that character is (ten times faster on a page).
#
# Each slip comes with its trace, a test that every text holding the slip passes: a digit beside
# an I, i or l, a ``]`` after three digits that a bracket or space opens (``[12]``, a footnote's
# mark in one text in eight, is none); a lone ``I`` or ``l``; a split group before an ordinal
# meeting; an underscore. Why: the repair patterns open with a class of common letters (or a
# space) and stop at a tenth of a page's characters, while each trace opens with one literal
# character or word, which ``re`` skips to in a tight loop, or is a ``str`` search; one real text
# in a hundred has a slip at all. ``tests/extractors/en/test_shortcuts.py`` holds them to it.
DIGIT_SLIP_TRACES = (
    re.compile(r"I(?:(?=\d)|(?<=\d.))"),
    re.compile(r"i(?=\d)"),
    re.compile(r"l(?:(?=\d)|(?<=\d.))"),
    re.compile(r"\](?<=[(\s]\d{3}.)"),
)


LONE_SLIP_TRACES = (re.compile(r"I (?<= I )"), re.compile(r"l (?<= l )"))


@cache
def _slip_scan() -> Traces:
    return Traces((DIGIT_SLIP_SCAN, LONE_SLIP_SCAN))


@lru_cache(maxsize=2)
def _slips_held(text: str) -> frozenset[int]:
    """The slips' traces ``text`` may hold, from one pass. Kept for the last texts: the digit
    trace asks of a view, then the lone trace of the same view where nothing was repaired."""
    return _slip_scan().held(text)


def _lone_slip_trace(text: str) -> bool:
    """A lone I or l between spaces; each search opens with the letter and its space (``re``
    skips to the pair faster than ``str`` finds three characters as common as these)."""
    if _slip_scan().available:
        return 1 in _slips_held(text)
    return any(trace.search(text) for trace in LONE_SLIP_TRACES)


def _digit_slip_trace(text: str) -> bool:
    """An I, i, l or ``]`` beside a digit. Why one Hyperscan pass: the ``re`` searches, one
    per character, each stop at every i and l of the text (a tenth of a tokenizer pass)."""
    if _slip_scan().available:
        return 0 in _slips_held(text)
    return any(trace.search(text) for trace in DIGIT_SLIP_TRACES)


OCR_SLIPS: tuple[tuple[re.Pattern[str], str, Callable[[str], object]], ...] = (
    (
        re.compile(
            r"[Iil\]](?:(?<=[Iil])(?<![A-Za-z].)(?=\d)|(?<=[Il])(?<=\d.)(?![a-rt-z])"
            r"|(?<=\])(?<=[(\s]\d{3}.))"
        ),
        "1",
        _digit_slip_trace,
    ),
    (
        re.compile(r"[Il](?:(?<=\bto .)|(?<=\bby .)|(?<=\bwith .))(?= )"),
        "1",
        _lone_slip_trace,
    ),
    (
        re.compile(r" (?<=\d )(?=\d{1,2}(?:st|nd|rd|th) meeting)"),
        "",
        re.compile(
            r"meeting(?:(?<=\d \d(?:st|nd|rd|th) meeting)|(?<=\d \d\d(?:st|nd|rd|th) meeting))"
        ).search,
    ),
    (re.compile(r"_(?<=\d(?:st|nd|rd|th)_)"), "", lambda text: "_" in text),
)
# The heading is among the first lines: before the body's ``The Security Council,``.
HEAD_SPAN = 1500
# How much of a long text's start is viewed to find its heading and adoption sentence
# (``_head_view``), and how far that view must run past the head so that the head's view is
# the whole view's (collapsing and the repairs look at most a few words ahead).
HEAD_TEXT = 2000
HEAD_MARGIN = 200
# A text viewed by its head first: one twice the head's text at least, so that a long text
# whose adoption sentence is not in its head (viewed twice) pays half as much again at most.
LONG_TEXT = 2 * HEAD_TEXT
# How far past a position a reader of the view may look: a wording's match with its
# lookarounds (the longest, an adoption sentence with its gap, under 250 characters).
READ_REACH = 400
BODY = re.compile(r"The Security Council,")
# The words one of which every heading holds, and how far after the heading's start at most
# (``_heading_lead``; ``tests/extractors/en/test_resolution.py`` holds it to the wordings).
HEADING_WORDS = ("Resolution", "RESOLUTION", "S/RES/")
HEADING_LEAD = 40
LABEL_WORDS = 3
# The adoption sentence's date follows its meeting or tally closely, in the same sentence.
DATE_SPAN = 120


# White space that moves the view's characters against the clean text's: a run of two or more
# characters (one space stands for it; any run at the start is dropped). A single white space
# character inside the text becomes a space in place.
MOVING_SPACE = re.compile(r"\s\s+")


@dataclass(frozen=True, slots=True)
class View:
    """The text with white space collapsed to one space and OCR slips in numbers repaired, and
    where each character is in the clean text (for evidence): from view offset ``starts[k]``
    on, up to the next start, a character is ``shifts[k]`` further on in the clean text.

    Why shifts, not an offset per character: the view is built for every English text, and a
    per-character map cost most of a resolution's extraction; the characters move only where
    white space runs or a slip is cut out, a few places a page."""

    text: str
    starts: tuple[int, ...]
    shifts: tuple[int, ...]

    def offset(self, index: int) -> int:
        """The clean text's offset of the view's character ``index``."""
        return index + self.shifts[bisect_right(self.starts, index) - 1]

    def evidence(self, ctx: Context, start: int, end: int) -> Evidence:
        return ctx.evidence(self.offset(start), self.offset(max(start, end - 1)) + 1)


def view_of(text: str, *, shortcuts: bool = True, within: str | None = None) -> View:
    """The view of ``text``: white space collapsed (a run stands as one space at its last
    character's offset), trailing white space dropped, then the OCR slips repaired.
    ``shortcuts=False`` takes none of the fast paths (the plainly spaced text, the slips'
    traces): the same view, for the tests that say so. ``within``, a text that ``text``
    opens: its pass's traces stand for ``text``'s (every trace of a text's start is one of
    the text's, and one held beyond it only sends the view the slow way), so that a head's
    view reads the pass the whole document is read with anyway, not one of its own."""
    shift = len(text) - len(text.lstrip())  # leading white space: the view starts at a word
    starts, shifts = [0], [shift]
    held = _view_traces(text if within is None else within) if shortcuts else None
    collapsed = _plainly_spaced(text, held) if shortcuts else None  # only leading space moves
    if collapsed is None:
        collapsed = " ".join(text.split())
        if not _single_spaced(text, collapsed, shift):
            for m in MOVING_SPACE.finditer(text, shift):
                a, b = m.span()
                shift += b - a - 1  # a run collapsed: its space stands at its last character
                starts.append(b - 1 - shift)
                shifts.append(shift)
    view = View(collapsed, tuple(starts), tuple(shifts))
    for index, (pattern, repair, trace) in enumerate(OCR_SLIPS):
        if held is not None and index < SCANNED_SLIPS:
            slipped = index in held  # the text's one pass, true of the view until a repair
        else:
            slipped = not shortcuts or bool(trace(view.text))
        if slipped:
            view, held = _repaired(view, pattern, repair), None  # then the view's own traces
    return view


def _view_traces(text: str) -> frozenset[int] | None:
    """The expressions of ``VIEW_SCAN`` that ``text`` holds, from one Hyperscan pass (None
    without Hyperscan: then each trace is asked of the view itself). Why: the view's checks,
    two spaces in a row, the slips' traces in a pass of their own and the split ordinal's,
    were each a scan of the whole text; now they are read in the pass that also finds the
    names and the marks (``names.read``): one pass and one encoding of a document for all."""
    reading = read(text)
    return None if reading is None else reading.traces


# The ASCII white space characters but the space and the line break.
ASCII_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
# The white space characters beyond ASCII (``str.split`` parts words at each).
WIDE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
WIDE_SPACES += "\u2028\u2029\u202f\u205f\u3000"


def _plainly_spaced(text: str, held: frozenset[int] | None = None) -> str | None:
    """The view's text of a ``text`` whose only white space is single spaces and line breaks
    between words (a normalised text), else None. Why: this is ``" ".join(text.split())`` at a
    third of its cost (no list of every word): line breaks become spaces, and the checks that
    nothing else would change are ``str`` scans in C (every white space character but the
    space is unprintable, which ``tests/extractors/en/test_shortcuts.py`` checks). ``held``,
    the text's ``VIEW_SCAN`` pass, answers for ASCII; then only the white space characters
    beyond ASCII (``WIDE_SPACES``) are looked for, each a ``str`` search."""
    if held is not None and MOVING in held:
        return None
    spaced = text.replace("\n", " ")
    if held is not None:
        other = not text.isascii() and any(char in text for char in WIDE_SPACES)
    elif TWO_SPACES.search(spaced):
        return None
    elif spaced.isascii():  # its few white space characters, each a ``memchr``
        other = any(char in spaced for char in ASCII_SPACES)
    else:
        other = not spaced.isprintable()
    return None if other else spaced.strip(" ")


def _single_spaced(text: str, collapsed: str, leading: int) -> bool:
    """Has ``text`` no run of ``MOVING_SPACE`` after its ``leading`` white space? So when the
    collapsed text is shorter by the edges alone (one character of trailing white space at
    most): a normalised text always is, and the pattern, tried at every space, is not run."""
    trailing = len(text) - len(text.rstrip())
    return trailing <= 1 and len(collapsed) == len(text) - leading - trailing


def _repaired(view: View, pattern: re.Pattern[str], repair: str) -> View:
    """The view with each match replaced by ``repair``: one character for one (a slip read
    for a digit: nothing moves), or nothing (what follows a cut moves back by its length)."""
    if repair:
        return View(pattern.sub(repair, view.text), view.starts, view.shifts)
    cuts = [m.span() for m in pattern.finditer(view.text)]
    if not cuts:
        return view
    ends = [end for _, end in cuts]
    removed = list(accumulate(end - start for start, end in cuts))
    inside = {i for start, end in cuts for i in range(start, end)}
    starts: list[int] = []
    shifts: list[int] = []
    for point in sorted({*(p for p in view.starts if p not in inside), *ends}):
        before = bisect_right(ends, point)  # the cuts that end at or before this character
        moved = point - (removed[before - 1] if before else 0)
        starts.append(moved)
        shifts.append(view.offset(point) - moved)
    return View(pattern.sub("", view.text), tuple(starts), tuple(shifts))


def _starts_line(ctx: Context, view: View, heading: Hit) -> bool:
    """A heading starts its line or follows a short label (``Distr. GENERAL``, ``Security Council
    Resolution``): a symbol cited in a letter's sentence is no heading."""
    start = view.offset(heading.start)
    label = ctx.text[ctx.text.rfind("\n", 0, start) + 1 : start]
    return len(label.split()) <= LABEL_WORDS


Stated = tuple[str, int, int]  # a date as printed, where it starts and ends in the view
Numbered = tuple[int | None, int | None, str | None]  # a resolution's number, year, ISO date


@dataclass(frozen=True, slots=True)
class Printed:
    """What a resolution text states of itself: its heading and its adoption sentence, and
    what they say (read once: metadata, resolutions and vote lines all ask).

    ``view`` is the view of the text's head where the heading and the adoption sentence are
    both well inside it (``partial``), else the whole view: a long resolution (10-20 KB) states
    both in its first lines, and its whole view cost a fifth of its extraction. A reader that
    looks further asks ``view_through``."""

    view: View
    heading: Hit
    adoption: Hit | None
    adopted_on: Stated | None
    numbered: Numbered
    source: str = ""  # the clean text viewed
    partial: bool = False

    def adopted(self) -> Stated | None:
        """The adoption date, where it starts and ends in the view: the adoption sentence's
        ``on 29 September 1994``, else the dated heading's."""
        return self.adopted_on

    def number_year_date(self) -> Numbered:
        """The resolution's number, year and adoption date (ISO)."""
        return self.numbered

    def view_through(self, end: int) -> View:
        """A view that is the whole view up to ``end`` and ``READ_REACH`` beyond it: ``view``
        itself where it runs that far (a head view is the whole view but for its last
        ``HEAD_MARGIN`` characters), else the whole text's view."""
        if self.partial and _beyond(self.view, end):
            return view_of(self.source)
        return self.view


def _opening_words(group: str) -> tuple[str, ...] | None:
    """The words one of which every match of the ``group`` starts with (None: unknown)."""
    firsts = [entry_first_words(entry) for entry in WORDINGS.groups[group]]
    return None if None in firsts else tuple(dict.fromkeys(w for f in firsts for w in f or ()))


ADOPTION_WORDS = _opening_words("adoption")


def _adoption(text: str, start: int) -> Hit | None:
    """``WORDINGS["adoption"].search(text, start)``: the group's alternation tried from the
    first of its opening words (``Adopted``, ``Adapted``, ``Approved``) on, where a match
    starts at the earliest. Why: the group's search first reads the whole view for each of
    the group's words (a resolution holds them all), then finds the same opening word."""
    if ADOPTION_WORDS is None:
        return WORDINGS["adoption"].search(text, start)
    found = [at for word in ADOPTION_WORDS if (at := text.find(word, start)) >= 0]
    return WORDINGS["adoption"].search_here(text, min(found)) if found else None


def _adopted_on(view: View, heading: Hit, adoption: Hit | None) -> Stated | None:
    """The adoption sentence's ``on 29 September 1994``, else the dated heading's date."""
    if adoption is not None:
        full_stop = view.text.find(".", adoption.end)
        end = min(len(view.text), adoption.end + DATE_SPAN)
        end = min(end, full_stop) if full_stop >= 0 else end
        hit = WORDINGS["adoption_date"].search_here(view.text, adoption.end, end)
        if hit is not None:
            span = hit.slots["date"]
            return span.text, span.start, span.end
    dated = heading.slots.get("date")
    return (dated.text, dated.start, dated.end) if dated else None


def _numbered(heading: Hit, adopted: Stated | None) -> Numbered:
    """The resolution's number, year and adoption date. A resolution is adopted in its year:
    where the heading prints no year (``Resolution 290`` / ``of 8 December 1970``), the
    adoption date's is the resolution's. A heading's year is kept against the date's: the
    dates are the more often misprinted (``1943`` for ``1948``)."""
    number, year = heading.slot("number"), heading.slot("year")
    dates = patterns.dates_en(adopted[0]) if adopted else []
    date = dates[0].value if dates else None
    if date and not (year and len(year) == len("1946") and year.isdigit()):
        year = date[:4]
    if not (number and number.isdigit() and year and year.isdigit()):
        return None, None, date
    return int(number), int(year), date


@lru_cache(maxsize=8)
def printed(ctx: Context) -> Printed | None:
    """The heading and adoption sentence of a resolution text, or ``None`` for another text.

    Kept for the last few contexts (by identity): metadata, resolutions and vote lines all
    start from it, and building the view is most of an English resolution's extraction."""
    view, whole = _head_view(ctx.text)
    body = BODY.search(view.text, 0, HEAD_SPAN)
    # the head alone (its offsets are the view's): the wordings look for their words in it
    head = view.text[: body.start() if body else HEAD_SPAN]
    lead = _heading_lead(head)
    heading = WORDINGS["heading"].search_here(head, lead) if lead >= 0 else None
    if heading is None or not _starts_line(ctx, view, heading):
        return None
    adoption = _adoption(view.text, heading.start)
    partial = not whole
    if partial and (adoption is None or _beyond(view, adoption.end + DATE_SPAN)):
        view, partial = view_of(ctx.text), False  # the sentence may be further on: the whole
        adoption = _adoption(view.text, heading.start)
    adopted = _adopted_on(view, heading, adoption)
    numbered = _numbered(heading, adopted)
    return Printed(view, heading, adoption, adopted, numbered, ctx.text, partial)


def _heading_lead(head: str) -> int:
    """Where in the view's ``head`` a heading may start at the earliest (-1: nowhere): every
    wording of ``heading`` holds ``Resolution``, ``RESOLUTION`` or ``S/RES/``, at most
    ``HEADING_LEAD`` characters after the match's start (the yearbooks' ``4 (1946).
    Resolution of``: a number and a year, each nine characters at most, in a view whose white
    space is single spaces). Why: the group's first wording opens with a number, which may be
    a word, so ``re`` tries its alternation at every position of the head (a quarter of a
    tokenizer pass over the whole text); ``str.find`` skips to the words."""
    found = [at for word in HEADING_WORDS if (at := head.find(word)) >= 0]
    return max(min(found) - HEADING_LEAD, 0) if found else -1


def _beyond(view: View, end: int) -> bool:
    """Does a reading up to ``end`` of a head view (with its reach) run past where the head
    view is the whole view's? Then what it found there may be otherwise in the whole view."""
    return end + READ_REACH + HEAD_MARGIN > len(view.text)


def _head_view(text: str) -> tuple[View, bool]:
    """The view of ``text`` and True; or, for a ``LONG_TEXT``, the view of its first
    ``HEAD_TEXT`` characters and False, where that view is long enough to hold the head: its
    first ``HEAD_SPAN`` characters and their offsets are the whole view's (collapsing and the
    repairs look at most a few words ahead, well within ``HEAD_MARGIN``). Why: a text without
    a heading, every meeting record among them (born digital, 80-300 KB), needs no view
    beyond its head, and a long resolution states its adoption in its first lines."""
    if len(text) > LONG_TEXT:
        view = view_of(text[:HEAD_TEXT], within=text)
        if len(view.text) >= HEAD_SPAN + HEAD_MARGIN:
            return view, False
    return view_of(text), True


def extract(ctx: Context, found: Found) -> Found:
    own = printed(ctx)
    if own is None:
        return found.but(resolutions=_reported(ctx))
    number, year, date = own.number_year_date()
    if number is None or year is None:
        return found.but(resolutions=_reported(ctx))
    anchor = own.adoption or own.heading
    evidence = own.view.evidence(ctx, anchor.start, anchor.end)
    resolution = Resolution(number, year, date, None, "meeting", (), evidence)
    return found.but(resolutions=(resolution,), meetings=_with_meeting(found, own, date, evidence))


def _with_meeting(
    found: Found, own: Printed, date: str | None, evidence: Evidence
) -> tuple[Meeting, ...]:
    """The meetings found, with the one the resolution was adopted at where none has its number
    (the yearbooks' ``Adopted at the 39th meeting``)."""
    number = own.adoption.slot("meeting") if own.adoption else None
    if not number or not number.isdigit():
        return found.meetings
    number = str(int(number))
    if any(m.number == number for m in found.meetings):
        return found.meetings
    return (*found.meetings, Meeting(date, number=number, evidence=evidence))


def _reported(ctx: Context) -> tuple[Resolution, ...]:
    """The resolutions a text reports adopted on a date. The draft and the written procedure
    are looked for only in a text that reports one: most texts (every record) report none, and
    each is a search over the whole text."""
    adopted = list(ADOPTED_ON.finditer(ctx.text)) if holds(ctx.text, "adopted ") else []
    if not adopted:
        return ()
    draft = DRAFT.search(ctx.text)
    procedure = "written" if WRITTEN.search(ctx.text) else None
    out = []
    for m in adopted:
        dates = patterns.dates_en(m[3])
        out.append(
            Resolution(
                int(m[1]),
                int(m[2]),
                dates[0].value if dates else None,
                draft[1] if draft else None,
                procedure,
                (),
                ctx.evidence(m.start(), m.end()),
            )
        )
    return tuple({(r.number, r.year): r for r in reversed(out)}.values())


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text`` lower-cased, once per text: the gates of several readers (the tallies, the
    footnote of members not voting) look for their words in any case."""
    return text.lower()


def own_key(found: Found) -> str | None:
    """``2518(2020)`` for the first resolution found (the page's own, or the letter's first)."""
    own = found.resolutions[0] if found.resolutions else None
    return patterns.res_key(str(own.number), str(own.year)) if own else None
