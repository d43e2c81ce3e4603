"""Golden N-Quads: every quad of each dev document, pinned, and each document's graph conforms.

Why: the facts are pinned (``tests/extractors/test_golden_facts.py``), but a change in the
mapping (an IRI, a datatype, a language tag, a lost link) is invisible there. Each of the seven
dev documents (``graph/samples/*.zh.txt``) is extracted, mapped and resolved the way the build
does it (``build.prepare_one``, then ``resolve_document`` with a fresh resolver, so that no
document's file depends on another's), and its quads, one canonical N-Quads line each, sorted and
without duplicates, are compared with ``tests/data/golden-nquads/<name>.nq``. The mapping makes
no blank nodes and writes no timestamps (the build's own record graph is not part of a document's
graph), so the files are deterministic; a test checks that no blank node creeps in.

A legitimate change rewrites the files; inspect the diff before committing them:

    UNSCKG_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/graph/test_golden_nquads.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph.build import Failure, prepare_one, write_reference_graphs
from unsckg.graph.errors import BuildError
from unsckg.graph.mapping.deferred import resolve_document
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import Store
from unsckg.graph.validate import validate
from unsckg.ontology.iris import DEFAULT

SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-nquads"
REGENERATE = os.environ.get("UNSCKG_REGENERATE_GOLDEN") == "1"
DOCUMENTS = sorted(SAMPLES.glob("*.zh.txt"))


def document_quads(path: Path) -> list[ox.Quad]:
    """The document's quads as a build writes them (mapped, then resolved)."""
    prepared = prepare_one(path, DEFAULT)
    if isinstance(prepared, Failure):
        raise BuildError(f"{path.name}: {prepared.reason}")
    mapped = prepared.mapped
    data = mapped.quads + resolve_document(mapped, Resolver(DEFAULT)).quads.encode("utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def canonical_nquads(quads: list[ox.Quad]) -> str:
    """One N-Quads line per quad (pyoxigraph's canonical term syntax), sorted, unique."""
    return "".join(sorted({f"{quad} .\n" for quad in quads}))


def _name(path: Path) -> str:
    return path.name.removesuffix(".txt") + ".nq"


def test_there_are_seven_dev_documents() -> None:
    assert len(DOCUMENTS) == 7


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_quads_unchanged(path: Path) -> None:
    actual = canonical_nquads(document_quads(path))
    pinned = GOLDEN / _name(path)
    if REGENERATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        pinned.write_text(actual, encoding="utf-8")
    expected = pinned.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "pinned", "mapped", lineterm="", n=1
        )
        pytest.fail(f"quads of {path.name} changed:\n" + "\n".join(diff))


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_pinned_quads_are_deterministic_and_in_one_graph(path: Path) -> None:
    quads = list(ox.parse((GOLDEN / _name(path)).read_bytes(), format=ox.RdfFormat.N_QUADS))
    assert quads and len({q.graph_name for q in quads}) == 1
    terms = [t for q in quads for t in (q.subject, q.object)]
    assert not any(isinstance(t, ox.BlankNode) for t in terms)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_pinned_quads_conform_to_the_shapes(path: Path, tmp_path: Path) -> None:
    quads = ox.parse((GOLDEN / _name(path)).read_bytes(), format=ox.RdfFormat.N_QUADS)
    with Store(tmp_path / "store") as store:
        write_reference_graphs(store, DEFAULT)
        store.add(quads)
        report = validate(store)
    assert report.conforms, report.text()
