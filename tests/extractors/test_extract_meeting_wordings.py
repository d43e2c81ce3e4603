"""Meeting details and presidencies in wordings the dev letters do not use, written for these
tests with other states, months, people and outcomes."""

from __future__ import annotations

import pytest
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import people

LETTER = (
    "2023年2月24日瑞士常驻联合国代表给秘书长的信\n"
    "谨通知你，{presidency}，将于2023年3月16日(星期四)上午10时，在“{agenda}”议程项目之下"
    "举行一次公开辩论，主题为“水与和平”。\n"
    "4.公开辩论将在安全理事会会议厅以面对面方式举行，由瑞士联邦委员伊尼亚齐奥·卡西斯主持。\n"
    "5.{outcome}\n"
    "请将本信及其附件作为安全理事会文件分发为荷。\n"
    "帕斯卡莱·贝里斯维尔(签名)\n"
)


def _letter(**parts: str) -> str:
    defaults = {
        "presidency": "瑞士担任2023年3月安全理事会主席",
        "agenda": "维护国际和平与安全",
        "outcome": "会议拟议成果为一项新闻声明。",
    }
    return LETTER.format(**{**defaults, **parts})


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
    facts = extract_text(_letter(presidency=presidency), "CHE.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHE", 2023, 3)]


def test_agenda_under_the_item_in_person_and_chair_without_the_paragraph_number() -> None:
    meeting = extract_text(_letter(), "CHE.txt").meetings[0]
    assert meeting.agenda_item == "维护国际和平与安全"
    assert meeting.virtual is False
    assert meeting.chair == "伊尼亚齐奥·卡西斯"


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
    assert extract_text(_letter(outcome=outcome), "CHE.txt").meetings[0].outcome == expected


def test_agenda_item_stated_with_wei() -> None:
    text = _letter().replace(
        "在“维护国际和平与安全”议程项目之下举行一次公开辩论",
        "举行一次公开辩论，议程项目为“儿童与武装冲突”",
    )
    assert extract_text(text, "CHE.txt").meetings[0].agenda_item == "儿童与武装冲突"


def test_meeting_number_on_a_statement_cover() -> None:
    text = (
        "联合国S/PRST/2022/3\n安全理事会\n安全理事会主席的声明\n"
        "在2022年5月17日举行的第9034次会议上，安全理事会在审议题为“非洲和平与安全”的项目时，"
        "安理会主席代表安理会发表如下声明：\n“安全理事会重申其对非洲和平与安全的承诺。”\n"
    )
    meeting = extract_text(text, "PRST.txt").meetings[0]
    assert (meeting.date, meeting.number) == ("2022-05-17", "9034")


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
    text = _letter(outcome="世界卫生组织总干事将通过视频连线作情况通报。")
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


def test_chair_who_takes_the_chair() -> None:
    text = _letter().replace(
        "由瑞士联邦委员伊尼亚齐奥·卡西斯主持", "瑞士联邦主席阿兰·贝尔塞将担任会议主席"
    )
    assert extract_text(text, "CHE.txt").meetings[0].chair == "阿兰·贝尔塞"


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
    assert extract_text(_letter(outcome=outcome), "CHE.txt").meetings[0].outcome == expected


@pytest.mark.parametrize("wording", ["阿里亚模式会议", "阿里亚办法会议", "阿里亚会议"])
def test_arria_formula_wordings(wording: str) -> None:
    text = _letter().replace("举行一次公开辩论", f"举行一次安全理事会{wording}")
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
