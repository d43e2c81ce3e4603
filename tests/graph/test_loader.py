"""The bulk loader: batches in a thread, order kept with replacements, the merge kept exact."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from unsckg.graph.loader import Loader, SerializedGraph
from unsckg.graph.store import Store, nquads_with_merge

EX = "http://example.org/"
BUILD = ox.NamedNode(EX + "build")


def _quad(graph: str, value: str) -> ox.Quad:
    g = ox.NamedNode(EX + graph)
    return ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal(value), g)


def _change(graph: str, value: str) -> SerializedGraph:
    quad = _quad(graph, value)
    data = f"{quad} .\n".encode()
    triple = f"{quad.triple} .\n".encode()
    return SerializedGraph(ox.NamedNode(EX + graph), data, triple, 1)


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
    quads = [_quad("g1", "x"), _quad("g2", "x")]
    data, lines = nquads_with_merge(quads)
    assert lines == 3 and data.decode().count('"x" .') == 1


def test_many_documents_go_in_few_bulk_loads_and_each_graph_is_whole(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        with Loader(store, BUILD, batch_bytes=200) as loader:
            for i in range(20):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
        graphs = {g.value for g in store.graph_names()}
        merged = {q.object.value for q in store.quads(ox.DefaultGraph())}
    assert graphs == {EX + f"g{i}" for i in range(20)}
    assert merged == {str(i) for i in range(20)} and loader.stats.quads == 40
