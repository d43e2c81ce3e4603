"""Meetings: a letter announcing two meetings (each read from its own section), the chair of a
member's Arria-formula meeting, the meeting a presidential statement was made at, and details
in other wordings. Every text here is written for these tests (other states, dates, people and
themes than the documents the rules were found on)."""

from __future__ import annotations

from unsckg.extractors.facts import Meeting
from unsckg.extractors.pipeline import extract_text

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


def test_high_level_with_de() -> None:
    (meeting,) = _single(kind="高级别的公开辩论")
    assert meeting.format == "high-level open debate"


ARRIA_THEME = (
    "2022年3月1日爱尔兰常驻联合国代表给秘书长的信\n"
    "爱尔兰将于2022年3月15日(星期二)下午3时召集一次阿里亚办法会议，讨论水与冲突问题。"
    "会议将由{chair}主持。\n"
    "常驻代表\n"
    "杰拉尔丁·伯恩·纳森(签名)\n"
    "附件\n"
    "关于“{theme}”的阿里亚办法会议概念说明\n"
)


def test_theme_quoted_before_an_arria_meeting() -> None:
    text = ARRIA_THEME.format(chair="我本人", theme="跨界河流与预防冲突")
    (meeting,) = extract_text(text, "IRL.txt").meetings
    assert meeting.theme == ("跨界河流与预防冲突",)
    assert meeting.format == "Arria-formula meeting"


def test_own_permanent_representative_chairing_is_the_signatory() -> None:
    text = ARRIA_THEME.format(chair="本国常驻代表", theme="跨界河流与预防冲突")
    (meeting,) = extract_text(text, "IRL.txt").meetings
    assert meeting.chair == "杰拉尔丁·伯恩·纳森"


def test_own_permanent_representative_is_not_a_charge_d_affaires_who_signs() -> None:
    text = ARRIA_THEME.format(chair="本国常驻代表", theme="跨界河流与预防冲突").replace(
        "常驻代表\n杰拉尔丁", "临时代办\n杰拉尔丁"
    )
    (meeting,) = extract_text(text, "IRL.txt").meetings
    assert meeting.chair != "杰拉尔丁·伯恩·纳森"


def test_chair_in_a_web_copy_with_half_width_commas() -> None:
    text = ARRIA_THEME.format(chair="我本人", theme="跨界河流与预防冲突").replace(
        "会议将由我本人主持。", "会议将由我本人主持,专家将作介绍。"
    )
    (meeting,) = extract_text(text, "IRL.txt").meetings
    assert meeting.chair == "杰拉尔丁·伯恩·纳森"


def test_an_invitation_without_a_letter_heading_is_chaired_by_its_signatory() -> None:
    text = (
        "马耳他常驻联合国代表团\n"
        "阁下：\n"
        "谨邀请贵代表团出席将于11月8日(星期五)上午10时在第4会议室举行的阿里亚办法会议，"
        "主题为“海上移民与人道主义救援”。\n"
        "会议将由我本人主持。\n"
        "马耳他常驻联合国代表\n"
        "瓦妮莎·弗雷泽(签名)\n"
        "2019年10月25日\n"
        "安全理事会\n"
    )
    (meeting,) = extract_text(text, "MLT.txt").meetings
    assert meeting.chair == "瓦妮莎·弗雷泽"
    assert meeting.format == "Arria-formula meeting"


STATEMENT = (
    "安全理事会主席的声明\n"
    "{opening}，由安全理事会主席代表安理会发表如下声明：\n"
    "“安全理事会欢迎{event}。”\n"
)


def test_statement_made_at_a_numbered_meeting_on_the_item_considered() -> None:
    opening = "安全理事会在2016年7月14日第7745次会议上就安理会审议的题为“索马里局势”的项目"
    text = STATEMENT.format(opening=opening, event="索马里选举进程取得进展")
    (meeting,) = extract_text(text, "S-PRST-2016-9.txt").meetings
    assert (meeting.date, meeting.number) == ("2016-07-14", "7745")
    assert meeting.theme == ("索马里局势",)
    assert meeting.agenda_item == "索马里局势"


def test_statement_made_while_considering_an_item_without_a_title_word() -> None:
    opening = "安全理事会2017年3月2日第7890次会议在审议“中非共和国局势”项目时"
    text = STATEMENT.format(opening=opening, event="和平协议的签署")
    (meeting,) = extract_text(text, "S-PRST-2017-3.txt").meetings
    assert (meeting.date, meeting.number) == ("2017-03-02", "7890")
    assert meeting.theme == ("中非共和国局势",)
    assert meeting.agenda_item == "中非共和国局势"


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


LETTER = (
    "2017年2月20日乌克兰常驻联合国代表给秘书长的信\n"
    "安理会定于2017年3月7日{when}举行一次情况通报会，{agenda}主题为“基础设施保护”。{outcome}\n"
    "常驻代表\n"
    "沃洛德梅尔·叶利琴科(签名)\n"
)


def _letter(when: str = "(星期二)上午10时", agenda: str = "", outcome: str = "") -> Meeting:
    text = LETTER.format(when=when, agenda=agenda, outcome=outcome)
    return extract_text(text, "UKR.txt").meetings[0]


def test_a_24_hour_time_after_the_weekday() -> None:
    assert _letter(when="(星期二)16时(纽约时间)").time == "16:00"


def test_no_time_after_the_weekday() -> None:
    assert _letter(when="(星期二)").time is None


def test_agenda_item_under_this_item() -> None:
    meeting = _letter(agenda="在“对国际和平与安全的威胁”这一议程项目下，")
    assert meeting.agenda_item == "对国际和平与安全的威胁"


def test_a_quoted_title_under_this_framework_is_no_agenda_item() -> None:
    assert _letter(agenda="在“欧洲安全”这一框架下，").agenda_item is None


def test_outcome_the_council_hopes_to_adopt() -> None:
    assert _letter(outcome="安理会希望在通报会结束时通过一项决议。").outcome == "resolution"


def test_hoping_for_a_resolution_to_be_implemented_is_no_outcome() -> None:
    assert _letter(outcome="安理会希望各方执行第2341(2017)号决议。").outcome is None


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
