"""Patterns shared by the packs: dates, times, symbols, resolution numbers and Chinese numerals.

Cases as data: each table row is one text and what the pattern must find in it. Merged from
``test_extract_patterns.py`` and the citation shapes of ``test_extract_citation_shapes.py``;
the rows marked real come from the real Chinese documents (``tests/data/real-zh``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors import patterns

DATES = [
    ("zh", "于2021年4月8日星期四、2020年2月30日", ["2021-04-08"]),
    ("en", "Distr.: General 23 March 2021", ["2021-03-23"]),
    (
        "en",
        "on 1 JANUARY 1999, x12 May 2020, 123 May 2020, (5 june 1967)",
        ["1999-01-01", "1967-06-05"],
    ),
    # real: a web page's own date in ISO form (a forum post, a news page)
    ("zh", "只看楼主 倒序阅读 0 发表于: 1982-05-04", ["1982-05-04"]),
    ("zh", "日期:2023-06-03 14:51:25    来源:新华网", ["2023-06-03"]),
    ("zh", "见S/2023-06-03号和2023-06-031", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), DATES)
def test_dates(language: str, text: str, expected: list[str]) -> None:
    finder = patterns.dates_zh if language == "zh" else patterns.dates_en
    assert [d.value for d in finder(text)] == expected


def test_month_days_take_the_year_given() -> None:
    assert [d.value for d in patterns.month_days("倡议于5月24日举办", 2021)] == ["2021-05-24"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星期四上午8时在议程项目", "08:00"),
        ("星期一下午3时30分", "15:30"),
        ("上午10时半", "10:30"),
        ("(纽约时间)15:00举行", "15:00"),
    ],
)
def test_times(text: str, expected: str) -> None:
    found = patterns.time_at(text, 0, window=20)
    assert found is not None and found.value == expected


SYMBOLS = [
    (
        "(见S/2015/446-A/70/95)、S/PRST/2021/1、S/RES/2365(2017)、S/2018/1134号文件和S/PV.8701",
        ["S/2015/446", "A/70/95", "S/PRST/2021/1", "S/2018/1134"],
    ),
    # a General Assembly resolution is a cited document, a Council resolution is not
    (
        "回顾大会第 A/RES/75/1 号决议和安理会第S/RES/2417(2018)号决议以及S/2019/509号文件",
        ["A/RES/75/1", "S/2019/509"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SYMBOLS)
def test_symbols(text: str, expected: list[str]) -> None:
    assert [s.value for s in patterns.symbols(text)] == expected


RESOLUTIONS = [
    # S/2020/505: a list with one 号, then a symbol
    (
        "回顾其关于也门的第2014(2011)、2051(2012)、2140(2014)和2481(2019)号决议以及S/RES/2216(2015)",
        ["2014(2011)", "2051(2012)", "2140(2014)", "2481(2019)", "2216(2015)"],
    ),
    # S/2020/268: two numbers joined by 和
    ("回顾安理会在第2378(2017)和2436(2018)号决议中请秘书长", ["2378(2017)", "2436(2018)"]),
    # each number with its own 号
    (
        "依照第2231(2015)号和第1737(2006)号决议，以及第 2397 (2017) 号、第2375(2017)号决议",
        ["2231(2015)", "1737(2006)", "2397(2017)", "2375(2017)"],
    ),
    # real (S/RES/396(1976)): each item with its own date, the list closed by 等决议
    (
        "回顾其1973年10月22日第338(1973)号、10月25日第340(1973)号和10月23日第378(1975)号等决议",
        ["338(1973)", "340(1973)", "378(1975)"],
    ),
    # real (S/RES/253(1968)): the older compilations' numerals; a GA session is no year
    (
        "覆按并重申其1965年11月12日决议案二一六(一九六五)、1960年12月14日大会决议案一五一四(十五)",
        ["216(1965)"],
    ),
    # a citation broken across lines, as PDF extraction leaves it
    ("安理会第2623\n(2022)号决\n议请大会", ["2623(2022)"]),
    ("第\n2231(2015)号\n决议", ["2231(2015)"]),
    # real (a news page): the year given by the date just before the number
    ("旨在延续一个始于2024年1月第2722号决议的报告机制", ["2722(2024)"]),
    ("根据安理会第2524号决议,援助团于2020年6月成立", []),
    ("2024年1月第2722号决议草案", []),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTIONS)
def test_resolution_refs(text: str, expected: list[str]) -> None:
    assert [r.value for r in patterns.resolution_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15", 15),
        ("十五", 15),
        ("零", 0),
        ("十", 10),
        ("二十一", 21),
        ("三十九", 39),
        # digit by digit, as the older documents write numbers and years
        ("一九六四", 1964),
        ("二五三", 253),
        ("一九七〇", 1970),
        ("一千八百二十一", 1821),
        ("赞成", None),
        ("", None),
    ],
)
def test_chinese_numbers(text: str, value: int | None) -> None:
    assert patterns.cn_number(text) == value


def _cited_by_scanning(text: str) -> list[tuple[str, int, int]]:
    """``cited_symbols`` as each pattern's own scan of the whole text finds them: the
    reference of the slash-first search (``patterns.matches_at``)."""
    joined, offsets = patterns._without_symbol_breaks(text)
    out = [
        (m.group(), offsets[m.start()], offsets[m.end() - 1] + 1)
        for m in patterns.SYMBOL.finditer(joined)
        if not m.group().startswith("S/RES/")
    ]
    for pattern in (patterns.RECORD_SYMBOL, patterns.PRESS_RELEASE):
        out += [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
    return sorted(out, key=lambda found: found[1])


SYMBOL_PIECES = st.sampled_from(
    [
        *"SAETCGPVR/.-1 \n\t(x",
        *("S/", "ST/", "SC/", "GA/", "SG/SM/", "SG/A/", "A/HRC/", "A/RES/", "E/CN.6/", "A/ES-10/"),
        *("S/PV.", "PV.", "RES/", "PRST/", "2021/", "8701", "12", "/Add.1", "/Rev.2", "-IK/365"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(SYMBOL_PIECES, max_size=30).map("".join))
def test_cited_symbols_are_what_each_pattern_finds(text: str) -> None:
    found = [(f.value, f.start, f.end) for f in patterns.cited_symbols(text)]
    assert found == _cited_by_scanning(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(SYMBOL_PIECES, max_size=30).map("".join))
def test_a_symbol_break_cut_out_keeps_every_offset(text: str) -> None:
    """The joined text's offsets (runs) are those of a list of every kept character's."""
    joined, offsets = patterns._without_symbol_breaks(text)
    cut = {i for m in patterns._BREAK_AFTER_SLASH.finditer(text) for i in range(*m.span("space"))}
    cut |= {
        i
        for m in patterns._BREAK_IN_CODE.finditer(text)
        if len(m[1]) + len(m[2]) <= 5
        for i in range(m.end(1), m.start(2))
    }
    kept = [i for i in range(len(text)) if i not in cut]
    assert joined == "".join(text[i] for i in kept)
    assert [offsets[i] for i in range(len(joined) + 1)] == [*kept, len(text)]


# ``DATE_EN`` as first written: ``\b`` first and case-insensitive throughout, the reference of
# the digit-first form that the regex engine scans faster.
_DATE_EN_PLAIN = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(\d{4})\b",
    re.IGNORECASE,
)
DATE_PIECES = st.sampled_from([*"1234 x_é\n", "May", "JUNE", "december", "2020", "٣"])


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_PIECES, max_size=30).map("".join))
def test_english_dates_are_what_the_plain_pattern_finds(text: str) -> None:
    found = [(m.span(), m.groups()) for m in patterns.DATE_EN.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in _DATE_EN_PLAIN.finditer(text)]


def test_a_value_found_is_the_record_its_constructor_makes() -> None:
    """The readers make ``Found`` by setting its slots: the same record, as frozen."""
    import dataclasses

    (made,) = patterns.dates_en("on 23 March 2021.")
    plain = patterns.Found("2021-03-23", 3, 16)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]


@settings(max_examples=400, deadline=None)
@given(st.lists(SYMBOL_PIECES, max_size=30).map("".join))
def test_symbol_breaks_tried_at_the_slashes_are_those_found_by_scanning(text: str) -> None:
    """Tried only at the slashes (``_slash_positions``): the same text and offsets."""
    joined, offsets = patterns._without_symbol_breaks(text)
    at, at_offsets = patterns._without_symbol_breaks(text, patterns._slash_positions(text))
    assert at == joined
    assert [at_offsets[i] for i in range(len(at) + 1)] == [
        offsets[i] for i in range(len(joined) + 1)
    ]
    assert patterns._slashes(text, patterns._slash_positions(text)) == patterns._slashes(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_PIECES, max_size=30).map("".join), st.integers(0, 80))
def test_the_first_english_date_is_that_of_the_text_cut_there(text: str, end: int) -> None:
    """``first_date_en(text, end)`` reads the text up to ``end`` as the slice does."""
    first = patterns.first_date_en(text, end)
    dates = patterns.dates_en(text[:end])
    assert first == (dates[0] if dates else None)


def _iso_date_computed(year: int, month: int, day: int) -> str | None:
    """``iso_date`` as first written: checked and formatted by arithmetic."""
    if not (1945 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def test_iso_dates_from_the_tables_are_those_computed() -> None:
    """The calendar as data gives every date (and refuses every one) as arithmetic does."""
    for year in (0, 1944, 1945, 2000, 2023, 2100, 2101, 99999):
        for month in range(-1, 15):
            for day in range(-1, 34):
                assert patterns.iso_date(year, month, day) == _iso_date_computed(year, month, day)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["1", "01", "9", "09", "29", "30", "31", "32", "00", "0", "٣", "1٣"]),
    st.sampled_from(["May", "may", "MAY", "mAy", "February", "FEBRUARY", "april", "April"]),
    st.sampled_from(["1944", "1945", "2021", "2100", "2101", "٢٠٢١", "0021"]),
)
def test_english_date_values_from_the_tables_are_those_computed(
    day: str, month: str, year: str
) -> None:
    expected = _iso_date_computed(int(year), patterns.MONTHS_EN[month.lower()], int(day))
    assert patterns._date_en_value(day, month, year) == expected


NUMBER_TEXTS = st.sampled_from(["0", "00", "7", "07", "2231", "02231", "٢٢٣١", "1944", "1945"])
YEAR_TEXTS = st.sampled_from(["2015", "02015", "1944", "1945", "2100", "2101", "٢٠١٥", "15"])


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(NUMBER_TEXTS, st.integers(0, 9999)),
    st.one_of(YEAR_TEXTS, st.integers(1900, 2200)),
)
def test_a_resolution_key_reads_its_number_and_year_as_numbers(
    number: str | int, year: str | int
) -> None:
    """Joined as written where that is their reading, else read: the same key."""
    assert patterns.res_key(number, year) == f"{int(number)}({int(year)})"
