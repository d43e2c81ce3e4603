"""Drafts' outcomes (adopted, not adopted, vetoed) and the rules that check them and the Council.

Why: without an outcome a query for vetoes called a draft that failed 4-5-6 a veto, and without
the composition a rule could not tell a non-member's vote from a member's missing one.
"""

from __future__ import annotations

from pathlib import Path

from unsckg.extractors.facts import DocumentFacts, Resolution, Vote, VoteTally
from unsckg.graph.mapping import map_documents
from unsckg.graph.rules import Finding, check_rules
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

UNSC = "https://w3id.org/unsc-kg/ontology#"
MEMBERS_2020 = "BEL CHN DOM EST FRA DEU IDN NER RUS VCT ZAF TUN GBR USA VNM".split()  # noqa: SIM905
DAY = "2020-01-13"


def _record(
    symbol: str,
    draft: str,
    no: tuple[str, ...],
    abstain: tuple[str, ...] = (),
    resolution: int | None = None,
    voters: list[str] = MEMBERS_2020,
) -> DocumentFacts:
    """A meeting record's vote on ``draft``: every voter in favour unless named otherwise."""

    def value(state: str) -> str:
        return "no" if state in no else "abstain" if state in abstain else "yes"

    votes = tuple(Vote(s, value(s), draft=draft, date=DAY) for s in voters)
    yes = sum(value(s) == "yes" for s in voters)
    resolutions = (Resolution(resolution, 2020, DAY, draft, "meeting"),) if resolution else ()
    return DocumentFacts(
        source=f"{symbol.replace('/', '-')}.en.txt",
        language="en",
        symbol=symbol,
        date=DAY,
        resolutions=resolutions,
        votes=votes,
        vote_tallies=(VoteTally(None, draft, yes, len(no), len(abstain)),),
    )


def _store(tmp_path: Path, *docs: DocumentFacts) -> Store:
    store = Store(tmp_path / "store")
    store.add(map_documents(list(docs), DEFAULT))
    return store


def _objects(store: Store, draft: str, prop: str) -> set[str]:
    rows = store.select_values(
        f"SELECT ?o WHERE {{ <{DEFAULT.document(draft)}> <{UNSC}{prop}> ?o }}"
    )
    return {row["o"].rsplit("/", 1)[-1].split("#")[-1] for row in rows}


def _rules(store: Store, *names: str) -> list[Finding]:
    return [f for f in check_rules(store) if f.rule in names]


def test_adopted_draft_names_its_resolution(tmp_path: Path) -> None:
    with _store(tmp_path, _record("S/PV.1", "S/2020/27", (), resolution=2505)) as store:
        assert _objects(store, "S/2020/27", "draftOutcome") == {"AdoptedOutcome"}
        assert _objects(store, "S/2020/27", "adoptedAs") == {"2505"}


def test_failed_for_lack_of_votes_is_not_a_veto(tmp_path: Path) -> None:
    no = ("USA", "GBR", "FRA", "EST", "BEL")
    abstain = ("DEU", "DOM", "IDN", "NER", "TUN", "VNM")
    with _store(tmp_path, _record("S/PV.2", "S/2020/1", no, abstain)) as store:
        assert _objects(store, "S/2020/1", "draftOutcome") == {"NotAdoptedOutcome"}
        assert _objects(store, "S/2020/1", "vetoedBy") == set()
        assert _rules(store, "outcome-matches-votes", "one-outcome") == []


def test_vetoed_names_the_permanent_members_against(tmp_path: Path) -> None:
    with _store(tmp_path, _record("S/PV.3", "S/2020/2", ("CHN", "RUS"))) as store:
        assert _objects(store, "S/2020/2", "draftOutcome") == {"VetoedOutcome"}
        assert _objects(store, "S/2020/2", "vetoedBy") == {"CHN", "RUS"}
        assert _rules(store, "outcome-matches-votes", "one-outcome") == []


def test_documents_disagreeing_on_the_outcome_are_a_violation(tmp_path: Path) -> None:
    failed = _record("S/PV.4", "S/2020/3", ("USA",), tuple(MEMBERS_2020[:7]))
    adopted = _record("S/PV.5", "S/2020/3", (), resolution=2506)
    with _store(tmp_path, failed, adopted) as store:
        found = _rules(store, "one-outcome")
        assert [f.severity for f in found] == ["violation"]
        english = {f"{DEFAULT.document(s)}/en" for s in ("S/PV.4", "S/PV.5")}  # their graphs
        assert english <= set(found[0].sources)


def test_a_non_members_vote_is_a_violation(tmp_path: Path) -> None:
    voters = [*MEMBERS_2020[:-1], "JPN"]  # Japan voting in 2020 in place of Viet Nam
    with _store(tmp_path, _record("S/PV.6", "S/2020/4", (), resolution=2507, voters=voters)) as s:
        outsiders = _rules(s, "members-vote")
        assert [(f.severity, "JPN" in f.message) for f in outsiders] == [("violation", True)]
        missing = _rules(s, "member-vote-missing")
        assert [(f.severity, "VNM" in f.message) for f in missing] == [("warning", True)]


def test_the_council_of_the_day_votes_clean(tmp_path: Path) -> None:
    with _store(tmp_path, _record("S/PV.7", "S/2020/5", (), resolution=2508)) as store:
        assert _rules(store, "members-vote", "member-vote-missing") == []
