"""Search over what things are called: labels in both languages, other names, symbols, ISO
codes, meeting themes and agenda items, the quoted text of every piece of evidence, and the
full text of every document.

How: an in-memory index, filled by three SPARQL queries over the merged graph and the texts the
build keeps beside the store (:mod:`unsckg.graph.texts`: the decoded original of each document,
one file each), rebuilt when the store changes (see ``Searcher``), because ranking needs every
candidate and a Chinese name must also match its pinyin (``zhang jun`` finds 张军), which SPARQL
cannot compute. Texts are matched as folded substrings, paragraph by paragraph: that is every
n-gram at once, so Chinese (维和, two characters, no spaces) needs neither jieba nor a bigram
table, and a hit's offsets are the original's, so the snippet marks exactly what matched. On
the whole real corpus (2,066 texts, 17 MB, 22,712 paragraphs) reading and folding take about
3 s (in a thread, once per store generation) and a query scans them in 25–40 ms.

Ranking: how the text matches (whole, prefix, word, anywhere, pinyin), what it is (a label
beats an other name, which beats a theme or a quote), what the entity is (a state before a
person who shares its name), and shorter names first.
"""

from __future__ import annotations

import asyncio
import functools
import re
import string
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import lazy_pinyin
from unsckg.graph import texts
from unsckg.ontology.vocab import NAMESPACE as UNSC_NS
from unsckg.server.pages.full_text import paragraphs
from unsckg.server.pages.labels import fetch_labels
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, local_name, rows, value
from unsckg.server.watch import Fingerprint, fingerprint

INDEX_TTL_S = 60.0
_HAN = re.compile(r"[\u3400-\u9fff]")
_PROPERTY_WEIGHT = {
    "label": 0, "prefLabel": 0, "symbol": 0, "iso3": -5, "altLabel": -6,
    "title": -12, "theme": -10, "agendaItem": -15, "quote": -30, "text": -34,
}  # fmt: skip
_TYPE_WEIGHT = {
    "MemberState": 12, "ObserverState": 10, "Resolution": 8, "Person": 6, "Meeting": 5,
    "Organization": 4, "DraftResolution": 3, "Document": 2, "Presidency": 1,
}  # fmt: skip

_NAMES = f"""{PREFIXES}
SELECT ?s ?name ?p WHERE {{
  VALUES ?p {{ rdfs:label skos:prefLabel skos:altLabel unsc:symbol unsc:iso3 unsc:theme
              unsc:agendaItem unsc:title }}
  ?s ?p ?name . FILTER(isLiteral(?name) && isIRI(?s))
}}"""
_TYPES = f"""{PREFIXES}
SELECT ?s ?type WHERE {{ ?s a ?type . FILTER(STRSTARTS(STR(?type), STR(unsc:))) }}"""
_QUOTES = f"""{PREFIXES}
SELECT ?e ?quote WHERE {{ ?e a unsc:Evidence ; unsc:quote ?quote }}"""


@functools.cache
def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return plain[:1] or char


_ASCII = str.maketrans(
    {**{c: c.lower() for c in string.ascii_uppercase}, **{c: " " for c in string.whitespace}}
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Accent-free and case-folded, one character for each character of ``text`` (so that a
    match's offsets are the original's: the snippet marks exactly what matched). ASCII goes
    through one ``str.translate``, the rest character by character (cached): the real
    corpus's 17 MB of text folds in about a second instead of half a minute."""
    return _NON_ASCII.sub(lambda m: _fold_char(m.group()), text.translate(_ASCII))


def fold_query(text: str) -> str:
    """A query folded like the texts, its spaces collapsed."""
    return " ".join(fold(text).split())


def pinyin(text: str) -> str:
    """The toneless pinyin of the Han characters, syllables apart ('' for text without Han)."""
    if not _HAN.search(text):
        return ""
    return " ".join(s for s in lazy_pinyin(text.replace("·", " ")) if s.strip())


@dataclass(frozen=True)
class Entry:
    """One searchable text of one thing."""

    iri: str
    text: str
    prop: str
    folded: str
    pinyin: str
    offset: int = 0  # for a paragraph of a document's text: where it starts in the text


@dataclass
class Hit:
    """One thing found: its best score, the text that matched and where in it."""

    iri: str
    score: float
    text: str
    prop: str
    start: int
    end: int
    label: str = ""
    cls: str = ""
    cls_label: str = ""
    href: str = ""
    document: str = ""  # for a quote: the document's page, opened at the span
    offset: int = 0  # for a text: where the matched paragraph starts in the document

    @property
    def snippet(self) -> tuple[str, str, str]:
        """The matched text as (before, match, after), cut to about 60 characters of context."""
        before = self.text[max(0, self.start - 60) : self.start]
        after = self.text[self.end : self.end + 60]
        before, after = re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after)
        return (("…" if self.start > 60 else "") + before, self.text[self.start : self.end],
                after + ("…" if self.end + 60 < len(self.text) else ""))  # fmt: skip


@dataclass
class SearchIndex:
    """The entries and the class of each thing, with when they were read."""

    entries: list[Entry] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)
    built: float = -1e9


def _match(entry: Entry, needle: str, needle_pinyin: str) -> tuple[float, int, int] | None:
    """How well an entry matches: a score and the span of ``entry.text`` that matched."""
    at = entry.folded.find(needle)
    if at >= 0:
        if entry.folded == needle:
            base = 100.0
        elif at == 0:
            base = 80.0
        elif not entry.folded[at - 1].isalnum() or _HAN.match(needle):
            base = 62.0
        else:
            base = 45.0
        if entry.prop == "iso3" and base < 100:
            return None
        return base, at, at + len(needle)
    if needle_pinyin and entry.pinyin:
        squashed, wanted = entry.pinyin.replace(" ", ""), needle_pinyin.replace(" ", "")
        if squashed == wanted:
            return 90.0, 0, len(entry.text)
        if wanted in squashed and len(wanted) >= 4:
            return 50.0, 0, len(entry.text)
    return None


def rank(index: SearchIndex, query: str, limit: int = 50) -> list[Hit]:
    """The things matching ``query``, best first, one hit per thing."""
    needle = fold_query(query)
    if not needle:
        return []
    needle_pinyin = needle if needle.replace(" ", "").isascii() else ""
    best: dict[str, Hit] = {}
    for entry in index.entries:
        found = _match(entry, needle, needle_pinyin)
        if found is None:
            continue
        base, start, end = found
        cls = index.classes.get(entry.iri, "Evidence" if entry.prop == "quote" else "")
        score = base + _PROPERTY_WEIGHT.get(entry.prop, -10) + _TYPE_WEIGHT.get(cls, 0)
        score -= min(len(entry.text), 200) / 40
        key = entry.iri.rsplit("/", 1)[0] if entry.prop == "quote" else entry.iri  # per document
        key += "#text" if entry.prop == "text" else ""
        if key not in best or score > best[key].score:
            best[key] = Hit(entry.iri, score, entry.text, entry.prop, start, end, cls=cls)
            best[key].offset = entry.offset
    return sorted(best.values(), key=lambda h: (-h.score, h.text))[:limit]


def text_entries(document: str, text: str) -> list[Entry]:
    """A document's text as entries, one per paragraph (blank-line or sentence-end breaks),
    so that a snippet is a paragraph's and a long record does not make one giant entry."""
    return [
        Entry(document, text[start:end], "text", fold(text[start:end]), "", start)
        for start, end in paragraphs(text)
    ]


def _all_text_entries(store: Path) -> list[Entry]:
    return [e for document, text in texts.load_all(store) for e in text_entries(document, text)]


async def read_index(
    runner: SparqlRunner, config: PageConfig, store: Path | None = None
) -> SearchIndex:
    """Read every searchable text from the store (see the module docstring)."""
    index = SearchIndex(built=time.monotonic())
    if store is not None:  # read and folded in a thread: the event loop keeps serving
        index.entries.extend(await asyncio.to_thread(_all_text_entries, store))
    for row in rows(await runner.select(_NAMES)):
        subject, text = value(row, "s") or "", value(row, "name") or ""
        if subject.startswith(config.base_iri) and text:
            prop = local_name(value(row, "p") or "")
            index.entries.append(Entry(subject, text, prop, fold(text), pinyin(text)))
    for row in rows(await runner.select(_QUOTES)):
        text = value(row, "quote") or ""
        if text:
            index.entries.append(Entry(value(row, "e") or "", text, "quote", fold(text), ""))
    for row in rows(await runner.select(_TYPES)):
        subject, cls = value(row, "s") or "", local_name(value(row, "type") or "")
        if index.classes.get(subject) in (None, "Document", "State"):
            index.classes[subject] = cls
    # a text whose document the graph no longer has (``unsckg remove``) is not searched
    index.entries = [e for e in index.entries if e.prop != "text" or e.iri in index.classes]
    return index


class Searcher:
    """The index shared by the requests of one app, rebuilt when the store's folder changed
    (the watcher's fingerprint, as for the home page), or when older than ``INDEX_TTL_S`` for
    a server that does not know its store's folder."""

    def __init__(self, runner: SparqlRunner, config: PageConfig, store: Path | None = None) -> None:
        self.runner, self.config, self.store = runner, config, store
        self.index = SearchIndex()
        self.generation: Fingerprint | None = None
        self.lock = asyncio.Lock()

    async def current(self) -> SearchIndex:
        async with self.lock:
            if self.store is not None:
                now = await asyncio.to_thread(fingerprint, self.store)
                stale = now != self.generation
                self.generation = now
            else:
                stale = time.monotonic() - self.index.built > INDEX_TTL_S
            if stale:
                self.index = await read_index(self.runner, self.config, self.store)
        return self.index

    async def search(self, query: str, language: str, kind: str = "") -> list[Hit]:
        """Ranked hits with their labels, class names and links filled in."""
        hits = rank(await self.current(), query[:200], limit=200)
        if kind:
            hits = [h for h in hits if h.cls == kind]
        hits = hits[:50]
        wanted = {h.iri for h in hits} | {UNSC_NS + h.cls for h in hits if h.cls}
        wanted |= {_document_of(h.iri, self.config) for h in hits if h.prop == "quote"}
        labels = await fetch_labels(self.runner, wanted, language)
        texts_of = {h.iri for h in hits if h.prop == "text"}
        labels.update(await _symbols(self.runner, texts_of))  # S/RES/2242(2015), not a file
        for hit in hits:
            hit.cls_label = "" if hit.prop == "quote" else labels.get(UNSC_NS + hit.cls, hit.cls)
            if hit.prop == "text":
                hit.label = labels.get(hit.iri) or local_name(hit.iri)
                hit.href = href(hit.iri, self.config.base_iri) + f"#text-{hit.offset}"
            elif hit.prop == "quote":
                document = _document_of(hit.iri, self.config)
                hit.label = labels.get(document) or local_name(document)
                hit.href = hit.document = href(document, self.config.base_iri) + _span(hit.iri)
            else:
                hit.label = labels.get(hit.iri) or hit.text
                hit.href = href(hit.iri, self.config.base_iri)
        return hits


async def _symbols(runner: SparqlRunner, documents: set[str]) -> dict[str, str]:
    """Each document's symbol, the name a reader knows it by (its label is its file name); a
    text in one language (``…/S-RES-2242-2015/en``) has the symbol of the document it renders."""
    if not documents:
        return {}
    listed = " ".join(iri(d) for d in sorted(documents))  # from the store's own file names
    query = f"""{PREFIXES}
SELECT ?d ?s WHERE {{ VALUES ?d {{ {listed} }} ?d prov:specializationOf?/unsc:symbol ?s }}"""
    return {value(r, "d") or "": value(r, "s") or "" for r in rows(await runner.select(query))}


def _document_of(evidence: str, config: PageConfig) -> str:
    """A quote belongs to a document: ``id/evidence/<doc>/<start>-<end>`` names both."""
    key = evidence[len(config.base_iri) + len("evidence/") :].rpartition("/")[0]
    return f"{config.base_iri}document/{key}"


def _span(evidence: str) -> str:
    """The fragment that opens a document page at an evidence's span."""
    return "#span-" + evidence.rsplit("/", 1)[-1]


def as_json(hit: Hit) -> dict[str, object]:
    """A hit for JSON clients: what it is, what it is called, what matched, where it leads."""
    before, match, after = hit.snippet
    return {
        "iri": hit.iri, "label": hit.label, "type": hit.cls, "type_label": hit.cls_label,
        "score": round(hit.score, 1), "matched": hit.prop, "snippet": before + match + after,
        "match": match, "href": hit.href,
    }  # fmt: skip
