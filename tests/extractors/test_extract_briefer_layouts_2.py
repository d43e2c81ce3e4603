"""More briefer list layouts: lettered and roman-numbered lists, circled numbers, page furniture
inside a list, label columns, tables flattened one cell per line, ranks after names, officials
who brief in a meeting record, and marks in running text. Every text is written for these tests
(other posts, names, states and dates than any corpus document)."""

from __future__ import annotations

from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import briefers

Row = tuple[str | None, str | None, bool]
# A paragraph longer than a PDF line: the texts are read as Word copies, one line per paragraph
# (a short text of short lines would be taken for wrapped PDF text and its lines joined).
PREAMBLE = (
    "本次会议旨在审议区域合作在预防冲突方面的作用，听取联合国系统和区域组织的意见，"
    "并探讨安全理事会如何更好地支持各国和区域组织的努力。\n"
)


def _briefers(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


# --- heavenly-stem labels (甲、乙、丙) -------------------------------------------------------


def test_heavenly_stem_labels_are_not_left_in_posts() -> None:
    text = PREAMBLE + (
        "三、通报人\n"
        "甲、主管政治事务副秘书长罗丝玛丽·迪卡洛\n"
        "乙.第1718(2006)号决议所设安全理事会委员会主席(待定)\n"
        "丙、非洲开发银行代表(待确认)\n"
        "四、成果\n"
        "5. 预计会后发表新闻谈话。\n"
    )
    assert _briefers(text) == [
        ("罗丝玛丽·迪卡洛", "主管政治事务副秘书长", False),
        (None, "第1718(2006)号决议所设安全理事会委员会主席", True),
        (None, "非洲开发银行代表", True),
    ]


def test_a_stem_out_of_order_ends_the_list() -> None:
    text = PREAMBLE + "通报人\n甲、秘书长安东尼奥·古特雷斯\n丙、世界粮食计划署执行主任戴维·比斯利\n"
    assert [name for name, _, _ in _briefers(text)] == ["安东尼奥·古特雷斯"]


# --- roman numerals and page furniture inside the list ------------------------------------


def test_roman_numerals_and_a_name_broken_by_page_furniture() -> None:
    text = PREAMBLE + (
        "四.通报人\n"
        "安理会将听取以下人士的通报：\n"
        "(i)秘书长安东尼奥·古特雷斯先生\n"
        "(ii)联合国难民事务高级专员菲利波·格兰\n"
        " S/2019/417 \n"
        "3/5 19-08327 (C)\n"
        "迪先生\n"
        "(iii)联合国儿童基金会执行主任亨丽埃塔·福尔女士\n"
        "(iv)无国界医生组织国际主席Joanne Liu女士(待确认)\n"
        "五.供讨论的问题\n"
    )
    assert _briefers(text) == [
        ("安东尼奥·古特雷斯", "秘书长", False),
        ("菲利波·格兰迪", "联合国难民事务高级专员", False),
        ("亨丽埃塔·福尔", "联合国儿童基金会执行主任", False),
        ("Joanne Liu", "无国界医生组织国际主席", True),
    ]


def test_a_bulleted_line_after_page_furniture_is_a_new_entry() -> None:
    text = PREAMBLE + (
        "通报人：\n"
        "(i)秘书长安东尼奥·古特雷斯\n"
        " S/2019/417 \n"
        "(ii)联合国儿童基金会执行主任亨丽埃塔·福尔\n"
        "第二段落的正文从这里开始。\n"
    )
    assert [name for name, _, _ in _briefers(text)] == ["安东尼奥·古特雷斯", "亨丽埃塔·福尔"]


def test_roman_numbered_questions_without_a_heading_are_no_briefers() -> None:
    text = "供讨论的问题：\n(i)安理会如何加强预警？\n(ii)区域组织可以发挥什么作用？\n"
    assert _briefers(text) == []


# --- circled numbers --------------------------------------------------------------------


def test_circled_numbers_after_a_speakers_heading() -> None:
    text = PREAMBLE + (
        "发言者：\n"
        "①国际海事组织秘书长林基泽\n"
        "②海洋保护协会执行主任Ana Ruiz(待定)\n"
        "③东南亚渔业发展中心代表(待确认)\n"
        "会议不作记录。\n"
    )
    assert _briefers(text) == [
        ("林基泽", "国际海事组织秘书长", False),
        ("Ana Ruiz", "海洋保护协会执行主任", True),
        (None, "东南亚渔业发展中心代表", True),
    ]


def test_a_circled_number_out_of_order_ends_the_list() -> None:
    text = PREAMBLE + "发言者：\n①国际海事组织秘书长林基泽\n③海洋保护协会执行主任Ana Ruiz\n"
    assert [name for name, _, _ in _briefers(text)] == ["林基泽"]


# --- label columns ----------------------------------------------------------------------


def test_label_column_with_keynote_briefers_and_opening_remarks() -> None:
    text = PREAMBLE + (
        "二、发言人\n"
        "主旨发言　　联合国开发计划署署长　阿希姆·施泰纳先生\n"
        "通报人　　　国际法院院长　优素福法官\n"
        "　　　　　　世界卫生组织助理总干事　玛丽亚·内拉女士（待确认）\n"
        "　　　　　　Kumi Naidoo先生，国际特赦组织秘书长\n"
        "开幕致辞　　秘鲁常驻联合国代表　古斯塔沃·梅萨-夸德拉大使\n"
        "\n"
        "发言之后，将开放讨论，请各代表团将发言控制在3分钟以内。\n"
    )
    assert _briefers(text) == [
        ("阿希姆·施泰纳", "联合国开发计划署署长", False),
        ("优素福", "国际法院院长", False),
        ("玛丽亚·内拉", "世界卫生组织助理总干事", True),
        ("Kumi Naidoo", "国际特赦组织秘书长", False),
    ]


def test_labels_on_their_own_lines() -> None:
    text = PREAMBLE + (
        "发言人\n"
        "闭幕致辞\n"
        "挪威常驻联合国代表莫娜·尤尔\n"
        "主旨发言\n"
        "联合国人口基金执行主任娜塔莉亚·卡内姆\n"
        "通报人\n"
        "联合国妇女署执行主任西玛·巴胡斯\n"
        "安理会成员随后发言。\n"
    )
    assert [name for name, _, _ in _briefers(text)] == ["娜塔莉亚·卡内姆", "西玛·巴胡斯"]


# --- tables flattened one cell per line -------------------------------------------------


def test_flattened_table_with_a_wrapped_post_and_a_remarks_mark() -> None:
    text = PREAMBLE + (
        "三、通报人\n"
        "7.以下人士将向安理会作通报(按发言顺序)：\n"
        "序号\n姓名\n职务\n备注\n"
        "1\n让-皮埃尔·拉克鲁瓦\n主管和平行动副秘书长\n"
        "2\nCarlos Ruiz Massieu\n联合国哥伦比亚核查团\n(核查团)团长兼秘书长特别代表\n待确认\n"
        "3\n玛莎·波比\n主管非洲事务助理秘书长\n视频连线\n"
        "四、供讨论的问题\n"
        "8.安理会如何支持和平进程？\n"
    )
    assert _briefers(text) == [
        ("让-皮埃尔·拉克鲁瓦", "主管和平行动副秘书长", False),
        ("Carlos Ruiz Massieu", "联合国哥伦比亚核查团(核查团)团长兼秘书长特别代表", True),
        ("玛莎·波比", "主管非洲事务助理秘书长", False),
    ]


def test_a_column_of_short_lines_without_a_number_header_is_no_table() -> None:
    # No ``序号`` column: the rows cannot be told apart, so nothing is read as a table row.
    text = PREAMBLE + "通报人：\n姓名\n职务\n拉克鲁瓦\n副秘书长\n"
    assert all(name != "拉克鲁瓦" for name, _, _ in _briefers(text))


# --- ranks after a name -----------------------------------------------------------------


def test_a_rank_after_the_name_is_dropped() -> None:
    text = (
        PREAMBLE + "通报人：\n·国际海洋法法庭庭长白珍铉法官\n·联合国部队指挥官卡洛斯·克鲁兹将军\n"
    )
    assert [(n, t) for n, t, _ in _briefers(text)] == [
        ("白珍铉", "国际海洋法法庭庭长"),
        ("卡洛斯·克鲁兹", "联合国部队指挥官"),
    ]


def test_a_rank_after_a_post_stays_the_post() -> None:
    text = PREAMBLE + "通报人：\n·上诉分庭法官(待定)\n"
    assert _briefers(text) == [(None, "上诉分庭法官", True)]


# --- officials briefing in a meeting record ---------------------------------------------


RECORD = (
    "主席(以法语发言)：根据安理会暂行议事规则第39条，我邀请以下通报人参加本次会议："
    "红十字国际委员会主席彼得·毛雷尔先生。\n"
    "现在请常务副秘书长阿米娜·穆罕默德女士发言。\n"
    "常务副秘书长(以英语发言)：我感谢法国召开今天的会议。\n"
    "主席(以法语发言)：我感谢常务副秘书长的通报。现在请毛雷尔先生发言。\n"
    "毛雷尔先生(以英语发言)：谢谢主席。\n"
    "主席(以法语发言)：我感谢毛雷尔先生的通报。现在请秘鲁代表发言。\n"
)


def test_an_official_thanked_for_the_briefing_is_a_briefer() -> None:
    assert [(n, t) for n, t, _ in _briefers(RECORD)] == [
        ("彼得·毛雷尔", "红十字国际委员会主席"),
        ("阿米娜·穆罕默德", "常务副秘书长"),
    ]


def test_an_official_invited_to_brief_is_a_briefer() -> None:
    text = (
        "主席(以英语发言)：现在请主管政治事务副秘书长罗丝玛丽·迪卡洛女士作通报。\n"
        "迪卡洛女士(以英语发言)：谢谢主席。\n"
    )
    assert [n for n, _, _ in _briefers(text)] == ["罗丝玛丽·迪卡洛"]


def test_thanks_outside_a_meeting_record_or_by_surname_add_no_briefer() -> None:
    letter = "我们感谢秘书长的通报，并期待与各方合作。\n"
    assert _briefers(letter) == []
    record = (
        "主席(以英语发言)：根据第39条，我邀请下列通报人参加本次会议：联合国儿童基金会"
        "执行主任凯瑟琳·拉塞尔女士。\n"
        "主席(以英语发言)：我感谢拉塞尔女士的通报。现在请墨西哥代表发言。\n"
    )
    assert [n for n, _, _ in _briefers(record)] == ["凯瑟琳·拉塞尔"]


# --- marks in running text --------------------------------------------------------------


def test_introductory_remarks_and_a_mark_after_an_honorific() -> None:
    text = (
        "会议将由我本人主持。世界粮食计划署执行主任戴维·比斯利先生和"
        "无国界医生组织主席Christos Christou先生(待确认)将作介绍性发言。"
    )
    assert _briefers(text) == [
        ("戴维·比斯利", "世界粮食计划署执行主任", False),
        ("Christos Christou", "无国界医生组织主席", True),
    ]


def test_a_mark_after_the_verb_is_the_whole_lists() -> None:
    text = (
        "会议期间，联合国难民署高级专员菲利波·格兰迪和"
        "国际移民组织总干事安东尼奥·维托里诺将作通报(待确认)。"
    )
    assert [t for _, _, t in _briefers(text)] == [True, True]


def test_plain_lines_broken_by_page_furniture() -> None:
    text = PREAMBLE + (
        "通报人\n"
        "　　常务副秘书长阿米娜·穆罕\n"
        " S/2016/212 \n"
        "2/4 16-04455 (C)\n"
        "默德\n"
        "　　联合国难民事务高级专员菲利波·格兰迪\n"
        " S/2016/212 \n"
        "　　世界银行副行长Mari Pangestu(待定)\n"
    )
    assert _briefers(text) == [
        ("阿米娜·穆罕默德", "常务副秘书长", False),
        ("菲利波·格兰迪", "联合国难民事务高级专员", False),
        ("Mari Pangestu", "世界银行副行长", True),
    ]
