"""What must be decided about a SPARQL request before any of it runs.

Two sides, for two costs:

* In the HTTP process (the event loop), only linear substring tests: :func:`may_reach_network`
  says whether a text could possibly hold ``SERVICE`` or ``LOAD`` at all, and
  :func:`single_pattern` whether a query may be answered inline. Nothing here can take more
  than microseconds per kilobyte, whatever the text.
* In a worker process, under the query's time limit, before pyoxigraph sees the text
  (:func:`vet`): the nesting check (:func:`check_depth`) and, when the substring test says the
  network may be involved, a full parse with rdflib's SPARQL 1.1 grammar whose tree is walked
  for every ``SERVICE`` and ``LOAD`` (:func:`network_targets`). A text rdflib cannot parse is
  refused rather than guessed at; a text whose Unicode escapes stand for ASCII characters is
  refused too (the grammars may expand them at different stages). The decision rests on a
  parse tree, never on regular expressions over the text, which misread prefixed names like
  ``ex:a·\\#`` as comments.

Why ``SERVICE``/``LOAD`` matter: they make the store's HTTP client connect wherever the query
says, so a public endpoint would be a proxy into its own network (cloud metadata at
169.254.169.254, services on 127.0.0.1). A target is allowed only when, as a normalised URL,
it equals an allow-list entry (see :func:`normalise_url`): no prefix match, no dot segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from unsckg.server.errors import MalformedQuery, QueryTooComplex, ServiceRefused

MAX_DEPTH = 64  # brackets nested in brackets: pyoxigraph's recursion overflows near 1,000
MAX_PATTERNS = 256  # OPTIONAL, MINUS, UNION...: each adds a level to the algebra tree
MAX_OPERATORS = 4096  # + - * / = < > ! | &: each adds a level to an expression tree


def may_reach_network(text: str) -> bool:
    """Whether ``text`` could hold a ``SERVICE`` or ``LOAD`` keyword: both are ASCII words,
    case-insensitive, so a text lacking them (and lacking ``\\u`` escapes, which could spell
    them) cannot make a connection. Linear; errs towards True."""
    lowered = text.lower()
    return "service" in lowered or "load" in lowered or "\\u" in lowered


@dataclass(slots=True)
class Vetted:
    """What :func:`vet` learnt: whether the text has a dataset clause (``FROM``), and the
    network targets (IRI text, or None for a variable or a prefixed name)."""

    has_from: bool = False
    network: list[tuple[str, str | None]] = field(default_factory=list)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _ascii_escape(text: str) -> bool:
    return any(int(m.group(1) or m.group(2), 16) < 0x80 for m in _ESCAPE.finditer(text))


def _parse(text: str, *, update: bool) -> Any:
    from rdflib.plugins.sparql import parser

    try:
        return parser.parseUpdate(text) if update else parser.parseQuery(text)
    except RecursionError:
        raise QueryTooComplex("the query is nested too deeply to check") from None
    except Exception as error:  # pyparsing's ParseException, rdflib's ValueError
        raise MalformedQuery(
            "this query mentions SERVICE or LOAD (or uses \\u escapes) and could not be "
            f"checked by the endpoint's SPARQL parser: {str(error)[:200]}"
        ) from None


def _nodes(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree, iteratively (no recursion limit to hit)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _target(term: Any) -> str | None:
    from rdflib import URIRef

    return str(term) if isinstance(term, URIRef) else None


def network_targets(text: str, *, update: bool) -> Vetted:
    """Parse ``text`` with rdflib's SPARQL grammar and collect its network targets and
    whether it has ``FROM``; raises :class:`MalformedQuery` when it cannot be parsed."""
    if _ascii_escape(text):
        raise ServiceRefused(
            "\\u escapes of ASCII characters are refused: they could spell SERVICE or LOAD "
            "where the endpoint's check would not see it; write the characters directly"
        )
    found = Vetted()
    for node in _nodes(_parse(text, update=update)):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            found.network.append(("SERVICE", _target(dict.get(node, "term"))))
        elif name == "Load":
            found.network.append(("LOAD", _target(dict.get(node, "iri"))))
        elif isinstance(node, dict) and dict.get(node, "datasetClause"):
            found.has_from = True
    return found


_TOKENS = re.compile(
    r"""
    \\.
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '''(?:[^'\\]|\\.|'(?!''))*'''
  | "(?:[^"\\\n\r]|\\.)*"
  | '(?:[^'\\\n\r]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>
  | \#[^\n\r]*
  | [A-Za-z][\w:.-]*
  | [{(\[]
  | [})\]]
  | [-+*/=<>!|&]
    """,
    re.VERBOSE,
)
_PATTERNS = frozenset(
    {"OPTIONAL", "MINUS", "UNION", "BIND", "FILTER", "GRAPH", "SERVICE", "SELECT", "EXISTS"}
)


def check_depth(text: str) -> None:
    """Refuse (400) a text nested deeper than pyoxigraph evaluates safely: its parser and
    evaluator recurse once per level, and a few thousand levels overflow the stack and kill
    the process. One linear pass over the tokens (strings, IRIs and comments skipped)."""
    depth = deepest = patterns = operators = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        if first in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif first in "})]":
            depth -= 1
        elif first.isalpha():
            patterns += token.upper() in _PATTERNS
        elif len(token) == 1 and first in "-+*/=<>!|&":
            operators += 1
    if deepest > MAX_DEPTH or patterns > MAX_PATTERNS or operators > MAX_OPERATORS:
        raise QueryTooComplex(
            f"the query is too deeply nested or too long to evaluate safely (limits: "
            f"{MAX_DEPTH} nested brackets, {MAX_PATTERNS} graph patterns, "
            f"{MAX_OPERATORS} operators)"
        )


def normalise_url(iri: str) -> str | None:
    """``iri`` as a comparable URL (scheme and host lower-cased, default port dropped, empty
    path as ``/``), or None when it is not one an endpoint may be reached at: not HTTP(S), no
    host, user info, a malformed port, a fragment, or dot segments (``/a/../b``, also
    percent-encoded), which a server may resolve differently from us."""
    try:
        parts = urlsplit(iri)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("http", "https") or not host or "@" in parts.netloc or parts.fragment:
        return None
    path = parts.path or "/"
    segments = path.lower().replace("%2e", ".").split("/")
    if any(segment in (".", "..") for segment in segments) or "\\" in path:
        return None
    default = 443 if scheme == "https" else 80
    netloc = host if port in (None, default) else f"{host}:{port}"
    if ":" in host:
        netloc = f"[{host}]" if port in (None, default) else f"[{host}]:{port}"
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def is_allowed(iri: str, allowlist: tuple[str, ...]) -> bool:
    """Whether ``iri``, normalised, equals a normalised allow-list entry (exact match)."""
    target = normalise_url(iri)
    return target is not None and any(normalise_url(entry) == target for entry in allowlist)


def check_network(found: Vetted, allowlist: tuple[str, ...]) -> None:
    """Refuse every ``SERVICE``/``LOAD`` the allow-list does not cover, before anything runs."""
    for keyword, target in found.network:
        if not allowlist:
            raise ServiceRefused(
                f"{keyword} is disabled on this endpoint: it makes no outgoing requests"
            )
        if target is None:
            raise ServiceRefused(f"{keyword} needs a literal, absolute IRI on this endpoint")
        if not is_allowed(target, allowlist):
            raise ServiceRefused(f"{keyword} <{target}> is not in this endpoint's allow-list")


def vet(text: str, allowlist: tuple[str, ...], *, update: bool, need_from: bool) -> Vetted:
    """Every check a text passes before pyoxigraph sees it; run in a worker (see above).
    ``need_from``: the caller needs to know whether a query has ``FROM``."""
    check_depth(text)
    if may_reach_network(text):
        found = network_targets(text, update=update)
        check_network(found, allowlist)
        return found
    if need_from and "from" in text.lower():
        try:
            return network_targets(text, update=update)
        except MalformedQuery:  # pyoxigraph reports the syntax error, if there is one
            return Vetted(has_from=True)
    return Vetted()


_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_PNAME = r"(?:[^\W\d][\w.-]*)?:[\w.-]*"
_TERM = rf'(?:{_IRI}|[?$]\w+|{_PNAME}|a|"(?:[^"\\\n\r]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?)'
_SINGLE = re.compile(
    rf"\s*(?:PREFIX\s*(?:[^\W\d][\w.-]*)?:\s*{_IRI}\s*|BASE\s*{_IRI}\s*)*"
    r"(?:SELECT\s*(?:\*|(?:[?$]\w+\s*)+)|ASK)\s*(?:WHERE\s*)?"
    rf"\{{\s*{_TERM}\s+{_TERM}\s+{_TERM}\s*\.?\s*\}}\s*(?:LIMIT\s+\d+\s*)?",
    re.IGNORECASE,
)
SINGLE_MAX = 4096  # characters: a single-pattern query is short


def single_pattern(text: str) -> bool:
    """Whether ``text`` is ``SELECT vars|* [WHERE] { s p o [.] } [LIMIT n]`` or
    ``ASK { s p o }``: a query whose evaluation is one index scan that yields every row it
    touches, so its cost stays proportional to its output and can be cut at any output chunk.
    Such queries may run inline, in the HTTP process, which has network access and no parse
    guard: so anything that could name the network, or hold an escape, is never one. One
    anchored regular expression on a bounded length, so that the check costs microseconds."""
    if len(text) > SINGLE_MAX or "\\" in text or may_reach_network(text):
        return False
    return _SINGLE.fullmatch(text) is not None
