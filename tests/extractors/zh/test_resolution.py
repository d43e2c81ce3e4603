"""Resolutions the Chinese pack finds adopted, on real pages and reports."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.facts import DocumentFacts, Resolution
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh.resolution import draft_symbol

from ._real import real

ADOPTED = [
    # a resolution's own dated page: adopted on its date, at a meeting
    ("S-RES-4-1946.zh.txt", [(4, 1946, "1946-04-29", "meeting")]),
    ("S-RES-253-1968.zh.txt", [(253, 1968, "1968-05-29", "meeting")]),
    ("S-RES-396-1976.zh.txt", [(396, 1976, "1976-10-22", "meeting")]),
    ("S-RES-461-1979.zh.txt", [(461, 1979, "1979-12-31", "meeting")]),
    ("S-RES-625-1988.zh.txt", [(625, 1988, "1988-12-15", "meeting")]),
    # a report's 第2812号决议 takes the year and day of the paragraph's date; the report does
    # not say how it was adopted
    ("news-2026-01-14-res2812.excerpt.zh.txt", [(2812, 2026, "2026-01-14", None)]),
    # the dateline's day (6月2日电) in the year of the page's own date (日期:2023-06-03)
    ("Xinhua-2023-06-02-res2685.excerpt.zh.txt", [(2685, 2023, "2023-06-02", None)]),
    # a Wikisource page named by its number alone, with no date line: it never states its year
    # (its dates are of the acts it recalls), so the year and date stay unknown
    ("S-RES-1518-2003.zh.txt", [(1518, None, None, "meeting")]),
    # a presidential statement adopts no resolution
    ("S-PRST-2007-2.zh.txt", []),
    # dated by its heading; a preamble's 通过本决议的必要条件 after another date reports nothing
    ("S-RES-970-1995.zh-hant.txt", [(970, 1995, "1995-01-12", "meeting")]),
    # a notice publishing five resolutions, each 於<date>通過的第N(YYYY)號
    (
        "MAC-2009-07-03-Somalia-resolutions.excerpt.zh-hant.txt",
        [
            (1356, 2001, "2001-06-19", None),
            (1425, 2002, "2002-07-22", None),
            (1725, 2006, "2006-12-06", None),
            (1744, 2007, "2007-02-20", None),
            (1772, 2007, "2007-08-20", None),
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), ADOPTED)
def test_resolutions_adopted(
    name: str, expected: list[tuple[int, int | None, str | None, str | None]]
) -> None:
    found = [(r.number, r.year, r.adopted, r.procedure) for r in real(name).resolutions]
    assert found == expected


@pytest.mark.parametrize(
    ("name", "cited"),
    [
        ("S-RES-253-1968.zh.txt", {"216(1965)", "217(1965)", "221(1966)", "232(1966)"}),
        ("S-RES-396-1976.zh.txt", {"338(1973)", "340(1973)", "378(1975)", "396(1976)"}),
        ("news-2026-01-14-res2812.excerpt.zh.txt", {"2812(2026)"}),
        # a list's last item, before what the resolutions are about (…第1772(2007)號有關…的決議)
        (
            "MAC-2009-07-03-Somalia-resolutions.excerpt.zh-hant.txt",
            {"1356(2001)", "1772(2007)"},
        ),
    ],
)
def test_resolutions_cited(name: str, cited: set[str]) -> None:
    assert cited <= {m.value for m in real(name).resolutions_cited}


def test_a_resolution_without_a_year_is_cited_by_no_guessed_year() -> None:
    """``1518(None)`` or ``1518(2003)`` would be a citation the page never writes."""
    cited = {m.value for m in real("S-RES-1518-2003.zh.txt").resolutions_cited}
    assert cited == {"1483(2003)", "661(1990)"}


def test_the_key_of_a_resolution_without_a_year_is_its_number() -> None:
    assert Resolution(1518, None).key == "1518"
    assert Resolution(2518, 2020).key == "2518(2020)"


# Merged from test_extract_metadata_2.py (written for those tests, none of the held-out
# sentences).


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


# 5. A resolution's adoption read from its footnote; no date from what it recalls


RESOLUTION = (
    "第2099(2013)号决议\n"
    "S/RES/2099 (2013)\n"
    "安全理事会,\n"
    "重申2011年3月1日在安理会会议上通过的主席声明(S/PRST/2011/5),\n"
    "回顾其第1325(2000)号决议,\n"
    "1. 决定继续积极处理此案。\n"
    "{footnote}"
)


@pytest.mark.parametrize("adopted", ["一致通过", "协商一致通过", "通过"])
def test_a_resolutions_footnote_gives_its_adoption_and_date(adopted: str) -> None:
    footnote = f"* 本决议系2013年4月25日安全理事会第6952次会议{adopted}。\n"
    facts = _extract(RESOLUTION.format(footnote=footnote))
    assert facts.date == "2013-04-25"
    assert [(r.number, r.year, r.adopted) for r in facts.resolutions] == [
        (2099, 2013, "2013-04-25")
    ]


def test_a_resolution_without_an_adoption_line_takes_no_date_it_recalls() -> None:
    facts = _extract(RESOLUTION.format(footnote=""))
    assert facts.date is None
    assert facts.resolutions == ()


# --- the draft said to be printed in a document (``载于文件…``) ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "各成员收到了文件S/2002/240所载的决议草案。",
        "现在将载于文件 S/2002/240 的决议草案付诸表决。",
        "安理会面前有挪威提交的决议草案，载于S/2002/240。",
    ],
)
def test_draft_printed_in_a_document(sentence: str) -> None:
    assert draft_symbol(Context("sample.txt", normalise(sentence))) == "S/2002/240"


@pytest.mark.parametrize(
    "sentence",
    ["秘书长的报告载于文件S/2002/241。", "载于文件S/2002/241的报告已经分发。"],
)
def test_a_document_that_holds_no_draft(sentence: str) -> None:
    assert draft_symbol(Context("sample.txt", normalise(sentence))) is None
