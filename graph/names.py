"""How people's names compare: folded keys, scripts, honorifics and short forms.

Why a module of its own: the resolver decides identity from names *and* context (state, date,
post, the same record in two languages), and the name part must be the same wherever names are
compared (the resolver, the reference tables' index, the seeding from the store). Nothing here
decides that two names are one person; it only says how two names relate.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTS = str.maketrans(dict.fromkeys("•・･‧⋅∙", "·"))
_INITIAL = re.compile(r"(?<=·)[A-Za-z]\.?·")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ALL_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# English records name people "Mr. Zhang Jun", "Ms. King", "Mrs. Craft" (and H.E. in lists)
_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mme|Dr|Sir|Dame|H\.\s?E)\.?\s+)+")


@lru_cache(maxsize=65536)
def label_form(name: str) -> str:
    """A name as a label: NFKC, one kind of middle dot, no spaces around it."""
    text = unicodedata.normalize("NFKC", name).translate(_DOTS).strip()
    return re.sub(r"\s*·\s*", "·", text)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The comparison key of a name: label form, no white space, no Latin middle initials."""
    return _INITIAL.sub("", re.sub(r"\s+", "", label_form(name)))


@lru_cache(maxsize=65536)
def bare(name: str) -> str:
    """The name without an honorific (``Mr. Zhang Jun`` -> ``Zhang Jun``), as a label."""
    return _HONORIFIC.sub("", label_form(name)).strip() or label_form(name)


def person_key(name: str) -> str:
    """A person's name key: folded, honorific dropped (``Mr. Heusgen`` = ``Heusgen``)."""
    return fold(bare(name))


def script(name: str) -> str:
    """``zh`` for a name written in Chinese characters, ``latn`` for any other."""
    return "zh" if _CJK.search(name) else "latn"


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` cut to its last part: the surname alone, as documents
    write a person already named (``麦卡利`` of ``默里·麦卡利``, ``Mr. Singer Weisinger`` of
    ``José Singer Weisinger``). Only at a name boundary: ``·`` in Chinese, a space in Latin."""
    s, f = bare(short), bare(full)
    if len(s) >= len(f) or script(s) != script(f):
        return False
    separator = "·" if script(s) == "zh" else " "
    return f.endswith(separator + s)


def one_char_variant(a: str, b: str) -> bool:
    """Two CJK names of one length, same surname, differing in exactly one later character
    (``邓廷贵`` / ``邓庭贵``, a common transcription variant)."""
    if len(a) != len(b) or len(a) < 3 or a[0] != b[0]:
        return False
    if not (_ALL_CJK.match(a) and _ALL_CJK.match(b)):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1
