"""A build's packed listing finds the files ``files.collect`` finds, in its order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unsckg.graph import files, listing
from unsckg.graph.errors import BuildError


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name in [
        "b/S-RES-1.zh.txt",
        "a/S-RES-1.zh.txt",  # the same name in two folders: ordered by path
        "a/deep/er/S-PV-9000.en.pdf",
        "a/.hidden.txt",
        "a/README.md",
        "a/notes.csv",
        ".dot/S-2021-1.zh.docx",  # a hidden folder is entered, as rglob does
        "文件/文件 一.html",
    ]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "S-1.zh.txt").write_text("x", encoding="utf-8")
    os.symlink(outside, root / "linked-folder")  # not entered, as rglob does
    os.symlink(outside / "S-1.zh.txt", root / "a" / "linked.txt")  # a linked file is kept
    return root


@pytest.mark.parametrize("run", [listing.RUN, 2, 1])  # 2, 1: sorted runs merged from disk
def test_the_listing_is_files_collect_packed(tree: Path, run: int) -> None:
    named = tree / "a" / "notes.csv"  # named: kept whatever its suffix
    for arguments in ([tree], [tree / "a", tree], [named, tree, tree / "b" / "S-RES-1.zh.txt"]):
        assert list(listing.collect(arguments, run)) == files.collect(arguments)


def test_names_with_newlines_survive_the_runs(tmp_path: Path) -> None:
    for i in range(50):
        (tmp_path / f"{i % 7}-S-RES-{i}\n.zh.txt").write_text("x", encoding="utf-8")
    assert list(listing.collect([tmp_path], 3)) == files.collect([tmp_path])


def test_the_current_folder_lists_as_rglob_spells_it(tree: Path) -> None:
    cwd = Path.cwd()
    os.chdir(tree)
    try:
        arguments = [Path("."), Path("b/S-RES-1.zh.txt")]
        assert list(listing.collect(arguments)) == files.collect(arguments)
    finally:
        os.chdir(cwd)


def test_a_missing_path_is_a_build_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no such file"):
        listing.collect([tmp_path / "missing"])
