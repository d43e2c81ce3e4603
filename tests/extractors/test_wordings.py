"""Every wording of every language pack against its own examples (``extractors/wordings.py``).

Adding a wording is one entry with its example in ``extractors/<pack>/wordings/<kind>.toml``;
this one parametrised test then checks that the entry compiles, that its example is matched by
that entry (not shadowed by an earlier one of its group) with the slots expected, and that the
group matches none of its counterexamples.
"""

from __future__ import annotations

import pytest
from unsckg.extractors.packs import PACK_MODULES, pack_for
from unsckg.extractors.wordings import (
    Entry,
    WordingError,
    Wordings,
    load_wordings,
    pack_wordings,
    parse_wordings,
)
from unsckg.extractors.zh.slots import ZH_SLOTS


def _all_entries() -> list[tuple[str, Wordings, str, Entry]]:
    out = []
    for language, package in sorted(PACK_MODULES.items()):
        for kind in pack_wordings(package):
            wordings = load_wordings(package, kind, pack_for(language).slots)
            for group, entries in wordings.groups.items():
                out.extend((f"{language}/{kind}/{group}", wordings, group, e) for e in entries)
    return out


ENTRIES = _all_entries()


@pytest.mark.parametrize(
    ("where", "wordings", "group", "entry"), ENTRIES, ids=[f"{w}/{e.id}" for w, _, _, e in ENTRIES]
)
def test_entry_matches_its_examples(
    where: str, wordings: Wordings, group: str, entry: Entry
) -> None:
    matcher = wordings[group]
    for example in entry.examples:
        hits = [h for h in matcher.finditer(example.text) if h.id == entry.id]
        assert hits, f"{where}: {entry.id} does not match its example {example.text!r}"
        found = {name: span.text for name, span in hits[0].slots.items()}
        assert found == dict(example.expect), f"{where}: {entry.id} on {example.text!r}"
        for span in hits[0].slots.values():
            assert example.text[span.start : span.end] == span.text
    for text in entry.counterexamples:
        assert matcher.search(text) is None, f"{where}: {entry.id} matches {text!r}"


def test_every_pack_has_wordings() -> None:
    assert {where.split("/")[0] for where, *_ in ENTRIES} >= {"zh"}


def test_a_template_compiles_to_slots_choices_and_guards() -> None:
    text = """
[[theme]]
id = "theme-named"
template = "[主题|题目][为|是] “{theme:quoted}”"
not_before = ["报告的"]
examples = [{ text = "会议主题为“和平”", expect = { theme = "和平" } }]
"""
    matcher = parse_wordings(text, "test.toml", ZH_SLOTS)["theme"]
    hit = matcher.search("辩论的主题是 “青年与和平”。")
    assert hit is not None and hit.id == "theme-named" and hit.slot("theme") == "青年与和平"
    assert matcher.search("报告的题目为“年度报告”") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[[g]]\nid = "a"\ntemplate = "x"\n', "has no example"),
        ('[[g]]\nid = "a"\ntemplate = "{x:colour}"\nexamples = [{text = "x"}]\n', "unknown slot"),
        (
            '[[g]]\nid = "a"\ntemplate = "x"\nexamples = [{text = "x"}]\n'
            '[[h]]\nid = "a"\ntemplate = "y"\nexamples = [{text = "y"}]\n',
            "used twice",
        ),
        ('[[g]]\ntemplate = "x"\n', "lacks"),
        ("[[g]\n", "test.toml"),
    ],
)
def test_a_bad_file_is_one_clear_error(text: str, reason: str) -> None:
    with pytest.raises(WordingError, match=reason):
        parse_wordings(text, "test.toml", ZH_SLOTS)["g"]


def test_a_quoted_lines_slot_runs_over_a_line_break() -> None:
    text = """
[[theme]]
id = "theme-named"
template = "主题为“{theme:quoted_lines}”"
examples = [{ text = "主题为“和平”", expect = { theme = "和平" } }]
"""
    matcher = parse_wordings(text, "test.toml", ZH_SLOTS)["theme"]
    hit = matcher.search("会议的主题为“核裁军与不扩散：\n防止核战争”。")
    assert hit is not None and hit.slot("theme") == "核裁军与不扩散：\n防止核战争"
