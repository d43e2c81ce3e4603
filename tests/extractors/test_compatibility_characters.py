"""Compatibility characters a PDF font maps its glyphs to (Kangxi radicals, CJK Radicals
Supplement, CJK compatibility ideographs) are folded in normalisation, the offset map kept:
evidence quotes the characters as the PDF has them. A whole PDF of them: ``test_pdf_text.py``."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from unsckg.extractors.normalise import normalise
from unsckg.extractors.script import compatibility_table, fold_compatibility

CHN_LETTER = "CHN-2021-05-05-letter.zh.txt"
# What such a font gives for common characters: Kangxi radicals for 月 日 人 大 一, radicals
# of the Supplement for 长 门, a compatibility ideograph for 零 (U+F9B2).
KANGXI = str.maketrans(
    {"月": "⽉", "日": "⽇", "人": "⼈", "大": "⼤", "一": "⼀", "长": "⻓", "门": "⻔", "零": "零"}
)


def kangxi(text: str) -> str:
    return text.translate(KANGXI)


def test_kangxi_date_is_folded_and_evidence_quotes_the_radicals() -> None:
    original = "2021年5⽉24⽇（星期⼀）上午10时"
    norm = normalise(original)
    assert norm.text == "2021年5月24日(星期一)上午10时"
    start = norm.text.index("5月24日")
    evidence = norm.evidence(start, start + len("5月24日"))
    assert evidence.quote == "5⽉24⽇"
    assert original[evidence.start : evidence.end] == "5⽉24⽇"


def test_every_block_folds_to_one_unified_ideograph() -> None:
    table = compatibility_table()
    assert table[0x2F49] == "月" and table[0x2F47] == "日"  # Kangxi radicals
    assert table[ord("⻓")] == "长" and table[ord("⻔")] == "门"  # Supplement (no NFKC)
    assert table[0xF9B2] == "零" and table[0x2F800] == "丽"  # compatibility ideographs
    for unified in table.values():
        assert len(unified) == 1
        assert unicodedata.name(unified).startswith("CJK UNIFIED IDEOGRAPH")


def test_text_without_compatibility_characters_is_returned_as_is() -> None:
    text = "安全理事会 2021年5月"
    assert fold_compatibility(text) is text


def test_folding_keeps_every_offset(sample: Callable[[str], str]) -> None:
    original = kangxi(sample(CHN_LETTER))
    plain = normalise(sample(CHN_LETTER))
    norm = normalise(original)
    assert norm.text == plain.text
    assert norm.origin == plain.origin
    assert "⽉" in original and "5月24日" in norm.text
