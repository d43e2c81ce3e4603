"""The registry of fact extractors: one line per kind of fact, run in this order.

Why one explicit list: adding a kind of fact is one module and one line here; the order is the
data flow (a meeting's presiding state needs the meeting's date, a vote needs the resolution
adopted, representatives include the author and the meeting's chair).
Each extractor takes the context and the facts found so far and returns new fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from unsckg.extractors import (
    english,
    explanation,
    meeting,
    mentions,
    metadata,
    presidency,
    representatives,
    resolution,
    vote,
)
from unsckg.extractors.document import Context

Extractor = Callable[[Context, dict[str, Any]], dict[str, Any]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("metadata", metadata.extract),
    ("meetings", meeting.extract),
    ("presidencies", presidency.extract),
    ("resolutions", resolution.extract),
    ("votes", vote.extract),
    ("explanations_of_vote", explanation.extract),
    ("representatives", representatives.extract),
    ("mentions", mentions.extract),
    ("english", english.extract),  # texts in English only; returns nothing for Chinese
)
