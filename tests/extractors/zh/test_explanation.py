"""Explanations of vote (``extractors/zh/explanation.py``): the President's statement in
national capacity on the adoption explains the presiding state's vote; a non-member called after
the vote explains nothing. The cues themselves are examples in
``extractors/zh/wordings/explanation.toml``. Moved from the round-named ``votes_people_2``."""

from __future__ import annotations

import pytest
from unsckg.extractors.document import Context
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.zh import explanation

from tests.extractors.zh.test_representatives import RECORD_SIR
from tests.extractors.zh.test_vote import ABSENCE, record


def test_the_presidents_national_statement_on_the_adoption_explains_the_vote() -> None:
    facts = extract_text(RECORD_SIR, "S-PV-7777.txt")
    states = [e.state for e in facts.explanations_of_vote]
    assert "BRA" in states
    # negative: a non-member called after the vote explains nothing
    assert "TON" not in states


def test_a_report_s_representative_who_explained_the_vote() -> None:
    text = (
        "2019-03-06 05:40\n"
        "4日,联合国安理会就某决议草案进行表决。巴西反对,印度弃权。\n"
        "巴西常驻联合国代表王小明大使在表决后作了解释性发言。他说,草案不利于局势缓和。\n"
    )
    facts = extract_text(text, "news.zh.txt")
    assert [(e.state, e.speaker) for e in facts.explanations_of_vote] == [("BRA", "王小明")]


# --- what a turn says about the vote ----------------------------------------------------


@pytest.mark.parametrize(
    "turn",
    [
        pytest.param("我国对第 4 段有疑虑，所以弃权。", id="abstained-so"),
        pytest.param("本国代表团经过权衡，选择弃权。", id="chose-to-abstain"),
        pytest.param("本国投票赞成该案文。", id="voted-for"),
        pytest.param("我们投票反对了该决议草案。", id="voted-against"),
    ],
)
def test_a_turn_about_the_vote(turn: str) -> None:
    """Abstaining as a decision, voting for or against: the turn explains a vote."""
    assert explanation.WORDINGS["on_vote"].search(turn)


def test_a_national_statement_on_the_topic_is_not() -> None:
    # the word for waiving a right is no vote
    assert not explanation.WORDINGS["on_vote"].search(
        "我国支持和平进程，从不弃权于对话，也呼吁各方克制。"
    )


# --- the President in national capacity, the states invited under rule 37 ---------------


def test_the_president_voting_for_in_national_capacity_explains() -> None:
    facts = extract_text(record(ABSENCE), "S-PV-8123.txt")
    assert {e.state for e in facts.explanations_of_vote} == {"GBR", "MEX"}


def test_the_invited_states() -> None:
    assert explanation.invited(Context("sample.txt", normalise(record(ABSENCE)))) == {"TCD"}
