"""Language packs: one package of extractors per language, behind one small interface.

Why packs: the Council writes in six languages, and each language has its own grammar for the
same facts (``以13票赞成`` and ``by 13 votes to none``). A pack (``extractors/zh``,
``extractors/en``) holds one module per kind of fact and its wordings as data; what every
language shares (loading, normalisation, the offset map, the gazetteer engine, symbols, ISO
dates, the fact records) stays outside the packs. The pipeline detects the language once and
runs the one pack for it, as rdflib's plugin registry maps a name to a small typed interface.
A kind of fact a pack lacks is simply not in its list: it finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from unsckg.extractors.document import Context
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import SlotPatterns


class Extractor(Protocol):
    """One kind of fact: the context and what was found before it in, a copy with its own out."""

    def __call__(self, ctx: Context, found: Found, /) -> Found: ...


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """A language's extractors, in the order of the data flow (a vote needs the resolution)."""

    code: str  # ISO 639-1, as in the facts' ``language``
    extractors: tuple[tuple[str, Extractor], ...]
    slots: SlotPatterns  # how the language writes the slots of its wordings

    def run(self, ctx: Context) -> Found:
        """Every extractor in order, each seeing what those before it found."""
        found = NOTHING_FOUND  # frozen: each extractor returns a copy with its own fields
        for _kind, extract in self.extractors:
            found = extract(ctx, found)
        return found


# The registry: a language code to the module that defines its ``PACK``. Imported on first use,
# so a run on Chinese never builds the English name tables and the other way round.
PACK_MODULES: dict[str, str] = {
    "zh": "unsckg.extractors.zh",
    "en": "unsckg.extractors.en",
}


# What a pack's run starts from: nothing found (one record: a frozen one is never changed).
NOTHING_FOUND = Found()
# The packs imported so far, by language: ``import_module`` of a module already imported still
# goes through the import system's Python layers (about a hundred bytecodes), every document.
_LOADED: dict[str, LanguagePack] = {}


def pack_for(language: str) -> LanguagePack:
    """The pack of ``language``; ``KeyError`` for a language without one."""
    pack = _LOADED.get(language)
    if pack is None:
        pack = _LOADED[language] = import_module(PACK_MODULES[language]).PACK
    return pack
