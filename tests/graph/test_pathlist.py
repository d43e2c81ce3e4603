"""The packed list of a build's input files gives back the paths it was given."""

from __future__ import annotations

from pathlib import Path

import pytest
from unsckg.graph.pathlist import PathList


def test_paths_come_back_in_order_with_slices() -> None:
    paths = [
        Path("/corpus/000/00001-S-RES-2505-2020.zh.txt"),
        Path("/corpus/001/文件 一.docx"),
        Path("relative/S-PV-9000.en.pdf"),
        Path("/corpus/000/00002-S-PRST-2021-1.zh.txt"),
        Path("/corpus/bad\udcff.txt"),  # a file name that is not UTF-8 on disk
    ]
    packed = PathList(paths)
    assert len(packed) == len(paths)
    assert list(packed) == paths
    assert packed[-1] == paths[-1]
    assert packed[1:4] == paths[1:4] and packed[::2] == paths[::2]
    assert len(PathList([])) == 0 and list(PathList([])) == []
    with pytest.raises(IndexError):
        packed[len(paths)]


def test_urls_are_kept_as_they_are() -> None:
    from unsckg.graph.remote import RemoteFile

    remote = RemoteFile("http://127.0.0.1:1/S-PV-1.en.txt")
    packed = PathList([Path("/a/b.txt"), remote, Path("/a/c.txt")])  # type: ignore[list-item]
    assert list(packed) == [Path("/a/b.txt"), remote, Path("/a/c.txt")]
