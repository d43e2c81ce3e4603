"""Votes, representatives, explanations of vote and states named, in wordings written for these
tests: the draft a written-procedure letter puts to the vote beside another symbol, former names
of states in vote lists, missions, armed groups and titles named after states, ``刚果`` as an
adjective, and meeting records cited by symbol. Its honorifics, surnames, calls to speak and
closing remarks are in ``zh/test_representatives.py``, the President's national statement on
the adoption in ``zh/test_explanation.py``."""

from __future__ import annotations

from unsckg.extractors.document import Context
from unsckg.extractors.gazetteer import find_states
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh.ballots import ballots

from tests.extractors.zh.test_representatives import RECORD_SIR


def keys(text: str) -> list[str]:
    return [m.key for m in find_states(text)]


def _reps(text: str, source: str = "X.txt") -> set[tuple[str | None, str | None]]:
    return {(p.name, p.state) for p in extract_text(text, source).representatives}


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


# --- former names of states, whole or broken across a vote list's lines ---------------------


def test_former_names_name_the_state_of_today() -> None:
    assert keys("扎伊尔、比利时和缅甸联邦的代表") == ["COD", "BEL", "MMR"]
    # negative: a former name inside a transliterated name is no state
    assert keys("锡兰·佩雷拉先生发言") == []


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


# --- names of missions, armed groups and titles that begin with a state's name --------------


def test_missions_named_after_states_do_not_name_them() -> None:
    assert keys("巴西驻海地军事训练团的工作受到赞扬") == []
    assert keys("感谢东帝汶区域援助团") == []
    # negative: a mission in a state, an office there, the state's own forces
    assert keys("马里境内的特派团") == ["MLI"]
    assert keys("开发署驻越南办事处") == ["VNM"]
    assert keys("马里国防和安全部队") == ["MLI"]


def test_armed_groups_named_after_states_do_not_name_them() -> None:
    assert keys("谴责塞拉利昂革命联合阵线的袭击") == []
    assert keys("苏丹解放军与政府军交火") == []
    # negative: the state itself beside the group
    assert keys("塞拉利昂政府和革命联合阵线") == ["SLE"]
    assert keys("马里民主过渡进程") == ["MLI"]


def test_a_state_in_a_title_in_book_quotes_is_the_titles_word() -> None:
    assert keys("执行《科特迪瓦和平协议》的进展") == []
    # negative: outside the quotes the state is named
    assert keys("《联合国宪章》与秘鲁的和平协议") == ["PER"]


# --- 刚果 as the adjective of the Democratic Republic of the Congo -------------------------


def test_congolese_in_a_text_about_the_drc_is_not_the_republic_of_the_congo() -> None:
    text = "刚果民主共和国伊图里省的局势仍然紧张，刚果武装部队和外国民兵冲突不断。"
    assert set(keys(text)) == {"COD"}


def test_congo_in_a_list_or_alone_is_the_republic() -> None:
    # negative: listed among states, or in a text that never names the DRC
    assert "COG" in keys("刚果民主共和国与刚果、加蓬和喀麦隆举行会谈")
    assert keys("刚果政府欢迎这项决定") == ["COG"]


# --- meeting records cited by symbol --------------------------------------------------------


def test_a_cited_meeting_record_is_a_document_cited_but_not_the_records_own_symbol() -> None:
    text = RECORD_SIR.replace(
        "汤加支持海地人民。", "汤加支持海地人民，正如我们在上次辩论(见S/PV.7012)中所说。"
    )
    cited = {m.value for m in extract_text(text, "S-PV-7777.txt").documents_cited}
    assert "S/PV.7012" in cited
    # negative: the record's own symbol
    assert "S/PV.7777" not in cited
