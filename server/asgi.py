"""Small ASGI helpers for the hot paths, which bypass FastAPI's request machinery.

The SPARQL endpoint answers thousands of point queries a second; FastAPI's dependency
injection and response classes would cost more than the query itself. These helpers read the
body under the size limit, send replies whole or streamed from the worker's spool file, and
render :class:`EndpointError` in the one JSON shape.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from unsckg.server.errors import (
    BadRequest,
    EndpointError,
    MethodNotAllowed,
    RequestTooLarge,
    TooManyRequests,
    error_body,
)
from unsckg.server.wire import Message

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]
CHUNK = 256 * 1024
JSON = b"application/json"


def header(scope: Scope, name: bytes) -> str | None:
    """The value of request header ``name`` (lower-case bytes), or None."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def media_type(value: str | None) -> str:
    """The bare, lower-case media type of a ``Content-Type`` value."""
    return (value or "").split(";", 1)[0].strip().lower()


_HEX_DIGITS = "0123456789abcdefABCDEF"
_HEX_BYTE = {(a + b).encode(): bytes([int(a + b, 16)]) for a in _HEX_DIGITS for b in _HEX_DIGITS}


def unquote(raw: bytes) -> str:
    """Percent-decode one form field (``+`` is a space), as ``urllib``'s ``unquote_to_bytes``
    does; an invalid escape (``%zz``) stays as it is, as urllib leaves it.

    Why not urllib: a SPARQL query in a URL is mostly escapes, and a Python step per escape
    (8 microseconds for a point query's 40) showed up in the HTTP process's profile. Here the
    escapes become ``\\xHH`` (the text's own backslashes doubled first) and the C codec of
    Python's bytes literals decodes them all in one call (under a microsecond); a text with
    an invalid escape, which that codec refuses, takes the per-escape road."""
    escaped = raw.replace(b"\\", b"\\\\").replace(b"+", b" ").replace(b"%", b"\\x")
    try:
        decoded = codecs.escape_decode(escaped)[0]
    except ValueError:
        decoded = _unquote_leniently(raw.replace(b"+", b" "))
    try:
        return decoded.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("request parameters must be UTF-8") from None


def _unquote_leniently(raw: bytes) -> bytes:
    """Percent-decoding that keeps invalid escapes, one table look-up per escape."""
    parts = raw.split(b"%")
    return parts[0] + b"".join(
        [_HEX_BYTE.get(part[:2], b"%" + part[:2]) + part[2:] for part in parts[1:]]
    )


def query_params(raw: bytes) -> list[tuple[str, str]]:
    """``application/x-www-form-urlencoded`` pairs (URL query or form body), UTF-8."""
    pairs = []
    for part in raw.split(b"&"):
        if part:
            name, _, value = part.partition(b"=")
            pairs.append((unquote(name), unquote(value)))
    return pairs


async def read_body(scope: Scope, receive: Receive, limit: int) -> bytes:
    """The whole request body; :class:`RequestTooLarge` as soon as it passes ``limit``."""
    declared = header(scope, b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise RequestTooLarge(f"the request body exceeds {limit} bytes")
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        body += message.get("body", b"")
        if len(body) > limit:
            raise RequestTooLarge(f"the request body exceeds {limit} bytes")
        if not message.get("more_body", False):
            break
    return bytes(body)


class DisconnectWatch:
    """A future that completes when the client disconnects; call after the body was read.

    Listening costs a task per request, so it only starts after ``delay`` seconds: a query
    that answers sooner never pays for it, and a long one is still stopped soon after its
    client leaves. ``close`` must be called when the response is done.
    """

    def __init__(self, receive: Receive, delay: float = 0.05) -> None:
        loop = asyncio.get_running_loop()
        self.receive = receive
        self.gone: asyncio.Future[None] = loop.create_future()
        self.task: asyncio.Task[None] | None = None
        self.timer = loop.call_later(delay, self._start)

    def _start(self) -> None:
        self.task = asyncio.ensure_future(self._listen())

    async def _listen(self) -> None:
        while (await self.receive())["type"] != "http.disconnect":
            pass
        if not self.gone.done():
            self.gone.set_result(None)

    def close(self) -> None:
        self.timer.cancel()
        if self.task is not None:
            self.task.cancel()
        if not self.gone.done():
            self.gone.cancel()


async def send_bytes(
    send: Send,
    status: int,
    content_type: bytes,
    body: bytes,
    extra: Iterable[tuple[bytes, bytes]] = (),
) -> None:
    headers: Headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def send_error(send: Send, error: EndpointError) -> None:
    extra: Headers = []
    if isinstance(error, MethodNotAllowed):
        extra.append((b"allow", ", ".join(error.allowed).encode()))
    if isinstance(error, TooManyRequests):
        extra.append((b"retry-after", str(error.retry_after).encode()))
    await send_bytes(send, error.status, JSON, error_body(error), extra)


async def send_reply(
    send: Send,
    reply: Message,
    content_type: str,
    *,
    head: bool = False,
    extra: Iterable[tuple[bytes, bytes]] = (),
    disconnected: asyncio.Future[None] | None = None,
) -> None:
    """Send a worker's reply: inline bytes, or the spool file streamed in chunks and deleted.

    The file is unlinked as soon as it is open, so it disappears even if the client goes away
    half-way; memory stays at one chunk whatever the size of the result.
    """
    body = reply.get("body")
    if body is not None:
        await send_bytes(send, 200, content_type.encode(), body, extra)
        return
    path = reply["path"]
    handle = open(path, "rb")  # noqa: SIM115 - closed below, unlinked at once
    os.unlink(path)
    with handle:
        headers: Headers = [
            (b"content-type", content_type.encode()),
            (b"content-length", str(reply["size"]).encode()),
            *extra,
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        while not head and (chunk := handle.read(CHUNK)):
            if disconnected is not None and disconnected.done():
                return
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


def discard(reply: Message) -> None:
    """Delete a reply's spool file when the reply will not be sent."""
    path = reply.get("path")
    if path:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
