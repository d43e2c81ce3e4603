"""Content negotiation: ``Accept`` with q-values, and the ``format`` parameter fallback.

Formats are named by short keys (``json``, ``turtle`` …) that the worker processes map to
pyoxigraph's serialisers; the HTTP side only deals in keys and media types. Matching follows
RFC 9110 §12.5.1: the most specific media range that matches a type gives its quality, ``q=0``
excludes, and ties go to the server's order of preference (the order of the tables below).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from unsckg.server.errors import BadRequest, NotAcceptable


@dataclass(frozen=True, slots=True)
class Format:
    """A serialisation the endpoint can produce: its key, media types (first is canonical)."""

    key: str
    media_types: tuple[str, ...]
    names: tuple[str, ...]

    @property
    def content_type(self) -> str:
        media = self.media_types[0]
        return f"{media}; charset=utf-8" if _is_text(media) else media


def _is_text(media: str) -> bool:
    return media.startswith("text/") or media in {"application/n-triples", "application/n-quads"}


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", ("application/sparql-results+json", "application/json"), ("json", "srj")),
    Format(
        "xml", ("application/sparql-results+xml", "application/xml", "text/xml"), ("xml", "srx")
    ),
    Format("csv", ("text/csv",), ("csv",)),
    Format("tsv", ("text/tab-separated-values",), ("tsv",)),
)

GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", ("text/turtle", "application/x-turtle"), ("turtle", "ttl")),
    Format("ntriples", ("application/n-triples", "text/plain"), ("ntriples", "nt", "n-triples")),
    Format(
        "rdfxml", ("application/rdf+xml", "application/xml", "text/xml"), ("rdfxml", "rdf", "xml")
    ),
    Format("jsonld", ("application/ld+json", "application/json"), ("jsonld", "json-ld", "json")),
    Format("trig", ("application/trig",), ("trig",)),
    Format("nquads", ("application/n-quads",), ("nquads", "nq", "n-quads")),
)

HTML = Format("html", ("text/html", "application/xhtml+xml"), ("html",))

BY_KEY: dict[str, Format] = {f.key: f for f in (*RESULT_FORMATS, *GRAPH_FORMATS, HTML)}


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media: str) -> int:
        """-1 if this range does not match ``media``, else 0 (*/*), 1 (type/*) or 2 (exact)."""
        kind, _, sub = media.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> tuple[MediaRange, ...]:
    """Parse an ``Accept`` header; a missing or empty header accepts anything."""
    if not header or not header.strip():
        return (MediaRange("*", "*", 1.0),)
    ranges: list[MediaRange] = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        ranges.append(MediaRange(kind, sub, _quality(params)))
    return tuple(ranges)


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(1.0, max(0.0, float(value.strip())))
            except ValueError:
                return 0.0
    return 1.0


def _quality_of(fmt: Format, ranges: tuple[MediaRange, ...]) -> float:
    best_q, best_spec = 0.0, -1
    for media in fmt.media_types:
        for media_range in ranges:
            spec = media_range.specificity(media)
            if spec > best_spec or (spec == best_spec and media_range.q > best_q):
                best_q, best_spec = media_range.q, spec
    return best_q if best_spec >= 0 else 0.0


def negotiate(ranges: tuple[MediaRange, ...], offers: tuple[Format, ...]) -> Format | None:
    """The acceptable offer of highest quality (server order breaks ties), or None."""
    best: Format | None = None
    best_q = 0.0
    for fmt in offers:
        q = _quality_of(fmt, ranges)
        if q > best_q:
            best, best_q = fmt, q
    return best


def by_name(name: str, offers: tuple[Format, ...]) -> Format | None:
    """Resolve a ``format`` parameter (a short name or a media type) among ``offers``."""
    wanted = name.strip().lower()
    for fmt in offers:
        if wanted in fmt.names or wanted in fmt.media_types:
            return fmt
    return None


@dataclass(frozen=True, slots=True)
class QueryFormats:
    """The chosen serialisation for each kind of query result (None: nothing acceptable)."""

    results: Format | None
    graph: Format | None


@functools.lru_cache(maxsize=512)
def choose_query_formats(accept: str | None, format_param: str | None) -> QueryFormats:
    """Pick result formats before the query form is known; the worker uses the relevant one.

    An explicit ``format`` parameter wins over ``Accept`` because browsers cannot set headers
    from a link, and their ``Accept`` always prefers HTML. Cached: clients send few distinct
    ``Accept`` headers, and negotiation is pure.
    """
    if format_param:
        results = by_name(format_param, RESULT_FORMATS)
        graph = by_name(format_param, GRAPH_FORMATS)
        if results is None and graph is None:
            raise BadRequest(f"unknown format {format_param!r}")
        return QueryFormats(results, graph)
    ranges = parse_accept(accept)
    return QueryFormats(negotiate(ranges, RESULT_FORMATS), negotiate(ranges, GRAPH_FORMATS))


def require(fmt: Format | None, what: str, offers: tuple[Format, ...]) -> Format:
    """``fmt`` or a 406 naming what could have been asked for."""
    if fmt is None:
        types = ", ".join(f.media_types[0] for f in offers)
        raise NotAcceptable(f"no acceptable format for {what}; available: {types}")
    return fmt
