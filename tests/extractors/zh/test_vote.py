"""Votes and tallies of the Chinese pack, on real pages (the wordings' own examples run in
``tests/extractors/test_wordings.py``)."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import vote
from unsckg.extractors.zh.ballots import ballots

from tests.extractors.test_extract_vote_records import RECORD

from ._real import real

TALLIES = [
    # 第三十九次会议以十票对零通过,弃权者一(…)
    ("S-RES-4-1946.zh.txt", [("4(1946)", 10, 0, 1)]),
    # 第一九六四次会议以十三票对零票通过
    ("S-RES-396-1976.zh.txt", [("396(1976)", 13, 0, 0)]),
    # 以13票赞成、0票反对、2票弃权的表决结果,通过了第2812号决议
    ("news-2026-01-14-res2812.excerpt.zh.txt", [("2812(2026)", 13, 0, 2)]),
]


@pytest.mark.parametrize(("name", "expected"), TALLIES)
def test_tallies_keyed_to_the_resolution(
    name: str, expected: list[tuple[str, int, int, int]]
) -> None:
    found = [(t.resolution, t.yes, t.no, t.abstain) for t in real(name).vote_tallies]
    assert found == expected


def test_votes_on_an_unnumbered_draft_are_not_kept() -> None:
    # …提交的叙利亚问题决议草案进行表决…俄罗斯、中国两个安理会常任理事国投了反对票
    assert real("news-2011-10-04-Syria-draft-veto.excerpt.zh.txt").votes == ()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 两个成员国(中国和阿拉伯利比亚共和国)没有参加表决: every state in the bracket, though
        # the gazetteer reads the name of its time only in part (利比亚)
        ("S-RES-396-1976.zh.txt", {("CHN", "absent", "396(1976)"), ("LBY", "absent", "396(1976)")}),
        # a cleft sentence: 投下两张弃权票的,正是…两个常任理事国——中国和俄罗斯
        (
            "news-2026-01-14-res2812.excerpt.zh.txt",
            {("CHN", "abstain", "2812(2026)"), ("RUS", "abstain", "2812(2026)")},
        ),
    ],
)
def test_members_named_around_the_ballot(name: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(v.state, v.vote, v.resolution) for v in real(name).votes} == expected


def test_a_dissolved_member_in_the_bracket() -> None:
    """The USSR abstains under the name of its time, beside the Ukrainian SSR (1946, 1948)."""
    votes = {(v.state, v.vote) for v in real("S-RES-4-1946.zh.txt").votes}
    votes |= {(v.state, v.vote) for v in real("S-RES-44-1948.zh-hant.txt").votes}
    assert ("SUN", "abstain") in votes


# Merged from test_extract_set9_votes.py: tallies written without the ``N票X`` order or with a
# stated zero, an abstention said as ``在…表决中弃权`` (vote.extract alone, on short texts).


def _context(text: str) -> Context:
    return Context("sample.txt", normalise(text))


def _tallies(text: str) -> list[tuple[int, int, int]]:
    found = vote.extract(_context(text), Found()).vote_tallies
    return [(t.yes, t.no, t.abstain) for t in found]


def _votes(text: str) -> dict[str, str]:
    return {v.state: v.vote for v in vote.extract(_context(text), Found()).votes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("表决情况如下：赞成 11 票、反对 1 票、弃权 3 票。决议草案获得通过。", [(11, 1, 3)]),
        ("表决结果：１４票赞成，无反对票，１票弃权。", [(14, 0, 1)]),
        ("决议草案以十票赞成、没有反对票和五票弃权获得通过。", [(10, 0, 5)]),
        ("表决结果为：9 票赞成、2 票弃权、4 票反对。", [(9, 4, 2)]),
        ("结果是赞成 15 票，无人投反对票，无弃权票。", [(15, 0, 0)]),
        # ``以13票赞成、无反对票、2票弃权`` is one tally of three counts, not ``13-0-0``
        ("决议草案以13票赞成、无反对票、2票弃权获得通过。", [(13, 0, 2)]),
        # a label repeated is not a tally of three counts
        ("赞成 8 票、赞成 9 票、弃权 1 票。", []),
        # counts of something else than ballots
        ("该国共有 12 个省、3 个特区。", []),
    ],
)
def test_tallies_of_short_texts(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert _tallies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "谨此通知，巴西决定在对关于海地局势的决议草案(S/2030/123)的表决中弃权。\n"
            "日本对该决议草案投赞成票。",
            {"BRA": "abstain", "JPN": "yes"},
        ),
        # abstainers as a relative clause cast no vote
        ("我们理解在表决中弃权的成员，例如秘鲁的关切。", {}),
    ],
)
def test_votes_of_short_texts(text: str, expected: dict[str, str]) -> None:
    assert _votes(text) == expected


# --- counts bracketed before the colon (``赞成（3）：``) --------------------------------

# A vote is kept only keyed to what it decides: the texts are put under a draft.
# A vote is kept only keyed to what it decides: the texts are put under a draft.
_UNDER_DRAFT = "决议草案(S/2021/100)\n"


def _votes_under_draft(text: str) -> dict[str, str]:
    return {v.state: v.vote for v in vote.extract(_context(_UNDER_DRAFT + text), Found()).votes}


BRACKETED = "表决 赞成（3）：秘鲁、智利、加纳；反对（1）：日本；弃权（1）：埃及\n"


def test_bracketed_counts_give_votes_and_tally() -> None:
    assert _votes_under_draft(BRACKETED) == {
        "PER": "yes",
        "CHL": "yes",
        "GHA": "yes",
        "JPN": "no",
        "EGY": "abstain",
    }
    assert _tallies(BRACKETED) == [(3, 1, 1)]


def test_bracketed_zero_counts_without_a_colon() -> None:
    text = "表决 赞成(2票)：肯尼亚、秘鲁；反对(0)；弃权(0)\n"
    assert _votes_under_draft(text) == {"KEN": "yes", "PER": "yes"}
    assert _tallies(text) == [(2, 0, 0)]


def test_a_bracketed_aside_is_no_count() -> None:
    # a bracket that holds no number is no vote count, and no label without a colon lists votes
    text = "多数代表团表示反对（见附件）。秘鲁、智利表示赞成。"
    assert _votes_under_draft(text) == {}
    assert _tallies(text) == []


# --- a state's name broken at a conjunction inside a vote list ----------------------------


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


# --- tallies that name the ballot before the count or set counts against each other -------


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
    assert _tallies(sentence) == [counts]


# A count may carry the names of those who voted so, in ASCII or full-width brackets, with or
# without spaces or a line break before them: the tally reads on past each bracket.
@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("决议以 11 票赞成、3 票反对 (古巴、也门、智利)、1 票弃权 (中国) 通过。", (11, 3, 1)),
        (
            "决议以13票赞成（法国、日本等）、1票反对（俄罗斯联邦）、1票弃权（中国）通过。",
            (13, 1, 1),
        ),
        ("决议以 10 票赞成、2 票反对\n    (古巴、也门)、3 票弃权通过。", (10, 2, 3)),
        ("决议以12票赞成、1票弃权(中国)和2票反对(古巴、也门)通过。", (12, 2, 1)),
    ],
)
def test_tally_with_names_in_brackets(sentence: str, counts: tuple[int, int, int]) -> None:
    assert _tallies(sentence) == [counts]


def test_names_in_brackets_are_the_votes_of_their_count() -> None:
    text = "决议草案(S/2030/7)以 12 票赞成、2 票反对 (古巴、也门)、1 票弃权（中国）通过。"
    assert _votes(text) == {"CUB": "no", "YEM": "no", "CHN": "abstain"}


def test_a_tally_followed_by_names_still_names_its_resolution() -> None:
    text = "安理会以 14 票赞成、0 票反对、1 票弃权 (中国) 通过第 2999(2030) 号决议。"
    found = vote.extract(_context(text), Found()).vote_tallies
    assert [(t.resolution, t.yes, t.no, t.abstain) for t in found] == [("2999(2030)", 14, 0, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "投赞成票的有9个代表团，其余的没有发言。",
        "第9票对结果没有影响。",
        "赞成票和反对票的差距很小。",
    ],
)
def test_no_tally(sentence: str) -> None:
    assert _tallies(sentence) == []


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


# --- a record with an empty seat, a vetoed draft printed in a document ---------------------

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


# --- no vote for thanks to those who voted, none for a non-member -------------------------


def test_thanks_to_those_who_voted_is_no_vote() -> None:
    record = RECORD.replace(
        "哈立德先生(苏丹)(以阿拉伯语发言)：我国政府拒绝这项决议。",
        "哈立德先生(苏丹)(以阿拉伯语发言)：苏丹感谢投赞成票的各位成员，也感谢投了弃权票的国家。",
    )
    votes = {v.state for v in extract_text(record, "S-PV-9999.txt").votes}
    assert "SDN" not in votes
    assert {"CHN", "FRA", "ALB", "CHE"} <= votes


def test_a_non_member_saying_it_would_have_voted_gets_no_vote() -> None:
    record = RECORD.replace(
        "哈立德先生(苏丹)(以阿拉伯语发言)：我国政府拒绝这项决议。",
        "哈立德先生(苏丹)(以阿拉伯语发言)：苏丹本会投反对票。",
    )
    assert "SDN" not in {v.state for v in extract_text(record, "S-PV-9999.txt").votes}


# --- the draft put to the vote, not the procedure letter cited beside it -------------------

WRITTEN = """2022年7月8日安全理事会主席给安全理事会成员国常驻代表的信
谨以安全理事会7月份主席身份通知各位：挪威和爱尔兰的关于难民保护的决议草案(S/2022/533)已依主席函(S/2021/48)商定的办法付诸表决。各成员投票情况是：
赞成：
挪威、爱尔兰、巴西
反对：
加蓬
弃权：
印度
草案得到3票赞成、1票反对和1票弃权，没有通过。
附件一
2022年7月5日安全理事会主席给安全理事会成员国常驻代表的信
现把挪威和爱尔兰的决议草案(S/2022/533)付诸表决，请于7月7日前答复。
"""


def test_votes_and_tally_on_the_draft_not_on_the_procedure_letter() -> None:
    facts = extract_text(WRITTEN, "S-2022-540.txt")
    assert {(v.state, v.vote, v.draft) for v in facts.votes} >= {
        ("NOR", "yes", "S/2022/533"),
        ("GAB", "no", "S/2022/533"),
        ("IND", "abstain", "S/2022/533"),
    }
    assert [(t.draft, t.yes, t.no, t.abstain) for t in facts.vote_tallies] == [
        ("S/2022/533", 3, 1, 1)
    ]
    # negative: the letter that set the procedure is no draft
    assert all(v.draft != "S/2021/48" for v in facts.votes)


def test_a_bare_symbol_put_to_the_vote_is_still_the_draft() -> None:
    text = "我现在将S/2023/77付诸表决。\n赞成：\n秘鲁\n我现在将S/2023/78付诸表决。\n赞成：\n秘鲁\n"
    ctx = Context("X.txt", normalise(text))
    assert [b.draft for b in ballots(ctx)] == ["S/2023/77", "S/2023/78"]


# --- a former name broken inside a vote list ----------------------------------------------

RECORD_1995 = """联合国S/PV.8888
安全理事会
第8888次会议
1995年3月2日星期四上午11时
纽约
主席：德尔加多先生..................................................... (洪都拉斯)
成员：比利时............................................................瓦林先生
法国..................................................................................博雷先生
扎伊尔..................................................................................卢卡比先生
议程
布隆迪局势
上午11时10分开会。
主席(以西班牙语发言)：安理会就决议草案S/1995/120作出表决。
赞成：
比利时、扎伊
尔、法国
弃权：
洪都拉斯
主席(以西班牙语发言)：决议草案以3票赞成、0票反对、1票弃权获得通过。
"""


def test_a_former_name_broken_inside_a_vote_list_keeps_the_list_going() -> None:
    facts = extract_text(RECORD_1995, "S-PV-8888.txt")
    assert {(v.state, v.vote) for v in facts.votes} == {
        ("BEL", "yes"),
        ("COD", "yes"),
        ("FRA", "yes"),
        ("HND", "abstain"),
    }
    assert ("卢卡比", "COD") in {(p.name, p.state) for p in facts.representatives}
