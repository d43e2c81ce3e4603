"""What the extractors of one document have found so far: the typed hand-over between them.

Why a frozen record and not a dict: each extractor of a language pack sees what the ones before
it found (a vote takes its date from the resolution adopted, the representatives include the
meeting's chair) and returns a copy with its own fields set (``Found.but``), so mypy checks
every name and type that passes from one kind of fact to the next. The fields are those
of ``DocumentFacts`` plus what is handed over but is no fact of its own (``chair_person``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, TypedDict, Unpack

from unsckg.extractors.facts import (
    DocumentFacts,
    Evidence,
    ExplanationOfVote,
    Meeting,
    Mention,
    Person,
    Presidency,
    Resolution,
    Vote,
    VoteTally,
)

FACT_FIELDS = frozenset(f.name for f in fields(DocumentFacts))
NO_EVIDENCE: MappingProxyType[str, Evidence] = MappingProxyType({})


class Changes(TypedDict, total=False):
    """The fields of ``Found`` a copy may set: ``Found.but``'s keywords, checked by mypy."""

    symbol: str | None
    kind: str | None
    date: str | None
    issued: str | None
    author: Person | None
    evidence: Mapping[str, Evidence]
    presidencies: tuple[Presidency, ...]
    meetings: tuple[Meeting, ...]
    resolutions: tuple[Resolution, ...]
    votes: tuple[Vote, ...]
    vote_tallies: tuple[VoteTally, ...]
    explanations_of_vote: tuple[ExplanationOfVote, ...]
    representatives: tuple[Person, ...]
    states_mentioned: tuple[Mention, ...]
    resolutions_cited: tuple[Mention, ...]
    documents_cited: tuple[Mention, ...]
    chair_person: Person | None
    page_date: str | None


# No ``slots``: a copy is its ``__dict__`` copied (``Found.but``).
@dataclass(frozen=True)
class Found:
    """The facts of one document found so far, in the order of the pack's extractors."""

    symbol: str | None = None
    kind: str | None = None
    date: str | None = None
    issued: str | None = None
    author: Person | None = None
    evidence: Mapping[str, Evidence] = field(default_factory=lambda: NO_EVIDENCE)
    presidencies: tuple[Presidency, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    votes: tuple[Vote, ...] = ()
    vote_tallies: tuple[VoteTally, ...] = ()
    explanations_of_vote: tuple[ExplanationOfVote, ...] = ()
    representatives: tuple[Person, ...] = ()
    states_mentioned: tuple[Mention, ...] = ()
    resolutions_cited: tuple[Mention, ...] = ()
    documents_cited: tuple[Mention, ...] = ()
    # The person chairing the principal meeting (a representative of the presiding state): found
    # with the meeting, listed with the representatives, and never an explanation of vote.
    chair_person: Person | None = None
    # A date the page carries that is not the document's: a news item's publication stamp
    # (``2026-02-05 15:38``), else its first date. No fact: only what a day named without its
    # year (a dateline's ``6月2日电``) is read against.
    page_date: str | None = None

    @property
    def reference_date(self) -> str | None:
        """The document's date, else the page's: what a day or month without a year is read
        against."""
        return self.date or self.page_date

    def but(self, **changes: Unpack[Changes]) -> Found:
        """A copy with ``changes``: ``dataclasses.replace`` without its generic work (it
        reads every field and calls ``__init__``, whose frozen assignments are each a call),
        a tenth of a resolution's fixed cost at three copies per document."""
        copy = object.__new__(Found)
        fields_of = copy.__dict__
        fields_of.update(self.__dict__)
        fields_of.update(changes)
        return copy

    def to_facts(self, source: str, content_hash: str, language: str) -> DocumentFacts:
        """The document's facts: every field but the hand-over ones. Made by setting the
        record's slots directly, as ``Evidence`` is (``NormalisedText.evidence``): the frozen
        ``__init__`` of 19 fields guards each assignment with a call, a hundredth of a short
        resolution's extraction; the record is the same (``tests/extractors/test_found.py``)."""
        fields_of = self.__dict__
        made: DocumentFacts = _NEW(DocumentFacts)
        for name, set_field in KEPT_SETTERS:
            set_field(made, fields_of[name])
        _SET_SOURCE(made, source)
        _SET_CONTENT_HASH(made, content_hash)
        _SET_LANGUAGE(made, language)
        _SET_EVIDENCE(made, dict(self.evidence))
        return made


# The fields ``to_facts`` hands on as they are, in ``Found``'s order, and the setters of their
# slots in ``DocumentFacts``; the fields it sets itself. ``fields_set_by_to_facts`` (tests) says
# every field of ``DocumentFacts`` is set.
KEPT = tuple(f.name for f in fields(Found) if f.name in FACT_FIELDS and f.name != "evidence")
_Setter = Callable[[DocumentFacts, Any], None]
_SLOTS: dict[str, _Setter] = {name: vars(DocumentFacts)[name].__set__ for name in FACT_FIELDS}
KEPT_SETTERS: tuple[tuple[str, _Setter], ...] = tuple((name, _SLOTS[name]) for name in KEPT)
OWN_FIELDS = ("source", "content_hash", "language", "evidence")
_SET_SOURCE, _SET_CONTENT_HASH, _SET_LANGUAGE, _SET_EVIDENCE = (_SLOTS[n] for n in OWN_FIELDS)
_NEW = object.__new__
