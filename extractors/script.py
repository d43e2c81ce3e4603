"""Scripts of Chinese text: compatibility characters folded, traditional characters simplified.

Why here, before every pattern: the extractors' wordings, the states' names and the domain
dictionary are written in simplified characters. Two things keep a text from them:

* a PDF font that maps its glyphs to **compatibility characters**: Kangxi radicals (U+2F00-2FDF,
  ``⽉ ⽇`` for 月 日), CJK Radicals Supplement (U+2E80-2EFF, ``⻓ ⻔`` for 长 门), CJK
  compatibility ideographs (U+F900-FAFF, U+2F800-2FA1F). ``fold_compatibility`` folds them to the
  unified ideographs (NFKC, and for the Supplement, which NFKC leaves alone but for two, the
  unified character each simplified radical stands for);
* **traditional script** (documents from Taiwan, Hong Kong, Macao and Wikisource):
  ``to_simplified`` converts it with OpenCC's ``t2s``, phrase by phrase.

Both return a text of the same length as their input, character for character, so that the
offset map of ``normalise.py`` stays exact and evidence quotes the original characters.
``detect_script`` says once, cheaply, whether a text needs the conversion at all: simplified and
Latin texts are never converted.

OpenCC is the official binding (``opencc`` on PyPI, a C++ extension with its dictionaries in
the wheel: it works offline). ``opencc-python-reimplemented`` gives the same conversions of the
real traditional documents but is pure Python, about 40 times slower (0.14 against 5.5 million
characters per second here), unmaintained since 2023, and installs a module of the same name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import opencc

Script = Literal["Hans", "Hant", "Latn"]

# The compatibility blocks; a text without any of them is left as it is, at the cost of a scan.
COMPATIBILITY = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
# Radicals of the Supplement that NFKC does not fold, each to the unified character it stands
# for where that character is also a word or a component a font maps (Unicode's
# EquivalentUnifiedIdeograph.txt): the simplified radicals above all (⻓ 长, ⻔ 门, ⻅ 见).
_SUPPLEMENT = {
    "⺦": "丬",
    "⺩": "王",
    "⺰": "纟",
    "⺼": "月",
    "⻄": "西",
    "⻅": "见",
    "⻆": "角",
    "⻈": "讠",
    "⻉": "贝",
    "⻋": "车",
    "⻌": "辶",
    "⻏": "阝",
    "⻐": "钅",
    "⻓": "长",
    "⻔": "门",
    "⻖": "阝",
    "⻙": "韦",
    "⻚": "页",
    "⻛": "风",
    "⻜": "飞",
    "⻠": "饣",
    "⻢": "马",
    "⻣": "骨",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻧": "卤",
    "⻨": "麦",
    "⻩": "黄",
    "⻪": "黾",
    "⻫": "斉",
    "⻬": "齐",
    "⻭": "歯",
    "⻮": "齿",
    "⻯": "竜",
    "⻰": "龙",
    "⻲": "亀",
}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# How much of a text ``detect_script`` reads, and the share of its wide characters (Han and
# CJK punctuation) that must be traditional-only for the text to be traditional. Of the Han
# characters, real traditional documents have 31-37 % traditional-only ones; simplified ones at
# most 1 % (a name, a Wikisource line), a simplified document with a Wikisource footer in
# traditional 10 %.
SAMPLE = 6000
HANT_SHARE = 0.15
# Below this share of wide characters in the sample a text is Latin.
WIDE_SHARE = 0.2


@cache
def compatibility_table() -> dict[int, str]:
    """``str.translate`` table: each compatibility character to its unified ideograph."""
    table: dict[int, str] = {}
    blocks = (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
    for block in blocks:
        for code in block:
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code) and len(folded) == 1:
                table[code] = folded
    table.update({ord(radical): unified for radical, unified in _SUPPLEMENT.items()})
    return table


def fold_compatibility(text: str) -> str:
    """``text`` with its compatibility characters folded; the same length, index for index.

    >>> fold_compatibility("2021年5⽉4⽇")
    '2021年5月4日'
    """
    if text.isascii() or not COMPATIBILITY.search(text):  # isascii: at C speed, at once
        return text
    return text.translate(compatibility_table())


def compatibility_count(text: str) -> int:
    """How many characters of ``text`` ``fold_compatibility`` would change."""
    table = compatibility_table()
    return sum(1 for ch in COMPATIBILITY.findall(text) if ord(ch) in table)


@cache
def _converter() -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _traditional_only() -> re.Pattern[str]:
    """A character class of the Han characters that ``t2s`` changes on their own."""
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = "".join(a for a, b in zip(chars, converted, strict=True) if a != b)
    return re.compile(f"[{re.escape(changed)}]")


def detect_script(text: str) -> Script:
    """``Hant`` for a text written in traditional characters, ``Hans`` for simplified Chinese,
    ``Latn`` for a text of mostly Latin letters; read from the text's first characters.

    Cheap, because every text passes here: the characters from U+0800 on (Han characters and
    CJK punctuation: three bytes each in UTF-8) are counted from the length of the encoding,
    and only the traditional-only characters, few or none in a simplified text, one by one.

    >>> detect_script("安全理事會重申其對索馬里局勢的關切"), detect_script("安全理事会")
    ('Hant', 'Hans')
    """
    sample = text[:SAMPLE]
    wide = (len(sample.encode("utf-8", "surrogatepass")) - len(sample)) // 2
    if wide == 0 or wide < WIDE_SHARE * len(sample):
        return "Latn"
    traditional = len(_traditional_only().findall(sample))
    return "Hant" if traditional >= HANT_SHARE * wide else "Hans"


def to_simplified(text: str) -> str:
    """``text`` in simplified characters; the same length, index for index.

    OpenCC converts by phrase, and a phrase may come out shorter or longer than it went in; a
    line whose length changes, or whose characters other than Han ones move, is converted again
    character by character (each character alone keeps its length).

    >>> to_simplified("聯合國安全理事會")
    '联合国安全理事会'
    """
    convert = _converter().convert
    lines = text.splitlines(keepends=True)
    converted = convert(text).splitlines(keepends=True)
    if len(converted) != len(lines):
        converted = [convert(line) for line in lines]
    out = []
    for line, simple in zip(lines, converted, strict=True):
        out.append(simple if _aligned(line, simple) else _by_character(line))
    return "".join(out)


def _aligned(line: str, simple: str) -> bool:
    if len(line) != len(simple):
        return False
    pairs = zip(line, simple, strict=True)
    return all(a == b or bool(_HAN.match(a) and _HAN.match(b)) for a, b in pairs)


def _by_character(line: str) -> str:
    convert = _converter().convert
    out = []
    for ch in line:
        simple = convert(ch) if _HAN.match(ch) else ch
        out.append(simple if len(simple) == 1 else ch)
    return "".join(out)
