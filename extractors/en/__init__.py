"""The English pack: one module per kind of fact, in the order of the data flow."""

from __future__ import annotations

from unsckg.extractors.en import (
    explanation,
    meeting,
    mentions,
    metadata,
    presidency,
    record,
    representatives,
    resolution,
    vote,
    yearbook,
)
from unsckg.extractors.en.slots import EN_SLOTS
from unsckg.extractors.packs import LanguagePack

PACK = LanguagePack(
    code="en",
    extractors=(
        ("metadata", metadata.extract),
        ("record", record.extract),
        ("representatives", representatives.extract),
        ("presidencies", presidency.extract),
        ("meetings", meeting.extract),
        ("resolutions", resolution.extract),
        ("votes", vote.extract),
        ("vote lines", yearbook.extract),
        ("explanations_of_vote", explanation.extract),
        ("mentions", mentions.extract),
    ),
    slots=EN_SLOTS,
)
