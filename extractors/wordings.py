"""Wordings as data: templates with typed slots, compiled into matchers.

Why: a wording the Council uses (``主题为“{theme}”``, ``on the theme “{theme}”``) is data, not
code. Each pack keeps its wordings in ``<pack>/wordings/<kind>.toml``, one file per kind of fact,
as spaCy's ``EntityRuler`` keeps its patterns and Duckling its rules beside a corpus of examples.
Every entry carries example sentences and what they must yield, and one parametrised test
(``tests/extractors/test_wordings.py``) runs them all, so a new wording is one entry with its
example. TOML, not YAML: it is in the standard library (``tomllib``), it has comments, and its
strings stay strings (YAML reads a bare ``no``, the vote, as ``false``).

A file holds groups (TOML arrays of tables, ``[[theme]]``), each group one question the kind's
module asks (which theme? which format?). An entry:

- ``id``: unique in its file, named after what it recognises (``theme-after-noun``);
- ``template``: literal text with
  - ``{name:type}`` a slot (``{theme:quoted}``); ``{date}`` is a slot named after its type;
  - ``[a|b|c]`` a choice of literal words, ``[a|b|]`` with an empty choice an optional one;
  - ``...`` a short gap inside the sentence;
  - a space: the pack's white space (``\\s*`` in Chinese, where PDFs break lines anywhere);
- ``value``: what the wording means where the words themselves are the fact (a meeting's
  format, a vote's value); optional;
- ``not_before`` / ``not_after``: words that must not stand just before or after the match;
- ``ignore_case``: true to match letters in any case;
- ``examples``: ``[{text = "…", expect = {slot = "value"}}]``; ``counterexamples``: texts the
  group must not match at all.

Slot types are one small shared set (``SLOT_TYPES``; ``quoted_lines`` is a quoted text that may
run over a line break, as a long title in a PDF does); each pack says how its language writes
them (``SlotPatterns``): a Chinese date is ``2021年4月8日``, an English one ``8 April 2021``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, NamedTuple

SLOT_TYPES = frozenset(
    {
        "state",
        "date",
        "month",
        "time",
        "quoted",
        "quoted_lines",
        "person",
        "post",
        "symbol",
        "number",
        "words",
    }
)
_TOKEN = re.compile(
    r"\{(?P<slot>[a-z_]+)(?::(?P<type>[a-z_]+))?\}|\[(?P<choice>[^\[\]]*)\]|(?P<gap>\.\.\.)"
    r"|(?P<space>\s+)"
)


class WordingError(ValueError):
    """A wordings file that cannot be compiled: the file, the entry and the reason."""


@dataclass(frozen=True, slots=True, eq=False)
class SlotPatterns:
    """How a language writes each slot type (regular expressions without capturing groups),
    its white space and its short gap."""

    types: Mapping[str, str]
    space: str = r"\s*"
    gap: str = r"[^。！？\n]{0,30}?"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    expect: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """One wording: its template and what it means."""

    id: str
    template: str
    value: str | None = None
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    ignore_case: bool = False
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[str, ...] = ()


class Span(NamedTuple):
    """A slot's text and its span in the searched text.

    Why a named tuple (immutable too): every wording found makes one per slot, and a frozen
    dataclass's ``__init__`` (a guarded assignment per field) cost a third of a search."""

    text: str
    start: int
    end: int


NO_SLOTS: Mapping[str, Span] = MappingProxyType({})


class Hit(NamedTuple):
    """A wording found: which entry, what it means, where, and its slots (a named tuple, as
    ``Span``, for the cost of making one)."""

    id: str
    value: str | None
    start: int
    end: int
    slots: Mapping[str, Span] = NO_SLOTS

    def slot(self, name: str) -> str | None:
        span = self.slots.get(name)
        return span.text if span else None


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a template: literal ``text``, a ``choice`` (its raw ``a|b|`` words), a
    ``slot`` (``text`` its name, ``slot_type`` its type), a ``gap`` or a ``space``."""

    kind: str
    text: str = ""
    slot_type: str = ""
    with_space: bool = False  # an optional choice that took the space after it along


def template_parts(template: str) -> list[Part]:
    """The template cut into its pieces, read once for the pattern, the anchors and the
    lookahead alike, so that the three cannot disagree."""
    parts: list[Part] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() < pos:
            continue  # the space an optional choice took with it
        if m.start() > pos:
            parts.append(Part("text", template[pos : m.start()]))
        pos = m.end()
        if m["choice"] is not None:
            # an optional word standing between spaces takes the space after it along
            # (``as [the|] President``); one glued to a word (``(1946)[.|] Resolution``) not
            alone = m.start() > 0 and template[m.start() - 1].isspace()
            optional = "" in m["choice"].split("|")
            space = re.match(r"\s+", template[pos:]) if alone and optional else None
            pos += space.end() if space else 0
            parts.append(Part("choice", m["choice"], with_space=bool(space)))
        elif m["slot"]:
            parts.append(Part("slot", m["slot"], m["type"] or m["slot"]))
        else:
            parts.append(Part("gap" if m["gap"] else "space"))
    if pos < len(template):
        parts.append(Part("text", template[pos:]))
    return parts


def entry_pattern(entry: Entry, patterns: SlotPatterns, prefix: str, skip: int = 0) -> str:
    """The regular expression of one entry; slot groups are named ``<prefix>__<slot>``; the
    first ``skip`` pieces left out (a shared opening the caller writes once)."""
    parts = template_parts(entry.template)[skip:]
    out = [_part_pattern(p, entry, patterns, prefix) for p in parts]
    guards = "".join(f"(?<!{re.escape(w)})" for w in entry.not_before)
    after = "".join(f"(?!{patterns.space}{re.escape(w)})" for w in entry.not_after)
    body = guards + "".join(out) + after
    return f"(?i:{body})" if entry.ignore_case else body


def _part_pattern(part: Part, entry: Entry, patterns: SlotPatterns, prefix: str | None) -> str:
    """A piece of a template as a pattern; slots unnamed when ``prefix`` is None."""
    if part.kind == "text":
        return re.escape(part.text)
    if part.kind == "choice":
        return _choice(part.text, patterns, part.with_space)
    if part.kind == "slot":
        if part.slot_type not in SLOT_TYPES or part.slot_type not in patterns.types:
            raise WordingError(f"{entry.id}: unknown slot type {part.slot_type!r}")
        body = patterns.types[part.slot_type]
        return f"(?:{body})" if prefix is None else f"(?P<{prefix}__{part.text}>{body})"
    return patterns.gap if part.kind == "gap" else patterns.space


def _choice(choice: str, patterns: SlotPatterns, with_space: bool) -> str:
    """``[a|b]``: one of the words; ``[a|b|]``: optional, with the space after it if any."""
    words = choice.split("|")
    alternatives = "|".join(_literal(w, patterns) for w in words if w)
    if "" not in words:
        return f"(?:{alternatives})"
    return f"(?:(?:{alternatives}){patterns.space})?" if with_space else f"(?:{alternatives})?"


def _literal(words: str, patterns: SlotPatterns) -> str:
    return patterns.space.join(re.escape(part) for part in words.split())


def entry_anchors(entry: Entry) -> tuple[tuple[str, ...], ...]:
    """The literals every match of the entry contains: per required piece, the words one of
    which it holds (a literal: itself; a choice without an empty word: the longest run of
    each word). Why: ``str.find`` skips a text lacking them far faster than a pattern that
    begins with a slot, which ``re`` must try at every position. None for ``ignore_case``."""
    if entry.ignore_case:
        return ()
    out: list[tuple[str, ...]] = []
    for part in template_parts(entry.template):
        if part.kind == "text":
            out.append((part.text,))
        elif part.kind == "choice" and "" not in part.text.split("|"):
            runs = [w.split() for w in part.text.split("|")]
            if all(runs):
                out.append(tuple(max(r, key=len) for r in runs))
    return tuple(out)


def entry_first_words(entry: Entry) -> tuple[str, ...] | None:
    """The words one of which every match of the entry starts with: its opening literal, or
    the first word of each word of its opening choice; None where it opens otherwise (a slot,
    an optional choice) or ignores case. Why: ``str.find`` reaches the first place a match
    can start far faster than ``re`` tries the positions before it one by one."""
    if entry.ignore_case:
        return None
    first = template_parts(entry.template)[0]
    if first.kind == "text":
        return (first.text,)
    words = first.text.split("|") if first.kind == "choice" else [""]
    if any(not w.split() for w in words):
        return None
    return tuple(dict.fromkeys(w.split()[0] for w in words))


def entry_lead(entry: Entry, patterns: SlotPatterns) -> str:
    """The pattern of the entry's leading pieces, up to its first piece that must match
    (a literal, a choice without an empty word, or a slot). A match of the entry starts where
    this matches, so ``(?=lead|…)`` before the alternation lets ``re`` pass over the other
    positions at the cost of one look, not of trying every entry there."""
    out = []
    for part in template_parts(entry.template):
        out.append(_part_pattern(part, entry, patterns, None))
        optional = part.kind == "choice" and "" in part.text.split("|")
        if part.kind in ("text", "slot") or (part.kind == "choice" and not optional):
            break
    lead = "".join(out)
    return f"(?i:{lead})" if entry.ignore_case else lead


def _checked(anchors: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The anchor pieces worth checking, longest words first: ``str`` finds a long word (or
    its absence) fastest, and the first piece missing settles the entry. A piece with a
    two-letter Latin word (``of``, ``at``) is left out: such a word is in nearly every text,
    and ``str`` finds one missing by a slow scan of the whole text (about 10 us a page of
    English, more than the search it would spare); a single character is a ``memchr``, and
    Chinese words are kept."""
    kept = [p for p in anchors if not any(len(w) == 2 and w.isascii() for w in p)]
    return tuple(sorted(kept, key=lambda words: -min(map(len, words))))


def _possible(anchors: tuple[tuple[str, ...], ...], text: str, seen: dict[str, bool]) -> bool:
    """Whether ``text`` holds, for each required piece, one of its words (``seen`` keeps the
    answers for the other entries of the group)."""
    for words in anchors:
        found = False
        for word in words:
            if word not in seen:
                seen[word] = word in text
            if seen[word]:
                found = True
                break
        if not found:
            return False
    return True


def _alternation(
    entries: tuple[Entry, ...], patterns: SlotPatterns, indexes: tuple[int, ...], lead: bool
) -> tuple[re.Pattern[str], bool]:
    """The entries at ``indexes`` as one alternation (groups ``e<index>`` keep the entry's
    place in the group), behind a look at their leads if ``lead``, or after their shared
    opening (``_shared_opening``; then True)."""
    if not indexes:
        return re.compile(r"(?!)"), False
    opening = _shared_opening([entries[i] for i in indexes]) if lead else None
    if opening is not None:  # written once, first: ``re`` skips to where it starts
        rests = (f"(?P<e{i}>{entry_pattern(entries[i], patterns, f'e{i}', 1)})" for i in indexes)
        first = _part_pattern(opening, entries[indexes[0]], patterns, None)
        return re.compile(f"{first}(?:{'|'.join(rests)})", re.MULTILINE), True
    body = "|".join(f"(?P<e{i}>{entry_pattern(entries[i], patterns, f'e{i}')})" for i in indexes)
    if not lead:
        return re.compile(body, re.MULTILINE), False
    leads = "|".join(dict.fromkeys(entry_lead(entries[i], patterns) for i in indexes))
    return re.compile(f"(?=(?:{leads}))(?:{body})", re.MULTILINE), False


def _shared_opening(entries: list[Entry]) -> Part | None:
    """The first piece of every entry, where they all open with the same literal or choice of
    words and none of them ignores case or looks behind (``not_before``); else None.

    Why: an alternation whose branches are named groups, or that opens with a lookahead of
    the leads, gives ``re`` no first character to skip to, so it is tried at every position;
    the shared piece written once before the groups opens with a literal (``re`` then scans
    for it in C) or a choice of them (a set of first characters). A choice shares only where
    no word starts another (``on`` / ``on Monday``): then at a position one word at most
    matches, and the entries are tried in the same order as in the plain alternation."""
    openings = {template_parts(e.template)[0] for e in entries}
    if len(openings) != 1 or any(e.ignore_case or e.not_before for e in entries):
        return None
    (part,) = openings
    if part.kind == "text":
        return part
    words = part.text.split("|")
    if part.kind != "choice" or "" in words or part.with_space:
        return None
    plain = ["".join(w.split()) for w in words]  # white space may be optional: left out
    prefix_free = not any(
        i != j and b.startswith(a) for i, a in enumerate(plain) for j, b in enumerate(plain)
    )
    return part if prefix_free else None


# The shortest first word worth a ``str.find`` before the search: ``str.find`` skips by the
# word's length, so a two-letter word (``on``) costs more than ``re`` trying the positions.
FIND_WORD = 4


def _first_of(words: tuple[str, ...], text: str, start: int, end: int) -> int:
    """Where the first of ``words`` starts in ``text[start:end]`` (-1: none); each word after
    the first found is looked for only before it (a word missing costs a scan of the rest)."""
    first = -1
    for word in words:
        at = text.find(word, start, end if first < 0 else min(end, first + len(word) - 1))
        if at >= 0:
            first = at
    return first


# An entry as its hits need it: its id, its value, and its slots' group numbers and names.
_EntryLayout = tuple[str, str | None, tuple[tuple[int, str], ...]]

# The pattern of no entry: a group none of whose entries a text can hold.
_NEVER = re.compile(r"(?!)")

# ``tuple.__new__`` makes a named tuple from its fields without the generated ``__new__``'s
# argument handling (half the cost): for the records made at every hit.
_new = tuple.__new__


class Matcher:
    """The entries of one group compiled into one alternation: at each position the first entry
    that matches wins, in the file's order.

    Why the anchors and leads: most groups begin with a slot or an optional word, so ``re``
    would try every entry at every position of the text. A group none of whose entries a
    text can hold (it lacks their anchors, the literals they need) is not searched at all,
    and the leads let ``re`` skip positions where no entry can begin. Where every entry the
    text can hold opens with known words (``entry_first_words``), the search starts at the
    first of them (``str.find``). One alternation of the whole group is searched, not one
    of the entries left (``_subset``: each was compiled on its first use). Results are the
    same as without them (``prefilter=False``: the plain alternation; tested on every group
    of every pack)."""

    def __init__(
        self, entries: tuple[Entry, ...], patterns: SlotPatterns, prefilter: bool = True
    ) -> None:
        self.entries = entries
        self.patterns = patterns
        self.prefilter = prefilter
        self._anchors = tuple(_checked(entry_anchors(e)) if prefilter else () for e in entries)
        # entries that need the same words are checked once (the headings' variants)
        self._distinct = tuple(dict.fromkeys(self._anchors))
        self._anchor_of = tuple(self._distinct.index(a) for a in self._anchors)
        self._firsts = tuple(entry_first_words(e) if prefilter else None for e in entries)
        self._slots = tuple(
            tuple((f"e{i}__{p.text}", p.text) for p in template_parts(e.template) if p.slot_type)
            for i, e in enumerate(entries)
        )
        self._words: dict[tuple[int, ...], tuple[str, ...] | None] = {(): None}  # by subset
        self._last: tuple[str, re.Pattern[str], tuple[bool, ...], tuple[str, ...] | None] | None
        self._last = None
        everything = tuple(range(len(entries)))
        self.regex, self._opened = _alternation(entries, patterns, everything, prefilter)
        self._words[everything] = self._first_words(everything, self._opened)
        self._alone: dict[int, re.Pattern[str]] = {}
        self._main = self._layout(self.regex)
        self._layouts: dict[int, tuple[re.Pattern[str], dict[str | None, _EntryLayout]]] = {}

    def _subset(self, indexes: tuple[int, ...]) -> re.Pattern[str]:
        """The pattern to search for the entries at ``indexes``: the whole alternation, or,
        for none, one that never matches; nothing is compiled here.

        Why not an alternation of the subset: the subsets texts leave possible are many, and
        each new one was compiled on its first use, inside the extraction of a document
        (0.1-1 ms, up to as much as extracting a short resolution). The whole alternation
        gives the same hits, since the entries left out lack a word every one of their
        matches holds (``_possible``), so match nowhere; the subset's first words
        (``_first_words``) still let the search skip ahead."""
        if not indexes:
            return _NEVER
        if indexes not in self._words:
            self._words[indexes] = self._first_words(indexes, self._opened)
        return self.regex

    def candidates(self, text: str) -> tuple[int, ...]:
        """The indexes of the entries whose anchors ``text`` holds: the only ones searched."""
        return tuple(i for i, ok in enumerate(self._for(text)[1]) if ok)

    def _for(self, text: str) -> tuple[re.Pattern[str], tuple[bool, ...], tuple[str, ...] | None]:
        """The alternation of the entries that ``text`` can hold, which those are, and the
        words their matches start with (None: unknown); kept for the last text, since
        modules ask a group again and again of one document."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1], last[2], last[3]
        seen: dict[str, bool] = {}
        held = [_possible(a, text, seen) for a in self._distinct]
        possible = tuple(held[k] for k in self._anchor_of)
        indexes = tuple(i for i, ok in enumerate(possible) if ok)
        regex = self._subset(indexes)
        words = self._words[indexes]
        self._last = (text, regex, possible, words)
        return regex, possible, words

    def _first_words(self, indexes: tuple[int, ...], opened: bool) -> tuple[str, ...] | None:
        """The words the matches of the entries at ``indexes`` start with, where worth a
        ``str.find`` (None: unknown, or ``re`` skips to a shared opening itself, or a word is
        too short: a short word is common)."""
        firsts = [self._firsts[i] for i in indexes]
        words = None if None in firsts else tuple(dict.fromkeys(w for f in firsts for w in f or ()))
        if not words or opened or min(map(len, words)) < FIND_WORD:
            return None
        return words

    def _hit(self, m: re.Match[str]) -> Hit:
        """The hit of a match of one of this group's patterns: its entry read off the layout
        of the pattern (``_layout``), its slots by group number."""
        regex = m.re
        layout = self._main if regex is self.regex else self._layout_of(regex)
        entry_id, value, slot_groups = layout[m.lastgroup]
        slots = {}
        for number, name in slot_groups:
            start, end = m.span(number)
            if start >= 0:  # a slot of an optional piece may have matched nothing
                slots[name] = _new(Span, (m.group(number), start, end))
        start, end = m.span()
        return _new(Hit, (entry_id, value, start, end, slots))

    def _layout_of(self, regex: re.Pattern[str]) -> dict[str | None, _EntryLayout]:
        """The layout of one of the group's other patterns (an entry alone), made once. By
        identity: a pattern's hash reads its whole compiled code."""
        kept = self._layouts.get(id(regex))
        if kept is None or kept[0] is not regex:
            kept = self._layouts[id(regex)] = (regex, self._layout(regex))
        return kept[1]

    def _layout(self, regex: re.Pattern[str]) -> dict[str | None, _EntryLayout]:
        """For each entry group of ``regex`` (``e<index>``; None: the first entry's), the
        entry's id and value and the numbers of its slots' groups with the slots' names.
        Why: a hit read its entry's index from the group's name and each slot by group name
        (a name looked up in the pattern's index for each of the start, end and text)."""
        groups = regex.groupindex
        out: dict[str | None, _EntryLayout] = {}
        for index, entry in enumerate(self.entries):
            slot_groups = tuple((groups[g], name) for g, name in self._slots[index] if g in groups)
            out[f"e{index}"] = (entry.id, entry.value, slot_groups)
        out[None] = out["e0"]
        return out

    def _start(self, text: str, pos: int, end: int) -> tuple[re.Pattern[str], int] | None:
        """The alternation to search ``text[pos:end]`` with and where to start; None where no
        entry can match."""
        regex, possible, words = self._for(text)
        if not any(possible):
            return None
        if words is not None:  # no match starts before the first of its words
            pos = _first_of(words, text, max(pos, 0), end)  # ``re`` reads pos < 0 as 0
            if pos < 0:
                return None
        return regex, pos

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Hit]:
        end = len(text) if endpos is None else endpos
        start = self._start(text, pos, end)
        if start is not None:
            for m in start[0].finditer(text, start[1], end):
                yield self._hit(m)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        end = len(text) if endpos is None else endpos
        start = self._start(text, pos, end)
        m = start[0].search(text, start[1], end) if start is not None else None
        return self._hit(m) if m else None

    def search_here(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        """``search`` with the whole alternation, without the prefilter: for a short span, or
        one where a match is known to start near ``pos``, the prefilter's reading of the whole
        ``text`` (each entry's words looked for, once per new text) costs more than the
        search itself. The same hit: the prefilter only leaves out entries that cannot match."""
        m = self.regex.search(text, pos, len(text) if endpos is None else endpos)
        return self._hit(m) if m else None

    def _entry_alone(self, index: int) -> re.Pattern[str]:
        if index not in self._alone:
            self._alone[index] = _alternation(
                self.entries, self.patterns, (index,), self.prefilter
            )[0]
        return self._alone[index]

    def first_entry(self, text: str) -> Hit | None:
        """The hit of the first entry, in the file's order, that matches anywhere in ``text``:
        for groups ordered by preference (the most specific kind of meeting first)."""
        _regex, possible, _words = self._for(text)
        for index, ok in enumerate(possible):
            m = self._entry_alone(index).search(text) if ok else None
            if m:
                return self._hit(m)
        return None

    def match(self, text: str, pos: int = 0) -> Hit | None:
        """The hit at ``pos``: one try, so the whole alternation (a prefilter would read the
        whole text for one position, again for each new text)."""
        m = self.regex.match(text, pos)
        return self._hit(m) if m else None


@dataclass(frozen=True, slots=True, eq=False)
class Wordings:
    """The wordings of one kind of fact in one pack: its groups, compiled on first use."""

    source: str
    groups: Mapping[str, tuple[Entry, ...]]
    patterns: SlotPatterns

    def __getitem__(self, group: str) -> Matcher:
        return _compiled(self, group)


@cache
def _compiled(wordings: Wordings, group: str) -> Matcher:
    if group not in wordings.groups:
        raise WordingError(f"{wordings.source}: no group {group!r}")
    try:
        return Matcher(wordings.groups[group], wordings.patterns)
    except (re.error, WordingError) as err:
        raise WordingError(f"{wordings.source} [{group}]: {err}") from err


def _entry(raw: Mapping[str, Any], where: str) -> Entry:
    try:
        examples = tuple(
            Example(str(x["text"]), {k: str(v) for k, v in x.get("expect", {}).items()})
            for x in raw.get("examples", ())
        )
        return Entry(
            id=str(raw["id"]),
            template=str(raw["template"]),
            value=None if raw.get("value") is None else str(raw["value"]),
            not_before=tuple(raw.get("not_before", ())),
            not_after=tuple(raw.get("not_after", ())),
            ignore_case=bool(raw.get("ignore_case", False)),
            examples=examples,
            counterexamples=tuple(raw.get("counterexamples", ())),
        )
    except (KeyError, TypeError) as err:
        raise WordingError(f"{where}: an entry lacks or mistypes {err}") from err


def parse_wordings(text: str, source: str, patterns: SlotPatterns) -> Wordings:
    """A wordings file's text; ``WordingError`` for a file that does not parse, an entry
    without an example, or an id used twice."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise WordingError(f"{source}: {err}") from err
    groups: dict[str, tuple[Entry, ...]] = {}
    seen: set[str] = set()
    for group, raws in data.items():
        if not isinstance(raws, list):
            continue  # a top-level key of the file's own (a comment-like ``about``)
        entries = tuple(_entry(raw, f"{source} [{group}]") for raw in raws)
        for entry in entries:
            if entry.id in seen:
                raise WordingError(f"{source}: id {entry.id!r} used twice")
            if not entry.examples:
                raise WordingError(f"{source}: {entry.id} has no example")
            seen.add(entry.id)
        groups[group] = entries
    return Wordings(source, groups, patterns)


@cache
def load_wordings(package: str, kind: str, patterns: SlotPatterns) -> Wordings:
    """``<package>/wordings/<kind>.toml``, parsed once per process."""
    path = resources.files(package).joinpath("wordings", f"{kind}.toml")
    return parse_wordings(path.read_text(encoding="utf-8"), f"{package}:{kind}.toml", patterns)


def pack_wordings(package: str) -> list[str]:
    """The kinds that have a wordings file in ``package`` (for the examples test)."""
    folder = resources.files(package).joinpath("wordings")
    if not folder.is_dir():
        return []
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )
