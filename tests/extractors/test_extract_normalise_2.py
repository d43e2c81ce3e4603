"""Normalise: list labels start lines, page-first footers and running symbol headers are furniture.

Every text here is invented (symbols, job numbers, names and wordings of no document in
tests/data); each rule has a case of real text that looks like it and must stay joined."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.normalise import NormalisedText, normalise

# Two lines of running text broken at the page's width: the next line goes on with the sentence.
LEAD = "本代表团谨提请安全理事会各成员注意沿海地区近来发生的一系列事件，并\n"
WRAP = "希望各方能够在即将举行的磋商中就下列各项问题达成共识和具体的安排"


def wrapped(*lines: str) -> str:
    """A PDF-like text: the lead sentence, a line that does not end a sentence, then ``lines``."""
    return LEAD + WRAP + "\n" + "\n".join(lines) + "\n"


def assert_exact(norm: NormalisedText, fact: str) -> None:
    """``fact`` is in the clean text once, and its span quotes the same characters of the
    original (white space aside, which the clean text drops between Chinese characters)."""
    start = norm.text.index(fact)
    evidence = norm.evidence(start, start + len(fact))
    assert norm.original[evidence.start : evidence.end] == evidence.quote
    assert "".join(evidence.quote.split()) == "".join(fact.split())
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)


# 1. List lines: stems, circled numbers, roman numerals, a programme's labels.


@pytest.mark.parametrize(
    "item",
    [
        "甲、扩大沿海巡逻的范围并增加巡逻船只的数量",
        "乙.建立区域信息共享机制以便及时交换情报",
        "丙）加强港口国管制措施和船旗国的责任",
        "（丁）为受影响的渔民社区提供人道主义援助",
        "①扩大沿海巡逻的范围并增加巡逻船只的数量",
        "⑫建立区域信息共享机制以便及时交换情报",
        "(i) 扩大沿海巡逻的范围并增加巡逻船只的数量",
        "(iv) 建立区域信息共享机制以便及时交换情报",
        "（viii）加强港口国管制措施和船旗国的责任",
        "ii. 为受影响的渔民社区提供人道主义援助",
        "IV. 为受影响的渔民社区提供人道主义援助",
    ],
)
def test_list_labels_start_a_line(item: str) -> None:
    lines = normalise(wrapped(item)).text.splitlines()
    assert lines[-1] == normalise(item).text  # its own line, not glued to ``…安排``
    assert lines[-2].endswith("具体的安排")


@pytest.mark.parametrize(
    "label",
    [
        "通报人：",
        "通报人\n",
        "主旨发言 ",
        "介绍人：",
        "开幕致辞 ",
        "主持人：",
        "情况通报人(按顺序)：",
    ],
)
def test_programme_labels_start_a_line(label: str) -> None:
    text = wrapped(f"{label}海洋事务和海洋法司司长维克托·奥斯特洛夫")
    lines = normalise(text).text.splitlines()
    assert lines[-1].endswith("维克托·奥斯特洛夫")
    assert lines[-2].endswith("具体的安排") or lines[-3].endswith("具体的安排")
    assert lines[-1].startswith(label.strip()) or lines[-2] == label.strip()


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        # a sentence that goes on with a word beginning like a stem label
        ("甲方和乙方在会谈中均表示愿意继续对话。", "具体的安排甲方和乙方"),
        # two stems in a row are a pair of parties, no label
        ("甲、乙双方在会谈中均表示愿意继续对话。", "具体的安排甲、乙双方"),
        # numbers followed by text go on with the sentence
        ("15个沿海国家在会谈中均表示愿意继续对话。", "具体的安排15个沿海国家"),
        ("2031年年底前完成全部评估工作。", "具体的安排2031年年底前"),
        # a label word that is part of the sentence
        ("通报人的发言对安理会的审议很有帮助。", "具体的安排通报人的发言"),
        ("主持人所作的总结得到了与会者的赞同。", "具体的安排主持人所作"),
        ("介绍人 的发言对安理会的审议很有帮助。", "具体的安排介绍人的发言"),
    ],
)
def test_lines_that_only_look_like_list_lines_stay_joined(line: str, joined: str) -> None:
    assert joined in normalise(wrapped(line)).text


def test_list_lines_map_back_to_the_original() -> None:
    text = wrapped(
        "甲、扩大沿海巡逻的范围并增加巡逻船只的数量；",
        "②建立区域 信息共享机制以便及时交换情报；",
        "通报人： 海洋事务和海洋法司司长维克托·奥斯特洛夫",
    )
    norm = normalise(text)
    assert norm.text.splitlines()[-3:] == [
        "甲、扩大沿海巡逻的范围并增加巡逻船只的数量；",
        "②建立区域信息共享机制以便及时交换情报；",
        "通报人：海洋事务和海洋法司司长维克托·奥斯特洛夫",
    ]
    for fact in ("②建立区域信息共享机制", "维克托·奥斯特洛夫", "甲、扩大沿海巡逻"):
        assert_exact(norm, fact)


# 2. Job numbers written page first, or with the page number glued on.


@pytest.mark.parametrize(
    "footer",
    [
        "3/4 31-40627 (C)",
        "3/4 31-40627",
        "3/4  31-40627 （C）",
        "3/431-40627(C)",
        "31-40627 (C) 3/4",
        "31-40627(C)3/4",
        "31-40627 （C） 3/4",
        "2/6 31-40627 (C) 190331 190331",
        "12 / 14 31-40627 (C)",
    ],
)
def test_page_first_job_numbers_are_furniture(footer: str) -> None:
    text = LEAD + WRAP + "\n\n" + footer + " \n\n" + "的具体安排。\n"
    norm = normalise(text)
    assert "31-40627" not in norm.text
    assert "共识和具体的安排的具体安排。" in norm.text  # the sentence goes on over the page
    assert_exact(norm, "具体的安排")
    assert_exact(norm, "的具体安排。")


@pytest.mark.parametrize(
    "line",
    [
        "3/4的成员国在会谈中均表示愿意继续对话。",  # a fraction that starts a sentence's line
        "31-40627号文件所载的建议得到了各方的支持。",
        "1/2 的成员国和 31-40627 (C) 号文件",
    ],
)
def test_lines_with_numbers_that_are_text_stay(line: str) -> None:
    clean = normalise(wrapped(line)).text
    assert normalise(line).text in clean


# 3. A running header that is only the document's own symbol.

SYMBOLS = ["S/2031/777", "S/PRST/2033/4", "S/RES/2999 (2031)", "S/2031/1022/Rev.1"]


@pytest.mark.parametrize("symbol", SYMBOLS)
@pytest.mark.parametrize("header", ["{s}", "{s}  3/5", "3/5  {s}", " {s} "])
def test_own_symbol_running_header_is_dropped(symbol: str, header: str) -> None:
    text = (
        f" 联 合 国   {symbol}\n\n 安全理事会\n\n"
        + LEAD
        + WRAP
        + "\n\n"
        + header.format(s=symbol)
        + "\n\n31-40627 (C)\n\n的具体安排。\n"
    )
    norm = normalise(text)
    clean = normalise(symbol).text
    assert norm.text.splitlines()[0] == "联合国" + clean  # the cover keeps it
    assert norm.text.count(clean) == 1
    assert "共识和具体的安排的具体安排。" in norm.text
    assert_exact(norm, "具体的安排")
    assert_exact(norm, "的具体安排。")


def test_symbol_only_cover_line_is_kept_and_its_repeat_dropped() -> None:
    text = "S/PRST/2033/4\n\n" + LEAD + WRAP + "\nS/PRST/2033/4\n的具体安排。\n"
    lines = normalise(text).text.splitlines()
    assert lines[0] == "S/PRST/2033/4"
    assert "S/PRST/2033/4" not in "\n".join(lines[1:])
    assert lines[-1].endswith("具体的安排的具体安排。")


def test_meeting_record_running_header_is_dropped() -> None:
    text = (
        " 联 合 国  S/PV.9981\n安全理事会\n第 9981 次会议\n\n"
        "奥尔森先生(以英语发言)：我们注意到沿海地区近来发生的一系列事件，各方都应当\n\n"
        "2/5 31-40627 \n\n S/PV.9981 海洋安全 14/03/2031 \n\n"
        "保持克制，并在即将举行的磋商中就各项问题达成共识和具体的安排。\n"
    )
    norm = normalise(text)
    assert norm.text.count("S/PV.9981") == 1
    assert "各方都应当保持克制" in norm.text
    assert_exact(norm, "(以英语发言)：我们注意到")
    assert_exact(norm, "保持克制，并在即将举行的磋商中")


def test_other_symbols_and_symbols_in_sentences_stay() -> None:
    text = (
        "联 合 国   S/2031/777\n\n安全理事会\n\n"
        + LEAD
        + "希望各方能够根据安全理事会第2999(2031)号决议和主席声明\n"
        + "S/PRST/2033/4\n"  # another document's symbol: the sentence goes on with it
        + "的要求，就文件S/2031/777所述的下列各项问题达成共识和具体的\n"
        + "14/03/2031 通过的安排采取行动。\n"
    )
    clean = normalise(text).text
    assert "主席声明S/PRST/2033/4\n的要求，就文件S/2031/777所述" in clean
    assert "具体的14/03/2031通过的安排" in clean
    assert clean.count("S/2031/777") == 2


def test_a_symbol_line_before_any_cover_is_the_own_one() -> None:
    # without a cover, the first symbol-only line is the document's own and is kept
    text = LEAD + WRAP + "\nS/2031/777\n的具体安排。\n"
    assert "S/2031/777" in normalise(text).text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                " 联 合 国   S/2031/777",
                "S/2031/777",
                "S/PV.9981 海洋安全 14/03/2031",
                "3/5",
                "3/4 31-40627 (C)",
                "31-40627（C）3/4",
                "甲、",
                "①",
                "(iv)",
                "通报人：",
                "主持人",
                "各方应当保持克制",
                "\n",
                " ",
                "。",
            ]
        ),
        max_size=60,
    )
)
def test_offsets_stay_exact_with_the_new_furniture(pieces: list[str]) -> None:
    text = "".join(pieces)
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)
    for clean, at in zip(norm.text, norm.origin, strict=True):
        # each character maps to itself in the original (full-width folded), or is a joiner
        same = unicodedata.normalize("NFKC", text[at]) == unicodedata.normalize("NFKC", clean)
        assert clean in " \n" or same
    # a footer on a line of its own never reaches the clean text
    assert not {"3/4 31-40627 (C)", "31-40627(C)3/4"} & set(norm.text.splitlines())
