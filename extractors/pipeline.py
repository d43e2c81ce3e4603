"""The library entry points: a file or a text in, ``DocumentFacts`` out.

``extract_file(path)`` loads and decodes the file (``load.py``), ``extract_text(text, source)``
starts from decoded text; both normalise, detect the language once, build the context and run
the language's pack (``packs.py``). Errors are ``ExtractionError`` subclasses naming the file;
nothing is printed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from unsckg.extractors.as_written import in_original_script
from unsckg.extractors.document import Context
from unsckg.extractors.errors import EmptyDocumentError, NotCouncilDocumentError
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.language import detect_language
from unsckg.extractors.load import RawDocument, load_file
from unsckg.extractors.normalise import normalise
from unsckg.extractors.packs import pack_for

# What every Council document says somewhere: the Council's name, a Council symbol, "联合国", or
# (a yearbook resolution that names neither) a resolution's heading line.
COUNCIL = re.compile(
    r"安全理事会|安理会|Security Council|S/(?:RES|PRST|PV)?[/.]?\d|联合国"
    r"|(?m:^Resolution \d{1,4} \(\d{4}\)\s*$)"
)


def extract_file(path: str | Path) -> DocumentFacts:
    """The facts of the document in ``path`` (txt, PDF, .docx or saved HTML)."""
    return extract_raw(load_file(path))


def extract_raw(raw: RawDocument) -> DocumentFacts:
    """The facts of a loaded file (for a caller that keeps the text too, as the build does)."""
    return _extract(raw.text, raw.source, raw.content_hash)


def extract_text(text: str, source: str) -> DocumentFacts:
    """The facts of an already decoded text; ``source`` names it in errors and in the facts."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _extract(text, source, digest)


def _extract(text: str, source: str, content_hash: str) -> DocumentFacts:
    if not text or text.isspace():  # ``not text.strip()`` without a copy of the text
        raise EmptyDocumentError(source)
    norm = normalise(text)
    if not (COUNCIL.search(norm.text) or COUNCIL.search(text)):
        raise NotCouncilDocumentError(
            source, "not a Security Council document: no mention of the Council or a UN symbol"
        )
    language = detect_language(norm.text)
    return run_pack(Context(source, norm, content_hash, language))


def run_pack(ctx: Context) -> DocumentFacts:
    """The facts the pack of the context's language finds."""
    found = in_original_script(pack_for(ctx.language).run(ctx), ctx.norm)
    return found.to_facts(ctx.source, ctx.content_hash, ctx.language)
