"""Document metadata, presidencies, resolutions and citations: rules generalised from the misses
of the sixth to eighth held-out sets, checked on wordings, names, states, dates and numbers
written for these tests (none of the held-out sentences): symbols broken by PDF extraction,
meeting records cited, more wordings of a presidency, a letter without its header line, and a
resolution's adoption read from its footnote."""

from __future__ import annotations

import pytest
from unsckg.extractors import patterns
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _presidencies(text: str) -> set[tuple[str, int, int]]:
    return {(p.state, p.year, p.month) for p in _extract(text).presidencies}


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


# 3. More wordings of a presidency


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the first day of the month, then ``起``
        ("挪威将自2019年3月1日起担任安全理事会主席。", ("NOR", 2019, 3)),
        # the state between the month and the verb
        ("2019年3月挪威接任安全理事会主席一职后,安理会将举行一次辩论。", ("NOR", 2019, 3)),
        ("谨通知你,2019年3月由挪威王国主持安全理事会的工作。", ("NOR", 2019, 3)),
        # the month after the presidency it is of
        ("值此挪威主持安全理事会工作的2019年3月,安理会将举行一次辩论。", ("NOR", 2019, 3)),
        ("挪威担任安全理事会主席的本月,安理会将举行一次辩论。", ("NOR", 2019, 2)),
        # another state's presidency, named after the Council's president of the month
        ("会议的安排已通报安理会3月份主席秘鲁常驻代表团。", ("PER", 2019, 3)),
    ],
)
def test_presidency_wordings(body: str, expected: tuple[str, int, int]) -> None:
    assert expected in _presidencies(_letter(body))


@pytest.mark.parametrize(
    "body",
    [
        # chairing a meeting is not presiding over the Council
        "2019年3月由挪威外交部长主持会议。",
        # no state between the month and the verb
        "2019年3月以来,多个国家先后担任安全理事会主席。",
        # the Council's president of the month, but no state named after it
        "安理会3月份主席的信已分发,安全理事会3月份主席声明也已通过。",
    ],
)
def test_no_presidency_from_wordings_that_state_none(body: str) -> None:
    facts = _extract(_letter(body, state="秘鲁"))
    assert {p.state for p in facts.presidencies} <= {"PER"} and not [
        p for p in facts.presidencies if p.month == 3
    ]


# 4. The author of a letter copied without its header line


UNHEADED = (
    "秘鲁常驻联合国代表团\n"
    "2019年4月2日,纽约\n"
    "阁下：\n"
    "我谨邀请贵代表团出席一次阿里亚办法会议。\n"
    "顺致最崇高的敬意。\n"
    "{title}"
    "古斯塔沃·梅萨-夸德拉(签名)\n"
    "致：联合国全体会员国常驻代表\n"
)


def test_a_letter_without_header_has_the_signatory_of_its_post_as_author() -> None:
    facts = _extract(UNHEADED.format(title="秘鲁常驻联合国代表\n"))
    assert facts.author is not None
    assert (facts.author.name, facts.author.state) == ("古斯塔沃·梅萨-夸德拉", "PER")
    assert facts.author.role == "Permanent Representative"


def test_a_name_signed_without_a_post_is_no_author() -> None:
    assert _extract(UNHEADED.format(title="")).author is None


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
