"""The HTML page of the ontology: every class, property and named individual with its labels.

Read from the store's ontology graph (the same Turtle as ``ontology/unsc.ttl``), so the page
shows what the endpoint really serves; each term has an anchor (``/ontology#heldBy``) that the
entity pages link property names to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from fastapi import Request, Response
from rdflib.namespace import OWL
from unsckg.ontology.vocab import NAMESPACE as UNSC_NS
from unsckg.server.pages.i18n import pick_label, request_language
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import SparqlRunner
from unsckg.server.pages.render import page, request_config
from unsckg.server.pages.sparql import PREFIXES, Row, lang, literal, local_name, rows, value

_SECTIONS = {
    str(OWL.Class): "classes",
    str(OWL.ObjectProperty): "properties",
    str(OWL.DatatypeProperty): "properties",
    str(OWL.AnnotationProperty): "properties",
}


@dataclass
class OntologyTerm:
    """One term as the page shows it."""

    name: str
    iri: str
    labels: list[tuple[str, str]] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    domain: set[str] = field(default_factory=set)
    range: set[str] = field(default_factory=set)
    unions: dict[str, list[str]] = field(default_factory=dict)  # "domain"/"range" -> members
    section: str = "individuals"


async def ontology_terms(runner: SparqlRunner) -> list[OntologyTerm]:
    """All terms of the unsc: namespace found in the store, sorted by name."""
    query = f"""{PREFIXES}
SELECT ?term ?kind ?label ?comment ?domain ?range WHERE {{
  GRAPH ?g {{ ?term a ?kind }}
  FILTER(STRSTARTS(STR(?term), {literal(UNSC_NS)}))
  OPTIONAL {{ GRAPH ?g {{ ?term rdfs:label ?label }} }}
  OPTIONAL {{ GRAPH ?g {{ ?term rdfs:comment ?comment }} }}
  OPTIONAL {{ GRAPH ?g {{ ?term rdfs:domain ?domain }} }}
  OPTIONAL {{ GRAPH ?g {{ ?term rdfs:range ?range }} }}
}}"""
    terms: dict[str, OntologyTerm] = {}
    for row in rows(await runner.select(query)):
        uri = value(row, "term") or ""
        term = terms.setdefault(uri, OntologyTerm(local_name(uri), uri))
        section = _SECTIONS.get(value(row, "kind") or "")
        if section and term.section == "individuals":
            term.section = section
        for name, bucket in (("label", term.labels), ("comment", term.comments)):
            text = value(row, name)
            if text is not None and (text, lang(row, name)) not in bucket:
                bucket.append((text, lang(row, name)))
        for name, target in (("domain", term.domain), ("range", term.range)):
            if value(row, name) and not _is_blank(row, name):
                target.add(value(row, name) or "")
    await _add_unions(runner, terms)
    return sorted(terms.values(), key=lambda t: (t.name.lower(), t.name))


def _is_blank(row: Row, name: str) -> bool:
    """A blank node, or one skolemised on loading (``…/.well-known/genid/…``, RDF 1.1 §3.5)."""
    term = row.get(name) or {}
    return term.get("type") == "bnode" or "/.well-known/genid/" in str(term.get("value", ""))


async def _add_unions(runner: SparqlRunner, terms: dict[str, OntologyTerm]) -> None:
    """A domain or range that is a union (a blank node with ``owl:unionOf``): its members, so
    the page says "Person or Organization" rather than showing a blank node's id."""
    query = f"""{PREFIXES}
SELECT ?term ?which ?member WHERE {{
  VALUES ?which {{ rdfs:domain rdfs:range }}
  GRAPH ?g {{ ?term ?which ?u . ?u owl:unionOf/rdf:rest*/rdf:first ?member }}
  FILTER((isBlank(?u) || CONTAINS(STR(?u), "/.well-known/genid/"))
         && STRSTARTS(STR(?term), {literal(UNSC_NS)}))
}}"""
    for row in rows(await runner.select(query)):
        term = terms.get(value(row, "term") or "")
        which = local_name(value(row, "which") or "")
        member = value(row, "member") or ""
        if term is not None and member not in term.unions.setdefault(which, []):
            term.unions[which].append(member)


async def render_ontology(
    runner: SparqlRunner, request: Request, settings: object | None = None
) -> Response:
    """The ontology as an HTML page in the request's language."""
    config = request_config(request, settings)
    language = request_language(request, config)
    sections: dict[str, list[dict[str, object]]] = defaultdict(list)
    for term in await ontology_terms(runner):
        sections[term.section].append(
            {
                "name": term.name,
                "iri": term.iri,
                "label": pick_label(term.labels, language) or term.name,
                "labels": sorted(term.labels, key=lambda pair: pair[1] != language),
                "comment": pick_label(term.comments, language) or "",
                "domain": [(local_name(d), href(d, config.base_iri)) for d in sorted(term.domain)],
                "range": [(local_name(r), href(r, config.base_iri)) for r in sorted(term.range)],
                "unions": {
                    which: [(local_name(m), href(m, config.base_iri)) for m in sorted(members)]
                    for which, members in term.unions.items()
                },
            }
        )
    return page(request, "ontology.html", config, {"sections": dict(sections)})
