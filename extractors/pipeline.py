"""The library entry points: a file or a text in, ``DocumentFacts`` out.

``extract_file(path)`` loads and decodes the file (``load.py``), ``extract_text(text, source)``
starts from decoded text; both normalise, build the context and run every extractor of the
registry. Errors are ``ExtractionError`` subclasses naming the file; nothing is printed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

from unsckg.extractors.document import Context
from unsckg.extractors.errors import EmptyDocumentError, NotCouncilDocumentError
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.load import load_file
from unsckg.extractors.normalise import normalise
from unsckg.extractors.registry import EXTRACTORS

# What every Council document says somewhere: the Council's name, a Council symbol, or "联合国".
COUNCIL = re.compile(r"安全理事会|安理会|Security Council|S/(?:RES|PRST|PV)?[/.]?\d|联合国")
FACT_FIELDS = frozenset(f.name for f in fields(DocumentFacts))


def extract_file(path: str | Path) -> DocumentFacts:
    """The facts of the document in ``path`` (txt, PDF, .docx or saved HTML)."""
    raw = load_file(path)
    return _extract(raw.text, raw.source, raw.content_hash)


def extract_text(text: str, source: str) -> DocumentFacts:
    """The facts of an already decoded text; ``source`` names it in errors and in the facts."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _extract(text, source, digest)


def _extract(text: str, source: str, content_hash: str) -> DocumentFacts:
    if not text.strip():
        raise EmptyDocumentError(source)
    if not COUNCIL.search(text):
        raise NotCouncilDocumentError(
            source, "not a Security Council document: no mention of the Council or a UN symbol"
        )
    ctx = Context(source, normalise(text), content_hash)
    return run_extractors(ctx)


def run_extractors(ctx: Context) -> DocumentFacts:
    """Every registered extractor in order, each seeing the facts found before it."""
    found: dict[str, Any] = {}
    for _name, extractor in EXTRACTORS:
        found.update(extractor(ctx, found))
    kept = {key: value for key, value in found.items() if key in FACT_FIELDS}
    kept["language"] = ctx.language
    return DocumentFacts(source=ctx.source, content_hash=ctx.content_hash, **kept)
