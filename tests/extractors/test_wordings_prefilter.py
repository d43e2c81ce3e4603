"""The wordings compiler's anchors and leads change nothing but speed (``extractors/wordings.py``).

Why: a group is skipped for a text that lacks its anchors, entries a text cannot hold are left
out of its alternation, and a lookahead of the entries' leads lets ``re`` pass over positions;
each is a shortcut that must find exactly what the plain alternation finds. These tests compare
the two on every group of every pack, over the entries' own examples and the bundled sample
documents (``graph/samples``) and the real English resolutions of ``tests/data``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from unsckg.extractors.normalise import normalise
from unsckg.extractors.packs import PACK_MODULES, pack_for
from unsckg.extractors.wordings import (
    Hit,
    Matcher,
    entry_anchors,
    entry_lead,
    load_wordings,
    pack_wordings,
    parse_wordings,
)
from unsckg.extractors.zh.slots import ZH_SLOTS

TALLY = """
[[tally]]
id = "tally-versus"
template = "[以|] {yes:number} 票 对 {no:number} 票"
examples = [{ text = "以13票对0票", expect = { yes = "13", no = "0" } }]

[[tally]]
id = "tally-in-favour"
template = "[以|获得] {yes:number} 票赞成"
examples = [{ text = "以15票赞成", expect = { yes = "15" } }]
"""


def _groups() -> list[tuple[str, Matcher, Matcher]]:
    out = []
    for language, package in sorted(PACK_MODULES.items()):
        for kind in pack_wordings(package):
            wordings = load_wordings(package, kind, pack_for(language).slots)
            for group, entries in wordings.groups.items():
                fast = wordings[group]
                plain = Matcher(entries, wordings.patterns, prefilter=False)
                out.append((f"{language}/{kind}/{group}", fast, plain))
    return out


ENGLISH = Path(__file__).resolve().parents[1] / "data" / "real-en-resolutions"


def _texts() -> list[str]:
    samples = resources.files("unsckg.graph").joinpath("samples")
    raw = [e.read_text(encoding="utf-8") for e in samples.iterdir() if e.name.endswith(".txt")]
    raw += [path.read_text(encoding="utf-8") for path in sorted(ENGLISH.glob("*.en.txt"))]
    assert len(raw) > 7, "no bundled samples"
    return [normalise(text).text for text in sorted(raw)]


GROUPS = _groups()
TEXTS = _texts()


def _seen(hits: list[Hit] | Hit | None) -> object:
    if isinstance(hits, list):
        return [_seen(h) for h in hits]
    if hits is None:
        return None
    return (hits.id, hits.value, hits.start, hits.end, dict(hits.slots))


def test_a_group_is_not_searched_in_a_text_without_its_anchors() -> None:
    matcher = parse_wordings(TALLY, "test.toml", ZH_SLOTS)["tally"]
    assert entry_anchors(matcher.entries[0]) == (("票",), ("对",), ("票",))
    assert matcher.candidates("安理会以十三票赞成通过") == (1,)
    assert matcher.candidates("安理会一致通过了第2518号决议") == ()
    assert list(matcher.finditer("安理会以 13 种方式通过")) == []
    hit = matcher.search("决议草案以13票对0票、2票弃权获得通过")
    assert hit is not None and hit.id == "tally-versus" and hit.slot("no") == "0"


def test_a_lead_is_the_entry_up_to_its_first_required_piece() -> None:
    entries = parse_wordings(TALLY, "test.toml", ZH_SLOTS).groups["tally"]
    number = ZH_SLOTS.types["number"]
    assert entry_lead(entries[0], ZH_SLOTS) == rf"(?:以)?\s*(?:{number})"
    assert entry_lead(entries[1], ZH_SLOTS) == "(?:以|获得)"


@pytest.mark.parametrize(("where", "fast", "plain"), GROUPS, ids=[g[0] for g in GROUPS])
def test_prefiltered_group_finds_what_the_plain_alternation_finds(
    where: str, fast: Matcher, plain: Matcher
) -> None:
    examples = [x.text for e in fast.entries for x in e.examples]
    examples += [t for e in fast.entries for t in e.counterexamples]
    for text in [*examples, "\n".join(examples), *TEXTS]:
        assert _seen(list(fast.finditer(text))) == _seen(list(plain.finditer(text))), where
        assert _seen(fast.first_entry(text)) == _seen(plain.first_entry(text)), where
        middle = len(text) // 3
        assert _seen(fast.search(text, middle, 2 * middle)) == _seen(
            plain.search(text, middle, 2 * middle)
        ), where
        assert _seen(fast.search_here(text, middle, 2 * middle)) == _seen(
            plain.search(text, middle, 2 * middle)
        ), where
        assert _seen(fast.search_here(text)) == _seen(plain.search(text)), where
        for hit in plain.finditer(text):
            assert _seen(fast.match(text, hit.start)) == _seen(plain.match(text, hit.start))
