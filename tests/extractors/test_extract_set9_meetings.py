"""Briefers, meeting details and document metadata: rules generalised from the misses of the
ninth held-out set, checked on wordings, names, states, dates and numbers written for these
tests (none of the held-out sentences): a web copy's cover flattened onto one line, a clock time
with a full-width colon, numbered briefer labels, marks with an adverb or a remark, a briefer
broken across a page footer, a signature with the mark before the name, a presidency month in
apposition, and a statement's agenda item."""

from __future__ import annotations

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.normalise import NormalisedText
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import briefers, people
from unsckg.extractors.zh.briefer_items import plain_marks


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def _briefers(text: str) -> list[tuple[str | None, str | None, bool]]:
    facts = _extract(text)
    assert facts.meetings
    return [(b.name, b.title, b.tentative) for b in facts.meetings[0].briefers]


def _listed(clean: str) -> list[str | None]:
    """The briefers' names read from ``clean`` taken as already normalised text: the list rules
    checked apart from how normalisation lays out a PDF page."""
    norm = NormalisedText(clean, clean, tuple(range(len(clean))))
    return [b.name for b in briefers.extract(Context("t.zh.txt", norm))]


_OPENING = (
    "2012年5月3日秘鲁常驻联合国代表给秘书长的信\n"
    "秘鲁谨通知你，安理会将于2012年5月16日上午10时举行一次公开辩论，主题为“小武器问题”。\n"
)
_SIGNED = "请将本信作为安全理事会文件分发为荷。\n秘鲁常驻联合国代表\n古斯塔沃·梅萨(签名)\n"


# 1. A web copy's cover flattened onto one line


def test_a_flattened_cover_line_gives_the_symbol_and_it_is_not_cited() -> None:
    text = (
        "S/2012/318  安全理事会  Distr.: General  4 May 2012  Chinese  Original: Spanish\n"
        + _OPENING
        + _SIGNED
    )
    facts = _extract(text)
    assert facts.symbol == "S/2012/318"
    assert "S/2012/318" not in [d.value for d in facts.documents_cited]


def test_a_symbol_opening_a_sentence_is_no_flattened_cover() -> None:
    text = _OPENING + "S/2012/200 号文件所载报告中的建议得到支持。\n" + _SIGNED
    assert _extract(text).symbol is None


# 2. A clock time with a full-width colon and a period of the day


def test_a_time_with_a_full_width_colon_after_afternoon_is_24_hour() -> None:
    found = patterns.time_at("下午4：30在", 0)
    assert found is not None and found.value == "16:30"


def test_a_morning_time_with_a_colon_keeps_its_hour() -> None:
    found = patterns.time_at("上午9:15", 0)
    assert found is not None and found.value == "09:15"


def test_a_ratio_inside_digits_is_no_time() -> None:
    assert patterns.time_at("比例为123：45", 0) is None


# 3. Briefer labels numbered before their colon


def test_numbered_briefer_labels_each_give_one_briefer() -> None:
    text = (
        _OPENING
        + "\n二、通报人\n\n"
        + "通报人1：主管政治事务副秘书长林恩·帕斯科先生；\n"
        + "通报人2：国际刑警组织秘书长罗纳德·诺布尔先生（尚待确认）。\n\n"
        + _SIGNED
    )
    assert _briefers(text) == [
        ("林恩·帕斯科", "主管政治事务副秘书长", False),
        ("罗纳德·诺布尔", "国际刑警组织秘书长", True),
    ]


def test_a_label_with_a_range_or_a_count_gives_no_briefer() -> None:
    # a count in a sentence, a range of labels with no entry: neither is a numbered label
    assert _listed("通报人\n通报人2名，将另行通知。\n") == []
    assert _listed("通报人\n通报人一至四：另行通知\n") == []


# 4. Marks with an adverb or a remark in the parenthesis


def test_a_mark_with_an_adverb_or_a_remark_is_the_plain_mark_at_the_same_length() -> None:
    for entry in ("司长张伟(仍待定)", "主任X·Y(待确认，将从内罗毕远程发言)"):
        plain = plain_marks(entry)
        assert len(plain) == len(entry)
        assert people.TENTATIVE.search(plain)


def test_a_parenthesis_without_a_mark_is_left_as_it_is() -> None:
    entry = "主任X·Y(将从内罗毕远程发言，待会议确认议程)"
    assert plain_marks(entry) == entry


def test_a_remark_after_the_mark_keeps_the_briefer_tentative() -> None:
    text = (
        _OPENING
        + "通报人：\n"
        + "1.秘书长潘基文\n"
        + "2.世界银行行长罗伯特·佐利克(待确认，将通过视频连线从华盛顿作通报)\n"
        + "3.国际移民组织代表(待定)\n"
        + _SIGNED
    )
    assert _briefers(text) == [
        ("潘基文", "秘书长", False),
        ("罗伯特·佐利克", "世界银行行长", True),
        (None, "国际移民组织代表", True),
    ]


# 5. A briefer's name broken across a page footer with a bare page number


def test_a_name_broken_by_a_job_number_footer_is_joined() -> None:
    clean = (
        "通报人：\n①秘书长潘基文\n②主管人道主义事务副秘书长瓦莱丽·阿莫\n12-33104 2\n斯\n"
        "③国际原子能机构总干事天野之弥\n"
    )
    assert _listed(clean) == ["潘基文", "瓦莱丽·阿莫斯", "天野之弥"]


def test_a_page_first_footer_is_furniture_too() -> None:
    clean = "通报人：\n①秘书长潘基文\n②难民署高级专员安东尼奥·古特\n5 12-33104\n雷斯\n"
    assert _listed(clean) == ["潘基文", "安东尼奥·古特雷斯"]


def test_a_line_of_numbers_without_a_job_number_is_no_footer() -> None:
    clean = "通报人：\n①秘书长潘基文\n②主管人道主义事务副秘书长瓦莱丽·阿莫斯\n2012 2\n斯\n"
    assert _listed(clean) == ["潘基文", "瓦莱丽·阿莫斯"]


# 6. A signature with the mark before the name, its posts below


def _signed_first(posts: str) -> str:
    return (
        "2012年5月3日秘鲁常驻联合国代表给秘书长的信\n"
        "秘鲁谨通知你，安理会将于2012年5月16日上午10时举行一次公开辩论。\n"
        "请将本信作为安全理事会文件分发为荷。\n"
        f"(签名)古斯塔沃·梅萨\n{posts}"
    )


def test_a_name_after_the_signature_mark_with_a_post_below_is_the_author() -> None:
    author = _extract(_signed_first("大使\n常驻代表\n")).author
    assert author is not None
    assert (author.name, author.state, author.role) == (
        "古斯塔沃·梅萨",
        "PER",
        "Permanent Representative",
    )


def test_a_name_after_the_signature_mark_with_no_post_is_no_author() -> None:
    assert _extract(_signed_first("附件\n")).author is None


# 7. A presidency month in apposition to a relative month


def _presidencies(text: str) -> set[tuple[str, int, int]]:
    return {(p.state, p.year, p.month) for p in _extract(text).presidencies}


def test_a_month_in_apposition_to_next_month_is_the_presidency() -> None:
    text = (
        "2013年2月25日卢森堡常驻联合国代表给秘书长的信\n"
        "卢森堡将于下个月，即2013年3月，主持安全理事会的工作。\n" + _SIGNED
    )
    assert ("LUX", 2013, 3) in _presidencies(text)


def test_a_month_in_apposition_without_the_council_s_work_is_no_presidency() -> None:
    text = (
        "2013年2月25日卢森堡常驻联合国代表给秘书长的信\n"
        "卢森堡将于下个月，即2013年3月，主持一次区域研讨会。\n" + _SIGNED
    )
    assert not any(p[0] == "LUX" for p in _presidencies(text))


# 8. A statement's agenda item considered ``审议的“X”项目``


def test_a_statement_names_its_item_as_considered_by_the_council() -> None:
    text = (
        "安全理事会主席的声明\n"
        "2011年3月8日，安全理事会第6490次会议就安理会审议的“中非共和国局势”项目，"
        "通过了安全理事会主席以安理会名义发表的下列声明：\n"
        "“安全理事会欢迎选举进程。”\n"
    )
    facts = _extract(text)
    assert facts.meetings and facts.meetings[0].agenda_item == "中非共和国局势"


def test_a_quoted_title_after_considered_without_item_is_no_agenda_item() -> None:
    text = (
        "安全理事会主席的声明\n"
        "2011年3月8日，安全理事会第6490次会议通过了下列声明：\n"
        "“安全理事会审议的“布隆迪和平进程”报告令人鼓舞。”\n"
    )
    facts = _extract(text)
    assert not facts.meetings or facts.meetings[0].agenda_item is None
