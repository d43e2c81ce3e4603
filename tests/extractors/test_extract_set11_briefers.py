"""Briefer layouts and wordings written for these tests (invented names, posts and marks): a
list inline in one sentence after ``作通报的有``, entries split by ``；`` with a clause about the
briefer after the name; numbered lists with the name on one line and the post on the next,
including a line that is only a mark; posts that end in ``代表``; and what must stay out."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import briefers
from unsckg.extractors.zh.briefer_items import parse_items, plain_marks, split_entry

Row = tuple[str | None, str | None, bool]


def _briefers(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


def _items(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in parse_items(ctx, ctx.text, 0, True, False)]


# --- inline lists after an introducing clause ------------------------------------------------


def test_semicolon_list_after_who_will_brief_with_an_aside_and_a_post_only_entry() -> None:
    text = (
        "　　会议将由外交部长主持。应邀向安理会作情况通报的人士包括世界粮食计划署副执行主任"
        "艾达·卡尔森女士，她将介绍粮食供应链所受的影响；北极理事会主席马蒂亚斯·霍尔姆贝里先生；"
        "海洋研究中心主任Lukas Brandt先生（待确认）；以及一名青年代表（具体人选尚待确认）。"
        "通报结束后，安理会成员将发言。\n"
    )
    assert _briefers(text) == [
        ("艾达·卡尔森", "世界粮食计划署副执行主任", False),
        ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
        ("Lukas Brandt", "海洋研究中心主任", True),
        (None, "青年代表", True),
    ]


def test_intro_with_jinxing_and_a_hyphenated_name() -> None:
    text = (
        "将进行情况介绍的嘉宾有：区域和平研究所所长安德烈娅·维拉-孔蒂女士，"
        "他们将分别介绍最新情况；非洲联盟委员会和平与安全专员(姓名待定)。\n"
    )
    assert _briefers(text) == [
        ("安德烈娅·维拉-孔蒂", "区域和平研究所所长", False),
        (None, "非洲联盟委员会和平与安全专员", True),
    ]


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


# --- two-line entries ------------------------------------------------------------------------


def test_numbered_names_with_the_post_on_the_next_line() -> None:
    text = (
        "二、通报人\n"
        "5. 安理会将听取下列人士的通报：\n"
        "  1. 艾达·卡尔森女士\n"
        "      世界粮食计划署副执行主任\n"
        "  2. 林慧敏女士(待确认)\n"
        "      联合国开发计划署区域局局长\n"
        "  3. 待定\n"
        "      东南亚国家联盟秘书长代表\n"
        "三、形式\n"
        "6. 会议将公开举行。\n"
    )
    assert _briefers(text) == [
        ("艾达·卡尔森", "世界粮食计划署副执行主任", False),
        ("林慧敏", "联合国开发计划署区域局局长", True),
        (None, "东南亚国家联盟秘书长代表", True),
    ]


def test_two_line_entries_across_a_page_break() -> None:
    text = (
        "通报人\n"
        "(a) 马蒂亚斯·霍尔姆贝里先生\n"
        "北极理事会主席\n"
        "(b) 安德烈娅·维拉女士(待确认)\n"
        "S/2031/55\n"
        "31-01234 2/4\n"
        "区域和平研究所所长\n"
        "(c) (人选待定)\n"
        "民间社会代表\n"
    )
    assert _briefers(text) == [
        ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
        ("安德烈娅·维拉", "区域和平研究所所长", True),
        (None, "民间社会代表", True),
    ]


def test_post_on_the_numbered_line_and_the_name_below() -> None:
    text = (
        "通报人：\n1. 世界卫生组织总干事\n马蒂亚斯·霍尔姆贝里先生\n2. 北极理事会主席\n林慧敏女士\n"
    )
    assert _briefers(text) == [
        ("马蒂亚斯·霍尔姆贝里", "世界卫生组织总干事", False),
        ("林慧敏", "北极理事会主席", False),
    ]


def test_a_mark_line_without_a_post_below_is_no_briefer() -> None:
    text = "通报人：\n1. 艾达·卡尔森女士\n2. 待定\n3. 青年代表\n"
    assert _briefers(text) == [("艾达·卡尔森", None, False), (None, "青年代表", False)]


def test_a_sentence_after_a_list_of_names_is_not_their_post() -> None:
    text = "通报人：\n1. 艾达·卡尔森女士\n2. 林慧敏女士\n请各代表团于3月1日前报名。\n"
    assert _briefers(text) == [("艾达·卡尔森", None, False), ("林慧敏", None, False)]


def test_an_entry_with_a_post_already_takes_no_second_line() -> None:
    text = "通报人：\n1. 北极理事会主席马蒂亚斯·霍尔姆贝里\n2. 世界卫生组织总干事林慧敏\n"
    assert _briefers(text) == [
        ("马蒂亚斯·霍尔姆贝里", "北极理事会主席", False),
        ("林慧敏", "世界卫生组织总干事", False),
    ]


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


def test_a_president_giving_the_floor_is_no_entry() -> None:
    text = (
        "主席(以法语发言)：根据暂行议事规则第39条，我邀请下列通报人参加本次会议："
        "区域和平研究所所长安德烈娅·维拉女士。\n"
        "主席(以法语发言)：现在请秘书长作通报。\n"
        "秘书长(以英语发言)：谢谢主席。\n"
        "主席(以法语发言)：我感谢秘书长的通报。现在请维拉女士发言。\n"
        "维拉女士(以英语发言)：谢谢。\n"
        "主席(以法语发言)：我感谢维拉女士的通报。我还感谢林慧敏女士的通报。\n"
    )
    assert _briefers(text) == [
        ("安德烈娅·维拉", "区域和平研究所所长", False),
        (None, "秘书长", False),
    ]
