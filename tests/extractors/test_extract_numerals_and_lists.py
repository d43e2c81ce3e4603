"""Wordings of a fourth round, in texts written for these tests: dates and times in Chinese
numerals (Word-converted letters), presidencies named relative to the letter's month, and votes
stated for a list of members in one prose sentence."""

from __future__ import annotations

import pytest
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text

# A Word-converted letter: full-width spaces for layout, every date in Chinese numerals, the
# presidency as "the next month" from a letter written at the end of the month before.
LETTER = """联合国　　　　　　　　　　　　　　　　　　　　S/2023/77
安全理事会　　　　　　　　　　　　　　　　　　Distr.: General
　　　　　　　　　　　　　　　　　　　　　　　2 March 2023

二〇二三年二月二十八日莫桑比克常驻联合国代表给秘书长的信

　　莫桑比克作为下月安全理事会主席，谨通知阁下，安全理事会定于二〇二三年三月十日（星期五）\
下午三时三十分，在“维护国际和平与安全”议程项目下举行公开辩论。

　　请将本信作为安全理事会文件分发为荷。

　　　　　　　　　　　　　　　　　　　　　常驻代表
　　　　　　　　　　　　　　　　　　　　　佩德罗·科米萨里奥·阿丰索（签名）
"""


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("二〇二三年二月二十八日", "2023年2月28日"),
        ("二零一八年十二月三十一日", "2018年12月31日"),
        ("二○二二年九月一日", "2022年9月1日"),
        ("二〇二〇年十月", "2020年10月"),
        ("于五月十日举行", "于5月10日举行"),
        ("上午九时三十分", "上午9时30分"),
        ("下午三时", "下午3时"),
        ("２０２１年１１月３日", "2021年11月3日"),
    ],
)
def test_chinese_numeral_dates_and_times_become_digits(written: str, clean: str) -> None:
    text = normalise(written)
    assert text.text == clean
    # every clean character maps into the numeral it came from
    assert text.evidence(0, len(text.text)).quote == written


@pytest.mark.parametrize("text", ["每年一月", "二十个会员国", "第三十一条", "十分重要"])
def test_numerals_outside_dates_stay(text: str) -> None:
    assert normalise(text).text == text


def test_letter_with_chinese_numeral_dates() -> None:
    facts = extract_text(LETTER, "MOZ.txt")
    assert facts.date == "2023-02-28"
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("MOZ", 2023, 3)]
    (meeting,) = facts.meetings
    assert (meeting.date, meeting.time, meeting.presidency) == ("2023-03-10", "15:30", "MOZ")
    assert facts.author is not None and facts.author.name == "佩德罗·科米萨里奥·阿丰索"


@pytest.mark.parametrize(
    ("wording", "month"),
    [
        ("肯尼亚作为本月安全理事会主席", 7),
        ("肯尼亚作为安理会当月主席", 7),
        ("肯尼亚将于下个月担任安全理事会主席", 8),
    ],
)
def test_presidency_relative_to_the_letters_month(wording: str, month: int) -> None:
    text = (
        "2021年7月2日肯尼亚常驻联合国代表给秘书长的信\n"
        f"{wording}，谨通知你，安理会将于7月20日举行公开辩论。\n"
    )
    facts = extract_text(text, "KEN.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("KEN", 2021, month)]


def test_votes_of_members_listed_in_one_sentence() -> None:
    text = (
        "2019年5月3日安全理事会主席给安全理事会成员的信\n"
        "决议草案S/2019/350的表决结果如下：科威特、秘鲁、波兰和多米尼加共和国投了赞成票；"
        "赤道几内亚及南非均投了反对票；德国、印度尼西亚投了弃权票。\n"
    )
    facts = extract_text(text, "PRES.txt")
    votes = {v.state: v.vote for v in facts.votes}
    assert votes == {
        "KWT": "yes",
        "PER": "yes",
        "POL": "yes",
        "DOM": "yes",
        "GNQ": "no",
        "ZAF": "no",
        "DEU": "abstain",
        "IDN": "abstain",
    }


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        ("常驻代表\n玛丽亚·费尔南达·埃斯皮\n诺萨(签名)", "玛丽亚·费尔南达·埃斯皮诺萨(签名)"),
        ("•人权事务高级专员米歇尔·巴切\n莱特\n•另一位通报人", "米歇尔·巴切莱特\n•另一位通报人"),
        ("•主任让-皮埃尔·拉克鲁\n瓦-德拉戈先生", "让-皮埃尔·拉克鲁瓦-德拉戈先生"),
    ],
)
def test_name_broken_inside_a_part_is_joined(lines: str, joined: str) -> None:
    assert joined in normalise(lines).text


@pytest.mark.parametrize(
    "lines",
    [
        "常驻代表\n阿卜杜勒·萨拉姆\n常驻代表团",  # a title line after the name
        "签名人\n若泽·席尔瓦\n马里",  # a state's name on its own line
        "通报人：安东尼奥·古特雷斯\n秘书长",
    ],
)
def test_a_complete_name_at_a_lines_end_stays_apart(lines: str) -> None:
    assert lines.split("\n")[1] + "\n" in normalise(lines).text + "\n"


def test_latin_briefer_name_with_an_honorific() -> None:
    text = (
        "2022年3月1日阿拉伯联合酋长国常驻联合国代表给秘书长的信\n"
        "阿拉伯联合酋长国作为本月安全理事会主席，谨通知你，安理会将于3月8日举行公开辩论。\n"
        "通报人\n"
        "•国际移民组织总干事 António Vitorino 先生\n"
        "•世界气象组织秘书长 Petteri Taalas 先生\n"
    )
    facts = extract_text(text, "ARE.txt")
    names = {b.name for m in facts.meetings for b in m.briefers}
    assert {"António Vitorino", "Petteri Taalas"} <= names


def test_word_layout_with_full_width_spaces_and_a_head_of_state_chair() -> None:
    text = LETTER.replace(
        "　　请将本信作为",
        "　　辩论将由莫桑比克共和国总统菲利佩·雅辛托·纽西阁下主持。\n\n　　请将本信作为",
    ).replace("佩德罗·科米萨里奥·阿丰索（签名）", "佩德罗　·　科米萨里奥　·　阿丰索　（签名）")
    facts = extract_text(text, "MOZ.txt")
    assert facts.author is not None and facts.author.name == "佩德罗·科米萨里奥·阿丰索"
    assert facts.meetings[0].chair == "菲利佩·雅辛托·纽西"
    assert ("菲利佩·雅辛托·纽西", "MOZ") in {(p.name, p.state) for p in facts.representatives}
