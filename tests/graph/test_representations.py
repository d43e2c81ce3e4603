"""Dated representations: who acted for which state, from the earliest to the latest document
that says so, derived after each build (``unsckg.graph.representations``)."""

from __future__ import annotations

from pathlib import Path

from unsckg.graph.build import build
from unsckg.graph.remove import remove_document
from unsckg.graph.representations import representations_graph
from unsckg.graph.store import Store
from unsckg.graph.validate import validate
from unsckg.ontology.iris import DEFAULT

CHINA_IN_2020 = """
PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?person ?since ?until WHERE {
  ?r unsc:forState <https://w3id.org/unsc-kg/id/state/CHN> ; unsc:holder ?person ;
     unsc:since ?since ; unsc:until ?until .
  FILTER(?since <= "2020-12-31"^^xsd:date && ?until >= "2020-01-01"^^xsd:date)
}"""


def test_who_represented_china_in_2020_is_one_simple_query(built_store: Store) -> None:
    # the dev corpus: S-2020-268 (2020-03-31) and the letter of 2021-05-05 signed by 张军
    rows = built_store.select_values(CHINA_IN_2020)
    assert rows == [
        {"person": str(DEFAULT.person("张军")), "since": "2020-03-31", "until": "2021-05-05"}
    ]


def test_each_representation_names_the_documents_that_date_it(built_store: Store) -> None:
    rows = built_store.select_values(
        f"""SELECT ?g WHERE {{ GRAPH <{representations_graph(DEFAULT).value}> {{
              <{DEFAULT.representation(DEFAULT.person("张军"), "CHN")}>
              <http://www.w3.org/ns/prov#wasDerivedFrom> ?g }} }} ORDER BY ?g"""
    )
    assert [r["g"].rsplit("/", 1)[-1] for r in rows] == ["S-2020-268", "h-a7d17bba165fca55"]


def test_the_person_links_to_its_representations(built_store: Store) -> None:
    rows = built_store.select_values(
        f"""SELECT ?state WHERE {{ <{DEFAULT.person("邓庭贵")}>
              <https://w3id.org/unsc-kg/ontology#representation> ?r .
              ?r <https://w3id.org/unsc-kg/ontology#forState> ?state }}"""
    )
    assert rows == [{"state": str(DEFAULT.state("VNM"))}]


def test_the_representations_conform_to_their_shape(built_store: Store) -> None:
    assert [f for f in validate(built_store).findings if "/representation/" in f.focus] == []


def test_an_interval_that_ends_before_it_starts_is_a_violation(
    tmp_path: Path, corpus: Path
) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        node = DEFAULT.representation(DEFAULT.person("张军"), "CHN")
        store.update(
            f"""DELETE {{ <{node}> <https://w3id.org/unsc-kg/ontology#until> ?u }}
                INSERT {{ <{node}> <https://w3id.org/unsc-kg/ontology#until>
                          "2019-01-01"^^<http://www.w3.org/2001/XMLSchema#date> }}
                WHERE {{ <{node}> <https://w3id.org/unsc-kg/ontology#until> ?u }}"""
        )
        found = [f for f in validate(store).violations if f.focus == str(node)]
    assert found and "RepresentationShape" in found[0].rule


def test_removing_a_document_narrows_the_interval(tmp_path: Path, corpus: Path) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        remove_document(store, "CHN-2021-05-05-letter.zh.txt")
        rows = store.select_values(CHINA_IN_2020)
    assert [(r["since"], r["until"]) for r in rows] == [("2020-03-31", "2020-03-31")]


def test_a_rebuild_leaves_the_graph_as_it_was(tmp_path: Path, corpus: Path) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        before = set(store.quads(representations_graph(DEFAULT)))
        build(store, [corpus])
        assert set(store.quads(representations_graph(DEFAULT))) == before and before
