"""The facts: plain, frozen, typed records of what a document states.

They know nothing of RDF or of the store (``unsckg.graph`` maps them to triples) and their JSON
form is the facts format of the project (``docs/facts-format.md``): the same keys as the gold
files, plus an ``evidence`` object on each fact. Every fact carries the evidence that supports it:
the character span in the document's original text (after decoding, before normalisation) and
the quoted text of that span.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

_Record = TypeVar("_Record", bound=type)


def set_by_slots(cls: _Record) -> _Record:
    """The frozen dataclass ``cls`` with an ``__init__`` that sets each slot through its
    descriptor: the same parameters, defaults and record as the generated one.

    Why: a frozen dataclass's ``__init__`` assigns each field through ``object.__setattr__``
    (a global, an attribute and a generic lookup of the slot, per field): two to three times
    the cost of the slot's own setter, for records made by the thousand (every mention, vote
    and meeting). Made once, at import, as ``dataclasses`` makes its own (``exec``); a field
    with a default factory, or a ``__post_init__`` (which this ``__init__`` would not call), is
    refused (none of these records has one)."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: its __post_init__ would not run")
    params, lines = ["self"], []
    namespace: dict[str, Any] = {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.name.isidentifier():
            raise TypeError(f"{cls.__name__}.{f.name}: no default factory here")
        namespace[f"_set_{f.name}"] = vars(cls)[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})")
    exec(f"def __init__({', '.join(params)}):\n" + "\n".join(lines or ["    pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    type.__setattr__(cls, "__init__", init)  # ``cls.__init__ =``: mypy refuses it
    return cls


VOTE_VALUES = ("yes", "no", "abstain", "absent")
MEETING_FORMATS = (
    "open debate",
    "high-level open debate",
    "ministerial open debate",
    "briefing",
    "debate",
    "consultations",
    "Arria-formula meeting",
)


@set_by_slots
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: ``original[start:end] == quote``."""

    start: int
    end: int
    quote: str


@set_by_slots
@dataclass(frozen=True, slots=True)
class Person:
    """A named signatory or speaker.

    ``role`` is an English role name ("Permanent Representative").
    """

    name: str | None
    state: str | None  # ISO alpha-3
    role: str | None
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class Presidency:
    state: str
    year: int
    month: int
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class Briefer:
    name: str | None  # None where only a post is given ("秘书长")
    title: str | None
    organization: str | None = None
    tentative: bool = False
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class Meeting:
    date: str | None  # ISO date
    number: str | None = None
    time: str | None = None  # HH:MM, New York time
    format: str | None = None  # one of MEETING_FORMATS
    virtual: bool | None = None
    theme: tuple[str, ...] = ()  # as written; alternative forms after the first
    agenda_item: str | None = None
    presidency: str | None = None  # ISO alpha-3 of the presiding state
    chair: str | None = None
    outcome: str | None = None
    briefers: tuple[Briefer, ...] = ()
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolution the text reports adopted. ``year`` is None where the document never states
    it (a Wikisource page ``联合国安理会第1518号决议`` with no date line): a year taken from
    the dates it recalls or from the voting data would be a guess, not what the text says."""

    number: int
    year: int | None
    adopted: str | None = None  # ISO date
    draft: str | None = None  # symbol of the draft, "S/2020/240"
    procedure: str | None = None  # "written" or "meeting"
    sponsors: tuple[str, ...] = ()  # ISO alpha-3
    evidence: Evidence | None = None

    @property
    def key(self) -> str:
        """``2518(2020)``, the way votes and citations name it; ``1518`` without a year (never
        ``1518(None)``: numbers are unique across years, so the number alone names it)."""
        return f"{self.number}({self.year})" if self.year is not None else str(self.number)


@set_by_slots
@dataclass(frozen=True, slots=True)
class Vote:
    state: str
    vote: str  # one of VOTE_VALUES
    draft: str | None = None
    resolution: str | None = None  # "2518(2020)"
    date: str | None = None
    speaker: str | None = None  # who cast it, where the text says
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class VoteTally:
    resolution: str | None
    draft: str | None
    yes: int
    no: int
    abstain: int
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class ExplanationOfVote:
    state: str
    speaker: str | None
    draft: str | None = None
    resolution: str | None = None
    evidence: Evidence | None = None


@set_by_slots
@dataclass(frozen=True, slots=True)
class Mention:
    """A state named as a country, a resolution or a document cited: ``value`` is its key
    (ISO alpha-3, ``2365(2017)``, ``S/2018/623``)."""

    value: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    source: str  # the file name
    language: str = "zh"
    symbol: str | None = None
    kind: str | None = None  # letter, resolution, presidential statement, meeting record, ...
    date: str | None = None
    issued: str | None = None
    author: Person | None = None
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
    content_hash: str = ""  # sha256 of the original bytes
    evidence: dict[str, Evidence] = field(default_factory=dict)  # symbol, date, issued


def _plain(value: Any) -> Any:
    if isinstance(value, Mention):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json_dict(facts: DocumentFacts) -> dict[str, Any]:
    """The facts format: gold keys with plain values; mentions as lists of keys, their evidence
    under ``mentions_evidence`` so that list categories stay comparable with the gold."""
    out: dict[str, Any] = {f.name: _plain(getattr(facts, f.name)) for f in fields(facts)}
    out["mentions_evidence"] = {
        key: [
            _plain(m.evidence) | {"value": m.value} if m.evidence else {"value": m.value}
            for m in getattr(facts, key)
        ]
        for key in ("states_mentioned", "resolutions_cited", "documents_cited")
    }
    return out
