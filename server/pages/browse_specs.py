"""What each index lists: one SPARQL query per kind, its columns and its facets.

Every query returns one row per (entity, value) pair on the merged default graph; the index
keeps the first value of each field per entity, so an entity stated by three documents is one
row. Labels are chosen in the query: the interface language first, then any other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from unsckg.server.pages.sparql import PREFIXES


@dataclass(frozen=True)
class Column:
    """A column: the row field it shows, how (``link``, ``text``, ``num``, ``date``), its title."""

    field: str
    kind: str
    title: str  # an interface string key


@dataclass(frozen=True)
class IndexSpec:
    """One browsable index: its query (given the interface language) and what it shows."""

    kind: str
    query: Callable[[str], str]
    columns: tuple[Column, ...]
    facets: tuple[str, ...]  # row fields offered as facets (titles: ``facet.<field>``)
    sort: str  # the default sort field
    descending: bool = False


def label(var: str, out: str, language: str, prop: str = "rdfs:label") -> str:
    """SPARQL that binds ``?out`` to a label of ``?var``: the interface language's if any."""
    return (
        f"OPTIONAL {{ ?{var} {prop} ?{out}_1 FILTER(langMatches(lang(?{out}_1), '{language}')) }}"
        f" OPTIONAL {{ ?{var} {prop} ?{out}_2 }}"
        f" BIND(COALESCE(?{out}_1, ?{out}_2) AS ?{out})"
    )


def _states(language: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?label ?iso3 ?permanent ?votes ?presidencies WHERE {{
  ?item a unsc:MemberState . OPTIONAL {{ ?item unsc:iso3 ?iso3 }}
  BIND(IF(EXISTS {{ ?item a unsc:PermanentMember }}, "permanent", "elected") AS ?permanent)
  OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?v) AS ?votes)
             WHERE {{ ?v a unsc:Vote ; unsc:voter ?item }} GROUP BY ?item }}
  OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?p) AS ?presidencies)
             WHERE {{ ?p a unsc:Presidency ; unsc:heldBy ?item }} GROUP BY ?item }}
  {label("item", "label", language)}
}}"""


def _people(language: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?label ?state ?state_href ?role WHERE {{
  ?item a unsc:Person . {label("item", "label", language)}
  OPTIONAL {{ ?item unsc:represents ?state_href . {label("state_href", "state", language)} }}
  OPTIONAL {{ ?item unsc:role ?role }}
}}"""


def _meetings(language: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?date ?theme ?number ?format ?presidency ?presidency_href ?outcome WHERE {{
  ?item a unsc:Meeting . OPTIONAL {{ ?item unsc:date ?date }}
  OPTIONAL {{ ?item unsc:theme ?theme }} OPTIONAL {{ ?item unsc:meetingNumber ?number }}
  OPTIONAL {{ ?item unsc:format ?f .
             {label("f", "format", language, "skos:prefLabel|rdfs:label")} }}
  OPTIONAL {{ ?item unsc:presidency/unsc:heldBy ?presidency_href .
             {label("presidency_href", "presidency", language)} }}
  OPTIONAL {{ ?item unsc:outcome ?outcome }}
}}"""


def _resolutions(_: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?symbol ?number ?adopted ?year ?procedure ?draft ?draft_href WHERE {{
  ?item a unsc:Resolution . OPTIONAL {{ ?item unsc:symbol ?symbol }}
  OPTIONAL {{ ?item unsc:number ?number }} OPTIONAL {{ ?item unsc:adopted ?adopted }}
  OPTIONAL {{ ?item unsc:year ?year }} OPTIONAL {{ ?item unsc:procedure ?procedure }}
  OPTIONAL {{ ?item unsc:draft ?draft_href . ?draft_href unsc:symbol ?draft }}
}}"""


def _documents(language: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?symbol ?file ?date ?language ?doc_kind ?author WHERE {{
  ?item a unsc:Document . FILTER EXISTS {{ ?item unsc:sourceFile|unsc:contentHash ?any }}
  OPTIONAL {{ ?item unsc:authorState ?a . {label("a", "author", language)} }}
  OPTIONAL {{ ?item unsc:symbol ?symbol }} OPTIONAL {{ ?item unsc:sourceFile ?file }}
  OPTIONAL {{ ?item unsc:date ?date }} OPTIONAL {{ ?item unsc:language ?language }}
  OPTIONAL {{ ?item unsc:documentKind ?doc_kind }}
}}"""


def _votes(language: str) -> str:
    return f"""{PREFIXES}
SELECT ?item ?voter ?voter_href ?value ?draft ?draft_href ?date WHERE {{
  ?item a unsc:Vote ; unsc:voter ?voter_href . {label("voter_href", "voter", language)}
  OPTIONAL {{ ?item unsc:value ?v . {label("v", "value", language, "skos:prefLabel|rdfs:label")} }}
  OPTIONAL {{ ?item unsc:draft ?draft_href . OPTIONAL {{ ?draft_href unsc:symbol ?draft }} }}
  OPTIONAL {{ ?item unsc:date ?date }}
}}"""


def _themes(_: str) -> str:
    return f"""{PREFIXES}
SELECT ?theme (COUNT(DISTINCT ?m) AS ?meetings) (MIN(?d) AS ?first) (MAX(?d) AS ?date) WHERE {{
  ?m a unsc:Meeting ; unsc:theme ?theme . OPTIONAL {{ ?m unsc:date ?d }}
}} GROUP BY ?theme"""


def _c(field: str, kind: str, title: str = "") -> Column:
    return Column(field, kind, title or f"facet.{field}")


SPECS: dict[str, IndexSpec] = {
    spec.kind: spec
    for spec in (
        IndexSpec(
            "states",
            _states,
            (
                _c("label", "link", "col.name"),
                _c("iso3", "text", "col.iso3"),
                _c("permanent", "text"),
                _c("votes", "num", "kind.votes"),
                _c("presidencies", "num", "col.presidencies"),
            ),
            ("permanent",),
            "label",
        ),
        IndexSpec(
            "people",
            _people,
            (_c("label", "link", "col.name"), _c("state", "link"), _c("role", "text")),
            ("state", "role"),
            "label",
        ),
        IndexSpec(
            "meetings",
            _meetings,
            (
                _c("date", "date", "col.date"),
                _c("label", "link", "col.meeting"),
                _c("format", "text"),
                _c("presidency", "link"),
                _c("outcome", "text"),
            ),
            ("year", "format", "presidency", "outcome"),
            "date",
            descending=True,
        ),
        IndexSpec(
            "resolutions",
            _resolutions,
            (
                _c("label", "link", "col.symbol"),
                _c("adopted", "date", "col.adopted"),
                _c("procedure", "text"),
                _c("draft", "link", "col.draft"),
            ),
            ("year", "procedure"),
            "number",
            descending=True,
        ),
        IndexSpec(
            "documents",
            _documents,
            (
                _c("label", "link", "col.document"),
                _c("date", "date", "col.date"),
                _c("doc_kind", "text"),
                _c("language", "text"),
            ),
            ("year", "doc_kind", "language"),
            "date",
            descending=True,
        ),
        IndexSpec(
            "votes",
            _votes,
            (
                _c("date", "date", "col.date"),
                _c("draft", "link", "col.draft"),
                _c("voter", "link"),
                _c("value", "text"),
            ),
            ("year", "value", "voter"),
            "date",
            descending=True,
        ),
        IndexSpec(
            "themes",
            _themes,
            (
                _c("label", "link", "col.theme"),
                _c("meetings", "num", "kind.meetings"),
                _c("first", "date", "col.first"),
                _c("date", "date", "col.last"),
            ),
            ("year",),
            "date",
            descending=True,
        ),
    )
}
