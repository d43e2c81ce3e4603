"""A lexical look at a SPARQL request, before any of it runs.

pyoxigraph exposes no parsed algebra, yet two decisions must be made before a query starts:

* ``SERVICE`` (and ``LOAD`` in updates) make the store's built-in HTTP client connect wherever
  the query says, so a public endpoint would be a proxy into its own network (cloud metadata at
  169.254.169.254, services on 127.0.0.1). Every ``SERVICE``/``LOAD`` keyword is found here and
  refused unless its target is a literal IRI covered by the allow-list.
* pyoxigraph's union-default-graph option silently overrides a query's own ``FROM`` clauses,
  so the endpoint must know whether ``FROM`` is present to honour it.

The scanner skips comments, string literals and IRIs, and reports keywords that stand as bare
words. It errs on the side of refusal: anything it cannot classify is scanned as bare text, so
a word ``SERVICE`` that is not really the keyword may be refused, never the reverse. Unicode
escapes (``\\u0053ERVICE``) are decoded before scanning, as the SPARQL grammar allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit

from unsckg.server.errors import ServiceRefused

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '''(?:[^'\\]|\\.|'(?!''))*'''
              | "(?:[^"\\\n\r]|\\.)*"
              | '(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d]\w*(?:[.-]+\w+)*)?:(?:[\w:%.-]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_NETWORK = frozenset({"SERVICE", "LOAD"})


@dataclass(slots=True)
class QueryShape:
    """What the scanner learnt: query form, ``FROM`` use, and network targets.

    A network target is the IRI text, or None when it is not a literal IRI (a variable, a
    prefixed or relative name), which is never allowed.
    """

    form: str | None = None
    has_from: bool = False
    network: list[tuple[str, str | None]] = field(default_factory=list)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [
        (m.lastgroup or "other", m.group())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("space", "comment")
    ]


def _scan_into(shape: QueryShape, text: str) -> None:
    tokens = _tokens(text)
    for index, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        word = value.upper()
        if word in _FORMS and shape.form is None:
            shape.form = word
        elif word == "FROM":
            shape.has_from = True
        elif word in _NETWORK:
            shape.network.append((word, _target(tokens, index + 1)))


def _target(tokens: list[tuple[str, str]], index: int) -> str | None:
    if index < len(tokens) and tokens[index][1].upper() == "SILENT":
        index += 1
    if index < len(tokens) and tokens[index][0] == "iri":
        return tokens[index][1][1:-1]
    return None


def scan(text: str) -> QueryShape:
    """Scan a query or update; see the module docstring for what is found and why."""
    shape = QueryShape()
    _scan_into(shape, text)
    if "\\u" in text or "\\U" in text:
        decoded = QueryShape()
        _scan_into(decoded, _unescape(text))
        shape.network.extend(decoded.network)
        shape.has_from = shape.has_from or decoded.has_from
    return shape


def _split(iri: str) -> SplitResult | None:
    try:
        parts = urlsplit(iri)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    return parts


def _port(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


def is_allowed(iri: str, allowlist: tuple[str, ...]) -> bool:
    """Whether ``iri`` is covered by an allow-list entry: same scheme, host and port, and a
    path that is the entry's path or below it (``/sparql`` covers ``/sparql/x``, not
    ``/sparqlx``). IRIs with user info or non-HTTP schemes are never allowed."""
    target = _split(iri)
    if target is None:
        return False
    for entry in allowlist:
        allowed = _split(entry)
        if allowed is None:
            continue
        same_origin = (
            target.scheme == allowed.scheme
            and target.hostname == allowed.hostname
            and _port(target) == _port(allowed)
        )
        base = allowed.path.rstrip("/")
        if same_origin and (target.path == base or target.path.startswith(base + "/") or not base):
            return True
    return False


def check_network(shape: QueryShape, allowlist: tuple[str, ...]) -> None:
    """Refuse every ``SERVICE``/``LOAD`` the allow-list does not cover, before anything runs."""
    for keyword, target in shape.network:
        if not allowlist:
            raise ServiceRefused(
                f"{keyword} is disabled on this endpoint: it makes no outgoing requests"
            )
        if target is None:
            raise ServiceRefused(f"{keyword} needs a literal, absolute IRI on this endpoint")
        if not is_allowed(target, allowlist):
            raise ServiceRefused(f"{keyword} <{target}> is not in this endpoint's allow-list")


_SUSPECTS = ("service", "load", "from", "\\u")


def quick_scan(text: str) -> QueryShape:
    """:func:`scan`, skipped when no word it looks for can occur at all (the common case)."""
    lowered = text.lower()
    if any(word in lowered for word in _SUSPECTS):
        return scan(text)
    return QueryShape()


_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_PNAME = r"(?:[^\W\d][\w.-]*)?:[\w.-]*"
_TERM = rf'(?:{_IRI}|[?$]\w+|{_PNAME}|a|"(?:[^"\\\n\r]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?)'
_SINGLE = re.compile(
    rf"\s*(?:PREFIX\s*(?:[^\W\d][\w.-]*)?:\s*{_IRI}\s*|BASE\s*{_IRI}\s*)*"
    r"(?:SELECT\s*(?:\*|(?:[?$]\w+\s*)+)|ASK)\s*(?:WHERE\s*)?"
    rf"\{{\s*{_TERM}\s+{_TERM}\s+{_TERM}\s*\.?\s*\}}\s*(?:LIMIT\s+\d+\s*)?",
    re.IGNORECASE,
)


def single_pattern(text: str) -> bool:
    """Whether ``text`` is ``SELECT vars|* [WHERE] { s p o [.] } [LIMIT n]`` or
    ``ASK { s p o }``: a query whose evaluation is one index scan that yields every row it
    touches, so its cost stays proportional to its output and can be cut at any output chunk.
    Such queries may run inline (see :mod:`unsckg.server.inline`); anything else - a join, a
    FILTER, an aggregate, an ORDER BY, OFFSET, DISTINCT, a dataset clause, a comment - may
    not. One anchored regular expression, so that the check costs microseconds."""
    return _SINGLE.fullmatch(text) is not None
