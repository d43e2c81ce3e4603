"""The bulk loader: batches in a thread, order kept with replacements, the merge kept exact."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph import loader as loader_module
from unsckg.graph.loader import Loader, SerializedGraph, release_free_memory
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


def test_the_store_reopened_between_batches_keeps_every_document_and_the_order(
    tmp_path: Path,
) -> None:
    """A reopening before every batch but the first: all graphs whole, the merge exact, and a
    document put again after a reopening replaces the stored one."""
    with Store(tmp_path / "s") as store:
        with Loader(store, BUILD, batch_bytes=200, reopen_bytes=1) as loader:
            for i in range(20):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
            loader.put(_change("g3", "new"), "3.txt")
            for i in range(20, 30):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
        graphs = {g.value for g in store.graph_names()}
        merged = {q.object.value for q in store.quads(ox.DefaultGraph())}
    assert graphs == {EX + f"g{i}" for i in range(30)}
    assert merged == {str(i) for i in range(30) if i != 3} | {"new"}
    assert loader.stats.reopens >= 5 and loader.stats.replaced == ["3.txt"]


def test_a_loader_on_a_stored_build_reopens_at_its_first_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the stored graphs' names fills RocksDB's cache: given back once, at the start."""
    monkeypatch.setattr(loader_module, "REOPEN_GRAPHS", 2)
    with Store(tmp_path / "s") as store:
        with Loader(store, BUILD) as loader:
            loader.put(_change("g1", "1"), "1.txt")
        with Loader(store, BUILD) as loader:  # one stored graph: below the threshold
            loader.put(_change("g0", "0"), "0.txt")
        assert loader.stats.reopens == 0
        with Loader(store, BUILD) as loader:
            loader.put(_change("g2", "2"), "2.txt")
            loader.put(_change("g3", "3"), "3.txt")
        assert loader.stats.reopens == 1
        names = {g.value for g in store.graph_names()}
        assert names == {EX + "g0", EX + "g1", EX + "g2", EX + "g3"}


def test_without_reopen_bytes_the_store_stays_open(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        engine = store.raw
        with Loader(store, BUILD, batch_bytes=200, reopen_bytes=None) as loader:
            for i in range(20):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
        assert store.raw is engine and loader.stats.reopens == 0


def _stored_at_each_trim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> list[int]:
    """Quads in the store at each trim, 20 two-quad documents loaded two a batch."""
    stored_at_trim: list[int] = []
    with Store(tmp_path / "s") as store:

        def trim_and_count() -> bool:
            stored_at_trim.append(len(store))
            return release_free_memory()

        monkeypatch.setattr(loader_module, "release_free_memory", trim_and_count)
        with Loader(store, BUILD, batch_bytes=200, threads=threads) as loader:
            for i in range(20):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
    return stored_at_trim


def test_free_heap_goes_back_after_each_batch_is_in_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once per bulk load, after it: the batch's buffers are freed by then."""
    stored_at_trim = _stored_at_each_trim(tmp_path, monkeypatch, threads=1)
    assert stored_at_trim == list(range(4, 41, 4))  # two documents a batch, two quads each


def test_with_two_threads_each_batch_is_trimmed_after_it_and_the_last_sees_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two batches may load at once: one trim per batch, each after whole batches."""
    stored_at_trim = _stored_at_each_trim(tmp_path, monkeypatch, threads=2)
    assert len(stored_at_trim) == 10 and max(stored_at_trim) == 40
    assert all(count >= 4 and count % 4 == 0 for count in stored_at_trim)


@pytest.mark.parametrize("threads", [1, 2])
def test_no_more_batches_load_at_once_than_the_loader_has_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    """The memory in flight is bounded: ``threads`` bulk loads at most, and with two and
    batches waiting, two do run at once."""
    lock, in_flight, most = threading.Lock(), [0], [0]
    bulk_load = Store.bulk_load_nquads

    def slow_bulk_load(self: Store, data: bytes, *, trusted: bool = False) -> None:
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        time.sleep(0.05)  # every batch is handed over while the first ones load
        bulk_load(self, data, trusted=trusted)
        with lock:
            in_flight[0] -= 1

    monkeypatch.setattr(Store, "bulk_load_nquads", slow_bulk_load)
    with Store(tmp_path / "s") as store:
        with Loader(store, BUILD, batch_bytes=200, threads=threads) as loader:
            for i in range(12):
                loader.put(_change(f"g{i}", str(i)), f"{i}.txt")
        graphs = {g.value for g in store.graph_names()}
    assert most[0] == threads and graphs == {EX + f"g{i}" for i in range(12)}


def test_giving_back_free_heap_needs_glibc_and_is_a_no_op_without(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert release_free_memory() is sys.platform.startswith("linux")
    monkeypatch.setattr(loader_module, "libc_function", lambda name: None)  # musl, macOS
    assert release_free_memory() is False
