"""Normalise: PDF artefacts repaired on real snippets and invented look-alikes, and the offset
map always exact.

The cases are data: ``EXACT`` (a text and its whole clean text) and ``KEPT`` (a text and a part
its clean text must hold) for one rule each; the tests below them cover layouts (lists, page
furniture, running headers) and the properties every input keeps. The texts of sections 1-3 are
invented (symbols, job numbers, names and wordings of no document in tests/data); each rule has a
case of real text that looks like it and must stay joined."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.normalise import NormalisedText, Origin, _join, _read_lines, normalise

# A text and its whole clean text.
EXACT = [
    pytest.param(
        "卡雷尔·范奥斯特罗姆(签名) \n\n  \n\n\n\nS/2018/184  \n\n \n\n18-03413 (C) 2/6 \n\n \n\n",
        "卡雷尔·范奥斯特罗姆(签名)\nS/2018/184",
        id="s-2018-184-page-header-dropped",
    ),
    pytest.param(
        "安全理事会\n21-03899\n250321 250321\n请回收\n*2103899*\n正文",
        "安全理事会\n正文",
        id="furniture-on-lines-of-its-own",
    ),
    # a full-width dot at the end of the line is a name's dot too
    pytest.param("若昂・\n洛伦索(签名)", "若昂·洛伦索(签名)", id="name-broken-at-full-width-dot"),
    # a bullet alone on its line is no name
    pytest.param("•\n秘书长", "•\n秘书长", id="bullet-alone-is-no-name"),
    # ``南`` + ``非`` would be a state, but ``越南`` ends a word; separators end names
    pytest.param("越南\n非洲联盟", "越南\n非洲联盟", id="no-state-across-word-end"),
    pytest.param("赞成：\n法国、\n马里", "赞成：\n法国、\n马里", id="separator-ends-a-name"),
    # a symbol broken at a line's end after a slash or a dot goes on with the next line
    pytest.param("(see A/74/\nPV.3).", "(see A/74/PV.3).", id="symbol-broken-after-slash"),
    pytest.param(
        "(see S/PV.\n8699 et seq.)",
        "(see S/PV.8699 et seq.)",
        id="symbol-broken-after-dot",
    ),
    pytest.param("Ms/\nPV", "Ms/\nPV", id="no-symbol-after-a-word"),
]

# A text and a part its clean text must hold.
KEPT = [
    # a short signature line is never joined, except where the name runs on after its dot
    pytest.param(
        "常驻代表\n大使\n让-马克·塞雷·\n\n夏莱(签名)\n",
        "大使\n让-马克·塞雷·夏莱(签名)",
        id="name-broken-at-dot",
    ),
    pytest.param(
        "会议结束时，将由加纳常驻联合国代表哈\n 罗德·阿吉曼大使作总结发言。",
        "加纳常驻联合国代表哈罗德·阿吉曼大使作总结发言。",
        id="name-broken-after-post",
    ),
    # a post at the end of a line, the name on the next: a signature, not joined
    pytest.param(
        "加纳常驻联合国代表\n哈罗德·阿吉曼(签名)", "代表\n哈罗德", id="post-then-signature"
    ),
    # a short title line of a letterhead or a signature block is not running text
    pytest.param(
        "加纳常驻联合国代表团\n哈罗德·阿吉曼(签名)", "代表团\n哈罗德", id="letterhead-title"
    ),
    pytest.param(
        "巴西、厄瓜多尔、马耳他、莫桑\n\n 比克、瑞士", "莫桑比克、瑞士", id="state-broken-in-list"
    ),
    pytest.param(
        "赞成：\n阿尔巴尼亚、美利坚合\n众国", "阿尔巴尼亚、美利坚合众国", id="state-broken-in-vote"
    ),
    pytest.param(
        "反对：\n几内亚\n比绍、冈比亚", "几内亚比绍、冈比亚", id="state-broken-at-short-line"
    ),
    pytest.param(
        "对 中 华人 民 共 和 国 提 交 的 关 于 维 和 人 员 安 全 和 安 保 的 决 议 草 案 \n"
        "（S/2020/240），尼日尔共和国投赞成票。",
        "对中华人民共和国提交的关于维和人员安全和安保的决议草案",
        id="spaced-out-characters-joined",
    ),
    # ``…的信`` ends a letter's heading, but a heading has no full stop before it
    pytest.param(
        "谨提及安全理事会第2601(2021)号决议，其中涉及题为“儿童与武装冲突”的项目。该\n"
        "决议于2021年10月29日根据2020年3月27日安全理事会主席的信\n"
        "(S/2020/253)中商定的书面表决程序获得通过。\n",
        "安全理事会主席的信(S/2020/253)中商定",
        id="de-xin-after-full-stop-is-no-heading",
    ),
    pytest.param(
        "关于苏丹的报告(S/2010/ \n\n681)，请秘书长",
        "报告(S/2010/681)，请秘书长",
        id="zh-symbol-broken",
    ),
]


@pytest.mark.parametrize(("text", "clean"), EXACT)
def test_clean_text(text: str, clean: str) -> None:
    assert normalise(text).text == clean


@pytest.mark.parametrize(("text", "part"), KEPT)
def test_clean_text_holds(text: str, part: str) -> None:
    assert part in normalise(text).text


# S-2021-284, the cover and the first lines of the letter, as extracted from the PDF.
S_2021_284_COVER = (
    " 联 合 国   S/2021/284  \n\n  \n\n安全理事会 \n \n\nDistr.: General \n\n23 March 2021 \n\n"
    "Chinese \n\nOriginal: English \n\n \n\n \n\n21-03899 (C)    250321    250321 \n\n*2103899*  \n"
    " \n\n  2021 年 3 月 19 日越南常驻联合国代表给秘书长的信 \n\n"
    " 越南打算以安全理事会 2021 年 4 月份主席的身份，于 2021 年 4 月 8 日星期\n\n"
    "四上午 8 时在议程项目“维护国际和平与安全”下组织一次主题为“地雷行动与\n\n"
    "保持和平：加强伙伴关系，改进执行工作”的公开辩论。 \n"
)


def test_s_2021_284_cover_and_broken_lines() -> None:
    clean = normalise(S_2021_284_COVER).text
    assert clean.splitlines()[0] == "联合国S/2021/284"
    assert "21-03899" not in clean and "*2103899*" not in clean
    assert "2021年3月19日越南常驻联合国代表给秘书长的信\n越南打算" in clean
    assert "于2021年4月8日星期四上午8时" in clean  # a line broken mid-phrase
    assert "主题为“地雷行动与保持和平：加强伙伴关系，改进执行工作”的公开辩论。" in clean


def test_link_lines_are_kept_as_links(sample: Callable[[str], str]) -> None:
    original = sample("S-2021-284.zh.txt")
    norm = normalise(original)
    assert "https://" not in norm.text
    urls = {link.url for link in norm.links}
    assert urls - {"mailto:dppa-scsb3@un.org"} == {
        "https://undocs.org/ch/S/RES/2365(2017)",
        "https://undocs.org/ch/S/2018/623",
    }
    assert all(original[link.start : link.end] == link.url for link in norm.links)


def test_s_2020_268_dots_and_full_width() -> None:
    norm = normalise("突尼斯常驻联合国代表团临时代办\n大使\n\n塔里克•拉代卜（签名）\n")
    assert norm.text.endswith("塔里克·拉代卜(签名)")
    evidence = norm.evidence(norm.text.index("塔里克"), len(norm.text))
    assert evidence.quote == "塔里克•拉代卜（签名）"


def test_bullets_stay_at_line_starts() -> None:
    text = (
        "通报人 \n\n• 联合国秘书长安东尼奥·古特雷斯(待定)。 \n\n"
        "• 日内瓦国际人道主义排雷中心主任 Stefano Toscano 大使(待定)。"
    )
    assert normalise(text).text.splitlines() == [
        "通报人",
        "•联合国秘书长安东尼奥·古特雷斯(待定)。",
        "•日内瓦国际人道主义排雷中心主任Stefano Toscano大使(待定)。",
    ]


def test_web_text_is_not_joined(sample: Callable[[str], str]) -> None:
    lines = normalise(sample("S-PRST-2021-1.zh.txt")).text.splitlines()
    assert "S/PRST/2021/1" in lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_offsets_always_map_into_the_original(text: str) -> None:
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.origin)
    assert list(norm.origin) == sorted(norm.origin)
    for start in range(0, len(norm.text), 7):
        evidence = norm.evidence(start, min(start + 5, len(norm.text)))
        assert text[evidence.start : evidence.end] == evidence.quote


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "联 合 国",
                "S/2021/284",
                "\n",
                " ",
                "•",
                "·",
                "（",
                "21-03899 (C)",
                "https://undocs.org/ch/S/2018/623",
                "年",
                "2021",
                "\r\n",
                "\f",
            ]
        ),
        max_size=60,
    )
)
def test_normaliser_never_raises_on_document_like_pieces(pieces: list[str]) -> None:
    text = "".join(pieces)
    norm = normalise(text)
    assert all(text[link.start : link.end] == link.url for link in norm.links)


# 1. List lines: stems, circled numbers, roman numerals, a programme's labels (invented texts).

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


def _line_by_line(text: str) -> tuple[str, tuple[int, ...], tuple[object, ...]]:
    """The clean text, offsets and links of the line-by-line path, the reference of the
    whole-text path that Latin texts take."""
    lines, links = _read_lines(text, text)
    clean, origin = _join(lines, cjk=False)
    return clean, tuple(origin), tuple(links)


REAL_ENGLISH = sorted(
    (Path(__file__).parents[1] / "data").glob("real-en-*/**/*.en.txt"), key=lambda p: p.name
)


@pytest.mark.parametrize("path", REAL_ENGLISH, ids=lambda p: p.name)
def test_latin_text_cleaned_as_line_by_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    norm = normalise(text)
    assert isinstance(norm.origin, Origin)
    assert (norm.text, tuple(norm.origin), norm.links) == _line_by_line(text)


LATIN = st.sampled_from(
    [
        *"ab1 .:/-*S",
        *("  ", "\n", "\r\n", "\f", "\t", "\xa0", "“", "’", "—", "é", "S/ PV.", "A/74/"),
        *("12-34567 (E)", "S/2020/1", "2/4", "https://undocs.org/S/1", "United Nations", "1. "),
        # white space that is no line break, another wide character, a running header
        *("\x0b", "\u2028", "\u2003", "…", "S/RES/1 (1946)", "\n\t3"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LATIN, max_size=60).map("".join))
def test_whole_text_path_matches_line_by_line(text: str) -> None:
    norm = normalise(text)
    assert (norm.text, tuple(norm.origin), norm.links) == _line_by_line(text)
    for i in range(len(norm.text)):
        assert norm.origin[i] == norm.origin[i - len(norm.text)] == tuple(norm.origin)[i]


# Lines that need no cleaning, most of a real resolution's: blank lines, furniture, running
# headers, long and short lines, a symbol broken at a line's end (``normalise_latin._plain``,
# and the general path where a break may be joined).
PLAIN_LINES = st.sampled_from(
    [
        *("ab", "Council.", "1.", "3", "é", "“", "x" * 70, "\n", "\n", "\n\n"),
        *("S/RES/1 (1946)", "12-34567 (E)", "*1234567*", "2/4", "United Nations"),
        *("https://undocs.org/S/1", "S/2020/1", "A/74/", "PV.3", "S/PV.", "8699"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAIN_LINES, max_size=60).map("".join))
def test_plain_lines_match_line_by_line(text: str) -> None:
    norm = normalise(text)
    assert (norm.text, tuple(norm.origin), norm.links) == _line_by_line(text)
    origin = tuple(norm.origin)
    for start in range(len(norm.text)):
        for end in (start + 1, start + 7):
            last = min(end, len(origin)) - 1
            assert norm.span(start, end) == (origin[start], origin[last] + 1)


def test_origin_is_a_sequence_of_runs() -> None:
    origin = Origin([0, 3, 4], [0, 5, 6], 6)  # "abc" at 0, " " at 8, "de" at 10
    assert list(origin) == [0, 1, 2, 8, 10, 11]
    assert origin[3] == 8 and origin[-1] == 11 and origin[1:4] == (1, 2, 8)
    assert origin == (0, 1, 2, 8, 10, 11) and len(origin) == 6
    with pytest.raises(IndexError):
        origin[6]


def test_origin_reads_breaks_at_the_line_before() -> None:
    # "ab\ncd" of "ab\ncd": one run; the break stands at "b", the last character of its line
    origin = Origin([0], [0], 5, "ab\ncd")
    assert list(origin) == [0, 1, 1, 3, 4] and origin[2] == 1 and origin.span(1, 4) == (1, 4)


def test_every_odd_white_space_character_is_unprintable() -> None:
    """``normalise_latin._odd_space`` takes a printable text for one without any."""
    from unsckg.extractors.normalise_latin import _ODD_CHARS

    assert not any(char.isprintable() for char in _ODD_CHARS)
    assert all(char.isspace() for char in _ODD_CHARS)


def test_the_latin_check_in_two_parts_is_the_one_class() -> None:
    """``_FROM_CJK`` and the name dots find what ``_NOT_LATIN`` finds (every code point)."""
    from unsckg.extractors.normalise import _FROM_CJK, _NAME_DOTS, _NOT_LATIN

    every = "".join(map(chr, range(0x110000)))
    one = {m.start() for m in _NOT_LATIN.finditer(every)}
    two = {m.start() for m in _FROM_CJK.finditer(every)} | {ord(dot) for dot in _NAME_DOTS}
    assert one == two


def test_evidence_is_the_record_its_constructor_makes() -> None:
    """``NormalisedText.evidence`` sets the slots of ``Evidence`` directly: the same record
    (equal, hashed alike, as frozen) as ``Evidence(start, end, quote)``."""
    import dataclasses

    from unsckg.extractors.facts import Evidence

    norm = normalise("Security  Council\n\nS/RES/1 (1946)\n")
    for start, end in ((0, 8), (9, 16), (17, 31), (5, 5)):
        made = norm.evidence(start, end)
        plain = Evidence(made.start, made.end, norm.original[made.start : made.end])
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 0  # type: ignore[misc]


def test_a_heading_ends_on_one_of_the_gated_characters() -> None:
    """``_joiner`` reads ``_HEADING_END`` only after a line ending in ``_HEADING_LAST``: every
    word of the pattern ends in one of them."""
    import re

    from unsckg.extractors import normalise as normalising

    pattern = normalising._HEADING_END.pattern
    words = re.findall(r"[\u4e00-\u9fff]+", pattern.replace("[一二三四五六七八九十]+", ""))
    numerals = re.findall(r"\[([^\]]+)\]\+", pattern)
    lasts = {word[-1] for word in words} | {ch for chars in numerals for ch in chars}
    assert lasts <= normalising._HEADING_LAST
    for line in ("主席的信", "附件十二", "发言人的讲话", "Original: English", "“Peace”."):
        gated = line[-1] in normalising._HEADING_LAST
        assert bool(normalising._HEADING_END.search(line)) <= gated
