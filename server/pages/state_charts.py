"""What a state page adds to the entity page: its votes per year and its agreement with the
other members, as data for two Chart.js charts and as tables (the same numbers, readable
without a script and by a screen reader).

Votes are counted once per vote node on the merged graph; a vote without a date is left out
of the per-year chart (its count is said). Agreement with another member is the share of the
votes both cast on the same draft (or resolution) where they cast the same value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, local_name, rows, value

VALUES = ("InFavour", "Against", "Abstention", "Absent")


@dataclass
class StateCharts:
    """Per year: {value: count}; per other member: (label, href, common, same)."""

    years: dict[str, dict[str, int]] = field(default_factory=dict)
    undated: int = 0
    vetoes: dict[str, int] = field(default_factory=dict)
    agreement: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.years and not self.agreement and not self.undated


def votes_per_year_query(state: str) -> str:
    """Distinct votes of ``state`` per year and value (the test compares with this count)."""
    return f"""{PREFIXES}
SELECT ?year ?value (COUNT(DISTINCT ?vote) AS ?n) WHERE {{
  ?vote a unsc:Vote ; unsc:voter {iri(state)} ; unsc:value ?value .
  OPTIONAL {{ ?vote unsc:date ?date }}
  BIND(IF(BOUND(?date), SUBSTR(STR(?date), 1, 4), "") AS ?year)
}} GROUP BY ?year ?value"""


def agreement_query(state: str) -> str:
    """Per other member: the votes both cast on one draft or resolution, and the same ones."""
    return f"""{PREFIXES}
SELECT ?other (COUNT(*) AS ?common) (SUM(IF(?mine = ?theirs, 1, 0)) AS ?same) WHERE {{
  {{ SELECT DISTINCT ?key ?mine WHERE {{
      ?a unsc:voter {iri(state)} ; unsc:value ?mine .
      OPTIONAL {{ ?a unsc:draft ?d }} OPTIONAL {{ ?a unsc:resolution ?r }}
      BIND(COALESCE(?d, ?r) AS ?key) FILTER(BOUND(?key)) }} }}
  {{ SELECT DISTINCT ?key ?other ?theirs WHERE {{
      ?b unsc:voter ?other ; unsc:value ?theirs .
      OPTIONAL {{ ?b unsc:draft ?d2 }} OPTIONAL {{ ?b unsc:resolution ?r2 }}
      BIND(COALESCE(?d2, ?r2) AS ?key) FILTER(BOUND(?key)) }} }}
  FILTER(?other != {iri(state)})
}} GROUP BY ?other"""


_VETOES = """{prefixes}
SELECT ?year (COUNT(DISTINCT ?d) AS ?n) WHERE {{
  {state} a unsc:PermanentMember .
  ?v unsc:voter {state} ; unsc:value unsc:Against ; unsc:draft ?d .
  FILTER NOT EXISTS {{ ?r unsc:draft ?d }}
  OPTIONAL {{ ?v unsc:date ?date }}
  BIND(IF(BOUND(?date), SUBSTR(STR(?date), 1, 4), "") AS ?year)
}} GROUP BY ?year"""


async def state_charts(
    runner: SparqlRunner, state: str, config: PageConfig, language: str
) -> StateCharts:
    """The numbers behind a state's charts."""
    charts = StateCharts()
    years: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(VALUES, 0))
    for row in rows(await runner.select(votes_per_year_query(state))):
        year, count = value(row, "year") or "", int(value(row, "n") or 0)
        if not year:
            charts.undated += count
            continue
        name = local_name(value(row, "value") or "")
        years[year][name] = years[year].get(name, 0) + count
    charts.years = {y: years[y] for y in sorted(years)}
    vetoes = _VETOES.format(prefixes=PREFIXES, state=iri(state))
    charts.vetoes = {
        value(r, "year") or "": int(value(r, "n") or 0) for r in rows(await runner.select(vetoes))
    }
    found = rows(await runner.select(agreement_query(state)))
    labels = await fetch_labels(runner, {value(r, "other") or "" for r in found}, language)
    agreement = [
        (
            label_or_name(labels, value(r, "other") or ""),
            href(value(r, "other") or "", config.base_iri),
            int(value(r, "common") or 0),
            int(value(r, "same") or 0),
        )
        for r in found
    ]
    charts.agreement = sorted(
        agreement, key=lambda a: (-(a[3] / a[2] if a[2] else 0), sort_key(a[0], language))
    )
    return charts


def chart_data(charts: StateCharts, strings: dict[str, str]) -> dict[str, object]:
    """What the page script draws (labels already in the interface language)."""
    return {
        "years": list(charts.years),
        "series": [
            {"key": v, "label": strings[f"vote.{v}"], "data": [c[v] for c in charts.years.values()]}
            for v in VALUES
        ],
        "vetoes": [charts.vetoes.get(y, 0) for y in charts.years],
        "vetoLabel": strings["votes.veto"],
        "agreement": {
            "labels": [a[0] for a in charts.agreement],
            "data": [round(100 * a[3] / a[2], 1) if a[2] else 0 for a in charts.agreement],
            "label": strings["state.agreement.axis"],
        },
    }
