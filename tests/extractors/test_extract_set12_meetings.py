"""Meetings, representatives and explanations of vote: rules generalised from the misses of the
twelfth held-out set, checked on wordings, names, states, dates and numbers written for these
tests (none of the held-out sentences): a theme after ``题目是``, an agenda item the debate is
``列于`` (filed under), a meeting said to be an in-person one (``为线下会议``), a chair read with
the place or the way they preside from, a chair's clause broken by a short PDF line, a meeting
record's member table flattened two members to a line, and invitees seated at the table who
speak after a vote.
"""

from __future__ import annotations

from unsckg.extractors.document import Context
from unsckg.extractors.facts import DocumentFacts, Meeting
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import NormalisedText
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import explanation, representatives

_HEADER = "2013年10月3日阿根廷常驻联合国代表给秘书长的信\n"
_SIGNED = (
    "请将本信作为安全理事会文件分发为荷。\n阿根廷常驻联合国代表\n玛丽亚·克里斯蒂娜·佩塞瓦尔(签名)\n"
)


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _facts(body: str) -> DocumentFacts:
    return _extract(_HEADER + body + "\n" + _SIGNED)


def _meeting(body: str) -> Meeting:
    facts = _facts(body)
    assert facts.meetings
    return facts.meetings[0]


def _context(clean: str) -> Context:
    """``clean`` taken as already normalised text."""
    return Context("t.zh.txt", NormalisedText(clean, clean, tuple(range(len(clean)))))


# 1. A theme after ``题目是`` / ``题目为``


def test_a_debate_titled_with_timu_has_that_theme() -> None:
    meeting = _meeting(
        "我国政府拟于2013年10月21日上午10时举行一次公开辩论，题目是“妇女与和平：冲突后的司法”。"
    )
    assert meeting.theme == ("妇女与和平：冲突后的司法",)


def test_timu_wei_reads_the_same() -> None:
    meeting = _meeting("安全理事会将于2013年10月21日举行一次通报会，题目为“小武器的非法流动”。")
    assert meeting.theme == ("小武器的非法流动",)


def test_a_reports_title_after_timu_is_no_theme() -> None:
    meeting = _meeting(
        "安全理事会将于2013年10月21日举行一次通报会。秘书长报告的题目是“年度维和审查”。"
    )
    assert meeting.theme == ()


# 2. An agenda item the debate is filed under (``列于“X”议程项目之下``)


def test_a_debate_filed_under_an_item_has_that_agenda_item() -> None:
    meeting = _meeting(
        "安全理事会将于2013年10月21日举行一次公开辩论。该辩论列于“儿童与武装冲突”议程项目之下。"
    )
    assert meeting.agenda_item == "儿童与武装冲突"


def test_filed_under_with_apposition_reads_the_same() -> None:
    meeting = _meeting("安全理事会将于2013年10月21日举行一次公开辩论，列于“海地问题”这一项目下。")
    assert meeting.agenda_item == "海地问题"


def test_something_filed_under_a_quoted_heading_that_is_no_item_is_no_agenda() -> None:
    meeting = _meeting("安全理事会将于2013年10月21日举行一次公开辩论。有关数据列于“附录”一节。")
    assert meeting.agenda_item is None


# 3. A meeting said to be an in-person one


def test_a_debate_said_to_be_an_in_person_meeting_is_not_virtual() -> None:
    meeting = _meeting(
        "安全理事会将于2013年10月21日举行一次公开辩论。公开辩论为线下会议，"
        "一名通报人将通过视频链接发言。"
    )
    assert meeting.virtual is False


def test_one_held_on_site_said_with_shi_is_not_virtual_either() -> None:
    meeting = _meeting("安全理事会将于2013年10月21日举行一次通报会。本次会议是一次现场会议。")
    assert meeting.virtual is False


def test_a_meeting_said_not_to_be_in_person_is_not_read_as_one() -> None:
    meeting = _meeting("安全理事会将于2013年10月21日举行一次通报会。本次会议不是线下会议。")
    assert meeting.virtual is None


# 4. The chair read with where or how they preside from


def test_the_place_a_chair_presides_from_is_no_part_of_the_name() -> None:
    facts = _facts(
        "安全理事会将于2013年10月21日举行一次高级别公开辩论。"
        "辩论将由阿根廷共和国外交部长埃克托尔·蒂梅尔曼阁下在布宜诺斯艾利斯主持。"
    )
    assert facts.meetings[0].chair == "埃克托尔·蒂梅尔曼"
    found = {(p.name, p.state, p.role) for p in facts.representatives}
    assert ("埃克托尔·蒂梅尔曼", "ARG", "Minister for Foreign Affairs") in found


def test_presiding_from_a_city_or_by_video_is_cut_too() -> None:
    facts = _facts(
        "安全理事会将于2013年10月21日举行一次公开辩论。会议将由阿根廷总统克里斯蒂娜·基什内尔女士从日内瓦主持。"
    )
    assert facts.meetings[0].chair == "克里斯蒂娜·基什内尔"
    facts = _facts(
        "安全理事会将于2013年10月21日举行一次公开辩论。会议将由阿根廷外交部长埃克托尔·蒂梅尔曼先生通过视频主持。"
    )
    assert facts.meetings[0].chair == "埃克托尔·蒂梅尔曼"


# 5. A chair's clause broken by a short PDF line


_WRAPPED_LETTER = (
    "2013年10月3日大韩民国常驻联合国代表给秘书长的信\n"
    "值此大韩民国担任2013年10月安全理事会主席之际，我国政府拟于2013年\n"
    "10月21日(星期一)上午10时举行一次公开辩论，该辩论将由大韩民国外\n"
    "交部长尹炳\n"
    "世主持。为便利讨论，我谨随函附上一份概念说明。请将本信作为安全理事会文件分发\n"
    "为荷。\n"
    "金淑(签名)\n"
    "常驻代表\n"
)


def test_a_chair_broken_by_a_short_line_is_read_whole() -> None:
    facts = _extract(_WRAPPED_LETTER)
    assert facts.meetings[0].chair == "尹炳世"
    found = {(p.name, p.state, p.role) for p in facts.representatives}
    assert ("尹炳世", "KOR", "Minister for Foreign Affairs") in found


def test_a_line_that_ends_a_sentence_is_not_glued_to_the_chair() -> None:
    text = _WRAPPED_LETTER.replace(
        "该辩论将由大韩民国外\n交部长尹炳\n世主持。", "欢迎各国参加。\n大韩民国外交部长尹炳世主持。"
    )
    assert _extract(text).meetings[0].chair == "尹炳世"


def test_one_character_after_a_finished_sentence_is_no_chair() -> None:
    text = _WRAPPED_LETTER.replace(
        "该辩论将由大韩民国外\n交部长尹炳\n世主持。", "欢迎各国参加。\n世主持。"
    )
    assert _extract(text).meetings[0].chair is None


# 6. A member table flattened two members to a line


_TWO_COLUMNS = (
    "主席：雷耶斯先生..............(墨西哥)\n"
    "成员：安哥拉..............加斯帕尔·马丁斯先生保加利亚..........塔夫罗夫先生\n"
    "喀麦隆..............贝莱先生智利................穆尼奥斯女士\n"
    "大不列颠及北爱尔兰联合王国........................琼斯·帕里爵士\n"
    "议程\n中东局势\n"
)


def test_a_row_of_two_members_gives_both() -> None:
    found = {(p.name, p.state) for p in representatives.members(_context(_TWO_COLUMNS))}
    assert found == {
        ("加斯帕尔·马丁斯", "AGO"),
        ("塔夫罗夫", "BGR"),
        ("贝莱", "CMR"),
        ("穆尼奥斯", "CHL"),
        ("琼斯·帕里", "GBR"),
    }


def test_a_row_whose_middle_cell_ends_with_no_state_gives_no_glued_name() -> None:
    text = _TWO_COLUMNS.replace("贝莱先生智利", "贝莱先生日内瓦")
    names = {p.name for p in representatives.members(_context(text))}
    assert not any("日内瓦" in (name or "") for name in names)
    assert "穆尼奥斯" not in names and "加斯帕尔·马丁斯" in names


def test_two_member_rows_after_the_agenda_are_no_members() -> None:
    text = _TWO_COLUMNS + "秘鲁..........费雷罗先生巴拿马..........阿里亚斯先生\n"
    names = {p.name for p in representatives.members(_context(text))}
    assert not names & {"费雷罗", "阿里亚斯"}


# 7. Invitees seated at the table explain no vote


def test_a_seated_invitee_is_no_member_even_without_a_full_cover() -> None:
    ctx = _context(
        "主席：我收到斐济和塞内加尔代表的来信，请求参加讨论。\n"
        "应主席邀请，拉图先生(斐济)在安理会议席就座；恩迪亚耶先生(塞内加尔)在安理会议席旁就座。\n"
        "穆尼奥斯女士(智利)：我们投了赞成票。\n"
    )
    outsiders = explanation.non_members(ctx, Found())
    assert {"FJI", "SEN"} <= outsiders
    assert "CHL" not in outsiders
