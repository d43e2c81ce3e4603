"""Resource IRIs and symbol normalisation: the identities the whole graph relies on.

Why property tests as well as examples: a key that needs percent-encoding, or two spellings of
one symbol that give two keys, splits an entity in the store without any error; hypothesis looks
for such inputs more widely than a list of examples can.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef
from unsckg.ontology.iris import (
    DEFAULT,
    KINDS,
    IriError,
    IriScheme,
    name_key,
    normalize_symbol,
    parse_resolution,
    resolution_symbol,
    symbol_key,
    undocs,
    wikidata,
)

ID = "https://w3id.org/unsc-kg/id/"
# What a key may hold: IRI unreserved characters (any letter, including CJK), "·", "/" between
# parts, and the few sub-delimiters symbols use.
FULL_WIDTH = str.maketrans("S/RE()0123456789", "Ｓ／ＲＥ（）０１２３４５６７８９")
SAFE_KEY = re.compile(r"^[\w.·()/\-~]+$")


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (DEFAULT.document("S/2021/284"), "document/S-2021-284"),
        (DEFAULT.document("S/RES/2518 (2020)"), "document/S-RES-2518-2020"),
        (DEFAULT.document(None, "0123456789abcdef0123"), "document/h-0123456789abcdef"),
        (DEFAULT.draft("S/2020/240"), "document/S-2020-240"),
        (DEFAULT.state("VNM"), "state/VNM"),
        (DEFAULT.presidency(2021, 4), "presidency/2021-04"),
        (DEFAULT.resolution(2518), "resolution/2518"),
        (DEFAULT.resolution("S/RES/2518 (2020)"), "resolution/2518"),
        (DEFAULT.vote("S/2020/240", "BEL"), "vote/S-2020-240/BEL"),
        (DEFAULT.tally("S-2020-240"), "tally/S-2020-240"),
        (DEFAULT.explanation("S-2020-240", "CHN"), "explanation/S-2020-240/CHN"),
        (DEFAULT.meeting("2021-04-19"), "meeting/2021-04-19"),
        (DEFAULT.meeting("2021-04-19", "pm"), "meeting/2021-04-19-pm"),
        (DEFAULT.person("瓦西里 • 涅边贾"), "person/瓦西里·涅边贾"),
        (DEFAULT.person("António Guterres"), "person/António_Guterres"),
        (DEFAULT.organization("African Union"), "organization/African_Union"),
        (
            DEFAULT.briefing(DEFAULT.meeting("2021-04-19"), "秘书长"),
            "briefing/2021-04-19/秘书长",
        ),
        (
            DEFAULT.evidence(DEFAULT.document("S/2021/284"), 120, 158),
            "evidence/S-2021-284/120-158",
        ),
    ],
)
def test_iri_scheme(made: URIRef, expected: str) -> None:
    assert made == URIRef(ID + expected)


def test_document_without_symbol_uses_sha256_of_source_name() -> None:
    made = DEFAULT.document_of(None, "VNM-2021-03-25-letter.zh.txt")
    assert re.fullmatch(ID + r"document/h-[0-9a-f]{16}", str(made))
    assert DEFAULT.document_of("S/2021/284", "x.txt") == DEFAULT.document("S/2021/284")


@pytest.mark.parametrize("graph", ["ontology", "states", "organizations", "officials", "build"])
def test_reference_graphs(graph: str) -> None:
    assert DEFAULT.graph(graph) == URIRef(f"https://w3id.org/unsc-kg/graph/{graph}")


def test_configurable_base() -> None:
    scheme = IriScheme(base="http://localhost:8000/id")
    assert scheme.state("CHN") == URIRef("http://localhost:8000/id/state/CHN")
    assert scheme.graph("build") == URIRef("http://localhost:8000/graph/build")
    other = IriScheme(base="http://example.org/kg/", graph_base="http://example.org/g/")
    assert other.graph("states") == URIRef("http://example.org/g/states")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("S/RES/2518 (2020)", "S/RES/2518(2020)"),
        ("S/RES/2518(2020)", "S/RES/2518(2020)"),
        ("Ｓ／ＲＥＳ／２５１８（２０２０）", "S/RES/2518(2020)"),
        (" S/2021/284\n", "S/2021/284"),
        ("S/ 2021/284/Add.1", "S/2021/284/Add.1"),
        ("S/PRST/2021/1", "S/PRST/2021/1"),
    ],
)
def test_normalize_symbol(written: str, canonical: str) -> None:
    assert normalize_symbol(written) == canonical


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("2518(2020)", (2518, 2020)), ("S/RES/2518 (2020)", (2518, 2020)), ("2365", (2365, None))],
)
def test_parse_resolution(text: str, parsed: tuple[int, int | None]) -> None:
    assert parse_resolution(text) == parsed


def test_external_iris() -> None:
    assert undocs("S/RES/2518 (2020)") == URIRef("https://undocs.org/S/RES/2518(2020)")
    assert wikidata("Q881") == URIRef("http://www.wikidata.org/entity/Q881")
    assert resolution_symbol(2518, 2020) == "S/RES/2518(2020)"


@pytest.mark.parametrize(
    "call",
    [
        lambda: DEFAULT.state("vn"),
        lambda: DEFAULT.presidency(2021, 13),
        lambda: DEFAULT.document(None, None),
        lambda: DEFAULT.document("  "),
        lambda: DEFAULT.meeting("19 April 2021"),
        lambda: DEFAULT.evidence(DEFAULT.document("S/1/1"), 5, 2),
        lambda: DEFAULT.iri("thing", "x"),
        lambda: DEFAULT.parse("http://example.org/id/state/VNM"),
        lambda: DEFAULT.graph("mine"),
        lambda: parse_resolution("S/2020/240"),
        lambda: wikidata("881"),
        lambda: name_key(" / "),
    ],
)
def test_bad_values_raise_iri_error(call: object) -> None:
    assert callable(call)
    with pytest.raises(IriError):
        call()


def test_iri_error_is_a_value_error() -> None:
    assert issubclass(IriError, ValueError)


@given(st.sampled_from(KINDS), st.text(min_size=1, max_size=30))
def test_parse_inverts_iri(kind: str, name: str) -> None:
    try:
        key = name_key(name)
    except IriError:
        return
    assert DEFAULT.parse(DEFAULT.iri(kind, key)) == (kind, key)


@given(st.text(max_size=40))
def test_name_keys_need_no_percent_encoding(name: str) -> None:
    try:
        key = name_key(name)
    except IriError:
        return
    assert SAFE_KEY.match(key), key
    assert "/" not in key
    assert name_key(key) == key


@given(
    st.integers(1, 9999),
    st.integers(1946, 2100),
    st.sampled_from(["", " ", "  ", "\u3000"]),
    st.booleans(),
)
def test_symbol_spellings_share_one_key(
    number: int, year: int, space: str, full_width: bool
) -> None:
    written = f"S/RES/{number}{space}({year})"
    if full_width:
        written = written.translate(
            str.maketrans("S/RE()0123456789", "Ｓ／ＲＥ（）０１２３４５６７８９")
        )
    assert symbol_key(written) == f"S-RES-{number}-{year}"
    assert DEFAULT.resolution(written) == DEFAULT.resolution(number)


@given(st.text(max_size=40), st.sampled_from(["person", "organization"]))
def test_name_iris_are_valid_for_the_store(name: str, kind: str) -> None:
    """Oxigraph (the store) parses IRIs strictly: every key we make must pass."""
    try:
        iri = DEFAULT.person(name) if kind == "person" else DEFAULT.organization(name)
    except IriError:
        return
    assert ox.NamedNode(str(iri)).value == str(iri)
