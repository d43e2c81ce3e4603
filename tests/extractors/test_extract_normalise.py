"""Normalise: PDF artefacts repaired on real snippets, and the offset map always exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.normalise import normalise

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


def test_s_2018_184_page_header_is_dropped() -> None:
    text = "卡雷尔·范奥斯特罗姆(签名) \n\n  \n\n\n\nS/2018/184  \n\n \n\n18-03413 (C) 2/6 \n\n \n\n"
    assert normalise(text).text == "卡雷尔·范奥斯特罗姆(签名)\nS/2018/184"


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


def test_spaced_out_characters_are_joined() -> None:
    text = (
        "对 中 华人 民 共 和 国 提 交 的 关 于 维 和 人 员 安 全 和 安 保 的 决 议 草 案 \n"
        "（S/2020/240），尼日尔共和国投赞成票。"
    )
    assert normalise(text).text.startswith("对中华人民共和国提交的关于维和人员安全和安保的决议草案")


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


def test_furniture_on_lines_of_its_own() -> None:
    text = "安全理事会\n21-03899\n250321 250321\n请回收\n*2103899*\n正文"
    assert normalise(text).text == "安全理事会\n正文"


def test_signature_name_broken_at_its_middle_dot() -> None:
    # a short signature line is never joined, except where the name runs on after its dot
    text = "常驻代表\n大使\n让-马克·塞雷·\n\n夏莱(签名)\n"
    assert normalise(text).text.endswith("大使\n让-马克·塞雷·夏莱(签名)")
    # a full-width dot at the end of the line is a name's dot too
    assert normalise("若昂・\n洛伦索(签名)").text == "若昂·洛伦索(签名)"
    # a bullet alone on its line is no name
    assert normalise("•\n秘书长").text == "•\n秘书长"


def test_name_broken_just_after_the_post() -> None:
    text = "会议结束时，将由加纳常驻联合国代表哈\n 罗德·阿吉曼大使作总结发言。"
    assert "加纳常驻联合国代表哈罗德·阿吉曼大使作总结发言。" in normalise(text).text
    # a post at the end of a line, the name on the next: a signature, not joined
    assert normalise("加纳常驻联合国代表\n哈罗德·阿吉曼(签名)").text.count("\n") == 1
    # a short title line of a letterhead or a signature block is not running text
    assert normalise("加纳常驻联合国代表团\n哈罗德·阿吉曼(签名)").text.count("\n") == 1


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("巴西、厄瓜多尔、马耳他、莫桑\n\n 比克、瑞士", "莫桑比克、瑞士"),
        ("赞成：\n阿尔巴尼亚、美利坚合\n众国", "阿尔巴尼亚、美利坚合众国"),
        ("反对：\n几内亚\n比绍、冈比亚", "几内亚比绍、冈比亚"),
    ],
)
def test_state_names_broken_across_lines_are_joined(broken: str, joined: str) -> None:
    assert joined in normalise(broken).text


def test_lines_that_do_not_break_a_state_name_stay_apart() -> None:
    # ``南`` + ``非`` would be a state, but ``越南`` ends a word; separators end names
    assert normalise("越南\n非洲联盟").text == "越南\n非洲联盟"
    assert normalise("赞成：\n法国、\n马里").text == "赞成：\n法国、\n马里"


def test_a_line_ending_in_de_xin_after_a_full_stop_is_not_a_heading() -> None:
    # ``…的信`` ends a letter's heading, but a heading has no full stop before it
    text = (
        "谨提及安全理事会第2601(2021)号决议，其中涉及题为“儿童与武装冲突”的项目。该\n"
        "决议于2021年10月29日根据2020年3月27日安全理事会主席的信\n"
        "(S/2020/253)中商定的书面表决程序获得通过。\n"
    )
    assert "安全理事会主席的信(S/2020/253)中商定" in normalise(text).text
