"""This build's records, kept as fingerprints, answer as the strings did."""

from __future__ import annotations

from unsckg.graph.records import Records


def test_copies_and_versions_within_one_build() -> None:
    known = Records()
    assert not known.copy_of("g", "bytes-1")  # first seen
    known.remember("g", "bytes-1", "a.txt")
    assert known.copy_of("g", "bytes-1")  # the same bytes under another name: a copy
    assert not known.held_by_another("g", "bytes-1", "b.txt")  # same bytes
    assert not known.held_by_another("g", "bytes-2", "a.txt")  # the same file
    assert known.held_by_another("g", "bytes-2", "b.txt")  # another file, other bytes
    assert not known.held_by_another("h", "bytes-2", "b.txt")  # a graph not seen


def test_the_first_bytes_and_file_are_kept() -> None:
    known = Records()
    known.copy_of("g", "bytes-1")
    known.remember("g", "bytes-2", "a.txt")  # the bytes seen first stay
    assert known.copy_of("g", "bytes-1")
    known.remember("g", "bytes-1", "b.txt")  # the first file stays
    assert known.held_by_another("g", "bytes-3", "b.txt")
    assert not known.held_by_another("g", "bytes-3", "a.txt")


def test_entries_are_small() -> None:
    known = Records()
    for i in range(1000):
        known.remember(f"https://example.org/graph/document/S-{i}", f"{i:064x}", f"{i}.txt")
    assert all(type(k) is int and type(v) is int for k, v in known.this_build.items())
    assert max(v.bit_length() for v in known.this_build.values()) <= 64
