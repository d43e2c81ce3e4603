"""Briefer layouts and wordings written for these tests (invented names, posts and marks): a
two-column table whose columns a PDF left as runs of spaces, with long posts wrapped onto the
next line and a name cell that is only a mark; briefers named only in the running prose of a
concept note (the subject of ``将…作通报`` or, under a briefers heading, of ``将…发言``; the
object of ``听取…的通报`` or ``邀请…作通报``), with marks after the verb or said in words; a
Chinese or Japanese name after a post whose first word ends like a post; and what must stay out.
"""

from __future__ import annotations

from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import briefers
from unsckg.extractors.zh.briefer_items import split_entry

Row = tuple[str | None, str | None, bool]


def _briefers(text: str) -> list[Row]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


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


def test_a_spaced_table_reads_one_briefer_per_row() -> None:
    assert _briefers(_SPACED_TABLE) == [
        ("米格尔·阿兰达·索萨", "联合国开发计划署署长", False),
        ("塔季扬娜·彼得罗芙娜·沃罗宁娜", "秘书长负责儿童与武装冲突问题特别代表", False),
        ("Jonas Lindqvist", "Open Harbor基金会创始人、联合国海洋大使", True),
        (None, "受影响社区代表", True),
    ]


def test_a_spaced_table_ends_at_the_next_heading() -> None:
    rows = _briefers(_SPACED_TABLE)
    assert not any(title and "指导性问题" in title for _, title, _ in rows)
    assert not any(name and "安全理事会" in name for name, _, _ in rows)


def test_a_line_indented_under_the_first_column_is_no_wrapped_post() -> None:
    # a one-cell line at the left margin after the table is the letter's text, not a post's end
    text = (
        " 通报人                                  职务 \n\n"
        " 莱拉·哈达德                            区域协调员 \n\n"
        " 会议结束后不发表成果文件。 \n"
    )
    assert _briefers(text) == [("莱拉·哈达德", "区域协调员", False)]


def test_two_spaces_in_an_ordinary_list_make_no_table() -> None:
    # a header line that is no pair of column names: the list below is read as before
    text = "通报人：\n1. 世界卫生组织总干事  罗莎·门德斯女士\n2. 人权事务高级专员\n"
    names = [name for name, _, _ in _briefers(text)]
    assert "罗莎·门德斯" in names
    assert all(name != "世界卫生组织总干事" for name in names)


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


def test_prose_briefers_subject_object_and_invited() -> None:
    assert _briefers(_PROSE) == [
        ("卡琳·奥斯特贝里", "人道主义事务副秘书长", False),
        ("胡安·帕布罗·埃切维里亚", "世界气象组织秘书长", True),
        ("玛丽亚·陶法", "太平洋青年气候联盟协调员", False),
        (None, "国际红十字委员会主席", True),
    ]


def test_members_speaking_in_turn_are_no_briefers() -> None:
    titles = {title for _, title, _ in _briefers(_PROSE)}
    assert not any(t and ("会员国" in t or "成员" in t) for t in titles)


def test_speaking_outside_a_briefers_part_names_no_briefer() -> None:
    # ``将…发言`` is anyone's statement when no heading names the briefers above it
    text = (
        "一. 会议安排\n"
        "3. 随后，区域组织秘书长阿马杜·迪亚洛先生将通过视频连线发言。\n"
        "4. 各代表团随后按名单发言。\n"
    )
    assert _briefers(text) == []


def test_speaking_under_a_later_heading_names_no_briefer() -> None:
    text = (
        "二. 通报人\n"
        "4. 人权事务高级专员将向安理会作通报。\n"
        "三. 闭幕\n"
        "5. 随后，外交部长拉米娅·本萨勒女士将发言。\n"
    )
    assert _briefers(text) == [(None, "人权事务高级专员", False)]


def test_an_adverb_before_a_comma_is_not_read_as_a_name() -> None:
    text = "最后，难民署高级专员卡洛斯·维加先生将向安理会作通报，说明最新情况。\n"
    assert _briefers(text) == [("卡洛斯·维加", "难民署高级专员", False)]


def test_hearing_a_briefing_names_its_briefer() -> None:
    text = "安理会将听取主管政治事务副秘书长罗伯托·费兰特先生的通报(待确认)。\n"
    assert _briefers(text) == [("罗伯托·费兰特", "主管政治事务副秘书长", True)]


def test_an_invitation_to_brief_without_a_pending_clause_is_not_tentative() -> None:
    text = "主席国已邀请世界粮食计划署执行主任就粮食安全作通报。\n"
    assert _briefers(text) == [(None, "世界粮食计划署执行主任", False)]


def test_pending_words_that_follow_another_clause_mark_no_one() -> None:
    # the pending words belong to the clause they follow: here a venue, not the briefer
    text = "国际移民组织总干事将向安理会作通报。会议地点另行通知，时间待定。\n"
    assert _briefers(text) == [(None, "国际移民组织总干事", False)]


def test_hearing_a_statement_by_a_state_is_no_briefer() -> None:
    assert _briefers("安理会将听取各会员国的意见。\n") == []


# --- a name after a post whose first word ends like a post ------------------------------------


def test_a_japanese_name_after_a_long_post_is_cut_off_whole() -> None:
    assert split_entry("音乐家联盟理事长山本花子女士") == ("音乐家联盟理事长", "山本花子")
    assert split_entry("核能工作者协会主任委员田中一郎先生") == (
        "核能工作者协会主任委员",
        "田中一郎",
    )


def test_a_short_chinese_name_after_a_post_is_kept() -> None:
    assert split_entry("区域研究中心主任王立新先生") == ("区域研究中心主任", "王立新")
