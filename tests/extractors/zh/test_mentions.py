"""Mentions of the Chinese pack: states named, resolutions and documents cited."""

from __future__ import annotations

import pytest
from unsckg.extractors import gazetteer

from ._real import real

# Merged from test_extract_citation_shapes.py: a state inside a mission's, an organisation's or
# a tribunal's name is no mention of it.
INSIDE_NAMES = [
    ("联合国伊拉克核查团和非洲联盟苏丹监测团的工作人员前往伊拉克和苏丹。", ["IRQ", "SDN"]),
    ("西共体驻冈比亚特派团与欧安组织驻塞尔维亚特派团交流经验，冈比亚表示欢迎。", ["GMB"]),
    ("塞拉利昂问题特别法庭和卢旺达问题国际刑事法庭的余留事项；卢旺达政府表示欢迎。", ["RWA"]),
]


@pytest.mark.parametrize(("text", "states"), INSIDE_NAMES)
def test_a_state_inside_a_name_is_not_a_mention(text: str, states: list[str]) -> None:
    assert [s.key for s in gazetteer.find_states(text)] == states


@pytest.mark.parametrize(
    ("name", "cited"),
    [
        # the Wikisource licence footer (here in traditional script) cites nothing
        ("S-PRST-2007-2.zh.txt", ["S/2006/1019"]),
        ("S-RES-396-1976.zh.txt", []),
    ],
)
def test_documents_cited_only_in_the_body(name: str, cited: list[str]) -> None:
    assert [m.value for m in real(name).documents_cited] == cited
