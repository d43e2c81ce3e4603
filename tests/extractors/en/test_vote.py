"""English votes: a resolution's own text leaves its votes to its vote line (``vote.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unsckg.extractors.en import vote
from unsckg.extractors.pipeline import extract_text

DATA = Path(__file__).parents[2] / "data"
REAL = sorted(
    [
        *(DATA / "real-en-resolutions").glob("*.en.txt"),
        *(DATA / "real-en-graph" / "resolutions").glob("*.en.txt"),
    ]
)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_resolutions_votes_are_the_same_without_reading_its_lists_and_letters(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut (``vote._read_by_vote_line``) changes no fact: the vote line's reader sets
    the votes of a resolution's own text whatever was found before it."""
    text = path.read_text(encoding="utf-8")
    fast = extract_text(text, path.name)
    monkeypatch.setattr(vote, "_read_by_vote_line", lambda _ctx, _key: False)
    assert extract_text(text, path.name) == fast
