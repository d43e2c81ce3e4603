"""Rules generalised from the misses of the fifth held-out set, checked on wordings, names,
states and months written for these tests (none of the held-out sentences): presidency months
in words and no vote for a non-member's thanks. (Its briefer tables and name-first entries are
in ``zh/test_briefers.py``, its meeting details in ``zh/test_meeting.py``.)"""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import briefers

from tests.extractors.test_extract_vote_records import RECORD


def _briefers(text: str) -> list[tuple[str | None, str | None, bool]]:
    ctx = Context("t.txt", normalise(text))
    return [(b.name, b.title, b.tentative) for b in briefers.extract(ctx)]


# 3.-5. Meeting details: presidency months in words, in person, theme after 题为

LETTER = (
    "2024年10月3日爱尔兰常驻联合国代表给秘书长的信\n"
    "谨通知你，{presidency}，安理会将于2024年{month}月14日(星期四)上午10时举行一次公开辩论，"
    "题为“气候、和平与粮食安全”。辩论将在“维护国际和平与安全”议程项目下举行，{mode}。\n"
    "请将本信作为安全理事会文件分发为荷。\n"
)


def _letter(presidency: str, month: int = 11, mode: str = "会议以面对面方式举行") -> str:
    return LETTER.format(presidency=presidency, month=month, mode=mode)


@pytest.mark.parametrize(
    ("presidency", "month"),
    [
        ("在爱尔兰担任安全理事会主席的十一月份", 11),
        ("在爱尔兰担任安理会轮值主席期间的十一月", 11),
        ("爱尔兰作为十一月份安全理事会主席", 11),
        ("爱尔兰将于十二月担任安全理事会主席", 12),
        ("爱尔兰作为安理会二月份主席", 2),  # a month far before the letter's: the next year
    ],
)
def test_presidency_month_in_words(presidency: str, month: int) -> None:
    facts = extract_text(_letter(presidency, month), "IRL.txt")
    year = 2025 if month == 2 else 2024
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("IRL", year, month)]


def test_a_month_in_words_outside_a_presidency_is_none() -> None:
    text = (
        _letter("爱尔兰每年一月都会举办纪念活动") + "我国担任安理会成员期间每年十二月发布报告。\n"
    )
    assert extract_text(text, "IRL.txt").presidencies == ()


# 6. No vote for thanks to those who voted, none for a non-member


def test_thanks_to_those_who_voted_is_no_vote() -> None:
    record = RECORD.replace(
        "哈立德先生(苏丹)(以阿拉伯语发言)：我国政府拒绝这项决议。",
        "哈立德先生(苏丹)(以阿拉伯语发言)：苏丹感谢投赞成票的各位成员，也感谢投了弃权票的国家。",
    )
    votes = {v.state for v in extract_text(record, "S-PV-9999.txt").votes}
    assert "SDN" not in votes
    assert {"CHN", "FRA", "ALB", "CHE"} <= votes


def test_a_non_member_saying_it_would_have_voted_gets_no_vote() -> None:
    record = RECORD.replace(
        "哈立德先生(苏丹)(以阿拉伯语发言)：我国政府拒绝这项决议。",
        "哈立德先生(苏丹)(以阿拉伯语发言)：苏丹本会投反对票。",
    )
    assert "SDN" not in {v.state for v in extract_text(record, "S-PV-9999.txt").votes}
