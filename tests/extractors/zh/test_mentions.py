"""Mentions of the Chinese pack: states named, resolutions and documents cited."""

from __future__ import annotations

import pytest
from unsckg.extractors import gazetteer, patterns
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

from tests.extractors.zh.test_representatives import RECORD_SIR

from ._real import real

# Merged from test_extract_citation_shapes.py: a state inside a mission's, an organisation's or
# a tribunal's name is no mention of it.
INSIDE_NAMES = [
    ("联合国伊拉克核查团和非洲联盟苏丹监测团的工作人员前往伊拉克和苏丹。", ["IRQ", "SDN"]),
    ("西共体驻冈比亚特派团与欧安组织驻塞尔维亚特派团交流经验，冈比亚表示欢迎。", ["GMB"]),
    ("塞拉利昂问题特别法庭和卢旺达问题国际刑事法庭的余留事项；卢旺达政府表示欢迎。", ["RWA"]),
]


# Merged from test_extract_set9_votes.py: a state's name broken across a line so that its rest
# is another name, and a state after a line break that stands alone.
BROKEN_NAMES = [
    ("安理会欢迎各方在亚的斯亚贝巴就南\n苏丹问题举行的会谈。", [("SSD", "南苏丹")]),
    ("安理会赞扬阿尔及利亚和\n马里政府为此作出的努力。", [("DZA", "阿尔及利亚"), ("MLI", "马里")]),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_NAMES)
def test_names_across_a_line_break(text: str, expected: list[tuple[str, str]]) -> None:
    found = gazetteer.find_states(text)
    assert [(m.key, text[m.start : m.end].replace("\n", "")) for m in found] == expected


@pytest.mark.parametrize(("text", "states"), INSIDE_NAMES)
def test_a_state_inside_a_name_is_not_a_mention(text: str, states: list[str]) -> None:
    assert [s.key for s in gazetteer.find_states(text)] == states


@pytest.mark.parametrize(
    ("name", "cited"),
    [
        # the Wikisource licence footer (here in traditional script) cites nothing
        ("S-PRST-2007-2.zh.txt", ["S/2006/1019"]),
        ("S-RES-396-1976.zh.txt", []),
        # press releases, a joint one with the committee's series
        ("S-RES-1518-2003.zh.txt", ["SC/7791-IK/365", "SC/7831-IK/372"]),
    ],
)
def test_documents_cited_only_in_the_body(name: str, cited: list[str]) -> None:
    assert [m.value for m in real(name).documents_cited] == cited


# Merged from test_extract_metadata_2.py (written for those tests, none of the held-out
# sentences).


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _letter(body: str, date: str = "2019年2月20日", state: str = "挪威") -> str:
    return (
        f"{date}{state}常驻联合国代表给秘书长的信\n"
        f"{body}\n"
        "请将本信作为安全理事会文件分发为荷。\n"
        f"{state}常驻联合国代表\n"
        "奥德·约翰森(签名)\n"
    )


# 1. Symbols broken across lines by PDF extraction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("秘书长关于海地的报告(S/2019/\n455)。", ["S/2019/455"]),
        ("秘书长的报告(S/2019/ 455)指出", ["S/2019/455"]),
        ("大会第71/2号决议(A/R ES/71/2)中", ["A/RES/71/2"]),
        ("主席声明(S/PR\nST/2018/3)", ["S/PRST/2018/3"]),
    ],
)
def test_a_symbol_split_after_a_slash_or_inside_its_code_is_cited_whole(
    text: str, expected: list[str]
) -> None:
    assert [s.value for s in patterns.symbols(text)] == expected


def test_a_split_symbol_keeps_the_span_of_its_printed_text() -> None:
    text = "见报告(S/2019/\n455)。"
    (found,) = patterns.symbols(text)
    assert text[found.start : found.end] == "S/2019/\n455"


def test_no_symbol_is_joined_across_a_break_that_is_not_inside_one() -> None:
    # a symbol at a line end, then a numbered paragraph; a page number; an English ``and/ or``
    text = "报告(S/2019/455)\n12. 安理会指出\n2/4\n21-38716\nmembers and/ Or observers"
    assert [s.value for s in patterns.symbols(text)] == ["S/2019/455"]


# 2. Meeting records cited


def test_a_cited_meeting_record_is_a_document_cited() -> None:
    text = "安理会上一次讨论这个问题是在2014年5月(见S/PV.7210),以及S/2014/330号文件。"
    assert [s.value for s in patterns.cited_symbols(text)] == ["S/PV.7210", "S/2014/330"]


def test_a_record_number_too_short_or_a_resolution_is_not_a_cited_record() -> None:
    assert patterns.cited_symbols("S/PV.12 与 S/RES/2200(2015)") == []


def test_a_record_cited_in_a_letter_is_not_the_letters_own_symbol() -> None:
    facts = _extract(_letter("安理会曾就此举行公开辩论(见S/2018/95和S/PV.8185)。"))
    assert facts.symbol is None


def test_a_records_own_symbol_opens_its_running_header_line() -> None:
    text = "S/PV.8185 维持和平行动 28/03/2018\n主席：某某先生\n安全理事会第8185次会议\n"
    assert _extract(text).symbol == "S/PV.8185"


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # a post named after the country it deals with names the post (S/PRST/2012/20)
        ("欢迎任命联合国和阿拉伯国家联盟叙利亚问题联合特别代表。", []),
        ("欢迎任命叙利亚问题联合特别代表，叙利亚政府表示欢迎。", ["SYR"]),
        # standard abbreviations of a pair (Xinhua 1982, S/PRST/2012/20, a 2026 report)
        ("凌青一直就马尔维纳斯地区的形势同英、阿双方保持着接触。", ["GBR", "ARG"]),
        ("并寻求全面解决阿以冲突。", ["ISR"]),
        ("中俄在安理会表决中投弃权票。", ["CHN", "RUS"]),
        ("中美洲局势。", []),
    ],
)
def test_states_named_otherwise_than_by_name(text: str, states: list[str]) -> None:
    facts = _extract("安全理事会主席声明\n" + text)
    assert [m.value for m in facts.states_mentioned] == states


# --- meeting records cited by symbol ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("他在大会的发言(A/51/PV.14)受到注意。", ["A/51/PV.14"]),
        ("见A/ES-10/PV.21和S/PV.4500。", ["A/ES-10/PV.21", "S/PV.4500"]),
        ("另见大会决议A/RES/51/2。", ["A/RES/51/2"]),
    ],
)
def test_meeting_records_are_cited(text: str, cited: list[str]) -> None:
    assert [f.value for f in patterns.cited_symbols(text)] == cited


@pytest.mark.parametrize("text", ["大会A/51/PV号文件", "A/123/PV.4", "S/PV.12"])
def test_no_meeting_record(text: str) -> None:
    assert [f.value for f in patterns.cited_symbols(text) if "PV" in f.value] == []


def test_a_cited_meeting_record_is_a_document_cited_but_not_the_records_own_symbol() -> None:
    text = RECORD_SIR.replace(
        "汤加支持海地人民。", "汤加支持海地人民，正如我们在上次辩论(见S/PV.7012)中所说。"
    )
    cited = {m.value for m in extract_text(text, "S-PV-7777.txt").documents_cited}
    assert "S/PV.7012" in cited
    # negative: the record's own symbol
    assert "S/PV.7777" not in cited
