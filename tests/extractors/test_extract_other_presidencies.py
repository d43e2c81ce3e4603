"""Letters of other presidencies, in other words than the dev letters: written for these tests
in the layout of the dev documents (PDF-extracted text), to keep the rules from fitting seven texts.
"""

from __future__ import annotations

from unsckg.extractors.pipeline import extract_text

# India, August 2021: presidency "在印度担任安全理事会 8 月份主席期间", theme "关于“…”的", chair a
# head of government, briefers after a heading with a colon, a tentative mark on one of them.
INDIA = " 联 合 国   S/2021/700  \n\n安全理事会 \n\nDistr.: General \n\n2 August 2021 \n\nChinese \n\nOriginal: English \n\n21-10812 (C)    030821    030821 \n\n*2110812*  \n\n  2021 年 7 月 30 日印度常驻联合国代表给秘书长的信 \n\n 我谨通知你，在印度担任安全理事会 8 月份主席期间，安理会将于 2021 年 8 月 9\n\n日星期一上午 10 时(纽约时间)以视频会议方式举行一次关于“维护国际和平与\n\n安全：海上安全”的高级别公开辩论。印度总理纳伦德拉·莫迪将主持会议。 \n\n 为指导这次辩论，印度编写了一份概念说明(见附件)。 \n\n 请将本信及其附件作为安全理事会文件分发为荷。 \n\n \n\n常驻代表 \n\n大使 \n\n蒂鲁穆尔蒂(签名) \n\n  2021 年 7 月 30 日印度常驻联合国代表给秘书长的信的附件 \n\n  关于“加强海上安全：国际合作的理由”的高级别公开辩论概念说明 \n\n 1. 海洋是人类共同的遗产。按照《联合国海洋法公约》，以及安理会第 2634(2022)\n\n号决议，各国应当……几内亚湾和索马里沿海的海盗行为仍然令人关切。 \n\n  通报人： \n\n• 秘书长安东尼奥·古特雷斯 \n\n• 联合国毒品和犯罪问题办公室执行主任加达·瓦利 \n\n• 非洲联盟委员会主席穆萨·法基·穆罕默德(待确认) \n\n  预期成果 \n\n 预计安理会将通过一项主席声明。 \n"

# Kenya, October 2021: "轮值主席国", agenda item "在“…”议程项目下", briefers as (a) (b) (c),
# in person, no formal outcome, the signature without a title line between.
KENYA = "  2021 年 10 月 1 日肯尼亚常驻联合国代表给秘书长的信 \n\n 肯尼亚作为安全理事会 2021 年 10 月份轮值主席国，将于 2021 年 10 月 12 日\n\n(星期二)下午 3 时在“非洲和平与安全”议程项目下举行题为“通过加强非洲联盟与联合国\n\n之间的合作，应对非洲冲突的根源”的公开辩论。会议将由肯尼亚总统乌胡鲁·肯雅塔主持。 \n\n 预计以下人员将作情况通报： \n\n (a) 秘书长安东尼奥·古特雷斯； \n\n (b) 非洲联盟委员会主席穆萨·法基·穆罕默德； \n\n (c) 南苏丹总统萨尔瓦·基尔·马亚尔迪特(tbc)。 \n\n 会议期间，安理会成员将面对面举行会议。不预期有正式成果。 \n\n 请将本信及其附件作为安全理事会文件分发为荷。 \n\n肯尼亚常驻联合国代表 \n\n马丁·基马尼(签名) \n"


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
