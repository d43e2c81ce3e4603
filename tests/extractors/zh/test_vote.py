"""Votes and tallies of the Chinese pack, on real pages (the wordings' own examples run in
``tests/extractors/test_wordings.py``)."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import vote

from ._real import real

TALLIES = [
    # 第三十九次会议以十票对零通过,弃权者一(…)
    ("S-RES-4-1946.zh.txt", [("4(1946)", 10, 0, 1)]),
    # 第一九六四次会议以十三票对零票通过
    ("S-RES-396-1976.zh.txt", [("396(1976)", 13, 0, 0)]),
    # 以13票赞成、0票反对、2票弃权的表决结果,通过了第2812号决议
    ("news-2026-01-14-res2812.excerpt.zh.txt", [("2812(2026)", 13, 0, 2)]),
]


@pytest.mark.parametrize(("name", "expected"), TALLIES)
def test_tallies_keyed_to_the_resolution(
    name: str, expected: list[tuple[str, int, int, int]]
) -> None:
    found = [(t.resolution, t.yes, t.no, t.abstain) for t in real(name).vote_tallies]
    assert found == expected


def test_votes_on_an_unnumbered_draft_are_not_kept() -> None:
    # …提交的叙利亚问题决议草案进行表决…俄罗斯、中国两个安理会常任理事国投了反对票
    assert real("news-2011-10-04-Syria-draft-veto.excerpt.zh.txt").votes == ()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 两个成员国(中国和阿拉伯利比亚共和国)没有参加表决: every state in the bracket, though
        # the gazetteer reads the name of its time only in part (利比亚)
        ("S-RES-396-1976.zh.txt", {("CHN", "absent", "396(1976)"), ("LBY", "absent", "396(1976)")}),
        # a cleft sentence: 投下两张弃权票的,正是…两个常任理事国——中国和俄罗斯
        (
            "news-2026-01-14-res2812.excerpt.zh.txt",
            {("CHN", "abstain", "2812(2026)"), ("RUS", "abstain", "2812(2026)")},
        ),
    ],
)
def test_members_named_around_the_ballot(name: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(v.state, v.vote, v.resolution) for v in real(name).votes} == expected


def test_a_dissolved_member_in_the_bracket() -> None:
    """The USSR abstains under the name of its time, beside the Ukrainian SSR (1946, 1948)."""
    votes = {(v.state, v.vote) for v in real("S-RES-4-1946.zh.txt").votes}
    votes |= {(v.state, v.vote) for v in real("S-RES-44-1948.zh-hant.txt").votes}
    assert ("SUN", "abstain") in votes


# Merged from test_extract_set9_votes.py: tallies written without the ``N票X`` order or with a
# stated zero, an abstention said as ``在…表决中弃权`` (vote.extract alone, on short texts).


def _context(text: str) -> Context:
    return Context("sample.txt", normalise(text))


def _tallies(text: str) -> list[tuple[int, int, int]]:
    found = vote.extract(_context(text), Found()).vote_tallies
    return [(t.yes, t.no, t.abstain) for t in found]


def _votes(text: str) -> dict[str, str]:
    return {v.state: v.vote for v in vote.extract(_context(text), Found()).votes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("表决情况如下：赞成 11 票、反对 1 票、弃权 3 票。决议草案获得通过。", [(11, 1, 3)]),
        ("表决结果：１４票赞成，无反对票，１票弃权。", [(14, 0, 1)]),
        ("决议草案以十票赞成、没有反对票和五票弃权获得通过。", [(10, 0, 5)]),
        ("表决结果为：9 票赞成、2 票弃权、4 票反对。", [(9, 4, 2)]),
        ("结果是赞成 15 票，无人投反对票，无弃权票。", [(15, 0, 0)]),
        # ``以13票赞成、无反对票、2票弃权`` is one tally of three counts, not ``13-0-0``
        ("决议草案以13票赞成、无反对票、2票弃权获得通过。", [(13, 0, 2)]),
        # a label repeated is not a tally of three counts
        ("赞成 8 票、赞成 9 票、弃权 1 票。", []),
        # counts of something else than ballots
        ("该国共有 12 个省、3 个特区。", []),
    ],
)
def test_tallies_of_short_texts(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert _tallies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "谨此通知，巴西决定在对关于海地局势的决议草案(S/2030/123)的表决中弃权。\n"
            "日本对该决议草案投赞成票。",
            {"BRA": "abstain", "JPN": "yes"},
        ),
        # abstainers as a relative clause cast no vote
        ("我们理解在表决中弃权的成员，例如秘鲁的关切。", {}),
    ],
)
def test_votes_of_short_texts(text: str, expected: dict[str, str]) -> None:
    assert _votes(text) == expected
