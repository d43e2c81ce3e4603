"""Normalise: decoded text -> ``NormalisedText`` (clean text plus a map back to the original).

PDF extraction breaks Chinese in predictable ways: spaces between characters
(``中 华人 民 共 和 国``), lines broken mid-phrase or mid-quotation, page furniture (job numbers
``21-03899 (C)``, barcodes ``*2103899*``, page numbers ``2/6``, ``https://undocs.org/...`` link
lines), full-width ASCII, and four different middle dots in transliterated names. Repairing these
once here lets every extractor use simple patterns; the offset map (``origin[i]`` is the index
in the original of clean character ``i``) lets every fact quote the original text exactly.
Link lines are removed from the clean text but kept in ``links``, because they are citations.
First of all, compatibility characters a PDF font left (``⽉`` for 月) are folded and traditional
script is converted to simplified (``script.py``), both character for character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import overload

from unsckg.extractors.facts import Evidence
from unsckg.extractors.patterns import CN_DIGITS, STEMS, cn_number
from unsckg.extractors.script import Script, detect_script, fold_compatibility, to_simplified
from unsckg.extractors.segment import former_names, transliteration
from unsckg.ontology.states import load_states

_LINE = re.compile(r"[^\n\r\f]*(?:\r\n|[\n\r\f]|$)")
# A job number, alone or with its dates and the page number after it (``21-03899 (C) 250321``,
# ``09-59214 (C) 3/4``, ``08-12345 3``) or before it (``3/4 09-59214 (C)``, ``4 08-12345``), the
# parentheses full-width or not.
_JOB = r"\d{2}-\d{5}(?:\s*[(（][A-Z][)）])?"
_PAGE = r"\d{1,3}\s*[/／]\s*\d{1,3}"
_JOB_NUMBERS = (
    re.compile(rf"^{_JOB}(?:\s+\d{{6}}){{0,2}}(?:\s+(?:{_PAGE}|\d{{1,3}}))?$"),
    re.compile(rf"^\d{{2}}-\d{{5}}\s*[(（][A-Z][)）]\s*{_PAGE}$"),
    re.compile(rf"^(?:{_PAGE}\s*|\d{{1,3}}\s+){_JOB}(?:\s+\d{{6}}){{0,2}}$"),
    re.compile(r"^(?:\d{6}(?:\s+\d{6})?|请回收|Please recycle)$"),
)
_BARCODE = re.compile(r"^\*\d{5,}\*$")
_PAGE_NUMBER = re.compile(r"^(?:\d{1,3}/\d{1,3}|-\s*\d{1,3}\s*-)$")
# The first characters of the patterns above, besides a digit (``\d``: ``str.isdecimal``): a
# line opening with another is no furniture.
_FURNITURE_FIRST = frozenset("*-请P")
_LINK = re.compile(r"^(?:https?://|mailto:)\S+$")
# A line that does not continue on the next one: it ends a sentence, a clause or a table cell.
_TERMINAL = frozenset("。；：！？;:!?|」』")
# Numbers in circles, in parentheses or with a full stop (``①`` ``⑴`` ``⒈`` ``❶``), and the
# heavenly stems of lettered lists (``patterns.STEMS``), as the first character of a line.
_NUMBER_SIGNS = "\u2460-\u249b\u2776-\u2793"
_LIST_STARTS = (
    # a bullet, a number or letter with its stop, a Chinese numeral, an annex's label
    re.compile(
        r"^(?:[•●▪■◆·\-–—*]|\(?[a-z\d]{1,3}[.)、]|\d+\.|[一二三四五六七八九十]+[、.]"
        r"|[(（][一二三四五六七八九十]{1,3}[)）]|附件|附文|\[)"
    ),
    # a number in a circle, a heavenly stem's label, a roman numeral's (``(iv)``, ``IV.``)
    re.compile(
        rf"^(?:[{_NUMBER_SIGNS}]|\(?[{STEMS}][、.)](?![{STEMS}])|\(?(?:[ivx]{{1,5}}|[IVX]{{1,5}})[.)、])"
    ),
    # a vote list's label, a speaker's turn
    re.compile(
        r"^(?:(?:赞成|反对|弃权|主席|成员)\s*[(:：]"
        r"|[^\s，。()]{1,20}?(?:先生|女士)?\([^)]{1,20}\)(?:\([^)]{1,12}\))?[:：])"
    ),
)
# A label of a programme's column (``通报人：``, ``主旨发言 …``, ``开幕致辞``) opens a line: read on
# the original line, where a colon, a space or the line's end parts it from what follows
# (``通报人的发言`` is a sentence that goes on).
_PROGRAMME_LABEL = re.compile(
    r"^(?:(?:情况)?通报(?:人|者|嘉宾)|主旨(?:发言|讲话|演讲)(?:人|者)?|介绍人|主讲人|演讲人|发言人"
    r"|(?:开幕|闭幕|欢迎|总结)(?:致辞|致词|发言|讲话)|结束语|致辞人|主持人?)"
    r"(?:\s*[:：(（]|\s*$|\s+(?![的们所对在和与及、，。]))"
)
# A line that is only a symbol, with the page number before or after it: the document's own
# symbol on its cover, and again in every page's running header (``S/2009/567  2/4``). The cover
# may put the Organization's name before it (``联 合 国   S/2021/284``,
# ``United Nations S/PV.8701``).
_SYMBOL = r"[SA]/(?:[A-Z]{2,5}[/.])?\d+(?:/\d+)*(?:\s*[(（]\d{4}[)）])?(?:/(?:Add|Rev|Corr)\.\d+)*"
# A resumed meeting's record adds the resumption to its symbol: ``S/PV.8699 (Resumption 1)``.
_RESUMED = r"(?:\s*\(Resumption\s\d{1,2}\))?"
_COVER = re.compile(r"(?:联\s*合\s*国\s*)?(?:安\s*全\s*理\s*事\s*会\s*)?(?:United Nations\s+)?")
_COVER_FIRST = frozenset("联安U")  # a cover opens with one of them, or is empty
_SYMBOL_LINE = re.compile(rf"(?:{_PAGE}\s+)?(?P<symbol>{_SYMBOL}){_RESUMED}(?:\s+{_PAGE})?$")
# A meeting record's running header: its symbol, the item's title and the meeting's date; on
# the English record's even pages the date first and the symbol last.
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_RECORD_HEADERS = (
    re.compile(rf"(?P<symbol>{_SYMBOL}){_RESUMED}\s+\S.{{0,100}}?\s{_DATE}"),
    re.compile(rf"{_DATE}\s+\S.{{0,100}}?\s(?P<symbol>{_SYMBOL}){_RESUMED}"),
)
# The page number before or after a running header.
_PAGE_BEFORE = re.compile(rf"{_PAGE}\s+")
_PAGE_AFTER = re.compile(rf"\s+{_PAGE}$")
# A symbol broken at a line's end, after one of its slashes or dots (``A/74/`` + ``PV.3``,
# ``S/PV.`` + ``8699``): the line goes on with the rest, joined with nothing.
_SYMBOL_OPEN = re.compile(r"(?<![A-Za-z/])[AS]/(?:[A-Z]{2,5}[./]|\d{1,4}/)*$")
_SYMBOL_REST = re.compile(r"[A-Z]{2,5}[./]\d|\d{1,5}\b")
_SYMBOL_FIRST = frozenset("SAU联0123456789")
_LABEL_FIRST = frozenset("情通主介演发开闭欢总结致")
# A row of a table with dot leaders (a meeting record's list of members): never joined.
_LEADERS = re.compile(r"\.{4,}|…{2,}|·{4,}")
# A character from the CJK blocks on: a text without any needs none of the Chinese repairs.
_CJK = re.compile("[\u2e80-\U0010ffff]")
_KEEP_WIDE = frozenset("，：；！？")
# Full-width ASCII to ASCII (Chinese clause punctuation kept); Symbol-font bullets to "•".
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_WIDE}
_FOLD.update({code: ord("•") for code in range(0xF000, 0xF100)})
_SPACES = re.compile(r"\s+")
# A dot at the end of a line after a letter is a name's dot too (the name goes on below).
_NAME_DOT = re.compile(r"[·•・‧∙⋅･](?<=\w.)(?=\w|$)")  # the dot first: no scan of every position
_HEADING_END = re.compile(
    r"(?:的信|同文信|的附件|照会|概念说明|概念文件|的发言|性发言|的讲话|附文|附件[一二三四五六七八九十]+)$"
)
# The last characters of ``_HEADING_END``'s words: a line ending otherwise (every English
# line) is no heading, and the pattern, tried at each of its positions, is not run.
_HEADING_LAST = frozenset("信件会明言话文一二三四五六七八九十")
# A line that ends inside a transliterated name: on its middle dot (``让-马克·塞雷·``), or on the
# first characters of a name right after a post (``常驻联合国代表阿``) when the next line goes on
# with the rest of the name up to its dot (``罗德·阿吉曼``). A name never ends on a dot.
_DOT_END = re.compile(r"\w[·•・‧∙⋅･]$")
_POST_THEN_PART = re.compile(r"(?:代表|大使|代办|部长|主席|秘书长|主任|专员)[\u4e00-\u9fff]{1,2}$")
_REST_OF_NAME = re.compile(r"^[\u4e00-\u9fff]{1,4}[·•・‧∙⋅･]\w")
# Where the part of a state's name before a break may start, and the rest after it may end:
# at a list's separator, a label's colon or the line's edge.
_NAME_EDGE = frozenset("、，,；;：:。()（）和及与")
# The edges that never stand inside a state's name: a break next to one is no broken name. The
# conjunctions do stand inside some (``中非共`` + ``和国``, ``特立尼达和`` + ``多巴哥``), so a
# break next to them is checked against the names.
_PUNCTUATION_EDGE = _NAME_EDGE - frozenset("和及与")
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
    """The clean text and, for each of its characters, its index in ``original``; ``script``
    is the original's (``Hant`` texts are converted: ``text`` is always simplified)."""

    original: str
    text: str
    origin: Sequence[int]
    links: tuple[Link, ...] = ()
    script: Script = "Hans"

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of clean ``text[start:end]`` (empty spans stay empty)."""
        if isinstance(self.origin, Origin):
            return self.origin.span(start, end)
        if not self.origin:
            return 0, 0
        start = min(max(start, 0), len(self.origin) - 1)
        end = min(max(end, start + 1), len(self.origin))
        return self.origin[start], self.origin[end - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for clean ``text[start:end]``: the span and quote of the original."""
        origin = self.origin  # every fact asks: a Latin text's runs are read without a detour
        o_start, o_end = (
            origin.span(start, end) if type(origin) is Origin else self.span(start, end)
        )
        made: Evidence = _NEW(Evidence)  # by its slots, as below says
        _SET_START(made, o_start)
        _SET_END(made, o_end)
        _SET_QUOTE(made, self.original[o_start:o_end])
        return made


# ``Evidence(start, end, quote)`` made by setting its slots directly: the frozen dataclass's
# ``__init__`` guards each assignment (a call through ``object.__setattr__``), and every fact
# makes one, a dozen or more a document (half the cost: 0.56 against 1.15 us). The record is
# the same, as immutable afterwards (``tests/extractors/test_normalise.py`` compares them).
_NEW = object.__new__
_SET_START: Callable[[Evidence, int], None] = vars(Evidence)["start"].__set__
_SET_END: Callable[[Evidence, int], None] = vars(Evidence)["end"].__set__
_SET_QUOTE: Callable[[Evidence, str], None] = vars(Evidence)["quote"].__set__


def is_wide(ch: str) -> bool:
    """CJK characters and punctuation: white space next to them is a PDF artefact."""
    code = ord(ch)
    return code >= 0x2E80 or ch in "“”‘’—…·•"


def normalise(original: str) -> NormalisedText:
    """Clean ``original`` (see the module docstring); never raises on any input text."""
    if _is_latin(original):
        # the Latin path builds on this module's line rules: imported here, not at the top
        from unsckg.extractors.normalise_latin import normalise_latin

        script = "Latn" if original.isascii() else detect_script(original)
        return normalise_latin(original, original, script)
    prepared = fold_compatibility(original)  # both keep the length: indices stay the original's
    script = detect_script(prepared)
    if script == "Hant":
        prepared = to_simplified(prepared)
    cjk = bool(_CJK.search(prepared))  # not Latin: a wide character, or else a name dot
    lines, links = _read_lines(original, prepared)
    text, origin = _join(lines, cjk=cjk)
    return NormalisedText(original, text, tuple(origin), tuple(links), script)


@dataclass(frozen=True, slots=True)
class _Line:
    """A kept line, cleaned: its characters, their original indices, and how it opens."""

    chars: str
    origin: list[int]
    indented: bool
    label: bool


def _read_lines(original: str, prepared: str) -> tuple[list[_Line], list[Link]]:
    """The lines of text kept, cleaned; link lines apart; page furniture and headers dropped."""
    lines: list[_Line] = []
    links: list[Link] = []
    own_symbol = ""  # the first line that is only a symbol gives the document's own
    for match in _LINE.finditer(prepared):
        start, body = match.start(), match.group().rstrip("\r\n\f")
        stripped = body.strip()
        if stripped and _LINK.match(stripped):
            offset = start + body.index(stripped)
            end = offset + len(stripped)
            links.append(Link(original[offset:end], offset, end))
            continue
        if not stripped or is_page_furniture(stripped):
            continue
        if stripped[0] in _SYMBOL_FIRST:
            own_symbol, header = _symbol_line(stripped, own_symbol)
            if header:
                continue  # a running header: the page goes on after it
        line_chars, line_origin = clean_line(body, start)
        if line_chars:
            label = stripped[0] in _LABEL_FIRST and bool(_PROGRAMME_LABEL.match(stripped))
            lines.append(_Line(line_chars, line_origin, body[:1].isspace(), label))
    return lines, links


def _join(lines: list[_Line], *, cjk: bool = True) -> tuple[str, list[int]]:
    """The lines joined into paragraphs: a break, a space or nothing between two lines.
    Without ``cjk`` (no character from U+2E80 on) the Chinese-only repairs are not tried."""
    wrapped = is_wrapped([len(line.chars) for line in lines if not has_leaders(line.chars)])
    chars: list[str] = []
    origin: list[int] = []
    previous = ""
    stopped = False  # the paragraph so far has a full stop: it is running text, no heading
    for line in lines:
        if chars:
            joiner = _between(previous, line, wrapped=wrapped, stopped=stopped, cjk=cjk)
            if joiner:
                chars.append(joiner)
                origin.append(origin[-1])
                stopped = stopped and joiner != "\n"
        chars.append(line.chars)
        origin.extend(line.origin)
        previous = line.chars
        stopped = stopped or "。" in line.chars
    return "".join(chars), origin


def _between(
    previous: str, line: _Line, *, wrapped: bool, stopped: bool, cjk: bool = True
) -> str | None:
    """What joins ``line`` to the line before: a new line opens a paragraph, else ``_joiner``
    decides, unless a name runs on across the break. A broken symbol ends on ``/`` or ``.``:
    only then is the line's end searched for one."""
    broken_symbol = previous[-1] in "/." and _SYMBOL_OPEN.search(previous)
    if broken_symbol and _SYMBOL_REST.match(line.chars):
        return None  # a symbol broken at the line's end: ``A/74/`` + ``PV.3``
    opens = line.indented or line.label or not wrapped
    joiner = "\n" if opens else _joiner(previous, line.chars, stopped)
    if not (joiner and not line.label):
        return joiner
    if cjk and _broken_name(previous, line.chars):
        return None
    if not cjk and _DOT_END.search(previous, len(previous) - 2):
        return None  # the one repair that Latin text may need: a name broken at its dot
    return joiner


def is_page_furniture(line: str) -> bool:
    """Is the stripped ``line`` page furniture alone: a job number (with its dates or the page
    number), a barcode, a page number, ``请回收``? Lists read over clean text use it too.
    Every such line opens with one of ``_FURNITURE_FIRST``: any other is not tried."""
    if not line or not (line[0].isdecimal() or line[0] in _FURNITURE_FIRST):
        return False
    if _BARCODE.match(line) or _PAGE_NUMBER.match(line):
        return True
    return any(pattern.match(line) for pattern in _JOB_NUMBERS)


def _symbol_line(stripped: str, own: str) -> tuple[str, bool]:
    """The document's own symbol after ``stripped`` is read, and whether the line is a running
    header (the own symbol again, alone or in a meeting record's header with title and date).

    The first line that is only a symbol gives the own symbol (the cover's); a line that is
    only another symbol (a document listed on a line of its own) is kept."""
    cover = _COVER.match(stripped) if stripped[:1] in _COVER_FIRST else None
    cover_end = cover.end() if cover else 0
    symbol = _SYMBOL_LINE.match(stripped, cover_end)
    if symbol:
        key = _symbol_key(symbol["symbol"])
        if not own:
            return key, False
        return own, key == own and not cover_end
    header = _record_header(stripped) if own else None
    if header is None:
        return own, False
    return own, _symbol_key(header["symbol"]) == own


def _symbol_key(symbol: str) -> str:
    """A symbol as compared with the own one: full-width folded, without white space
    (``str.split`` parts it at the white space ``\\s`` matches; ASCII needs no folding)."""
    return "".join((symbol if symbol.isascii() else symbol.translate(_FOLD)).split())


def _record_header(stripped: str) -> re.Match[str] | None:
    """A meeting record's running header: symbol first (odd pages) or date first (even), the
    page number before or after it."""
    before = _PAGE_BEFORE.match(stripped)
    start = before.end() if before else 0
    after = _PAGE_AFTER.search(stripped, start)
    end = after.start() if after else len(stripped)
    matches = (pattern.fullmatch(stripped, start, end) for pattern in _RECORD_HEADERS)
    return next(filter(None, matches), None)


def is_wrapped(lengths: list[int]) -> bool:
    """Text broken into lines of a page's width (PDF), not one line per paragraph (web, Word).

    The caller leaves out table rows with dot leaders: a meeting record's list of members is
    wider than the page's text and would make a wrapped record look unwrapped."""
    if not lengths:
        return False
    long_lines = sum(map(WRAP_WIDTH.__lt__, lengths))  # n > WRAP_WIDTH, counted in C
    return long_lines <= len(lengths) // 10


def _ends_heading(line: str) -> bool:
    """Does ``line`` end like a heading (``_HEADING_END``)? Searched only after one of the
    words' last characters (``_HEADING_LAST``)."""
    return line[-1:] in _HEADING_LAST and _HEADING_END.search(line) is not None


def _joiner(previous: str, line: str, stopped: bool = False) -> str | None:
    """What goes between two unindented lines: nothing (a broken line), a space, or a break.

    An indented line always starts a paragraph (the caller checks); blank lines say nothing,
    because PDF extraction puts them inside paragraphs as often as between them. A line that
    ends like a heading (``…主席的信``) is one only if its paragraph has no full stop
    (``stopped``): a heading is not a sentence, and ``…的信(S/2020/253)中所载…`` goes on."""
    if previous.isascii():
        return "\n"  # an English cover line ("Original: English"): every test below breaks too
    head = line[:40]
    if len(previous) < LONG_LINE or previous[-1] in _TERMINAL or _list_start(head):
        return "\n"
    heading = _ends_heading(previous) and not stopped
    if heading or has_leaders(previous) or has_leaders(line):
        return "\n"
    return joined_at(previous[-1], head[0])


def joined_at(last: str, first: str) -> str | None:
    """What the two characters either side of a line break say goes between the lines,
    once every reason to keep the break is ruled out: nothing (a number broken at the line's
    end), a space (two Latin words), or None (the caller decides)."""
    if last.isdigit() and first.isdigit():
        return ""  # a number broken at the line's end
    if last.isascii() and last.isalnum() and first.isascii() and first.isalnum():
        return " "
    return None


def has_leaders(line: str) -> bool:
    """Does ``line`` have dot leaders (``_LEADERS``)? Plain substring tests, faster than the
    regex's scan of every position; the wide leaders only where their character is (one
    ``memchr``-like scan, where a search of four of them read a page of English in 15 us)."""
    return "...." in line or ("…" in line and "……" in line) or ("·" in line and "····" in line)


def _list_start(head: str) -> bool:
    """Does the line open a list's item (a bullet, a number, a label, a speaker's turn)?

    The last pattern (a vote list's label, a speaker's turn) needs a parenthesis or a colon,
    and is tried only on a line that has one: its lazy name, tried at each of twenty lengths,
    cost more than the other two on a wrapped English record's lines, few of which do."""
    first, bullets, turn = _LIST_STARTS
    if first.match(head) or bullets.match(head):
        return True
    return _may_be_turn(head) and turn.match(head) is not None


def _may_be_turn(head: str) -> bool:
    """Has ``head`` what ``_LIST_STARTS[2]`` needs: a parenthesis or a colon?"""
    return "(" in head or ":" in head or "：" in head


def _broken_name(previous: str, line: str) -> bool:
    """Does a name run on from ``previous`` into ``line``, whatever the layout says?

    A person's name broken at its middle dot or just after the post before it; a state's name
    broken inside (``斯洛`` + ``文尼亚``, ``大不列颠及北爱尔兰联`` + ``合王国``), where the
    joined form is a name of the states table. A vote list or a signature block is short lines
    or indented ones, which are otherwise never joined. One character on either side of the
    break must stand at a list's edge (``、马`` + ``里、``), so that ``越南`` + ``非洲`` stays
    apart."""
    # a signature block's title line is short (``常驻联合国代表团``): only running text breaks
    # a name just after the post
    run_on = len(previous) >= LONG_LINE and _POST_THEN_PART.search(previous)
    if _DOT_END.search(previous) or (run_on and _REST_OF_NAME.match(line)):
        return True
    return _name_part_broken(previous, line) or _state_name_broken(previous, line)


def _state_name_broken(previous: str, line: str) -> bool:
    """Does a state's name (of the states table) run on from ``previous`` into ``line``, each
    side standing at a list's edge when it is a single character?"""
    if line[0] in _PUNCTUATION_EDGE or previous[-1] in _PUNCTUATION_EDGE:
        return False
    names, prefixes = _state_name_parts()
    for i in range(1, min(len(previous), 12) + 1):
        before = previous[-i:]
        if before not in prefixes or (i == 1 and not _at_edge(previous, -2)):
            continue
        for k in range(1, min(len(line), 12) + 1):
            if before + line[:k] in names and (k > 1 or _at_edge(line, 1)):
                return True
    return False


def _at_edge(line: str, index: int) -> bool:
    """Is the character at ``index`` of ``line`` a list's edge, or beyond the line?"""
    inside = -len(line) <= index < len(line)
    return not inside or line[index] in _NAME_EDGE


# The end of a transliterated name's last part (``卡罗琳·罗德``) at a line's end, and what may
# follow the rest of that part on the next line: the line's end, the next part, a hyphenated
# part, an honorific, the signature's mark or a list's separator.
_PART_AT_END = re.compile(r"[·•・‧∙⋅･]([\u4e00-\u9fff]{1,5})$")
_PART_GOES_ON = re.compile(
    r"^([\u4e00-\u9fff]{1,5}?)(?:$|[·\-‐－(（，,、；;。]|先生|女士|阁下|大使|博士)"
)


def _name_part_broken(previous: str, line: str) -> bool:
    """Is a transliterated name broken inside one of its parts (``辛迪·麦凯`` + ``恩``)?

    Both sides of the break must be transliteration characters (``data/transliteration.txt``),
    the part before it must follow a name's dot, and the rest must end where a name's part ends.
    A state's name on the next line (``马里``, a signature's title line) is not the rest."""
    before = _PART_AT_END.search(previous)
    after = _PART_GOES_ON.match(line) if before else None
    if before is None or after is None:
        return False
    chars = transliteration()
    rest = after.group(1)
    if not all(ch in chars for ch in before.group(1) + rest):
        return False
    names, _ = _state_name_parts()
    return rest not in names


@cache
def _state_name_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Every Chinese name of a state (former names too), and every proper beginning of one."""
    names = {name for state in load_states() for name in (*state.names_zh, state.formal_zh)}
    names.update(former_names())
    names.discard("")
    prefixes = {name[:i] for name in names for i in range(1, len(name))}
    return frozenset(names), frozenset(prefixes)


def clean_line(body: str, start: int) -> tuple[str, list[int]]:
    """One line cleaned (white space, widths, name dots) with each character's original index.

    Every step but the removal of white space keeps the length, so the index map is built from
    ranges, not character by character; and only the white space that changes is visited: a
    single space between two narrow characters (most of a Latin text's) stays as it is."""
    body = body.translate(_FOLD)
    gaps = _symbol_gaps(body) if "/" in body else ()
    runs = _SPACES.finditer(body) if gaps else _CHANGED_SPACE.finditer(body)
    pieces: list[str] = []
    origin: list[int] = []
    position, n = 0, len(body)
    for m in runs:
        a, b = m.span()
        if a > position:
            pieces.append(body[position:a])
            origin.extend(range(start + position, start + a))
        position = b
        if a and b < n and a not in gaps and not (is_wide(body[a - 1]) or is_wide(body[b])):
            pieces.append(" ")
            origin.append(start + a)
    if position < n:
        pieces.append(body[position:])
        origin.extend(range(start + position, start + n))
    text = "".join(pieces)
    if not text.isascii():  # every name dot is outside ASCII
        text = _NAME_DOT.sub("·", text)
    if _MAY_HAVE_NUMERALS.search(text):
        text, origin = _arabic_numerals(text, origin)
    return text, origin


# The white space ``clean_line`` changes: a run of two or more, one other than a space, one at
# the line's edge, one next to a wide character (``is_wide``). Any other is a single space
# between narrow characters, which cleaning leaves where it is. The pattern opens with the
# white space and looks around only then, so that the regex engine skips the words at once.
_WIDE = "\u2e80-\U0010ffff“”‘’—…·•"
_CHANGED_SPACE = re.compile(rf"\s(?:\s+|(?<=[^\S ])|(?<=\A.)|$|(?<=[{_WIDE}].)|(?=[{_WIDE}]))")


# White space a PDF leaves between the parts of a symbol before its number: ``S/ PV.8703``,
# ``S/PV. 8696`` (as printed in a real record), ``S /2020/13``. The number itself is never
# joined: ``S/PV.8700 2020`` may be a symbol and a year.
_SYMBOL_GAP = re.compile(r"S(?<![A-Za-z]S)\s?/\s?(?:(?:PV|RES|PRST)\s?[./]\s?)?\d")


def _symbol_gaps(body: str) -> set[int]:
    """Where white space inside a symbol starts in ``body``: removed, not read as a space."""
    return {
        gap.start()
        for symbol in _SYMBOL_GAP.finditer(body)
        for gap in _SPACES.finditer(body, symbol.start(), symbol.end())
    }


# Dates and clock times in Chinese numerals (``二〇一九年二月四日``, ``上午十时三十分``), as Word
# documents and formal letters write them: rewritten in Arabic digits, so that every date
# pattern sees one shape. Only a numeral in a date's or a time's slot is rewritten (a year of
# four digit-characters before ``年``; a month after a year or before a day; a day after a
# month; hours and minutes after ``上午``/``下午``), never ``一月`` of ``每年一月`` or ``二十``
# of running text.
_CN = "〇零一二三四五六七八九十"
_MAY_HAVE_NUMERALS = re.compile(f"[{_CN}○][年月日时点分]")
_NUMERAL_SLOTS = (
    re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)"),
    re.compile(f"(?<=\\d年)[{_CN}]{{1,3}}(?=月)|[{_CN}]{{1,3}}(?=月[{_CN}\\d]{{1,3}}日)"),
    re.compile(f"(?<=\\d月)[{_CN}]{{1,3}}(?=日)"),
    re.compile(f"(?<=上午|下午|晚上|中午|早上|凌晨)[{_CN}]{{1,3}}(?=[时点])"),
    re.compile(f"(?<=\\d[时点])[{_CN}]{{1,3}}(?=分)"),
)


def _arabic_numerals(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """``text`` with its dates' and times' Chinese numerals in digits, and the index map kept.

    A rewritten number may be shorter (``二十四`` -> ``24``) or longer (``十`` -> ``10``) than
    the numeral; each of its digits maps to the numeral's first character, so spans that cover
    the number still quote the numeral in full."""
    for index, slot in enumerate(_NUMERAL_SLOTS):
        pieces: list[str] = []
        mapped: list[int] = []
        position = 0
        for m in slot.finditer(text):
            numeral = m.group()
            if index == 0:  # a year is read digit by digit
                value = "".join(str(CN_DIGITS.get(ch, 0)) for ch in numeral)  # ○ for 〇
            else:
                number = cn_number(numeral)
                if number is None or number > 59:
                    continue
                value = str(number)
            pieces.append(text[position : m.start()])
            mapped.extend(origin[position : m.start()])
            pieces.append(value)
            if index == 0:
                mapped.extend(origin[m.start() : m.end()])
            else:
                mapped.extend([origin[m.start()]] * len(value))
            position = m.end()
        if pieces:
            pieces.append(text[position:])
            mapped.extend(origin[position:])
            text, origin = "".join(pieces), mapped
    return text, origin


class Origin(Sequence[int]):
    """The offset map of a text cleaned as a whole: runs of clean characters, each at a fixed
    shift from the original (``origin[i] == i + shift``), found by bisection. Given the clean
    ``text``, each of its line breaks stands one before that (at the last character of the
    line it ends, where a break maps): a run then goes on across the breaks of lines that
    were one break apart in the original.

    Why: building one integer per character was most of the time of normalising a Latin text,
    and extractors read only a few offsets (their evidence); this keeps ``origin[i]`` as the
    sequence the modules that index it expect, at the cost of its runs alone."""

    __slots__ = ("_length", "_shifts", "_starts", "_text")

    def __init__(
        self, starts: list[int], shifts: list[int], length: int, text: str | None = None
    ) -> None:
        self._starts, self._shifts, self._length, self._text = starts, shifts, length, text

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        at = index + self._length if index < 0 else index
        if not 0 <= at < self._length:
            raise IndexError(index)
        return self._at(at)

    def _at(self, at: int) -> int:
        value = at + self._shifts[bisect_right(self._starts, at) - 1]
        return value - 1 if self._text is not None and self._text[at] == "\n" else value

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``NormalisedText.span`` read from the runs at once: every fact's evidence asks for
        one, and two index lookups through ``__getitem__`` cost five Python calls."""
        length = self._length
        if 0 <= start < end <= length:  # a fact's span, as nearly every one asks
            last = end - 1
        elif not length:
            return 0, 0
        else:
            start = min(max(start, 0), length - 1)
            last = min(max(end, start + 1), length) - 1
        starts, shifts, text = self._starts, self._shifts, self._text  # ``_at``, inlined
        first = start + shifts[bisect_right(starts, start) - 1]
        after = last + 1 + shifts[bisect_right(starts, last) - 1]
        if text is None:
            return first, after
        return first - (text[start] == "\n"), after - (text[last] == "\n")

    def __iter__(self) -> Iterator[int]:
        bounds = [*self._starts[1:], self._length] if self._starts else []
        runs = zip(self._starts, bounds, self._shifts, strict=True)
        values = chain.from_iterable(range(a + shift, b + shift) for a, b, shift in runs)
        if self._text is None:
            return values
        return (value - (ch == "\n") for value, ch in zip(values, self._text, strict=True))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


# The name dots below U+2E80: a text with one takes the line-by-line path (``_NAME_DOT``).
_LATIN_DOT = re.compile("[·•‧∙⋅]")
# What keeps a text from the Latin path: a character from the CJK blocks on, or a name dot.
_NOT_LATIN = re.compile("[·•‧∙⋅\u2e80-\U0010ffff]")
# The same, in two parts: ``re`` scans for a class of one range faster than for that range
# with five characters (0.35-0.65 against 0.5-0.9 ms on a 100 KB record), and a dot is a
# ``str`` search each.
_FROM_CJK = re.compile("[\u2e80-\U0010ffff]")
_NAME_DOTS = "·•‧∙⋅"


def _is_latin(text: str) -> bool:
    """Has ``text`` no character from U+2E80 on and no name dot? Then it needs no folding,
    no conversion and none of the Chinese repairs. Checked at C speed: ASCII is a flag of the
    string, a text of Latin-1 characters encodes as Latin-1 (whose one name dot is ``·``);
    a text with other characters is searched in its opening (``_SAMPLE``) and for the name
    dots, then scanned by ``_below_2e00``, and by ``_FROM_CJK`` only if that finds a
    character from U+2E00 on."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        if _FROM_CJK.search(text, 0, _SAMPLE) or any(map(text.__contains__, _NAME_DOTS)):
            return False  # a Chinese text shows a Chinese character at once
        return _below_2e00(text) or not _FROM_CJK.search(text)
    return "·" not in text


# The opening of a text searched first for a Chinese character: one found there says no at
# once, before a pass over the whole text.
_SAMPLE = 256


# The high bytes of UTF-16 code units below U+2E00, deleted by ``bytes.translate``.
_LOW_HIGH_BYTES = bytes(range(0x2E))


def _below_2e00(text: str) -> bool:
    """Is every character of ``text`` below U+2E00? Read from the high bytes of its UTF-16
    code units (a character beyond the BMP is two surrogates, whose high bytes are from
    ``0xD8``): each pass runs in C over bytes, three times as fast as ``_FROM_CJK``'s
    search of a record (``re`` tries its class at every character)."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return not high.translate(None, _LOW_HIGH_BYTES)
