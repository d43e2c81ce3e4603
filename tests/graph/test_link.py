"""Linking report: states, resolutions and known people are linked to Wikidata and undocs.org."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDFS
from unsckg.graph.link import (
    library_graph,
    library_links,
    link_report,
    report_text,
    write_library_links,
)
from unsckg.graph.store import DEFAULT_GRAPH, Store
from unsckg.ontology.iris import DEFAULT
from unsckg.ontology.vocab import UNSC

SEE_ALSO = ox.NamedNode(str(RDFS.seeAlso))


def test_link_report_per_class(built_store: Store) -> None:
    counts = {c.cls: c for c in link_report(built_store)}
    assert counts["MemberState"].total == 193 and counts["MemberState"].unlinked == 0
    assert counts["Resolution"].total > 0 and counts["Resolution"].unlinked == 0
    assert counts["Person"].linked >= 1  # the Secretary-General, from officials.csv
    assert counts["Organization"].linked >= 1
    text = report_text(list(counts.values()))
    assert text.splitlines()[0].split()[:3] == ["class", "to", "total"]


def _expected_links(store: Store) -> set[ox.Quad]:
    """Every symbol's links, computed whole: what the batched writer must arrive at (a
    resolution only cited is linked by the symbol as cited)."""
    graph = library_graph(DEFAULT)
    rows = store.select_values(
        f"""SELECT DISTINCT ?s ?symbol WHERE {{
              ?s a ?c FILTER(?c IN (<{UNSC.Resolution}>, <{UNSC.DraftResolution}>,
                                    <{UNSC.Document}>))
              {{ ?s <{UNSC.symbol}> ?symbol }} UNION {{ ?s <{UNSC.citedAs}> ?symbol
                FILTER NOT EXISTS {{ ?s <{UNSC.symbol}> ?own }} }} }}"""
    )
    return {
        ox.Quad(ox.NamedNode(row["s"]), SEE_ALSO, ox.NamedNode(iri), graph)
        for row in rows
        for iri in library_links(row["symbol"])
    }


@pytest.fixture
def writable_built(built_store_path: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the built store that a test may change."""
    copy = tmp_path / "store"
    shutil.copytree(built_store_path, copy)
    with Store(copy) as store:
        yield store


@pytest.mark.parametrize("batch", [1, 3, 2000])
def test_library_links_written_in_batches_equal_the_whole(
    writable_built: Store, batch: int
) -> None:
    store, graph = writable_built, library_graph(DEFAULT)
    expected = _expected_links(store)
    assert expected and set(store.quads(graph)) == expected  # as the build left it
    store.update(f"DROP GRAPH {graph}")
    assert write_library_links(store, DEFAULT, batch=batch) == len(expected)
    assert set(store.quads(graph)) == expected
    assert write_library_links(store, DEFAULT, batch=batch) == 0  # nothing to change


def test_stale_library_links_are_removed_and_the_merge_kept(writable_built: Store) -> None:
    store, graph = writable_built, library_graph(DEFAULT)
    expected = _expected_links(store)
    kept = next(q for q in expected if q.object.value.startswith("https://undocs.org/"))
    gone = ox.NamedNode("https://example.org/no-longer-a-symbol")
    wrong = ox.Quad(kept.subject, SEE_ALSO, ox.NamedNode("https://undocs.org/en/S/1"), graph)
    store.add([ox.Quad(gone, SEE_ALSO, kept.object, graph), wrong])
    assert write_library_links(store, DEFAULT, batch=2) == 2
    assert set(store.quads(graph)) == expected
    merge = set(store.raw.quads_for_pattern(None, SEE_ALSO, None, DEFAULT_GRAPH))
    assert ox.Quad(kept.subject, SEE_ALSO, kept.object, DEFAULT_GRAPH) in merge
    assert not {q for q in merge if q.subject == gone or q.object == wrong.object}
