"""The real Chinese test copies (``tests/data/real-zh``, see its README), extracted once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text

REAL = Path(__file__).resolve().parents[2] / "data" / "real-zh"


@cache
def real(name: str) -> DocumentFacts:
    return extract_text((REAL / name).read_text(encoding="utf-8"), name)
