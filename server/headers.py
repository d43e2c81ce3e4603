"""Security headers on every response, whichever layer produced it.

Why: the pages show text taken from documents and from users' queries; a Content Security
Policy that allows scripts only from this origin (no inline script, no ``eval``) turns an
injection that slipped through the templates' escaping into inert text. ``nosniff`` stops
browsers from reading a JSON or Turtle answer as HTML or script; ``no-referrer`` keeps
query texts in URLs from leaking to other sites through links.

The policy is what the pages need and no more: their scripts and styles are files under
``/static`` (the vendored libraries included); styles may be inline, because YASGUI and
Cytoscape set them from script; images may be ``data:``/``blob:`` URLs (charts and graph
exports); requests go to this origin only. ``tests/server/test_endpoint_headers.py`` drives
every page in Chromium and fails on any violation.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
RAW = b"".join(name + b": " + value + b"\r\n" for name, value in HEADERS)  # for the fast path


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
