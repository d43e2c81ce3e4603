"""Small helpers to write SPARQL safely and to read SPARQL JSON results.

Queries are built from IRIs and search text that come from the URL, so every value goes in
through ``iri()`` or ``literal()``, which refuse or escape what could break out of the term.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD
from unsckg.ontology.vocab import NAMESPACE as UNSC_NS

PREFIXES = "\n".join(
    f"PREFIX {name}: <{ns}>"
    for name, ns in (
        ("unsc", UNSC_NS),
        ("rdf", str(RDF)),
        ("rdfs", str(RDFS)),
        ("owl", str(OWL)),
        ("skos", str(SKOS)),
        ("prov", str(PROV)),
        ("xsd", str(XSD)),
    )
)

_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
Row = dict[str, dict[str, str]]


class BadTermError(ValueError):
    """A value from the request cannot be written as a SPARQL term."""


def iri(value: str) -> str:
    """Return ``<value>``, refusing characters that IRIREF forbids (so no query injection)."""
    if not value or _BAD_IRI.search(value):
        raise BadTermError(f"not an IRI: {value!r}")
    return f"<{value}>"


def literal(value: str) -> str:
    """Return a double-quoted SPARQL string literal with every special character escaped."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def rows(result: dict[str, Any]) -> list[Row]:
    """The bindings of a SPARQL JSON result (empty for ASK or a result with no rows)."""
    bindings = result.get("results", {}).get("bindings", [])
    return [dict(b) for b in bindings]


def value(row: Row, name: str) -> str | None:
    """The lexical value of one variable of a row, or None when it is unbound."""
    term = row.get(name)
    return term["value"] if term else None


def lang(row: Row, name: str) -> str:
    """The language tag of a literal binding ('' when none)."""
    term = row.get(name) or {}
    return str(term.get("xml:lang", ""))


def local_name(uri: str) -> str:
    """The part of an IRI after its last '#' or '/', for display when nothing better exists."""
    cut = max(uri.rfind("#"), uri.rfind("/"))
    return uri[cut + 1 :] if cut >= 0 and cut < len(uri) - 1 else uri


def uris(found: list[Row], *names: str) -> set[str]:
    """Every IRI bound to one of ``names`` in the rows (literals and blank nodes left out)."""
    return {
        term["value"]
        for row in found
        for name in names
        if (term := row.get(name)) and term.get("type") == "uri"
    }
