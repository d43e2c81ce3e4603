"""Briefer lists in layouts the dev documents do not have, written for these tests (other
posts, names and marks), so that the list parser is checked on the grammar, not on one text."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import briefers, people


def _briefers(text: str) -> list[tuple[str | None, str | None, bool]]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 、-joined on a numbered line, a post alone first
            "4. 通报人：副秘书长、世界卫生组织总干事谭德塞·盖布雷耶苏斯、"
            "开罗大学教授Leila Haddad(待定)。",
            ["谭德塞·盖布雷耶苏斯", "Leila Haddad"],
        ),
        (  # ；-joined after 情况通报人为：
            "3. 情况通报人为：国际刑事法院院长彼得·霍夫曼斯基；人权理事会主席费德里科·比列加斯；"
            "剑桥大学研究员 Amira Saleh(待确认)。",
            ["彼得·霍夫曼斯基", "费德里科·比列加斯", "Amira Saleh"],
        ),
        (  # /-joined, an honorific 爵士 and a Latin name after a two-word title
            "5.通报人：联合国开发计划署署长阿希姆·施泰纳/海洋学家约翰·马歇尔爵士/"
            "青年活动人士 Kofi Mensah(待确认)",
            ["阿希姆·施泰纳", "约翰·马歇尔", "Kofi Mensah"],
        ),
    ],
)
def test_briefers_joined_on_one_line(text: str, expected: list[str]) -> None:
    assert [name for name, _, _ in _briefers(text) if name] == expected


def test_middle_dot_bullets_with_latin_names_glued_to_titles() -> None:
    text = (
        "5. 通报人：\n·联合国难民事务高级专员菲利波·格兰迪\n"
        "·数字权利基金会执行主任Nighat Dád\n·索邦大学研究员 Éric Lefèvre(待定)\n"
    )
    assert _briefers(text) == [
        ("菲利波·格兰迪", "联合国难民事务高级专员", False),
        ("Nighat Dád", "数字权利基金会执行主任", False),
        ("Éric Lefèvre", "索邦大学研究员", True),
    ]


def test_dash_bullets_with_tbc() -> None:
    text = "7. 通报人：\n— 秘书长 António Guterres\n— 无国界医生组织主席 Christos Christou (tbc)\n"
    assert [(n, t) for n, _, t in _briefers(text)] == [
        ("António Guterres", False),
        ("Christos Christou", True),
    ]


def test_numbered_list_stops_at_the_next_paragraph_number() -> None:
    text = (
        "5.预计以下人员将作情况通报：\n1.秘书长\n2.世界银行行长戴维·马尔帕斯\n"
        "3.欧洲联盟委员会主席(待定)\n6.会议拟议成果为一项新闻声明。\n"
    )
    assert _briefers(text) == [
        (None, "秘书长", False),
        ("戴维·马尔帕斯", "世界银行行长", False),
        (None, "欧洲联盟委员会主席", True),
    ]


def test_post_only_line_with_a_tentative_mark() -> None:
    text = "通报人\n主管维持和平行动副秘书长\n东南亚国家联盟人权专员(待确认)\n形式\n"
    assert _briefers(text) == [
        (None, "主管维持和平行动副秘书长", False),
        (None, "东南亚国家联盟人权专员", True),
    ]


def test_title_with_jian_is_one_title() -> None:
    text = "4. 通报人：\n(a) 乐施会主席兼执行主任加布里埃拉·布赫\n(b) 秘书长(待确认)\n"
    assert _briefers(text)[0] == ("加布里埃拉·布赫", "乐施会主席兼执行主任", False)
    assert people.split_title_name("某基金会理事长兼总裁") == ("某基金会理事长兼总裁", None)


def test_rule_39_invitation_in_a_meeting_record() -> None:
    text = (
        "主席(以法语发言)：根据安理会暂行议事规则第39条，我邀请下列通报人参加本次会议："
        "秘书长儿童与武装冲突问题特别代表维尔日妮·甘巴女士、人权活动人士马拉拉·优素福扎伊女士"
        "和丹尼斯·穆克维格博士，以及律师罗莎·佩雷斯女士。"
    )
    assert [name for name, _, _ in _briefers(text)] == [
        "维尔日妮·甘巴",
        "马拉拉·优素福扎伊",
        "丹尼斯·穆克维格",
        "罗莎·佩雷斯",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # post：name bullets
        "• 世界银行行长：阿贾伊·班加\n• 国际移民组织总干事：艾米·波普(待确认)\n",
        # name first, then the post after a comma, numbered (一) (二)
        "(一) 阿贾伊·班加，世界银行行长\n(二) 艾米·波普，国际移民组织总干事(待确认)\n",
        # name first, the post in brackets, numbered 1) 2), 阁下 after the name
        "1) 阿贾伊·班加阁下(世界银行行长)\n2) 艾米·波普(国际移民组织总干事)(待确认)\n",
    ],
)
def test_entries_in_other_orders(lines: str) -> None:
    assert _briefers("4. 通报人：\n" + lines + "5. 会议形式\n") == [
        ("阿贾伊·班加", "世界银行行长", False),
        ("艾米·波普", "国际移民组织总干事", True),
    ]


def test_name_first_entries_in_a_sentence_list() -> None:
    text = (
        "3. 通报人为：拉斐尔·格罗西，国际原子能机构总干事；"
        "米尔贾娜·斯波利亚里克，红十字国际委员会主席(待定)；世界银行行长。"
    )
    assert _briefers(text) == [
        ("拉斐尔·格罗西", "国际原子能机构总干事", False),
        ("米尔贾娜·斯波利亚里克", "红十字国际委员会主席", True),
        (None, "世界银行行长", False),
    ]


def test_speakers_heading_of_an_open_debate() -> None:
    text = (
        "发言人\n1) 世界粮食计划署执行主任辛迪·麦凯恩\n2) 人权事务高级专员福尔克尔·蒂尔克\n"
        "3) 红十字国际委员会法律顾问Sofia Lindqvist博士(待确认)\n"
    )
    assert _briefers(text) == [
        ("辛迪·麦凯恩", "世界粮食计划署执行主任", False),
        ("福尔克尔·蒂尔克", "人权事务高级专员", False),
        ("Sofia Lindqvist", "红十字国际委员会法律顾问", True),
    ]
    assert _briefers("发言者：\n• 秘书长\n")[0] == (None, "秘书长", False)


def test_intro_line_then_name_first_items_separated_by_blank_lines() -> None:
    text = (
        "6. 通报人\n预计以下人员将向安理会介绍情况：\n"
        "沃尔克·蒂尔克，联合国人权事务高级专员；\n\n"
        "李明华，和平与发展研究中心主任(待定)；\n\n"
        "Kwame Asante-Boateng，西非国家经济共同体委员会协调员。\n\n"
        "7. 会议形式为公开辩论。\n"
    )
    assert _briefers(text) == [
        ("沃尔克·蒂尔克", "联合国人权事务高级专员", False),
        ("李明华", "和平与发展研究中心主任", True),
        ("Kwame Asante-Boateng", "西非国家经济共同体委员会协调员", False),
    ]


def test_post_only_representatives_are_briefers() -> None:
    text = (
        "通报人：\n• 主管政治和建设和平事务副秘书长\n• 妇女组织代表(待确认)\n"
        "• 一名青年代表\n• 欧洲联盟代表\n• 代表\n"
    )
    assert _briefers(text) == [
        (None, "主管政治和建设和平事务副秘书长", False),
        (None, "妇女组织代表", True),
        (None, "青年代表", False),
        (None, "欧洲联盟代表", False),
    ]


def test_name_first_entry_whose_post_lists_portfolios() -> None:
    text = (
        "通报人\n拟邀请下列人士通报情况：\n"
        "玛丽亚·费尔南德斯，南部非洲发展共同体秘书处政治、防务和安全事务主任(待定)；\n\n"
        "托马斯·贝克尔，联合国难民事务高级专员。\n\n"
        "形式\n"
    )
    assert _briefers(text) == [
        ("玛丽亚·费尔南德斯", "南部非洲发展共同体秘书处政治、防务和安全事务主任", True),
        ("托马斯·贝克尔", "联合国难民事务高级专员", False),
    ]


def test_bullets_after_a_clause_that_introduces_them() -> None:
    text = (
        "6.会议将由巴西常驻联合国代表主持。\n向安全理事会通报情况的人士有：\n"
        "•《冲突后国家的重建》一书作者玛丽亚·科斯塔女士\n"
        "•国际和平研究所所长佐伊·拉斯托先生(待确认)\n"
        "7.鼓励发言者将发言控制在四分钟以内。\n"
    )
    assert _briefers(text) == [
        ("玛丽亚·科斯塔", "《冲突后国家的重建》一书作者", False),
        ("佐伊·拉斯托", "国际和平研究所所长", True),
    ]


@pytest.mark.parametrize(
    "items",
    [
        "(1)联合国难民事务高级专员菲利波·格兰迪(2)国际移民组织总干事艾米·波普(3)青年代表(待定)",
        "\n(1) 联合国难民事务高级专员菲利波·格兰迪\n(2) 国际移民组织总干事艾米·波普\n"
        "(3) 青年代表(待定)\n5.鼓励简短发言。",
        # on the line below, the breaks between the items lost
        "\n(1)联合国难民事务高级专员菲利波·格兰迪(2)国际移民组织总干事艾米·波普(3)青年代表(待定)"
        "\n5.鼓励简短发言。",
    ],
)
def test_numbered_items_after_the_clause_on_one_line_or_below(items: str) -> None:
    text = f"4.会议将以线上方式举行。下列人士将向安全理事会作情况介绍：{items}\n"
    assert _briefers(text) == [
        ("菲利波·格兰迪", "联合国难民事务高级专员", False),
        ("艾米·波普", "国际移民组织总干事", False),
        (None, "青年代表", True),
    ]


def test_prose_list_with_a_post_that_lists_portfolios_with_dun_hao() -> None:
    text = (
        "辩论将以线上方式进行。向与会者介绍情况的有联合国开发计划署署长阿希姆·施泰纳、"
        "非洲联盟委员会经济发展、贸易、工业和矿业专员阿尔伯特·穆昌加以及"
        "国际危机组织主席科姆福特·埃罗女士(待确认)。"
    )
    assert _briefers(text) == [
        ("阿希姆·施泰纳", "联合国开发计划署署长", False),
        ("阿尔伯特·穆昌加", "非洲联盟委员会经济发展、贸易、工业和矿业专员", False),
        ("科姆福特·埃罗", "国际危机组织主席", True),
    ]


def test_semicolon_list_after_the_council_will_hear() -> None:
    text = (
        "安全理事会将听取以下人员的情况介绍：联合国人道主义事务协调员马丁·格里菲斯；"
        "国际货币基金组织战略、政策和审查部主任切拉·帕扎尔巴西奥卢；"
        "乐施会执行主任加布里埃拉·布赫。\n"
    )
    assert [name for name, _, _ in _briefers(text)] == [
        "马丁·格里菲斯",
        "切拉·帕扎尔巴西奥卢",
        "加布里埃拉·布赫",
    ]


def test_a_numbered_paragraph_ends_a_dash_list_and_a_clause_is_no_briefer() -> None:
    text = (
        "5.通报人：\n–国际原子能机构总干事拉斐尔·格罗西\n–世界粮食计划署执行主任辛迪·麦凯恩\n"
        "6.会议结束后，安理会将发表一份新闻谈话。\n"
    )
    assert [name for name, _, _ in _briefers(text)] == ["拉斐尔·格罗西", "辛迪·麦凯恩"]
    # even when it would follow the list, a sentence is not an entry
    assert _briefers("通报人：\n–会议结束后，安理会将发表一份主席声明\n") == []
    assert _briefers("通报人：\n–安理会拟通过新闻谈话\n") == []
    # ``中将`` is a rank, not a verb
    assert _briefers("通报人：\n–部队指挥官中将让·卢克·马丁\n") == [
        ("让·卢克·马丁", "部队指挥官中将", False)
    ]


def test_a_post_ends_where_the_dictionary_cuts_it() -> None:
    # ``员`` ends posts (``研究员``) but not inside ``委员会``
    assert people.split_title_name("欧洲联盟委员会贸易事务") == ("欧洲联盟委员会贸易事务", None)
    assert people.split_title_name("《和平之路》一书合著者汉娜·施密特") == (
        "《和平之路》一书合著者",
        "汉娜·施密特",
    )


def test_an_opening_phrase_before_the_briefer_in_a_sentence_is_no_part_of_the_post() -> None:
    text = "5.辩论开始时，世界卫生组织总干事谭德塞·盖布雷耶苏斯将作情况通报。"
    assert _briefers(text) == [("谭德塞·盖布雷耶苏斯", "世界卫生组织总干事", False)]
