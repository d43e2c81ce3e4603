"""Tallies written without the ``N票X`` order or with a stated zero, an abstention said as
``在…表决中弃权``, and a state's name broken across a line so that its rest is another name."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.gazetteer import find_states
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import vote


def context(text: str) -> Context:
    return Context("sample.txt", normalise(text))


def tallies(text: str) -> list[tuple[int, int, int]]:
    found = vote.extract(context(text), Found()).vote_tallies
    return [(t.yes, t.no, t.abstain) for t in found]


def votes(text: str) -> dict[str, str]:
    return {v.state: v.vote for v in vote.extract(context(text), Found()).votes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("表决情况如下：赞成 11 票、反对 1 票、弃权 3 票。决议草案获得通过。", [(11, 1, 3)]),
        ("表决结果：１４票赞成，无反对票，１票弃权。", [(14, 0, 1)]),
        ("决议草案以十票赞成、没有反对票和五票弃权获得通过。", [(10, 0, 5)]),
        ("表决结果为：9 票赞成、2 票弃权、4 票反对。", [(9, 4, 2)]),
        ("结果是赞成 15 票，无人投反对票，无弃权票。", [(15, 0, 0)]),
    ],
)
def test_three_count_tallies(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert tallies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a label repeated is not a tally of three counts
        "赞成 8 票、赞成 9 票、弃权 1 票。",
        # counts of something else than ballots
        "该国共有 12 个省、3 个特区。",
    ],
)
def test_not_a_tally(text: str) -> None:
    assert tallies(text) == []


def test_partial_tally_does_not_swallow_a_stated_zero() -> None:
    """``以13票赞成、无反对票、2票弃权`` is one tally of three counts, not ``13-0-0``."""
    assert tallies("决议草案以13票赞成、无反对票、2票弃权获得通过。") == [(13, 0, 2)]


def test_abstention_said_in_the_vote() -> None:
    text = (
        "谨此通知，巴西决定在对关于海地局势的决议草案(S/2030/123)的表决中弃权。\n"
        "日本对该决议草案投赞成票。"
    )
    assert votes(text) == {"BRA": "abstain", "JPN": "yes"}


def test_abstainers_as_a_relative_clause_cast_no_vote() -> None:
    assert votes("我们理解在表决中弃权的成员，例如秘鲁的关切。") == {}


def keys(text: str) -> list[tuple[str, str]]:
    return [(m.key, text[m.start : m.end].replace("\n", "")) for m in find_states(text)]


def test_name_broken_so_that_its_rest_is_another_state() -> None:
    text = "安理会欢迎各方在亚的斯亚贝巴就南\n苏丹问题举行的会谈。"
    assert keys(text) == [("SSD", "南苏丹")]


def test_state_after_a_line_break_stands_alone() -> None:
    text = "安理会赞扬阿尔及利亚和\n马里政府为此作出的努力。"
    assert keys(text) == [("DZA", "阿尔及利亚"), ("MLI", "马里")]
