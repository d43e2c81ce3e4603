"""The store wrapper: atomic replacement, the merge in the default graph, one writer, errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph import store as store_module
from unsckg.graph.errors import QueryError, RdfInputError, StoreError, StoreLockedError
from unsckg.graph.fingerprint import fingerprint
from unsckg.graph.store import GraphReplacement, Store

EX = "http://example.org/"
G1, G2, BUILD = (ox.NamedNode(EX + n) for n in ("g1", "g2", "build"))


def _q(s: str, o: str, g: ox.NamedNode) -> ox.Quad:
    return ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o), g)


def _merged(store: Store) -> set[tuple[str, str]]:
    return {(q.subject.value, q.object.value) for q in store.quads(ox.DefaultGraph())}


def test_the_default_graph_is_the_merge_after_replace_and_remove(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.bulk_add([_q("a", "1", G1), _q("shared", "x", G1), _q("shared", "x", G2)])
        assert _merged(store) == {(EX + "a", "1"), (EX + "shared", "x")}
        store.replace(GraphReplacement(G1, [_q("b", "2", G1)]), BUILD)
        # the shared triple is still stated by g2, so it stays in the merge
        assert _merged(store) == {(EX + "b", "2"), (EX + "shared", "x")}
        assert store.remove_graph(G2, BUILD)
        assert _merged(store) == {(EX + "b", "2")}
        assert G2 not in store.graph_names()
        assert not store.remove_graph(G2, BUILD)


def test_graph_fingerprints_are_streamed_for_the_named_graphs(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.bulk_add([_q("a", "1", G1), _q("b", "2", G2)])
        found = store.graph_name_fingerprints()
        assert not isinstance(found, list)
        assert sorted(found) == sorted(fingerprint(g.value) for g in store.graph_names())
        assert len(store.graph_names()) == 2


def test_replace_swaps_the_graph_and_its_record_together(tmp_path: Path) -> None:
    record = ox.Quad(ox.NamedNode(G1.value), ox.NamedNode(EX + "hash"), ox.Literal("h1"), BUILD)
    newer = ox.Quad(ox.NamedNode(G1.value), ox.NamedNode(EX + "hash"), ox.Literal("h2"), BUILD)
    with Store(tmp_path / "s") as store:
        store.replace(GraphReplacement(G1, [_q("a", "1", G1)], [record]), BUILD)
        store.replace(GraphReplacement(G1, [_q("a", "2", G1)], [newer]), BUILD)
        assert {q.object.value for q in store.quads(BUILD)} == {"h2"}
        assert {q.object.value for q in store.quads(G1)} == {"2"}


def test_only_one_process_may_write(tmp_path: Path) -> None:
    with Store(tmp_path / "s"), pytest.raises(StoreLockedError, match="one writer"):
        Store(tmp_path / "s")


def test_a_reopened_store_keeps_its_data_and_its_writer_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While RocksDB is closed inside ``reopen``, a second writer is still refused."""
    real_open = store_module._open
    refused: list[bool] = []

    def open_after_trying_a_second_writer(path: Path, read_only: bool) -> ox.Store:
        with pytest.raises(StoreLockedError, match="one writer"):
            Store(path)
        refused.append(True)
        return real_open(path, read_only)

    with Store(tmp_path / "s") as store:
        store.bulk_add([_q("a", "1", G1)])
        monkeypatch.setattr(store_module, "_open", open_after_trying_a_second_writer)
        store.reopen()
        monkeypatch.setattr(store_module, "_open", real_open)
        assert refused == [True]
        assert _merged(store) == {(EX + "a", "1")}
        store.bulk_add([_q("b", "2", G2)])
        with pytest.raises(StoreLockedError, match="one writer"):
            Store(tmp_path / "s")
    with Store(tmp_path / "s") as store:  # closing released both locks
        assert {g.value for g in store.graph_names()} == {G1.value, G2.value}


def test_a_store_is_not_reopened_under_a_live_iterator(tmp_path: Path) -> None:
    """An unexhausted ``quads_for_pattern`` keeps RocksDB open: said, not hidden."""
    with Store(tmp_path / "s") as store:
        store.bulk_add([_q("a", "1", G1), _q("b", "2", G1)])
        quads = store.raw.quads_for_pattern(None, None, None, None)
        next(quads)
        with pytest.raises(StoreError, match="still held in this process"):
            store.reopen()
        del quads


def test_a_read_only_store_is_not_reopened(tmp_path: Path) -> None:
    Store(tmp_path / "s").close()
    store = Store(tmp_path / "s", read_only=True)
    with store, pytest.raises(StoreError, match="read-only"):
        store.reopen()


def test_reading_a_missing_store_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsckg build"):
        Store(tmp_path / "missing", read_only=True)


def test_a_read_only_store_sees_what_was_written(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.add([_q("a", "1", G1)])
    with Store(tmp_path / "s", read_only=True) as store:
        assert len(store) == 2  # the quad and its triple in the merge


def test_a_bad_query_is_a_query_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store, pytest.raises(QueryError, match="invalid SPARQL"):
        store.query("SELECT WHERE {")


def test_a_bad_rdf_file_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://a> <http://b> "ok" <http://g> .\n<http://a> <http://b> oops .\n')
    with Store(tmp_path / "s") as store:
        with pytest.raises(RdfInputError, match=r"bad\.nq"):
            store.load(bad, ox.RdfFormat.N_QUADS)
        assert len(store) == 0


def test_select_values_gives_each_term_as_text(tmp_path: Path) -> None:
    inner = ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("1"))
    with Store(tmp_path / "s") as store:
        store.add(
            [_q("a", "1", G1), ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "q"), inner, G1)]
        )
        rows = store.select_values("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s")
    assert rows == [{"s": EX + "a", "o": "1"}, {"s": EX + "b", "o": str(inner)}]
