"""The world map of one vote: the members who voted, coloured by their vote.

The page gets the vote's members keyed by UN M49 code (``unsc:m49``), which is the ISO 3166
numeric code Natural Earth's TopoJSON (``world-atlas``) uses as feature id, so the browser
joins the two without a lookup table. The same members are listed in a table beside the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, BadTermError, Row, iri, local_name, rows, value

_CHOICES = f"""{PREFIXES}
SELECT ?key (SAMPLE(?d) AS ?date) (COUNT(DISTINCT ?voter) AS ?n) WHERE {{
  ?vote a unsc:Vote ; unsc:voter ?voter .
  OPTIONAL {{ ?vote unsc:draft ?draft }} OPTIONAL {{ ?vote unsc:resolution ?res }}
  OPTIONAL {{ ?vote unsc:date ?d }}
  BIND(COALESCE(?draft, ?res) AS ?key) FILTER(BOUND(?key))
}} GROUP BY ?key ORDER BY DESC(?date)"""


def _members_query(key: str) -> str:
    node = iri(key)
    return f"""{PREFIXES}
SELECT DISTINCT ?voter ?m49 ?value WHERE {{
  ?vote a unsc:Vote ; unsc:voter ?voter ; unsc:value ?value .
  {{ ?vote unsc:draft {node} }} UNION {{ ?vote unsc:resolution {node} }}
  UNION {{ {node} unsc:draft ?d . ?vote unsc:draft ?d }}
  OPTIONAL {{ ?voter unsc:m49 ?m49 }}
}}"""


@dataclass
class VoteMap:
    """The votes one can map, the one chosen, and its members."""

    choices: list[tuple[str, str, str]] = field(default_factory=list)  # (iri, label, date)
    chosen: str = ""
    members: list[dict[str, str]] = field(default_factory=list)


async def _members(runner: SparqlRunner, key: str) -> list[Row]:
    """The voters of one draft or resolution (none for an IRI that cannot be written)."""
    try:
        return rows(await runner.select(_members_query(key)))
    except BadTermError:
        return []


async def vote_map(
    runner: SparqlRunner, config: PageConfig, language: str, chosen: str | None
) -> VoteMap:
    """The map's data: the vote ``chosen`` (a draft or resolution IRI), else the latest."""
    found = rows(await runner.select(_CHOICES))
    keys = [value(r, "key") or "" for r in found]
    labels = await fetch_labels(runner, keys, language)
    result = VoteMap(
        [
            (k, label_or_name(labels, k), value(r, "date") or "")
            for k, r in zip(keys, found, strict=True)
        ]
    )
    members = await _members(runner, chosen) if chosen else []
    if not members:  # a key the list lacks (a resolution whose votes are keyed by its draft)
        chosen = keys[0] if keys else ""  # is still mapped when it has votes; else the latest
        members = await _members(runner, chosen) if chosen else []
    result.chosen = chosen or ""
    if not chosen:
        return result
    if chosen not in keys:  # keep the list's selection in step with the map
        named = await fetch_labels(runner, {chosen}, language)
        result.choices.insert(0, (chosen, label_or_name(named, chosen), ""))
    names = await fetch_labels(
        runner,
        {value(m, "voter") or "" for m in members} | {value(m, "value") or "" for m in members},
        language,
    )
    seen: dict[str, dict[str, str]] = {}
    for m in members:
        voter = value(m, "voter") or ""
        seen.setdefault(
            voter,
            {
                "label": label_or_name(names, voter),
                "href": href(voter, config.base_iri),
                "m49": (value(m, "m49") or "").zfill(3),
                "value": local_name(value(m, "value") or ""),
                "valueLabel": label_or_name(names, value(m, "value") or ""),
            },
        )
    result.members = sorted(seen.values(), key=lambda m: sort_key(m["label"], language))
    return result
