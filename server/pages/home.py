"""The home page: what the graph holds (counts), what happened last, and where to start.

Three small queries on the merged default graph (set semantics: a fact stated by several
documents counts once), so the page answers without the reader writing any SPARQL.

The counts (a scan of every typed node) and the latest lists (a sort of every meeting and
resolution) cost tens to hundreds of milliseconds on the real corpus: the page's data is kept
per generation of the store, the fingerprint of its folder that :mod:`unsckg.server.watch`
compares (names, sizes and times of its files, which every committed write changes), so a
request costs a listing of the folder, and the first request after a build or an update
queries again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, Row, lang, rows, value
from unsckg.server.watch import Fingerprint, fingerprint

# (class local name, index kind) of the entry points, in the order the page shows them
ENTRY_POINTS = (
    ("MemberState", "states"),
    ("Person", "people"),
    ("Meeting", "meetings"),
    ("Resolution", "resolutions"),
    ("Document", "documents"),  # the documents ingested, not every symbol cited
    ("Vote", "votes"),
)

_COUNTS = f"""{PREFIXES}
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  VALUES ?class {{ {" ".join(f"unsc:{name}" for name, _ in ENTRY_POINTS)} }}
  ?s a ?class
  FILTER(?class != unsc:Document || EXISTS {{ ?s unsc:sourceFile|unsc:contentHash ?any }})
}} GROUP BY ?class"""

_THEMES = f"""{PREFIXES}
SELECT (COUNT(DISTINCT ?theme) AS ?n) WHERE {{ ?m a unsc:Meeting ; unsc:theme ?theme }}"""

_MEETINGS = f"""{PREFIXES}
SELECT ?m (SAMPLE(?d) AS ?date) (SAMPLE(?t) AS ?theme) (SAMPLE(?f) AS ?format)
       (SAMPLE(?no) AS ?number) WHERE {{
  ?m a unsc:Meeting ; unsc:date ?d .
  OPTIONAL {{ ?m unsc:theme ?t }} OPTIONAL {{ ?m unsc:format ?f }}
  OPTIONAL {{ ?m unsc:meetingNumber ?no }}
}} GROUP BY ?m ORDER BY DESC(?date) LIMIT 6"""

_RESOLUTIONS = f"""{PREFIXES}
SELECT ?r (SAMPLE(?s) AS ?symbol) (SAMPLE(?a) AS ?adopted) (SAMPLE(?n) AS ?number) WHERE {{
  ?r a unsc:Resolution ; unsc:number ?n .
  OPTIONAL {{ ?r unsc:symbol ?s }} OPTIONAL {{ ?r unsc:adopted ?a }}
}} GROUP BY ?r ORDER BY DESC(?number) LIMIT 6"""


@dataclass(frozen=True)
class Entry:
    """One line of a "latest" list."""

    label: str
    href: str
    date: str
    detail: str
    label_lang: str = ""  # the label's language when it differs from the interface's


def _meeting(row: Row, labels: dict[str, str], config: PageConfig, language: str) -> Entry:
    """A meeting is known by its theme, else by its number, else by its date."""
    theme, number = value(row, "theme"), value(row, "number")
    theme_lang = lang(row, "theme").split("-")[0] or "zh"
    named = f"第{number}次会议" if language == "zh" else f"Meeting {number}"
    shown = theme or (named if number else "")
    fmt = value(row, "format")
    return Entry(
        shown or value(row, "date") or "",
        href(value(row, "m") or "", config.base_iri),
        value(row, "date") or "",
        label_or_name(labels, fmt) if fmt else "",
        theme_lang if theme and theme_lang != language else "",
    )


@dataclass(frozen=True)
class Home:
    """Counts per entry point (kind -> number) and the latest meetings and resolutions."""

    counts: dict[str, int]
    meetings: list[Entry]
    resolutions: list[Entry]


async def count_entries(runner: SparqlRunner) -> dict[str, int]:
    """How many of each entry point's things the store holds, and how many themes."""
    kinds = {f"{name}": kind for name, kind in ENTRY_POINTS}
    counts = {kind: 0 for _, kind in ENTRY_POINTS}
    for row in rows(await runner.select(_COUNTS)):
        name = (value(row, "class") or "").rsplit("#", 1)[-1]
        counts[kinds[name]] = int(value(row, "n") or 0)
    counts["themes"] = int(value(rows(await runner.select(_THEMES))[0], "n") or 0)
    return counts


@dataclass
class HomeCache:
    """The home page's data for one generation of the store, per language (see above)."""

    store: Path | None
    generation: Fingerprint | None = None
    pages: dict[str, Home] = field(default_factory=dict)
    computed: int = 0  # how many times the counts were queried (the tests read it)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def get(self, runner: SparqlRunner, config: PageConfig, language: str) -> Home:
        """The page's data, queried again only when the store's folder changed."""
        async with self.lock:
            now = await asyncio.to_thread(fingerprint, self.store) if self.store else None
            if now is None or now != self.generation:
                self.pages, self.generation = {}, now
            if not self.pages:
                self.computed += 1
            if language not in self.pages:
                counts = next(iter(self.pages.values())).counts if self.pages else None
                self.pages[language] = await home(runner, config, language, counts)
            return self.pages[language]


async def home(
    runner: SparqlRunner, config: PageConfig, language: str, counts: dict[str, int] | None = None
) -> Home:
    """Everything the home page shows (``counts`` when already known)."""
    counts = counts or await count_entries(runner)
    found = rows(await runner.select(_MEETINGS))
    formats = {value(r, "format") or "" for r in found}
    labels = await fetch_labels(runner, formats, language)
    meetings = [_meeting(r, labels, config, language) for r in found]
    resolutions = [
        Entry(
            value(r, "symbol") or value(r, "number") or "",
            href(value(r, "r") or "", config.base_iri),
            value(r, "adopted") or "",
            "",
        )
        for r in rows(await runner.select(_RESOLUTIONS))
    ]
    return Home(counts, meetings, resolutions)
