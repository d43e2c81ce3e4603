"""Property tests: no extractor raises on arbitrary text, and every evidence quotes the original."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unsckg.extractors.errors import ExtractionError
from unsckg.extractors.facts import to_json_dict
from unsckg.extractors.pipeline import extract_text

# Pieces of Council documents, so that random texts reach every extractor's patterns.
PIECES = [
    "2021 年 3 月 19 日",
    "越南常驻联合国代表给秘书长的信",
    "\n",
    " ",
    "安全理事会",
    "作为",
    "4 月份主席",
    "于",
    "上午 8 时",
    "主题为“",
    "”的公开辩论",
    "通报人",
    "•",
    "(待定)",
    "、",
    "/",
    "秘书长",
    "副秘书长拉克鲁瓦",
    "(签名)",
    "常驻代表",
    "临时代办",
    "张军",
    "投赞成票",
    "投反对票",
    "弃权",
    "赞成:",
    "15票",
    "(比利时、中国)",
    "第 2518(2020)号决议",
    "S/2020/240",
    "决议草案",
    "通过",
    "该决议",
    "第 8701 次会议",
    "主席：",
    "(中国)",
    "先生",
    "的发言",
    "。",
    "，",
    "：",
    "https://undocs.org/ch/S/2018/623",
    "21-03899 (C)",
    "*2103899*",
    "中非国家经济共同体",
    "中非",
    "联合国马里多层面综合稳定特派团",
    "将主持会议",
    "预期",
    "主席声明",
    "以虚拟形式",
    "举行",
]


def check_evidence(value: Any, original: str) -> None:
    if isinstance(value, dict):
        if {"start", "end", "quote"} <= set(value):
            assert original[value["start"] : value["end"]] == value["quote"]
        for item in value.values():
            check_evidence(item, original)
    elif isinstance(value, list):
        for item in value:
            check_evidence(item, original)


def extract_or_refuse(text: str) -> None:
    try:
        facts = extract_text(text, "random.txt")
    except ExtractionError as error:
        assert error.source == "random.txt"
        return
    check_evidence(to_json_dict(facts), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    extract_or_refuse(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_document_like_text(pieces: list[str]) -> None:
    extract_or_refuse("".join(pieces))
