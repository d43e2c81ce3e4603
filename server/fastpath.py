"""The HTTP protocol's short-cut for queries answered inline, before any ASGI machinery.

Why: a point query costs pyoxigraph about 50 microseconds, and the inline runner answers it
in the HTTP process (see :mod:`unsckg.server.inline`); what is left of a request's cost is
then the web stack around it - an asyncio task per request, the ASGI scope and messages,
the access-log and CORS layers, the response's header assembly - which cost more than the
query. Oxigraph's own server spends about 100 microseconds on such a request in all.

How: :class:`FastHttpProtocol` is uvicorn's httptools protocol with one change. When the
headers of a ``GET``/``HEAD /sparql`` request are complete, it asks the app's
:class:`FastPath` for the whole response, synchronously; the fast path only answers what the
inline runner can answer at once (a single-pattern query within its budget) and returns
``None`` for anything else - errors included, and requests with an ``Origin`` header, which
need CORS - and the request then takes the normal ASGI path, which does everything again
with its full checks. So the short-cut changes the cost of the commonest request, never its
answer: same status, same headers (``Content-Type``, ``Content-Length``, ``Vary``, the
security headers, the server's default ``date``/``server`` headers), same access-log line.

It overrides one method of uvicorn's protocol (``_start_asgi_task``, where a request's task
is created), so ``pyproject.toml`` pins uvicorn's minor version; :func:`protocol_for` falls
back to the plain protocol if that method is gone.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, ClassVar

from unsckg.server.accesslog import LineSink, log_line
from unsckg.server.asgi import header
from unsckg.server.errors import BadRequest, error_body
from unsckg.server.headers import RAW
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle

if TYPE_CHECKING:
    from unsckg.server.protocol import SparqlEndpoint

PATH = "/sparql"
STATUS = b"HTTP/1.1 200 OK\r\n"


class FastPath:
    """Whole responses for the requests the inline runner answers at once."""

    def __init__(self, endpoint: SparqlEndpoint, sink: LineSink | None) -> None:
        self.endpoint, self.sink = endpoint, sink
        self.answered = 0  # requests answered here (tests and /health read it)

    def respond(
        self, scope: dict[str, Any], default_headers: list[tuple[bytes, bytes]], keep_alive: bool
    ) -> bytes | None:
        """The raw HTTP response, or None to let the ASGI app answer."""
        start = time.perf_counter()
        if header(scope, b"origin") is not None:
            return None  # CORS: the ASGI layer adds its headers
        answer = self.endpoint.inline_answer(scope)
        if answer is None:
            return None
        content_type, body = answer
        head = [STATUS]
        for name, value in default_headers:
            head += (name, b": ", value, b"\r\n")
        head += (
            b"content-type: ",
            content_type,
            b"\r\ncontent-length: ",
            str(len(body)).encode(),
            b"\r\nvary: accept\r\n",
            RAW,
        )
        if not keep_alive:
            head.append(b"connection: close\r\n")
        head.append(b"\r\n")
        if scope["method"] != "HEAD":
            head.append(body)
        self.answered += 1
        if self.sink is not None:
            elapsed = (time.perf_counter() - start) * 1000
            self.sink.add(log_line(scope, 200, len(body), elapsed))
        return b"".join(head)


class JsonErrorProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, answering requests it cannot parse (an over-long URL, a
    malformed request line) in the one JSON error shape with the security headers, instead
    of uvicorn's plain-text 400."""

    def send_400_response(self, msg: str) -> None:
        body = error_body(BadRequest(f"invalid HTTP request: {msg}"))
        content = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in self.server_state.default_headers:
            content += (name, b": ", value, b"\r\n")
        content += (
            b"content-type: application/json\r\ncontent-length: ",
            str(len(body)).encode(),
            b"\r\nconnection: close\r\n",
            RAW,
            b"\r\n",
            body,
        )
        self.transport.write(b"".join(content))
        self.transport.close()


class FastHttpProtocol(JsonErrorProtocol):
    """uvicorn's httptools protocol, answering :class:`FastPath` requests without a task.

    Subclassed per app by :func:`protocol_for` (uvicorn instantiates the protocol class
    itself, so the fast path travels as a class attribute).
    """

    fast_path: ClassVar[FastPath | None] = None

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        scope: Any = cycle.scope
        if (
            self.fast_path is not None
            and scope["path"] == PATH
            and scope["method"] in ("GET", "HEAD")
            and not cycle.waiting_for_100_continue
        ):
            response = self.fast_path.respond(
                scope, self.server_state.default_headers, cycle.keep_alive
            )
            if response is not None:
                self.transport.write(response)
                cycle.response_started = cycle.response_complete = True
                if not cycle.keep_alive:
                    self.transport.close()
                cycle.on_response()
                cycle.on_response = lambda: None
                return
        super()._start_asgi_task(cycle, app)


def protocol_for(fast_path: FastPath | None) -> type[HttpToolsProtocol]:
    """A protocol class bound to one app's fast path (uvicorn's own when there is none)."""
    if fast_path is None or not hasattr(HttpToolsProtocol, "_start_asgi_task"):
        return JsonErrorProtocol  # no fast path, or a uvicorn whose internals moved
    return type("BoundFastHttpProtocol", (FastHttpProtocol,), {"fast_path": fast_path})
