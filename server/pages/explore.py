"""The explorer's two JSON calls: find entities by name, and one entity's neighbourhood.

The browser never writes SPARQL for the explorer: the server builds the queries from a search
string or an IRI (escaped by ``sparql.literal`` / ``sparql.iri``) and answers with plain JSON
that Cytoscape.js draws directly. Only resources under the base IRI become nodes; ontology terms
(vote values, formats) and outside IRIs would turn into hubs that tie every node together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from unsckg.ontology.vocab import NAMESPACE as UNSC_NS
from unsckg.server.pages.document_text import vote_labels
from unsckg.server.pages.entity import describe
from unsckg.server.pages.incoming import vote_summaries
from unsckg.server.pages.labels import fetch_labels
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, literal, local_name, rows, value

_NEIGHBOURS = 2000  # rows read; the page draws groups, not every row
# What a search matches: names and symbols, and a meeting's theme and agenda item (meetings have
# no name of their own).
_NAMES = "rdfs:label|skos:altLabel|skos:prefLabel|unsc:symbol|unsc:iso3|unsc:theme|unsc:agendaItem"
_GENERIC = {"State", "Document"}  # a draft resolution is also a document: show it as a draft


def display_name(uri: str, labels: dict[str, str], base_iri: str) -> str:
    """A label, else the IRI's path after its kind (``S-2020-240/BEL`` for a vote)."""
    if uri in labels:
        return labels[uri]
    if uri.startswith(base_iri):
        return uri[len(base_iri) :].split("/", 1)[-1]
    return local_name(uri)


async def classes_of(runner: SparqlRunner, iris: set[str]) -> dict[str, str]:
    """The ontology class (local name) of each IRI; a specific class wins over a generic one."""
    if not iris:
        return {}
    values = " ".join(iri(i) for i in sorted(iris))
    query = f"""{PREFIXES}
SELECT ?x ?type WHERE {{ VALUES ?x {{ {values} }} GRAPH ?g {{ ?x a ?type }}
  FILTER(STRSTARTS(STR(?type), STR(unsc:))) }}"""
    found: dict[str, str] = {}
    for row in rows(await runner.select(query)):
        name = local_name(value(row, "type") or "")
        subject = value(row, "x") or ""
        if subject not in found or (found[subject] in _GENERIC and name not in _GENERIC):
            found[subject] = name
    return found


def _node(
    uri: str, labels: dict[str, str], classes: dict[str, str], config: PageConfig
) -> dict[str, str]:
    """One node as Cytoscape.js data: its IRI, label, class (and its label) and page."""
    cls = classes.get(uri, "Thing")
    return {
        "id": uri,
        "label": display_name(uri, labels, config.base_iri),
        "cls": cls,
        "clsLabel": labels.get(UNSC_NS + cls, cls),
        "href": href(uri, config.base_iri),
    }


def _class_iris(classes: dict[str, str]) -> set[str]:
    """The ontology IRIs of the classes found, so that their labels come in the same query."""
    return {UNSC_NS + name for name in classes.values()}


async def search(
    runner: SparqlRunner, text: str, config: PageConfig, language: str, limit: int = 25
) -> list[dict[str, str]]:
    """Entities whose name, symbol or theme contains ``text`` (case-insensitive)."""
    needle = literal(text.strip().lower())
    query = f"""{PREFIXES}
SELECT DISTINCT ?s WHERE {{
  GRAPH ?g {{ ?s {_NAMES} ?name }}
  FILTER(CONTAINS(LCASE(STR(?name)), {needle}))
  FILTER(STRSTARTS(STR(?s), {literal(config.base_iri)}))
}} LIMIT {limit}"""
    found = {value(r, "s") or "" for r in rows(await runner.select(query))}
    classes = await classes_of(runner, found)
    labels = await fetch_labels(runner, found | _class_iris(classes), language)
    nodes = [_node(uri, labels, classes, config) for uri in found]
    return sorted(nodes, key=lambda n: (len(n["label"]), n["label"]))


OPEN_END = 9999  # the last year of a term that has not ended (a permanent seat)


async def years_of(runner: SparqlRunner, iris: set[str]) -> dict[str, tuple[int, int]]:
    """The years each dated entity spans, for the explorer's time filter.

    A vote, meeting or document has one date (``unsc:date``, else ``unsc:issued``), a
    resolution its adoption, a presidency its month, a representation the years from its
    earliest to its latest evidence (``unsc:since`` .. ``unsc:until``), a Council term its
    ``unsc:termStart`` .. ``unsc:termEnd`` (a permanent seat has no end: ``OPEN_END``). Years,
    not dates: the
    filter asks "from 2019 to 2020", and a year is all a ``gYearMonth`` and a date share.
    """
    if not iris:
        return {}
    values = " ".join(iri(i) for i in sorted(iris))
    query = f"""{PREFIXES}
SELECT ?x (MIN(?y) AS ?start) (MAX(?z) AS ?end) WHERE {{
  VALUES ?x {{ {values} }}
  {{ ?x unsc:date|unsc:issued|unsc:adopted|unsc:month|unsc:since|unsc:until ?d
     BIND(SUBSTR(STR(?d), 1, 4) AS ?y) BIND(?y AS ?z) }}
  UNION
  {{ ?x unsc:termStart ?d OPTIONAL {{ ?x unsc:termEnd ?e }}
     BIND(SUBSTR(STR(?d), 1, 4) AS ?y)
     BIND(IF(BOUND(?e), SUBSTR(STR(?e), 1, 4), "{OPEN_END}") AS ?z) }}
}} GROUP BY ?x"""
    found: dict[str, tuple[int, int]] = {}
    for row in rows(await runner.select(query)):
        start, end = value(row, "start") or "", value(row, "end") or ""
        if start.isdigit() and end.isdigit():
            found[value(row, "x") or ""] = (int(start), int(end))
    return found


GROUP_AT = 8  # more neighbours than this through one relation become one group node


async def neighbourhood(
    runner: SparqlRunner, subject: str, config: PageConfig, language: str
) -> dict[str, Any]:
    """The entity, its neighbours grouped by relation, and its facts for the side panel.

    A relation with more than ``GROUP_AT`` neighbours of one class (fifty votes of a state)
    comes back as one group ("vote (50)") whose members the page adds when the group is
    opened. Every edge carries its relation's label; votes are named by voter and value and
    carry the value. Dated nodes carry ``from`` and ``to`` years for the page's time filter.
    """
    node = iri(subject)
    base = literal(config.base_iri)
    query = f"""{PREFIXES}
SELECT DISTINCT ?p ?o ?dir WHERE {{
  {{ {node} ?p ?o BIND("out" AS ?dir) }} UNION {{ ?o ?p {node} BIND("in" AS ?dir) }}
  FILTER(isIRI(?o) && STRSTARTS(STR(?o), {base}) && ?o != {node})
  FILTER(?p NOT IN (unsc:evidence, prov:wasDerivedFrom))
}} LIMIT {_NEIGHBOURS}"""
    found = rows(await runner.select(query))
    others = {value(r, "o") or "" for r in found}
    props = {value(r, "p") or "" for r in found}
    classes = await classes_of(runner, others | {subject})
    named = others | props | {subject} | _class_iris(classes)
    labels = await fetch_labels(runner, named, language)
    labels.update(await vote_labels(runner, others | {subject}, config, language))
    values = await vote_summaries(
        runner, {o for o in others | {subject} if "/vote/" in o}, language
    )
    nodes = {uri: _node(uri, labels, classes, config) for uri in others | {subject}}
    for uri, (start, end) in (await years_of(runner, others | {subject})).items():
        nodes[uri]["from"], nodes[uri]["to"] = str(start), str(end)
    for uri, (on, shown, name) in values.items():
        nodes[uri]["value"] = name
        if "/state/" in subject and uri.endswith("/" + subject.rsplit("/", 1)[-1]):
            nodes[uri]["label"] = f"{on}: {shown}"  # seen from the voter: on what, and how
    by_relation: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in found:
        other = value(row, "o") or ""
        key = (value(row, "p") or "", value(row, "dir") or "", nodes[other]["cls"])
        by_relation[key].append(other)
    direct: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []
    groups: list[dict[str, Any]] = []
    for (prop, direction, cls), members in sorted(by_relation.items()):
        label = labels.get(prop) or local_name(prop)
        pairs = [_edge(subject, m, prop, direction, label) for m in sorted(set(members))]
        if len(pairs) > GROUP_AT:
            members_sorted = sorted(set(members), key=lambda m: nodes[m]["label"])
            groups.append(
                {
                    "id": f"group:{subject} {prop} {direction} {cls}",
                    "label": f"{labels.get(UNSC_NS + cls, cls)} ({len(members_sorted)})",
                    "edgeLabel": label,
                    "count": len(members_sorted),
                    "members": [nodes[m] for m in members_sorted],
                    "edges": pairs,
                }
            )
        else:
            edges.extend(pairs)
            direct.extend(nodes[m] for m in members)
    view = await describe(runner, subject, config, language)
    unique = {n["id"]: n for n in direct}
    return {
        "node": nodes[subject],
        "neighbours": sorted(unique.values(), key=lambda n: n["label"]),
        "edges": edges,
        "groups": groups,
        "view": asdict(view) if view else None,
    }


def _edge(subject: str, other: str, prop: str, direction: str, label: str) -> dict[str, str]:
    source, target = (subject, other) if direction == "out" else (other, subject)
    return {"id": f"{source} {prop} {target}", "source": source, "target": target, "label": label}


async def starting_points(
    runner: SparqlRunner, config: PageConfig, language: str, limit: int = 8
) -> list[dict[str, str]]:
    """A few entities to start from when the user does not know what to search for.

    The states that held the most presidencies and the drafts last put to the vote: the two
    ways into the graph that letters of presidencies and records of votes are about. Ordered,
    so that the same store always offers the same choice.
    """
    query = f"""{PREFIXES}
SELECT ?s WHERE {{
  {{ SELECT ?s (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p a unsc:Presidency ; unsc:heldBy ?s }}
     GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT {limit - limit // 2} }}
  UNION
  {{ SELECT ?s (MAX(?d) AS ?n) WHERE {{ ?v a unsc:Vote ; unsc:draft ?s ; unsc:date ?d }}
     GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT {limit // 2} }}
}}"""
    found = {value(r, "s") or "" for r in rows(await runner.select(query))}
    classes = await classes_of(runner, found)
    labels = await fetch_labels(runner, found | _class_iris(classes), language)
    nodes = [_node(uri, labels, classes, config) for uri in found]
    return sorted(nodes, key=lambda n: (n["cls"], n["label"]))


async def default_start(runner: SparqlRunner) -> str:
    """Where the explorer opens when not told: the state that presided or voted most."""
    query = f"""{PREFIXES}
SELECT ?s (COUNT(*) AS ?n) WHERE {{
  {{ ?p a unsc:Presidency ; unsc:heldBy ?s }} UNION {{ ?v a unsc:Vote ; unsc:voter ?s }}
}} GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1"""
    found = rows(await runner.select(query))
    return value(found[0], "s") or "" if found else ""
