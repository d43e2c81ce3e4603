"""What is wrong in a voting data file: repaired where the repair is certain, reported always.

Copies of the Library's voting data carry real defects (the derived table of 1994-2025 has all
three): day and month swapped where the day is 12 or less; records whose votes belong to
another year's decision (most of 1995); records labelled "Adopted unanimously" with
abstentions. Nothing here drops a vote: the importer imports every row and every record keeps
its problems, which are reported in one line each and written beside the record's tally, so
that a reader of the graph (and ``unsckg reconcile``) can tell a source error from ours.

Council composition: ``members_on(day) -> frozenset[str]`` (ISO alpha-3) from
``unsckg.ontology.council`` when that module exists; the check takes any such callable so that
it can be tested with a table of one's own. Without it, the record is compared with the
membership most records of its year share (terms run by calendar year), a weaker check that
is named as such in the report.
"""

from __future__ import annotations

import bisect
import importlib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from unsckg.graph.voting_data.read import Problem, Record, parse_draft, parse_resolution
from unsckg.ontology.states import PERMANENT_MEMBERS

MembersOn = Callable[[date], frozenset[str]]
UNANIMOUS = "adopted unanimously"


def council_members_on() -> MembersOn | None:
    """``unsckg.ontology.council.members_on``, or None while that module does not exist."""
    try:
        module = importlib.import_module("unsckg.ontology.council")
    except ImportError:
        return None
    members_on: MembersOn = module.members_on
    return members_on


def repair_columns(record: Record) -> Problem | None:
    """A resolution in the draft column and a draft in the resolution column: swap them."""
    if record.resolution or record.draft:
        return None
    resolution = parse_resolution(record.draft_text)
    draft = parse_draft(record.resolution_text)
    if resolution is None and draft is None:
        return None
    record.resolution, record.draft = resolution, draft
    return Problem(
        record.line,
        "resolution and draft columns swapped; read swapped",
        record.key,
        "columns swapped",
    )


def _swapped(day: str) -> str | None:
    """``YYYY-MM-DD`` read the other way round, where that is a different valid date."""
    parts = day.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, dd = parts
    if int(dd) > 12 or dd == month:
        return None
    return f"{year}-{dd}-{month}"


def _neighbours(anchors: list[tuple[int, str]], position: int) -> tuple[str, str]:
    """The dates of the closest unambiguous records before and after ``position``."""
    at = bisect.bisect_left(anchors, (position, ""))
    before = anchors[at - 1][1] if at > 0 else "0000-00-00"
    after = anchors[at][1] if at < len(anchors) else "9999-99-99"
    return before, after


def _meeting(record: Record) -> int | None:
    return record.meeting


def _resolution_number(record: Record) -> int | None:
    return record.resolution[0] if record.resolution else None


def repair_dates(records: list[Record]) -> list[Problem]:
    """The derived table's swap, decided record by record: a date whose day is 12 or less is
    read the other way round where only that reading falls between the unambiguous dates of
    the meetings (else resolutions) numbered just before and after it. Why not swap them all:
    the swap is real for 1994-2019 (every such date checked against an adoption header was
    swapped) but not for all later years (2673 (2023) was adopted on 11 January, as written).
    A date that the order cannot decide is kept as written and reported."""
    problems: list[Problem] = []
    undecided = [r for r in records if _swapped(r.date)]
    orders: tuple[Callable[[Record], int | None], ...] = (_meeting, _resolution_number)
    for order in orders:
        anchors = sorted(
            (n, r.date)
            for r in records
            if (n := order(r)) is not None and r.date and not _swapped(r.date)
        )
        left: list[Record] = []
        for r in undecided:
            position = order(r)
            other = _swapped(r.date) or ""
            before, after = _neighbours(anchors, position) if position is not None else ("", "")
            fits = (
                (before <= r.date <= after, before <= other <= after) if before else (False, False)
            )
            if fits == (False, True):
                problems.append(
                    Problem(
                        r.line,
                        f"day and month swapped: {r.date} read as {other}",
                        r.key,
                        "day and month swapped",
                    )
                )
                r.date = other
            elif fits != (True, False):
                left.append(r)
        undecided = left
    problems += [
        Problem(
            r.line,
            f"date {r.date}: day and month may be swapped (order cannot tell)",
            r.key,
            "day and month undecided",
        )
        for r in undecided
    ]
    return problems


def check_subject(record: Record) -> Problem | None:
    """A vote names what it decides: a draft or a resolution (not so an oral amendment)."""
    if record.draft or record.resolution:
        return None
    reason = f"names neither a draft nor a resolution (draft column {record.draft_text!r})"
    return Problem(record.line, reason, record.key, "no draft or resolution")


def check_year(record: Record) -> Problem | None:
    """The date must fall in the resolution's year."""
    if record.resolution and record.date and record.date[:4] != str(record.resolution[1]):
        return Problem(
            record.line,
            f"date {record.date} outside the year of resolution %d (%d)" % record.resolution,
            record.key,
            "date outside the year",
        )
    return None


def check_order(records: Iterable[Record]) -> list[Problem]:
    """Resolutions are numbered in the order of adoption. Blame the fewest records: those
    outside the longest run whose dates never go back in number order (a ``425 (2002)`` that
    stands for 1425 is the one record out of place, not the 893 numbered after it). Where a
    neighbour could be dropped instead (two adjacent dates swapped), both are named."""
    numbered = sorted(
        (r for r in records if r.resolution and r.date), key=lambda r: r.resolution or (0, 0)
    )
    kept = _longest_in_date_order(numbered)
    blamed = {i for i in range(len(numbered)) if i not in kept}
    blamed |= {j for i in blamed for j in (i - 1, i + 1) if _either_of_two(numbered, kept, i, j)}
    problems = []
    for i in sorted(blamed):
        low, high = _kept_around(numbered, kept - {i}, i)
        problems.append(
            Problem(
                numbered[i].line,
                f"date {numbered[i].date} of resolution {_number(numbered[i])} is out of the "
                f"numbering order (the resolutions numbered next to it: {low} before, "
                f"{high} after)",
                numbered[i].key,
                "date out of order",
            )
        )
    return problems


def _either_of_two(numbered: list[Record], kept: set[int], i: int, j: int) -> bool:
    """Could the kept neighbour ``j`` be the wrong one instead of ``i``: the two are out of
    order, and ``i`` fits where ``j`` stands?"""
    if j not in kept or not 0 <= j < len(numbered):
        return False
    first, second = sorted((i, j))
    if numbered[first].date <= numbered[second].date:
        return False
    low, high = _kept_around(numbered, kept - {j}, j)
    return (low == "none" or low <= numbered[i].date) and (
        high == "none" or numbered[i].date <= high
    )


def _longest_in_date_order(numbered: list[Record]) -> set[int]:
    """Positions of one longest subsequence with non-decreasing dates (patience sorting,
    O(n log n))."""
    tails: list[str] = []  # the smallest last date of a run of each length
    ends: list[int] = []  # the position ending that run
    before = [-1] * len(numbered)
    for i, record in enumerate(numbered):
        size = bisect.bisect_right(tails, record.date)
        before[i] = ends[size - 1] if size else -1
        if size == len(tails):
            tails.append(record.date)
            ends.append(i)
        else:
            tails[size], ends[size] = record.date, i
    kept, i = set(), ends[-1] if ends else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def _kept_around(numbered: list[Record], kept: set[int], i: int) -> tuple[str, str]:
    """The dates of the nearest records in order before and after position ``i``."""
    low = next((numbered[j].date for j in range(i - 1, -1, -1) if j in kept), "none")
    high = next((numbered[j].date for j in range(i + 1, len(numbered)) if j in kept), "none")
    return low, high


def _number(record: Record) -> int:
    return record.resolution[0] if record.resolution else 0


def check_composition(record: Record, members_on: MembersOn) -> Problem | None:
    """The record's voters must be the Council on the day of the vote."""
    try:
        day = date.fromisoformat(record.date)
    except ValueError:
        return None
    expected = members_on(day)
    return _membership(record, expected, f"the Council on {record.date}")


def check_year_membership(records: list[Record]) -> list[Problem]:
    """Fallback without the Council table: each record against its year's commonest membership
    (among records of 15 voters of that year)."""
    by_year: dict[str, Counter[frozenset[str]]] = {}
    for r in records:
        if r.date and len(r.votes) == 15:
            by_year.setdefault(r.date[:4], Counter())[frozenset(v.iso3 for v in r.votes)] += 1
    problems = []
    for r in records:
        common = by_year.get(r.date[:4])
        if common:
            found = _membership(
                r, common.most_common(1)[0][0], f"the membership most records of {r.date[:4]} share"
            )
            problems += [found] if found else []
    return problems


def _membership(record: Record, expected: frozenset[str], what: str) -> Problem | None:
    voters = frozenset(v.iso3 for v in record.votes)
    if voters == expected:
        return None
    extra, missing = sorted(voters - expected), sorted(expected - voters)
    return Problem(
        record.line,
        f"voters are not {what}: not members {extra}, members missing {missing}",
        record.key,
        "not the Council",
    )


def check_outcome(record: Record) -> list[Problem]:
    """The outcome label against the votes: unanimity, the nine votes, the veto, the count."""
    counts = Counter(v.value for v in record.votes)
    label = record.outcome.casefold()
    found: list[tuple[str, str]] = []
    if label == UNANIMOUS and (counts["no"] or counts["abstain"]):
        found.append(
            (
                "unanimous with votes against or abstentions",
                f"labelled unanimous with {counts['no']} against "
                f"and {counts['abstain']} abstentions",
            )
        )
    vetoed = any(v.value == "no" and v.iso3 in PERMANENT_MEMBERS for v in record.votes)
    if (
        label.startswith("adopted")
        and label != "adopted by consensus"
        and (counts["yes"] < 9 or vetoed)
    ):
        found.append(
            (
                "adopted without nine votes or with a veto",
                f"labelled adopted with {counts['yes']} in favour"
                + (" and a permanent member against" if vetoed else ""),
            )
        )
    if "veto" in label and not vetoed:
        found.append(
            (
                "veto without a permanent member against",
                "labelled vetoed without a permanent member against",
            )
        )
    seen = Counter(v.iso3 for v in record.votes)
    if len(seen) != 15 or max(seen.values()) > 1:
        found.append(("not 15 votes", f"{len(record.votes)} votes of {len(seen)} members, not 15"))
    return [Problem(record.line, reason, record.key, kind) for kind, reason in found]
