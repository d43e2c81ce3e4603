"""Normalise: decoded text -> ``NormalisedText`` (clean text plus a map back to the original).

PDF extraction breaks Chinese in predictable ways: spaces between characters
(``中 华人 民 共 和 国``), lines broken mid-phrase or mid-quotation, page furniture (job numbers
``21-03899 (C)``, barcodes ``*2103899*``, page numbers ``2/6``, ``https://undocs.org/...`` link
lines), full-width ASCII, and four different middle dots in transliterated names. Repairing these
once here lets every extractor use simple patterns; the offset map (``origin[i]`` is the index
in the original of clean character ``i``) lets every fact quote the original text exactly.
Link lines are removed from the clean text but kept in ``links``, because they are citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unsckg.extractors.facts import Evidence

_LINE = re.compile(r"[^\n\r\f]*(?:\r\n|[\n\r\f]|$)")
_JOB_NUMBER = re.compile(
    r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d+/\d+)?"
    r"|\d{6}(?:\s+\d{6})?|请回收|Please recycle)$"
)
_BARCODE = re.compile(r"^\*\d{5,}\*$")
_PAGE_NUMBER = re.compile(r"^(?:\d{1,3}/\d{1,3}|-\s*\d{1,3}\s*-)$")
_LINK = re.compile(r"^(?:https?://|mailto:)\S+$")
# A line that does not continue on the next one: it ends a sentence, a clause or a table cell.
_TERMINAL = frozenset("。；：！？;:!?|」』")
_LIST_START = re.compile(
    r"^(?:[•●▪■◆·\-–—*]|\(?[a-z\d]{1,3}[.)、]|\d+\.|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|附件|附文|\["
    r"|(?:赞成|反对|弃权|主席|成员)\s*[(:：]"  # a vote list's label, a speaker's turn
    r"|[^\s，。()]{1,20}?(?:先生|女士)?\([^)]{1,20}\)(?:\([^)]{1,12}\))?[:：])"
)
# A row of a table with dot leaders (a meeting record's list of members): never joined.
_LEADERS = re.compile(r"\.{4,}|…{2,}|·{4,}")
_KEEP_WIDE = frozenset("，：；！？")
# Full-width ASCII to ASCII (Chinese clause punctuation kept); Symbol-font bullets to "•".
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_WIDE}
_FOLD.update({code: ord("•") for code in range(0xF000, 0xF100)})
_SPACES = re.compile(r"\s+")
_NAME_DOT = re.compile(r"(?<=\w)[·•・‧∙⋅･](?=\w)")
_HEADING_END = re.compile(
    r"(?:的信|同文信|的附件|照会|概念说明|概念文件|的发言|性发言|的讲话|附文|附件[一二三四五六七八九十]+)$"
)
WRAP_WIDTH = 60  # a PDF line of Chinese holds about 40 characters
LONG_LINE = 18  # shorter lines are headings, signatures or list items: never joined


@dataclass(frozen=True, slots=True)
class Link:
    """A link line of the page furniture, kept as a citation: ``original[start:end] == url``."""

    url: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """The clean text and, for each of its characters, its index in ``original``."""

    original: str
    text: str
    origin: tuple[int, ...]
    links: tuple[Link, ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of clean ``text[start:end]`` (empty spans stay empty)."""
        if not self.origin:
            return 0, 0
        start = min(max(start, 0), len(self.origin) - 1)
        end = min(max(end, start + 1), len(self.origin))
        return self.origin[start], self.origin[end - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for clean ``text[start:end]``: the span and quote of the original."""
        o_start, o_end = self.span(start, end)
        return Evidence(o_start, o_end, self.original[o_start:o_end])


def is_wide(ch: str) -> bool:
    """CJK characters and punctuation: white space next to them is a PDF artefact."""
    code = ord(ch)
    return code >= 0x2E80 or ch in "“”‘’—…·•"


def normalise(original: str) -> NormalisedText:
    """Clean ``original`` (see the module docstring); never raises on any input text."""
    lines: list[tuple[str, list[int], bool]] = []
    links: list[Link] = []
    for match in _LINE.finditer(original):
        raw = match.group()
        start, body = match.start(), raw.rstrip("\r\n\f")
        stripped = body.strip()
        if not stripped:
            continue
        if _LINK.match(stripped):
            offset = start + body.index(stripped)
            links.append(Link(stripped, offset, offset + len(stripped)))
            continue
        if _JOB_NUMBER.match(stripped) or _BARCODE.match(stripped) or _PAGE_NUMBER.match(stripped):
            continue
        line_chars, line_origin = clean_line(body, start)
        if line_chars:
            lines.append((line_chars, line_origin, body[:1].isspace()))
    wrapped = is_wrapped([len(chars) for chars, _, _ in lines if not _LEADERS.search(chars)])
    chars: list[str] = []
    origin: list[int] = []
    previous = ""
    for line_chars, line_origin, indented in lines:
        if chars:
            joiner = "\n" if indented or not wrapped else _joiner(previous, line_chars)
            if joiner:
                chars.append(joiner)
                origin.append(origin[-1])
        chars.append(line_chars)
        origin.extend(line_origin)
        previous = line_chars
    return NormalisedText(original, "".join(chars), tuple(origin), tuple(links))


def is_wrapped(lengths: list[int]) -> bool:
    """Text broken into lines of a page's width (PDF), not one line per paragraph (web, Word).

    The caller leaves out table rows with dot leaders: a meeting record's list of members is
    wider than the page's text and would make a wrapped record look unwrapped."""
    if not lengths:
        return False
    long_lines = sum(1 for n in lengths if n > WRAP_WIDTH)
    return long_lines <= len(lengths) // 10


def _joiner(previous: str, line: str) -> str | None:
    """What goes between two unindented lines: nothing (a broken line), a space, or a break.

    An indented line always starts a paragraph (the caller checks); blank lines say nothing,
    because PDF extraction puts them inside paragraphs as often as between them."""
    head = line[:40]
    if len(previous) < LONG_LINE or previous[-1] in _TERMINAL or _LIST_START.match(head):
        return "\n"
    if _HEADING_END.search(previous) or _LEADERS.search(previous) or _LEADERS.search(line):
        return "\n"
    if previous.isascii():
        return "\n"  # an English cover line ("Original: English") before Chinese text
    last, first = previous[-1], head[0]
    if last.isdigit() and first.isdigit():
        return ""  # a number broken at the line's end
    if last.isascii() and last.isalnum() and first.isascii() and first.isalnum():
        return " "
    return None


def clean_line(body: str, start: int) -> tuple[str, list[int]]:
    """One line cleaned (white space, widths, name dots) with each character's original index.

    Every step but the removal of white space keeps the length, so the index map is built from
    ranges, not character by character."""
    body = body.translate(_FOLD)
    pieces: list[str] = []
    origin: list[int] = []
    position, n = 0, len(body)
    for m in _SPACES.finditer(body):
        a, b = m.span()
        if a > position:
            pieces.append(body[position:a])
            origin.extend(range(start + position, start + a))
        position = b
        if a and b < n and not (is_wide(body[a - 1]) or is_wide(body[b])):
            pieces.append(" ")
            origin.append(start + a)
    if position < n:
        pieces.append(body[position:])
        origin.extend(range(start + position, start + n))
    return _NAME_DOT.sub("·", "".join(pieces)), origin
