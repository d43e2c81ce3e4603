"""Patterns: dates, times, symbols and resolution numbers, before segmentation."""

from __future__ import annotations

import pytest
from unsckg.extractors import patterns


def test_chinese_and_english_dates() -> None:
    assert [d.value for d in patterns.dates_zh("于2021年4月8日星期四、2020年2月30日")] == [
        "2021-04-08"
    ]
    assert [d.value for d in patterns.dates_en("Distr.: General 23 March 2021")] == ["2021-03-23"]
    assert [d.value for d in patterns.month_days("倡议于5月24日举办", 2021)] == ["2021-05-24"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星期四上午8时在议程项目", "08:00"),
        ("星期一下午3时30分", "15:30"),
        ("上午10时半", "10:30"),
        ("(纽约时间)15:00举行", "15:00"),
    ],
)
def test_times(text: str, expected: str) -> None:
    found = patterns.time_at(text, 0, window=20)
    assert found is not None and found.value == expected


def test_symbols_split_joined_pairs_and_skip_resolutions() -> None:
    text = "(见S/2015/446-A/70/95)、S/PRST/2021/1、S/RES/2365(2017)、S/2018/1134号文件和S/PV.8701"
    assert [s.value for s in patterns.symbols(text)] == [
        "S/2015/446",
        "A/70/95",
        "S/PRST/2021/1",
        "S/2018/1134",
    ]


def test_s_res_2505_resolution_list() -> None:
    text = (
        "回顾其关于也门的第2014(2011)、2051(2012)、2140(2014)和2481(2019)号决议以及S/RES/2216(2015)"
    )
    assert [r.value for r in patterns.resolution_refs(text)] == [
        "2014(2011)",
        "2051(2012)",
        "2140(2014)",
        "2481(2019)",
        "2216(2015)",
    ]


def test_s_2020_268_two_resolutions_joined_by_he() -> None:
    found = patterns.resolution_refs("回顾安理会在第2378(2017)和2436(2018)号决议中请秘书长")
    assert [r.value for r in found] == ["2378(2017)", "2436(2018)"]


@pytest.mark.parametrize(
    ("text", "value"), [("15", 15), ("十五", 15), ("零", 0), ("十", 10), ("二十一", 21)]
)
def test_chinese_numbers(text: str, value: int) -> None:
    assert patterns.cn_number(text) == value
