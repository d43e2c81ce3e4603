"""The world map of one state's agreement: every other member coloured by the share of the
votes both cast (on the same draft or resolution) where they cast the same value.

The numbers are the state page's agreement chart (``state_charts.agreement_query``), so the
map, the chart and the table beside each always agree. Shares fall into five bins of twenty
points, coloured on a sequential scale (ColorBrewer YlGnBu, readable with the common colour
vision deficiencies) that the page's legend names; a state shares no vote with another shows
as a non-member. Members are keyed by M49 code as on the vote map, so the same script draws
both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.i18n import translator
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, rows, value
from unsckg.server.pages.state_charts import agreement_query

BINS = 5  # 0-20 %, 20-40 %, ... 80-100 %

_VOTERS = f"""{PREFIXES}
SELECT DISTINCT ?state WHERE {{ ?vote a unsc:Vote ; unsc:voter ?state }}"""


@dataclass
class AgreementMap:
    """The states one can choose, the one chosen, and every other member's share."""

    choices: list[tuple[str, str]] = field(default_factory=list)  # (iri, label)
    state: str = ""
    label: str = ""
    self_m49: str = ""
    members: list[dict[str, str]] = field(default_factory=list)
    itself: dict[str, str] = field(default_factory=dict)  # the state, marked on the map


def share_bin(same: int, common: int) -> int:
    """The legend's bin of a share: 0 for under 20 %, ..., 4 for 80 % and more."""
    return min(BINS - 1, (BINS * same) // common) if common else 0


async def _m49(runner: SparqlRunner, states: set[str]) -> dict[str, str]:
    if not states:
        return {}
    values = " ".join(iri(s) for s in sorted(states))
    query = f"""{PREFIXES}
SELECT ?s ?m49 WHERE {{ VALUES ?s {{ {values} }} ?s unsc:m49 ?m49 }}"""
    return {
        value(r, "s") or "": (value(r, "m49") or "").zfill(3)
        for r in rows(await runner.select(query))
    }


async def agreement_map(
    runner: SparqlRunner, config: PageConfig, language: str, state: str
) -> AgreementMap:
    """The map's data for ``state`` (an IRI, or a state's ISO code such as ``CHN``).

    :raises BadTermError: ``state`` cannot be written as an IRI (the route answers 400).
    """
    if state.isalpha() and len(state) == 3:
        state = f"{config.base_iri}state/{state.upper()}"
    iri(state)
    voters = {value(r, "state") or "" for r in rows(await runner.select(_VOTERS))}
    labels = await fetch_labels(runner, voters | {state}, language)
    result = AgreementMap(
        sorted(
            ((v, label_or_name(labels, v)) for v in voters), key=lambda c: sort_key(c[1], language)
        ),
        state,
        label_or_name(labels, state),
    )
    found = rows(await runner.select(agreement_query(state)))
    others = {value(r, "other") or "" for r in found}
    codes = await _m49(runner, others | {state})
    labels.update(await fetch_labels(runner, others - set(labels), language))
    result.self_m49 = codes.get(state, "")
    strings = translator(language)
    result.itself = {
        "label": result.label,
        "href": href(state, config.base_iri),
        "m49": result.self_m49,
        "value": "self",
        "valueLabel": strings["map.agree.self"],
    }
    for row in found:
        other = value(row, "other") or ""
        common, same = int(value(row, "common") or 0), int(value(row, "same") or 0)
        result.members.append(
            {
                "label": label_or_name(labels, other),
                "href": href(other, config.base_iri),
                "m49": codes.get(other, ""),
                "value": f"agree-{share_bin(same, common)}",
                "share": f"{round(100 * same / common) if common else 0}",
                "common": str(common),
                "same": str(same),
                "valueLabel": strings["map.agree.tip"].format(
                    share=round(100 * same / common) if common else 0, same=same, common=common
                ),
            }
        )
    result.members.sort(
        key=lambda m: (-int(m["share"]), -int(m["common"]), sort_key(m["label"], language))
    )
    return result
