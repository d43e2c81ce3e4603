"""CORS for every route, configurable, open for reading by default.

Starlette's ``CORSMiddleware`` wraps every response to add ``Vary: Origin``, even for requests
without an ``Origin`` header (curl, SPARQL clients, other servers); on the query hot path that
wrapper costs more than a point query. This one leaves such requests untouched.

Allowed: the configured origins (``*`` for any), methods GET, HEAD and POST (queries may be
POSTed), request headers ``Accept`` and ``Content-Type``. ``Authorization`` is not allowed, so
a web page on another site cannot send an update even if its user holds the token.
"""

from __future__ import annotations

from typing import Any

from unsckg.server.asgi import Receive, Scope, Send, header

METHODS = b"GET, HEAD, POST"
HEADERS = b"Accept, Content-Type"


class Cors:
    def __init__(self, app: Any, origins: tuple[str, ...]) -> None:
        self.app = app
        self.any = "*" in origins
        self.origins = frozenset(origins)

    def allow(self, origin: str) -> list[tuple[bytes, bytes]]:
        if self.any:
            return [(b"access-control-allow-origin", b"*")]
        if origin in self.origins:
            return [(b"access-control-allow-origin", origin.encode()), (b"vary", b"Origin")]
        return []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        origin = header(scope, b"origin") if scope["type"] == "http" else None
        if origin is None:
            await self.app(scope, receive, send)
            return
        allowed = self.allow(origin)
        if scope["method"] == "OPTIONS" and header(scope, b"access-control-request-method"):
            await self.preflight(send, allowed)
            return

        async def cors_send(message: Any) -> None:
            if message["type"] == "http.response.start" and allowed:
                message = {**message, "headers": [*message.get("headers", []), *allowed]}
            await send(message)

        await self.app(scope, receive, cors_send)

    async def preflight(self, send: Send, allowed: list[tuple[bytes, bytes]]) -> None:
        headers = [(b"content-length", b"0"), *allowed]
        if allowed:
            headers.append((b"access-control-allow-methods", METHODS))
            headers.append((b"access-control-allow-headers", HEADERS))
            headers.append((b"access-control-max-age", b"600"))
        status = 204 if allowed else 403
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
