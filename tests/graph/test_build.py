"""Building the dev corpus: idempotent, incremental, parallel = serial, bad files reported."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph.build import build
from unsckg.graph.errors import BuildError
from unsckg.graph.files import content_hash
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

BUILD_GRAPH = ox.NamedNode(str(DEFAULT.graph("build")))


def _graphs(store: Store) -> dict[str, set[ox.Quad]]:
    result: dict[str, set[ox.Quad]] = {}
    for quad in store.quads():
        key = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        result.setdefault(key, set()).add(quad)
    return result


def test_building_twice_gives_the_same_triples(tmp_path: Path, corpus: Path) -> None:
    with Store(tmp_path / "s") as store:
        first = build(store, [corpus])
        count = len(store)
        second = build(store, [corpus])
        assert len(store) == count
    assert len(first.added) == 7 and first.ok
    assert len(second.unchanged) == 7 and not second.added and not second.replaced


def test_editing_one_document_changes_only_its_graph(tmp_path: Path, corpus: Path) -> None:
    edited = corpus / "S-2018-184.zh.txt"
    doc = str(DEFAULT.document("S/2018/184"))
    with Store(tmp_path / "s") as store:
        build(store, [corpus])
        before = _graphs(store)
        edited.write_text(edited.read_text(encoding="utf-8") + "\n南苏丹\n", encoding="utf-8")
        report = build(store, [corpus])
        after = _graphs(store)
    assert report.replaced == [edited.name] and len(report.unchanged) == 6
    changed = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    # the document's graph, its build record, and the merge (default graph) it feeds
    assert changed == {doc, BUILD_GRAPH.value, ""}
    merged = {(q.subject, q.predicate, q.object) for q in after[""]}
    named = {(q.subject, q.predicate, q.object) for g, qs in after.items() if g for q in qs}
    assert merged == named


def test_an_edited_document_without_symbol_replaces_its_old_graph(
    tmp_path: Path, corpus: Path
) -> None:
    letter = corpus / "VNM-2021-03-25-letter.zh.txt"
    with Store(tmp_path / "s") as store:
        build(store, [corpus])
        graphs = len(store.graph_names())
        text = letter.read_text(encoding="utf-8")
        text = text.replace("4 月 19 日", "4 月 20 日").replace("4月19日", "4月20日")
        letter.write_text(text, encoding="utf-8")
        build(store, [corpus])
        # keyed by content: the edited letter is a new document, its old graph is dropped
        doc = ox.NamedNode(str(DEFAULT.document(None, content_hash(letter))))
        dates = {q.object.value for q in store.quads(doc) if q.predicate.value.endswith("#date")}
        assert len(store.graph_names()) == graphs
    assert "2021-04-20" in dates and "2021-04-19" not in dates


def test_a_changed_symbol_drops_the_graph_of_the_old_symbol(tmp_path: Path, corpus: Path) -> None:
    path = corpus / "S-2021-284.zh.txt"
    old = ox.NamedNode(str(DEFAULT.document("S/2021/284")))
    with Store(tmp_path / "s") as store:
        build(store, [corpus])
        assert old in store.graph_names()
        path.write_text(path.read_text(encoding="utf-8").replace("S/2021/284", "S/2021/999"))
        build(store, [corpus])
        names = store.graph_names()
    assert old not in names
    assert ox.NamedNode(str(DEFAULT.document("S/2021/999"))) in names


def test_parallel_and_serial_builds_give_the_same_graph(
    tmp_path: Path, samples: list[Path]
) -> None:
    with Store(tmp_path / "serial") as serial, Store(tmp_path / "parallel") as parallel:
        build(serial, samples, jobs=1)
        build(parallel, samples, jobs=2)
        a, b = set(serial.quads()), set(parallel.quads())
    # no blank nodes anywhere, so isomorphism is equality of the quad sets
    assert not any(isinstance(t, ox.BlankNode) for q in a for t in (q.subject, q.object))
    assert a == b


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    with Store(tmp_path / "s") as store:
        report = build(store, [corpus])
    assert sorted(f.source for f in report.failed) == ["binary.txt", "empty.txt"]
    assert len(report.added) == 7


def test_a_missing_path_is_a_build_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store, pytest.raises(BuildError, match="no such file"):
        build(store, [tmp_path / "nope"])
