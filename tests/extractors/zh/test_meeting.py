"""Meetings (``extractors/zh/meeting.py``, ``meeting_sections.py``): dates, formats, themes,
agenda items, chairs, outcomes, sections and the briefers and presidencies around them, on texts
written for these tests (other states, months, people). Merged from the round-named files
set9_meetings, set11_meetings, set12_meetings, meetings_2 and meeting_wordings: a text and the
meeting details read from it is one row of ``CASES``; what needs more stays a test of its own.
The wordings alone are examples in ``extractors/zh/wordings/meeting.toml``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import DocumentFacts, Meeting
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import NormalisedText
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import briefers, explanation, people, representatives
from unsckg.extractors.zh.briefer_items import plain_marks

from ._letters import argentine_letter


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _briefers(text: str) -> list[tuple[str | None, str | None, bool]]:
    facts = _extract(text)
    assert facts.meetings
    return [(b.name, b.title, b.tentative) for b in facts.meetings[0].briefers]


def _listed(clean: str) -> list[str | None]:
    """The briefers' names read from ``clean`` taken as already normalised text: the list rules
    checked apart from how normalisation lays out a PDF page."""
    norm = NormalisedText(clean, clean, tuple(range(len(clean))))
    return [b.name for b in briefers.extract(Context("t.zh.txt", norm))]


_OPENING = (
    "2012年5月3日秘鲁常驻联合国代表给秘书长的信\n"
    "秘鲁谨通知你，安理会将于2012年5月16日上午10时举行一次公开辩论，主题为“小武器问题”。\n"
)


_set9_SIGNED = "请将本信作为安全理事会文件分发为荷。\n秘鲁常驻联合国代表\n古斯塔沃·梅萨(签名)\n"


# 6. A signature with the mark before the name, its posts below
def _signed_first(posts: str) -> str:
    return (
        "2012年5月3日秘鲁常驻联合国代表给秘书长的信\n"
        "秘鲁谨通知你，安理会将于2012年5月16日上午10时举行一次公开辩论。\n"
        "请将本信作为安全理事会文件分发为荷。\n"
        f"(签名)古斯塔沃·梅萨\n{posts}"
    )


# 7. A presidency month in apposition to a relative month
def _presidencies(text: str) -> set[tuple[str, int, int]]:
    return {(p.state, p.year, p.month) for p in _extract(text).presidencies}


_set11_HEADER = "2009年3月2日乌拉圭常驻联合国代表给秘书长的信\n"


_set11_SIGNED = (
    "请将本信作为安全理事会文件分发为荷。\n乌拉圭常驻联合国代表\n何塞·路易斯·卡诺(签名)\n"
)


def _set11_meeting(body: str) -> Meeting:
    facts = _extract(_set11_HEADER + body + "\n" + _set11_SIGNED)
    assert facts.meetings
    return facts.meetings[0]


def _context(clean: str) -> Context:
    """``clean`` taken as already normalised text."""
    return Context("t.zh.txt", NormalisedText(clean, clean, tuple(range(len(clean)))))


# 5. A meeting record's cover table flattened one cell per line
_FLAT_RECORD = (
    "联合国\nS/PV.4811\n安全理事会\n第五十八年\n第4811次会议\n2003年8月20日星期三上午11时\n纽约\n"
    "主席：\n雷耶斯先生\n(墨西哥)\n"
    "成员：\n安哥拉\n加斯帕尔·马丁斯先生\n保加利亚\n塔夫罗夫先生\n喀麦隆\n"
    "贝莱先生\n智利\n穆尼奥斯先生\n德国\n普洛伊格尔先生\n巴基斯坦\n阿克拉姆先生\n"
    "大不列颠及北爱尔兰联合王国\n琼斯·帕里爵士\n"
    "议程\n中东局势\n"
    "上午11时10分开会。\n"
    "主席(以西班牙语发言)：我宣布会议开始。\n"
)


_set12_HEADER = "2013年10月3日阿根廷常驻联合国代表给秘书长的信\n"


_set12_SIGNED = (
    "请将本信作为安全理事会文件分发为荷。\n阿根廷常驻联合国代表\n玛丽亚·克里斯蒂娜·佩塞瓦尔(签名)\n"
)


def _facts(body: str) -> DocumentFacts:
    return _extract(_set12_HEADER + body + "\n" + _set12_SIGNED)


def _set12_meeting(body: str) -> Meeting:
    facts = _facts(body)
    assert facts.meetings
    return facts.meetings[0]


# 5. A chair's clause broken by a short PDF line
_WRAPPED_LETTER = (
    "2013年10月3日大韩民国常驻联合国代表给秘书长的信\n"
    "值此大韩民国担任2013年10月安全理事会主席之际，我国政府拟于2013年\n"
    "10月21日(星期一)上午10时举行一次公开辩论，该辩论将由大韩民国外\n"
    "交部长尹炳\n"
    "世主持。为便利讨论，我谨随函附上一份概念说明。请将本信作为安全理事会文件分发\n"
    "为荷。\n"
    "金淑(签名)\n"
    "常驻代表\n"
)


# 6. A member table flattened two members to a line
_TWO_COLUMNS = (
    "主席：雷耶斯先生..............(墨西哥)\n"
    "成员：安哥拉..............加斯帕尔·马丁斯先生保加利亚..........塔夫罗夫先生\n"
    "喀麦隆..............贝莱先生智利................穆尼奥斯女士\n"
    "大不列颠及北爱尔兰联合王国........................琼斯·帕里爵士\n"
    "议程\n中东局势\n"
)


TWO_MEETINGS = (
    "2024年5月20日厄瓜多尔常驻联合国代表给秘书长的信\n"
    "在厄瓜多尔担任安全理事会主席的本月，安理会将于2024年6月12日(星期三)上午10时举行一次"
    "公开辩论，主题为“山地社区的韧性与和平”。辩论将由厄瓜多尔外交部长罗莎·维拉韦德主持。\n"
    "此外，作为辩论的筹备活动，厄瓜多尔将于2024年6月5日(星期三)下午2时召集一次阿里亚模式会议，"
    "题为“冰川消融与水资源争端”。{arria_mode}会议将由我本人主持，其他会员国亦可参加。\n"
    "两次会议的概念说明附于本信之后。\n"
    "请将本信及其附件作为安全理事会文件分发为荷。\n"
    "常驻代表\n"
    "何塞·德拉加斯卡(签名)\n"
    "2024年5月20日厄瓜多尔常驻联合国代表给秘书长的信的附件一\n"
    "{first_title}\n"
    "1. 山地社区受到气候变化的严重影响。\n"
    "通报人\n"
    "• 联合国秘书长安东尼奥·古特雷斯\n"
    "• 联合国环境规划署执行主任英格·安德森\n"
    "\n"
    "2024年5月20日厄瓜多尔常驻联合国代表给秘书长的信的附件二\n"
    "{second_title}\n"
    "1. 冰川消融影响下游国家的供水。\n"
    "通报人\n"
    "• 世界气象组织秘书长塞莱斯特·绍洛\n"
    "• 安第斯山区研究所所长 Lucia Paredes(待确认)\n"
)


def _two_meetings(**parts: str) -> tuple[str, tuple[Meeting, ...]]:
    defaults = {
        "arria_mode": "这次阿里亚模式会议将以视频会议方式举行。",
        "first_title": "安全理事会“山地社区的韧性与和平”公开辩论概念说明",
        "second_title": "关于“冰川消融与水资源争端”的阿里亚模式会议概念说明",
    }
    text = TWO_MEETINGS.format(**{**defaults, **parts})
    return text, extract_text(text, "ECU.txt").meetings


def _names(meeting: Meeting) -> list[str | None]:
    return [b.name for b in meeting.briefers]


SINGLE = (
    "2023年9月4日加纳常驻联合国代表给秘书长的信\n"
    "谨通知你，安理会将于2023年9月19日(星期二)上午10时举行一次{kind}，主题为“海洋资源与沿海安全”。"
    "去年安理会曾就类似问题举行公开辩论。会议将由加纳外交部长史蒂芬·阿多主持。\n"
    "{extra}"
    "请将本信作为安全理事会文件分发为荷。\n"
    "常驻代表\n"
    "哈罗德·阿久曼(签名)\n"
    "通报人\n"
    "• 联合国秘书长安东尼奥·古特雷斯\n"
)


def _single(kind: str = "阿里亚办法会议", extra: str = "") -> tuple[Meeting, ...]:
    return extract_text(SINGLE.format(kind=kind, extra=extra), "GHA.txt").meetings


ARRIA_THEME = (
    "2022年3月1日爱尔兰常驻联合国代表给秘书长的信\n"
    "爱尔兰将于2022年3月15日(星期二)下午3时召集一次阿里亚办法会议，讨论水与冲突问题。"
    "会议将由{chair}主持。\n"
    "常驻代表\n"
    "杰拉尔丁·伯恩·纳森(签名)\n"
    "附件\n"
    "关于“{theme}”的阿里亚办法会议概念说明\n"
)


STATEMENT = (
    "安全理事会主席的声明\n"
    "{opening}，由安全理事会主席代表安理会发表如下声明：\n"
    "“安全理事会欢迎{event}。”\n"
)


LETTER_M2 = (
    "2017年2月20日乌克兰常驻联合国代表给秘书长的信\n"
    "安理会定于2017年3月7日{when}举行一次情况通报会，{agenda}主题为“基础设施保护”。{outcome}\n"
    "常驻代表\n"
    "沃洛德梅尔·叶利琴科(签名)\n"
)


def _m2_letter(when: str = "(星期二)上午10时", agenda: str = "", outcome: str = "") -> Meeting:
    text = LETTER_M2.format(when=when, agenda=agenda, outcome=outcome)
    return extract_text(text, "UKR.txt").meetings[0]


LETTER_WORDINGS = (
    "2023年2月24日瑞士常驻联合国代表给秘书长的信\n"
    "谨通知你，{presidency}，将于2023年3月16日(星期四)上午10时，在“{agenda}”议程项目之下"
    "举行一次公开辩论，主题为“水与和平”。\n"
    "4.公开辩论将在安全理事会会议厅以面对面方式举行，由瑞士联邦委员伊尼亚齐奥·卡西斯主持。\n"
    "5.{outcome}\n"
    "请将本信及其附件作为安全理事会文件分发为荷。\n"
    "帕斯卡莱·贝里斯维尔(签名)\n"
)


def _wordings_letter(**parts: str) -> str:
    defaults = {
        "presidency": "瑞士担任2023年3月安全理事会主席",
        "agenda": "维护国际和平与安全",
        "outcome": "会议拟议成果为一项新闻声明。",
    }
    return LETTER_WORDINGS.format(**{**defaults, **parts})


def _only_meeting(text: str) -> Meeting | None:
    """The one meeting a text states, or None where it states none."""
    meetings = _extract(text).meetings
    assert len(meetings) <= 1
    return meetings[0] if meetings else None


def _reported(text: str) -> tuple[str | None, str | None] | None:
    meeting = _only_meeting(text)
    return None if meeting is None else (meeting.date, meeting.number)


# Each case: how the text is read (a helper above), the text, and the meeting's details
# expected (attribute -> value).
CASES = [
    # --- from set9_meetings ---
    # --- from set11_meetings ---
    # 1. A title written right after ``会议``, without a comma
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月18日上午10时举行一次阿里亚办法会议，"
        "会议题为“沙漠化与农村冲突”，欢迎各代表团参加。",
        {"theme": ("沙漠化与农村冲突",)},
        id="a_title_glued_to_the_meeting_is_its_theme",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月18日举行一次公开辩论会题为“内陆国家的过境通道”。",
        {"theme": ("内陆国家的过境通道",)},
        id="a_debate_titled_without_a_comma_is_its_theme_too",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月18日上午10时举行会议。"
        "秘书长的报告题为“渔业资源管理”。会议题为“西撒哈拉局势”的项目将继续审议。",
        {"theme": ()},
        id="a_report_title_or_an_item_after_the_meeting_is_no_theme",
    ),
    # 2. A debate's focus: ``集中讨论“…”``
    pytest.param(
        _set11_meeting,
        "安全理事会定于2009年3月25日(星期三)下午3时举行一次公开辩论，重点讨论“选举期间的暴力预防”。",
        {"theme": ("选举期间的暴力预防",), "format": "open debate"},
        id="the_focus_of_a_debate_is_its_theme",
    ),
    # the item discussed is the theme only as an item considered (no title is given)
    pytest.param(
        _set11_meeting,
        "安全理事会定于2009年3月25日下午3时举行会议，集中讨论“东帝汶局势”项目，"
        "并专门讨论“维和人员的培训”的各个方面。",
        {"theme": ("东帝汶局势",), "agenda_item": None},
        id="a_focus_quoted_as_an_item_or_a_phrase_is_no_focus_theme",
    ),
    # 3. The item named as what the Council considers
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "这次辩论属于安理会对“中亚局势”项目的审议。",
        {"agenda_item": "中亚局势", "theme": ("边境管理",)},
        id="the_item_whose_consideration_the_debate_is_part_of_is_the_agenda_item",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "我们期待安理会对“年度报告”的审议。",
        {"agenda_item": None},
        id="a_quoted_report_considered_is_no_agenda_item",
    ),
    # 4. A statement the President will make on the Council's behalf
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "辩论结束时，安理会主席将代表安理会发表一份声明。",
        {"outcome": "presidential statement"},
        id="a_statement_on_the_councils_behalf_is_a_presidential_statement",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "预计会后主席将代表安全理事会就此宣读一项声明。",
        {"outcome": "presidential statement"},
        id="a_statement_expected_on_the_councils_behalf_is_one_too",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次通报会，主题为“边境管理”。"
        "会后主席拟代表安理会发表新闻声明。",
        {"outcome": "press statement"},
        id="a_press_statement_on_the_councils_behalf_stays_a_press_statement",
    ),
    pytest.param(
        _set11_meeting,
        "安全理事会将于2009年3月25日举行一次通报会，主题为“边境管理”。"
        "去年主席曾代表安理会发表一项声明。本次会议主席不将代表安理会发表声明。",
        {"outcome": None},
        id="a_past_or_ruled_out_statement_on_the_councils_behalf_is_no_outcome",
    ),
    # --- from set12_meetings ---
    # 1. A theme after ``题目是`` / ``题目为``
    pytest.param(
        _set12_meeting,
        "我国政府拟于2013年10月21日上午10时举行一次公开辩论，题目是“妇女与和平：冲突后的司法”。",
        {"theme": ("妇女与和平：冲突后的司法",)},
        id="a_debate_titled_with_timu_has_that_theme",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次通报会，题目为“小武器的非法流动”。",
        {"theme": ("小武器的非法流动",)},
        id="timu_wei_reads_the_same",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次通报会。秘书长报告的题目是“年度维和审查”。",
        {"theme": ()},
        id="a_reports_title_after_timu_is_no_theme",
    ),
    # 2. An agenda item the debate is filed under (``列于“X”议程项目之下``)
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论。该辩论列于“儿童与武装冲突”议程项目之下。",
        {"agenda_item": "儿童与武装冲突"},
        id="a_debate_filed_under_an_item_has_that_agenda_item",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论，列于“海地问题”这一项目下。",
        {"agenda_item": "海地问题"},
        id="filed_under_with_apposition_reads_the_same",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论。有关数据列于“附录”一节。",
        {"agenda_item": None},
        id="something_filed_under_a_quoted_heading_that_is_no_item_is_no_agenda",
    ),
    # 3. A meeting said to be an in-person one
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论。公开辩论为线下会议，"
        "一名通报人将通过视频链接发言。",
        {"virtual": False},
        id="a_debate_said_to_be_an_in_person_meeting_is_not_virtual",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次通报会。本次会议是一次现场会议。",
        {"virtual": False},
        id="one_held_on_site_said_with_shi_is_not_virtual_either",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次通报会。本次会议不是线下会议。",
        {"virtual": None},
        id="a_meeting_said_not_to_be_in_person_is_not_read_as_one",
    ),
    # --- from meetings_2 ---
    # --- from meeting_wordings ---
]


# A resolution page's adopting line and a news report's lead: the meeting reported (date, number).
REPORTED = [
    pytest.param(
        "1979年12月3日\n第457(1979)号决议\n安全理事会,\n1.促请各方克制;\n第2172次会议一致通过。\n",
        ("1979-12-03", "2172"),
        id="a_resolution_page_s_adopting_line_on_its_heading_s_date",
    ),
    pytest.param(
        "一九六五年五月四日\n决议案二〇九(一九六五)\n安全理事会,\n第一二一四次会议以十票对零通过。\n",
        ("1965-05-04", "1214"),
        id="an_adopting_line_in_chinese_numerals_read_digit_by_digit",
    ),
    pytest.param(
        "五(一九四六). 一九四六年五月八日决议案\n安全理事会,\n第四十次会议以十票对零通过。\n",
        ("1946-05-08", "40"),
        id="an_adopting_line_in_chinese_numerals_with_units",
    ),
    pytest.param(
        "联合国安理会第1520号决议\n安全理事会\n又回顾其早先在2003年9月12日第1506(2003)号决议中"
        "作出的决定,\n1. 决定继续处理此案。\n\n第4830次会议一致通过。\n",
        (None, "4830"),
        id="a_page_without_a_dated_heading_gives_the_number_alone",
    ),
    pytest.param(
        "2021年3月4日安全理事会举行第8765次会议审议题为“也门局势”的项目。\n",
        ("2021-03-04", "8765"),
        id="a_numbered_meeting_the_council_held_on_a_date",
    ),
    pytest.param(
        "日期:2019-11-15 10:20\n"
        "新华社联合国11月14日电 联合国安理会14日一致通过第2497号决议,决定延长任期。\n",
        ("2019-11-14", None),
        id="a_dateline_s_day_in_the_page_s_month",
    ),
    pytest.param(
        "2019-12-02 08:00 来源:某报\n"
        "当地时间11月29日,在联合国安理会叙利亚问题通报会上,代表发言。\n",
        ("2019-11-29", None),
        id="a_lead_s_month_and_day_before_the_page_s_date",
    ),
    pytest.param(
        "2019-12-02 08:00\n30日,联合国安理会就某决议草案进行表决。\n",
        ("2019-11-30", None),
        id="a_day_alone_in_the_month_before",
    ),
    pytest.param(
        "2019-12-02 08:00\n联合国安理会将于下周举行会议。\n",
        None,
        id="a_lead_without_a_day_reports_no_meeting",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_meetings(text: str, expected: tuple[str | None, str | None] | None) -> None:
    assert _reported(text) == expected


@pytest.mark.parametrize(("read", "text", "expected"), CASES)
def test_meeting_details(
    read: Callable[[str], Any], text: str, expected: dict[str, object]
) -> None:
    meeting = read(text)
    assert {name: getattr(meeting, name) for name in expected} == expected


# 1. A web copy's cover flattened onto one line
def test_a_flattened_cover_line_gives_the_symbol_and_it_is_not_cited() -> None:
    text = (
        "S/2012/318  安全理事会  Distr.: General  4 May 2012  Chinese  Original: Spanish\n"
        + _OPENING
        + _set9_SIGNED
    )
    facts = _extract(text)
    assert facts.symbol == "S/2012/318"
    assert "S/2012/318" not in [d.value for d in facts.documents_cited]


def test_a_symbol_opening_a_sentence_is_no_flattened_cover() -> None:
    text = _OPENING + "S/2012/200 号文件所载报告中的建议得到支持。\n" + _set9_SIGNED
    assert _extract(text).symbol is None


# 2. A clock time with a full-width colon and a period of the day
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("下午4：30在", "16:30", id="full_width_colon_after_afternoon_is_24_hour"),
        pytest.param("上午9:15", "09:15", id="a_morning_time_with_a_colon_keeps_its_hour"),
        pytest.param("比例为123：45", None, id="a_ratio_inside_digits_is_no_time"),
    ],
)
def test_clock_times(text: str, expected: str | None) -> None:
    found = patterns.time_at(text, 0)
    assert (found.value if found else None) == expected


# 3. Briefer labels numbered before their colon
def test_numbered_briefer_labels_each_give_one_briefer() -> None:
    text = (
        _OPENING
        + "\n二、通报人\n\n"
        + "通报人1：主管政治事务副秘书长林恩·帕斯科先生；\n"
        + "通报人2：国际刑警组织秘书长罗纳德·诺布尔先生（尚待确认）。\n\n"
        + _set9_SIGNED
    )
    assert _briefers(text) == [
        ("林恩·帕斯科", "主管政治事务副秘书长", False),
        ("罗纳德·诺布尔", "国际刑警组织秘书长", True),
    ]


def test_a_label_with_a_range_or_a_count_gives_no_briefer() -> None:
    # a count in a sentence, a range of labels with no entry: neither is a numbered label
    assert _listed("通报人\n通报人2名，将另行通知。\n") == []
    assert _listed("通报人\n通报人一至四：另行通知\n") == []


# 4. Marks with an adverb or a remark in the parenthesis
def test_a_mark_with_an_adverb_or_a_remark_is_the_plain_mark_at_the_same_length() -> None:
    for entry in ("司长张伟(仍待定)", "主任X·Y(待确认，将从内罗毕远程发言)"):
        plain = plain_marks(entry)
        assert len(plain) == len(entry)
        assert people.TENTATIVE.search(plain)


def test_a_parenthesis_without_a_mark_is_left_as_it_is() -> None:
    entry = "主任X·Y(将从内罗毕远程发言，待会议确认议程)"
    assert plain_marks(entry) == entry


def test_a_remark_after_the_mark_keeps_the_briefer_tentative() -> None:
    text = (
        _OPENING
        + "通报人：\n"
        + "1.秘书长潘基文\n"
        + "2.世界银行行长罗伯特·佐利克(待确认，将通过视频连线从华盛顿作通报)\n"
        + "3.国际移民组织代表(待定)\n"
        + _set9_SIGNED
    )
    assert _briefers(text) == [
        ("潘基文", "秘书长", False),
        ("罗伯特·佐利克", "世界银行行长", True),
        (None, "国际移民组织代表", True),
    ]


# 5. A briefer's name broken across a page footer with a bare page number
@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        pytest.param(
            "通报人：\n①秘书长潘基文\n②主管人道主义事务副秘书长瓦莱丽·阿莫\n12-33104 2\n斯\n"
            "③国际原子能机构总干事天野之弥\n",
            ["潘基文", "瓦莱丽·阿莫斯", "天野之弥"],
            id="a_name_broken_by_a_job_number_footer_is_joined",
        ),
        pytest.param(
            "通报人：\n①秘书长潘基文\n②难民署高级专员安东尼奥·古特\n5 12-33104\n雷斯\n",
            ["潘基文", "安东尼奥·古特雷斯"],
            id="a_page_first_footer_is_furniture_too",
        ),
        pytest.param(
            "通报人：\n①秘书长潘基文\n②主管人道主义事务副秘书长瓦莱丽·阿莫斯\n2012 2\n斯\n",
            ["潘基文", "瓦莱丽·阿莫斯"],
            id="a_line_of_numbers_without_a_job_number_is_no_footer",
        ),
    ],
)
def test_a_page_footer_inside_a_list(clean: str, expected: list[str]) -> None:
    assert _listed(clean) == expected


def test_a_name_after_the_signature_mark_with_a_post_below_is_the_author() -> None:
    author = _extract(_signed_first("大使\n常驻代表\n")).author
    assert author is not None
    assert (author.name, author.state, author.role) == (
        "古斯塔沃·梅萨",
        "PER",
        "Permanent Representative",
    )


def test_a_name_after_the_signature_mark_with_no_post_is_no_author() -> None:
    assert _extract(_signed_first("附件\n")).author is None


def test_a_month_in_apposition_to_next_month_is_the_presidency() -> None:
    text = (
        "2013年2月25日卢森堡常驻联合国代表给秘书长的信\n"
        "卢森堡将于下个月，即2013年3月，主持安全理事会的工作。\n" + _set9_SIGNED
    )
    assert ("LUX", 2013, 3) in _presidencies(text)


def test_a_month_in_apposition_without_the_council_s_work_is_no_presidency() -> None:
    text = (
        "2013年2月25日卢森堡常驻联合国代表给秘书长的信\n"
        "卢森堡将于下个月，即2013年3月，主持一次区域研讨会。\n" + _set9_SIGNED
    )
    assert not any(p[0] == "LUX" for p in _presidencies(text))


# 8. A statement's agenda item considered ``审议的“X”项目``
def test_a_quoted_title_after_considered_without_item_is_no_agenda_item() -> None:
    text = (
        "安全理事会主席的声明\n"
        "2011年3月8日，安全理事会第6490次会议通过了下列声明：\n"
        "“安全理事会审议的“布隆迪和平进程”报告令人鼓舞。”\n"
    )
    facts = _extract(text)
    assert not facts.meetings or facts.meetings[0].agenda_item is None


def test_a_flattened_cover_gives_every_member_and_its_representative() -> None:
    found = {(p.name, p.state) for p in _extract(_FLAT_RECORD).representatives}
    assert {
        ("雷耶斯", "MEX"),
        ("加斯帕尔·马丁斯", "AGO"),
        ("塔夫罗夫", "BGR"),
        ("贝莱", "CMR"),
        ("穆尼奥斯", "CHL"),
        ("普洛伊格尔", "DEU"),
        ("阿克拉姆", "PAK"),
        ("琼斯·帕里", "GBR"),
    } == found


def test_a_cell_that_is_no_state_gives_no_member() -> None:
    record = _FLAT_RECORD.replace("保加利亚\n塔夫罗夫先生", "日内瓦\n塔夫罗夫先生")
    found = {p.name for p in _extract(record).representatives}
    assert "塔夫罗夫" not in found and "贝莱" in found


def test_cells_after_the_agenda_are_no_members() -> None:
    record = _FLAT_RECORD + "秘鲁\n费雷罗先生\n"
    assert "费雷罗" not in {p.name for p in _extract(record).representatives}


# 6. Invitees seated at the table, whether or not they speak
def test_seated_invitees_are_representatives_with_their_state() -> None:
    ctx = _context(
        "应主席邀请，阿尔瓦雷斯先生(秘鲁)在安理会议席就座；"
        "田和平先生(新加坡)和安娜·科瓦奇女士(匈牙利)在安理会会议厅一侧为其保留的席位就座。\n"
    )
    assert [(p.name, p.state) for p in representatives.seated(ctx)] == [
        ("阿尔瓦雷斯", "PER"),
        ("田和平", "SGP"),
        ("安娜·科瓦奇", "HUN"),
    ]


def test_an_invitee_opening_the_sentence_is_read_too() -> None:
    ctx = _context("议程通过。奥孔乔先生(肯尼亚)在安理会议席就座。\n")
    assert [(p.name, p.state) for p in representatives.seated(ctx)] == [("奥孔乔", "KEN")]


def test_invitees_named_by_their_delegation_only_are_no_persons() -> None:
    ctx = _context("应主席邀请，秘鲁代表和新加坡代表在安理会议席就座。\n")
    assert representatives.seated(ctx) == []


def test_a_named_person_outside_a_seating_sentence_is_not_read_as_seated() -> None:
    ctx = _context("我们感谢阿尔瓦雷斯先生(秘鲁)的努力，并欢迎他的到来。\n")
    assert representatives.seated(ctx) == []


# 4. The chair read with where or how they preside from
def test_the_place_a_chair_presides_from_is_no_part_of_the_name() -> None:
    facts = _facts(
        "安全理事会将于2013年10月21日举行一次高级别公开辩论。"
        "辩论将由阿根廷共和国外交部长埃克托尔·蒂梅尔曼阁下在布宜诺斯艾利斯主持。"
    )
    assert facts.meetings[0].chair == "埃克托尔·蒂梅尔曼"
    found = {(p.name, p.state, p.role) for p in facts.representatives}
    assert ("埃克托尔·蒂梅尔曼", "ARG", "Minister for Foreign Affairs") in found


def test_a_chair_broken_by_a_short_line_is_read_whole() -> None:
    facts = _extract(_WRAPPED_LETTER)
    assert facts.meetings[0].chair == "尹炳世"
    found = {(p.name, p.state, p.role) for p in facts.representatives}
    assert ("尹炳世", "KOR", "Minister for Foreign Affairs") in found


def test_a_row_of_two_members_gives_both() -> None:
    found = {(p.name, p.state) for p in representatives.members(_context(_TWO_COLUMNS))}
    assert found == {
        ("加斯帕尔·马丁斯", "AGO"),
        ("塔夫罗夫", "BGR"),
        ("贝莱", "CMR"),
        ("穆尼奥斯", "CHL"),
        ("琼斯·帕里", "GBR"),
    }


def test_a_row_whose_middle_cell_ends_with_no_state_gives_no_glued_name() -> None:
    text = _TWO_COLUMNS.replace("贝莱先生智利", "贝莱先生日内瓦")
    names = {p.name for p in representatives.members(_context(text))}
    assert not any("日内瓦" in (name or "") for name in names)
    assert "穆尼奥斯" not in names and "加斯帕尔·马丁斯" in names


def test_two_member_rows_after_the_agenda_are_no_members() -> None:
    text = _TWO_COLUMNS + "秘鲁..........费雷罗先生巴拿马..........阿里亚斯先生\n"
    names = {p.name for p in representatives.members(_context(text))}
    assert not names & {"费雷罗", "阿里亚斯"}


# 7. Invitees seated at the table explain no vote
def test_a_seated_invitee_is_no_member_even_without_a_full_cover() -> None:
    ctx = _context(
        "主席：我收到斐济和塞内加尔代表的来信，请求参加讨论。\n"
        "应主席邀请，拉图先生(斐济)在安理会议席就座；恩迪亚耶先生(塞内加尔)在安理会议席旁就座。\n"
        "穆尼奥斯女士(智利)：我们投了赞成票。\n"
    )
    outsiders = explanation.non_members(ctx, Found())
    assert {"FJI", "SEN"} <= outsiders
    assert "CHL" not in outsiders


def test_each_of_two_announced_meetings_has_the_details_of_its_own_section() -> None:
    _, meetings = _two_meetings()
    debate, arria = meetings
    assert (debate.date, arria.date) == ("2024-06-12", "2024-06-05")
    assert (debate.format, arria.format) == ("open debate", "Arria-formula meeting")
    assert (debate.time, arria.time) == ("10:00", "14:00")
    assert (debate.virtual, arria.virtual) == (None, True)
    assert debate.theme == ("山地社区的韧性与和平",)
    assert arria.theme == ("冰川消融与水资源争端",)
    assert (debate.chair, arria.chair) == ("罗莎·维拉韦德", "何塞·德拉加斯卡")
    assert _names(debate) == ["安东尼奥·古特雷斯", "英格·安德森"]
    assert _names(arria) == ["塞莱斯特·绍洛", "Lucia Paredes"]


def test_evidence_of_a_fact_from_a_section_quotes_the_document() -> None:
    text, meetings = _two_meetings()
    for meeting in meetings:
        for briefer in meeting.briefers:
            assert briefer.evidence is not None
            quote = text[briefer.evidence.start : briefer.evidence.end]
            assert quote == briefer.evidence.quote
            assert briefer.name is not None and briefer.name in quote


def test_an_annex_whose_title_names_no_theme_goes_to_the_meeting_of_its_kind() -> None:
    _, (debate, arria) = _two_meetings(
        first_title="阿里亚模式会议概念说明", second_title="公开辩论概念说明"
    )
    # the first annex (with the first list) is about the Arria meeting now
    assert _names(arria) == ["安东尼奥·古特雷斯", "英格·安德森"]
    assert _names(debate) == ["塞莱斯特·绍洛", "Lucia Paredes"]


def test_the_open_debate_is_not_virtual_because_the_arria_meeting_is() -> None:
    _, (debate, arria) = _two_meetings()
    assert arria.virtual is True
    assert debate.virtual is None


def test_the_announced_kind_of_meeting_wins_over_a_debate_named_in_passing() -> None:
    (meeting,) = _single()
    assert meeting.format == "Arria-formula meeting"


def test_a_more_specific_kind_named_elsewhere_is_kept() -> None:
    (meeting,) = _single(kind="公开辩论", extra="这次部长级公开辩论欢迎所有会员国参加。\n")
    assert meeting.format == "ministerial open debate"


def test_a_letter_about_one_meeting_is_read_whole() -> None:
    """A second date that announces no meeting (a deadline) makes no section of its own."""
    (meeting,) = _single(kind="公开辩论", extra="请于2023年9月12日前报名发言。\n")
    assert meeting.format == "open debate"
    assert _names(meeting) == ["安东尼奥·古特雷斯"]


def test_two_meetings_announced_in_one_sentence_are_not_split() -> None:
    text = (
        "2023年9月4日加纳常驻联合国代表给秘书长的信\n"
        "安理会将于2023年9月19日上午10时举行一次公开辩论，并将于2023年9月21日下午3时举行一次通报会。"
        "会议将由加纳外交部长史蒂芬·阿多主持。\n"
        "常驻代表\n"
        "哈罗德·阿久曼(签名)\n"
    )
    first, second = extract_text(text, "GHA.txt").meetings
    assert first.format == "open debate"
    assert first.chair == "史蒂芬·阿多"
    assert second.format is None and second.chair is None


def test_own_permanent_representative_is_not_a_charge_d_affaires_who_signs() -> None:
    text = ARRIA_THEME.format(chair="本国常驻代表", theme="跨界河流与预防冲突").replace(
        "常驻代表\n杰拉尔丁", "临时代办\n杰拉尔丁"
    )
    (meeting,) = extract_text(text, "IRL.txt").meetings
    assert meeting.chair != "杰拉尔丁·伯恩·纳森"


def test_a_resolution_adopted_on_a_date_is_not_a_numbered_meeting() -> None:
    opening = "安全理事会在2017年3月2日第7890次会议上就安理会审议的题为“中非共和国局势”的项目"
    event = "2017年1月30日第2339(2017)号决议的执行"
    text = STATEMENT.format(opening=opening, event=event)
    assert [m.date for m in extract_text(text, "S-PRST-2017-3.txt").meetings] == ["2017-03-02"]


def test_a_summit_held_by_others_is_not_a_council_meeting() -> None:
    opening = "安全理事会在2016年7月14日第7745次会议上就安理会审议的题为“索马里局势”的项目"
    event = "伊加特于2016年6月30日在吉布提召开的首脑特别会议"
    text = STATEMENT.format(opening=opening, event=event)
    assert [m.date for m in extract_text(text, "S-PRST-2016-9.txt").meetings] == ["2016-07-14"]


def test_a_meeting_announced_in_an_annex_makes_no_section() -> None:
    """A concept note that announces a later meeting does not take the letter's annex away from
    the meeting the letter is about."""
    text = SINGLE.format(kind="公开辩论", extra="") + (
        "附件\n"
        "公开辩论概念说明\n"
        "安理会还将于2023年10月3日(星期二)上午10时举行一次通报会。\n"
        "介绍人\n"
        "• 世界粮食计划署执行主任辛迪·麦凯恩\n"
    )
    first, second = extract_text(text, "GHA.txt").meetings
    assert first.format == "open debate"
    assert "辛迪·麦凯恩" in _names(first)
    assert second.format is None and second.briefers == ()


@pytest.mark.parametrize(
    "presidency",
    [
        "瑞士担任2023年3月安全理事会主席",
        "瑞士作为3月份安全理事会主席",  # no year: the letter's
        "瑞士担任 2023 年 3 月安理会主席期间",
        "瑞士作为安理会3月份主席",
        "瑞士将于2023年3月担任安全理事会主席",
        "我国作为3月份安全理事会主席",  # 我国: the letter's state
    ],
)
def test_presidency_wordings(presidency: str) -> None:
    facts = extract_text(_wordings_letter(presidency=presidency), "CHE.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHE", 2023, 3)]


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("会议拟议成果为一项新闻声明。", "press statement"),
        ("瑞士计划在会前分发一项主席声明草案，供安理会在辩论当天通过。", "presidential statement"),
        ("本次辩论不预期有正式成果。", None),
        ("会议成果将是一项主席声明。", "presidential statement"),
    ],
)
def test_outcome_wordings(outcome: str, expected: str | None) -> None:
    assert (
        extract_text(_wordings_letter(outcome=outcome), "CHE.txt").meetings[0].outcome == expected
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("芬兰外交大臣佩卡·于尔约宁", "佩卡·于尔约宁"),
        ("智利共和国总统米歇尔·巴切莱特·赫里亚", "米歇尔·巴切莱特·赫里亚"),
        (
            "秘鲁共和国总统佩德罗·巴勃罗·库琴斯基·戈达德·德拉奎斯塔",
            "佩德罗·巴勃罗·库琴斯基·戈达德·德拉奎斯塔",
        ),
    ],
)
def test_long_names_and_names_with_yu(text: str, name: str) -> None:
    assert people.split_title_name(text)[1] == name


def test_a_briefer_joining_by_video_does_not_make_the_meeting_virtual() -> None:
    text = _wordings_letter(outcome="世界卫生组织总干事将通过视频连线作情况通报。")
    text = text.replace("公开辩论将在安全理事会会议厅以面对面方式举行，", "")
    meeting = extract_text(text, "CHE.txt").meetings[0]
    assert meeting.virtual is None
    assert [(b.name, b.title) for b in meeting.briefers] == [(None, "世界卫生组织总干事")]
    online = text.replace("举行一次公开辩论", "以视频会议方式举行一次公开辩论")
    assert extract_text(online, "CHE.txt").meetings[0].virtual is True


@pytest.mark.parametrize(
    ("announcement", "time", "theme"),
    [
        (
            "将于2023年3月16日(星期四)上午十时举行一次公开辩论，主题是“水与和平”。",
            "10:00",
            "水与和平",
        ),
        (
            "将于2023年3月16日下午三时三十分举行一次公开辩论。辩论主题：“水与和平”。",
            "15:30",
            "水与和平",
        ),
    ],
)
def test_times_in_chinese_numerals_and_theme_wordings(
    announcement: str, time: str, theme: str
) -> None:
    text = f"2023年2月24日瑞士常驻联合国代表给秘书长的信\n谨通知你，瑞士{announcement}\n"
    meeting = extract_text(text, "CHE.txt").meetings[0]
    assert (meeting.time, meeting.theme) == (time, (theme,))


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("辩论结束后，安理会拟通过一项关于水与和平的决议。", "resolution"),
        ("会后，安理会将发表一份新闻谈话。", "press statement"),
        ("预计安理会将在会议结束时发表主席声明。", "presidential statement"),
        ("瑞士不打算在辩论后发表主席声明。", None),
        ("安理会将通过视频会议听取通报。", None),  # 将通过 with no act of the Council
        ("安理会将通过视频会议审议第2231(2015)号决议的执行情况。", None),
    ],
)
def test_outcome_the_council_means_to_take(outcome: str, expected: str | None) -> None:
    assert (
        extract_text(_wordings_letter(outcome=outcome), "CHE.txt").meetings[0].outcome == expected
    )


@pytest.mark.parametrize("wording", ["阿里亚模式会议", "阿里亚办法会议", "阿里亚会议"])
def test_arria_formula_wordings(wording: str) -> None:
    text = _wordings_letter().replace("举行一次公开辩论", f"举行一次安全理事会{wording}")
    text = text.replace("公开辩论将在", "会议将在")
    assert extract_text(text, "CHE.txt").meetings[0].format == "Arria-formula meeting"


def test_chair_written_as_the_writer_himself_is_the_signatory() -> None:
    text = (
        "2022年4月20日墨西哥常驻联合国代表给各会员国常驻代表的信\n"
        "谨邀请贵代表团参加定于2022年4月28日上午10时举行的阿里亚模式会议。\n"
        "会议将由我本人主持。\n"
        "墨西哥常驻联合国代表\n爱丽丝·克鲁斯·纳瓦罗(签名)\n"
    )
    facts = extract_text(text, "MEX.txt")
    assert facts.meetings[0].chair == "爱丽丝·克鲁斯·纳瓦罗"
    assert ("爱丽丝·克鲁斯·纳瓦罗", "MEX") in {(p.name, p.state) for p in facts.representatives}


def test_item_considered_under_an_agenda_item_is_the_theme() -> None:
    text = (
        "联合国S/PRST/2019/12\n安全理事会\n安全理事会主席的声明\n"
        "在2019年11月5日举行的第8660次会议上，安全理事会在“维护国际和平与安全”议程项目之下"
        "审议题为“海上安全：几内亚湾的海盗问题”的分项目，安理会主席代表安理会发表声明如下：\n"
        "“安全理事会重申其对几内亚湾沿岸国家的支持。”\n"
    )
    meeting = extract_text(text, "PRST.txt").meetings[0]
    assert meeting.agenda_item == "维护国际和平与安全"
    assert meeting.theme == ("海上安全：几内亚湾的海盗问题",)
    # the item alone is the agenda item and, being the item considered, the theme too (the
    # statements' convention: the quoted item title of the first sentence is the theme)
    alone = text.replace("在“维护国际和平与安全”议程项目之下审议题为", "在审议题为")
    alone = alone.replace("的分项目", "的项目")
    meeting = extract_text(alone, "PRST.txt").meetings[0]
    title = "海上安全：几内亚湾的海盗问题"
    assert (meeting.agenda_item, meeting.theme) == (title, (title,))


def test_a_conference_held_by_others_is_no_council_meeting() -> None:
    text = (
        "第2999(2031)号决议\n2031年6月1日安全理事会第9999次会议通过\n安全理事会，\n"
        "赞赏挪威和卡塔尔于2030年11月8日在奥斯陆举办的和平进程国际会议，\n"
        "又欢迎各国于2031年1月15日召开区域会议，\n"
        "1.决定继续处理此案。\n"
    )
    facts = extract_text(text, "S-RES-2999.txt")
    assert [m.date for m in facts.meetings] == ["2031-06-01"]


def test_a_council_meeting_named_by_a_bare_word_stays() -> None:
    text = (
        "2023年5月2日瑞士常驻联合国代表给秘书长的信\n"
        "谨通知你，安全理事会将于5月23日举行会议，审议保护平民问题。\n"
    )
    facts = extract_text(text, "CHE.txt")
    assert [m.date for m in facts.meetings] == ["2023-05-23"]


@pytest.mark.parametrize(
    "opening",
    [
        "在2031年3月2日举行的第9999次会议上，安全理事会在审议题为“大湖区局势”的项目时，"
        "安全理事会主席代表安理会发表声明如下：",
        "在2031年3月2日举行的第9999次会议上，安全理事会在“非洲和平与安全”议程项目下审议了题为"
        "“大湖区局势”的项目，安全理事会主席以安理会名义发表如下声明：",
    ],
)
def test_statement_theme_is_the_item_considered(opening: str) -> None:
    text = f"S/PRST/2031/2\n主席声明\n{opening}\n“安全理事会重申支持该区域的和平进程。”\n"
    (meeting,) = extract_text(text, "S-PRST-2031-2.txt").meetings
    assert (meeting.date, meeting.number, meeting.theme) == ("2031-03-02", "9999", ("大湖区局势",))


# --- from heldout5_rules: in person beside a ruled-out video link, a theme after 题为 ---
LETTER_H5 = (
    "2024年10月3日爱尔兰常驻联合国代表给秘书长的信\n"
    "谨通知你，{presidency}，安理会将于2024年{month}月14日(星期四)上午10时举行一次公开辩论，"
    "题为“气候、和平与粮食安全”。辩论将在“维护国际和平与安全”议程项目下举行，{mode}。\n"
    "请将本信作为安全理事会文件分发为荷。\n"
)


def _h5_letter(presidency: str, month: int = 11, mode: str = "会议以面对面方式举行") -> str:
    return LETTER_H5.format(presidency=presidency, month=month, mode=mode)


@pytest.mark.parametrize(
    "mode",
    [
        "以现场方式进行，不提供视频会议选项",
        "以现场会议形式举行，不以视频方式参会",
        "会议将以线下形式举行",
        "以面对面形式举行，不设视频连线",
    ],
)
def test_in_person_wordings_beside_a_ruled_out_video_link(mode: str) -> None:
    meeting = extract_text(_h5_letter("爱尔兰作为十一月份安全理事会主席", mode=mode), "IRL.txt")
    assert meeting.meetings[0].virtual is False


# --- a theme and an agenda item named by apposition (这一专题, 这一议程项目) ----------------


# --- letters and statements read whole: the text, and the meeting's details expected ---------


def _the_meeting(text: str) -> Meeting:
    """The one meeting a text states."""
    meeting = _only_meeting(text)
    assert meeting is not None
    return meeting


def _first_meeting(text: str) -> Meeting:
    return _extract(text).meetings[0]


_ARRIA = ARRIA_THEME.format(chair="我本人", theme="跨界河流与预防冲突")
_PRST_SOMALIA = "安全理事会在2016年7月14日第7745次会议上就安理会审议的题为“索马里局势”的项目"
_PRST_CAR = "安全理事会2017年3月2日第7890次会议在审议“中非共和国局势”项目时"
_IRELAND = "爱尔兰作为十一月份安全理事会主席"

LETTER_CASES = [
    # the kind of meeting, the chair, the theme
    pytest.param(
        _the_meeting,
        SINGLE.format(kind="高级别的公开辩论", extra=""),
        {"format": "high-level open debate"},
        id="high_level_with_de",
    ),
    pytest.param(
        _the_meeting,
        _ARRIA,
        {"theme": ("跨界河流与预防冲突",), "format": "Arria-formula meeting"},
        id="theme_quoted_before_an_arria_meeting",
    ),
    pytest.param(
        _the_meeting,
        ARRIA_THEME.format(chair="本国常驻代表", theme="跨界河流与预防冲突"),
        {"chair": "杰拉尔丁·伯恩·纳森"},
        id="own_permanent_representative_chairing_is_the_signatory",
    ),
    pytest.param(
        _the_meeting,
        _ARRIA.replace("会议将由我本人主持。", "会议将由我本人主持,专家将作介绍。"),
        {"chair": "杰拉尔丁·伯恩·纳森"},
        id="chair_in_a_web_copy_with_half_width_commas",
    ),
    pytest.param(
        _the_meeting,
        "马耳他常驻联合国代表团\n阁下：\n"
        "谨邀请贵代表团出席将于11月8日(星期五)上午10时在第4会议室举行的阿里亚办法会议，"
        "主题为“海上移民与人道主义救援”。\n会议将由我本人主持。\n"
        "马耳他常驻联合国代表\n瓦妮莎·弗雷泽(签名)\n2019年10月25日\n安全理事会\n",
        {"chair": "瓦妮莎·弗雷泽", "format": "Arria-formula meeting"},
        id="an_invitation_without_a_letter_heading_is_chaired_by_its_signatory",
    ),
    pytest.param(
        _first_meeting,
        _wordings_letter().replace(
            "由瑞士联邦委员伊尼亚齐奥·卡西斯主持", "瑞士联邦主席阿兰·贝尔塞将担任会议主席"
        ),
        {"chair": "阿兰·贝尔塞"},
        id="chair_who_takes_the_chair",
    ),
    # a statement's meeting and the item it considers
    pytest.param(
        _the_meeting,
        STATEMENT.format(opening=_PRST_SOMALIA, event="索马里选举进程取得进展"),
        {
            "date": "2016-07-14",
            "number": "7745",
            "theme": ("索马里局势",),
            "agenda_item": "索马里局势",
        },
        id="statement_made_at_a_numbered_meeting_on_the_item_considered",
    ),
    pytest.param(
        _the_meeting,
        STATEMENT.format(opening=_PRST_CAR, event="和平协议的签署"),
        {
            "date": "2017-03-02",
            "number": "7890",
            "theme": ("中非共和国局势",),
            "agenda_item": "中非共和国局势",
        },
        id="statement_made_while_considering_an_item_without_a_title_word",
    ),
    pytest.param(
        _first_meeting,
        "联合国S/PRST/2022/3\n安全理事会\n安全理事会主席的声明\n"
        "在2022年5月17日举行的第9034次会议上，安全理事会在审议题为“非洲和平与安全”的项目时，"
        "安理会主席代表安理会发表如下声明：\n“安全理事会重申其对非洲和平与安全的承诺。”\n",
        {"date": "2022-05-17", "number": "9034"},
        id="meeting_number_on_a_statement_cover",
    ),
    # the time after the weekday
    pytest.param(
        _first_meeting,
        LETTER_M2.format(when="(星期二)16时(纽约时间)", agenda="", outcome=""),
        {"time": "16:00"},
        id="a_24_hour_time_after_the_weekday",
    ),
    pytest.param(
        _first_meeting,
        LETTER_M2.format(when="(星期二)", agenda="", outcome=""),
        {"time": None},
        id="no_time_after_the_weekday",
    ),
    # the agenda item
    pytest.param(
        _first_meeting,
        LETTER_M2.format(
            when="(星期二)上午10时", agenda="在“对国际和平与安全的威胁”这一议程项目下，", outcome=""
        ),
        {"agenda_item": "对国际和平与安全的威胁"},
        id="agenda_item_under_this_item",
    ),
    pytest.param(
        _first_meeting,
        LETTER_M2.format(when="(星期二)上午10时", agenda="在“欧洲安全”这一框架下，", outcome=""),
        {"agenda_item": None},
        id="a_quoted_title_under_this_framework_is_no_agenda_item",
    ),
    pytest.param(
        _first_meeting,
        _wordings_letter(),
        {"agenda_item": "维护国际和平与安全", "virtual": False, "chair": "伊尼亚齐奥·卡西斯"},
        id="agenda_under_the_item_in_person_and_chair_without_the_paragraph_number",
    ),
    pytest.param(
        _first_meeting,
        _wordings_letter().replace(
            "在“维护国际和平与安全”议程项目之下举行一次公开辩论",
            "举行一次公开辩论，议程项目为“儿童与武装冲突”",
        ),
        {"agenda_item": "儿童与武装冲突"},
        id="agenda_item_stated_with_wei",
    ),
    # the outcome
    pytest.param(
        _first_meeting,
        LETTER_M2.format(
            when="(星期二)上午10时", agenda="", outcome="安理会希望在通报会结束时通过一项决议。"
        ),
        {"outcome": "resolution"},
        id="outcome_the_council_hopes_to_adopt",
    ),
    pytest.param(
        _first_meeting,
        LETTER_M2.format(
            when="(星期二)上午10时", agenda="", outcome="安理会希望各方执行第2341(2017)号决议。"
        ),
        {"outcome": None},
        id="hoping_for_a_resolution_to_be_implemented_is_no_outcome",
    ),
    # online, the theme after 题为 and by apposition
    pytest.param(
        _first_meeting,
        _h5_letter(_IRELAND, mode="会议将以视频会议方式举行"),
        {"virtual": True},
        id="a_video_meeting_is_still_virtual",
    ),
    pytest.param(
        _first_meeting,
        _h5_letter(_IRELAND),
        {"theme": ("气候、和平与粮食安全",), "agenda_item": "维护国际和平与安全"},
        id="theme_after_ti_wei_and_the_agenda_item_in_its_own_sentence",
    ),
    pytest.param(
        _first_meeting,
        _h5_letter(_IRELAND).replace(
            "公开辩论，题为“气候、和平与粮食安全”",
            "公开辩论，主题为“粮食安全”。会议，题为“秘书长”的报告将分发",
        ),
        {"theme": ("粮食安全",)},
        id="a_report_titled_after_a_meeting_is_no_theme",
    ),
    pytest.param(
        _first_meeting,
        argentine_letter(
            "安理会将于2013年10月22日上午10时就“妇女在调解中的作用”这一专题举行一次公开辩论，"
            "辩论将列入“妇女与和平与安全”这一议程项目。"
        ),
        {"theme": ("妇女在调解中的作用",), "agenda_item": "妇女与和平与安全"},
        id="theme_and_agenda_item_by_apposition",
    ),
    pytest.param(
        _first_meeting,
        argentine_letter(
            "安理会将于2013年10月22日上午10时举行一次公开辩论，各方将就“调解”提出意见。"
        ),
        {"theme": (), "agenda_item": None},
        id="quoted_words_without_apposition_are_no_theme_or_item",
    ),
    # the chair: where or how the chair presides from is no part of the name; a line that ends
    # a sentence is not glued to the chair's clause
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论。"
        "会议将由阿根廷总统克里斯蒂娜·基什内尔女士从日内瓦主持。",
        {"chair": "克里斯蒂娜·基什内尔"},
        id="presiding_from_a_city_is_cut",
    ),
    pytest.param(
        _set12_meeting,
        "安全理事会将于2013年10月21日举行一次公开辩论。"
        "会议将由阿根廷外交部长埃克托尔·蒂梅尔曼先生通过视频主持。",
        {"chair": "埃克托尔·蒂梅尔曼"},
        id="presiding_by_video_is_cut",
    ),
    pytest.param(
        _first_meeting,
        _WRAPPED_LETTER.replace(
            "该辩论将由大韩民国外\n交部长尹炳\n世主持。",
            "欢迎各国参加。\n大韩民国外交部长尹炳世主持。",
        ),
        {"chair": "尹炳世"},
        id="a_line_that_ends_a_sentence_is_not_glued_to_the_chair",
    ),
    pytest.param(
        _first_meeting,
        _WRAPPED_LETTER.replace(
            "该辩论将由大韩民国外\n交部长尹炳\n世主持。", "欢迎各国参加。\n世主持。"
        ),
        {"chair": None},
        id="one_character_after_a_finished_sentence_is_no_chair",
    ),
    # a statement's item, considered or in connection with which it is made
    pytest.param(
        _first_meeting,
        "安全理事会主席的声明\n"
        "2011年3月8日，安全理事会第6490次会议就安理会审议的“中非共和国局势”项目，"
        "通过了安全理事会主席以安理会名义发表的下列声明：\n"
        "“安全理事会欢迎选举进程。”\n",
        {"agenda_item": "中非共和国局势"},
        id="a_statement_names_its_item_as_considered_by_the_council",
    ),
    pytest.param(
        _first_meeting,
        "联合国S/PRST/2003/9\n安全理事会\n安全理事会主席的声明\n"
        "安全理事会主席在2003年7月11日安全理事会第4790次会议上，结合安理会对题为"
        "“索马里局势”的项目的审议，代表安理会发表了以下声明：\n"
        "“安全理事会欢迎各方在内罗毕举行的谈判。”\n",
        # the statement made, not one expected: no outcome
        {"theme": ("索马里局势",), "agenda_item": "索马里局势", "outcome": None},
        id="a_statement_made_in_connection_with_an_item_takes_it_as_theme_and_item",
    ),
]


@pytest.mark.parametrize(("read", "text", "expected"), LETTER_CASES)
def test_meeting_details_of_letters(
    read: Callable[[str], Meeting], text: str, expected: dict[str, object]
) -> None:
    meeting = read(text)
    assert {name: getattr(meeting, name) for name in expected} == expected
