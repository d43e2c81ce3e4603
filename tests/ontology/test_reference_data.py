"""The member-state reference data: the CSV table, its derivation and its RDF view.

Why pin counts and rows: the states table feeds the gazetteer, the jieba dictionary, the IRIs
and the states graph at once, so a silently dropped or mangled row shows up everywhere as a
missing entity. The rows checked are the known gaps of the source data (see SOURCE.md).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from unsckg.ontology import states_path
from unsckg.ontology.iris import DEFAULT, IriScheme
from unsckg.ontology.states import PERMANENT_MEMBERS, load_states, states_by_iso3
from unsckg.ontology.states_rdf import states_graph
from unsckg.ontology.vocab import UNSC

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> Graph:
    return Graph().parse(states_path(), format="turtle")


def test_table_counts() -> None:
    states = load_states()
    assert sum(s.is_member for s in states) == 193
    assert sorted(s.iso3 for s in states if not s.is_member) == ["PSE", "VAT"]
    assert len({s.iso3 for s in states}) == 195


def test_table_is_what_the_script_derives(load_script: Callable[[str], ModuleType]) -> None:
    """Drift test: ``data/states.csv`` is exactly ``derive_states.py``'s output."""
    derive = load_script("derive_states")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=derive.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(derive.derive())
    committed = (REPO / "ontology" / "data" / "states.csv").read_text(encoding="utf-8")
    assert out.getvalue() == committed


def test_viet_nam_row() -> None:
    vnm = states_by_iso3()["VNM"]
    assert (vnm.m49, vnm.iso2, vnm.wikidata, vnm.name_zh) == ("704", "VN", "Q881", "越南")


@pytest.mark.parametrize(
    ("iso3", "name_zh", "name_en"),
    [("CIV", "科特迪瓦", "Côte d'Ivoire"), ("TUR", "土耳其", "Türkiye")],
)
def test_patched_names(iso3: str, name_zh: str, name_en: str) -> None:
    state = states_by_iso3()[iso3]
    assert (state.name_zh, state.name_en) == (name_zh, name_en)
    assert state.formal_zh and state.formal_en


def test_namibia_wikidata_patched() -> None:
    assert states_by_iso3()["NAM"].wikidata == "Q1030"


def test_china_aliases() -> None:
    assert {"中华人民共和国", "中方"} <= set(states_by_iso3()["CHN"].aliases_zh)


def test_every_state_has_codes_and_names() -> None:
    for state in load_states():
        assert len(state.iso3) == 3 and len(state.iso2) == 2 and len(state.m49) == 3, state
        assert state.name_zh and state.name_en and state.wikidata.startswith("Q"), state


def test_shipped_rdf_is_what_the_code_makes(shipped: Graph) -> None:
    """Drift test: ``data/states.ttl`` is ``states_graph()`` (regenerate with the script)."""
    assert to_isomorphic(shipped) == to_isomorphic(states_graph())


def test_rdf_counts(shipped: Graph) -> None:
    assert len(set(shipped.subjects(RDF.type, UNSC.MemberState))) == 193
    assert set(shipped.subjects(RDF.type, UNSC.ObserverState)) == {
        DEFAULT.state("PSE"),
        DEFAULT.state("VAT"),
    }
    permanent = set(shipped.subjects(RDF.type, UNSC.PermanentMember))
    assert permanent == {DEFAULT.state(code) for code in PERMANENT_MEMBERS}


def test_rdf_viet_nam(shipped: Graph) -> None:
    vnm = DEFAULT.state("VNM")
    assert shipped.value(vnm, UNSC.m49) == Literal("704")
    assert shipped.value(vnm, UNSC.iso3) == Literal("VNM")
    assert shipped.value(vnm, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q881")
    assert Literal("越南", lang="zh") in set(shipped.objects(vnm, RDFS.label))
    assert Literal("Viet Nam", lang="en") in set(shipped.objects(vnm, RDFS.label))


def test_rdf_namibia_and_china(shipped: Graph) -> None:
    nam = DEFAULT.state("NAM")
    assert shipped.value(nam, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q1030")
    aliases = set(shipped.objects(DEFAULT.state("CHN"), SKOS.altLabel))
    assert {Literal("中华人民共和国", lang="zh"), Literal("中方", lang="zh")} <= aliases


def test_rdf_with_another_base() -> None:
    scheme = IriScheme(base="http://localhost:8000/id/")
    graph = states_graph(scheme)
    assert (URIRef("http://localhost:8000/id/state/VNM"), UNSC.iso3, Literal("VNM")) in graph
