"""The Security Council's rules as checks over the graph (not as extraction).

Why checks and not corrections: a document may break a rule for a reason it states, and two
documents may disagree; the graph keeps what each document says, with its provenance (its named
graph), and these checks make the disagreements visible in ``unsckg validate``.

Each rule is a function from the store to findings, listed in ``RULES``; a rule's severity is
``violation`` for conflicts between documents and ``warning`` for Council rules a document may
break for a reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

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


def _votes(store: Store) -> dict[str, dict[str, str]]:
    """Per draft (or resolution, when no draft is named): voter -> value."""
    votes: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.select_values(
        f"""SELECT ?subject ?voter ?value WHERE {{
              ?v a <{UNSC.Vote}> ; <{UNSC.voter}> ?voter ; <{UNSC.value}> ?value .
              OPTIONAL {{ ?v <{UNSC.draft}> ?d }} OPTIONAL {{ ?v <{UNSC.resolution}> ?r }}
              BIND(COALESCE(?d, ?r) AS ?subject) }}"""
    ):
        votes[row["subject"]][row["voter"]] = row["value"]
    return votes


def fifteen_votes(store: Store) -> list[Finding]:
    """A draft with recorded votes has one from each of the fifteen members."""
    findings = []
    for subject, voters in sorted(_votes(store).items()):
        if len(voters) != COUNCIL_SIZE:
            message = f"{len(voters)} members recorded as voting, the Council has {COUNCIL_SIZE}"
            findings.append(Finding("fifteen-votes", "warning", subject, message))
    return findings


def adopted_majority(store: Store) -> list[Finding]:
    """A draft that became a resolution had nine votes in favour and no permanent member against."""
    adopted = {
        row["subject"]
        for row in store.select_values(
            f"""SELECT DISTINCT ?subject WHERE {{
                  {{ ?r a <{UNSC.Resolution}> ; <{UNSC.draft}> ?subject }}
                  UNION {{ ?v <{UNSC.resolution}> ?subject }} }}"""
        )
    }
    findings = []
    for subject, voters in sorted(_votes(store).items()):
        if subject not in adopted:
            continue
        in_favour = sum(1 for v in voters.values() if v == str(UNSC.InFavour))
        if in_favour < MAJORITY:
            message = f"adopted with {in_favour} votes in favour (at least {MAJORITY} needed)"
            findings.append(Finding("nine-in-favour", "warning", subject, message))
        vetoes = sorted(_key(s) for s, v in voters.items() if v == str(UNSC.Against))
        vetoes = [s for s in vetoes if s in PERMANENT_MEMBERS]
        if vetoes:
            message = f"adopted although permanent member(s) {', '.join(vetoes)} voted against"
            findings.append(Finding("no-veto", "warning", subject, message))
    return findings


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
