"""Reading the Security Council voting data: two dialects, one record per vote taken.

The UN Dag Hammarskjöld Library publishes *Security Council Voting Data* as one CSV row per
member's vote (columns ``undl_id, ms_code, ms_name, ms_vote, date, resolution, draft, meeting,
agenda, total_*, undl_link, ...``). Copies circulate in other column names, such as the
"derived" table (``Year, Date, Resolution, Meeting, Draft, Agenda item, Outcome results, Vote,
Member State, ID, ...``). Both are read here into the same :class:`Record` (one vote taken: a
draft, its date, meeting, outcome and the members' votes); the header decides the dialect, and
header names are compared folded (case, spaces, punctuation), with a few spellings per column,
so that releases that reorder or rename columns still read.

Why records and not rows: every check (Council composition, outcome label, day/month swap) and
every tally is about one vote taken, and the rows of one vote are consecutive in both dialects.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from unsckg.graph.errors import GraphError
from unsckg.ontology.states import load_states

# canonical field -> accepted folded header names, per dialect
OFFICIAL = {
    "record": ("undl_id", "undlid", "id"),
    "iso3": ("ms_code", "mscode", "member_state_code", "country_code"),
    "name": ("ms_name", "msname", "member_state", "country"),
    "vote": ("ms_vote", "msvote", "vote"),
    "date": ("date", "vote_date"),
    "resolution": ("resolution", "resolution_symbol"),
    "draft": ("draft", "draft_symbol"),
    "meeting": ("meeting", "meeting_symbol"),
    "agenda": ("agenda", "agenda_title", "agenda_item"),
    "outcome": ("modality",),
    "link": ("undl_link", "undllink", "link"),
}
DERIVED = {
    "record": ("id",),
    "name": ("member_state", "memberstate"),
    "vote": ("vote",),
    "date": ("date",),
    "year": ("year",),
    "resolution": ("resolution",),
    "draft": ("draft",),
    "meeting": ("meeting",),
    "agenda": ("agenda_item", "agenda"),
    "outcome": ("outcome_results", "outcome"),
}
VOTES = {
    "y": "yes", "yes": "yes", "n": "no", "no": "no", "a": "abstain", "abstain": "abstain",
    "x": "absent", "non-voting": "absent", "absent": "absent",
}  # fmt: skip
# names of the derivative that the states table does not list (misspelt or former short names)
EXTRA_NAMES = {"ethipia": "ETH", "czech republic": "CZE"}
_DRAFT = re.compile(r"\bS/(\d{4})/(\d+)", re.IGNORECASE)
_RESOLUTION = re.compile(r"(?:S/RES/)?(\d{1,5})\s*\((\d{4})\)", re.IGNORECASE)
_MEETING = re.compile(r"^(?:S/PV\.|PV\.)?\s*(\d{1,5})\b")


class VotingDataError(GraphError):
    """A voting data file that cannot be read at all (no such file, unknown header)."""


@dataclass(frozen=True, slots=True)
class Vote:
    iso3: str
    value: str  # yes, no, abstain, absent (the Library's X, non-voting)
    line: int


@dataclass(slots=True)
class Record:
    """One vote taken, as the file gives it (``date`` may be repaired by the checks)."""

    key: str  # the file's record id (undl_id, ID), else the line of its first row
    line: int
    date: str  # ISO, or "" where the file has none
    resolution: tuple[int, int] | None
    draft: str | None  # the draft's symbol where the file names exactly one
    draft_text: str  # the draft column as written
    resolution_text: str  # the resolution column as written
    meeting: int | None
    agenda: str
    outcome: str
    link: str
    year: str = ""
    votes: list[Vote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Problem:
    """A line or record that is wrong in the source: ``file:line: reason``."""

    line: int
    reason: str
    record: str = ""
    kind: str = "unreadable row"


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def detect(header: list[str]) -> tuple[str, dict[str, int]]:
    """The dialect (``official`` or ``derived``) and the column of each canonical field."""
    folded = [fold(h) for h in header]
    dialect = "official" if {"ms_vote", "msvote", "ms_code"} & set(folded) else "derived"
    spec = OFFICIAL if dialect == "official" else DERIVED
    columns = {
        f: next((folded.index(n) for n in names if n in folded), -1) for f, names in spec.items()
    }
    missing = [f for f in ("vote", "date", "resolution", "draft") if columns[f] < 0]
    if missing or (columns.get("iso3", -1) < 0 and columns["name"] < 0):
        raise VotingDataError(
            f"not Security Council voting data: no column for {missing or 'state'}"
        )
    return dialect, columns


def state_codes() -> dict[str, str]:
    """Every English name of a state, folded -> ISO alpha-3 (the states table, once)."""
    names = {
        fold(n): s.iso3 for s in load_states() for n in (s.name_en, s.formal_en, *s.aliases_en)
    }
    names.update({fold(n): iso3 for n, iso3 in EXTRA_NAMES.items()})
    return names


def parse_draft(text: str) -> str | None:
    """``S/2020/249`` from ``S/2020/249 as orally revised``; None for none or several drafts."""
    found = {f"S/{y}/{n}" for y, n in _DRAFT.findall(text.replace("\xa0", " "))}
    return found.pop() if len(found) == 1 else None


def parse_resolution(text: str) -> tuple[int, int] | None:
    match = _RESOLUTION.search(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def parse_meeting(text: str) -> int | None:
    match = _MEETING.match(text.strip())
    return int(match.group(1)) if match else None


def read_records(path: Path) -> tuple[str, list[Record], list[Problem], int]:
    """The dialect, the records, the rows that could not be read, and the blank rows."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise VotingDataError(f"{path.name}: cannot read: {error}") from error
    if not rows:
        raise VotingDataError(f"{path.name}: empty file")
    try:
        dialect, columns = detect(rows[0])
    except VotingDataError as error:
        raise VotingDataError(f"{path.name}: {error}") from error
    records, problems, blank = _group(rows[1:], columns, state_codes())
    return dialect, records, problems, blank


def _group(
    rows: list[list[str]], columns: dict[str, int], names: dict[str, str]
) -> tuple[list[Record], list[Problem], int]:
    records: dict[str, Record] = {}
    problems: list[Problem] = []
    blank = 0
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            blank += 1
            continue
        cell = _cells(row, columns)
        key = _record_key(cell, line)
        record = records.get(key) or records.setdefault(key, _record(cell, key, line))
        vote = _vote(cell, names, line)
        if isinstance(vote, Problem):
            problems.append(vote)
        else:
            record.votes.append(vote)
    return list(records.values()), problems, blank


def _cells(row: list[str], columns: dict[str, int]) -> dict[str, str]:
    return {f: (row[i].strip() if 0 <= i < len(row) else "") for f, i in columns.items()}


def _record_key(cell: dict[str, str], line: int) -> str:
    """The file's record id; without one, the vote's own identity (draft, resolution, date)."""
    if cell.get("record"):
        return cell["record"]
    return "|".join((cell["draft"], cell["resolution"], cell["date"])) or f"line-{line}"


def _record(cell: dict[str, str], key: str, line: int) -> Record:
    return Record(
        key=key,
        line=line,
        date=cell["date"][:10],
        resolution=parse_resolution(cell["resolution"]),
        draft=parse_draft(cell["draft"]),
        draft_text=cell["draft"],
        resolution_text=cell["resolution"],
        meeting=parse_meeting(cell.get("meeting", "")),
        agenda=cell.get("agenda", ""),
        outcome=cell.get("outcome", ""),
        link=cell.get("link", ""),
        year=cell.get("year", ""),
    )


def _vote(cell: dict[str, str], names: dict[str, str], line: int) -> Vote | Problem:
    value = VOTES.get(cell["vote"].casefold())
    if value is None:
        return Problem(line, f"unknown vote {cell['vote']!r}")
    iso3 = cell.get("iso3", "").upper() or names.get(fold(cell.get("name", "")), "")
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        return Problem(line, f"unknown member state {cell.get('name', '')!r}")
    return Vote(iso3, value, line)


def iter_lines(problems: list[Problem], source: str) -> Iterator[str]:
    for p in sorted(problems, key=lambda p: p.line):
        yield f"{source}:{p.line}: {p.reason}"
