"""``Found.to_facts`` makes the same record as ``DocumentFacts``' own constructor."""

from __future__ import annotations

import dataclasses
from dataclasses import fields

import pytest
from unsckg.extractors import facts as facts_module
from unsckg.extractors import found as found_module
from unsckg.extractors.facts import DocumentFacts, Evidence, Meeting, Mention, Person, Vote
from unsckg.extractors.found import Found


def test_to_facts_sets_every_field_of_the_facts() -> None:
    names = sorted((*found_module.KEPT, *found_module.OWN_FIELDS))
    assert names == sorted(f.name for f in fields(DocumentFacts))


def test_to_facts_is_the_record_the_constructor_makes() -> None:
    evidence = Evidence(3, 9, "S/2020/1")
    found = Found(
        symbol="S/2020/1",
        kind="letter",
        date="2020-01-02",
        author=Person("Dang Dinh Quy", "VNM", "Permanent Representative", evidence),
        evidence={"symbol": evidence},
        meetings=(Meeting("2020-01-09", number="8700"),),
        votes=(Vote("BEL", "yes"),),
        states_mentioned=(Mention("VNM", evidence),),
        chair_person=Person("Mr. Pham", "VNM", None),
        page_date="2020-01-03",
    )
    made = found.to_facts("a.en.txt", "abc", "en")
    expected = DocumentFacts(
        source="a.en.txt",
        language="en",
        symbol="S/2020/1",
        kind="letter",
        date="2020-01-02",
        author=found.author,
        meetings=found.meetings,
        votes=found.votes,
        states_mentioned=found.states_mentioned,
        content_hash="abc",
        evidence={"symbol": evidence},
    )
    assert made == expected
    assert type(made.evidence) is dict and made.evidence is not found.evidence
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.symbol = "S/2020/2"  # type: ignore[misc]


RECORDS = [
    facts_module.Evidence,
    facts_module.Person,
    facts_module.Presidency,
    facts_module.Briefer,
    Meeting,
    facts_module.Resolution,
    Vote,
    facts_module.VoteTally,
    facts_module.ExplanationOfVote,
    Mention,
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_a_record_set_by_its_slots_is_the_dataclass_record(record: type) -> None:
    """``set_by_slots``: the generated constructor's parameters, defaults, record and
    frozenness (the plain dataclass of the same fields is the reference)."""
    plain = dataclasses.make_dataclass(
        record.__name__,
        [(f.name, f.type, f) for f in fields(record)],
        frozen=True,
        slots=True,
    )
    required = [f.name for f in fields(record) if f.default is dataclasses.MISSING]
    args = {name: f"v{i}" for i, name in enumerate(required)}
    made = record(**args)
    assert dataclasses.asdict(made) == dataclasses.asdict(plain(**args))
    every = {f.name: f"w{i}" for i, f in enumerate(fields(record))}
    assert dataclasses.astuple(record(*every.values())) == tuple(every.values())
    assert record(**every) == record(*every.values())
    assert hash(record(**every)) == hash(record(*every.values()))
    with pytest.raises(TypeError):
        record(*every.values(), "one too many")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(fields(record)[0].name, "changed")


def test_set_by_slots_refuses_a_record_whose_post_init_would_be_skipped() -> None:
    """A ``__post_init__`` (a check, a derived field) would silently not run: refused."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: str

        def __post_init__(self) -> None:
            if not self.value:
                raise ValueError("empty")

    with pytest.raises(TypeError, match="__post_init__"):
        facts_module.set_by_slots(Checked)
