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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Span:
    """A slot's text and its span in the searched text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A wording found: which entry, what it means, where, and its slots."""

    id: str
    value: str | None
    start: int
    end: int
    slots: Mapping[str, Span] = field(default_factory=dict)

    def slot(self, name: str) -> str | None:
        span = self.slots.get(name)
        return span.text if span else None


def entry_pattern(entry: Entry, patterns: SlotPatterns, prefix: str) -> str:
    """The regular expression of one entry; slot groups are named ``<prefix>__<slot>``."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(entry.template):
        if m.start() < pos:
            continue  # the space an optional choice took with it
        out.append(re.escape(entry.template[pos : m.start()]))
        pos = m.end()
        if m["choice"] is not None:
            # an optional word standing between spaces takes the space after it along
            # (``as [the|] President``); one glued to a word (``(1946)[.|] Resolution``) not
            alone = m.start() > 0 and entry.template[m.start() - 1].isspace()
            optional = "" in m["choice"].split("|")
            space = re.match(r"\s+", entry.template[pos:]) if alone and optional else None
            pos += space.end() if space else 0
            out.append(_choice(m["choice"], patterns, bool(space)))
        else:
            out.append(_token(m, entry, patterns, prefix))
    out.append(re.escape(entry.template[pos:]))
    guards = "".join(f"(?<!{re.escape(w)})" for w in entry.not_before)
    after = "".join(f"(?!{patterns.space}{re.escape(w)})" for w in entry.not_after)
    body = guards + "".join(out) + after
    return f"(?i:{body})" if entry.ignore_case else body


def _token(m: re.Match[str], entry: Entry, patterns: SlotPatterns, prefix: str) -> str:
    """A slot, a gap or a space of a template."""
    if m["slot"]:
        kind = m["type"] or m["slot"]
        if kind not in SLOT_TYPES or kind not in patterns.types:
            raise WordingError(f"{entry.id}: unknown slot type {kind!r}")
        return f"(?P<{prefix}__{m['slot']}>{patterns.types[kind]})"
    return patterns.gap if m["gap"] else patterns.space


def _choice(choice: str, patterns: SlotPatterns, with_space: bool) -> str:
    """``[a|b]``: one of the words; ``[a|b|]``: optional, with the space after it if any."""
    words = choice.split("|")
    alternatives = "|".join(_literal(w, patterns) for w in words if w)
    if "" not in words:
        return f"(?:{alternatives})"
    return f"(?:(?:{alternatives}){patterns.space})?" if with_space else f"(?:{alternatives})?"


def _literal(words: str, patterns: SlotPatterns) -> str:
    return patterns.space.join(re.escape(part) for part in words.split())


class Matcher:
    """The entries of one group compiled into one alternation: at each position the first entry
    that matches wins, in the file's order."""

    def __init__(self, entries: tuple[Entry, ...], patterns: SlotPatterns) -> None:
        self.entries = entries
        parts = [f"(?P<e{i}>{entry_pattern(e, patterns, f'e{i}')})" for i, e in enumerate(entries)]
        self.regex = re.compile("|".join(parts) or r"(?!)", re.MULTILINE)
        self._each = tuple(re.compile(p, re.MULTILINE) for p in parts)

    def _hit(self, m: re.Match[str]) -> Hit:
        index = int((m.lastgroup or "e0")[1:])
        entry = self.entries[index]
        slots = {
            name.split("__", 1)[1]: Span(text, m.start(name), m.end(name))
            for name, text in m.groupdict().items()
            if text is not None and name.startswith(f"e{index}__")
        }
        return Hit(entry.id, entry.value, m.start(), m.end(), slots)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Hit]:
        end = len(text) if endpos is None else endpos
        for m in self.regex.finditer(text, pos, end):
            yield self._hit(m)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        return next(self.finditer(text, pos, endpos), None)

    def first_entry(self, text: str) -> Hit | None:
        """The hit of the first entry, in the file's order, that matches anywhere in ``text``:
        for groups ordered by preference (the most specific kind of meeting first)."""
        for each in self._each:
            m = each.search(text)
            if m:
                return self._hit(m)
        return None

    def match(self, text: str, pos: int = 0) -> Hit | None:
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
