"""The Security Council's rules as checks over the graph (not as extraction).

Why checks and not corrections: a document may break a rule for a reason it states, and two
documents may disagree; the graph keeps what each document says, with its provenance (its named
graph), and these checks make the disagreements visible in ``unsckg validate``.

Each rule is a function from the store to findings, listed in ``RULES``; a rule's severity is
``violation`` for conflicts between documents and ``warning`` for Council rules a document may
break for a reason. Every finding names the graphs (documents) it comes from.

The vote rules (fifteen members, nine in favour, no veto) read both the members' votes and the
vote tallies. ``ontology/shapes.ttl`` states the same rules as SHACL warnings, which cannot say
which document a finding comes from; :data:`SHAPES_REPLACED` lists those shapes, and
``unsckg.graph.validate`` leaves them out so that a broken vote is reported once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from unsckg.graph.store import Store
from unsckg.ontology.states import PERMANENT_MEMBERS
from unsckg.ontology.vocab import UNSC

COUNCIL_SIZE = 15
MAJORITY = 9


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule, how bad, about which node, why, and which graphs say so."""

    rule: str
    severity: str  # "violation" or "warning"
    focus: str
    message: str
    sources: tuple[str, ...] = ()


def one_presidency_per_month(store: Store) -> list[Finding]:
    """Two states holding one month's presidency: both claims stay; this reports them."""
    held: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select_values(
        f"SELECT ?p ?state ?g WHERE {{ GRAPH ?g {{ ?p <{UNSC.heldBy}> ?state }} }}"
    ):
        held[row["p"]][row["state"]].add(row["g"])
    findings = []
    for presidency, states in sorted(held.items()):
        if len(states) > 1:
            claims = "; ".join(
                f"{_key(s)} according to {', '.join(sorted(g))}" for s, g in sorted(states.items())
            )
            sources = tuple(sorted({g for gs in states.values() for g in gs}))
            message = f"one month, {len(states)} presidencies: {claims}"
            findings.append(
                Finding("one-presidency-per-month", "violation", presidency, message, sources)
            )
    return findings


@dataclass(slots=True)
class _Ballot:
    """What the documents record about the vote on one draft (or resolution): each member's
    vote (in the merge), each document's tally (in favour, against, abstentions), and the
    graphs that say so."""

    votes: dict[str, str] = field(default_factory=dict)  # voter -> value
    tallies: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # graph -> counts
    vote_graphs: set[str] = field(default_factory=set)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted(self.vote_graphs | set(self.tallies)))


# ?v's draft, else its resolution, as ?subject (votes and tallies without either are left out)
_SUBJECT = f"""OPTIONAL {{ ?v <{UNSC.draft}> ?d }} OPTIONAL {{ ?v <{UNSC.resolution}> ?r }}
              BIND(COALESCE(?d, ?r) AS ?subject) FILTER(BOUND(?subject))"""


def _ballots(store: Store) -> dict[str, _Ballot]:
    """Per draft (or resolution, when no draft is named): its votes and tallies."""
    ballots: dict[str, _Ballot] = defaultdict(_Ballot)
    for row in store.select_values(
        f"""SELECT ?subject ?voter ?value ?g WHERE {{
              ?v a <{UNSC.Vote}> ; <{UNSC.voter}> ?voter ; <{UNSC.value}> ?value .
              GRAPH ?g {{ ?v a <{UNSC.Vote}> }}
              {_SUBJECT} }}"""
    ):
        ballot = ballots[row["subject"]]
        ballot.votes[row["voter"]] = row["value"]
        ballot.vote_graphs.add(row["g"])
    for row in store.select_values(
        f"""SELECT ?subject ?yes ?no ?abstain ?g WHERE {{
              GRAPH ?g {{ ?v a <{UNSC.VoteTally}> ; <{UNSC.votesInFavour}> ?yes ;
                             <{UNSC.votesAgainst}> ?no ; <{UNSC.abstentions}> ?abstain }}
              {_SUBJECT} }}"""
    ):
        counts = (int(row["yes"]), int(row["no"]), int(row["abstain"]))
        ballots[row["subject"]].tallies[row["g"]] = counts
    return ballots


def fifteen_votes(store: Store) -> list[Finding]:
    """A draft's recorded votes, and each tally of them, account for the fifteen members."""
    findings = []
    for subject, ballot in sorted(_ballots(store).items()):
        problems = []
        if ballot.votes and len(ballot.votes) != COUNCIL_SIZE:
            problems.append(f"{len(ballot.votes)} members recorded as voting")
        problems += [
            f"a tally of {yes}-{no}-{abstain} adds up to {yes + no + abstain}"
            for yes, no, abstain in sorted(set(ballot.tallies.values()))
            if yes + no + abstain != COUNCIL_SIZE
        ]
        if problems:
            message = f"{'; '.join(problems)}, the Council has {COUNCIL_SIZE}"
            findings.append(Finding("fifteen-votes", "warning", subject, message, ballot.sources))
    return findings


def adopted_majority(store: Store) -> list[Finding]:
    """A draft that became a resolution had nine votes in favour and no permanent member against."""
    adopted = {
        row["subject"]
        for row in store.select_values(
            f"""SELECT DISTINCT ?subject WHERE {{
                  {{ ?r a <{UNSC.Resolution}> ; <{UNSC.draft}> ?subject }}
                  UNION {{ ?v <{UNSC.resolution}> ?subject }}
                  UNION {{ ?v <{UNSC.resolution}> ?r ; <{UNSC.draft}> ?subject }} }}"""
        )
    }
    findings = []
    for subject, ballot in sorted(_ballots(store).items()):
        if subject not in adopted:
            continue
        counts = {yes for yes, _, _ in ballot.tallies.values()}
        if ballot.votes:
            counts.add(sum(1 for v in ballot.votes.values() if v == str(UNSC.InFavour)))
        if counts and min(counts) < MAJORITY:
            shown = " or ".join(str(n) for n in sorted(counts))
            message = f"adopted with {shown} votes in favour (at least {MAJORITY} needed)"
            findings.append(Finding("nine-in-favour", "warning", subject, message, ballot.sources))
        against = sorted(_key(s) for s, v in ballot.votes.items() if v == str(UNSC.Against))
        vetoes = [s for s in against if s in PERMANENT_MEMBERS]
        if vetoes:
            message = f"adopted although permanent member(s) {', '.join(vetoes)} voted against"
            sources = tuple(sorted(ballot.vote_graphs))
            findings.append(Finding("no-veto", "warning", subject, message, sources))
    return findings


# the shapes of ontology/shapes.ttl that check what the rules above check (see the docstring)
SHAPES_REPLACED = frozenset(
    {"AdoptedWithNineVotesShape", "TallyOfFifteenShape", "VetoShape", "FifteenVotersShape"}
)


def _key(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


RULES: tuple[Callable[[Store], list[Finding]], ...] = (
    one_presidency_per_month,
    fifteen_votes,
    adopted_majority,
)


def check_rules(store: Store) -> list[Finding]:
    """Every rule's findings, in registry order."""
    return [finding for rule in RULES for finding in rule(store)]
