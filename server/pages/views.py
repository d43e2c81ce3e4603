"""The two views people in this field ask for: who voted how, and who presided over what.

Both are one query for the facts and one for the labels, reshaped in Python into the rows and
columns the templates draw; no view computes anything the graph does not state.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from unsckg.server.pages import vote_agenda
from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, Row, local_name, rows, uris, value

VOTE_VALUES = ("InFavour", "Against", "Abstention", "Absent")


@dataclass
class Cell:
    """One member's vote on one draft: the value's local name and the vote's page."""

    value: str
    href: str
    explanation: str = ""  # the page of the member's explanation of this vote, if any


@dataclass
class Column:
    """One vote taken: on a draft (and the resolution it became), or on a resolution alone."""

    key: str
    label: str
    href: str
    resolution: tuple[str, str] | None  # (label, href)
    date: str
    veto: bool = False  # a permanent member voted against a draft that did not pass
    agenda: str = ""  # the agenda item or theme of its meeting, where known

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass
class VoteMatrix:
    """Members (rows) by votes taken (columns); ``cells[member][column key]``."""

    columns: list[Column]
    members: list[tuple[str, str, str]]  # (iri, label, href)
    cells: dict[str, dict[str, Cell]]
    tally: dict[str, dict[str, int]]
    years: list[str] = field(default_factory=list)  # every year with votes, latest first
    year: str = ""  # the year shown ('' for all)
    agendas: list[tuple[str, int]] = field(default_factory=list)  # the year's, with counts
    agenda: str = ""  # the agenda shown ('' for all, vote_agenda.UNKNOWN for not known)
    unknown_agenda: int = 0  # the year's votes whose agenda is not known


_VOTES = f"""{PREFIXES}
SELECT DISTINCT ?vote ?draft ?resolution ?voter ?value ?date WHERE {{
  GRAPH ?g {{ ?vote a unsc:Vote ; unsc:voter ?voter ; unsc:value ?value }}
  OPTIONAL {{ GRAPH ?g1 {{ ?vote unsc:draft ?draft }} }}
  OPTIONAL {{ GRAPH ?g2 {{ ?vote unsc:resolution ?resolution }} }}
  OPTIONAL {{ GRAPH ?g3 {{ ?vote unsc:date ?date }} }}
}}"""


def _columns(found: list[Row], labels: dict[str, str], config: PageConfig) -> list[Column]:
    """The votes taken, in date order: keyed by the draft, or by the resolution without one."""
    columns: dict[str, Column] = {}
    for row in found:
        draft, resolution = value(row, "draft"), value(row, "resolution")
        key = draft or resolution or ""
        column = columns.setdefault(
            key, Column(key, label_or_name(labels, key), href(key, config.base_iri), None, "")
        )
        if draft and resolution and column.resolution is None:
            column.resolution = (
                label_or_name(labels, resolution),
                href(resolution, config.base_iri),
            )
        column.date = column.date or value(row, "date") or ""
    return sorted(columns.values(), key=lambda c: (c.date, c.label))


_EXPLANATIONS = f"""{PREFIXES}
SELECT DISTINCT ?explanation ?voter ?draft WHERE {{
  GRAPH ?g {{ ?explanation a unsc:ExplanationOfVote ; unsc:voter ?voter ; unsc:draft ?draft }}
}}"""


async def _mark_explanations(
    runner: SparqlRunner, cells: dict[str, dict[str, Cell]], config: PageConfig
) -> None:
    """Link each cell whose member explained that vote to the explanation's page."""
    for row in rows(await runner.select(_EXPLANATIONS)):
        cell = cells.get(value(row, "voter") or "", {}).get(value(row, "draft") or "")
        if cell is not None:
            cell.explanation = href(value(row, "explanation") or "", config.base_iri)


_PERMANENT = f"""{PREFIXES}
SELECT ?s WHERE {{ ?s a unsc:PermanentMember }}"""


def _by_agenda(columns: list[Column], agenda: str) -> list[Column]:
    """The columns of one agenda ('' keeps all; ``vote_agenda.UNKNOWN`` those without)."""
    if not agenda:
        return columns
    wanted = "" if agenda == vote_agenda.UNKNOWN else agenda
    return [c for c in columns if c.agenda == wanted]


def _agenda_counts(columns: list[Column], language: str) -> list[tuple[str, int]]:
    """The agendas of the columns, each with its number of votes, in collation order."""
    counts: dict[str, int] = defaultdict(int)
    for column in columns:
        if column.agenda:
            counts[column.agenda] += 1
    return sorted(counts.items(), key=lambda item: sort_key(item[0], language))


async def vote_matrix(
    runner: SparqlRunner,
    config: PageConfig,
    language: str,
    year: str | None = None,
    agenda: str = "",
) -> VoteMatrix:
    """The votes of one year (default: the latest) and agenda (default: all) as a matrix: the
    members who voted as rows, in the interface language's collation, a tally per column."""
    found = [
        r for r in rows(await runner.select(_VOTES)) if value(r, "draft") or value(r, "resolution")
    ]
    labels = await fetch_labels(runner, uris(found, "draft", "resolution", "voter"), language)
    columns = _columns(found, labels, config)
    known = await vote_agenda.agendas(runner, language, {c.key: c.date for c in columns})
    for column, text in _agenda_of(columns, known):
        column.agenda = text
    years = sorted({c.year for c in columns if c.year}, reverse=True)
    chosen = year if year is not None else (years[0] if years else "")
    if chosen:
        columns = [c for c in columns if c.year == chosen]
    agendas = _agenda_counts(columns, language)
    unknown = sum(1 for c in columns if not c.agenda)
    columns = _by_agenda(columns, agenda)
    keys = {c.key for c in columns}
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)
    tally: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(VOTE_VALUES, 0))
    for row in found:
        key, voter = value(row, "draft") or value(row, "resolution") or "", value(row, "voter")
        if key not in keys or not voter or key in cells[voter]:
            continue  # another year, or the same vote reported by two documents
        vote_value = local_name(value(row, "value") or "")
        cells[voter][key] = Cell(vote_value, href(value(row, "vote") or "", config.base_iri))
        if vote_value in tally[key]:
            tally[key][vote_value] += 1
    await _mark_explanations(runner, cells, config)
    permanent = {value(r, "s") for r in rows(await runner.select(_PERMANENT))}
    for column in columns:
        column.veto = column.resolution is None and any(
            cells[m].get(column.key, Cell("", "")).value == "Against" for m in permanent if m
        )
    members = sorted(
        ((m, label_or_name(labels, m), href(m, config.base_iri)) for m in cells),
        key=lambda item: sort_key(item[1], language),
    )
    matrix = VoteMatrix(columns, members, dict(cells), dict(tally), years, chosen)
    matrix.agendas, matrix.agenda, matrix.unknown_agenda = agendas, agenda, unknown
    return matrix


def _agenda_of(columns: list[Column], known: dict[str, str]) -> list[tuple[Column, str]]:
    """Each column with a known agenda, keyed by its draft, else by its resolution."""
    return [(c, known[c.key]) for c in columns if c.key in known]


def matrix_csv(matrix: VoteMatrix) -> str:
    """The matrix as CSV: one row per member, one column per vote, the value's name in cells."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["member", "iri", *(c.label for c in matrix.columns)])
    for iri, label, _ in matrix.members:
        cells = matrix.cells.get(iri, {})
        writer.writerow(
            [label, iri, *(cells[c.key].value if c.key in cells else "" for c in matrix.columns)]
        )
    return out.getvalue()


@dataclass
class Month:
    """One month of the Council: who presided and which meetings were held or announced."""

    month: str
    presidents: list[tuple[str, str]] = field(default_factory=list)  # (label, href)
    presidency: str = ""  # the presidency's page
    meetings: list[dict[str, str]] = field(default_factory=list)

    @property
    def year(self) -> str:
        """The year, which groups the months on the page."""
        return self.month[:4]


async def _presidencies(runner: SparqlRunner) -> list[dict[str, str]]:
    query = f"""{PREFIXES}
SELECT DISTINCT ?presidency ?state ?month WHERE {{
  GRAPH ?g {{ ?presidency a unsc:Presidency ; unsc:heldBy ?state ; unsc:month ?month }}
}}"""
    return [{k: value(r, k) or "" for k in r} for r in rows(await runner.select(query))]


async def _meetings(runner: SparqlRunner) -> list[dict[str, str]]:
    query = f"""{PREFIXES}
SELECT ?meeting (SAMPLE(?d) AS ?date) (SAMPLE(?m) AS ?month) (SAMPLE(?f) AS ?format)
       (MIN(?t) AS ?theme) WHERE {{
  GRAPH ?g {{ ?meeting a unsc:Meeting }}
  OPTIONAL {{ GRAPH ?g1 {{ ?meeting unsc:date ?d }} }}
  OPTIONAL {{ GRAPH ?g2 {{ ?meeting unsc:presidency/unsc:month ?m }} }}
  OPTIONAL {{ GRAPH ?g3 {{ ?meeting unsc:theme ?t }} }}
  OPTIONAL {{ GRAPH ?g4 {{ ?meeting unsc:format ?f }} }}
}} GROUP BY ?meeting"""
    return [{k: value(r, k) or "" for k in r} for r in rows(await runner.select(query))]


async def timeline(runner: SparqlRunner, config: PageConfig, language: str) -> list[Month]:
    """Months in order, each with its presidency and its meetings (date, theme, link)."""
    presidencies = await _presidencies(runner)
    meetings = await _meetings(runner)
    named = {p["state"] for p in presidencies} | {m["format"] for m in meetings if m.get("format")}
    labels = await fetch_labels(runner, named, language)
    months: dict[str, Month] = {}
    for item in presidencies:
        key = item["month"][:7]
        entry = months.setdefault(key, Month(key))
        entry.presidency = href(item["presidency"], config.base_iri)
        entry.presidents.append(
            (label_or_name(labels, item["state"]), href(item["state"], config.base_iri))
        )
    for item in meetings:
        key = (item.get("month") or item.get("date") or "")[:7]
        if not key:
            continue
        months.setdefault(key, Month(key)).meetings.append(
            {
                "date": item.get("date", ""),
                "theme": item.get("theme") or local_name(item["meeting"]),
                "theme_lang": "zh" if item.get("theme") else "",
                "format": labels.get(item.get("format") or "", ""),
                "href": href(item["meeting"], config.base_iri),
            }
        )
    for entry in months.values():
        entry.meetings.sort(key=lambda m: m["date"])
    return [months[key] for key in sorted(months)]
