"""Traditional script converted to simplified inside normalisation, the offset map kept: the clean
text is simplified, evidence quotes the original traditional characters. Simplified and Latin
texts are never converted.

The traditional text is resolution 44 (1948) as Wikisource gives it
(``tests/data/real/README.md``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from unsckg.extractors import script
from unsckg.extractors.normalise import normalise
from unsckg.extractors.script import detect_script, to_simplified

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
RES_44 = (REAL / "S-RES-44-1948.zh-hant.txt").read_text(encoding="utf-8")


def test_resolution_44_is_traditional() -> None:
    assert detect_script(RES_44) == "Hant"


def test_dev_documents_are_simplified(sample: Callable[[str], str], dev_name: str) -> None:
    assert detect_script(sample(dev_name)) == "Hans"


def test_english_record_text_is_latin() -> None:
    text = "The President: The draft resolution received 15 votes in favour. 安全理事会"
    assert detect_script(text) == "Latn"
    assert detect_script("") == "Latn"


def test_resolution_44_normalised_is_simplified() -> None:
    norm = normalise(RES_44)
    assert norm.script == "Hant"
    assert "安全理事会," in norm.text
    assert "第二七七次会议以九票对零通过,弃权者二(乌克兰苏维埃社会主义共和国" in norm.text
    assert "1948年4月1日决议案" in norm.text  # the date's numerals read after conversion
    assert "會" not in norm.text and "聯" not in norm.text


def test_resolution_44_evidence_quotes_the_traditional_original() -> None:
    norm = normalise(RES_44)
    start = norm.text.index("弃权者二(乌克兰")
    evidence = norm.evidence(start, start + len("弃权者二(乌克兰"))
    assert evidence.quote == "棄權者二(烏克蘭"
    assert RES_44[evidence.start : evidence.end] == evidence.quote
    start = norm.text.index("1948年4月1日")
    assert norm.evidence(start, start + len("1948年4月1日")).quote == "一九四八年四月一日"


def test_every_clean_character_maps_to_its_original() -> None:
    norm = normalise(RES_44)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)
    converted = to_simplified(RES_44)
    for i, ch in enumerate(norm.text):
        if ch.strip() and not ch.isdigit():  # digits are rewritten numerals
            assert converted[norm.origin[i]] == ch


def test_conversion_keeps_the_length_of_every_line() -> None:
    converted = to_simplified(RES_44)
    assert len(converted) == len(RES_44)
    assert converted.splitlines() != RES_44.splitlines()
    for line, simple in zip(RES_44.splitlines(), converted.splitlines(), strict=True):
        assert len(line) == len(simple)


class _PhraseConverter:
    """OpenCC with one phrase that comes out shorter, as some phrase conversions do."""

    def __init__(self) -> None:
        import opencc

        self.real = opencc.OpenCC("t2s")

    def convert(self, text: str) -> str:
        return self.real.convert(text).replace("安全理事会", "安理会")


def test_a_phrase_that_changes_length_is_converted_character_by_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(script, "_converter", _PhraseConverter)
    text = "聯合國安全理事會決議\n第二七七次會議"
    converted = to_simplified(text)
    assert converted == "联合国安全理事会决议\n第二七七次会议"


def test_simplified_text_is_not_converted(
    monkeypatch: pytest.MonkeyPatch, sample: Callable[[str], str]
) -> None:
    script._traditional_only()  # built before the converter is taken away

    def no_conversion() -> None:
        raise AssertionError("a simplified text was converted")

    monkeypatch.setattr(script, "_converter", no_conversion)
    norm = normalise(sample("CHN-2021-05-05-letter.zh.txt"))
    assert norm.script == "Hans"
