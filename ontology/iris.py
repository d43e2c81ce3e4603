"""The one place resource IRIs are built, and UN document symbols normalised.

Why one module: an IRI is an identity. If the mapping, the linker and the server each formatted
``id/document/…`` themselves, one of them would sooner or later write ``S-RES-2518 (2020)`` where
another writes ``S-RES-2518-2020`` and the graph would hold two documents. Every key is therefore
normalised here, and every key is made only of characters that need no percent-encoding in a
URL path, so that ``GET /id/{kind}/{key}`` maps back to the same IRI without re-encoding.

The base is configurable (``IriScheme(base=...)``, built at the edges and passed down); the
module-level ``DEFAULT`` uses ``https://w3id.org/unsc-kg/id/``.

>>> DEFAULT.document("S/2021/284")
rdflib.term.URIRef('https://w3id.org/unsc-kg/id/document/S-2021-284')
>>> normalize_symbol("Ｓ／ＲＥＳ／2518 (2020)")
'S/RES/2518(2020)'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/unsc-kg/id/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
UNDOCS = "https://undocs.org/"

KINDS = (
    "document",
    "state",
    "presidency",
    "resolution",
    "vote",
    "tally",
    "explanation",
    "meeting",
    "briefing",
    "person",
    "organization",
    "evidence",
    "term",
    "representation",
)
REFERENCE_GRAPHS = ("ontology", "states", "organizations", "officials", "build")

# Middle dots as documents write them (·, •, ・, ･, ‧, ⋅, ∙) all fold to U+00B7.
_MIDDLE_DOTS = str.maketrans(dict.fromkeys("•・･‧⋅∙", "·"))
# What a name key may keep: letters and digits of any script, "_", ".", "·", "(", ")", "-", "~";
# everything else (spaces, "/", "?", "#", "%", controls …) would need percent-encoding or split
# the path, and becomes "_".
_UNSAFE = re.compile(r"[^\w.·()\-~]+")
_RESOLUTION = re.compile(r"^(?:S/RES/)?(\d{1,5})\s*(?:\((\d{4})\))?$")
_HEX = re.compile(r"^[0-9a-f]{16,}$")


class IriError(ValueError):
    """A value that cannot become a resource key (empty, malformed, or of an unknown kind)."""


def normalize_symbol(symbol: str) -> str:
    """A UN document symbol in its one canonical form.

    Full-width characters become half-width (NFKC), all white space goes
    (``S/RES/2518 (2020)`` -> ``S/RES/2518(2020)``), the case of suffixes such as ``Add.1`` is
    kept. Raises ``IriError`` for an empty symbol.
    """
    text = unicodedata.normalize("NFKC", symbol)
    text = re.sub(r"\s+", "", text)
    if not text:
        raise IriError(f"empty document symbol: {symbol!r}")
    return text


def symbol_key(symbol: str) -> str:
    """The path key of a symbol: ``S/RES/2518 (2020)`` -> ``S-RES-2518-2020``."""
    text = normalize_symbol(symbol)
    return text.replace("/", "-").replace("(", "-").replace(")", "")


def parse_resolution(text: str) -> tuple[int, int | None]:
    """``2518(2020)``, ``S/RES/2518 (2020)`` or ``2518`` -> ``(2518, 2020)`` / ``(2518, None)``."""
    match = _RESOLUTION.match(normalize_symbol(text))
    if match is None:
        raise IriError(f"not a resolution number: {text!r}")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def resolution_symbol(number: int, year: int) -> str:
    """The symbol of a resolution's document: ``(2518, 2020)`` -> ``S/RES/2518(2020)``."""
    return f"S/RES/{number}({year})"


def name_key(name: str) -> str:
    """A person's or organisation's name as a path key: NFKC, one middle dot, no spaces.

    ``瓦西里 • 涅边贾`` -> ``瓦西里·涅边贾``; ``African Union`` -> ``African_Union``. Merging
    name variants (``邓廷贵`` / ``邓庭贵``) is entity resolution, not this function's job.
    """
    text = unicodedata.normalize("NFKC", name).translate(_MIDDLE_DOTS)
    text = re.sub(r"\s*·\s*", "·", text.strip())
    text = _UNSAFE.sub("_", text).strip("_.")
    if not text:
        raise IriError(f"empty name: {name!r}")
    return text


def wikidata(qid: str) -> URIRef:
    """The Wikidata entity IRI of ``Q881`` (the form ``owl:sameAs`` links use)."""
    if not re.fullmatch(r"Q\d+", qid):
        raise IriError(f"not a Wikidata id: {qid!r}")
    return URIRef(WIKIDATA_ENTITY + qid)


def undocs(symbol: str) -> URIRef:
    """The undocs.org page of a document: ``https://undocs.org/S/RES/2518(2020)``."""
    return URIRef(UNDOCS + normalize_symbol(symbol))


def _check_iso3(iso3: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        raise IriError(f"not an ISO 3166-1 alpha-3 code: {iso3!r}")
    return iso3


@dataclass(frozen=True, slots=True)
class IriScheme:
    """Resource IRIs under one base; ``graph_base`` defaults to the base's sibling ``graph/``."""

    base: str = DEFAULT_BASE
    graph_base: str = ""

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")
        if not self.graph_base:
            root = self.base[: -len("id/")] if self.base.endswith("/id/") else self.base
            object.__setattr__(self, "graph_base", root + "graph/")

    def iri(self, kind: str, key: str) -> URIRef:
        """``{base}{kind}/{key}``; the server uses it to turn ``/id/{kind}/{key}`` back."""
        if kind not in KINDS:
            raise IriError(f"unknown resource kind: {kind!r}")
        if not key:
            raise IriError(f"empty key for a {kind}")
        return URIRef(f"{self.base}{kind}/{key}")

    def parse(self, iri: str) -> tuple[str, str]:
        """The ``(kind, key)`` of one of our resource IRIs; ``IriError`` for any other IRI."""
        if not iri.startswith(self.base):
            raise IriError(f"not under {self.base}: {iri!r}")
        kind, _, key = iri[len(self.base) :].partition("/")
        if kind not in KINDS or not key:
            raise IriError(f"not a resource IRI: {iri!r}")
        return kind, key

    def document(self, symbol: str | None, digest: str | None = None) -> URIRef:
        """A document (and its named graph): by symbol, else ``h-`` and 16 hex of ``digest``.

        The digest is the caller's choice (ARCHITECTURE.md: sha256 of the source name).
        """
        if symbol:
            return self.iri("document", symbol_key(symbol))
        if digest is None or not _HEX.match(digest.lower()):
            raise IriError("a document without a symbol needs a hex digest")
        return self.iri("document", "h-" + digest.lower()[:16])

    def document_of(self, symbol: str | None, source_name: str) -> URIRef:
        """A document by symbol, else by the sha256 of its source file name (ARCHITECTURE.md)."""
        digest = hashlib.sha256(source_name.encode("utf-8")).hexdigest()
        return self.document(symbol, digest)

    def draft(self, symbol: str) -> URIRef:
        """A draft resolution is a document: ``S/2020/240`` -> ``id/document/S-2020-240``."""
        return self.document(symbol)

    def term(self, iso3: str, start: str) -> URIRef:
        """A Council term: ``id/term/SUN-1946-01-01`` (a state's seat from a day)."""
        return self.iri("term", f"{_check_iso3(iso3)}-{start}")

    def state(self, iso3: str) -> URIRef:
        return self.iri("state", _check_iso3(iso3))

    def presidency(self, year: int, month: int) -> URIRef:
        if not 1 <= month <= 12:
            raise IriError(f"not a month: {month}")
        return self.iri("presidency", f"{year:04d}-{month:02d}")

    def resolution(self, number: int | str) -> URIRef:
        """By number: ``2518``, ``"2518(2020)"`` and ``"S/RES/2518 (2020)"`` give one IRI."""
        value = number if isinstance(number, int) else parse_resolution(number)[0]
        return self.iri("resolution", str(value))

    def vote(self, draft_symbol: str, iso3: str) -> URIRef:
        """One member's vote on one draft: ``id/vote/S-2020-240/BEL``."""
        return self.iri("vote", f"{symbol_key(draft_symbol)}/{_check_iso3(iso3)}")

    def tally(self, subject_key: str) -> URIRef:
        """The tally of a vote, keyed by the draft's symbol key or ``res-<number>``."""
        return self.iri("tally", subject_key)

    def explanation(self, subject_key: str, iso3: str) -> URIRef:
        """A state's explanation of vote, keyed by a draft (``S-2020-240``)
        or a resolution (``res-2518``)."""
        return self.iri("explanation", f"{subject_key}/{_check_iso3(iso3)}")

    def meeting(self, date: str, discriminator: str | None = None) -> URIRef:
        """A meeting by its ISO date; a second meeting that day adds a discriminator (``am``,
        a meeting number). Deciding when two announcements are one meeting is the linker's."""
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise IriError(f"not an ISO date: {date!r}")
        key = date if discriminator is None else f"{date}-{name_key(discriminator)}"
        return self.iri("meeting", key)

    def briefing(self, meeting: URIRef, briefer_key: str) -> URIRef:
        """A briefing within a meeting: ``id/briefing/2021-04-08/<briefer key>``."""
        _, meeting_key = self.parse(meeting)
        return self.iri("briefing", f"{meeting_key}/{name_key(briefer_key)}")

    def person(self, name: str) -> URIRef:
        return self.iri("person", name_key(name))

    def representation(self, person: URIRef, iso3: str) -> URIRef:
        """A person acting for a state: ``id/representation/张军/CHN`` (the person's key)."""
        _, person_key = self.parse(person)
        return self.iri("representation", f"{person_key}/{_check_iso3(iso3)}")

    def organization(self, name: str) -> URIRef:
        return self.iri("organization", name_key(name))

    def evidence(self, document: URIRef, start: int, end: int) -> URIRef:
        """A span of a document: ``id/evidence/S-2021-284/120-158`` (end exclusive)."""
        if not 0 <= start <= end:
            raise IriError(f"bad span: {start}-{end}")
        _, document_key = self.parse(document)
        return self.iri("evidence", f"{document_key}/{start}-{end}")

    def graph(self, name: str) -> URIRef:
        """A reference graph (one of ``REFERENCE_GRAPHS``): ``{graph_base}states``."""
        if name not in REFERENCE_GRAPHS:
            raise IriError(f"unknown reference graph: {name!r}")
        return URIRef(self.graph_base + name)


DEFAULT = IriScheme()
