"""Concept-note letters: metadata, presidencies, meetings, briefers and representatives, on the
dev letters and on variations of them (other states, months, dates, briefer lists, layouts)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

Sample = Callable[[str], str]


def vary(text: str, replacements: dict[str, str]) -> DocumentFacts:
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return extract_text(text, "variation.zh.txt")


def test_s_2021_284_as_ireland_in_september(sample: Sample) -> None:
    facts = vary(
        sample("S-2021-284.zh.txt"),
        {
            "越南": "爱尔兰",
            "2021 年 4 月份主席": "2021 年 9 月份主席",
            "2021 年 4 月 8 日": "2021 年 9 月 9 日",
            "邓廷贵": "杰拉尔丁·伯恩·纳森",
        },
    )
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("IRL", 2021, 9)]
    assert facts.author is not None
    assert (facts.author.name, facts.author.state) == ("杰拉尔丁·伯恩·纳森", "IRL")
    meeting = facts.meetings[0]
    assert (meeting.date, meeting.time, meeting.presidency) == ("2021-09-09", "08:00", "IRL")
    assert "IRL" in [m.value for m in facts.states_mentioned]


def test_chn_letter_december_letter_for_january_presidency(sample: Sample) -> None:
    facts = vary(
        sample("CHN-2021-05-05-letter.zh.txt"),
        {
            "2021 年 5 月 5 日": "2021 年 12 月 20 日",
            "5 月份轮值主席": "1 月份轮值主席",
            "5 月轮值主席": "1 月轮值主席",
            "于 5 月 24 日举办": "于 1 月 24 日举办",
            "2021 年 5 月 24 日": "2022 年 1 月 24 日",
        },
    )
    assert facts.date == "2021-12-20"
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHN", 2022, 1)]
    assert facts.meetings[0].date == "2022-01-24"


def test_s_2018_184_month_from_the_meeting_date(sample: Sample) -> None:
    facts = vary(
        sample("S-2018-184.zh.txt"),
        {
            "荷兰": "瑞典",
            "2018 年 3 月 28": "2018 年 1 月 18",
            "卡雷尔·范奥斯特罗姆": "奥洛夫·斯库格",
        },
    )
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("SWE", 2018, 1)]
    assert facts.author is not None and facts.author.state == "SWE"
    assert facts.meetings[0].date == "2018-01-18"
    assert facts.meetings[0].format == "high-level open debate"


def test_vnm_letter_meeting_details(sample: Sample) -> None:
    facts = extract_text(sample("VNM-2021-03-25-letter.zh.txt"), "VNM-2021-03-25-letter.zh.txt")
    meeting = facts.meetings[0]
    assert meeting.agenda_item == "联合国与区域和次区域组织在维护国际和平与安全方面的合作"
    assert meeting.outcome == "presidential statement"
    assert meeting.virtual is True and meeting.chair == "越南国家元首"
    assert [(b.name, b.title) for b in meeting.briefers] == [(None, "秘书长")]


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("将于2021年4月19日上午8时(纽约时间)在安理会会议厅举行", False),
        ("将于2021年4月19日下午3时以视频会议方式举行", True),
    ],
)
def test_vnm_letter_virtual_or_in_person(sample: Sample, replacement: str, expected: bool) -> None:
    text = sample("VNM-2021-03-25-letter.zh.txt").replace("以虚拟形式", "")
    facts = vary(text, {"将于2021年4月19日上午8时(纽约时间)举行": replacement})
    assert facts.meetings[0].virtual is expected


def test_vnm_letter_no_formal_outcome(sample: Sample) -> None:
    facts = vary(
        sample("VNM-2021-03-25-letter.zh.txt"),
        {"预期将就此事发表一项安全理事会主席声明。": "不预期有正式成果。"},
    )
    assert facts.meetings[0].outcome is None


def test_chn_letter_briefers_in_a_sentence(sample: Sample) -> None:
    facts = extract_text(sample("CHN-2021-05-05-letter.zh.txt"), "CHN.txt")
    meeting = facts.meetings[0]
    assert meeting.chair == "张军" and meeting.virtual is True
    assert [(b.name, b.title, b.tentative) for b in meeting.briefers] == [
        ("拉克鲁瓦", "主管和平行动副秘书长", True),
        ("哈雷", "主管业务支助事务副秘书长", True),
    ]


def test_chn_letter_briefers_confirmed_and_three_of_them(sample: Sample) -> None:
    facts = vary(
        sample("CHN-2021-05-05-letter.zh.txt"),
        {
            "哈雷通报(待确认)": "哈雷、联合国难民事务高级专员菲利波·格兰迪通报",
        },
    )
    assert [(b.name, b.tentative) for b in facts.meetings[0].briefers] == [
        ("拉克鲁瓦", False),
        ("哈雷", False),
        ("菲利波·格兰迪", False),
    ]


def test_s_2021_284_briefer_list_variations(sample: Sample) -> None:
    facts = vary(
        sample("S-2021-284.zh.txt"),
        {
            "联合国秘书长安东尼奥·古特雷斯(待定)。": "秘书长(tbc)。",
            "日内瓦国际人道主义排雷中心主任 Stefano Toscano 大使(待定)。": (
                "非洲联盟委员会主席穆萨·法基、欧洲联盟外交和安全政策高级代表何塞普·博雷利。"
            ),
        },
    )
    briefers = [(b.name, b.title, b.tentative) for b in facts.meetings[0].briefers]
    assert briefers[0] == (None, "秘书长", True)
    assert ("穆萨·法基", "非洲联盟委员会主席", False) in briefers
    assert ("何塞普·博雷利", "欧洲联盟外交和安全政策高级代表", False) in briefers
    assert ("杨紫琼", "联合国开发计划署亲善大使", True) in briefers


def test_s_2018_184_briefers_without_bullets(sample: Sample) -> None:
    facts = extract_text(sample("S-2018-184.zh.txt"), "S-2018-184.zh.txt")
    assert [(b.name, b.title) for b in facts.meetings[0].briefers] == [
        (None, "秘书长"),
        ("穆萨·法基", "非洲联盟委员会主席"),
        ("法蒂马塔·图雷", "非政府组织GREFFA(妇女行动培训研究小组)主任"),
    ]


def test_meeting_announced_with_weekday_in_brackets_and_afternoon_time() -> None:
    text = (
        "2022年6月1日阿尔巴尼亚常驻联合国代表给秘书长的信\n"
        "阿尔巴尼亚作为安全理事会2022年6月份主席，打算于2022年6月14日(星期二)下午3时举行一次"
        "主题为“气候与安全”的通报会。\n请将本信作为安全理事会文件分发为荷。\n"
        "阿尔巴尼亚常驻联合国代表\n费里特·霍贾(签名)\n"
    )
    facts = extract_text(text, "ALB.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("ALB", 2022, 6)]
    meeting = facts.meetings[0]
    assert (meeting.date, meeting.time, meeting.format) == ("2022-06-14", "15:00", "briefing")
    assert meeting.theme == ("气候与安全",)
    assert [(r.name, r.state) for r in facts.representatives] == [("费里特·霍贾", "ALB")]


def test_letter_evidence_points_into_the_original(sample: Sample) -> None:
    original = sample("S-2021-284.zh.txt")
    facts = extract_text(original, "S-2021-284.zh.txt")
    evidences = [facts.evidence["date"], facts.presidencies[0].evidence, facts.meetings[0].evidence]
    evidences += [b.evidence for b in facts.meetings[0].briefers]
    for evidence in evidences:
        assert evidence is not None
        assert original[evidence.start : evidence.end] == evidence.quote


def test_s_2021_284_briefers_organisations(sample: Sample) -> None:
    facts = extract_text(sample("S-2021-284.zh.txt"), "S-2021-284.zh.txt")
    organizations = {b.name: b.organization for b in facts.meetings[0].briefers}
    assert organizations["杨紫琼"] == "联合国开发计划署"
    assert organizations["Stefano Toscano"] == "日内瓦国际人道主义排雷中心"
    assert organizations["Nguyen Thi Dieu Linh"] == "挪威人民援助会"


def test_chn_letter_president_for_this_month(sample: Sample) -> None:
    facts = vary(sample("CHN-2021-05-05-letter.zh.txt"), {"5 月份轮值主席": "本月轮值主席"})
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHN", 2021, 5)]


def test_language_of_the_text(sample: Sample) -> None:
    assert extract_text(sample("S-2018-184.zh.txt"), "zh.txt").language == "zh"
    english = "Letter dated 2 March 2018 from the Permanent Representative of the Netherlands "
    english += "to the United Nations addressed to the Secretary-General (Security Council)"
    assert extract_text(english, "en.txt").language == "en"


@pytest.mark.parametrize(
    "sentence",
    [
        "巴西常驻联合国代表罗纳尔多·科斯塔·菲略大使将作总结发言。",
        "会议最后，巴西常驻联合国代表罗纳尔多·科斯塔·菲略将致闭幕辞。",
        "由巴西常驻联合国代表罗纳尔多·科斯塔·菲略作总结发言。",
        "巴西外交部长罗纳尔多·科斯塔·菲略将在会议结束时致闭幕词。",
    ],
)
def test_who_closes_the_meeting_acts_for_the_state(sentence: str) -> None:
    text = (
        "2022年6月1日阿尔巴尼亚常驻联合国代表给各会员国常驻代表的信\n"
        f"谨邀请贵代表团参加定于2022年6月10日上午10时举行的阿里亚模式会议。{sentence}\n"
        "阿尔巴尼亚常驻联合国代表\n费里特·霍查(签名)\n"
    )
    people = {(p.name, p.state) for p in extract_text(text, "ALB.txt").representatives}
    assert ("罗纳尔多·科斯塔·菲略", "BRA") in people


def test_president_named_with_his_state_s_post_elsewhere_gives_the_presidency() -> None:
    text = (
        "2019年10月4日安全理事会主席给秘书长的信\n"
        "谨通知，关于利比亚的决议草案S/2019/780已按照书面程序付诸表决。\n"
        "安全理事会主席\n杰里·马蒂亚斯·恩瓦穆(签名)\n"
        "附件\n南非常驻联合国代表杰里·马蒂亚斯·恩瓦穆的发言\n南非对决议草案投了赞成票。\n"
    )
    facts = extract_text(text, "S-2019-790.txt")
    assert facts.author is not None
    assert (facts.author.state, facts.author.role) == ("ZAF", "President of the Security Council")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("ZAF", 2019, 10)]
    # a namesake's post is not his: another name gives no state
    other = text.replace("代表杰里·马蒂亚斯·恩瓦穆的发言", "代表马蒂亚斯·恩瓦穆·杰里的发言")
    assert extract_text(other, "S-2019-790.txt").presidencies == ()


def test_written_procedure_adoption_with_the_procedure_letter_s_date_between() -> None:
    # the line breaks after ``…主席的信``, which ends like a letter's heading
    text = (
        "2020年6月8日安全理事会主席给秘书长的信\n"
        "谨提及安全理事会第2526(2020)号决议，其中涉及题为“利比亚局势”的项目。该决议于\n"
        "2020年6月5日根据2020年3月27日安全理事会主席的信\n"
        "(S/2020/253)中商定的书面表决程序获得通过。\n"
        "安全理事会主席\n杰里·马蒂亚斯·恩瓦穆(签名)\n"
    )
    resolutions = extract_text(text, "S-2020-999.txt").resolutions
    assert [(r.number, r.year, r.adopted, r.procedure) for r in resolutions] == [
        (2526, 2020, "2020-06-05", "written")
    ]


def test_president_named_with_his_state_s_post_before_his_signature() -> None:
    text = (
        "2019年10月4日安全理事会主席给秘书长的信\n"
        "谨随函附上南非常驻联合国代表杰里·马蒂亚斯·恩瓦穆就决议草案S/2019/780所作的发言。\n"
        "安全理事会主席\n杰里·马蒂亚斯·恩瓦穆(签名)\n"
    )
    facts = extract_text(text, "S-2019-790.txt")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("ZAF", 2019, 10)]
