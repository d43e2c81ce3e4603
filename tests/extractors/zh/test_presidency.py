"""Presidencies. Merged from test_extract_other_presidencies.py: letters of other
presidencies, in other words than the dev letters: written for these tests
(``data/``) in the layout of the dev documents (PDF-extracted text), so that the rules cannot
fit seven texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

from ._letters import argentine_letter, extract
from ._real import real

DATA = Path(__file__).resolve().parents[1] / "data"

# India, August 2021: presidency "在印度担任安全理事会 8 月份主席期间", theme "关于“…”的", chair a
# head of government, briefers after a heading with a colon, a tentative mark on one of them.
INDIA = (DATA / "IND-2021-07-30-letter.zh.txt").read_text(encoding="utf-8")

# Kenya, October 2021: "轮值主席国", agenda item "在“…”议程项目下", briefers as (a) (b) (c),
# in person, no formal outcome, the signature without a title line between.
KENYA = (DATA / "KEN-2021-10-01-letter.zh.txt").read_text(encoding="utf-8")


def test_india_letter() -> None:
    facts = extract_text(INDIA, "IND.txt")
    assert (facts.symbol, facts.date, facts.issued) == ("S/2021/700", "2021-07-30", "2021-08-02")
    assert facts.author is not None and (facts.author.name, facts.author.state) == (
        "蒂鲁穆尔蒂",
        "IND",
    )
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("IND", 2021, 8)]
    meeting = facts.meetings[0]
    assert (meeting.date, meeting.time, meeting.format, meeting.virtual) == (
        "2021-08-09",
        "10:00",
        "high-level open debate",
        True,
    )
    assert meeting.theme[0] == "维护国际和平与安全：海上安全"
    assert (meeting.chair, meeting.outcome) == ("纳伦德拉·莫迪", "presidential statement")
    assert [(b.name, b.tentative) for b in meeting.briefers] == [
        ("安东尼奥·古特雷斯", False),
        ("加达·瓦利", False),
        ("穆萨·法基·穆罕默德", True),
    ]
    assert [m.value for m in facts.states_mentioned] == ["IND", "SOM"]  # not 几内亚湾


def test_kenya_letter() -> None:
    facts = extract_text(KENYA, "KEN.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("KEN", 2021, 10)]
    meeting = facts.meetings[0]
    assert (meeting.date, meeting.time, meeting.format) == ("2021-10-12", "15:00", "open debate")
    assert (meeting.virtual, meeting.outcome, meeting.agenda_item) == (
        False,
        None,
        "非洲和平与安全",
    )
    assert meeting.chair == "乌胡鲁·肯雅塔"
    assert [(b.name, b.title, b.tentative) for b in meeting.briefers] == [
        ("安东尼奥·古特雷斯", "秘书长", False),
        ("穆萨·法基·穆罕默德", "非洲联盟委员会主席", False),
        ("萨尔瓦·基尔·马亚尔迪特", "南苏丹总统", True),
    ]
    roles = {r.name: r.role for r in facts.representatives}
    assert roles == {"马丁·基马尼": "Permanent Representative", "乌胡鲁·肯雅塔": "President"}


ESTONIA = (
    "2021年6月1日爱沙尼亚常驻联合国代表给秘书长和安全理事会主席的同文信\n"
    "爱沙尼亚作为安全理事会2021年6月份主席，将于2021年6月29日举行一次主题为“网络安全”的公开辩论。\n"
    "通报人：秘书长安东尼奥·古特雷斯；裁军事务高级代表中满泉(待定)。\n"
    "爱沙尼亚常驻联合国代表\n斯文·于尔根松(签名)\n"
)


def test_identical_letters_and_briefers_after_a_colon() -> None:
    """``同文信`` is a letter too; items ended by ``；`` keep their own tentative mark."""
    facts = extract_text(ESTONIA, "EST.txt")
    assert facts.author is not None and (facts.author.name, facts.author.state) == (
        "斯文·于尔根松",
        "EST",
    )
    assert [(b.name, b.title, b.tentative) for b in facts.meetings[0].briefers] == [
        ("安东尼奥·古特雷斯", "秘书长", False),
        ("中满泉", "裁军事务高级代表", True),
    ]


def test_two_briefers_joined_by_he_in_a_sentence() -> None:
    text = ESTONIA.replace(
        "通报人：秘书长安东尼奥·古特雷斯；裁军事务高级代表中满泉(待定)。",
        "秘书长安东尼奥·古特雷斯和主管政治和建设和平事务副秘书长罗斯玛丽·迪卡洛将向安理会通报情况。",
    )
    briefers = extract_text(text, "EST.txt").meetings[0].briefers
    assert [(b.name, b.title) for b in briefers] == [
        ("安东尼奥·古特雷斯", "秘书长"),
        ("罗斯玛丽·迪卡洛", "主管政治和建设和平事务副秘书长"),
    ]


def test_outcome_under_its_heading() -> None:
    text = ESTONIA.replace("通报人：", "成果\n安理会成员将发表一份新闻谈话。\n通报人：")
    assert extract_text(text, "EST.txt").meetings[0].outcome == "press statement"


# Real: a dispatch reposted on a forum, its month the post's (``发表于: 1982-05-04``).
REAL_TURNS = [("Xinhua-1982-05-02-presidency-CHN.excerpt.zh.txt", [("CHN", 1982, 5)])]


@pytest.mark.parametrize(("name", "expected"), REAL_TURNS)
def test_the_turn_of_the_month(name: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(p.state, p.year, p.month) for p in real(name).presidencies] == expected


# Merged from test_extract_metadata_2.py (written for those tests, none of the held-out
# sentences).


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


# --- a presidency month in parentheses after 本届/本月 ---------------------------------------


def test_presidency_month_in_parentheses() -> None:
    text = argentine_letter(
        "阿根廷作为本届(2013 年 10 月)安全理事会主席，谨通知您，安理会将于2013年10月22日"
        "上午10时举行一次公开辩论。"
    )
    assert [(p.state, p.year, p.month) for p in extract(text).presidencies] == [("ARG", 2013, 10)]
    full_width = argentine_letter(
        "阿根廷担任本月（２０１３年１０月）安理会主席，谨通知您，安理会将举行会议。"
    )
    assert [(p.state, p.month) for p in extract(full_width).presidencies] == [("ARG", 10)]


def test_parenthesised_month_without_presidency_is_none() -> None:
    text = argentine_letter(
        "阿根廷在本届(2013 年 10 月)会议上提出了一项倡议，安理会将于2013年10月22日开会。"
    )
    assert extract(text).presidencies == ()


# --- presidency months in words --------------------------------------------------------

IRISH_LETTER = (
    "2024年10月3日爱尔兰常驻联合国代表给秘书长的信\n"
    "谨通知你，{presidency}，安理会将于2024年{month}月14日(星期四)上午10时举行一次公开辩论，"
    "题为“气候、和平与粮食安全”。辩论将在“维护国际和平与安全”议程项目下举行，{mode}。\n"
    "请将本信作为安全理事会文件分发为荷。\n"
)


def _irish_letter(presidency: str, month: int = 11, mode: str = "会议以面对面方式举行") -> str:
    return IRISH_LETTER.format(presidency=presidency, month=month, mode=mode)


@pytest.mark.parametrize(
    ("presidency", "month"),
    [
        ("在爱尔兰担任安全理事会主席的十一月份", 11),
        ("在爱尔兰担任安理会轮值主席期间的十一月", 11),
        ("爱尔兰作为十一月份安全理事会主席", 11),
        ("爱尔兰将于十二月担任安全理事会主席", 12),
        ("爱尔兰作为安理会二月份主席", 2),  # a month far before the letter's: the next year
    ],
)
def test_presidency_month_in_words(presidency: str, month: int) -> None:
    facts = extract_text(_irish_letter(presidency, month), "IRL.txt")
    year = 2025 if month == 2 else 2024
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("IRL", year, month)]


def test_a_month_in_words_outside_a_presidency_is_none() -> None:
    text = (
        _irish_letter("爱尔兰每年一月都会举办纪念活动")
        + "我国担任安理会成员期间每年十二月发布报告。\n"
    )
    assert extract_text(text, "IRL.txt").presidencies == ()
