"""Patterns: symbols, resolution numbers, dates and times, found by regex before segmentation.

Why before segmentation: jieba cuts ``S/RES/2231 (2015)`` into nine tokens and dates into
digits and characters; these shapes are regular, so regexes over the normalised text find them
exactly, with their spans, and the later stages never have to reassemble them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Protocol

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS_EN = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
# The heavenly stems, the labels of Chinese lettered lists (``甲、`` ``乙.`` ``(丙)``), in order.
STEMS = "甲乙丙丁戊己庚辛壬癸"
CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

DATE_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A web page's own date in ISO form (``发表于: 1982-05-04``, ``日期:2023-06-03 14:51:25``), not
# part of a longer number or symbol.
DATE_ISO = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")
MONTH_DAY_ZH = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# The day first, its word boundary looked at after its first digit, and only the month's name
# case-insensitive: so the pattern opens with a digit, which the regex engine skips to, where
# ``\b`` first (or the whole pattern case-insensitive) had it try every position.
DATE_EN = re.compile(
    r"(\d(?<!\w\d)\d?)\s+(?i:(January|February|March|April|May|June|July|August|September|"
    r"October|November|December))\s+(\d{4})\b"
)
# ``上午10时30分``, also in Chinese numerals (``下午三时三十分``).
_CLOCK = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
TIME_ZH = re.compile(
    rf"(上午|下午|晚上|中午|早上|凌晨)?\s*({_CLOCK})\s*(?:时|点)\s*(?:({_CLOCK})\s*分|(半))?"
)
# ``15:00``, and with a period of the day and a full-width colon (``下午3：00``), as a web copy
# typed in full-width characters writes it once its digits are folded to ASCII.
TIME_COLON = re.compile(
    r"(上午|下午|晚上|中午|早上|凌晨)?\s*(?<![\d:：])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:：])"
)
# UN document symbols: S/2021/284, S/PRST/2021/1, A/70/95, S/2015/446-A/70/95 (two symbols).
SYMBOL = re.compile(
    r"[SAE](?<![A-Za-z/].)(?:|(?<=S)T|(?<=A)/HRC|(?<=A)/RES|(?<=E)/CN\.\d+)"
    r"(?:/[A-Z]{2,5})*(?:/\d+(?:\.\d+)?)+(?:/(?:Add|Rev|Corr|Amend)\.\d+)*(?![\d/])"
)
# A press release: the Council's (``SC/7791``), the Assembly's and the Secretary-General's, and
# a joint one with a committee's series after a hyphen (``SC/7791-IK/365``).
PRESS_RELEASE = re.compile(
    r"[SG](?<![A-Za-z/].)(?:(?<=S)C|(?<=G)A|(?<=S)G/SM|(?<=S)G/A)/\d{3,5}"
    r"(?:-[A-Z]{2,5}/\d{1,5})?(?![\d/])"
)
# A meeting record: a document as well, but its number follows a dot. The Council's
# (``S/PV.4046``) and the General Assembly's plenary, whose symbol names the session
# (``A/52/PV.7``, an emergency special session's ``A/ES-10/PV.21``).
RECORD_SYMBOL = re.compile(
    r"[SA](?<![A-Za-z/].)(?:(?<=S)/PV\.\d{3,5}|(?<=A)/(?:ES-)?\d{1,2}/PV\.\d{1,3})(?![\d/])"
)
# White space that PDF extraction leaves inside a symbol: after a slash at the end of a line
# (``S/2010/⏎681``), or inside a letter code (``A/R ES/68/163``). A symbol never ends with a
# slash and its codes are single words, so the symbol is the text without that space.
# Both open with the slash (the white space is group ``space``, the code's parts ``1`` and ``2``):
# a pattern that opens with a lookbehind is tried at every position of the text.
_BREAK_AFTER_SLASH = re.compile(r"/(?<=[A-Z0-9]/)(?P<space>[ \t\n]+)(?=[A-Z0-9])")
_BREAK_IN_CODE = re.compile(r"/([A-Z]{1,4})[ \t\n]+([A-Z]{1,4})(?=/)")
RES_SYMBOL = re.compile(r"S/RES/(\d{1,4})\s*\((\d{4})\)")
RES_REF = re.compile(r"(?<![\d/])(\d{1,4})\s*\((\d{4})\)")
# ``第2378(2017)、2436(2018)号决议``, also with each number its own ``号``:
# ``第2510(2020)号和第2486(2019)号决议``; a line may break anywhere in it
# (``第2623⏎(2022)号决⏎议``).
RES_LIST = re.compile(
    r"第\s*((?:\d{1,4}\s*\(\d{4}\)\s*(?:号?\s*(?:[、,，和及与]|以及)\s*第?)?\s*)+)号\s*决\s*议"
)
RES_NO_YEAR = re.compile(r"第\s*(\d{1,4})\s*号决议")
# One item of a list whose items each carry their own date (``10月25日第340(1973)号、10月27日
# 第341(1973)号…等决议``): a number with its year and ``号``, then the list goes on, or ends
# on what the resolutions are about (``…及…第1772(2007)号有关索马里局势的决议``).
RES_ITEM = re.compile(
    r"第\s*(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\s*号"
    r"(?=\s*(?:、|和|及|以及|等\s*决议|(?:有关|关于)[^。；\n]{1,40}?的\s*决议))"
)
# A resolution named by its number only, its year given by the date just before it:
# ``始于2024年1月第2722号决议``.
RES_DATED = re.compile(
    r"(?P<year>\d{4})\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:的)?\s*"
    r"第\s*(?P<number>\d{1,4})\s*号决议(?!草案)"
)
# The older compilations' ``决议案二一六(一九六五)``: number and year in Chinese numerals (the
# session of a General Assembly resolution, ``决议案二二六二(二十二)``, is no four-digit year).
_CN_FIGURES = "〇○零一二三四五六七八九十百千"
RES_OLD = re.compile(
    rf"决议案\s*(?P<number>[{_CN_FIGURES}]{{1,6}}|\d{{1,4}})\s*"
    r"\(\s*(?P<year>[〇○零一二三四五六七八九]{4}|\d{4})\s*\)"
)
MEETING_NUMBER = re.compile(r"第\s*(\d{3,5})\s*次(?:会议|公开会议|非公开会议)")


@dataclass(frozen=True, slots=True)
class Found:
    """A value found in the clean text at ``[start, end)``."""

    value: str
    start: int
    end: int


# ``Found(value, start, end)`` made by setting its slots directly (``_found``): every date,
# symbol and reference found makes one, and the frozen dataclass's ``__init__`` guards each
# assignment (a call through ``object.__setattr__``): half the cost, the same record.
_NEW = object.__new__
_SET_VALUE: Callable[[Found, str], None] = vars(Found)["value"].__set__
_SET_START: Callable[[Found, int], None] = vars(Found)["start"].__set__
_SET_END: Callable[[Found, int], None] = vars(Found)["end"].__set__


def _found(value: str, start: int, end: int) -> Found:
    """``Found(value, start, end)``, made without the frozen ``__init__``."""
    made: Found = _NEW(Found)
    _SET_VALUE(made, value)
    _SET_START(made, start)
    _SET_END(made, end)
    return made


# The calendar as data, built once: each plausible month and day (February to the 29th, any
# year) to its ``-MM-DD``, and each year the Council can date (1945-2100) to its four digits.
# Why: a date read checks and formats its three numbers; two lookups do both (a third of the
# cost of a date found).
_LAST_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_DAYS: dict[tuple[int, int], str] = {
    (month, day): f"-{month:02d}-{day:02d}"
    for month, last in enumerate(_LAST_DAY, start=1)
    for day in range(1, last + 1)
}
_YEARS: dict[int, str] = {year: str(year) for year in range(1945, 2101)}


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a plausible calendar date, else None (never raises)."""
    tail = _MONTH_DAYS.get((month, day))
    if tail is None:
        return None
    written = _YEARS.get(year)
    return None if written is None else written + tail


def dates_zh(text: str) -> list[Found]:
    """Every full Chinese date (``2021 年 4 月 8 日``), and a web page's ISO date
    (``2023-06-03``), as an ISO date, in the order of the text."""
    out = []
    for shape in (DATE_ZH, DATE_ISO):
        for m in shape.finditer(text):
            value = iso_date(int(m[1]), int(m[2]), int(m[3]))
            if value:
                out.append(_found(value, m.start(), m.end()))
    return sorted(out, key=lambda found: found.start)


def dates_en(text: str) -> list[Found]:
    """Every English date (``23 March 2021``) as an ISO date, in the order of the text.

    Remembered for the last few texts asked: the packs ask again for the same lines of one
    document (a resolution's adoption line is read for its date, its meeting and its
    metadata); on the real resolutions fewer than two calls in five are for a new text. A few
    only: more would keep a document's answers for the next time the same text comes, which
    a benchmark that repeats its texts would count as speed."""
    return list(_dates_en(text))


@lru_cache(maxsize=8)
def _dates_en(text: str) -> tuple[Found, ...]:
    out = []
    for m in DATE_EN.finditer(text):
        day, month, year = m.groups()
        tail = _EN_MONTH_DAYS.get((day, month))
        value = year + tail if tail and year in _EN_YEARS else _date_en_value(day, month, year)
        if value:
            made: Found = _NEW(Found)  # ``_found``, inline: one call less a date
            _SET_VALUE(made, value)
            start, end = m.span()
            _SET_START(made, start)
            _SET_END(made, end)
            out.append(made)
    return tuple(out)


# An English date's day and month as written (``23``, ``05``; ``March``, ``MARCH``, ``march``)
# to its ``-MM-DD``, and its years as written (``1945``-``2100``): ``DATE_EN``'s groups read
# by two lookups. Another writing (a month in mixed case, digits of another script) and an
# impossible date (``31 April``) are read by ``iso_date``, as every date was.
_EN_MONTH_DAYS: dict[tuple[str, str], str] = {
    (written_day, written_month): tail
    for (month, day), tail in _MONTH_DAYS.items()
    for written_day in dict.fromkeys((str(day), f"{day:02d}"))
    for name in (_MONTH_NAMES.split()[month - 1],)
    for written_month in (name, name.title(), name.upper())
}
_EN_YEARS = frozenset(_YEARS.values())


def _date_en_value(day: str, month: str, year: str) -> str | None:
    """The ISO date of ``DATE_EN``'s groups, None for an impossible one: by the tables, else
    (what they do not hold) by the general reading."""
    tail = _EN_MONTH_DAYS.get((day, month))
    if tail is not None and year in _EN_YEARS:
        return year + tail
    return iso_date(int(year), MONTHS_EN[month.lower()], int(day))


def first_date_en(text: str, endpos: int | None = None) -> Found | None:
    """``dates_en(text[:endpos])[0]`` (None for no date), without the copy of the text and
    without reading on past the first date: a cover's date is near its top, and ``DATE_EN``
    is tried at every digit of what it reads (``re`` bounds the search at ``endpos`` as it
    would the slice's end, ``\\b`` included)."""
    end = len(text) if endpos is None else endpos
    m = DATE_EN.search(text, 0, end)
    while m is not None:
        value = _date_en_value(*m.groups())
        if value:
            return _found(value, m.start(), m.end())
        m = DATE_EN.search(text, m.end(), end)
    return None


def month_days(text: str, year: int) -> list[Found]:
    """Dates written without a year (``5 月 24 日``), in the year given by the context."""
    out = []
    for m in MONTH_DAY_ZH.finditer(text):
        value = iso_date(year, int(m[1]), int(m[2]))
        if value:
            out.append(_found(value, m.start(), m.end()))
    return out


def time_at(text: str, pos: int, window: int = 16) -> Found | None:
    """The clock time written just after ``pos`` (``星期四上午 8 时``), as 24-hour ``HH:MM``."""
    chunk = text[pos : pos + window]
    m = TIME_ZH.search(chunk)
    if m and (m[1] or m.start() <= 4):
        hour = cn_number(m[2]) or 0
        minute = (cn_number(m[3]) or 0) if m[3] else 30 if m[4] else 0
        if m[1] in ("下午", "晚上") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            return _found(f"{hour:02d}:{minute:02d}", pos + m.start(), pos + m.end())
    m2 = TIME_COLON.search(chunk)
    if m2:
        hour = int(m2[2])
        if m2[1] in ("下午", "晚上") and hour < 12:
            hour += 12
        return _found(f"{hour:02d}:{m2[3]}", pos + m2.start(), pos + m2.end())
    return None


def res_key(number: str | int, year: str | int) -> str:
    """``2231(2015)``: the key of a resolution by its number and year, each read as a number
    (``02231`` is ``2231``). A year of 1945-2100 and a number in ASCII digits without a
    leading zero, as written, are their own reading: joined as they are (every reference
    found, several times a document; ``int`` and formatting cost twice as much)."""
    if (
        year in _EN_YEARS
        and type(number) is str
        and number.isascii()
        and number.isdecimal()
        and number[0] != "0"
    ):
        return f"{number}({year})"
    return f"{int(number)}({int(year)})"


def resolution_refs(text: str) -> list[Found]:
    """Resolutions named in the text: ``第 2378(2017)和2436(2018)号决议``, ``S/RES/2365(2017)``."""
    out = []
    for m in RES_LIST.finditer(text):
        base = m.start(1)
        for ref in RES_REF.finditer(m[1]):
            out.append(_found(res_key(ref[1], ref[2]), base + ref.start(), base + ref.end()))
    for m in RES_SYMBOL.finditer(text):
        out.append(_found(res_key(m[1], m[2]), m.start(), m.end()))
    seen = {f.start for f in out}
    for pattern in (RES_ITEM, RES_OLD, RES_DATED):
        for m in pattern.finditer(text):
            number, year = cn_number(m["number"]), cn_number(m["year"])
            if number and year and m.start("number") not in seen and 1945 < year < 2100:
                out.append(_found(res_key(number, year), m.start("number"), m.end()))
    return sorted(out, key=lambda f: f.start)


def symbols(text: str) -> list[Found]:
    """UN document symbols other than the Council's resolutions (``S/2018/623``, ``A/70/95``,
    a General Assembly resolution ``A/RES/70/1``: a document, not a Council resolution), also
    where a line break or a space splits one (``S/2010/⏎681`` is ``S/2010/681``)."""
    positions = _slash_positions(text)
    return _symbols(text, positions, _slashes(text, positions))


def _symbols(text: str, positions: list[int], slashes: list[int]) -> list[Found]:
    """``symbols``, given where the slashes of ``text`` are (``_slash_positions``) and which of
    them follow a capital (``_slashes``)."""
    joined, offsets = _without_symbol_breaks(text, positions)
    if joined is not text:
        slashes = _slashes(joined)
    out = []
    for m in matches_at(SYMBOL, joined, _symbol_starts(joined, slashes)):
        value = m.group()
        if not value.startswith("S/RES/"):
            start, end = m.span()
            out.append(_found(value, offsets[start], offsets[end - 1] + 1))
    return out


def cited_symbols(text: str) -> list[Found]:
    """Every document symbol a text cites: ``symbols``, the meeting records (``S/PV.4046``) and
    the press releases (``SC/7791-IK/365``). The slashes are found once for all three."""
    positions = _slash_positions(text)
    slashes = _slashes(text, positions)
    if not slashes:
        return []  # every symbol has a slash after a capital
    records, releases = _record_and_release_starts(text, slashes)
    found = _symbols(text, positions, slashes)
    for pattern, starts in ((RECORD_SYMBOL, records), (PRESS_RELEASE, releases)):
        for m in matches_at(pattern, text, starts):
            start, end = m.span()
            found.append(_found(m.group(), start, end))
    found.sort(key=_START)  # stable: as ``sorted`` of the symbols, then the records and releases
    return found


def _record_and_release_starts(text: str, slashes: list[int]) -> tuple[list[int], list[int]]:
    """Where ``RECORD_SYMBOL`` (``S/PV.``, ``A/52/PV.``) and ``PRESS_RELEASE`` (``SC/``,
    ``GA/``, ``SG/``) may start, given the slashes after a capital: one pass over them for
    both. A record's ``/PV.`` is looked for first (``S/`` opens most other symbols too)."""
    records: list[int] = []
    releases: list[int] = []
    for p in slashes:
        if text.find("/PV.", p, p + _RECORD_REACH) >= 0 and text[p - 1] in "SA":
            records.append(p - 1)
        if p >= 2 and text[p - 2 : p] in _PRESS_SERIES:
            releases.append(p - 2)
    return records, releases


_START = attrgetter("start")
# How far after its first slash a record's ``/PV.`` ends at the latest: ``A/ES-10/PV.``.
_RECORD_REACH = len("/ES-10/PV.")


# Every match of ``SYMBOL``, ``RECORD_SYMBOL`` and ``PRESS_RELEASE`` opens with one or two
# capitals and a slash (``S/``, ``ST/``; ``S/``, ``A/``; ``SC/``, ``GA/``, ``SG/``). Why: those
# patterns open with a character class, which the regex engine tries at every position of the
# text (a scan of the text cost each of them a fifth of a tokenizer pass); this one opens with
# the slash, a literal it skips to, and looks back at the capital. Each pattern is then tried
# only where such a slash lets it start.
_CAPITAL_SLASH = re.compile(r"/(?<=[A-Z]/)")
_PRESS_SERIES = frozenset(("SC", "GA", "SG"))


def _slashes(text: str, positions: list[int] | None = None) -> list[int]:
    """The slashes after a capital, of those at ``positions`` (all of them, where given)."""
    if positions is None:
        return [m.start() for m in _CAPITAL_SLASH.finditer(text)]
    return [p for p in positions if p and "A" <= text[p - 1] <= "Z"]


def _slash_positions(text: str) -> list[int]:
    """Where every slash of ``text`` is. Why: the capitals' slashes (``_slashes``) and the
    symbol breaks (``_without_symbol_breaks``) all open with a slash; one ``str.find`` pass
    serves them, where each pattern's own search read the whole text again."""
    out = []
    at = text.find("/")
    while at >= 0:
        out.append(at)
        at = text.find("/", at + 1)
    return out


def _symbol_starts(text: str, slashes: list[int]) -> list[int]:
    """Where a match of ``SYMBOL`` may start: before ``S/``, ``A/``, ``E/`` or ``ST/``."""
    out = []
    for p in slashes:
        if text[p - 1] in "SAE":
            out.append(p - 1)
        elif p >= 2 and text[p - 2 : p] == "ST":
            out.append(p - 2)
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` tried only at ``starts`` (in order; every match of
    ``pattern`` starts at one of them): the same matches, left to right, none overlapping.
    Shared by the symbols' slash-first search and the English names' and references' scans
    (``en.names.name_matches``, ``en.mentions.resolution_refs``)."""
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)  # its look-behinds still see the text before
            if m:
                out.append(m)
                end = m.end()
    return out


class Offsets(Protocol):
    """Where each character of a text with breaks cut out was in the text (by index)."""

    def __getitem__(self, index: int, /) -> int: ...


@dataclass(frozen=True, slots=True)
class _Pieces:
    """``Offsets`` as runs: the kept piece that starts at joined index ``starts[k]`` was at
    ``origins[k]`` in the text. Why: a list of every offset cost a long record 1.6 ms; the
    offsets are asked a few times, at the symbols found."""

    starts: list[int]
    origins: list[int]

    def __getitem__(self, index: int, /) -> int:
        k = bisect_right(self.starts, index) - 1
        return self.origins[k] + index - self.starts[k]


def _without_symbol_breaks(text: str, positions: list[int] | None = None) -> tuple[str, Offsets]:
    """``text`` without the spaces that split a symbol, and each kept character's offset in
    ``text`` (the offsets of ``text`` itself where nothing is split; the end of the joined
    text is the end of ``text``). ``positions``: where its slashes are, if known."""
    after, within = _breaks(text, positions)
    drop = [m.span("space") for m in after]
    drop += [(m.end(1), m.start(2)) for m in within if len(m[1]) + len(m[2]) <= 5]
    if not drop:
        return text, range(len(text) + 1)
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    position = length = 0
    for start, end in sorted(drop):  # kept by slices between the breaks
        if end > position:
            start = max(start, position)
            starts.append(length)
            origins.append(position)
            pieces.append(text[position:start])
            length += start - position
            position = end
    starts.append(length)
    origins.append(position)
    pieces.append(text[position:])
    return "".join(pieces), _Pieces(starts, origins)


def _breaks(
    text: str, positions: list[int] | None
) -> tuple[Iterable[re.Match[str]], Iterable[re.Match[str]]]:
    """The matches of ``_BREAK_AFTER_SLASH`` and of ``_BREAK_IN_CODE`` in ``text``, as their
    ``finditer`` gives them: each opens with a slash and holds no other, so where the slashes
    are known each is tried there only, after a look at the character that follows."""
    if positions is None:
        return _BREAK_AFTER_SLASH.finditer(text), _BREAK_IN_CODE.finditer(text)
    spaced: list[int] = []
    capital: list[int] = []
    for p in positions:  # one pass: what follows each slash
        after = text[p + 1 : p + 2]
        if after in _SYMBOL_BREAKS:
            spaced.append(p)
        elif "A" <= after <= "Z":
            capital.append(p)
    after_slash = matches_at(_BREAK_AFTER_SLASH, text, spaced) if spaced else ()
    return after_slash, matches_at(_BREAK_IN_CODE, text, capital)


# The white space a symbol may be broken at, after its slash (``_BREAK_AFTER_SLASH``).
_SYMBOL_BREAKS = frozenset(" \t\n")
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int | None:
    """``15``, ``十五``, ``一十二``, ``零``, ``一千八百二十一`` -> int; a numeral without units is
    read digit by digit, as the older documents write years and numbers (``一九六四``,
    ``二五三``); None when not a number.

    Why not ``cn2an``: the Council's numerals are these two shapes only, below ten thousand; a
    dependency for them would add nothing the twenty lines here do not."""
    text = text.strip().replace("○", "〇")
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if len(text) > 1 and not any(ch in _CN_UNITS for ch in text):
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_UNITS:
            total, current = total + max(current, 1) * _CN_UNITS[ch], 0
        else:
            current = CN_DIGITS[ch]
    return total + current
