"""The agenda of each vote taken, for the vote matrix's agenda filter.

The graph has no "voted under agenda item" property: a vote is linked to its meeting by
``prov:wasGeneratedBy`` (the UN Library's voting data, meeting records), and a meeting states
its ``unsc:agendaItem`` (records, voting data) or ``unsc:theme`` (letters announcing debates).
A vote with no such link takes the agenda of the meetings held on its date, which is right
when the Council met once that day and is the only hint when it did not; the link, when
there is one, wins. Votes whose meeting states neither stay "agenda not known".
"""

from __future__ import annotations

from collections import defaultdict

from unsckg.server.pages.i18n import pick_label
from unsckg.server.pages.protocols import SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, lang, rows, value

UNKNOWN = "none"  # the filter's value for the votes whose agenda is not known

_AGENDA = f"""{PREFIXES}
SELECT DISTINCT ?key ?agenda ?how WHERE {{
  ?vote a unsc:Vote .
  OPTIONAL {{ ?vote unsc:draft ?draft }} OPTIONAL {{ ?vote unsc:resolution ?resolution }}
  BIND(COALESCE(?draft, ?resolution) AS ?key)
  FILTER(BOUND(?key))
  {{ ?vote prov:wasGeneratedBy ?meeting BIND(0 AS ?how) }}
  UNION
  {{ ?vote unsc:date ?day . ?meeting a unsc:Meeting ; unsc:date ?day BIND(1 AS ?how) }}
  ?meeting unsc:agendaItem|unsc:theme ?agenda
}}"""


async def agendas(runner: SparqlRunner, language: str) -> dict[str, str]:
    """Vote key (the draft, else the resolution) -> its agenda, in the interface language
    where the graph has it, else in the language it has."""
    found: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows(await runner.select(_AGENDA)):
        key, text = value(row, "key") or "", (value(row, "agenda") or "").strip()
        if key and text:
            how = value(row, "how") or "1"
            found[key][how].append((text, lang(row, "agenda").split("-")[0]))
    chosen: dict[str, str] = {}
    for key, by_how in found.items():
        best = by_how[min(by_how)]  # the meeting the vote names, else that day's meetings
        label = pick_label(sorted(best), language)
        if label:
            chosen[key] = label
    return chosen
