"""Votes in layouts the dev documents do not have, written for these tests: a meeting record
with two ballots (one draft vetoed, one adopted), a member's letter that says ``我国``, a
non-member speaking after the vote, and a meeting opened by a head of government."""

from __future__ import annotations

import pytest
from unsckg.extractors.pipeline import extract_text

RECORD = """联合国S/PV.9999
安全理事会
第七十八年
临时
第9999次会议
2023年5月9日星期二上午10时
纽约
主席：于尔根森先生..................................................... (瑞士)
成员：阿尔巴尼亚............................................................霍查先生
中国..................................................................................耿爽先生
法国..................................................................................德里维埃尔先生
议程
苏丹局势
下午3时05分开会。
主席(以法语发言)：根据安理会暂行议事规则第37条，我邀请苏丹代表参加本次会议。
安理会成员面前有文件S/2023/301，其中载有中国提交的决议草案案文，以及文件S/2023/305，其中载有阿尔巴尼亚和法国提交的决议草案案文。
我现在首先将文件S/2023/301所载决议草案付诸表决。
进行了举手表决。
赞成：
中国
反对：
阿尔巴尼亚、法国
弃权：
瑞士
主席(以法语发言)：决议草案获得1票赞成、2票反对、1票弃权。由于一个常任理事国投反对票，决议草案未获通过。
我现在将文件S/2023/305所载决议草案付诸表决。
进行了举手表决。
赞成：
阿尔巴尼亚、法国、瑞士
反对：
无
弃权：
中国
主席(以法语发言)：决议草案以3票赞成、0票反对、1票弃权获得通过，成为第2688(2023)号决议。
德里维埃尔先生(法国)(以法语发言)：法国投了赞成票。
耿爽先生(中国)：中方对刚才的决议投了弃权票，对自己的草案投了赞成票。
哈立德先生(苏丹)(以阿拉伯语发言)：我国政府拒绝这项决议。
下午4时散会。
"""


def _explained(record: str) -> set[tuple[str, str | None]]:
    """(state, speaker) of each explanation of vote in a meeting record."""
    return {
        (e.state, e.speaker) for e in extract_text(record, "S-PV-9999.txt").explanations_of_vote
    }


def test_two_ballots_each_with_its_own_draft_votes_and_tally() -> None:
    facts = extract_text(RECORD, "S-PV-9999.txt")
    votes = {(v.state, v.draft): (v.vote, v.resolution) for v in facts.votes}
    assert votes[("FRA", "S/2023/301")] == ("no", None)
    assert votes[("CHE", "S/2023/301")] == ("abstain", None)
    assert votes[("FRA", "S/2023/305")] == ("yes", "2688(2023)")
    # a statement after the vote does not overwrite the show of hands
    assert votes[("CHN", "S/2023/305")] == ("abstain", "2688(2023)")
    assert votes[("CHN", "S/2023/301")] == ("yes", None)
    assert sorted((t.draft, t.resolution, t.yes, t.no, t.abstain) for t in facts.vote_tallies) == [
        ("S/2023/301", None, 1, 2, 1),
        ("S/2023/305", "2688(2023)", 3, 0, 1),
    ]
    [resolution] = facts.resolutions
    assert (resolution.draft, resolution.sponsors, resolution.procedure) == (
        "S/2023/305",
        ("ALB", "FRA"),
        "meeting",
    )


def test_a_non_member_statement_is_not_an_explanation_of_vote() -> None:
    facts = extract_text(RECORD, "S-PV-9999.txt")
    assert sorted(e.state for e in facts.explanations_of_vote) == ["CHN", "FRA"]


def test_members_on_the_cover_and_a_president_named_yu() -> None:
    facts = extract_text(RECORD, "S-PV-9999.txt")
    names = {(p.name, p.state) for p in facts.representatives}
    assert {("霍查", "ALB"), ("耿爽", "CHN"), ("于尔根森", "CHE")} <= names


def test_wo_guo_is_the_letter_state_not_the_draft_topic() -> None:
    text = (
        "2021年6月3日爱尔兰常驻联合国代表给安全理事会主席的信\n"
        "爱尔兰谨此告知，我国对关于也门局势的决议草案(S/2021/520)投反对票。\n"
        "杰拉尔丁·伯恩·内森(签名)\n"
    )
    [vote] = extract_text(text, "IRL.txt").votes
    assert (vote.state, vote.vote, vote.draft, vote.date) == (
        "IRL",
        "no",
        "S/2021/520",
        "2021-06-03",
    )


def test_the_speaker_who_opens_the_meeting_acts_for_the_state() -> None:
    text = (
        "2021年9月1日爱尔兰常驻联合国代表给秘书长的信\n"
        "谨通知你，爱尔兰将于2021年9月8日举行一次公开辩论。\n"
        "4. 会议将由爱尔兰总理米歇尔·马丁致开幕辞，由爱尔兰外交部长西蒙·科文尼主持。\n"
    )
    names = {(p.name, p.state) for p in extract_text(text, "IRL.txt").representatives}
    assert {("米歇尔·马丁", "IRL"), ("西蒙·科文尼", "IRL")} <= names


def test_a_deputy_signs_and_votes() -> None:
    text = (
        "2022年3月2日阿拉伯联合酋长国常驻联合国副代表给安全理事会主席的信\n"
        "阿拉伯联合酋长国谨此告知，我国对决议草案(S/2022/155)投弃权票。\n"
        "阿拉伯联合酋长国常驻联合国副代表\n穆罕默德·阿布沙哈布(签名)\n"
    )
    facts = extract_text(text, "ARE.txt")
    assert facts.author is not None
    assert (facts.author.name, facts.author.state, facts.author.role) == (
        "穆罕默德·阿布沙哈布",
        "ARE",
        "Deputy Permanent Representative",
    )
    assert [(v.state, v.vote) for v in facts.votes] == [("ARE", "abstain")]


def test_the_president_explaining_the_vote_in_national_capacity() -> None:
    text = RECORD.replace(
        "哈立德先生(苏丹)",
        "主席(以法语发言)：我现在以瑞士代表的身份发言。瑞士对第一份决议草案投了弃权票。\n哈立德先生(苏丹)",
    )
    explained = _explained(text)
    assert ("CHE", "于尔根森") in explained
    # a national statement that is not about the vote explains nothing
    other = RECORD.replace(
        "哈立德先生(苏丹)",
        "主席(以法语发言)：我现在以瑞士外交部长的身份发言。瑞士将继续支持苏丹人民。\n哈立德先生(苏丹)",
    )
    states = {state for state, _ in _explained(other)}
    assert "CHE" not in states


def test_members_list_that_lost_its_dot_leaders() -> None:
    text = (
        "联合国S/PV.9100\n安全理事会\n第9100次会议\n2022年8月3日星期三上午10时\n纽约\n"
        "主席：  托马斯-格林菲尔德女士  (美利坚合众国)\n"
        "成员：  阿尔巴尼亚    霍查先生\n        俄罗斯联邦    涅边贾先生\n"
        "        加蓬    比昂先生\n议程\n中东局势\n上午10时05分开会。\n"
    )
    names = {(p.name, p.state) for p in extract_text(text, "S-PV-9100.txt").representatives}
    expected = {("托马斯-格林菲尔德", "USA"), ("霍查", "ALB"), ("涅边贾", "RUS"), ("比昂", "GAB")}
    assert names == expected


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("决议草案以14票赞成、1票弃权获得通过，成为第2701(2023)号决议。", (14, 0, 1)),
        ("决议草案以15票赞成获得一致通过，成为第2701(2023)号决议。", (15, 0, 0)),
        ("决议草案以十二票赞成、零票反对、三票弃权获得通过，成为第2701(2023)号决议。", (12, 0, 3)),
        ("决议草案获得8票赞成、7票反对，未获通过。", (8, 7, 0)),
    ],
)
def test_tallies_with_fewer_counts(sentence: str, counts: tuple[int, int, int]) -> None:
    text = (
        "联合国S/PV.9301\n安全理事会\n第9301次会议\n2023年7月3日星期一上午10时\n纽约\n"
        "安理会成员面前有文件S/2023/490，其中载有日本提交的决议草案案文。\n"
        f"我现在将决议草案付诸表决。\n主席(以英语发言)：{sentence}\n"
    )
    [tally] = extract_text(text, "S-PV-9301.txt").vote_tallies
    assert (tally.draft, tally.yes, tally.no, tally.abstain) == ("S/2023/490", *counts)


def test_web_vote_header_without_piao() -> None:
    text = (
        "S/RES/2601 (2021)\n安全理事会第2601(2021)号决议\n"
        "2021年10月29日安全理事会第8889次会议通过\n表决：\n赞成：14\n反对：0\n"
        "弃权：1（印度）\n安全理事会，\n回顾其以往各项决议，\n"
    )
    facts = extract_text(text, "S-RES-2601.txt")
    assert [(v.state, v.vote) for v in facts.votes] == [("IND", "abstain")]
    assert [(t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [(14, 0, 1)]


def test_a_member_that_does_not_take_part() -> None:
    text = (
        "2020年4月3日加蓬常驻联合国代表给安全理事会主席的信\n"
        "加蓬谨此告知，我国不参加对决议草案(S/2020/300)的表决。\n米歇尔·肖·卡文达(签名)\n"
    )
    assert [(v.state, v.vote) for v in extract_text(text, "GAB.txt").votes] == [("GAB", "absent")]


MEMBERS = (
    ("阿尔巴尼亚", "霍查"),
    ("巴西", "科斯塔·菲略"),
    ("中国", "耿爽"),
    ("厄瓜多尔", "佩雷斯·洛斯"),
    ("法国", "德里维埃尔"),
    ("加蓬", "比昂"),
    ("加纳", "阿杰曼"),
    ("日本", "石兼"),
    ("马耳他", "弗雷泽"),
    ("莫桑比克", "阿方索"),
    ("俄罗斯联邦", "涅边贾"),
    ("阿拉伯联合酋长国", "努赛贝"),
    ("大不列颠及北爱尔兰联合王国", "伍德沃德"),
    ("美利坚合众国", "伍德"),
)


def test_full_cover_list_keeps_the_president_and_drops_non_members() -> None:
    rows = "\n".join(f"{state}............................{name}先生" for state, name in MEMBERS)
    text = (
        "联合国S/PV.9400\n安全理事会\n第9400次会议\n2023年8月30日星期三上午10时\n纽约\n"
        "主席：  卡兰先生.................... (瑞士)\n成员：" + rows + "\n议程\n马里局势\n"
        "主席(以英语发言)：根据安理会暂行议事规则第37条，我邀请马里代表参加本次会议。\n"
        "我现在将文件S/2023/638所载决议草案付诸表决。\n进行了举手表决。\n"
        "赞成：\n阿尔巴尼亚、巴西、中国、厄瓜多尔、法国、加蓬、加纳、日本、马耳他、莫桑比克、"
        "瑞士、阿拉伯联合酋长国、大不列颠及北爱尔兰联合王国、美利坚合众国\n反对：\n俄罗斯联邦\n"
        "弃权：\n无\n"
        "伍德先生(美利坚合众国)(以英语发言)：美国投了赞成票。\n"
        "主席(以英语发言)：我现在以瑞士代表的身份发言。瑞士投了赞成票，对结果深表遗憾。\n"
        "科纳特先生(马里)(以法语发言)：我国政府欢迎这一结果。\n"
    )
    facts = extract_text(text, "S-PV-9400.txt")
    assert {e.state for e in facts.explanations_of_vote} == {"USA", "CHE"}
    # every member on the cover (石兼: a name with 兼), the President, the invited speaker
    names = {(p.name, p.state) for p in facts.representatives}
    assert len(names) == 16 and {("石兼", "JPN"), ("卡兰", "CHE"), ("科纳特", "MLI")} <= names


def test_second_ballot_adopted_with_its_date_before_the_number() -> None:
    record = RECORD.replace("成为第2688(2023)号决议", "成为2023年5月9日安理会第2691(2023)号决议")
    facts = extract_text(record, "S-PV-9999.txt")
    assert sorted((t.draft, t.resolution) for t in facts.vote_tallies) == [
        ("S/2023/301", None),
        ("S/2023/305", "2691(2023)"),
    ]
    [resolution] = facts.resolutions
    assert (resolution.number, resolution.adopted, resolution.draft) == (
        2691,
        "2023-05-09",
        "S/2023/305",
    )


def test_the_president_s_national_statement_over_several_paragraphs() -> None:
    # the turn says it is national on its first line and speaks of the vote on the next ones
    text = RECORD.replace(
        "哈立德先生(苏丹)",
        "主席(以法语发言)：我现在以瑞士代表的身份发言。\n"
        "瑞士支持苏丹人民对和平的渴望。\n瑞士对第二份决议草案投了赞成票。\n"
        "我现在恢复安全理事会主席的职务。\n哈立德先生(苏丹)",
    )
    explained = _explained(text)
    assert ("CHE", "于尔根森") in explained
    # the vote named only after the President is back in the chair is not the turn's
    later = RECORD.replace(
        "哈立德先生(苏丹)",
        "主席(以法语发言)：我现在以瑞士代表的身份发言。\n瑞士支持苏丹人民。\n"
        "我现在恢复安全理事会主席的职务。安理会已完成表决。\n哈立德先生(苏丹)",
    )
    states = {state for state, _ in _explained(later)}
    assert "CHE" not in states


@pytest.mark.parametrize(
    "sentence",
    [
        "法国欢迎安理会以13票赞成、0票反对、2票弃权通过第2701(2023)号决议。",
        "第2701(2023)号决议以13票赞成、0票反对、2票弃权获得通过。",
    ],
)
def test_a_tally_keyed_on_the_resolution_its_sentence_names(sentence: str) -> None:
    text = (
        "2023年10月6日安全理事会主席给秘书长的信\n"
        "谨通知，关于海地的决议草案(S/2023/740)已付诸表决。\n"
        f"{sentence}\n安全理事会主席\n塞尔吉奥·弗朗萨·达尼塞(签名)\n"
    )
    tallies = extract_text(text, "S-2023-999.txt").vote_tallies
    assert [(t.resolution, t.draft, t.yes, t.no, t.abstain) for t in tallies] == [
        ("2701(2023)", "S/2023/740", 13, 0, 2)
    ]


def test_the_president_s_national_statement_about_the_draft() -> None:
    # the turn speaks of the draft the Council voted on, not of the vote itself
    text = RECORD.replace(
        "哈立德先生(苏丹)",
        "主席(以法语发言)：现在我以瑞士代表的身份发言。\n"
        "瑞士与其他成员一道推动了第二份草案的谈判。\n哈立德先生(苏丹)",
    )
    assert ("CHE", "于尔根森") in _explained(text)


@pytest.mark.parametrize(
    "statement",
    [
        "阿尔巴尼亚将对决议草案投赞成票。",
        "我们将投弃权票，原因如下。",
        "我国代表团决定在表决中弃权。",
        "阿尔巴尼亚打算投票支持这项决议草案。",
    ],
)
def test_an_explanation_before_the_vote(statement: str) -> None:
    text = RECORD.replace(
        "我现在首先将文件S/2023/301",
        f"霍查先生(阿尔巴尼亚)(以英语发言)：{statement}\n我现在首先将文件S/2023/301",
    )
    assert ("ALB", "霍查") in _explained(text)


def test_a_statement_before_the_vote_that_announces_no_vote() -> None:
    text = RECORD.replace(
        "我现在首先将文件S/2023/301",
        "霍查先生(阿尔巴尼亚)(以英语发言)：阿尔巴尼亚欢迎苏丹各方的停火承诺。\n"
        "我现在首先将文件S/2023/301",
    )
    assert "ALB" not in {state for state, _ in _explained(text)}


def test_one_character_surnames_in_the_cover_and_the_turns() -> None:
    text = (
        RECORD.replace("主席：于尔根森先生", "主席：朴女士")
        .replace("耿爽先生\n", "王先生\n")
        .replace("耿爽先生(中国)：", "王先生(中国)：")
    )
    facts = extract_text(text, "S-PV-9999.txt")
    representatives = {(p.name, p.state) for p in facts.representatives}
    assert {("朴", "CHE"), ("王", "CHN")} <= representatives
    assert ("CHN", "王") in _explained(text)
