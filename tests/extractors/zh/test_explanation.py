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
