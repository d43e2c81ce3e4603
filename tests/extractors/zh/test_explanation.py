"""Explanations of vote (``extractors/zh/explanation.py``): the President's statement in
national capacity on the adoption explains the presiding state's vote; a non-member called after
the vote explains nothing. The cues themselves are examples in
``extractors/zh/wordings/explanation.toml``. Moved from the round-named ``votes_people_2``."""

from __future__ import annotations

from unsckg.extractors.pipeline import extract_text

from tests.extractors.zh.test_representatives import RECORD_SIR


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
