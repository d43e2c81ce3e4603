"""The Security Council's rules as checks over the graph (not as extraction).

Why checks and not corrections: a document may break a rule for a reason it states, and two
documents may disagree; the graph keeps what each document says, with its provenance (its named
graph), and these checks make the disagreements visible in ``unsckg validate``.

Each rule is a function from the store to findings, listed in ``RULES``. Severities:

- ``violation`` (``unsckg validate`` fails): what no document can make right, so the graph
  contradicts itself or the documents disagree. Two presidencies in one month; a tally that,
  with the members recorded as not taking part, does not account for the Council's fifteen
  members; more than fifteen members voting; members' votes that a tally does not leave room
  for; a resolution adopted with fewer than nine votes in favour (Charter, Article 27: every
  decision needs nine).
- ``warning``: what a real record may show for a reason the graph cannot hold yet. A permanent
  member voting against an adopted resolution (a procedural decision, Article 27(2), is adopted
  so: resolution 2623 (2022), Russia against); fewer than fifteen members' votes with no tally
  (a speech or a resolution page may name only some members).
- With the Council's composition (``unsckg.ontology.council``): a vote by a state that was
  not a member on the day is a violation; a member's missing vote, where most are recorded, a
  warning. A draft's outcome (adopted, not adopted, vetoed) that documents disagree on, or that
  its tally or votes contradict, is a violation.
- ``info``: a rule the document itself explains: a tally short of fifteen by the members it
  records as not taking part (``不参加对…的表决``, vote value ``unsc:Absent``).

Every finding names the graphs (documents) it comes from.

The vote rules read both the members' votes and the vote tallies. ``ontology/shapes.ttl``
states the fifteen-members, nine-in-favour and veto rules in SHACL too (with the same
severities), but SHACL cannot say which document a finding comes from; :data:`SHAPES_REPLACED`
lists those shapes, and ``unsckg.graph.validate`` leaves them out so that a broken vote is
reported once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from unsckg.graph.store import Store
from unsckg.ontology.council import CompositionError, members_on
from unsckg.ontology.states import PERMANENT_MEMBERS
from unsckg.ontology.vocab import UNSC

COUNCIL_SIZE = 15
MAJORITY = 9
# The Council of eleven, deciding by seven votes (the Charter as first written), sat until the end
# of 1965; the amendment of Articles 23 and 27 (General Assembly resolution 1991 A (XVIII)) came
# into force on 31 August 1965 and the Council of fifteen first sat on 1 January 1966.
ENLARGED = date(1966, 1, 1)
FIRST_SIZE, FIRST_MAJORITY = 11, 7
VIOLATION, WARNING, INFO = "violation", "warning", "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule, how bad, about which node, why, and which graphs say so."""

    rule: str
    severity: str  # VIOLATION, WARNING or INFO
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
                Finding("one-presidency-per-month", VIOLATION, presidency, message, sources)
            )
    return findings


@dataclass(frozen=True, slots=True)
class _Tally:
    """One tally as the documents state it: the counts, and the graphs that state them."""

    yes: int
    no: int
    abstain: int
    graphs: tuple[str, ...]

    @property
    def counted(self) -> int:
        return self.yes + self.no + self.abstain

    def __str__(self) -> str:
        return f"{self.yes}-{self.no}-{self.abstain}"


@dataclass(slots=True)
class _Ballot:
    """What the documents record about the vote on one draft (or resolution): each member's
    vote(s) in the merge with the graphs that state them, and each document's tally.

    A member's values are a set: two documents may disagree on how it voted (the shapes report
    that: a vote has one value); it is still one member accounted for.
    """

    votes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    vote_graphs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tally_counts: dict[tuple[int, int, int], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )

    @property
    def tallies(self) -> list[_Tally]:
        return [_Tally(*c, tuple(sorted(g))) for c, g in sorted(self.tally_counts.items())]

    def voting(self, value: str) -> list[str]:
        """The members recorded with ``value`` (an ontology IRI), sorted."""
        return sorted(voter for voter, values in self.votes.items() if value in values)

    def graphs_of(self, voters: list[str]) -> set[str]:
        return {g for voter in voters for g in self.vote_graphs[voter]}

    def complete(self, size: int = COUNCIL_SIZE) -> bool:
        """Every member's vote is recorded (absent members included)."""
        return len(self.votes) == size

    @property
    def sources(self) -> tuple[str, ...]:
        tallied = {g for graphs in self.tally_counts.values() for g in graphs}
        return tuple(sorted(self.graphs_of(list(self.votes)) | tallied))


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
        ballot.votes[row["voter"]].add(row["value"])
        ballot.vote_graphs[row["voter"]].add(row["g"])
    for row in store.select_values(
        f"""SELECT ?subject ?yes ?no ?abstain ?g WHERE {{
              GRAPH ?g {{ ?v a <{UNSC.VoteTally}> ; <{UNSC.votesInFavour}> ?yes ;
                             <{UNSC.votesAgainst}> ?no ; <{UNSC.abstentions}> ?abstain }}
              {_SUBJECT} }}"""
    ):
        counts = (int(row["yes"]), int(row["no"]), int(row["abstain"]))
        ballots[row["subject"]].tally_counts[counts].add(row["g"])
    return ballots


def council_size(day: str | None) -> tuple[int, int]:
    """The Council's size and the votes in favour a decision needs on ``day`` (ISO): eleven and
    seven before 1966, fifteen and nine since (and when the day is unknown). Why: the rules
    hold every vote since 1946 to the Council of its day; a resolution of 1950 adopted 7-0-4
    broke no rule."""
    try:
        if day and date.fromisoformat(day[:10]) < ENLARGED:
            return FIRST_SIZE, FIRST_MAJORITY
    except ValueError:
        pass
    return COUNCIL_SIZE, MAJORITY


def fifteen_votes(store: Store) -> list[Finding]:
    """A draft's vote accounts for the Council's fifteen members (eleven before 1966, see
    :func:`council_size`), or the documents say why not.

    Counting: a tally counts the members that voted (in favour, against, abstaining); the
    members recorded as not taking part (``unsc:Absent``, in any document) are the reason a
    tally may count fewer. So each tally plus the absent members must make fifteen exactly:
    fewer with no absent member named, or more, is a violation; fewer by exactly the absent
    members is an info finding naming them. Individual votes count every member recorded,
    absent ones included: more than fifteen is a violation; fewer is only a partial record
    (a resolution page may name only the abstaining members), which a tally accounts for,
    and a warning where no tally does.
    """
    findings = []
    dates = _ballot_dates(store)
    for subject, ballot in sorted(_ballots(store).items()):
        size, _ = council_size(dates.get(subject))
        absent = ballot.voting(str(UNSC.Absent))
        not_taking_part = ", ".join(_key(s) for s in absent)
        for tally in ballot.tallies:
            accounted = tally.counted + len(absent)
            sources = tuple(sorted(set(tally.graphs) | ballot.graphs_of(absent)))
            if accounted == size and absent:
                message = (
                    f"a tally of {tally} counts {tally.counted} members; {not_taking_part} "
                    f"recorded as not taking part in the vote, which makes {size}"
                )
                findings.append(Finding("fifteen-votes", INFO, subject, message, sources))
            elif accounted != size:
                reason = (
                    f" and {len(absent)} member(s) recorded as not taking part ({not_taking_part})"
                    if absent
                    else " and no member recorded as not taking part"
                )
                message = (
                    f"a tally of {tally} counts {tally.counted} members{reason}: "
                    f"{accounted} accounted for, the Council has {size}"
                )
                findings.append(Finding("fifteen-votes", VIOLATION, subject, message, sources))
        if len(ballot.votes) > size:
            message = f"{len(ballot.votes)} members recorded as voting, the Council has {size}"
            findings.append(Finding("fifteen-votes", VIOLATION, subject, message, ballot.sources))
        elif ballot.votes and not ballot.complete(size) and not ballot.tally_counts:
            message = (
                f"the votes of {len(ballot.votes)} of the {size} members are recorded "
                "and no tally gives the count (a partial record?)"
            )
            findings.append(Finding("fifteen-votes", WARNING, subject, message, ballot.sources))
    return findings


_COUNTED = (
    ("in favour", UNSC.InFavour),
    ("against", UNSC.Against),
    ("abstaining", UNSC.Abstention),
)


def votes_match_tally(store: Store) -> list[Finding]:
    """The members recorded as voting one way are no more than a tally of the draft counts.

    Fewer is a partial record (the tally also counts members whose votes no document names);
    more means the votes and the tally, in one document or two, contradict each other.
    """
    findings = []
    for subject, ballot in sorted(_ballots(store).items()):
        for tally in ballot.tallies:
            counted = (tally.yes, tally.no, tally.abstain)
            over = [
                (label, voters)
                for (label, value), count in zip(_COUNTED, counted, strict=True)
                if len(voters := ballot.voting(str(value))) > count
            ]
            if over:
                recorded = "; ".join(
                    f"{len(voters)} recorded {label} ({', '.join(_key(v) for v in voters)})"
                    for label, voters in over
                )
                graphs = ballot.graphs_of([v for _, voters in over for v in voters])
                message = f"{recorded}, more than the tally of {tally} counts"
                sources = tuple(sorted(graphs | set(tally.graphs)))
                findings.append(Finding("votes-match-tally", VIOLATION, subject, message, sources))
    return findings


def _adopted(store: Store) -> set[str]:
    """Drafts (and resolutions voted on without a draft named) recorded as adopted: a resolution
    names the draft, or a vote or tally names both. An explanation of vote is not counted: one
    statement may explain the votes on several drafts of one meeting, so its link between a
    draft and a resolution says nothing about which draft became which resolution."""
    return {
        row["subject"]
        for row in store.select_values(
            f"""SELECT DISTINCT ?subject WHERE {{
                  {{ ?r a <{UNSC.Resolution}> ; <{UNSC.draft}> ?subject }}
                  UNION {{ ?v a ?kind ; <{UNSC.resolution}> ?subject }}
                  UNION {{ ?v a ?kind ; <{UNSC.resolution}> ?r ; <{UNSC.draft}> ?subject }}
                  FILTER(!BOUND(?kind) || ?kind IN (<{UNSC.Vote}>, <{UNSC.VoteTally}>)) }}"""
        )
    }


def adopted_majority(store: Store) -> list[Finding]:
    """A draft that became a resolution had nine votes in favour and no permanent member against.

    Nine in favour counts each tally and, only where every member's vote is recorded, the
    members in favour (a partial record's count is a lower bound, not a count). Fewer than nine
    is a violation: Article 27 asks nine for every decision, so no document can explain it.
    A permanent member against is a warning: it defeats a draft on a question of substance, but
    a procedural decision (Article 27(2)) is adopted despite it, and the graph does not record
    which decisions were procedural.
    """
    adopted = _adopted(store)
    dates = _ballot_dates(store)
    findings = []
    for subject, ballot in sorted(_ballots(store).items()):
        if subject not in adopted:
            continue
        size, majority = council_size(dates.get(subject))
        counts = {tally.yes for tally in ballot.tallies}
        if ballot.complete(size):
            counts.add(len(ballot.voting(str(UNSC.InFavour))))
        if counts and min(counts) < majority:
            shown = " or ".join(str(n) for n in sorted(counts))
            message = f"adopted with {shown} votes in favour (at least {majority} needed)"
            findings.append(Finding("nine-in-favour", VIOLATION, subject, message, ballot.sources))
        vetoes = [s for s in ballot.voting(str(UNSC.Against)) if _key(s) in PERMANENT_MEMBERS]
        if vetoes:
            message = (
                f"adopted although permanent member(s) {', '.join(_key(s) for s in vetoes)} "
                "voted against (only a procedural decision is adopted so)"
            )
            sources = tuple(sorted(ballot.graphs_of(vetoes)))
            findings.append(Finding("no-veto", WARNING, subject, message, sources))
    return findings


# the shapes of ontology/shapes.ttl that check what the rules above check (see the docstring)
SHAPES_REPLACED = frozenset(
    {"AdoptedWithNineVotesShape", "TallyOfFifteenShape", "VetoShape", "FifteenVotersShape"}
)


def _key(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _outcomes(store: Store) -> dict[str, dict[str, set[str]]]:
    """Draft -> outcome (``Adopted``, ``NotAdopted``, ``Vetoed``) -> graphs stating it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select_values(
        f"SELECT ?d ?o ?g WHERE {{ GRAPH ?g {{ ?d <{UNSC.draftOutcome}> ?o }} }}"
    ):
        found[row["d"]][_key(row["o"]).split("#")[-1].removesuffix("Outcome")].add(row["g"])
    return found


def _outcome_problem(outcome: str, ballot: _Ballot) -> str | None:
    """Why a stated outcome contradicts the draft's tallies and votes, or None."""
    counts = {tally.yes for tally in ballot.tallies}
    if ballot.complete():
        counts.add(len(ballot.voting(str(UNSC.InFavour))))
    against = [_key(s) for s in ballot.voting(str(UNSC.Against))]
    permanent = [s for s in against if s in PERMANENT_MEMBERS | {"SUN"}]
    if outcome == "NotAdopted" and counts and min(counts) >= MAJORITY and not permanent:
        return f"not adopted, yet {min(counts)} in favour and no permanent member against"
    if outcome == "Vetoed" and counts and max(counts) < MAJORITY:
        return f"called vetoed, yet only {max(counts)} in favour: it failed for lack of votes"
    if outcome == "Vetoed" and ballot.votes and not permanent:
        return "called vetoed, yet no permanent member's vote against is recorded"
    return None


def outcome_matches_votes(store: Store) -> list[Finding]:
    """A draft's outcome agrees across documents and with its tallies and votes.

    Adopted drafts are checked by ``adopted_majority`` (nine in favour, no veto); here a draft
    that documents call both adopted and not, a "not adopted" draft that had nine votes and no
    permanent member against, and a "vetoed" one short of nine or with no permanent member
    against are violations: the documents disagree with each other or with themselves.
    """
    ballots = _ballots(store)
    findings = []
    for draft, outcomes in sorted(_outcomes(store).items()):
        graphs = tuple(sorted({g for gs in outcomes.values() for g in gs}))
        if len(outcomes) > 1:
            said = "; ".join(
                f"{o} according to {', '.join(sorted(g))}" for o, g in outcomes.items()
            )
            findings.append(Finding("one-outcome", VIOLATION, draft, said, graphs))
        for outcome in outcomes:
            problem = _outcome_problem(outcome, ballots[draft]) if draft in ballots else None
            if problem:
                sources = tuple(sorted(set(graphs) | set(ballots[draft].sources)))
                findings.append(
                    Finding("outcome-matches-votes", VIOLATION, draft, problem, sources)
                )
    return findings


def _ballot_dates(store: Store) -> dict[str, str]:
    """The day of each ballot: a vote's stated date, else its resolution's adoption date (a
    tally's too: a resolution's text may give a tally and name no vote)."""
    dates: dict[str, str] = {}
    for row in store.select_values(
        f"""SELECT ?subject (MIN(?day) AS ?date) WHERE {{
              ?v a ?kind FILTER(?kind IN (<{UNSC.Vote}>, <{UNSC.VoteTally}>)) .
              OPTIONAL {{ ?v <{UNSC.date}> ?stated }}
              OPTIONAL {{ ?v <{UNSC.resolution}> ?res . ?res <{UNSC.adopted}> ?on }}
              OPTIONAL {{ ?v <{UNSC.draft}> ?dr . ?r2 <{UNSC.draft}> ?dr ;
                             <{UNSC.adopted}> ?on2 }}
              BIND(COALESCE(?stated, ?on, ?on2) AS ?day) FILTER(BOUND(?day))
              {_SUBJECT} }} GROUP BY ?subject"""
    ):
        dates[row["subject"]] = row["date"][:10]
    return dates


def council_members_vote(store: Store) -> list[Finding]:
    """Only the Council's members of the day vote; a member's missing vote is reported.

    A non-member recorded as voting is a violation (the document or its reading is wrong). A
    member with no vote where the documents record most members' votes (a table missing a
    line) is a warning naming it; a partial record (a resolution page naming only the
    abstaining members) is not, as ``fifteen_votes`` already says.
    """
    findings = []
    dates = _ballot_dates(store)
    for subject, ballot in sorted(_ballots(store).items()):
        day = dates.get(subject)
        members = _members(day)
        if members is None:
            continue
        voters = {_key(v) for v in ballot.votes}
        outsiders = sorted(voters - members)
        if outsiders:
            message = f"{', '.join(outsiders)} recorded as voting on {day}, not Council members"
            graphs = ballot.graphs_of([v for v in ballot.votes if _key(v) in outsiders])
            findings.append(
                Finding("members-vote", VIOLATION, subject, message, tuple(sorted(graphs)))
            )
        missing = sorted(members - voters)
        if missing and len(voters & members) >= MAJORITY:
            message = f"no vote recorded for {', '.join(missing)}, Council members on {day}"
            findings.append(
                Finding("member-vote-missing", WARNING, subject, message, ballot.sources)
            )
    return findings


def _members(day: str | None) -> frozenset[str] | None:
    try:
        return members_on(date.fromisoformat(day)) if day else None
    except (ValueError, CompositionError):
        return None


RULES: tuple[Callable[[Store], list[Finding]], ...] = (
    one_presidency_per_month,
    fifteen_votes,
    votes_match_tally,
    adopted_majority,
    outcome_matches_votes,
    council_members_vote,
)


def check_rules(store: Store) -> list[Finding]:
    """Every rule's findings, in registry order."""
    return [finding for rule in RULES for finding in rule(store)]
