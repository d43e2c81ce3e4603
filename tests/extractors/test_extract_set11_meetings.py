"""Meetings and representatives: rules generalised from the misses of the eleventh held-out set,
checked on wordings, names, states, dates and numbers written for these tests (none of the
held-out sentences): a title written right after ``会议`` without a comma, a debate's focus
(``集中讨论“…”``), the item named as what the Council considers (``对“X”项目的审议``), a
statement the President will make on the Council's behalf without the words ``主席声明``, a
meeting record's cover table flattened one cell per line, and invitees only seated at the table.
"""

from __future__ import annotations

from unsckg.extractors.document import Context
from unsckg.extractors.facts import DocumentFacts, Meeting
from unsckg.extractors.normalise import NormalisedText
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import representatives

_HEADER = "2009年3月2日乌拉圭常驻联合国代表给秘书长的信\n"
_SIGNED = "请将本信作为安全理事会文件分发为荷。\n乌拉圭常驻联合国代表\n何塞·路易斯·卡诺(签名)\n"


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _meeting(body: str) -> Meeting:
    facts = _extract(_HEADER + body + "\n" + _SIGNED)
    assert facts.meetings
    return facts.meetings[0]


def _context(clean: str) -> Context:
    """``clean`` taken as already normalised text."""
    return Context("t.zh.txt", NormalisedText(clean, clean, tuple(range(len(clean)))))


# 1. A title written right after ``会议``, without a comma


def test_a_title_glued_to_the_meeting_is_its_theme() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月18日上午10时举行一次阿里亚办法会议，"
        "会议题为“沙漠化与农村冲突”，欢迎各代表团参加。"
    )
    assert meeting.theme == ("沙漠化与农村冲突",)


def test_a_debate_titled_without_a_comma_is_its_theme_too() -> None:
    meeting = _meeting("安全理事会将于2009年3月18日举行一次公开辩论会题为“内陆国家的过境通道”。")
    assert meeting.theme == ("内陆国家的过境通道",)


def test_a_report_title_or_an_item_after_the_meeting_is_no_theme() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月18日上午10时举行会议。"
        "秘书长的报告题为“渔业资源管理”。会议题为“西撒哈拉局势”的项目将继续审议。"
    )
    assert meeting.theme == ()


# 2. A debate's focus: ``集中讨论“…”``


def test_the_focus_of_a_debate_is_its_theme() -> None:
    meeting = _meeting(
        "安全理事会定于2009年3月25日(星期三)下午3时举行一次公开辩论，重点讨论“选举期间的暴力预防”。"
    )
    assert meeting.theme == ("选举期间的暴力预防",)
    assert meeting.format == "open debate"


def test_a_focus_quoted_as_an_item_or_a_phrase_is_no_focus_theme() -> None:
    meeting = _meeting(
        "安全理事会定于2009年3月25日下午3时举行会议，集中讨论“东帝汶局势”项目，"
        "并专门讨论“维和人员的培训”的各个方面。"
    )
    # the item discussed is the theme only as an item considered (no title is given)
    assert meeting.theme == ("东帝汶局势",)
    assert meeting.agenda_item is None


# 3. The item named as what the Council considers


def test_the_item_whose_consideration_the_debate_is_part_of_is_the_agenda_item() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "这次辩论属于安理会对“中亚局势”项目的审议。"
    )
    assert meeting.agenda_item == "中亚局势"
    assert meeting.theme == ("边境管理",)


def test_a_quoted_report_considered_is_no_agenda_item() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "我们期待安理会对“年度报告”的审议。"
    )
    assert meeting.agenda_item is None


def test_a_statement_made_in_connection_with_an_item_takes_it_as_theme_and_item() -> None:
    text = (
        "联合国S/PRST/2003/9\n安全理事会\n安全理事会主席的声明\n"
        "安全理事会主席在2003年7月11日安全理事会第4790次会议上，结合安理会对题为"
        "“索马里局势”的项目的审议，代表安理会发表了以下声明：\n"
        "“安全理事会欢迎各方在内罗毕举行的谈判。”\n"
    )
    meeting = _extract(text).meetings[0]
    assert meeting.theme == ("索马里局势",)
    assert meeting.agenda_item == "索马里局势"
    assert meeting.outcome is None  # the statement made, not one expected


# 4. A statement the President will make on the Council's behalf


def test_a_statement_on_the_councils_behalf_is_a_presidential_statement() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "辩论结束时，安理会主席将代表安理会发表一份声明。"
    )
    assert meeting.outcome == "presidential statement"


def test_a_statement_expected_on_the_councils_behalf_is_one_too() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次公开辩论，主题为“边境管理”。"
        "预计会后主席将代表安全理事会就此宣读一项声明。"
    )
    assert meeting.outcome == "presidential statement"


def test_a_press_statement_on_the_councils_behalf_stays_a_press_statement() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次通报会，主题为“边境管理”。"
        "会后主席拟代表安理会发表新闻声明。"
    )
    assert meeting.outcome == "press statement"


def test_a_past_or_ruled_out_statement_on_the_councils_behalf_is_no_outcome() -> None:
    meeting = _meeting(
        "安全理事会将于2009年3月25日举行一次通报会，主题为“边境管理”。"
        "去年主席曾代表安理会发表一项声明。本次会议主席不将代表安理会发表声明。"
    )
    assert meeting.outcome is None


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
