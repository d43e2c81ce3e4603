"""The packed per-document tables of a build answer as the dicts, sets and lists did."""

from __future__ import annotations

import random

from unsckg.graph.fingerprint import FingerprintTable, fingerprint
from unsckg.graph.namelist import NameList
from unsckg.graph.people import NamedInRecords
from unsckg.graph.resolve import DecisionKeys


def test_the_table_answers_as_a_dict_across_merges() -> None:
    rng = random.Random(18)
    table, expected = FingerprintTable(buffer=7), {}
    for _ in range(500):
        key, value = rng.getrandbits(64), rng.getrandbits(64)
        if expected and rng.random() < 0.3:  # overwrite a key already merged or buffered
            key = rng.choice(list(expected))
        table[key] = value
        expected[key] = value
    assert len(table) == len(expected)
    assert all(table.get(k) == v and k in table for k, v in expected.items())
    assert dict(table.items()) == expected
    assert table.get(1) is None and 1 not in table


def test_the_table_as_a_set_keeps_values_and_is_small() -> None:
    table = FingerprintTable(fingerprint(str(i)) for i in range(10_000))
    table[fingerprint("0")] = 5
    table.add(fingerprint("0"))  # already there: its value stays
    table.add(fingerprint("new"))
    assert table.get(fingerprint("0")) == 5 and fingerprint("new") in table
    assert len(table) == 10_001 and table.nbytes <= 17 * 10_001  # 16 bytes an entry


def test_name_lists_read_and_compare_as_lists() -> None:
    names = ["S-RES-2505-2020.zh.txt", "文件 一.docx", "bad\udcff.txt", ""]
    packed = NameList(names)
    assert packed == names and list(packed) == names and names == packed
    assert packed[-1] == "" and packed[1:3] == names[1:3] and len(packed) == 4
    packed.append("x")
    assert packed != names and packed == [*names, "x"] and NameList() == []
    assert repr(NameList(["a"])) == "NameList(['a'])"


def test_decision_keys_keep_the_first_key_and_draft() -> None:
    keys = DecisionKeys()
    assert keys.draft(2505) is None and keys.first_key("S/2020/1", None) is None
    keys.link_draft(2505, "S/2020/1")
    keys.link_draft(2505, "S/2020/2")  # the first draft noted stays
    assert keys.draft(2505) == "S/2020/1"
    keys.remember("S/2020/1", ["S/2020/1", "#2505", None])
    keys.remember("other", ["#2505", "S/2020/9"])  # the resolution's key stays
    assert keys.first_key(None, "#2505") == "S/2020/1"
    assert keys.first_key("S/2020/9", "#2505") == "other"


def test_records_name_other_scripts_once() -> None:
    named = NamedInRecords()
    named.add("doc", "BEL", "latn", "p1")
    named.add("doc", "BEL", "latn", "p1")
    named.add("doc", "BEL", "hani", "p2")
    assert named.named("doc", "BEL", "hani") == ["p1"]
    assert named.named("doc", "BEL", "latn") == ["p2"]
    assert named.named("doc", "FRA", "hani") == [] and named.named("other", "BEL", "x") == []


def test_the_table_on_disk_answers_as_a_dict_for_present_and_absent_keys() -> None:
    rng = random.Random(180)
    table, expected = FingerprintTable(buffer=300), {}
    for _ in range(20_000):
        key = rng.getrandbits(64)
        table[key] = expected[key] = rng.getrandbits(64)
    for key in rng.sample(list(expected), 2_000):  # values changed where they are on disk
        table[key] = expected[key] = rng.getrandbits(64)
    assert len(table) == len(expected) == len(dict(table.items()))
    assert all(table.get(k) == v for k, v in expected.items())
    absent = [rng.getrandbits(64) for _ in range(20_000)]
    assert not any(key in table for key in absent if key not in expected)
    assert len(table._runs) <= 8  # merged as they come: about log2(entries / buffer) runs


def test_the_table_keeps_about_a_byte_an_entry_in_memory() -> None:
    table = FingerprintTable(fingerprint(str(i)) for i in range(50_000))
    assert len(table) == 50_000 and table.nbytes <= 1.2 * 50_000
    table.close()
    assert len(table) == 0


def test_name_lists_on_disk_read_in_order_and_at_random() -> None:
    names = [f"{i:06d}-S-RES-{i}-文件.zh.txt" for i in range(30_000)]
    packed = NameList(names)
    assert list(packed) == names and packed[12_345] == names[12_345]
    assert packed[-1] == names[-1] and packed[100:164] == names[100:164]
    assert packed[29_990:] == names[29_990:] and packed[5] == names[5]
    assert packed._marks.itemsize * len(packed._marks) <= 0.2 * len(names)
    import pickle

    assert pickle.loads(pickle.dumps(packed)) == names
