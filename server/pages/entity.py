"""The Linked Data page of one entity: its labels, facts, incoming links and evidence.

Three queries (outgoing triples, incoming triples, evidence) and one for the labels of every
IRI they mention. Each triple is read with ``GRAPH ?g`` so the page can say which document
states it; evidence nodes are shown with their quotes rather than as bare blank-node facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from fastapi import Request, Response
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from unsckg.graph import texts
from unsckg.ontology.vocab import UNSC
from unsckg.server.pages.document_text import Span, document_spans
from unsckg.server.pages.full_text import Piece, pieces
from unsckg.server.pages.i18n import pick_label, request_language, translator
from unsckg.server.pages.incoming import group_incoming
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import explore_href, href, is_local, undocs_url
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.reconciliation import Finding, of_resolution
from unsckg.server.pages.render import page, request_config
from unsckg.server.pages.sparql import PREFIXES, Row, iri, lang, rows, uris, value
from unsckg.server.pages.state_charts import StateCharts, chart_data, state_charts
from unsckg.server.pages.state_terms import StateTerms, state_terms

_LIMIT = 500
_HAN = re.compile(r"[\u3400-\u9fff]")
_HIDDEN = {str(UNSC.evidence)}
_NAME_PROPS = {str(RDFS.label), str(SKOS.prefLabel)}


@dataclass
class Term:
    """One value in a facts table: a link, or a literal with its language or datatype."""

    text: str
    href: str | None = None
    note: str = ""
    sources: list[tuple[str, str]] = field(default_factory=list)  # (document label, href)
    css: str = ""  # a class for the value (a vote's value colours it)


@dataclass
class Incoming:
    """The things that point at the entity through one property, counted once each."""

    prop: Term
    count: int
    subjects: list[Term]


@dataclass
class Evidence:
    """A quote from a document that states a fact about the entity."""

    quote: str
    document: str
    document_label: str
    start: str | None
    end: str | None
    fact: str | None
    fact_label: str | None


@dataclass
class EntityView:
    """Everything the entity template shows."""

    iri: str
    title: str
    labels: list[tuple[str, str]]
    types: list[Term]
    facts: list[tuple[Term, list[Term]]]
    incoming: list[Incoming]
    evidence: list[Evidence]
    external: list[Term]
    explore: str
    several_sources: bool = False  # tag each fact with its graph only when there is a choice
    spans: list[Span] = field(default_factory=list)  # a document's quoted text
    full_text: list[Piece] = field(default_factory=list)  # the whole text, when kept
    full_text_lang: str = "zh-Hans"
    reconciliation: list[Finding] = field(default_factory=list)  # a resolution's findings
    terms: StateTerms | None = None  # a member state's seats and presidencies
    charts: StateCharts | None = None  # a member state's votes and agreement


async def _outgoing(runner: SparqlRunner, subject: str) -> list[Row]:
    query = f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {iri(subject)} ?p ?o }} }} LIMIT {_LIMIT}"
    return rows(await runner.select(query))


async def _incoming(runner: SparqlRunner, subject: str) -> list[Row]:
    """Triples that point at the entity; evidence nodes are shown as quotes, not as links."""
    query = f"""{PREFIXES}
SELECT ?s ?p ?g WHERE {{
  GRAPH ?g {{ ?s ?p {iri(subject)} }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s a unsc:Evidence }} }}
}} LIMIT {_LIMIT}"""
    return rows(await runner.select(query))


async def evidence_rows(runner: SparqlRunner, subject: str, limit: int = 40) -> list[Row]:
    """Evidence of the entity itself and of the fact nodes that point at it (votes, briefings).

    Documents that point at the entity (``unsc:authorState``) are left out: their evidence is
    about the document (its symbol, its date), not about this entity.
    """
    node = iri(subject)
    query = f"""{PREFIXES}
SELECT DISTINCT ?fact ?quote ?start ?end ?g WHERE {{
  {{ BIND({node} AS ?fact) GRAPH ?g {{ ?fact unsc:evidence ?ev }} }}
  UNION
  {{ GRAPH ?g {{ ?fact ?p {node} . ?fact unsc:evidence ?ev }}
     FILTER NOT EXISTS {{ GRAPH ?g {{ ?fact a unsc:Document }} }} }}
  GRAPH ?g {{ ?ev unsc:quote ?quote }}
  OPTIONAL {{ GRAPH ?g {{ ?ev unsc:startOffset ?start }} }}
  OPTIONAL {{ GRAPH ?g {{ ?ev unsc:endOffset ?end }} }}
}} ORDER BY ?g ?start LIMIT {limit}"""
    return rows(await runner.select(query))


def _term(row: Row, name: str, labels: dict[str, str], config: PageConfig) -> Term:
    """Turn one binding into a displayable term."""
    binding = row.get(name) or {}
    text = str(binding.get("value", ""))
    if binding.get("type") == "uri":
        shown = label_or_name(labels, text) if is_local(text, config.base_iri) else text
        return Term(labels.get(text, shown), href(text, config.base_iri))
    if binding.get("type") == "bnode":
        return Term("_:" + text)
    note = lang(row, name) or str(binding.get("datatype", "")).rsplit("#", 1)[-1]
    return Term(text, None, note)


def _external(outgoing: list[Row], config: PageConfig, language: str) -> list[Term]:
    """Links to other datasets: owl:sameAs, rdfs:seeAlso, and undocs.org for symbols."""
    links: list[Term] = []
    for row in outgoing:
        prop, obj = value(row, "p"), value(row, "o") or ""
        linking = prop in (str(OWL.sameAs), str(RDFS.seeAlso))
        if linking and not is_local(obj, config.base_iri) and href(obj, config.base_iri):
            links.append(Term(obj, href(obj, config.base_iri)))
        if prop == str(UNSC.symbol):
            url = undocs_url(obj, language)
            links.append(Term(f"undocs.org: {obj}", url))
    if sum("undocs.org" in (link.href or "") for link in links) > 1:  # the graph has its own
        links = [link for link in links if not link.text.startswith("undocs.org: ")]
    unique = {link.href: link for link in links}
    return list(unique.values())


def _facts(
    outgoing: list[Row], labels: dict[str, str], config: PageConfig
) -> tuple[list[Term], list[tuple[Term, list[Term]]]]:
    """The entity's classes, and its other facts grouped by property (one row per property)."""
    grouped: dict[str, list[Term]] = defaultdict(list)
    types: dict[str, Term] = {}
    for row in outgoing:
        prop = value(row, "p") or ""
        if prop in _HIDDEN:
            continue
        term = _term(row, "o", labels, config)
        if prop == str(RDF.type):
            types.setdefault(term.text, term)
            continue
        existing = next((t for t in grouped[prop] if t.text == term.text), None)
        graph = value(row, "g") or ""
        source = (label_or_name(labels, graph), href(graph, config.base_iri))
        if source not in (existing or term).sources:
            (existing or term).sources.append(source)
        if existing is None:
            grouped[prop].append(term)
    ordered = sorted(grouped.items(), key=lambda item: label_or_name(labels, item[0]))
    facts = [(Term(label_or_name(labels, p), href(p, config.base_iri)), ts) for p, ts in ordered]
    return list(types.values()), facts


def _quotes(
    evidence: list[Row], subject: str, labels: dict[str, str], config: PageConfig
) -> list[Evidence]:
    """Evidence rows as quotes, naming the fact node when it is not the entity itself."""
    quotes = []
    seen: set[tuple[str, ...]] = set()
    for row in evidence:
        graph, fact = value(row, "g") or "", value(row, "fact") or subject
        span = (graph, *(value(row, k) or "" for k in ("start", "end", "quote")))
        if span in seen:  # one span can state several facts (a person and their briefing)
            continue
        seen.add(span)
        own = fact == subject
        quotes.append(
            Evidence(
                quote=value(row, "quote") or "",
                document=href(graph, config.base_iri)
                + (
                    f"#span-{value(row, 'start')}-{value(row, 'end')}"
                    if value(row, "start")
                    else ""
                ),
                document_label=label_or_name(labels, graph),
                start=value(row, "start"),
                end=value(row, "end"),
                fact=None if own else href(fact, config.base_iri),
                fact_label=None if own else label_or_name(labels, fact),
            )
        )
    return quotes


def _fallback_title(
    subject: str, types: list[Term], labels: dict[str, str], config: PageConfig
) -> str:
    """A name for an entity without a label: its class and its key (``表决 S-2020-240/VNM``)."""
    if subject in labels:
        return labels[subject]
    key = (
        subject[len(config.base_iri) :].split("/", 1)[-1]
        if subject.startswith(config.base_iri)
        else subject
    )
    return f"{types[0].text} {key}" if types else key


async def describe(
    runner: SparqlRunner, subject: str, config: PageConfig, language: str
) -> EntityView | None:
    """Collect the entity's view, or None when the graph says nothing about it."""
    outgoing = await _outgoing(runner, subject)
    incoming = await _incoming(runner, subject)
    if not outgoing and not incoming:
        return None
    evidence = await evidence_rows(runner, subject)
    mentioned = {subject} | uris(outgoing + incoming + evidence, "p", "o", "s", "g", "fact")
    labels = await fetch_labels(runner, mentioned, language)
    names = [(value(r, "o") or "", lang(r, "o")) for r in outgoing if value(r, "p") in _NAME_PROPS]
    types, facts = _facts(outgoing, labels, config)
    back = await group_incoming(runner, incoming, labels, config, language)
    is_document = any(value(r, "o") == str(UNSC.Document) for r in outgoing)
    spans = await document_spans(runner, subject, config, language) if is_document else []
    text = texts.load(config.store, subject) if is_document and config.store else None
    is_state = any(value(r, "o") == str(UNSC.MemberState) for r in outgoing)
    is_resolution = any(value(r, "o") == str(UNSC.Resolution) for r in outgoing)
    number = subject.rsplit("/", 1)[-1]
    checked = await of_resolution(runner, config, language, number) if is_resolution else []
    charts = await state_charts(runner, subject, config, language) if is_state else None
    terms = await state_terms(runner, subject, config) if is_state else None
    return EntityView(
        iri=subject,
        title=pick_label(names, language) or _fallback_title(subject, types, labels, config),
        labels=sorted(set(names), key=lambda pair: pair[1]),
        types=types,
        facts=facts,
        incoming=back,
        evidence=_quotes(evidence, subject, labels, config),
        external=_external(outgoing, config, language),
        explore=explore_href(subject),
        several_sources=len({value(r, "g") for r in outgoing}) > 1,
        spans=spans,
        full_text=pieces(text, spans) if text else [],
        full_text_lang="en" if text and not _HAN.search(text[:4000]) else "zh-Hans",
        charts=charts,
        reconciliation=checked,
        terms=terms,
    )


def _with_base_of(iri: str, request: Request, config: PageConfig) -> PageConfig:
    """The base IRI the server used for this page: ``iri`` minus the ``{kind}/{key}`` of the path.

    The server builds ``iri`` from its own settings' base for ``/id/{kind}/{key}``; reading the
    base back from the pair keeps the page's links right under a configured base even when the
    settings object does not reach this function.
    """
    path = str(request.scope.get("path", ""))
    if path.startswith("/id/") and iri.endswith(path[len("/id/") :]):
        return replace(config, base_iri=iri[: len(iri) - len(path) + len("/id/")])
    return config


async def render_entity(
    runner: SparqlRunner, iri: str, request: Request, settings: object | None = None
) -> Response:
    """The HTML page of ``iri``; 404 with a page of its own when the graph does not know it."""
    config = _with_base_of(iri, request, request_config(request, settings))
    language = request_language(request, config)
    view = await describe(runner, iri, config, language)
    if view is None:
        return page(request, "entity.html", config, {"view": None, "iri": iri}, status_code=404)
    context: dict[str, object] = {"view": view, "iri": iri}
    if view.charts is not None and not view.charts.empty:
        context["chart_data"] = chart_data(view.charts, translator(language))
    return page(request, "entity.html", config, context)
