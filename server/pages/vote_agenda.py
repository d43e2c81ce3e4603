"""The agenda of each vote taken, for the vote matrix's agenda filter.

The graph has no "voted under agenda item" property: a vote is linked to its meeting by
``prov:wasGeneratedBy`` (the UN Library's voting data, meeting records), and a meeting states
its ``unsc:agendaItem`` (records, voting data) or ``unsc:theme`` (letters announcing debates).
A vote with no such link takes the agenda of the meetings held on its date, which is right
when the Council met once that day and is the only hint when it did not; the linked meeting's
agenda, when it states one, wins. Votes whose meetings state neither stay "agenda not known".
"""

from __future__ import annotations

from collections import defaultdict

from unsckg.server.pages.i18n import pick_label
from unsckg.server.pages.protocols import SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, lang, rows, value

UNKNOWN = "none"  # the filter's value for the votes whose agenda is not known

# Two small queries joined here rather than one join in SPARQL: the join of votes to the
# meetings of their date took 37 s on the real corpus (2,100 documents) on a busy machine,
# these two take well under a second together.
_GENERATED = f"""{PREFIXES}
SELECT DISTINCT ?draft ?resolution ?meeting WHERE {{
  ?vote a unsc:Vote ; prov:wasGeneratedBy ?meeting .
  OPTIONAL {{ ?vote unsc:draft ?draft }} OPTIONAL {{ ?vote unsc:resolution ?resolution }}
}}"""

_MEETINGS = f"""{PREFIXES}
SELECT DISTINCT ?meeting ?date ?agenda WHERE {{
  ?meeting a unsc:Meeting ; unsc:agendaItem|unsc:theme ?agenda
  OPTIONAL {{ ?meeting unsc:date ?date }}
}}"""

Labels = list[tuple[str, str]]  # (text, language) pairs, as pick_label takes them


async def _meeting_agendas(runner: SparqlRunner) -> tuple[dict[str, Labels], dict[str, Labels]]:
    """The agendas of each meeting, and of each date's meetings together."""
    by_meeting: dict[str, Labels] = defaultdict(list)
    by_date: dict[str, Labels] = defaultdict(list)
    for row in rows(await runner.select(_MEETINGS)):
        text = (value(row, "agenda") or "").strip()
        if text:
            pair = (text, lang(row, "agenda").split("-")[0])
            by_meeting[value(row, "meeting") or ""].append(pair)
            by_date[(value(row, "date") or "")[:10]].append(pair)
    return by_meeting, by_date


async def agendas(runner: SparqlRunner, language: str, dates: dict[str, str]) -> dict[str, str]:
    """Vote key (the draft, else the resolution) -> its agenda, in the interface language
    where the graph has it, else in the language it has. ``dates``: each key's vote date."""
    by_meeting, by_date = await _meeting_agendas(runner)
    found: dict[str, Labels] = defaultdict(list)
    for row in rows(await runner.select(_GENERATED)):
        key = value(row, "draft") or value(row, "resolution") or ""
        found[key].extend(by_meeting.get(value(row, "meeting") or "", []))
    chosen: dict[str, str] = {}
    for key, date in dates.items():
        pairs = found.get(key) or by_date.get(date[:10], [])  # the meeting named, else the day's
        label = pick_label(sorted(pairs), language) if pairs else None
        if label:
            chosen[key] = label
    return chosen
