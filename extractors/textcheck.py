"""Does a decoded text look broken? One warning naming the file and the reasons, never silence.

Why warn and go on: a PDF whose font maps glyphs to Kangxi radicals, spells words letter by
letter or has no Unicode for its glyphs still gives some facts (and the folding of ``script.py``
repairs the radicals), but fewer than its reader expects; the user must be told which file and
why, and the batch must not stop. The warning goes to the ``unsckg.extractors`` logger
(``logging``); the command line prints it on stderr as ``warning: FILE: reason``.

Signs, each measured on the text as loaded (before any folding):

* compatibility characters (``⽉`` for 月) in place of ideographs;
* words of Latin letters spelt one letter at a time (``S e c u r i t y``);
* replacement characters (U+FFFD): glyphs the PDF gives no Unicode for;
* almost no text per page of a PDF (pages drawn as images, a text layer mostly lost).
"""

from __future__ import annotations

import logging
import re

from unsckg.extractors.script import compatibility_count

logger = logging.getLogger("unsckg.extractors")

_IDEOGRAPHS = re.compile("[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Four or more single letters each followed by one space: a word spelt letter by letter.
_SPELT = re.compile(r"(?<![^\W\d_])(?:[A-Za-z] ){4,}[A-Za-z](?![^\W\d_])")
_LETTERS = re.compile("[A-Za-z]")
COMPATIBILITY_SHARE = 0.01  # of the ideographs: a real text has none at all
SPELT_SHARE = 0.05  # of the Latin letters
REPLACEMENT_SHARE = 0.002  # of the characters other than white space
MIN_CHARS_PER_PAGE = 80  # a page of a letter's signature block still has more


def broken_reasons(text: str, pages: int = 0) -> list[str]:
    """Why ``text`` looks broken, one short reason per sign; ``pages`` (a PDF's) enables the
    check of text per page. An empty list for a text that looks sound."""
    reasons = []
    compatibility = compatibility_count(text)
    ideographs = len(_IDEOGRAPHS.findall(text)) if compatibility else 0
    if compatibility >= 3 and compatibility >= COMPATIBILITY_SHARE * ideographs:
        reasons.append(
            f"{compatibility} of {ideographs} ideographs are compatibility characters "
            "(Kangxi radicals or compatibility ideographs, folded)"
        )
    spelt = sum(len(m.group()) // 2 + 1 for m in _SPELT.finditer(text))
    letters = len(_LETTERS.findall(text)) if spelt else 0
    if spelt >= 20 and spelt >= SPELT_SHARE * letters:
        reasons.append(f"{spelt} of {letters} letters stand alone between spaces (S e c u r i t y)")
    replaced = text.count("\ufffd")
    visible = len(text) - sum(text.count(ch) for ch in " \n\t\r\f") if replaced else 0
    if replaced >= 3 and replaced >= REPLACEMENT_SHARE * visible:
        reasons.append(f"{replaced} replacement characters (U+FFFD): glyphs without Unicode")
    if pages:
        per_page = len("".join(text.split())) / pages
        if per_page < MIN_CHARS_PER_PAGE:
            reasons.append(f"only {per_page:.0f} characters per page over {pages} pages")
    return reasons


def warn_if_broken(source: str, text: str, pages: int = 0) -> bool:
    """Log one warning ``SOURCE: reason; reason`` if ``text`` looks broken; whether it did."""
    reasons = broken_reasons(text, pages)
    if reasons:
        logger.warning("%s: text looks broken: %s", source, "; ".join(reasons))
    return bool(reasons)
