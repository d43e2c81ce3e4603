"""The document's language, detected once from its script and content.

Why by script: a Council document is written in one of the six official languages, and the
script tells Chinese (Han characters) from the Latin-script languages at once; the share is taken
over letters only, so symbols, numbers and a Chinese page's English navigation do not sway it.
Traditional Chinese is Chinese: normalisation converts it to simplified for the ``zh`` pack.
"""

from __future__ import annotations

import re

SAMPLE = 20000
HAN_SHARE = 0.2
# Han characters: the unified ideographs, extension A, and the compatibility ideographs.
HAN_RANGES = (("\u4e00", "\u9fff"), ("\u3400", "\u4dbf"), ("\uf900", "\ufaff"))
HAN = re.compile("[" + "".join(f"{low}-{high}" for low, high in HAN_RANGES) + "]")
LETTER = re.compile(r"[^\W\d_]")  # what str.isalpha() calls a letter, near enough


def is_han(ch: str) -> bool:
    return any(low <= ch <= high for low, high in HAN_RANGES)


def _latin1(text: str) -> bool:
    """Are all of ``text``'s characters Latin-1 (none a Han character)? Encoding tells at C
    speed, faster than a scan for Han characters."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def detect_language(text: str) -> str:
    """``zh`` for a text whose letters are at least a fifth Han characters, else ``en``.
    Counted by regular expressions, in C: a character loop in Python cost a tenth of a short
    Chinese letter's extraction. A text of ASCII or Latin-1 characters is not scanned at all."""
    sample = text[:SAMPLE]
    if sample.isascii() or _latin1(sample) or not HAN.search(sample):
        return "en"  # no Han character: none of the letters is, whatever their count
    letters = len(LETTER.findall(sample))
    han = len(HAN.findall(sample))
    return "zh" if han >= HAN_SHARE * max(letters, 1) else "en"
