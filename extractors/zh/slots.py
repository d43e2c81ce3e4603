"""How Chinese writes each slot type of the wordings (``extractors/wordings.py``).

Why so loose for states and people: a slot only has to end where the wording's next literal
begins; the gazetteer and the people module then decide what the span names.
"""

from __future__ import annotations

from unsckg.extractors.wordings import SlotPatterns

ZH_SLOTS = SlotPatterns(
    types={
        "state": r"[^\s，。、；;,:：“”]{2,30}?",
        "date": r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
        "month": r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月份?",
        "time": r"(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*(?:时|点)(?:\s*\d{1,2}\s*分|半)?",
        "quoted": r"[^”\n]{2,160}",
        "quoted_lines": r"[^”]{2,160}",
        "person": r"[^\s，。、；;,:：“”()（）]{2,40}?",
        "post": r"[^，。；;\n]{2,80}?",
        "symbol": r"S/[A-Z0-9/.()]+",
        "number": r"\d{1,5}|[〇零一二两三四五六七八九十百千]{1,8}",
        "words": r"[^，。；;\n“”]{1,40}?",
    },
    space=r"\s*",
    gap=r"[^。！？\n]{0,30}?",
)
