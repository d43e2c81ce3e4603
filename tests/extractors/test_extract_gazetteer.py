"""States named as countries, not as part of an organisation's, a mission's or a word's name."""

from __future__ import annotations

import pytest
from unsckg.extractors.gazetteer import find_states


def keys(text: str) -> list[str]:
    return [m.key for m in find_states(text)]


def test_vnm_letter_regional_organisations_are_not_states() -> None:
    text = (
        "非洲联盟和其他次区域组织(如西非国家经济共同体、中非国家经济共同体、"
        "南部非洲发展共同体、政府间发展组织等)，例如在中非共和国、几内亚比绍"
    )
    assert keys(text) == ["CAF", "GNB"]


def test_s_2021_284_mission_and_ngo_names() -> None:
    text = "联合国马里多层面综合稳定特派团自2013年成立以来；挪威人民援助会驻越南办事处"
    assert keys(text) == ["VNM"]


def test_s_2020_268_mission_named_after_a_country() -> None:
    assert keys("印尼失去了一名在联合国组织刚果稳定特派团服役的士兵") == ["IDN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发展中国家和中国", ["CHN"]),
        ("朝鲜半岛局势与大韩民国", ["KOR"]),
        ("在马里、中非等任务区", ["MLI", "CAF"]),
        ("南苏丹、苏丹和索马里", ["SSD", "SDN", "SOM"]),
        ("巴布亚新几内亚与几内亚", ["PNG", "GIN"]),
        ("联合国驻黎巴嫩临时部队和以色列", ["ISR"]),
        ("罗马教廷和巴勒斯坦国", []),  # observers are not member states
        ("马里奥·德拉吉会见了马里总统", ["MLI"]),  # a transliterated name is not a state
        ("比利时常驻联合国代表马克·贝克斯廷", ["BEL"]),
    ],
)
def test_variations(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("索马里青年党袭击了索马里政府", ["SOM"]),  # the armed group's name is not the state
        ("伊拉克和黎凡特伊斯兰国在伊拉克", ["IRQ"]),
        ("黎巴嫩真主党和以色列", ["ISR"]),
        ("欧洲联盟驻马里训练团", []),
    ],
)
def test_armed_groups_and_training_missions(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各方在冲突中非法开采自然资源",
        "谴责在战争中非法拘留平民",
        "加勒比海地区的小岛屿国家",
    ],
)
def test_a_short_state_name_across_a_common_word_is_no_state(text: str) -> None:
    assert find_states(text, members_only=False) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("南非常驻联合国代表", "ZAF"),
        ("南非非常支持这项倡议", "ZAF"),
        ("中非和乍得的难民", "CAF"),
        ("安理会关注海地局势", "HTI"),
        ("苏丹和南苏丹的边界", "SDN"),
    ],
)
def test_a_short_state_name_next_to_common_words_stays(text: str, key: str) -> None:
    assert key in {s.key for s in find_states(text, members_only=False)}
