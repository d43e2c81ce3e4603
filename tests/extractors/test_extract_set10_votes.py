"""Vote headers that bracket each count before the colon, a presiding state that explains its
abstention as a decision, a short state name read across a common word inside a list, and UN
operations named with a bare ``行动`` or ``行政当局``. Texts written for these tests."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.gazetteer import find_states
from unsckg.extractors.normalise import normalise
from unsckg.extractors.zh import explanation, vote


def context(text: str) -> Context:
    return Context("sample.txt", normalise(text))


# A vote is kept only keyed to what it decides: the texts are put under a draft.
DRAFT = "决议草案(S/2021/100)\n"


def votes(text: str) -> dict[str, str]:
    return {v.state: v.vote for v in vote.extract(context(DRAFT + text), Found()).votes}


def tallies(text: str) -> list[tuple[int, int, int]]:
    found = vote.extract(context(text), Found()).vote_tallies
    return [(t.yes, t.no, t.abstain) for t in found]


BRACKETED = "表决 赞成（3）：秘鲁、智利、加纳；反对（1）：日本；弃权（1）：埃及\n"


def test_bracketed_counts_give_votes_and_tally() -> None:
    assert votes(BRACKETED) == {
        "PER": "yes",
        "CHL": "yes",
        "GHA": "yes",
        "JPN": "no",
        "EGY": "abstain",
    }
    assert tallies(BRACKETED) == [(3, 1, 1)]


def test_bracketed_zero_counts_without_a_colon() -> None:
    text = "表决 赞成(2票)：肯尼亚、秘鲁；反对(0)；弃权(0)\n"
    assert votes(text) == {"KEN": "yes", "PER": "yes"}
    assert tallies(text) == [(2, 0, 0)]


def test_a_bracketed_aside_is_no_count() -> None:
    # a bracket that holds no number is no vote count, and no label without a colon lists votes
    text = "多数代表团表示反对（见附件）。秘鲁、智利表示赞成。"
    assert votes(text) == {}
    assert tallies(text) == []


@pytest.mark.parametrize(
    "turn",
    ["我国对第 4 段有疑虑，所以弃权。", "本国代表团经过权衡，选择弃权。"],
)
def test_abstaining_as_a_decision_is_about_the_vote(turn: str) -> None:
    assert explanation.WORDINGS["on_vote"].search(turn)


def test_a_national_statement_on_the_topic_is_not() -> None:
    # the word for waiving a right is no vote
    assert not explanation.WORDINGS["on_vote"].search(
        "我国支持和平进程，从不弃权于对话，也呼吁各方克制。"
    )


def keys(text: str) -> list[str]:
    return [s.key for s in find_states(text, members_only=False)]


def test_short_name_across_a_common_word_in_a_list() -> None:
    assert keys("去年，秘鲁和约旦的工兵连已经轮换。") == ["PER", "JOR"]


def test_short_name_across_a_common_word_alone_stays_out() -> None:
    # ``和约`` read as "peace treaty" with no state beside it
    assert "JOR" not in keys("双方签署和约旦夕之间即告失效。")


@pytest.mark.parametrize(
    "text",
    ["联合国莫桑比克行动已于当年结束。", "联合国科索沃临时行政当局发表了报告。"],
)
def test_operation_named_after_its_country(text: str) -> None:
    assert keys(text) == []


def test_an_operation_in_a_country_names_it() -> None:
    assert keys("联合国在索马里的行动受到关注。") == ["SOM"]
