"""Briefers (``extractors/zh/briefers.py``, ``briefer_items.py``, ``briefer_tables.py``): lists,
label columns, tables, sentences and marks, on texts written for these tests (invented names,
posts and marks). Merged from the round-named files set11_briefers, set12_briefers,
briefer_layouts and briefer_layouts_2: a text and the briefers read from it is one row of
``CASES``; what needs more than that stays a test of its own.
"""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import briefers, people
from unsckg.extractors.zh.briefer_items import parse_items, plain_marks, split_entry

from ._letters import argentine_letter, extract

Row = tuple[str | None, str | None, bool]


def _briefers(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


def _items(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in parse_items(ctx, ctx.text, 0, True, False)]


# --- a table flattened by a PDF: columns as runs of spaces -----------------------------------
_SPACED_TABLE = (
    "  四、情况介绍人 \n\n"
    " 姓名                                    职务 \n\n"
    " 米格尔·阿兰达·索萨                    联合国开发计划署署长 \n\n"
    " 塔季扬娜·彼得罗芙娜·沃罗宁娜          秘书长负责儿童与武装冲突问题特别 \n\n"
    "                                         代表 \n\n"
    " Jonas Lindqvist 先生                   Open Harbor 基金会创始人、联合国 \n\n"
    "                                         海洋大使(待确认) \n\n"
    " (待确认)                                受影响社区代表 \n\n"
    " \n\n"
    "  五、指导性问题 \n\n"
    " 1. 安全理事会如何更好地保护受冲突影响的沿海社区？ \n"
)


# --- briefers in the running prose of a concept note -----------------------------------------
_PROSE = (
    "  二. 形式与通报人 \n\n"
    " 4. 本次辩论在会议厅举行，由副总理主持。人道主义事务副秘书长卡琳·奥斯特贝里女士将先向安\n\n"
    "理会作通报，介绍受灾地区的需要。接着，世界气象组织秘书长胡安·帕布罗·埃\n\n"
    "切维里亚先生将以视频方式发言(待定)，重点谈预警系统。安理会也会听取太平洋青年\n\n"
    "气候联盟协调员玛丽亚·陶法女士的通报；她曾在飓风后参与救灾。此外，已邀请国际红\n\n"
    "十字委员会主席就灾后重建问题作通报，具体人选仍待定。其后，各理事国和其他会员国代表\n\n"
    "将按登记顺序发言。 \n\n"
    " 5. 不寻求通过成果文件。 \n\n"
    "  三. 指导性问题 \n\n"
    " 6. 外交部长将在辩论结束时发言。 \n"
)


# A paragraph longer than a PDF line: the texts are read as Word copies, one line per paragraph
# (a short text of short lines would be taken for wrapped PDF text and its lines joined).
PREAMBLE = (
    "本次会议旨在审议区域合作在预防冲突方面的作用，听取联合国系统和区域组织的意见，"
    "并探讨安全理事会如何更好地支持各国和区域组织的努力。\n"
)


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


# Each case: a text and the briefers read from it (name, title, tentative).
CASES = [
    # --- from set11_briefers ---
    pytest.param(
        "　　会议将由外交部长主持。应邀向安理会作情况通报的人士包括世界粮食计划署副执行主任"
        "艾达·卡尔森女士，她将介绍粮食供应链所受的影响；北极理事会主席马蒂亚斯·霍尔姆贝里先生；"
        "海洋研究中心主任Lukas Brandt先生（待确认）；以及一名青年代表（具体人选尚待确认）。"
        "通报结束后，安理会成员将发言。\n",
        [
            ("艾达·卡尔森", "世界粮食计划署副执行主任", False),
            ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
            ("Lukas Brandt", "海洋研究中心主任", True),
            (None, "青年代表", True),
        ],
        id="semicolon_list_after_who_will_brief_with_an_aside_and_a_post_only_entry",
    ),
    pytest.param(
        "将进行情况介绍的嘉宾有：区域和平研究所所长安德烈娅·维拉-孔蒂女士，"
        "他们将分别介绍最新情况；非洲联盟委员会和平与安全专员(姓名待定)。\n",
        [
            ("安德烈娅·维拉-孔蒂", "区域和平研究所所长", False),
            (None, "非洲联盟委员会和平与安全专员", True),
        ],
        id="intro_with_jinxing_and_a_hyphenated_name",
    ),
    pytest.param(
        "二、通报人\n"
        "5. 安理会将听取下列人士的通报：\n"
        "  1. 艾达·卡尔森女士\n"
        "      世界粮食计划署副执行主任\n"
        "  2. 林慧敏女士(待确认)\n"
        "      联合国开发计划署区域局局长\n"
        "  3. 待定\n"
        "      东南亚国家联盟秘书长代表\n"
        "三、形式\n"
        "6. 会议将公开举行。\n",
        [
            ("艾达·卡尔森", "世界粮食计划署副执行主任", False),
            ("林慧敏", "联合国开发计划署区域局局长", True),
            (None, "东南亚国家联盟秘书长代表", True),
        ],
        id="numbered_names_with_the_post_on_the_next_line",
    ),
    pytest.param(
        "通报人\n"
        "(a) 马蒂亚斯·霍尔姆贝里先生\n"
        "北极理事会主席\n"
        "(b) 安德烈娅·维拉女士(待确认)\n"
        "S/2031/55\n"
        "31-01234 2/4\n"
        "区域和平研究所所长\n"
        "(c) (人选待定)\n"
        "民间社会代表\n",
        [
            ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
            ("安德烈娅·维拉", "区域和平研究所所长", True),
            (None, "民间社会代表", True),
        ],
        id="two_line_entries_across_a_page_break",
    ),
    pytest.param(
        "通报人：\n1. 世界卫生组织总干事\n马蒂亚斯·霍尔姆贝里先生\n2. 北极理事会主席\n林慧敏女士\n",
        [
            ("马蒂亚斯·霍尔姆贝里", "世界卫生组织总干事", False),
            ("林慧敏", "北极理事会主席", False),
        ],
        id="post_on_the_numbered_line_and_the_name_below",
    ),
    pytest.param(
        "通报人：\n1. 艾达·卡尔森女士\n2. 待定\n3. 青年代表\n",
        [("艾达·卡尔森", None, False), (None, "青年代表", False)],
        id="a_mark_line_without_a_post_below_is_no_briefer",
    ),
    pytest.param(
        "通报人：\n1. 艾达·卡尔森女士\n2. 林慧敏女士\n请各代表团于3月1日前报名。\n",
        [("艾达·卡尔森", None, False), ("林慧敏", None, False)],
        id="a_sentence_after_a_list_of_names_is_not_their_post",
    ),
    pytest.param(
        "通报人：\n1. 北极理事会主席马蒂亚斯·霍尔姆贝里\n2. 世界卫生组织总干事林慧敏\n",
        [
            ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
            ("林慧敏", "世界卫生组织总干事", False),
        ],
        id="an_entry_with_a_post_already_takes_no_second_line",
    ),
    pytest.param(
        "主席(以法语发言)：根据暂行议事规则第39条，我邀请下列通报人参加本次会议："
        "区域和平研究所所长安德烈娅·维拉女士。\n"
        "主席(以法语发言)：现在请秘书长作通报。\n"
        "秘书长(以英语发言)：谢谢主席。\n"
        "主席(以法语发言)：我感谢秘书长的通报。现在请维拉女士发言。\n"
        "维拉女士(以英语发言)：谢谢。\n"
        "主席(以法语发言)：我感谢维拉女士的通报。我还感谢林慧敏女士的通报。\n",
        [
            ("安德烈娅·维拉", "区域和平研究所所长", False),
            (None, "秘书长", False),
        ],
        id="a_president_giving_the_floor_is_no_entry",
    ),
    # --- from set12_briefers ---
    pytest.param(
        _SPACED_TABLE,
        [
            ("米格尔·阿兰达·索萨", "联合国开发计划署署长", False),
            ("塔季扬娜·彼得罗芙娜·沃罗宁娜", "秘书长负责儿童与武装冲突问题特别代表", False),
            ("Jonas Lindqvist", "Open Harbor基金会创始人、联合国海洋大使", True),
            (None, "受影响社区代表", True),
        ],
        id="a_spaced_table_reads_one_briefer_per_row",
    ),
    # a one-cell line at the left margin after the table is the letter's text, not a post's end
    pytest.param(
        " 通报人                                  职务 \n\n"
        " 莱拉·哈达德                            区域协调员 \n\n"
        " 会议结束后不发表成果文件。 \n",
        [("莱拉·哈达德", "区域协调员", False)],
        id="a_line_indented_under_the_first_column_is_no_wrapped_post",
    ),
    pytest.param(
        _PROSE,
        [
            ("卡琳·奥斯特贝里", "人道主义事务副秘书长", False),
            ("胡安·帕布罗·埃切维里亚", "世界气象组织秘书长", True),
            ("玛丽亚·陶法", "太平洋青年气候联盟协调员", False),
            (None, "国际红十字委员会主席", True),
        ],
        id="prose_briefers_subject_object_and_invited",
    ),
    # ``将…发言`` is anyone's statement when no heading names the briefers above it
    pytest.param(
        "一. 会议安排\n"
        "3. 随后，区域组织秘书长阿马杜·迪亚洛先生将通过视频连线发言。\n"
        "4. 各代表团随后按名单发言。\n",
        [],
        id="speaking_outside_a_briefers_part_names_no_briefer",
    ),
    pytest.param(
        "二. 通报人\n"
        "4. 人权事务高级专员将向安理会作通报。\n"
        "三. 闭幕\n"
        "5. 随后，外交部长拉米娅·本萨勒女士将发言。\n",
        [(None, "人权事务高级专员", False)],
        id="speaking_under_a_later_heading_names_no_briefer",
    ),
    pytest.param(
        "最后，难民署高级专员卡洛斯·维加先生将向安理会作通报，说明最新情况。\n",
        [("卡洛斯·维加", "难民署高级专员", False)],
        id="an_adverb_before_a_comma_is_not_read_as_a_name",
    ),
    pytest.param(
        "安理会将听取主管政治事务副秘书长罗伯托·费兰特先生的通报(待确认)。\n",
        [("罗伯托·费兰特", "主管政治事务副秘书长", True)],
        id="hearing_a_briefing_names_its_briefer",
    ),
    pytest.param(
        "主席国已邀请世界粮食计划署执行主任就粮食安全作通报。\n",
        [(None, "世界粮食计划署执行主任", False)],
        id="an_invitation_to_brief_without_a_pending_clause_is_not_tentative",
    ),
    # the pending words belong to the clause they follow: here a venue, not the briefer
    pytest.param(
        "国际移民组织总干事将向安理会作通报。会议地点另行通知，时间待定。\n",
        [(None, "国际移民组织总干事", False)],
        id="pending_words_that_follow_another_clause_mark_no_one",
    ),
    pytest.param(
        "安理会将听取各会员国的意见。\n",
        [],
        id="hearing_a_statement_by_a_state_is_no_briefer",
    ),
    # --- from briefer_layouts ---
    pytest.param(
        "5. 通报人：\n·联合国难民事务高级专员菲利波·格兰迪\n"
        "·数字权利基金会执行主任Nighat Dád\n·索邦大学研究员 Éric Lefèvre(待定)\n",
        [
            ("菲利波·格兰迪", "联合国难民事务高级专员", False),
            ("Nighat Dád", "数字权利基金会执行主任", False),
            ("Éric Lefèvre", "索邦大学研究员", True),
        ],
        id="middle_dot_bullets_with_latin_names_glued_to_titles",
    ),
    pytest.param(
        "5.预计以下人员将作情况通报：\n1.秘书长\n2.世界银行行长戴维·马尔帕斯\n"
        "3.欧洲联盟委员会主席(待定)\n6.会议拟议成果为一项新闻声明。\n",
        [
            (None, "秘书长", False),
            ("戴维·马尔帕斯", "世界银行行长", False),
            (None, "欧洲联盟委员会主席", True),
        ],
        id="numbered_list_stops_at_the_next_paragraph_number",
    ),
    pytest.param(
        "通报人\n主管维持和平行动副秘书长\n东南亚国家联盟人权专员(待确认)\n形式\n",
        [
            (None, "主管维持和平行动副秘书长", False),
            (None, "东南亚国家联盟人权专员", True),
        ],
        id="post_only_line_with_a_tentative_mark",
    ),
    pytest.param(
        "3. 通报人为：拉斐尔·格罗西，国际原子能机构总干事；"
        "米尔贾娜·斯波利亚里克，红十字国际委员会主席(待定)；世界银行行长。",
        [
            ("拉斐尔·格罗西", "国际原子能机构总干事", False),
            ("米尔贾娜·斯波利亚里克", "红十字国际委员会主席", True),
            (None, "世界银行行长", False),
        ],
        id="name_first_entries_in_a_sentence_list",
    ),
    pytest.param(
        "6. 通报人\n预计以下人员将向安理会介绍情况：\n"
        "沃尔克·蒂尔克，联合国人权事务高级专员；\n\n"
        "李明华，和平与发展研究中心主任(待定)；\n\n"
        "Kwame Asante-Boateng，西非国家经济共同体委员会协调员。\n\n"
        "7. 会议形式为公开辩论。\n",
        [
            ("沃尔克·蒂尔克", "联合国人权事务高级专员", False),
            ("李明华", "和平与发展研究中心主任", True),
            ("Kwame Asante-Boateng", "西非国家经济共同体委员会协调员", False),
        ],
        id="intro_line_then_name_first_items_separated_by_blank_lines",
    ),
    pytest.param(
        "通报人：\n• 主管政治和建设和平事务副秘书长\n• 妇女组织代表(待确认)\n"
        "• 一名青年代表\n• 欧洲联盟代表\n• 代表\n",
        [
            (None, "主管政治和建设和平事务副秘书长", False),
            (None, "妇女组织代表", True),
            (None, "青年代表", False),
            (None, "欧洲联盟代表", False),
        ],
        id="post_only_representatives_are_briefers",
    ),
    pytest.param(
        "通报人\n拟邀请下列人士通报情况：\n"
        "玛丽亚·费尔南德斯，南部非洲发展共同体秘书处政治、防务和安全事务主任(待定)；\n\n"
        "托马斯·贝克尔，联合国难民事务高级专员。\n\n"
        "形式\n",
        [
            ("玛丽亚·费尔南德斯", "南部非洲发展共同体秘书处政治、防务和安全事务主任", True),
            ("托马斯·贝克尔", "联合国难民事务高级专员", False),
        ],
        id="name_first_entry_whose_post_lists_portfolios",
    ),
    pytest.param(
        "6.会议将由巴西常驻联合国代表主持。\n向安全理事会通报情况的人士有：\n"
        "•《冲突后国家的重建》一书作者玛丽亚·科斯塔女士\n"
        "•国际和平研究所所长佐伊·拉斯托先生(待确认)\n"
        "7.鼓励发言者将发言控制在四分钟以内。\n",
        [
            ("玛丽亚·科斯塔", "《冲突后国家的重建》一书作者", False),
            ("佐伊·拉斯托", "国际和平研究所所长", True),
        ],
        id="bullets_after_a_clause_that_introduces_them",
    ),
    pytest.param(
        "辩论将以线上方式进行。向与会者介绍情况的有联合国开发计划署署长阿希姆·施泰纳、"
        "非洲联盟委员会经济发展、贸易、工业和矿业专员阿尔伯特·穆昌加以及"
        "国际危机组织主席科姆福特·埃罗女士(待确认)。",
        [
            ("阿希姆·施泰纳", "联合国开发计划署署长", False),
            ("阿尔伯特·穆昌加", "非洲联盟委员会经济发展、贸易、工业和矿业专员", False),
            ("科姆福特·埃罗", "国际危机组织主席", True),
        ],
        id="prose_list_with_a_post_that_lists_portfolios_with_dun_hao",
    ),
    pytest.param(
        "5.辩论开始时，世界卫生组织总干事谭德塞·盖布雷耶苏斯将作情况通报。",
        [("谭德塞·盖布雷耶苏斯", "世界卫生组织总干事", False)],
        id="an_opening_phrase_before_the_briefer_in_a_sentence_is_no_part_of_the_post",
    ),
    # --- from briefer_layouts_2 ---
    pytest.param(
        PREAMBLE
        + (
            "三、通报人\n"
            "甲、主管政治事务副秘书长罗丝玛丽·迪卡洛\n"
            "乙.第1718(2006)号决议所设安全理事会委员会主席(待定)\n"
            "丙、非洲开发银行代表(待确认)\n"
            "四、成果\n"
            "5. 预计会后发表新闻谈话。\n"
        ),
        [
            ("罗丝玛丽·迪卡洛", "主管政治事务副秘书长", False),
            (None, "第1718(2006)号决议所设安全理事会委员会主席", True),
            (None, "非洲开发银行代表", True),
        ],
        id="heavenly_stem_labels_are_not_left_in_posts",
    ),
    pytest.param(
        PREAMBLE
        + (
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
        ),
        [
            ("安东尼奥·古特雷斯", "秘书长", False),
            ("菲利波·格兰迪", "联合国难民事务高级专员", False),
            ("亨丽埃塔·福尔", "联合国儿童基金会执行主任", False),
            ("Joanne Liu", "无国界医生组织国际主席", True),
        ],
        id="roman_numerals_and_a_name_broken_by_page_furniture",
    ),
    pytest.param(
        "供讨论的问题：\n(i)安理会如何加强预警？\n(ii)区域组织可以发挥什么作用？\n",
        [],
        id="roman_numbered_questions_without_a_heading_are_no_briefers",
    ),
    pytest.param(
        PREAMBLE
        + (
            "发言者：\n"
            "①国际海事组织秘书长林基泽\n"
            "②海洋保护协会执行主任Ana Ruiz(待定)\n"
            "③东南亚渔业发展中心代表(待确认)\n"
            "会议不作记录。\n"
        ),
        [
            ("林基泽", "国际海事组织秘书长", False),
            ("Ana Ruiz", "海洋保护协会执行主任", True),
            (None, "东南亚渔业发展中心代表", True),
        ],
        id="circled_numbers_after_a_speakers_heading",
    ),
    pytest.param(
        PREAMBLE
        + (
            "二、发言人\n"
            "主旨发言　　联合国开发计划署署长　阿希姆·施泰纳先生\n"
            "通报人　　　国际法院院长　优素福法官\n"
            "　　　　　　世界卫生组织助理总干事　玛丽亚·内拉女士（待确认）\n"
            "　　　　　　Kumi Naidoo先生，国际特赦组织秘书长\n"
            "开幕致辞　　秘鲁常驻联合国代表　古斯塔沃·梅萨-夸德拉大使\n"
            "\n"
            "发言之后，将开放讨论，请各代表团将发言控制在3分钟以内。\n"
        ),
        [
            ("阿希姆·施泰纳", "联合国开发计划署署长", False),
            ("优素福", "国际法院院长", False),
            ("玛丽亚·内拉", "世界卫生组织助理总干事", True),
            ("Kumi Naidoo", "国际特赦组织秘书长", False),
        ],
        id="label_column_with_keynote_briefers_and_opening_remarks",
    ),
    pytest.param(
        PREAMBLE
        + (
            "三、通报人\n"
            "7.以下人士将向安理会作通报(按发言顺序)：\n"
            "序号\n姓名\n职务\n备注\n"
            "1\n让-皮埃尔·拉克鲁瓦\n主管和平行动副秘书长\n"
            "2\nCarlos Ruiz Massieu\n联合国哥伦比亚核查团\n(核查团)团长兼秘书长特别代表\n待确认\n"
            "3\n玛莎·波比\n主管非洲事务助理秘书长\n视频连线\n"
            "四、供讨论的问题\n"
            "8.安理会如何支持和平进程？\n"
        ),
        [
            ("让-皮埃尔·拉克鲁瓦", "主管和平行动副秘书长", False),
            ("Carlos Ruiz Massieu", "联合国哥伦比亚核查团(核查团)团长兼秘书长特别代表", True),
            ("玛莎·波比", "主管非洲事务助理秘书长", False),
        ],
        id="flattened_table_with_a_wrapped_post_and_a_remarks_mark",
    ),
    pytest.param(
        PREAMBLE + "通报人：\n·上诉分庭法官(待定)\n",
        [(None, "上诉分庭法官", True)],
        id="a_rank_after_a_post_stays_the_post",
    ),
    pytest.param(
        "会议将由我本人主持。世界粮食计划署执行主任戴维·比斯利先生和"
        "无国界医生组织主席Christos Christou先生(待确认)将作介绍性发言。",
        [
            ("戴维·比斯利", "世界粮食计划署执行主任", False),
            ("Christos Christou", "无国界医生组织主席", True),
        ],
        id="introductory_remarks_and_a_mark_after_an_honorific",
    ),
    pytest.param(
        PREAMBLE
        + (
            "通报人\n"
            "　　常务副秘书长阿米娜·穆罕\n"
            " S/2016/212 \n"
            "2/4 16-04455 (C)\n"
            "默德\n"
            "　　联合国难民事务高级专员菲利波·格兰迪\n"
            " S/2016/212 \n"
            "　　世界银行副行长Mari Pangestu(待定)\n"
        ),
        [
            ("阿米娜·穆罕默德", "常务副秘书长", False),
            ("菲利波·格兰迪", "联合国难民事务高级专员", False),
            ("Mari Pangestu", "世界银行副行长", True),
        ],
        id="plain_lines_broken_by_page_furniture",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_briefers_of_text(text: str, expected: object) -> None:
    assert _briefers(text) == expected


def test_a_clause_about_a_briefer_that_is_not_opened_by_a_pronoun_is_no_entry() -> None:
    # ``会议将…`` after a comma is the letter's sentence, not an aside: the line is rejected
    assert _items("北极理事会主席马蒂亚斯·霍尔姆贝里先生，会议将于上午举行") == []


@pytest.mark.parametrize(
    "text",
    [
        "需要向安理会通报的是，该区域局势仍在恶化。\n",  # 通报的是 without 作/进行
        "秘书处已作通报的事项包括预算和人员编制。\n",  # no 有/包括 right after 的
    ],
)
def test_other_sentences_with_tongbao_de_list_no_briefer(text: str) -> None:
    assert _briefers(text) == []


# --- the marks -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entry", "tentative"),
    [
        ("人权理事会主席米娜·奥卡福女士(人选待定)", True),
        ("人权理事会主席(姓名待定)", True),
        ("人权理事会主席(具体人选仍待确认)", True),
        ("人权理事会主席米娜·奥卡福女士", False),
    ],
)
def test_words_for_what_is_pending_inside_the_mark(entry: str, tentative: bool) -> None:
    assert [t for _, _, t in _items(entry)] == [tentative]


def test_the_mark_words_are_blanked_not_removed() -> None:
    entry = "人权理事会主席(人选待定)"
    assert len(plain_marks(entry)) == len(entry)
    assert plain_marks(entry).replace(" ", "") == "人权理事会主席(待定)"


# --- entries -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("林慧敏女士", ("", "林慧敏")),  # a Chinese name alone with its courtesy title
        ("佐佐木千寻女士", ("", "佐佐木千寻")),  # a Japanese name of five
        ("东南亚国家联盟秘书长代表", ("东南亚国家联盟秘书长代表", None)),  # 代表 is no name
        ("秘书长特使", ("秘书长特使", None)),
        ("秘书长代表林慧敏", ("秘书长代表", "林慧敏")),
        ("秘书长先生", ("秘书长先生", None)),  # a post with an honorific stays a post
        ("安理会先生", ("安理会先生", None)),  # a body is no name
    ],
)
def test_split_entry(entry: str, expected: tuple[str, str | None]) -> None:
    assert split_entry(entry) == expected


def test_a_spaced_table_ends_at_the_next_heading() -> None:
    rows = _briefers(_SPACED_TABLE)
    assert not any(title and "指导性问题" in title for _, title, _ in rows)
    assert not any(name and "安全理事会" in name for name, _, _ in rows)


def test_two_spaces_in_an_ordinary_list_make_no_table() -> None:
    # a header line that is no pair of column names: the list below is read as before
    text = "通报人：\n1. 世界卫生组织总干事  罗莎·门德斯女士\n2. 人权事务高级专员\n"
    names = [name for name, _, _ in _briefers(text)]
    assert "罗莎·门德斯" in names
    assert all(name != "世界卫生组织总干事" for name in names)


def test_members_speaking_in_turn_are_no_briefers() -> None:
    titles = {title for _, title, _ in _briefers(_PROSE)}
    assert not any(t and ("会员国" in t or "成员" in t) for t in titles)


# --- a name after a post whose first word ends like a post ------------------------------------
def test_a_japanese_name_after_a_long_post_is_cut_off_whole() -> None:
    assert split_entry("音乐家联盟理事长山本花子女士") == ("音乐家联盟理事长", "山本花子")
    assert split_entry("核能工作者协会主任委员田中一郎先生") == (
        "核能工作者协会主任委员",
        "田中一郎",
    )


def test_a_short_chinese_name_after_a_post_is_kept() -> None:
    assert split_entry("区域研究中心主任王立新先生") == ("区域研究中心主任", "王立新")


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


def test_dash_bullets_with_tbc() -> None:
    text = "7. 通报人：\n— 秘书长 António Guterres\n— 无国界医生组织主席 Christos Christou (tbc)\n"
    assert [(n, t) for n, _, t in _briefers(text)] == [
        ("António Guterres", False),
        ("Christos Christou", True),
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


def test_a_stem_out_of_order_ends_the_list() -> None:
    text = PREAMBLE + "通报人\n甲、秘书长安东尼奥·古特雷斯\n丙、世界粮食计划署执行主任戴维·比斯利\n"
    assert [name for name, _, _ in _briefers(text)] == ["安东尼奥·古特雷斯"]


def test_a_bulleted_line_after_page_furniture_is_a_new_entry() -> None:
    text = PREAMBLE + (
        "通报人：\n"
        "(i)秘书长安东尼奥·古特雷斯\n"
        " S/2019/417 \n"
        "(ii)联合国儿童基金会执行主任亨丽埃塔·福尔\n"
        "第二段落的正文从这里开始。\n"
    )
    assert [name for name, _, _ in _briefers(text)] == ["安东尼奥·古特雷斯", "亨丽埃塔·福尔"]


def test_a_circled_number_out_of_order_ends_the_list() -> None:
    text = PREAMBLE + "发言者：\n①国际海事组织秘书长林基泽\n③海洋保护协会执行主任Ana Ruiz\n"
    assert [name for name, _, _ in _briefers(text)] == ["林基泽"]


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


def test_a_mark_after_the_verb_is_the_whole_lists() -> None:
    text = (
        "会议期间，联合国难民署高级专员菲利波·格兰迪和"
        "国际移民组织总干事安东尼奥·维托里诺将作通报(待确认)。"
    )
    assert [t for _, _, t in _briefers(text)] == [True, True]


# --- from heldout5_rules ---
# 1. Markdown-like tables


@pytest.mark.parametrize(
    "table",
    [
        "| 编号 | 姓名 | 职位 |\n|:---|:---|:---|\n"
        "| 1 | 罗斯玛丽·迪卡洛 | 主管政治和建设和平事务副秘书长 |\n"
        "| 2 | Kwame Asante | 非洲联盟委员会主席（待定） |\n",
        # title first, no number column
        "| 职务 | 姓名 |\n| --- | --- |\n"
        "| 主管政治和建设和平事务副秘书长 | 罗斯玛丽·迪卡洛 |\n"
        "| 非洲联盟委员会主席(待定) | Kwame Asante |\n",
        # a header that names neither column: each row told apart
        "| A | B |\n|---|---|\n"
        "| 罗斯玛丽·迪卡洛 | 主管政治和建设和平事务副秘书长 |\n"
        "| 非洲联盟委员会主席(待定) | Kwame Asante |\n",
    ],
)
def test_briefers_in_a_table(table: str) -> None:
    text = f"6. 拟请以下人士作通报：\n\n{table}\n7. 会议不设成果文件。\n"
    assert _briefers(text) == [
        ("罗斯玛丽·迪卡洛", "主管政治和建设和平事务副秘书长", False),
        ("Kwame Asante", "非洲联盟委员会主席", True),
    ]


def test_table_after_a_guests_heading() -> None:
    text = (
        "3. 通报嘉宾名单：\n| 序号 | 姓名 | 职务 |\n| -- | -- | -- |\n"
        "| 一 | 菲利波·格兰迪 | 联合国难民事务高级专员 |\n"
    )
    assert _briefers(text) == [("菲利波·格兰迪", "联合国难民事务高级专员", False)]


def test_a_table_without_a_rule_is_no_list() -> None:
    text = "3. 通报人：\n| 菲利波·格兰迪 | 联合国难民事务高级专员 |\n"
    assert _briefers(text) == []


# 2. name(post) entries, on lines or run together


def test_name_first_entries_on_their_own_lines() -> None:
    text = (
        "5. 应邀作情况通报的有：\n"
        "菲利波·格兰迪（联合国难民事务高级专员）\n"
        "Leila Haddad(开罗大学教授)(待定)\n"
        "6. 会后不发表新闻谈话。\n"
    )
    assert _briefers(text) == [
        ("菲利波·格兰迪", "联合国难民事务高级专员", False),
        ("Leila Haddad", "开罗大学教授", True),
    ]


def test_name_first_entries_run_together_on_one_line() -> None:
    text = (
        "5. 应邀作通报的有：\n"
        "阿希姆·施泰纳(联合国开发计划署署长)(待确认)Kofi Mensah(非洲开发银行行长)"
        "谭德塞·盖布雷耶苏斯(世界卫生组织总干事)\n"
        "6. 会后不发表新闻谈话。\n"
    )
    assert _briefers(text) == [
        ("阿希姆·施泰纳", "联合国开发计划署署长", True),
        ("Kofi Mensah", "非洲开发银行行长", False),
        ("谭德塞·盖布雷耶苏斯", "世界卫生组织总干事", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "联合国反恐怖主义办公室代理副秘书长亚历山大·祖耶夫以英文、俄语、法语和西班牙语通报情况。",
            ["亚历山大·祖耶夫"],
            id="in-four-languages",
        ),
        pytest.param(
            "秘书长特使某某某用法语作通报。", ["某某某"], id="in-one-language-with-a-verb-prefix"
        ),
    ],
)
def test_a_briefer_speaking_in_a_language(text: str, expected: list[str]) -> None:
    """``以英文…通报情况`` (a CCTV report of 4 February 2026): the language is no part of the
    subject, and the subject is the briefer."""
    assert [name for name, _, _ in _briefers(text)] == expected


def test_a_state_starting_with_yi_is_no_language() -> None:
    """``以色列`` opens no ``以…语`` phrase: the subject is not cut before it."""
    assert _briefers("以色列常驻代表某某某将通报情况。") == [("某某某", "以色列常驻代表", False)]


# --- a tab-separated table, a mark wrapped below its bulleted entry -----------------------


def _meeting_briefers(text: str) -> list[Row]:
    facts = extract(text)
    assert facts.meetings
    return [(b.name, b.title, b.tentative) for b in facts.meetings[0].briefers]


def test_tab_separated_briefer_table() -> None:
    text = argentine_letter(
        "安理会将于2013年10月22日上午10时举行一次公开辩论。\n\n"
        "下列人士将向安理会作通报：\n\n"
        "姓名\t职务\n"
        "扬·埃利亚松\t常务副秘书长\n"
        "Zainab Bangura（待确认）\t负责冲突中性暴力问题秘书长特别代表\n"
        "（待定）\t联合国难民事务高级专员\n"
    )
    assert _meeting_briefers(text) == [
        ("扬·埃利亚松", "常务副秘书长", False),
        ("Zainab Bangura", "负责冲突中性暴力问题秘书长特别代表", True),
        (None, "联合国难民事务高级专员", True),
    ]


def test_tab_lines_without_name_and_title_header_are_no_table() -> None:
    text = argentine_letter(
        "安理会将于2013年10月22日上午10时举行一次公开辩论。\n\n"
        "通报人：\n\n日期\t地点\n10月22日\t会议厅\n"
    )
    assert _meeting_briefers(text) == []


def test_mark_wrapped_below_bulleted_entry() -> None:
    text = argentine_letter(
        "安理会将于2013年10月22日上午10时举行一次公开辩论。\n\n通报人\n"
        "  ▪ 世界银行行长 Jim Yong Kim 先生\n"
        "  ▪ 西非国家经济共同体委员会主席卡德雷·韦德拉奥果\n    (待确认)\n"
        "  ▪ 常务副秘书长扬·埃利亚松\n\n四、形式\n"
    )
    assert _meeting_briefers(text) == [
        ("Jim Yong Kim", "世界银行行长", False),
        ("卡德雷·韦德拉奥果", "西非国家经济共同体委员会主席", True),
        ("扬·埃利亚松", "常务副秘书长", False),
    ]


def test_plain_line_below_bulleted_list_marks_nothing() -> None:
    text = argentine_letter(
        "安理会将于2013年10月22日上午10时举行一次公开辩论。\n\n通报人\n"
        "  ▪ 常务副秘书长扬·埃利亚松\n"
        "  ▪ 西非国家经济共同体委员会主席卡德雷·韦德拉奥果\n"
        "    会议对全体会员国开放。\n\n四、形式\n"
    )
    assert [t for *_, t in _meeting_briefers(text)] == [False, False]
