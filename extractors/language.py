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


# The high bytes of the UTF-16 code units of no Han character (``HAN_RANGES``: from U+3400 to
# U+9FFF, and U+F900 to U+FAFF), deleted by ``bytes.translate``.
_NOT_HAN_HIGH = bytes(b for b in range(256) if not (0x34 <= b <= 0x9F or 0xF9 <= b <= 0xFA))


def _no_han(text: str) -> bool:
    """Is ``text`` surely without a Han character? None of its UTF-16 code units has the high
    byte of one (a character beyond the BMP is two surrogates, from ``0xD8``). Why: the
    English texts with a typographic quote or dash are no Latin-1, and ``HAN.search`` tries
    its class at every character; this is two passes in C over bytes, a tenth of that."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return not high.translate(None, _NOT_HAN_HIGH)


# The opening of a text looked at first for a Han character: a Chinese text shows one at once,
# and is then not read for their high bytes (``_no_han``).
OPENING = 256


def _no_han_text(sample: str) -> bool:
    """Has ``sample`` no Han character? Its opening searched first, then its high bytes read,
    then, where they may be a Han character's, the whole of it searched."""
    if HAN.search(sample, 0, OPENING):
        return False
    return _no_han(sample) or not HAN.search(sample)


def detect_language(text: str) -> str:
    """``zh`` for a text whose letters are at least a fifth Han characters, else ``en``.
    Counted by regular expressions, in C: a character loop in Python cost a tenth of a short
    Chinese letter's extraction. A text of ASCII or Latin-1 characters is not scanned at all, one
    without the UTF-16 high byte of a Han character (``_no_han``) is not searched."""
    sample = text[:SAMPLE]
    if sample.isascii() or _latin1(sample) or _no_han_text(sample):
        return "en"  # no Han character: none of the letters is, whatever their count
    letters = len(LETTER.findall(sample))
    han = len(HAN.findall(sample))
    return "zh" if han >= HAN_SHARE * max(letters, 1) else "en"
