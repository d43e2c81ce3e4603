"""Document metadata of the Chinese pack: symbol, kind and date, from real headings."""

from __future__ import annotations

import pytest
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

from ._letters import extract
from ._real import real

HEADINGS = [
    # the older compilations' heading: number and year in numerals, then the date
    ("S-RES-4-1946.zh.txt", "S/RES/4(1946)", "resolution", "1946-04-29"),
    # a Wikisource title in numerals, dated in its navigation cell
    ("S-RES-253-1968.zh.txt", "S/RES/253(1968)", "resolution", "1968-05-29"),
    # the date line over the title (一九七六年十月二十二日 ⏎ 第396(1976)号决议)
    ("S-RES-396-1976.zh.txt", "S/RES/396(1976)", "resolution", "1976-10-22"),
    ("S-RES-461-1979.zh.txt", "S/RES/461(1979)", "resolution", "1979-12-31"),
    ("S-RES-625-1988.zh.txt", "S/RES/625(1988)", "resolution", "1988-12-15"),
    # a page that never states its year: a resolution without symbol or date (not the date of
    # a resolution it recalls)
    ("S-RES-1518-2003.zh.txt", None, "resolution", None),
]


@pytest.mark.parametrize(("name", "symbol", "kind", "date"), HEADINGS)
def test_a_resolution_page_is_dated_by_its_heading(
    name: str, symbol: str | None, kind: str, date: str | None
) -> None:
    facts = real(name)
    assert (facts.symbol, facts.kind, facts.date) == (symbol, kind, date)


def test_a_notice_is_dated_by_its_own_line_not_by_the_acts_it_publishes() -> None:
    # 命令公佈…於二零零一年六月十九日通過的… ⏎ 二零零九年七月三日發佈。
    assert real("MAC-2009-07-03-Somalia-resolutions.excerpt.zh-hant.txt").date == "2009-07-03"


# A news page states no letter or act of its own: no document date. Its stamp (``2026-02-05
# 15:38``, ``日期:2023-06-03 14:51:25``, ``发表于: 1982-05-04``) is when it was published, and is
# kept only to read a dateline's day (``新华社联合国6月2日电``) against.
NEWS = [
    "Xinhua-1982-05-02-presidency-CHN.excerpt.zh.txt",
    "Xinhua-2023-06-02-res2685.excerpt.zh.txt",
    "news-2011-10-04-Syria-draft-veto.excerpt.zh.txt",
    "news-2026-01-14-res2812.excerpt.zh.txt",
]


@pytest.mark.parametrize("name", NEWS)
def test_a_news_page_has_no_document_date(name: str) -> None:
    assert real(name).date is None


def test_a_news_stamp_is_not_the_date_of_the_meeting_reported() -> None:
    text = (
        "中国代表在安理会发言\n\n来源:某新闻客户端\n\n2030-03-06 09:12\n\n"
        "当地时间3月5日,在联合国安理会公开辩论会上,中国常驻联合国代表张三大使发言。\n"
    )
    facts = _extract(text)
    assert facts.date is None
    assert [m.date for m in facts.meetings] == ["2030-03-05"]


def test_a_page_without_the_marks_of_news_keeps_its_first_date() -> None:
    text = "2030年3月6日\n安全理事会今天举行会议，审议中东局势。\n"
    assert _extract(text).date == "2030-03-06"


# Merged from test_extract_metadata_2.py (written for those tests, none of the held-out
# sentences).


def _extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


# 4. The author of a letter copied without its header line


UNHEADED = (
    "秘鲁常驻联合国代表团\n"
    "2019年4月2日,纽约\n"
    "阁下：\n"
    "我谨邀请贵代表团出席一次阿里亚办法会议。\n"
    "顺致最崇高的敬意。\n"
    "{title}"
    "古斯塔沃·梅萨-夸德拉(签名)\n"
    "致：联合国全体会员国常驻代表\n"
)


def test_a_letter_without_header_has_the_signatory_of_its_post_as_author() -> None:
    facts = _extract(UNHEADED.format(title="秘鲁常驻联合国代表\n"))
    assert facts.author is not None
    assert (facts.author.name, facts.author.state) == ("古斯塔沃·梅萨-夸德拉", "PER")
    assert facts.author.role == "Permanent Representative"


def test_a_name_signed_without_a_post_is_no_author() -> None:
    assert _extract(UNHEADED.format(title="")).author is None


# --- a signatory placed by the mission's letterhead, an English line under it ------------

UNHEADED_BILINGUAL = (
    "{head}\nPermanent Mission to the United Nations\n\n"
    "2003年3月5日，纽约\n\n阁下：\n\n"
    "安全理事会将于3月12日上午10时举行一次公开辩论。\n\n顺致最崇高的敬意。\n\n"
    "常驻代表\n胡安·加夫列尔·巴尔德斯（签名）\n"
)


def test_signatory_placed_by_letterhead() -> None:
    author = extract(UNHEADED_BILINGUAL.format(head="智利共和国常驻联合国代表团")).author
    assert author is not None
    assert (author.name, author.state, author.role) == (
        "胡安·加夫列尔·巴尔德斯",
        "CHL",
        "Permanent Representative",
    )


def test_no_letterhead_no_author_state() -> None:
    assert extract(UNHEADED_BILINGUAL.format(head="会议通知")).author is None
