"""Validation of the protocol's parameters, in the HTTP process, before anything is queued.

Why a module: a value that reaches the worker pool unchecked can do harm there. ``timeout=nan``
once gave a NaN deadline that left a waiter queued forever and a worker handed to it, so the
pool shrank by one worker per request until every query answered 503. Every parameter is
therefore checked here, with linear work, and refused with a 400 in the one JSON error shape:
timeouts must be finite, at least a second and within the server's limit; formats known and short;
graph IRIs valid IRIs, few and short.
"""

from __future__ import annotations

import math

from unsckg.server.errors import BadRequest

MAX_NUMBER_CHARS = 32
MAX_FORMAT_CHARS = 128
MAX_IRI_CHARS = 4096
MAX_GRAPHS = 64
MIN_TIMEOUT = 1.0


def timeout_seconds(asked: str | None, limit: float) -> float:
    """The time limit for one request: ``limit``, or the shorter ``timeout=`` asked for."""
    if asked is None:
        return limit
    if len(asked) > MAX_NUMBER_CHARS:
        raise BadRequest(f"timeout must be at most {MAX_NUMBER_CHARS} characters")
    try:
        value = float(asked)
    except ValueError:
        raise BadRequest("timeout must be a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise BadRequest("timeout must be a finite, positive number of seconds")
    if value > limit:
        raise BadRequest(f"timeout must be at most this endpoint's limit, {limit:g} seconds")
    floor = min_timeout(limit)
    if value < floor:
        raise BadRequest(f"timeout must be at least {floor:g} seconds")
    return value


def min_timeout(limit: float) -> float:
    """The shortest ``timeout=`` accepted: ``MIN_TIMEOUT``, or the server's limit if shorter.

    Why a floor: the limit covers the wait for a worker and the parse, so a microsecond
    timeout stopped even a malformed query before its syntax error was found, and answered
    504 (a server error) to what is the client's mistake; schemathesis found it."""
    return min(MIN_TIMEOUT, limit)


def format_name(asked: str | None) -> str | None:
    """A ``format=`` value short enough to look up (unknown names are refused by
    :func:`unsckg.server.negotiation.choose_query_formats`)."""
    if asked is not None and len(asked) > MAX_FORMAT_CHARS:
        raise BadRequest(f"format must be at most {MAX_FORMAT_CHARS} characters")
    return asked


def graph_iris(name: str, values: list[str] | None) -> list[str] | None:
    """``default-graph-uri`` / ``named-graph-uri`` values: few, short, valid IRIs."""
    if values is None:
        return None
    if len(values) > MAX_GRAPHS:
        raise BadRequest(f"at most {MAX_GRAPHS} {name} values")
    import pyoxigraph as ox

    for value in values:
        if len(value) > MAX_IRI_CHARS:
            raise BadRequest(f"{name} values must be at most {MAX_IRI_CHARS} characters")
        try:
            ox.NamedNode(value)
        except ValueError as error:
            raise BadRequest(f"invalid {name} {value[:100]!r}: {error}") from None
    return values
