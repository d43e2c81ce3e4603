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
