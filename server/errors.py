"""Errors of the endpoint, and their one JSON shape on the wire.

Every failure a client can see is an :class:`EndpointError` subclass carrying an HTTP status,
a stable machine-readable ``code`` and a human message. The HTTP edge renders all of them the
same way (see :func:`error_body`), so clients parse one shape::

    {"error": {"status": 400, "code": "malformed_query", "message": "error at 1:22: ..."}}

Hierarchy::

    EndpointError
    ├── ClientError (4xx: the request can be fixed by its sender)
    │   ├── MalformedQuery 400, BadRequest 400, QueryTooComplex 400
    │   ├── Unauthorized 401, Forbidden 403 (ServiceRefused), NotFound 404
    │   ├── MethodNotAllowed 405, NotAcceptable 406
    │   ├── RequestTooLarge 413, UnsupportedMediaType 415
    │   └── TooManyRequests 429 (the client's own concurrency cap; ``Retry-After``)
    └── ServerLimit (5xx: the server declined to finish)
        ├── ServiceFailed 502 (a federated SERVICE endpoint refused, broke off or was silent)
        ├── Overloaded 503 (no worker free in time), StoreUnavailable 503
        ├── QueryTimeout 504
        ├── ResultTooLarge 507
        └── InternalError 500 (never with a stack trace)
"""

from __future__ import annotations

import json
from typing import ClassVar


class EndpointError(Exception):
    """Base of every error the endpoint reports to a client."""

    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, object]:
        return {"status": self.status, "code": self.code, "message": self.message}


class ClientError(EndpointError):
    status = 400
    code = "bad_request"


class BadRequest(ClientError):
    pass


class MalformedQuery(ClientError):
    code = "malformed_query"


class QueryTooComplex(ClientError):
    """Nested or chained deeper than the store evaluates safely (checked before it runs)."""

    code = "query_too_complex"


class Unauthorized(ClientError):
    status = 401
    code = "unauthorized"


class Forbidden(ClientError):
    status = 403
    code = "forbidden"


class ServiceRefused(Forbidden):
    """SERVICE or LOAD towards an IRI that the allow-list does not cover."""

    code = "network_access_refused"


class NotFound(ClientError):
    status = 404
    code = "not_found"


class MethodNotAllowed(ClientError):
    status = 405
    code = "method_not_allowed"

    def __init__(self, message: str, allowed: tuple[str, ...]) -> None:
        super().__init__(message)
        self.allowed = allowed


class NotAcceptable(ClientError):
    status = 406
    code = "not_acceptable"


class RequestTooLarge(ClientError):
    status = 413
    code = "request_too_large"


class UnsupportedMediaType(ClientError):
    status = 415
    code = "unsupported_media_type"


class TooManyRequests(ClientError):
    """The client already has as many queries running or queued as one client may."""

    status = 429
    code = "too_many_requests"
    retry_after = 1  # seconds: about one point query's worth of queue to drain


class ServerLimit(EndpointError):
    status = 503
    code = "unavailable"


class ServiceFailed(ServerLimit):
    """A ``SERVICE`` endpoint the query reached (an allowed one) failed on the network: the
    fault is upstream, not ours (500) nor the client's (400), so 502 Bad Gateway."""

    status = 502
    code = "service_failed"


class Overloaded(ServerLimit):
    code = "overloaded"


class StoreUnavailable(ServerLimit):
    code = "store_unavailable"


class QueryTimeout(ServerLimit):
    status = 504
    code = "query_timeout"


class ResultTooLarge(ServerLimit):
    status = 507
    code = "result_too_large"


class InternalError(ServerLimit):
    status = 500
    code = "internal_error"


ERROR_CLASSES: dict[str, type[EndpointError]] = {
    cls.code: cls
    for cls in (
        BadRequest,
        MalformedQuery,
        QueryTooComplex,
        Unauthorized,
        Forbidden,
        ServiceRefused,
        NotFound,
        NotAcceptable,
        RequestTooLarge,
        UnsupportedMediaType,
        TooManyRequests,
        ServiceFailed,
        Overloaded,
        StoreUnavailable,
        QueryTimeout,
        ResultTooLarge,
        InternalError,
    )
}


def from_code(code: str, message: str) -> EndpointError:
    """Rebuild an error reported by a worker process (errors cross the pipe as code + text)."""
    return ERROR_CLASSES.get(code, InternalError)(message)


def error_body(error: EndpointError) -> bytes:
    """The one JSON error shape, as bytes ready to send."""
    return json.dumps({"error": error.to_dict()}, ensure_ascii=False).encode("utf-8")
