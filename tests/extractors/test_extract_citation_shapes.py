"""Citation shapes and mission names the dev documents do not have (written for these tests)."""

from __future__ import annotations

from unsckg.extractors import gazetteer, patterns


def test_general_assembly_resolution_is_a_cited_document() -> None:
    text = "回顾大会第 A/RES/75/1 号决议和安理会第S/RES/2417(2018)号决议以及S/2019/509号文件"
    assert [f.value for f in patterns.symbols(text)] == ["A/RES/75/1", "S/2019/509"]


def test_each_number_with_its_own_hao() -> None:
    text = "依照第2231(2015)号和第1737(2006)号决议，以及第 2397 (2017) 号、第2375(2017)号决议"
    assert [f.value for f in patterns.resolution_refs(text)] == [
        "2231(2015)",
        "1737(2006)",
        "2397(2017)",
        "2375(2017)",
    ]


def test_a_state_inside_a_verification_or_monitoring_mission_is_not_a_mention() -> None:
    text = "联合国伊拉克核查团和非洲联盟苏丹监测团的工作人员前往伊拉克和苏丹。"
    assert [s.key for s in gazetteer.find_states(text)] == ["IRQ", "SDN"]


def test_a_state_inside_a_regional_organisation_mission_is_not_a_mention() -> None:
    text = "西共体驻冈比亚特派团与欧安组织驻塞尔维亚特派团交流经验，冈比亚表示欢迎。"
    assert [s.key for s in gazetteer.find_states(text)] == ["GMB"]


def test_a_state_inside_a_tribunal_name_is_not_a_mention() -> None:
    text = "塞拉利昂问题特别法庭和卢旺达问题国际刑事法庭的余留事项；卢旺达政府表示欢迎。"
    assert [s.key for s in gazetteer.find_states(text)] == ["RWA"]
