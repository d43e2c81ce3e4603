"""The build's last steps, incremental (``unsckg.graph.derive``): after every add, replacement
and removal, the library links and the representations equal exactly what the full
recomputation (``write_library_links``, ``write_representations``) gives, and the merge with
them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph.build import build
from unsckg.graph.derive import Derivation
from unsckg.graph.derived_facts import from_nquads, from_store
from unsckg.graph.export import export_store, import_file
from unsckg.graph.link import library_graph, write_library_links
from unsckg.graph.remove import remove_document
from unsckg.graph.representations import representations_graph, write_representations
from unsckg.graph.store import DEFAULT_GRAPH, Store
from unsckg.ontology.iris import DEFAULT, IriScheme

LETTER = "CHN-2021-05-05-letter.zh.txt"


def _snapshot(store: Store) -> tuple[set[ox.Quad], ...]:
    graphs = (library_graph(DEFAULT), representations_graph(DEFAULT), DEFAULT_GRAPH)
    return tuple(set(store.quads(g)) for g in graphs)


def assert_as_recomputed(store: Store) -> None:
    """The two derived graphs and the merge are what the full sweep makes of the store."""
    incremental = _snapshot(store)
    assert incremental[0] and incremental[1]
    assert write_library_links(store, DEFAULT) == 0
    write_representations(store, DEFAULT)
    recomputed = _snapshot(store)
    assert incremental[0] == recomputed[0], "library links"
    assert incremental[1] == recomputed[1], "representations"
    assert incremental[2] == recomputed[2], "the merge"
    assert not Derivation(store, DEFAULT).marker.exists()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _representation(store: Store, person: str) -> list[tuple[str, str]]:
    rows = store.select_values(
        f"""SELECT ?since ?until WHERE {{ GRAPH <{representations_graph(DEFAULT).value}> {{
              <{DEFAULT.representation(DEFAULT.person(person), "CHN")}>
              <https://w3id.org/unsc-kg/ontology#since> ?since ;
              <https://w3id.org/unsc-kg/ontology#until> ?until }} }}"""
    )
    return [(r["since"], r["until"]) for r in rows]


def test_adds_replacements_and_removals_give_what_a_full_sweep_gives(
    tmp_path: Path, corpus: Path
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    (first / "S-2020-268.zh.txt").write_bytes((corpus / "S-2020-268.zh.txt").read_bytes())
    with Store(tmp_path / "store") as store:
        build(store, [first])  # a store that links one document
        assert_as_recomputed(store)
        build(store, [corpus])  # the others added; S-2020-268 unchanged
        assert_as_recomputed(store)
        assert _representation(store, "张军") == [("2020-03-31", "2021-05-05")]

        _edit(corpus / LETTER, "2021 年 5 月 5 日", "2022 年 6 月 7 日")  # a later date
        assert list(build(store, [corpus]).replaced) == [LETTER]
        assert_as_recomputed(store)
        assert _representation(store, "张军") == [("2020-03-31", "2022-06-07")]

        _edit(corpus / "S-2020-268.zh.txt", "2436(2018)", "2437(2018)")  # another citation
        _edit(corpus / "S-2020-268.zh.txt", "2518(2020)", "2519(2020)")
        build(store, [corpus])
        assert_as_recomputed(store)

        _edit(corpus / LETTER, "张军(签名)", "")  # the signature gone
        build(store, [corpus])
        assert_as_recomputed(store)

        remove_document(store, "S-2020-268.zh.txt")
        assert_as_recomputed(store)
        remove_document(store, LETTER)
        assert_as_recomputed(store)

        build(store, [corpus])  # both back
        assert_as_recomputed(store)


def test_a_run_stopped_midway_is_followed_by_a_full_sweep(tmp_path: Path, corpus: Path) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        stopped = Derivation(store, DEFAULT)
        stopped.begin()  # ... and never finished: the derived graphs may be anything now
        store.update(f"DROP GRAPH {representations_graph(DEFAULT)}")
        store.update(f"DROP GRAPH {library_graph(DEFAULT)}")
        assert Derivation(store, DEFAULT).full
        build(store, [corpus])  # nothing to ingest, yet the graphs come back
        assert_as_recomputed(store)
        assert not Derivation(store, DEFAULT).full


@pytest.mark.parametrize("name", ["S-2021-284.zh.txt", LETTER])
def test_a_document_removed_and_built_again_leaves_the_graphs_as_they_were(
    tmp_path: Path, corpus: Path, name: str
) -> None:
    with Store(tmp_path / "store") as store:
        build(store, [corpus])
        before = _snapshot(store)
        remove_document(store, name)
        assert_as_recomputed(store)
        build(store, [corpus])
        assert _snapshot(store) == before


def test_an_import_is_swept_by_the_next_build(tmp_path: Path, corpus: Path) -> None:
    """``unsckg import`` writes around the derivation: the next build recomputes it all."""
    dump = tmp_path / "one.nq"
    with Store(tmp_path / "one") as one:
        build(one, [corpus / LETTER])
        with dump.open("wb") as handle:
            export_store(one, handle, "nquads")
    with Store(tmp_path / "store") as store:
        build(store, [corpus / "S-2020-268.zh.txt"])
        import_file(store, dump)  # 张军's letter, and its links, as they were
        store.update(f"DROP GRAPH {representations_graph(DEFAULT)}")  # ... but not its dates
        assert Derivation(store, DEFAULT).full
        build(store, [corpus / "S-2020-268.zh.txt"])  # nothing new to ingest
        assert_as_recomputed(store)
        assert _representation(store, "张军") == [("2020-03-31", "2021-05-05")]


def test_the_facts_read_from_a_documents_nquads_are_those_of_its_stored_graph(
    built_store: Store,
) -> None:
    """The client reads a document's few statements with a byte search before parsing; the
    same as reading its graph from the store, for every dev document."""
    graphs = [g for g in built_store.graph_names() if "/id/document/" in g.value]
    assert len(graphs) >= 7
    for graph in graphs:
        data = ox.serialize(built_store.quads(graph), format=ox.RdfFormat.N_QUADS) or b""
        assert from_nquads(data) == from_store(built_store, graph), graph.value
        assert from_store(built_store, graph).link_subjects()


# -- the ledger: cited subjects settled in the load batches, not synced at the end -----------

OWNER = "S-RES-2505-2020.zh.txt"  # resolution 2505's own text: its symbol, S/RES/2505(2020)
RESOLUTION = DEFAULT.resolution(2505)


def _synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The subjects the end step syncs from the store (``link.sync_links``), as it goes."""
    from unsckg.graph import link

    seen: list[str] = []
    real = link.sync_links

    def spy(store: Store, graph: ox.NamedNode, subjects: list[str], iris: IriScheme) -> int:
        seen.extend(subjects)
        return real(store, graph, subjects, iris)

    monkeypatch.setattr(link, "sync_links", spy)
    return seen


def _citer(corpus: Path, folder: Path, name: str, cited: str) -> Path:
    """S/2020/268 citing resolution 2505 as ``cited`` (instead of 2436(2018), which it only
    cites), as ``name``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (corpus / "S-2020-268.zh.txt").read_text(encoding="utf-8")
    assert "2436(2018)" in text
    (folder / name).write_text(text.replace("2436(2018)", cited), encoding="utf-8")
    return folder / name


def _owner(corpus: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / OWNER).write_bytes((corpus / OWNER).read_bytes())
    return folder / OWNER


@pytest.mark.parametrize(
    ("citer_name", "cited", "synced"),
    [
        ("S-2020-268.zh.txt", "2505(2020)", False),  # cited first, the owner's links
        ("T-2020-268.zh.txt", "2505(2020)", False),  # the owner first: no link as cited
        ("S-2020-268.zh.txt", "2505(2019)", True),  # cited first, other links: synced
    ],
)
def test_a_cited_subject_and_its_owner_in_one_build_need_no_sync_unless_they_differ(
    tmp_path: Path,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    citer_name: str,
    cited: str,
    synced: bool,
) -> None:
    files = tmp_path / "files"
    _citer(corpus, files, citer_name, cited)
    _owner(corpus, files)
    seen = _synced(monkeypatch)
    with Store(tmp_path / "store") as store:
        assert len(build(store, [files]).added) == 2
        assert (str(RESOLUTION) in seen) is synced
        assert_as_recomputed(store)


def test_a_subject_the_store_held_before_the_build_is_synced(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner, then its citation with another year, then the owner gone, then back."""
    owner = _owner(corpus, tmp_path / "owner")
    citer = _citer(corpus, tmp_path / "citer", "S-2020-268.zh.txt", "2505(2019)")
    seen = _synced(monkeypatch)
    with Store(tmp_path / "store") as store:
        build(store, [owner])
        assert str(RESOLUTION) not in seen  # an empty store: its own links in the batch
        build(store, [citer])
        assert str(RESOLUTION) in seen  # typed and named before this build: from the store
        assert_as_recomputed(store)
        remove_document(store, OWNER)  # only the citation left: the links as cited
        assert_as_recomputed(store)
        build(store, [owner])
        assert_as_recomputed(store)


def test_a_cited_subject_whose_citation_is_replaced_in_the_same_build(
    tmp_path: Path, corpus: Path
) -> None:
    """Two files with the same document's graph: the second replaces the first (new years
    cited), and the subject the first cited is synced from the store."""
    files = tmp_path / "files"
    _citer(corpus, files / "a", "S-2020-268.zh.txt", "2505(2019)")
    _citer(corpus, files / "b", "S-2020-268.zh.txt", "2505(2020)")
    with Store(tmp_path / "store") as store:
        report = build(store, [files])
        assert len(report.replaced) == 1
        assert_as_recomputed(store)
        build(store, [_owner(corpus, tmp_path / "owner")])
        assert_as_recomputed(store)


def test_the_ledger_leaves_conflicts_and_collisions_to_the_end_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unit rules of ``LinkLedger``: write, skip, or sync (None / False), never a wrong skip."""
    from unsckg.graph import derive

    a, b = frozenset({"https://undocs.org/a"}), frozenset({"https://undocs.org/b"})
    with Store(tmp_path / "store") as store:
        ledger = derive.LinkLedger(store)
        assert ledger.new("https://example.org/r/1")  # an empty store: nothing from before
        assert ledger.citer("https://example.org/r/1", a) is True  # cited first: write
        assert ledger.citer("https://example.org/r/1", a) is False  # the same: written
        assert ledger.citer("https://example.org/r/1", b) is None  # cited otherwise: sync
        assert ledger.owner("https://example.org/r/1", a) is True  # its own are those cited
        assert ledger.owner("https://example.org/r/2", b) is True
        assert ledger.citer("https://example.org/r/2", a) is False  # owned: no links as cited
        assert ledger.citer("https://example.org/r/3", a) is True
        assert ledger.owner("https://example.org/r/3", b) is False  # stale cited links: sync

        real = derive.fingerprint_pair  # every key the same, the check halves apart
        monkeypatch.setattr(derive, "fingerprint_pair", lambda text: (7, real(text)[1]))
        collided = derive.LinkLedger(store)
        assert collided.owner("https://example.org/r/4", a) is True
        assert collided.citer("https://example.org/r/5", a) is None  # not r/4's: sync
        assert collided.owner("https://example.org/r/5", a) is False


def test_subjects_typed_before_the_first_document_are_not_new(built_store: Store) -> None:
    from unsckg.graph.derive import LinkLedger

    ledger = LinkLedger(built_store)
    assert not ledger.new(str(DEFAULT.resolution(2518)))  # cited and owned in the dev set
    assert not ledger.new(str(DEFAULT.document("S/2021/284")))
    assert ledger.new(str(DEFAULT.resolution(9999)))
