"""A structured access log: one JSON object per line, per request.

Fields: ``ts`` (Unix time), ``method``, ``path``, ``query_bytes`` (the URL query's length; the
query text itself is not logged: it can be large, and users may consider it private),
``status``, ``bytes`` (response body), ``ms`` (duration), ``client``.

Why not one ``logging`` call per request: building a ``LogRecord`` costs more than answering a
point query. Lines are collected and written in batches, at most :data:`FLUSH_SECONDS` after
the request, by a timer on the event loop; the sink is a text stream (stderr from ``run``).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import IO, Any

from unsckg.server.asgi import Receive, Scope, Send

FLUSH_SECONDS = 0.5


class LineSink:
    """Buffers log lines and writes them to ``stream`` in batches."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lines: list[str] = []
        self.timer: asyncio.TimerHandle | None = None

    def add(self, line: str) -> None:
        self.lines.append(line)
        if self.timer is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                self.flush()
                return
            self.timer = loop.call_later(FLUSH_SECONDS, self.flush)

    def flush(self) -> None:
        self.timer = None
        if self.lines:
            lines, self.lines = self.lines, []
            self.stream.write("\n".join(lines) + "\n")
            self.stream.flush()


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.:-_[]%")


def _json_string(value: str | None) -> str:
    """``json.dumps`` of a path or an address, skipped for the common plain ones."""
    if value is not None and _PLAIN.issuperset(value):
        return f'"{value}"'
    return json.dumps(value)


def log_line(scope: Scope, status: int, size: int, ms: float) -> str:
    """One request's line (built by hand: ``json.dumps`` of a dict costs more)."""
    client = scope.get("client")
    query_bytes = len(scope.get("query_string", b""))
    where = client[0] if client else None
    return access_line(scope["method"], scope["path"], query_bytes, status, size, ms, where)


def access_line(
    method: str, path: str, query_bytes: int, status: int, size: int, ms: float, client: str | None
) -> str:
    """The line of one request, from its fields (the fast path has no ASGI scope)."""
    return (
        f'{{"ts": {time.time():.3f}, "method": "{method}", "path": {_json_string(path)}, '
        f'"query_bytes": {query_bytes}, "status": {status}, "bytes": {size}, "ms": {ms:.2f}, '
        f'"client": {_json_string(client)}}}'
    )


class AccessLog:
    """Pure ASGI middleware, cheap enough for the SPARQL hot path."""

    def __init__(self, app: Any, sink: LineSink) -> None:
        self.app, self.sink = app, sink

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        state = [0, 0]  # status, body bytes

        async def logged_send(message: Any) -> None:
            if message["type"] == "http.response.body":
                state[1] += len(message.get("body", b""))
            elif message["type"] == "http.response.start":
                state[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            elapsed = (time.perf_counter() - start) * 1000
            self.sink.add(log_line(scope, state[0] or 500, state[1], elapsed))
