"""What ``unsckg reconcile`` found, shown to people: the documents against the voting data.

``unsckg reconcile`` writes one node per finding into a graph of its own
(``{graph_base}reconciliation``, see :mod:`unsckg.graph.reconcile`): ``dcterms:type`` the outcome,
``dcterms:subject`` the node compared, ``prov:wasDerivedFrom`` the graphs of both sides, and
``rdfs:comment`` the one-line comparison with both pieces of evidence. The pages read those
nodes back: an index of every disagreement (``/reconciliation``, with a filter per outcome) and,
on a resolution's page, every finding about it (its adoption, meeting, tally and each vote).
The comment is split into the documents' side and the voting data's side for display; it is the
text the command printed, so the page and the command line never disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from unsckg.ontology.iris import IriScheme
from unsckg.server.pages.document_text import vote_labels
from unsckg.server.pages.i18n import translator
from unsckg.server.pages.labels import fetch_labels
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, literal, rows, value

OUTCOMES = ("disagree", "agree", "only documents", "only voting data")
ASPECTS = ("vote", "tally", "adopted", "meeting")
_LIMIT = 1000
_LINE = re.compile(
    r"^(?P<aspect>\S+)\s+(?P<key>.+?)\s+(?P<outcome>agree|disagree|only documents|"
    r"only voting data)\s+(?P<rest>.*)$",
    re.S,
)
_WHY = re.compile(r"\s*\[(?P<why>[^\[\]]+)\]$")


@dataclass
class Finding:
    """One comparison: what, the outcome, each side's statement, and where each comes from."""

    node: str
    aspect: str
    key: str
    outcome: str
    documents: str
    data: str
    why: str = ""
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (label, href)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (label, href)


def graph_of(config: PageConfig) -> str:
    """The reconciliation graph for this server's base IRI."""
    return IriScheme(config.base_iri).graph_base + "reconciliation"


def split(node: str, label: str, comment: str) -> Finding:
    """A finding from its label (``vote 2505 VNM: agree``) and its comment (both sides)."""
    head, _, outcome = label.rpartition(": ")
    aspect, _, key = head.partition(" ")
    found = _LINE.match(comment.strip())
    rest = found.group("rest") if found else comment
    why = _WHY.search(rest)
    if why:
        rest = rest[: why.start()]
    ours, _, theirs = rest.rpartition("; voting data")
    ours = ours.removeprefix("documents").strip(" :")
    theirs = theirs.strip(" :")
    return Finding(
        node, aspect, key, outcome, ours or "—", theirs or "—", why["why"] if why else ""
    )


def _query(config: PageConfig, where: str) -> str:
    return f"""{PREFIXES}
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?f ?label ?comment ?subject ?source WHERE {{
  GRAPH {iri(graph_of(config))} {{
    ?f a prov:Entity ; dcterms:type ?outcome ; rdfs:label ?label ; rdfs:comment ?comment .
    OPTIONAL {{ ?f dcterms:subject ?subject }} OPTIONAL {{ ?f prov:wasDerivedFrom ?source }}
  }}
  {where}
}} LIMIT {_LIMIT * 4}"""


async def findings(
    runner: SparqlRunner, config: PageConfig, language: str, where: str
) -> list[Finding]:
    """The findings the ``where`` clause keeps, sorted by aspect and key, links labelled."""
    by_node: dict[str, Finding] = {}
    linked: dict[str, tuple[set[str], set[str]]] = {}
    for row in rows(await runner.select(_query(config, where))):
        node = value(row, "f") or ""
        if node not in by_node:
            by_node[node] = split(node, value(row, "label") or "", value(row, "comment") or "")
            linked[node] = (set(), set())
        subject, source = value(row, "subject"), value(row, "source")
        if subject:
            linked[node][0].add(subject)
        if source:
            linked[node][1].add(source)
    wanted = {i for pair in linked.values() for part in pair for i in part}
    labels = await fetch_labels(runner, wanted, language)
    labels.update(await vote_labels(runner, wanted, config, language))  # "Belgium: in favour"
    words = translator(language)
    for node, (subjects, sources) in linked.items():
        finding = by_node[node]
        finding.subjects = _links(subjects, labels, config)
        finding.sources = _links(sources, labels, config)
        finding.documents = _value_word(finding.documents, words)
        finding.data = _value_word(finding.data, words)
    order = {a: i for i, a in enumerate(ASPECTS)}
    return sorted(by_node.values(), key=lambda f: (order.get(f.aspect, 9), _natural(f.key)))


def _value_word(side: str, words: dict[str, str]) -> str:
    """A vote's value as the interface says it (``InFavour`` -> ``in favour``, 赞成)."""
    head, _, rest = side.partition(" ")
    said = words.get(f"vote.{head}")
    return f"{said} {rest}".strip() if said else side


def _links(iris: set[str], labels: dict[str, str], config: PageConfig) -> list[tuple[str, str]]:
    return sorted(
        (labels.get(i) or i.rsplit("/id/", 1)[-1], href(i, config.base_iri)) for i in iris
    )


def _natural(key: str) -> tuple[int, str]:
    digits = re.match(r"\d+", key)
    return (int(digits.group()) if digits else 10**9, key)


async def by_outcome(
    runner: SparqlRunner, config: PageConfig, language: str, outcome: str
) -> list[Finding]:
    """Every finding of one outcome (the index page)."""
    return await findings(runner, config, language, f"FILTER(?outcome = {literal(outcome)})")


async def of_resolution(
    runner: SparqlRunner, config: PageConfig, language: str, number: str
) -> list[Finding]:
    """Every finding about resolution ``number``: its label names the key (``vote 2505 VNM``)."""
    if not number.isdigit():
        return []
    pattern = literal(f"^[a-z]+ {number}( |:)")
    return await findings(runner, config, language, f"FILTER(REGEX(STR(?label), {pattern}))")


async def counts(runner: SparqlRunner, config: PageConfig) -> Counter[tuple[str, str]]:
    """How many findings per (aspect, outcome): the summary the command prints."""
    query = f"""{PREFIXES}
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?label ?outcome WHERE {{
  GRAPH {iri(graph_of(config))} {{ ?f a prov:Entity ; dcterms:type ?outcome ; rdfs:label ?label }}
}}"""
    found: Counter[tuple[str, str]] = Counter()
    for row in rows(await runner.select(query)):
        found[(value(row, "label") or "").split(" ", 1)[0], value(row, "outcome") or ""] += 1
    return found
