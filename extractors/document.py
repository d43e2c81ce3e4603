"""The extraction context: one document's clean text and what several extractors need from it.

Why a shared context: the letter headers, the dates, the states named and the signature blocks
are each found once and used by several kinds of fact (a vote takes its date from its letter's
header, a presidency its state from the signature); computing them lazily here keeps every
extractor a small function of the context and of the facts found before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Protocol, TypeVar

from unsckg.extractors import gazetteer, patterns
from unsckg.extractors.facts import Evidence
from unsckg.extractors.gazetteer import NameMatch
from unsckg.extractors.language import detect_language
from unsckg.extractors.normalise import NormalisedText

LETTER_HEADER = re.compile(
    r"^(?P<date>\d{4}年\d{1,2}月\d{1,2}日)(?P<sender>[^。\n]{2,80}?)给(?P<to>[^。\n]{2,60}?)"
    r"的(?P<kind>信|同文信|普通照会|照会|函)(?P<annex>的附件)?$",
    re.MULTILINE,
)
SENTENCE_END = re.compile(r"[。！？\n]")
CHAIN_GAP = re.compile(r"^(?:\s|[、，,和及与]|以及|共同)*$")


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


def starting_in(items: Sequence[_S], starts: Sequence[int], low: int, high: int) -> list[_S]:
    """The items (sorted by ``start``, ``starts`` their starts) that start in ``[low, high)``.
    Why bisect: a long text names thousands of states and dates, and a scan of all of them for
    each wording found makes extraction quadratic in the text's length."""
    return list(items[bisect_left(starts, low) : bisect_left(starts, high)])


@dataclass(frozen=True, slots=True)
class Section:
    """A letter inside the document (the principal letter, or one of its annexed letters)."""

    start: int  # clean offset of its header
    end: int
    date: str | None
    sender: str
    sender_state: str | None


class Context:
    """One document under extraction: the normalised text plus lazily computed shared parts."""

    def __init__(
        self,
        source: str,
        norm: NormalisedText,
        content_hash: str = "",
        language: str | None = None,
    ) -> None:
        self.source = source
        self.norm = norm
        self.text = norm.text
        self.content_hash = content_hash
        # detected once, by the pipeline; a context built by hand (tests) detects its own
        self.language = language or detect_language(norm.text)
        # Evidence for clean ``text[start:end]`` (``NormalisedText.evidence``): the bound method
        # itself, because every fact asks for one and a method that forwards doubles the calls
        self.evidence: Callable[[int, int], Evidence] = norm.evidence

    @cached_property
    def dates(self) -> list[patterns.Found]:
        return patterns.dates_zh(self.text)

    @cached_property
    def states(self) -> list[NameMatch]:
        """Member states named as countries, in text order."""
        return gazetteer.find_states(self.text)

    @cached_property
    def sections(self) -> list[Section]:
        """The letters of the document, each from its header to the next letter's header."""
        headers = [m for m in LETTER_HEADER.finditer(self.text) if not m["annex"]]
        out = []
        for i, m in enumerate(headers):
            end = headers[i + 1].start() if i + 1 < len(headers) else len(self.text)
            date = patterns.dates_zh(m["date"])
            state = gazetteer.first_state(m["sender"])
            out.append(
                Section(
                    m.start(),
                    end,
                    date[0].value if date else None,
                    m["sender"],
                    state.key if state else None,
                )
            )
        return out

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]  # in text order: headers found left to right

    def section_at(self, pos: int) -> Section | None:
        """The letter that contains clean offset ``pos``."""
        index = bisect_right(self._section_starts, pos)
        return self.sections[index - 1] if index else None

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence (or line) around clean offset ``pos``."""
        start = pos
        while start > 0 and self.text[start - 1] not in "。！？\n":
            start -= 1
        stop = SENTENCE_END.search(self.text, pos)
        return start, stop.end() if stop else len(self.text)

    @cached_property
    def _state_starts(self) -> list[int] | None:
        """The states' starts, for bisect; None should the gazetteer ever give them out of
        order (then the scans stay linear, and right)."""
        starts = [s.start for s in self.states]
        return starts if all(a <= b for a, b in pairwise(starts)) else None

    def states_in(self, start: int, end: int) -> list[NameMatch]:
        """The states named within ``[start, end)``, in text order."""
        starts = self._state_starts
        if starts is None:
            return [s for s in self.states if start <= s.start and s.end <= end]
        return [s for s in starting_in(self.states, starts, start, end) if s.end <= end]

    @cached_property
    def _states_by_edge(self) -> tuple[dict[int, NameMatch], dict[int, NameMatch]]:
        starting: dict[int, NameMatch] = {}
        ending: dict[int, NameMatch] = {}
        for state in self.states:
            starting.setdefault(state.start, state)
            ending.setdefault(state.end, state)
        return starting, ending

    def state_starting_at(self, pos: int) -> NameMatch | None:
        """The (first) state named from clean offset ``pos`` on."""
        return self._states_by_edge[0].get(pos)

    def state_ending_at(self, pos: int) -> NameMatch | None:
        """The (first) state named up to clean offset ``pos``."""
        return self._states_by_edge[1].get(pos)

    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.dates]  # dates_zh gives them in text order

    def dates_in(self, start: int, end: int) -> list[patterns.Found]:
        """The dates that start within ``[start, end)``, in text order."""
        return starting_in(self.dates, self._date_starts, start, end)

    @cached_property
    def resolution_refs(self) -> list[patterns.Found]:
        """The resolutions the text names (``patterns.resolution_refs``), found once."""
        return patterns.resolution_refs(self.text)

    @cached_property
    def resolution_ref_starts(self) -> list[int]:
        return [r.start for r in self.resolution_refs]  # in text order

    def chain_before(self, pos: int, window: int = 80) -> list[NameMatch]:
        """The states listed just before ``pos`` (``德国和比利时提交``), joined by 、 和 及."""
        chain: list[NameMatch] = []
        edge = pos
        for state in reversed(self.states_in(max(0, pos - window), pos)):
            if not CHAIN_GAP.match(self.text[state.end : edge]):
                break
            chain.insert(0, state)
            edge = state.start
        return chain

    def year_of_month(self, month: int) -> int | None:
        """The year of a month named without one: the letter's, or the next for January
        written in December (a presidency or meeting announced in advance)."""
        year = self.letter_year
        if year is None:
            return None
        first = self.sections[0].date if self.sections else None
        letter_month = int(first[5:7]) if first else None
        if letter_month is not None and month < letter_month - 6:
            return year + 1
        return year

    @cached_property
    def letter_year(self) -> int | None:
        if self.sections and self.sections[0].date:
            return int(self.sections[0].date[:4])
        return int(self.dates[0].value[:4]) if self.dates else None
