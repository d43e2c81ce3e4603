"""Representatives (``extractors/zh/representatives.py``, ``people.py``): honorifics dropped
(``爵士`` as ``先生``), a surname heading merged into the full name of the call to speak, calls
without a state's post, and closing remarks in running text or in a programme's label column;
on texts written for these tests. Moved from the round-named ``votes_people_2``."""

from __future__ import annotations

import pytest
from unsckg.extractors.facts import Person
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import people
from unsckg.extractors.zh.representatives import merge


def _reps(text: str, source: str = "X.txt") -> set[tuple[str | None, str | None]]:
    return {(p.name, p.state) for p in extract_text(text, source).representatives}


# --- honorifics, surnames and calls to speak ------------------------------------------------

RECORD_SIR = """联合国S/PV.7777
安全理事会
第7777次会议
2004年5月4日星期二上午10时
纽约
主席：罗纳尔多·萨登贝格先生..................................................... (巴西)
成员：大不列颠及北爱尔兰联合王国........................................托马斯·哈里森爵士
智利..................................................................................穆尼奥斯先生
议程
海地问题
上午10时05分开会。
主席(以英语发言)：按照暂行议事规则第37条，邀请汤加代表参加讨论。
主席(以英语发言)：安理会现在就文件S/2004/333所载决议草案进行表决。
赞成：
巴西、智利、大不列颠及北爱尔兰联合王国
主席(以英语发言)：决议草案以3票赞成获得一致通过，成为第1542(2004)号决议。
托马斯·哈里森爵士(联合王国)(以英语发言)：联合王国投了赞成票。
主席(以英语发言)：下面，我以巴西代表的身份发言。巴西对第1542(2004)号决议获得通过感到高兴。
我现在恢复主席职能。
主席(以英语发言)：我请汤加外交大臣萨伊亚·皮乌卡拉先生发言。
皮乌卡拉先生(汤加)(以英语发言)：汤加支持海地人民。
上午11时散会。
"""


def test_sir_is_dropped_like_mister() -> None:
    facts = extract_text(RECORD_SIR, "S-PV-7777.txt")
    names = {(p.name, p.state) for p in facts.representatives}
    assert ("托马斯·哈里森", "GBR") in names
    assert ("GBR", "托马斯·哈里森") in {(e.state, e.speaker) for e in facts.explanations_of_vote}
    # negative: the title is never part of a name
    assert not any((p.name or "").endswith("爵士") for p in facts.representatives)


def test_a_surname_heading_merges_into_the_full_name_of_the_call() -> None:
    names = {(p.name, p.state) for p in extract_text(RECORD_SIR, "S-PV-7777.txt").representatives}
    assert ("萨伊亚·皮乌卡拉", "TON") in names
    assert ("皮乌卡拉", "TON") not in names


def test_surname_merge_needs_the_same_state_and_a_whole_last_part() -> None:
    evidence = None
    persons = [
        Person("萨伊亚·皮乌卡拉", "TON", None, evidence),
        Person("皮乌卡拉", "FJI", None, evidence),
        Person("卡拉", "TON", None, evidence),
    ]
    assert [(p.name, p.state) for p in merge(persons)] == [
        ("萨伊亚·皮乌卡拉", "TON"),
        ("皮乌卡拉", "FJI"),
        ("卡拉", "TON"),
    ]
    assert people.surname_of("皮乌卡拉", "萨伊亚·皮乌卡拉")
    assert not people.surname_of("拉", "萨伊亚·皮乌卡拉")


def test_a_call_without_a_states_post_names_no_representative() -> None:
    text = "安全理事会\n主席(以英语发言)：我请秘书长科菲·安南先生发言。\n"
    assert not any(name == "科菲·安南" for name, _ in _reps(text))


# --- closing remarks: after a half-width comma, or in a programme's label column ------------


def test_closing_remarks_after_a_half_width_comma() -> None:
    text = (
        "2016年3月1日秘鲁常驻联合国代表给安全理事会主席的信\n"
        "辩论由本国外交部长主持,秘鲁常驻代表路易斯·乌加特大使将在会议结束时作总结发言。\n"
    )
    assert ("路易斯·乌加特", "PER") in _reps(text)


def test_closing_remarks_in_a_label_column() -> None:
    text = (
        "2016年3月1日秘鲁常驻联合国代表给安全理事会主席的信\n"
        "非正式会议日程\n"
        "总结发言：秘鲁常驻联合国代表 路易斯·乌加特大使\n"
        "开幕辞　　联合国秘书长　科菲·安南先生\n"
    )
    reps = _reps(text)
    assert ("路易斯·乌加特", "PER") in reps
    # negative: a UN official opening the meeting acts for no state
    assert not any(name == "科菲·安南" for name, _ in reps)
    # the same columns set apart by full-width spaces only
    columns = text.replace("总结发言：", "闭幕词　　")
    assert ("路易斯·乌加特", "PER") in _reps(columns)


# --- a state's post before a name, in a report's running text ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "2019-03-02 08:00\n巴西常驻联合国副代表王小明大使在发言时表示,支持该决议。\n",
            {("王小明", "BRA")},
            id="a_deputy_with_an_honorific",
        ),
        pytest.param(
            "2019-03-02 08:00\n日本常驻联合国代表李明和秘书长今天表示关切。\n",
            {("李明", "JPN")},
            id="a_chinese_name_ended_by_a_conjunction",
        ),
        pytest.param(
            "2019-03-02 08:00\n安理会主席明天将会见法国外交大臣杜兰德,然后磋商。\n",
            {("杜兰德", "FRA")},
            id="a_transliterated_name_ended_by_a_comma",
        ),
        pytest.param(
            "2019-03-02 08:00\n智利常驻联合国代表给安全理事会主席的信已收到。\n",
            set(),
            id="the_words_after_a_post_are_no_name",
        ),
        pytest.param(
            "2019-03-02 08:00\n智利常驻联合国代表团发表声明。\n",
            set(),
            id="a_mission_is_no_post",
        ),
    ],
)
def test_a_post_before_a_name_in_running_text(text: str, expected: set[tuple[str, str]]) -> None:
    assert _reps(text) == expected
