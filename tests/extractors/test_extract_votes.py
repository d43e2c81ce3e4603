"""Resolutions, votes, tallies and explanations of vote: the written procedure (S/2020/268),
a resolution page (S/RES/2505), and the same facts in other layouts and with other values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

Sample = Callable[[str], str]
DATA = Path(__file__).resolve().parent / "data"
MEMBERS_2020 = (
    "比利时、中国、多米尼加共和国、爱沙尼亚、法国、德国、印度尼西亚、尼日尔、俄罗斯联邦、"
    "圣文森特和格林纳丁斯、南非、突尼斯、大不列颠及北爱尔兰联合王国、美利坚合众国、越南"
)


def votes_of(facts: DocumentFacts) -> dict[str, str]:
    return {v.state: v.vote for v in facts.votes}


def test_s_2020_268_written_procedure(sample: Sample) -> None:
    facts = extract_text(sample("S-2020-268.zh.txt"), "S-2020-268.zh.txt")
    resolution = facts.resolutions[0]
    assert (resolution.number, resolution.year, resolution.adopted) == (2518, 2020, "2020-03-30")
    assert (resolution.draft, resolution.procedure, resolution.sponsors) == (
        "S/2020/240",
        "written",
        ("CHN",),
    )
    assert len(facts.votes) == 15 and set(votes_of(facts).values()) == {"yes"}
    dates = {v.state: v.date for v in facts.votes}
    assert (dates["IDN"], dates["NER"], dates["FRA"]) == ("2020-03-29", "2020-03-28", "2020-03-30")
    assert all(v.draft == "S/2020/240" and v.resolution == "2518(2020)" for v in facts.votes)


def test_s_2020_268_against_and_abstention(sample: Sample) -> None:
    text = sample("S-2020-268.zh.txt")
    text = text.replace("比利时对这项决议草案投赞成票", "比利时对这项决议草案投反对票")
    text = text.replace("法国对该决议草案投赞成票", "法国对该决议草案投弃权票")
    assert text.count("S/2020/240投赞成票") == 1  # Estonia's letter
    text = text.replace("S/2020/240投赞成票", "S/2020/240投弃权票")
    votes = votes_of(extract_text(text, "variation.txt"))
    assert (votes["BEL"], votes["FRA"], votes["EST"], votes["CHN"]) == (
        "no",
        "abstain",
        "abstain",
        "yes",
    )


def test_s_2020_268_explanations_of_vote(sample: Sample) -> None:
    facts = extract_text(sample("S-2020-268.zh.txt"), "S-2020-268.zh.txt")
    assert [(e.state, e.speaker) for e in facts.explanations_of_vote] == [
        ("CHN", "张军"),
        ("IDN", "迪安·特里安夏·查尼"),
        ("RUS", "瓦西里·A·涅边贾"),
        ("VCT", "因加·罗恩塔·金"),
    ]
    names = {r.state: r.name for r in facts.representatives}
    assert names["RUS"] == "瓦西里·涅边贾"  # the speaker's name variant merged into the signature
    roles = {r.state: r.role for r in facts.representatives}
    assert (
        roles["TUN"] == "Chargé d'affaires a.i."
        and roles["DEU"] == "Deputy Permanent Representative"
    )
    assert facts.author is not None and facts.author.role == "President of the Security Council"


def test_s_res_2505_vote_header(sample: Sample) -> None:
    facts = extract_text(sample("S-RES-2505-2020.zh.txt"), "S-RES-2505-2020.zh.txt")
    assert facts.symbol == "S/RES/2505(2020)" and facts.kind == "resolution"
    assert [(m.date, m.number) for m in facts.meetings] == [("2020-01-13", "8701")]
    assert len(facts.votes) == 15 and {v.date for v in facts.votes} == {"2020-01-13"}
    assert [(t.resolution, t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [
        ("2505(2020)", 15, 0, 0)
    ]


def test_s_res_2505_header_with_against_and_abstention(sample: Sample) -> None:
    text = sample("S-RES-2505-2020.zh.txt")
    header = text[text.index("赞成:15票") : text.index("弃权:0票") + len("弃权:0票")]
    yes = MEMBERS_2020.replace("中国、", "").replace("俄罗斯联邦、", "")
    text = text.replace(header, f"赞成:13票({yes}) 反对:1票(俄罗斯联邦) 弃权:1票(中国)")
    facts = extract_text(text, "variation.txt")
    votes = votes_of(facts)
    assert (votes["RUS"], votes["CHN"], votes["BEL"]) == ("no", "abstain", "yes")
    assert len(votes) == 15
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(13, 1, 1)]


def meeting_record(votes: str, tally: str) -> str:
    """The adoption of resolution 2505 (2020) laid out as a Chinese meeting record (S/PV)."""
    return (
        "联 合 国 S/PV.8701\n安全理事会\n第七十五年\n第 8701 次会议\n"
        "2020 年 1 月 13 日星期一上午 10 时\n纽约\n"
        "主席： 邓廷贵先生 .................................... (越南)\n"
        "成员： 比利时 .................................... 平克先生\n"
        "中国 .................................... 吴海涛先生\n"
        "议程\n中东局势\n"
        "会议于上午 10 时 05 分开始。\n通过议程\n议程通过。\n"
        "主席（以英语发言）：我现在请安理会成员就 S/2020/19 号文件所载决议草案进行表决。\n"
        f"进行了举手表决。\n{votes}\n"
        f"主席（以英语发言）：该决议草案获得{tally}。决议草案获得通过，成为第 2505(2020)号决议。\n"
        "我现在请希望在表决后发言的安理会成员发言。\n"
        "艾伦先生（联合王国）（以英语发言）：联合王国欢迎延长荷台达协议支助团的任务期限。\n"
        "涅边贾先生（俄罗斯联邦）（以俄语发言）：俄罗斯联邦投了弃权票。\n"
        "会议于上午 10 时 20 分结束。\n"
    )


def test_meeting_record_layout() -> None:
    yes = MEMBERS_2020.replace("俄罗斯联邦、", "")
    text = meeting_record(
        f"赞成：\n{yes}\n反对：\n无\n弃权：\n俄罗斯联邦", "14 票赞成、0 票反对、1 票弃权"
    )
    facts = extract_text(text, "S-PV-8701.zh.txt")
    assert (facts.symbol, facts.kind, facts.date) == ("S/PV.8701", "meeting record", "2020-01-13")
    meeting = facts.meetings[0]
    assert (meeting.number, meeting.time, meeting.chair, meeting.presidency) == (
        "8701",
        "10:00",
        "邓廷贵",
        "VNM",
    )
    assert meeting.agenda_item == "中东局势"
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("VNM", 2020, 1)]
    assert [(r.number, r.year, r.adopted) for r in facts.resolutions] == [
        (2505, 2020, "2020-01-13")
    ]
    votes = votes_of(facts)
    assert len(votes) == 15 and votes["RUS"] == "abstain" and votes["CHN"] == "yes"
    assert all(v.draft == "S/2020/19" for v in facts.votes)
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(14, 0, 1)]
    assert [(e.state, e.speaker) for e in facts.explanations_of_vote] == [
        ("GBR", "艾伦"),
        ("RUS", "涅边贾"),
    ]
    assert {(r.name, r.state) for r in facts.representatives} == {
        ("邓廷贵", "VNM"),
        ("平克", "BEL"),
        ("吴海涛", "CHN"),
        ("艾伦", "GBR"),
        ("涅边贾", "RUS"),
    }


def test_resolution_as_printed_pdf_text() -> None:
    text = (
        " 联 合 国   S/RES/2505 (2020) \n\n 安全理事会   Distr.: General \n\n13 January 2020 \n\n"
        "20-00601 (C)    \n\n*2000601*  \n\n 第 2505(2020)号决议 \n\n"
        "  2020 年 1 月 13 日安全理事会第 8701 次会议通过 \n\n 安全理事会， \n\n"
        " 回顾其关于也门的第 2451(2018)和 2452(2019)号决议， \n"
    )
    facts = extract_text(text, "S-RES-2505-2020.pdf.txt")
    assert (facts.symbol, facts.date, facts.issued) == (
        "S/RES/2505(2020)",
        "2020-01-13",
        "2020-01-13",
    )
    assert [(r.number, r.adopted, r.procedure) for r in facts.resolutions] == [
        (2505, "2020-01-13", "meeting")
    ]
    assert {m.value for m in facts.resolutions_cited} == {"2505(2020)", "2451(2018)", "2452(2019)"}
    assert [m.value for m in facts.states_mentioned] == ["YEM"]


def test_presidential_statement_made_at_a_meeting() -> None:
    text = (
        "联合国 S/PRST/2021/3\n安全理事会 Distr.: General\n8 February 2021\n"
        "安全理事会主席的声明\n"
        "在 2021 年 2 月 8 日举行的安全理事会第 8747 次会议上，安全理事会主席就安理会审议的题为"
        "“西非和萨赫勒和平与安全”的项目，代表安理会发表声明如下：\n"
        "“安全理事会欢迎马里过渡当局的努力，回顾其第 2531(2020)号决议。”\n"
    )
    facts = extract_text(text, "S-PRST-2021-3.zh.txt")
    assert (facts.symbol, facts.kind, facts.date) == (
        "S/PRST/2021/3",
        "presidential statement",
        "2021-02-08",
    )
    assert [(m.date, m.number, m.agenda_item) for m in facts.meetings] == [
        ("2021-02-08", "8747", "西非和萨赫勒和平与安全")
    ]
    assert facts.resolutions == () and facts.votes == ()
    assert [m.value for m in facts.states_mentioned] == ["MLI"]


def test_written_procedure_with_abstentions_and_two_sponsors() -> None:
    """A letter in the shape of S/2020/268 with another draft, two sponsors, abstentions listed
    after the count, and a voter named before a sponsor (``俄罗斯联邦对德国和比利时提交的…``)."""
    text = (DATA / "S-2020-663-variation.zh.txt").read_text(encoding="utf-8")
    facts = extract_text(text, "S-2020-663-variation.zh.txt")
    resolution = facts.resolutions[0]
    assert (resolution.number, resolution.adopted, resolution.draft) == (
        2533,
        "2020-07-11",
        "S/2020/654",
    )
    assert resolution.sponsors == ("DEU", "BEL")
    assert {(v.state, v.vote, v.date) for v in facts.votes} == {
        ("CHN", "abstain", "2020-07-11"),
        ("DEU", "yes", "2020-07-11"),
        ("RUS", "abstain", "2020-07-10"),
        ("DOM", "abstain", "2020-07-11"),
    }
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(12, 0, 3)]
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("DEU", 2020, 7)]


def test_s_2020_268_statement_by_a_delegation(sample: Sample) -> None:
    """An explanation of vote made by a delegation, not by a named person."""
    text = sample("S-2020-268.zh.txt").replace(
        "印度尼西亚共和国常驻联合国代表迪安·特里安夏·查尼先生的发言",
        "印度尼西亚共和国常驻联合国代表团的发言",
    )
    facts = extract_text(text, "variation.txt")
    assert ("IDN", None) in [(e.state, e.speaker) for e in facts.explanations_of_vote]
    assert ("迪安·特里安夏·查尼", "IDN") in [(r.name, r.state) for r in facts.representatives]


def test_s_2020_268_explanation_heading_about_the_draft(sample: Sample) -> None:
    text = sample("S-2020-268.zh.txt").replace(
        "俄罗斯联邦常驻联合国代表瓦西里·A·涅边贾先生的发言",
        "俄罗斯联邦常驻联合国代表瓦西里·A·涅边贾关于决议草案S/2020/240的解释性发言",
    )
    facts = extract_text(text, "variation.txt")
    assert ("RUS", "瓦西里·A·涅边贾") in [(e.state, e.speaker) for e in facts.explanations_of_vote]


def test_written_procedure_with_the_date_between_becomes_and_the_number() -> None:
    """``…获得通过，成为 <date> 安全理事会第 N 号决议``: the date names the adoption, the tally
    belongs to that resolution and to the letter's draft."""
    text = (DATA / "S-2020-663-variation.zh.txt").read_text(encoding="utf-8")
    text = text.replace(
        "，于 2020 年 7 月 11 日作为第 2533(2020)号决议获得通过。",
        "，决议草案获得通过，成为 2020 年 7 月 12 日安全理事会第 2537(2020)号决议。",
    )
    facts = extract_text(text, "S-2020-663-variation.zh.txt")
    [resolution] = facts.resolutions
    assert (resolution.number, resolution.adopted, resolution.draft) == (
        2537,
        "2020-07-12",
        "S/2020/654",
    )
    assert [(t.resolution, t.draft, t.yes, t.abstain) for t in facts.vote_tallies] == [
        ("2537(2020)", "S/2020/654", 12, 3)
    ]
    assert {v.resolution for v in facts.votes} == {"2537(2020)"}
