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


def test_stored_records_answer_by_source_and_by_graph() -> None:
    known = Records()
    known.graphs.add("g1")
    known.graphs.add("g2")
    known.add_stored("g1", "bytes-1", "a.txt")
    known.add_stored("g0", "bytes-0", "a.txt")  # an older IRI of the same file, gone
    known.add_stored("g2", "bytes-2", "b.txt")
    assert known.unchanged("a.txt", "bytes-1") and not known.unchanged("a.txt", "bytes-0")
    assert not known.unchanged("c.txt", "bytes-1") and "g0" not in known.graphs
    assert known.stale_graphs("a.txt", "g1") == ["g0"]
    assert known.stale_graphs("a.txt", "g9") == ["g1", "g0"]  # in the order stored
    assert known.held_by_another("g2", "bytes-3", "c.txt")
    assert not known.held_by_another("g2", "bytes-2", "c.txt")  # the same bytes
    assert not known.held_by_another("g2", "bytes-3", "b.txt")  # the same file
    assert known.copy_of("g1", "bytes-1") and not known.copy_of("g2", "bytes-9")


def test_chains_keep_many_keys_apart() -> None:
    from unsckg.graph.chains import Chains

    chains = Chains()
    for i in range(5_000):
        chains.add(f"s{i % 1_000}.txt", (f"g{i}", "文件\udcff"))
    assert chains.get("s7.txt") == [(f"g{i}", "文件\udcff") for i in range(7, 5_000, 1_000)]
    assert chains.get("missing") == []
