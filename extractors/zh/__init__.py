"""The Chinese pack: one module per kind of fact, in the order of the data flow.

Traditional-script documents reach it converted to simplified by normalisation, their offsets
mapped back to the original text.
"""

from __future__ import annotations

from unsckg.extractors.packs import LanguagePack
from unsckg.extractors.zh import (
    explanation,
    meeting,
    mentions,
    metadata,
    presidency,
    representatives,
    resolution,
    vote,
)
from unsckg.extractors.zh.slots import ZH_SLOTS

PACK = LanguagePack(
    code="zh",
    extractors=(
        ("metadata", metadata.extract),
        ("meetings", meeting.extract),
        ("presidencies", presidency.extract),
        ("resolutions", resolution.extract),
        ("votes", vote.extract),
        ("explanations_of_vote", explanation.extract),
        ("representatives", representatives.extract),
        ("mentions", mentions.extract),
    ),
    slots=ZH_SLOTS,
)
