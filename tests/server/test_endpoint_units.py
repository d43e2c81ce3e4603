"""Unit tests of the pieces that decide before a query runs: the guard and negotiation."""

from __future__ import annotations

import os
import time
import urllib.parse
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.server.asgi import unquote
from unsckg.server.errors import BadRequest, MalformedQuery, QueryTooComplex, ServiceRefused
from unsckg.server.guard import (
    check_depth,
    is_allowed,
    may_reach_network,
    network_targets,
    single_pattern,
    vet,
)
from unsckg.server.inline import InlineSink
from unsckg.server.isolation import UnsafeNetwork, namespaces_available, require_isolation
from unsckg.server.negotiation import RESULT_FORMATS, choose_query_formats, negotiate, parse_accept
from unsckg.server.settings import (
    ServerSettings,
    default_http_processes,
    default_running,
    default_workers,
)
from unsckg.server.worker import CLOCK_AFTER, OverBudget


@pytest.mark.parametrize(
    ("query", "update"),
    [
        ("SELECT * { SERVICE <http://x/> {} }", False),
        ("select * { Service Silent <http://x/> {} }", False),
        ("SELECT * { SERVICE ?endpoint {} }", False),
        ("LOAD <http://x/data.ttl> INTO GRAPH <urn:g>", True),
        ("# comment\nSELECT * {\n  SERVICE\n<http://x/> {} }", False),
        ("PREFIX ex: <http://e/> SELECT * { ?s ex:a ?o SERVICE <http://x/> {} }", False),
    ],
)
def test_network_keywords_are_found(query: str, update: bool) -> None:
    assert may_reach_network(query)
    assert network_targets(query, update=update).network
    with pytest.raises(ServiceRefused):
        vet(query, (), update=update, need_from=False)


BYPASS = (
    "PREFIX ex: <http://e/> SELECT * { BIND(ex:a·\\# AS ?z) SERVICE <http://127.0.0.1:1/x> {} }"
)


@pytest.mark.parametrize(
    "query",
    [
        BYPASS,  # the issue's: the old lexer read the rest of the line after `\#` as a comment
        BYPASS.replace("·", "\\u00b7"),
        "SELECT * { \\u0053ERVICE <http://x/> {} }",
        "SELECT * { SERVICE <http://x/> {",
    ],
)
def test_what_cannot_be_checked_is_refused(query: str) -> None:
    with pytest.raises((MalformedQuery, ServiceRefused)):
        vet(query, ("http://127.0.0.1:1/sparql",), update=False, need_from=False)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ("SERVICE" AS ?x) {}',
        "SELECT * { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>",
        "SELECT ?service { ?service ?p ?o }",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:SERVICE ?o }",
        "SELECT * { ?s ?p '''a SERVICE <http://x/> b''' }",
    ],
)
def test_words_that_are_not_the_keyword(query: str) -> None:
    assert network_targets(query, update=False).network == []
    vet(query, (), update=False, need_from=False)


def test_from_is_noticed() -> None:
    assert vet("SELECT * FROM <urn:g> { ?s ?p ?o }", (), update=False, need_from=True).has_from
    assert not vet('SELECT * { ?s ?p "FROM" }', (), update=False, need_from=True).has_from


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 100 + "?s ?p ?o" + "}" * 100,
        "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 300 + "}",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o" + " + 1" * 5000 + ") }",
        "SELECT * WHERE { " + "SELECT * WHERE { " * 100 + "?s ?p ?o" + " }" * 100 + " }",
    ],
)
def test_deep_nesting_is_refused(query: str) -> None:
    with pytest.raises(QueryTooComplex):
        check_depth(query)


def test_ordinary_nesting_passes() -> None:
    check_depth("SELECT * WHERE " + "{" * 20 + "?s ?p '{{{{{{{{{{{{{{' " + "}" * 20)


@pytest.mark.parametrize(
    ("iri", "allowed"),
    [
        ("https://query.wikidata.org/sparql", True),
        ("HTTPS://Query.Wikidata.org:443/sparql", True),
        ("https://query.wikidata.org/sparql/x", False),
        ("https://query.wikidata.org/sparql/../other", False),
        ("https://query.wikidata.org/x/../sparql", False),
        ("https://query.wikidata.org/sparql/%2e%2e/other", False),
        ("https://query.wikidata.org/sparqlx", False),
        ("https://query.wikidata.org:444/sparql", False),
        ("http://query.wikidata.org/sparql", False),
        ("https://user@query.wikidata.org/sparql", False),
        ("https://query.wikidata.org.evil.example/sparql", False),
        ("https://query.wikidata.org/sparql#x", False),
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


def test_allow_list_needs_namespaces_or_consent(tmp_path: Path) -> None:
    allowing = ServerSettings(store_path=tmp_path, service_allowlist=("http://127.0.0.1:1/s",))
    with pytest.raises(UnsafeNetwork, match="--unsafe-network"):
        require_isolation(allowing, probe=lambda: False)
    require_isolation(replace(allowing, unsafe_network=True), probe=lambda: False)
    require_isolation(replace(allowing, service_allowlist=()), probe=lambda: False)
    require_isolation(allowing, probe=lambda: True)


def test_the_isolation_probe_runs() -> None:
    assert isinstance(namespaces_available(), bool)


def test_serve_defaults_come_from_the_cores(tmp_path: Path) -> None:
    assert [default_http_processes(n) for n in (1, 2, 4, 64)] == [1, 2, 4, 8]
    # No more queries running than cores, machine-wide; one spare worker in each process.
    assert [default_running(n, h) for n, h in ((1, 1), (2, 2), (16, 1), (16, 8))] == [1, 1, 16, 2]
    assert [default_workers(n, h) for n, h in ((1, 1), (2, 2), (16, 1), (16, 8))] == [2, 2, 17, 3]
    chosen = ServerSettings(store_path=tmp_path)
    assert chosen.http_processes >= 1 and chosen.workers == chosen.running_limit + 1
    assert chosen.running_limit * chosen.http_processes <= max(os.cpu_count() or 1, 1)
    asked = ServerSettings(store_path=tmp_path, http_processes=1, workers=3)
    assert (asked.http_processes, asked.workers) == (1, 3)
    assert ServerSettings(store_path=tmp_path, workers=3, running=5).running_limit == 3
    assert replace(chosen, workers=1).running_limit == 1  # as the CLI's --workers does
    with pytest.raises(ValueError, match="stall_after"):
        ServerSettings(store_path=tmp_path, stall_after=0)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                b"%",
                b"+",
                b"\\",
                b"x",
                b"\\x",
                b"4",
                b"1",
                b"e",
                b"F",
                b"g",
                b"%41",
                b"%e4%b8%ad",
                b"%zz",
                b"%4",
                b" ",
                b"\xc3\xa9",
                b"\xff",
                b"%5C",
                b"%25",
                b"\n",
                b"?",
                b"&",
            ]
        ),
        max_size=30,
    )
)
def test_unquote_is_urllibs(parts: list[bytes]) -> None:
    """``asgi.unquote`` (one C decoding call for valid escapes) answers what urllib does,
    invalid escapes, backslashes and invalid UTF-8 included."""
    raw = b"".join(parts)
    expected = urllib.parse.unquote_to_bytes(raw.replace(b"+", b" "))
    try:
        text = expected.decode("utf-8")
    except UnicodeDecodeError:
        with pytest.raises(BadRequest):
            unquote(raw)
        return
    assert unquote(raw) == text


def test_inline_sink_keeps_the_size_and_time_budget() -> None:
    """The fast path's sink gives up past its size limit, however small (even below the
    bytes before which it reads no clock), and past its CPU budget once it reads the clock."""
    small = InlineSink(limit=100, budget=60.0)
    small.write(b"x" * 100)
    with pytest.raises(OverBudget):
        small.write(b"x")
    timed = InlineSink(limit=1 << 30, budget=0.0)
    timed.write(b"x" * (CLOCK_AFTER + 1))  # the clock starts here
    deadline = time.thread_time() + 0.001
    while time.thread_time() < deadline:
        pass
    with pytest.raises(OverBudget):
        timed.write(b"x")
    whole = InlineSink(limit=1 << 20, budget=60.0)
    for chunk in (b"ab", b"cd"):
        whole.write(chunk)
    assert whole.body() == b"abcd"
