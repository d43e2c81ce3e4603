"""Unit tests of the pieces that decide before a query runs: the guard and negotiation."""

from __future__ import annotations

import pytest
from unsckg.server.errors import BadRequest, ServiceRefused
from unsckg.server.guard import check_network, is_allowed, quick_scan, scan, single_pattern
from unsckg.server.negotiation import RESULT_FORMATS, choose_query_formats, negotiate, parse_accept


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://x/> {} }",
        "select * { Service Silent <http://x/> {} }",
        "SELECT * { \\u0053ERVICE <http://x/> {} }",
        "SELECT * { SERVICE ?endpoint {} }",
        "LOAD <http://x/data.ttl> INTO GRAPH <urn:g>",
        "# comment\nSELECT * {\n  SERVICE\n<http://x/> {} }",
    ],
)
def test_network_keywords_are_found(query: str) -> None:
    assert scan(query).network
    with pytest.raises(ServiceRefused):
        check_network(quick_scan(query), ())


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ("SERVICE" AS ?x) {}',
        "SELECT * { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>",
        "SELECT ?service { ?service ?p ?o }",
        "SELECT * { ?s ex:SERVICE ?o }",
        "SELECT * { ?s ?p '''a SERVICE <http://x/> b''' }",
    ],
)
def test_words_that_are_not_the_keyword(query: str) -> None:
    assert scan(query).network == []


def test_from_is_noticed() -> None:
    assert scan("SELECT * FROM <urn:g> { ?s ?p ?o }").has_from
    assert not scan('SELECT * { ?s ?p "FROM" }').has_from


@pytest.mark.parametrize(
    ("iri", "allowed"),
    [
        ("https://query.wikidata.org/sparql", True),
        ("https://query.wikidata.org/sparql/x", True),
        ("https://query.wikidata.org/sparqlx", False),
        ("https://query.wikidata.org:444/sparql", False),
        ("http://query.wikidata.org/sparql", False),
        ("https://user@query.wikidata.org/sparql", False),
        ("https://query.wikidata.org.evil.example/sparql", False),
        ("file:///etc/passwd", False),
    ],
)
def test_allow_list(iri: str, allowed: bool) -> None:
    assert is_allowed(iri, ("https://query.wikidata.org/sparql",)) is allowed


@pytest.mark.parametrize(
    ("query", "eligible"),
    [
        ("SELECT ?p ?o WHERE { <urn:a> ?p ?o }", True),
        ("PREFIX u: <urn:u:> SELECT * { ?v u:voter ?x . } LIMIT 10", True),
        ("ASK { ?s a <urn:c> }", True),
        ("SELECT ?p WHERE { <urn:a> ?p ?o . ?o ?q ?r }", False),
        ("SELECT ?p WHERE { <urn:a> ?p ?o FILTER(?o) }", False),
        ("SELECT DISTINCT ?p WHERE { <urn:a> ?p ?o }", False),
        ("SELECT ?p WHERE { <urn:a> ?p ?o } ORDER BY ?p", False),
        ("SELECT ?p WHERE { <urn:a> ?p ?o } OFFSET 5", False),
        ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", False),
        ("SELECT ?p WHERE { <urn:a> <urn:b>* ?o }", False),
        ("SELECT ?p FROM <urn:g> WHERE { <urn:a> ?p ?o }", False),
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", False),
    ],
)
def test_single_pattern(query: str, eligible: bool) -> None:
    assert single_pattern(query) is eligible


def test_accept_specificity_beats_order() -> None:
    ranges = parse_accept("*/*;q=0.1, application/sparql-results+xml;q=0.5, text/*;q=0")
    chosen = negotiate(ranges, RESULT_FORMATS)
    assert chosen is not None and chosen.key == "xml"


def test_q_zero_excludes() -> None:
    assert negotiate(parse_accept("text/csv;q=0"), RESULT_FORMATS) is None


def test_format_parameter_names() -> None:
    formats = choose_query_formats("text/html", "xml")
    assert formats.results is not None and formats.results.key == "xml"
    assert formats.graph is not None and formats.graph.key == "rdfxml"
    with pytest.raises(BadRequest):
        choose_query_formats(None, "png")
