"""How English writes each slot type of the wordings (``extractors/wordings.py``)."""

from __future__ import annotations

from unsckg.extractors.en.names import MONTHS
from unsckg.extractors.wordings import SlotPatterns

EN_SLOTS = SlotPatterns(
    types={
        "state": r"(?:the )?[A-Z][\w’'().-]*(?:[ -](?:and |of |the |da |de |d’)*[A-Z][\w’'().-]*)*",
        "date": rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}",
        "month": rf"(?:{MONTHS})(?:\s\d{{4}})?",
        "time": r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.\s*m\.",
        "quoted": r"[^”\"\n]{2,200}",
        "person": r"(?:Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Sir|Dame)?\s*[A-Z][^\n:()]{1,60}?",
        "post": r"[^\n,;:]{2,120}?",
        "symbol": r"S/[A-Z0-9/.()]+",
        "number": r"\d{1,5}|none|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
        r"|twelve|thirteen|fourteen|fifteen",
        "words": r"[^\n.;:“”]{1,80}?",
    },
    space=r"\s+",
    gap=r"[^.\n]{0,60}?",
)
