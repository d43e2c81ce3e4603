"""Documents: identical copies are one document, rebuilds of an unchanged folder do nothing.

Why: documents with no symbol were keyed by file name, so 200 copies of 7 letters made 416
document nodes, and files sharing a graph replaced each other's build records, so a rebuild of
an unchanged folder reported hundreds "replaced".
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from unsckg.graph.build import build
from unsckg.graph.store import Store


def _letters(corpus: Path) -> list[Path]:
    """The seven dev documents (two letters without a symbol, keyed by content)."""
    return sorted(p for p in corpus.iterdir() if p.suffix == ".txt")


def _documents(store: Store) -> int:
    rows = store.select_values(
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a "
        "<https://w3id.org/unsc-kg/ontology#Document> } }"
    )
    return int(rows[0]["n"])


def test_copies_of_letters_are_one_document_each(tmp_path: Path, corpus: Path) -> None:
    letters = _letters(corpus)
    assert len(letters) == 7
    folder = tmp_path / "copies"
    folder.mkdir()
    copies = int(os.environ.get("UNSCKG_COPIES", "4"))  # the 200: UNSCKG_COPIES=200
    for letter in letters:
        for n in range(copies):
            shutil.copy(letter, folder / f"{n}-{letter.name}")
    with Store(tmp_path / "s") as store:
        report = build(store, [folder])
        assert _documents(store) == len(letters)
        assert len(report.added) == len(letters)
        assert len(report.copies) == len(letters) * (copies - 1)
        again = build(store, [folder])
    assert len(again.unchanged) == len(letters) * copies
    assert not again.added and not again.replaced and not again.copies
    assert "0 changed" in again.summary()
