"""The bulk loader: batches in a thread, order kept with replacements, the merge kept exact."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from unsckg.graph.loader import Loader
from unsckg.graph.store import GraphReplacement, Store, nquads_with_merge

EX = "http://example.org/"
BUILD = ox.NamedNode(EX + "build")


def _change(graph: str, value: str) -> GraphReplacement:
    g = ox.NamedNode(EX + graph)
    quad = ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal(value), g)
    return GraphReplacement(g, [quad])


def test_a_document_seen_twice_in_one_build_ends_with_its_last_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        with Loader(store, BUILD) as loader:
            loader.put(_change("g1", "old"), "a.txt")
            loader.put(_change("g2", "other"), "b.txt")
            loader.put(_change("g1", "new"), "a.txt")
        values = {q.object.value for q in store.quads(ox.NamedNode(EX + "g1"))}
        merged = {q.object.value for q in store.quads(ox.DefaultGraph())}
    assert values == {"new"} and merged == {"new", "other"}
    assert loader.stats.added == ["a.txt", "b.txt"] and loader.stats.replaced == ["a.txt"]


def test_nquads_with_merge_writes_each_merged_triple_once() -> None:
    quads = [*_change("g1", "x").quads, *_change("g2", "x").quads]
    data, lines = nquads_with_merge(quads)
    assert lines == 3 and data.decode().count('"x" .') == 1
