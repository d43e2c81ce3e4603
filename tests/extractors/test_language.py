"""The language detected once per document: the shortcuts that skip the Han search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors import language

# Characters at and around each edge of the Han ranges, and some anywhere (surrogates too).
EDGES = [
    chr(c)
    for low, high in language.HAN_RANGES
    for c in (ord(low) - 1, ord(low), ord(high), ord(high) + 1)
]
CHARACTERS = st.one_of(
    st.sampled_from([*EDGES, "a", "’", "é", "\U00020000", "\ud840", "\u33ff"]),
    st.characters(codec=None),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(CHARACTERS, max_size=40).map("".join))
def test_a_text_without_a_han_high_byte_has_no_han_character(text: str) -> None:
    """``_no_han`` is a necessary condition of a Han character: it never skips one."""
    if language._no_han(text):
        assert language.HAN.search(text) is None
    assert language._no_han(text) or any(
        0x34 <= ord(c) >> 8 <= 0x9F or 0xF9 <= ord(c) >> 8 <= 0xFA for c in text
    )


def test_english_with_typographic_quotes_is_english_and_han_is_chinese() -> None:
    assert language.detect_language("The Security Council “recalls” – 2021") == "en"
    assert language.detect_language("安全理事会“回顾”") == "zh"
    assert language.detect_language("豈" * 3 + "㐀") == "zh"


def _detected_by_counting(text: str) -> str:
    """The language by the shares alone, without any shortcut."""
    sample = text[: language.SAMPLE]
    letters = len(language.LETTER.findall(sample))
    han = len(language.HAN.findall(sample))
    return "zh" if han >= language.HAN_SHARE * max(letters, 1) else "en"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(CHARACTERS, st.sampled_from(["Council ", "安理会", "’"])), max_size=60))
def test_the_shortcuts_detect_what_counting_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert language.detect_language(text) == _detected_by_counting(text)
    long = "x" * language.OPENING + text  # a Han character, if any, past the opening
    assert language.detect_language(long) == _detected_by_counting(long)
