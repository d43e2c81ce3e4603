"""Members under the names of their time: the dissolved states of the Council's early years
(``extractors/data/former_names.txt``, codes of ``ontology/data/historical_states.csv``)."""

from __future__ import annotations

import pytest
from unsckg.extractors import gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("弃权者一(苏维埃社会主义共和国联邦)", ["SUN"], id="ussr-as-printed-1946"),
        pytest.param("苏维埃社会主义共和国联盟投了反对票", ["SUN"], id="ussr-formal-name"),
        pytest.param("苏联代表发言", ["SUN"], id="ussr-short-name"),
        pytest.param(
            "弃权者二(乌克兰苏维埃社会主义共和国、苏维埃社会主义共和国联邦)",
            ["UKR", "SUN"],
            id="ukrainian-ssr-whole-name",
        ),
        pytest.param("白俄罗斯苏维埃社会主义共和国", ["BLR"], id="byelorussian-ssr"),
        pytest.param(
            "捷克斯洛伐克和德意志民主共和国", ["CSK", "DDR"], id="other-dissolved-members"
        ),
        pytest.param(
            "两个成员国(中国和阿拉伯利比亚共和国)", ["CHN", "LBY"], id="libyan-arab-republic"
        ),
    ],
)
def test_a_member_under_a_name_of_its_time(text: str, expected: list[str]) -> None:
    assert [s.key for s in gazetteer.find_states(text)] == expected


def test_yugoslavia_bare_is_not_read_inside_later_names() -> None:
    """``前南斯拉夫`` (the tribunal) is not the Socialist Federal Republic."""
    keys = [s.key for s in gazetteer.find_states("前南斯拉夫问题国际法庭")]
    assert "YUG" not in keys


# --- state names read across a common word, operations named after a country -------------


def _any_keys(text: str) -> list[str]:
    return [s.key for s in gazetteer.find_states(text, members_only=False)]


def _keys(text: str) -> list[str]:
    return [m.key for m in gazetteer.find_states(text)]


def test_short_name_across_a_common_word_in_a_list() -> None:
    assert _any_keys("去年，秘鲁和约旦的工兵连已经轮换。") == ["PER", "JOR"]


def test_short_name_across_a_common_word_alone_stays_out() -> None:
    # ``和约`` read as "peace treaty" with no state beside it
    assert "JOR" not in _any_keys("双方签署和约旦夕之间即告失效。")


@pytest.mark.parametrize(
    "text",
    ["联合国莫桑比克行动已于当年结束。", "联合国科索沃临时行政当局发表了报告。"],
)
def test_operation_named_after_its_country(text: str) -> None:
    assert _any_keys(text) == []


def test_an_operation_in_a_country_names_it() -> None:
    assert _any_keys("联合国在索马里的行动受到关注。") == ["SOM"]


# --- former names; missions, armed groups and titles named after states; 刚果 --------------


def test_former_names_name_the_state_of_today() -> None:
    assert _keys("扎伊尔、比利时和缅甸联邦的代表") == ["COD", "BEL", "MMR"]
    # negative: a former name inside a transliterated name is no state
    assert _keys("锡兰·佩雷拉先生发言") == []


def test_missions_named_after_states_do_not_name_them() -> None:
    assert _keys("巴西驻海地军事训练团的工作受到赞扬") == []
    assert _keys("感谢东帝汶区域援助团") == []
    # negative: a mission in a state, an office there, the state's own forces
    assert _keys("马里境内的特派团") == ["MLI"]
    assert _keys("开发署驻越南办事处") == ["VNM"]
    assert _keys("马里国防和安全部队") == ["MLI"]


def test_armed_groups_named_after_states_do_not_name_them() -> None:
    assert _keys("谴责塞拉利昂革命联合阵线的袭击") == []
    assert _keys("苏丹解放军与政府军交火") == []
    # negative: the state itself beside the group
    assert _keys("塞拉利昂政府和革命联合阵线") == ["SLE"]
    assert _keys("马里民主过渡进程") == ["MLI"]


def test_a_state_in_a_title_in_book_quotes_is_the_titles_word() -> None:
    assert _keys("执行《科特迪瓦和平协议》的进展") == []
    # negative: outside the quotes the state is named
    assert _keys("《联合国宪章》与秘鲁的和平协议") == ["PER"]


def test_congolese_in_a_text_about_the_drc_is_not_the_republic_of_the_congo() -> None:
    text = "刚果民主共和国伊图里省的局势仍然紧张，刚果武装部队和外国民兵冲突不断。"
    assert set(_keys(text)) == {"COD"}


def test_congo_in_a_list_or_alone_is_the_republic() -> None:
    # negative: listed among states, or in a text that never names the DRC
    assert "COG" in _keys("刚果民主共和国与刚果、加蓬和喀麦隆举行会谈")
    assert _keys("刚果政府欢迎这项决定") == ["COG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("另有一国政府，即葡萄牙政府于去年主办了会议", ["PRT"], id="government"),
        pytest.param("感谢中国政府和英国政府的支持", ["CHN", "GBR"], id="two-governments"),
        pytest.param("西班牙人民和西班牙当局", ["ESP"], id="people-and-authorities"),
        pytest.param("蒙古族和印度教", [], id="ethnic-group-and-religion-are-not-states"),
        pytest.param("以西班牙语发言", [], id="a-language-is-not-the-state"),
    ],
)
def test_a_name_joined_to_its_states_organ(text: str, expected: list[str]) -> None:
    """jieba's general dictionary joins a name to an organ (``西班牙政府``): still the state;
    joined to a people, a faith or a language, not."""
    found = [m.key for m in gazetteer.find_states(text, members_only=False)]
    assert list(dict.fromkeys(found)) == expected
