"""The writable store's cap on open SST files (unsckg.graph.store.writer_open_files): RocksDB's
``max_open_files`` as Oxigraph sets it, the process's limit restored, and a store that keeps
fewer files open than it has still loads, replaces, removes, compacts and reads."""

from __future__ import annotations

import resource
from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph.errors import StoreError
from unsckg.graph.store import (
    OXIGRAPH_RESERVED_FILES,
    WRITER_OPEN_FILES,
    GraphReplacement,
    Store,
    nquads_with_merge,
    writer_open_files,
)

EX = "http://example.org/"
SMALLEST = 48  # Oxigraph's least: a soft limit of 96 minus the 48 it keeps for itself


def _max_open_files(store: Path) -> int:
    """RocksDB's ``max_open_files`` in the newest OPTIONS file the store wrote."""
    newest = max(store.glob("OPTIONS-*"), key=lambda p: int(p.name.split("-")[1]))
    for line in newest.read_text().splitlines():
        if line.strip().startswith("max_open_files="):
            return int(line.split("=")[1])
    raise AssertionError(f"no max_open_files in {newest}")


def _batch(graph: int, subjects: int = 40) -> bytes:
    """One new graph as the build's loader gives it: its quads and their merge."""
    quads = [
        ox.Quad(
            ox.NamedNode(f"{EX}s{graph}-{s}"),
            ox.NamedNode(f"{EX}p{p}"),
            ox.Literal(f"v {graph} {s} {p}"),
            ox.NamedNode(f"{EX}g{graph}"),
        )
        for s in range(subjects)
        for p in range(3)
    ]
    return nquads_with_merge(quads)[0]


def test_a_writable_store_keeps_the_default_number_of_files_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UNSCKG_WRITER_OPEN_FILES", raising=False)
    before = resource.getrlimit(resource.RLIMIT_NOFILE)
    Store(tmp_path / "s").close()
    assert resource.getrlimit(resource.RLIMIT_NOFILE) == before
    assert _max_open_files(tmp_path / "s") == min(
        WRITER_OPEN_FILES, before[0] - OXIGRAPH_RESERVED_FILES
    )


def test_the_setting_changes_the_cap_and_zero_lifts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    monkeypatch.setenv("UNSCKG_WRITER_OPEN_FILES", "100")
    Store(tmp_path / "a").close()
    assert _max_open_files(tmp_path / "a") == min(100, soft - OXIGRAPH_RESERVED_FILES)
    monkeypatch.setenv("UNSCKG_WRITER_OPEN_FILES", "0")
    Store(tmp_path / "b").close()
    assert _max_open_files(tmp_path / "b") == soft - OXIGRAPH_RESERVED_FILES
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == soft


@pytest.mark.parametrize("setting", ["many", "12"])
def test_a_bad_setting_is_a_store_error(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNSCKG_WRITER_OPEN_FILES", setting)
    with pytest.raises(StoreError, match="UNSCKG_WRITER_OPEN_FILES"):
        writer_open_files()


def test_a_read_only_store_is_not_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server's readers keep what the process allows: they read all over the store."""
    Store(tmp_path / "s").close()
    monkeypatch.setenv("UNSCKG_WRITER_OPEN_FILES", str(SMALLEST))
    seen: list[tuple[int, int]] = []
    real = ox.Store.read_only

    def spy(path: str) -> ox.Store:
        seen.append(resource.getrlimit(resource.RLIMIT_NOFILE))
        return real(path)

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(spy))
    Store(tmp_path / "s", read_only=True).close()
    assert seen == [resource.getrlimit(resource.RLIMIT_NOFILE)]


def test_a_store_with_more_files_than_it_keeps_open_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bulk loads, a replacement, a removal and compaction with RocksDB's smallest table
    cache, then every quad read back, also after reopening: readers are evicted and reopened."""
    monkeypatch.setenv("UNSCKG_WRITER_OPEN_FILES", str(SMALLEST))
    graphs = 40
    with Store(tmp_path / "s") as store:
        for graph in range(graphs):
            store.bulk_load_nquads(_batch(graph), trusted=True)
        assert _max_open_files(tmp_path / "s") == SMALLEST
        assert len(list((tmp_path / "s").glob("*.sst"))) > SMALLEST  # more than it keeps open
        g0 = ox.NamedNode(f"{EX}g0")
        new = ox.Quad(ox.NamedNode(f"{EX}new"), ox.NamedNode(f"{EX}p"), ox.Literal("n"), g0)
        store.replace(GraphReplacement(g0, [new]), ox.NamedNode(f"{EX}build"))
        assert store.remove_graph(ox.NamedNode(f"{EX}g1"))
        store.raw.optimize()
        expected = 1 + (graphs - 2) * 40 * 3
        assert len(store.quads(ox.DefaultGraph())) == expected
    with Store(tmp_path / "s", read_only=True) as reader:
        assert len(reader.quads(ox.DefaultGraph())) == expected
        assert sum(len(reader.quads(g)) for g in reader.graph_names()) == expected
