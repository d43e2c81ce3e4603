"""Export and import round-trip the whole store without loss (TriG and N-Quads)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from unsckg.graph.export import export_store, import_file
from unsckg.graph.store import Store


@pytest.mark.parametrize(("fmt", "suffix"), [("trig", ".trig"), ("nquads", ".nq")])
def test_export_then_import_gives_the_same_dataset(
    built_store: Store, tmp_path: Path, fmt: str, suffix: str
) -> None:
    dump = tmp_path / f"dump{suffix}"
    with dump.open("wb") as handle:
        export_store(built_store, handle, fmt)
    with Store(tmp_path / "copy") as copy:
        import_file(copy, dump)
        assert set(copy.quads()) == set(built_store.quads())
        assert copy.graph_names() == built_store.graph_names()


def test_turtle_export_is_the_merge(built_store: Store) -> None:
    out = io.BytesIO()
    export_store(built_store, out, "turtle")
    text = out.getvalue().decode("utf-8")
    assert "@prefix unsc:" in text and "S/2021/284" in text
