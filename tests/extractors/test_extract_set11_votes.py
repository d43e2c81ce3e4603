"""A state's name broken at a conjunction inside it, tallies that name the ballot before the
count or set the counts against each other (``N票对N票``), a member whose seat is empty and who
so takes no part in the vote, a draft said to be printed in a document (``载于文件…``), the
President voting ``投票赞成`` in national capacity, and the General Assembly's meeting records.
Texts and names written for these tests."""

from __future__ import annotations

import pytest
from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import explanation, vote


def context(text: str) -> Context:
    return Context("sample.txt", normalise(text))


def tallies(text: str) -> list[tuple[int, int, int]]:
    found = vote.extract(context(text), Found()).vote_tallies
    return [(t.yes, t.no, t.abstain) for t in found]


# --- a state's name broken at a conjunction -------------------------------------------------


def test_name_broken_before_he_across_a_page_break() -> None:
    text = (
        "联 合 国  S/PV.8123\n赞成：\n 保加利亚、中非共\n\nS/PV.8123\n\n02-27901 (C) 5/9\n\n"
        "和国、法国、几内亚\n反对：\n无\n"
    )
    clean = normalise(text).text
    assert "保加利亚、中非共和国、法国、几内亚" in clean
    assert "02-27901" not in clean


def test_name_broken_after_he() -> None:
    clean = normalise("赞成：\n 智利、特立尼达和\n多巴哥、秘鲁\n").text
    assert "智利、特立尼达和多巴哥、秘鲁" in clean


def test_name_broken_before_ji() -> None:
    clean = normalise("弃权：\n 埃及、大不列颠\n及北爱尔兰联合王国\n").text
    assert "埃及、大不列颠及北爱尔兰联合王国" in clean


@pytest.mark.parametrize(
    ("previous", "line"),
    [(" 加纳、中非", "和平进程的支持者"), (" 秘鲁、乍得和", "印度、挪威")],
)
def test_a_conjunction_after_a_whole_name_is_no_break(previous: str, line: str) -> None:
    # ``中非`` + ``和平``, ``乍得和`` + ``印度``: no state's name is made by joining them
    clean = normalise(f"赞成：\n{previous}\n{line}\n").text
    assert f"{previous.strip()}\n{line}" in clean


# --- tallies --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("计票情况：赞成票 9 票，反对票 3 票，弃权票 3 票。", (9, 3, 3)),
        ("表决结果：赞成票十三票、反对票一票、弃权票一票。", (13, 1, 1)),
        ("表决结果：13票对1票，1票弃权（埃及）。", (13, 1, 1)),
        ("决议草案以14票对0票、无弃权票获得通过。", (14, 0, 0)),
        ("决议以15票对0票通过。", (15, 0, 0)),
        ("表决结果：10票对2票，弃权3票。", (10, 2, 3)),
    ],
)
def test_tally_wordings(sentence: str, counts: tuple[int, int, int]) -> None:
    assert tallies(sentence) == [counts]


@pytest.mark.parametrize(
    "sentence",
    [
        "投赞成票的有9个代表团，其余的没有发言。",
        "第9票对结果没有影响。",
        "赞成票和反对票的差距很小。",
    ],
)
def test_no_tally(sentence: str) -> None:
    assert tallies(sentence) == []


def test_versus_tally_on_a_resolution_page_names_only_the_abstainers() -> None:
    text = (
        "S/RES/1077 (1996)\n第1077(1996)号决议\n1996年10月22日安全理事会第3705次会议通过\n"
        "安全理事会，\n1．决定继续处理这一问题。\n"
        "表决结果：13票对0票，2票弃权（埃及、印度尼西亚）。\n"
    )
    facts = extract_text(text, "S-RES-1077-1996.txt")
    assert sorted((v.state, v.vote, v.resolution) for v in facts.votes) == [
        ("EGY", "abstain", "1077(1996)"),
        ("IDN", "abstain", "1077(1996)"),
    ]
    assert [(t.resolution, t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [
        ("1077(1996)", 13, 0, 2)
    ]


# --- a record with an empty seat, a draft printed in a document -----------------------------

MEMBERS = (
    ("保加利亚", "塔涅夫"),
    ("中国", "钱雨"),
    ("哥伦比亚", "巴尔加斯"),
    ("法国", "卢瓦佐"),
    ("几内亚", "迪亚瓦拉"),
    ("爱尔兰", "奥唐奈"),
    ("毛里求斯", "拉姆杜特"),
    ("挪威", "斯特伦"),
    ("俄罗斯联邦", "奥西波夫"),
    ("新加坡", "陈光耀"),
    ("阿拉伯叙利亚共和国", "哈利勒"),
    ("大不列颠及北爱尔兰联合王国", "格林伍德"),
    ("美利坚合众国", "布莱克"),
)
YES = "保加利亚、中国、哥伦比亚、法国、几内亚、爱尔兰、毛里求斯、墨西哥、挪威、新加坡、美利坚合众国"


def record(
    absence: str, drafts: str = "安理会收到爱尔兰和挪威的决议草案，载于文件S/2002/240。"
) -> str:
    rows = "\n".join(f"{state}............................{name}先生" for state, name in MEMBERS)
    return (
        "联合国S/PV.8123\n安全理事会\n第8123次会议\n2002年3月5日星期二上午10时\n纽约\n"
        "主席：  托雷斯先生.................... (墨西哥)\n成员：" + rows + "\n议程\n中部非洲局势\n"
        "主席(以西班牙语发言)：按照暂行议事规则第37条，我已邀请乍得代表参加本次会议。\n"
        f"{drafts}\n"
        "我现在将载于文件S/2002/240的决议草案付诸表决。\n进行了举手表决。\n"
        f"赞成：\n{YES}\n反对：\n大不列颠及北爱尔兰联合王国\n弃权：\n俄罗斯联邦、阿拉伯叙利亚共和国\n"
        f"主席(以西班牙语发言)：本次表决的情况：赞成票 11 票，反对票 1 票，弃权票 2 票。{absence}"
        "鉴于一个常任理事国投了反对票，该草案没有通过。\n"
        "格林伍德先生(大不列颠及北爱尔兰联合王国)(以英语发言)：我国代表团投了反对票。\n"
        "马哈马特先生(乍得)(以法语发言)：乍得不是安理会成员，没有参加表决，但对结果感到遗憾。\n"
        "主席(以西班牙语发言)：我现在以墨西哥代表的身份发言。\n"
        "墨西哥投票赞成了该草案，因为它符合各方的利益。\n"
        "我现在恢复安全理事会主席的职务。\n"
    )


ABSENCE = "喀麦隆代表团没有出席会议，因而未参加表决。"


def test_a_member_with_an_empty_seat_is_absent() -> None:
    facts = extract_text(record(ABSENCE), "S-PV-8123.txt")
    found = {v.state: (v.vote, v.draft, v.resolution) for v in facts.votes}
    assert found["CMR"] == ("absent", "S/2002/240", None)
    assert found["GBR"] == ("no", "S/2002/240", None)
    assert len(found) == 15
    # a non-member invited under rule 37 that says it took no part has no vote
    assert "TCD" not in found


def test_no_absent_vote_without_the_words() -> None:
    facts = extract_text(record(""), "S-PV-8123.txt")
    assert "CMR" not in {v.state for v in facts.votes}


def test_a_vetoed_draft_printed_in_a_document_keys_votes_and_tally() -> None:
    facts = extract_text(record(ABSENCE), "S-PV-8123.txt")
    assert {v.draft for v in facts.votes} == {"S/2002/240"}
    assert [(t.draft, t.resolution, t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [
        ("S/2002/240", None, 11, 1, 2)
    ]
    assert facts.resolutions == ()


def test_the_president_voting_for_in_national_capacity_explains() -> None:
    facts = extract_text(record(ABSENCE), "S-PV-8123.txt")
    assert {e.state for e in facts.explanations_of_vote} == {"GBR", "MEX"}


def test_the_invited_states() -> None:
    assert explanation.invited(context(record(ABSENCE))) == {"TCD"}


@pytest.mark.parametrize(
    "sentence",
    [
        "各成员收到了文件S/2002/240所载的决议草案。",
        "现在将载于文件 S/2002/240 的决议草案付诸表决。",
        "安理会面前有挪威提交的决议草案，载于S/2002/240。",
    ],
)
def test_draft_printed_in_a_document(sentence: str) -> None:
    from unsckg.extractors.zh.resolution import draft_symbol

    assert draft_symbol(context(sentence)) == "S/2002/240"


@pytest.mark.parametrize(
    "sentence",
    ["秘书长的报告载于文件S/2002/241。", "载于文件S/2002/241的报告已经分发。"],
)
def test_a_document_that_holds_no_draft(sentence: str) -> None:
    from unsckg.extractors.zh.resolution import draft_symbol

    assert draft_symbol(context(sentence)) is None


@pytest.mark.parametrize(
    "turn",
    ["本国投票赞成该案文。", "我们投票反对了该决议草案。"],
)
def test_voting_for_or_against_is_about_the_vote(turn: str) -> None:
    assert explanation.WORDINGS["on_vote"].search(turn)


# --- meeting records of the General Assembly -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("他在大会的发言(A/51/PV.14)受到注意。", ["A/51/PV.14"]),
        ("见A/ES-10/PV.21和S/PV.4500。", ["A/ES-10/PV.21", "S/PV.4500"]),
        ("另见大会决议A/RES/51/2。", ["A/RES/51/2"]),
    ],
)
def test_meeting_records_are_cited(text: str, cited: list[str]) -> None:
    assert [f.value for f in patterns.cited_symbols(text)] == cited


@pytest.mark.parametrize("text", ["大会A/51/PV号文件", "A/123/PV.4", "S/PV.12"])
def test_no_meeting_record(text: str) -> None:
    assert [f.value for f in patterns.cited_symbols(text) if "PV" in f.value] == []
