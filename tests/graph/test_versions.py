"""Two different files with one symbol in one language: both kept, as versions of the symbol
(each its own graph, the symbol's node shared), and the build says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from unsckg.graph.build import build
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

SYMBOL = "S/2020/268"
SPECIALIZATION = "http://www.w3.org/ns/prov#specializationOf"


def _second_text(corpus: Path, folder: Path) -> Path:
    """The real S/2020/268 with its last line dropped: another file of the same symbol."""
    text = (corpus / "S-2020-268.zh.txt").read_text(encoding="utf-8")
    folder.mkdir()
    other = folder / "S-2020-268.reissued.zh.txt"
    other.write_text(text.rstrip().rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    return other


def _graphs_of(store: Store) -> list[str]:
    rows = store.select_values(
        f"""SELECT ?g WHERE {{ GRAPH ?g {{ <{DEFAULT.document(SYMBOL)}> a ?c }}
              FILTER(STRSTARTS(STR(?g), "{DEFAULT.base}document/")) }} ORDER BY ?g"""
    )
    return [r["g"] for r in rows]


def test_both_files_are_kept_as_versions(tmp_path: Path, corpus: Path) -> None:
    other = _second_text(corpus, tmp_path / "more")
    with Store(tmp_path / "store") as store:
        report = build(store, [corpus, other.parent])
        graphs = _graphs_of(store)
        versions = store.select_values(
            f"""SELECT ?g WHERE {{ ?g <{SPECIALIZATION}> <{DEFAULT.document(SYMBOL)}> }}"""
        )
    # files are settled in name order: the reissued text (".r" < ".z") holds the symbol's graph
    assert report.versions == ["S-2020-268.zh.txt"] and len(report.added) == 8
    assert "1 versions" in report.summary()
    assert graphs[0] == str(DEFAULT.document(SYMBOL))
    assert len(graphs) == 2 and graphs[1].startswith(str(DEFAULT.document(SYMBOL)) + "/zh/v-")
    assert [v["g"] for v in versions] == graphs[1:]


def test_a_rebuild_keeps_both_and_extracts_nothing(tmp_path: Path, corpus: Path) -> None:
    other = _second_text(corpus, tmp_path / "more")
    with Store(tmp_path / "store") as store:
        build(store, [corpus, other.parent])
        before = _graphs_of(store)
        again = build(store, [corpus, other.parent])
        assert _graphs_of(store) == before
    assert len(again.unchanged) == 8 and not again.added and not again.versions


def test_a_version_added_later_leaves_the_first_in_place(tmp_path: Path, corpus: Path) -> None:
    other = _second_text(corpus, tmp_path / "more")
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        first = _graphs_of(store)
        report = build(store, [other])
        graphs = _graphs_of(store)
    assert report.versions == [other.name] and not report.replaced
    assert graphs[0] == first[0] and len(graphs) == 2


def test_the_same_file_edited_is_still_a_change(tmp_path: Path, corpus: Path) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        path = corpus / "S-2020-268.zh.txt"
        shutil.copy(path, tmp_path / "kept.txt")
        path.write_text(path.read_text(encoding="utf-8") + "\n附件\n", encoding="utf-8")
        report = build(store, [corpus])
        graphs = _graphs_of(store)
    assert report.replaced == [path.name] and not report.versions and len(graphs) == 1
