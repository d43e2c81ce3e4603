"""The HTTP protocol's short-cut for queries answered inline, before any ASGI machinery.

Why: a point query costs pyoxigraph about 40 microseconds, and the inline runner answers it
in the HTTP process (see :mod:`unsckg.server.inline`); what is left of a request's cost is
then the web stack around it - an asyncio task per request, the ASGI scope and messages,
the access-log and CORS layers, the response's header assembly - which cost more than the
query. Oxigraph's own server spends about 100 microseconds on such a request in all.

How: :class:`FastHttpProtocol` is uvicorn's httptools protocol with a short road. When the
headers of a ``GET``/``HEAD /sparql`` request are complete, it asks :meth:`FastPath.answer`
for the whole response, synchronously, before uvicorn builds the request's ASGI scope and
cycle; the fast path only answers what the inline runner can answer at once (a
single-pattern query within its budget, on the store's own default graph) and declines
anything else - errors included, and requests with an ``Origin`` header, which need CORS.
A declined request takes the normal ASGI path, which does everything again with its full
checks (told only what the short road learnt: the URL's decoded parameters, and whether
the query already ran over budget, so that it is not run inline twice). So the short-cut
changes the cost of the commonest request, never its answer: same status, same headers
(``Content-Type``, ``Content-Length``, ``Vary``, the security headers, the server's default
``date``/``server`` headers), same access-log line.

It overrides a few of uvicorn's protocol methods (the parser callbacks of a request's head
and body, and the keep-alive timer), so ``pyproject.toml`` pins uvicorn's minor version;
:func:`protocol_for` falls back to the plain protocol if those methods are gone.
"""

from __future__ import annotations

import logging
import time
from typing import Any, ClassVar

import httptools
from unsckg.server import asgi, parameters
from unsckg.server.accesslog import LineSink, access_line
from unsckg.server.errors import BadRequest, EndpointError, error_body
from unsckg.server.guard import single_pattern
from unsckg.server.headers import RAW
from unsckg.server.negotiation import choose_query_formats
from unsckg.server.pooled import DefaultHeaders, PooledJob, PooledRoad
from unsckg.server.pooled import start as start_pooled
from unsckg.server.protocol import INLINE_TRIED, URL_PAIRS, Params, SparqlEndpoint
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("unsckg.server")
PATH = b"/sparql"
STATUS = b"HTTP/1.1 200 OK\r\n"
TAIL = b"\r\nvary: accept\r\n" + RAW  # after the content length
QUERY = b"query="
METHODS = {b"GET": "GET", b"HEAD": "HEAD"}
Handover = dict[str, Any]  # what a declined request's ASGI scope is told


def _no_dataset(params: Params | None) -> bool:
    """True when the request names no dataset (which the inline runner cannot serve)."""
    if params is None:
        return True
    return params.many("default-graph-uri") is None and params.many("named-graph-uri") is None


class FastPath:
    """Whole responses for the requests the inline runner answers at once, and the worker
    requests of the others that the pooled road (:mod:`unsckg.server.pooled`) answers."""

    def __init__(self, endpoint: SparqlEndpoint, sink: LineSink | None) -> None:
        self.endpoint, self.sink = endpoint, sink
        self.settings = endpoint.settings
        self.answered = 0  # requests answered here (tests and /health read it)
        self.inline = None if self.settings.union_default_graph else endpoint.inline
        self.road = PooledRoad(endpoint.pool, sink)
        self._defaults = DefaultHeaders()
        self._types: dict[tuple[bytes | None, str | None], tuple[str, bytes] | None] = {}

    def answer(
        self,
        method: bytes,
        query_string: bytes,
        headers: list[tuple[bytes, bytes]],
        client: tuple[str, int] | None,
        keep_alive: bool,
        default_headers: list[tuple[bytes, bytes]],
    ) -> bytes | PooledJob | Handover:
        """The raw HTTP response to ``method /sparql?query_string`` from ``client``, the
        worker request for the pooled road, or what to tell the ASGI path that will answer
        instead."""
        start = time.perf_counter()
        accept = None
        for name, value in headers:
            if name == b"origin":
                return {}  # CORS: the ASGI layer adds its headers
            if name == b"accept" and accept is None:
                accept = value
        handover: Handover = {}
        try:
            outcome = self._run(method, query_string, accept, handover, start)
        except EndpointError:
            return handover  # the normal path reports it
        if outcome is None or isinstance(outcome, PooledJob):
            return handover if outcome is None else outcome
        body, content_type = outcome
        response = self._response(default_headers, content_type, body, method, keep_alive)
        self.answered += 1
        if self.sink is not None:
            elapsed = (time.perf_counter() - start) * 1000
            where = client[0] if client else None
            size, asked = len(body), len(query_string)
            self.sink.add(access_line(METHODS[method], "/sparql", asked, 200, size, elapsed, where))
        return response

    def _run(
        self,
        method: bytes,
        query_string: bytes,
        accept: bytes | None,
        handover: Handover,
        start: float,
    ) -> tuple[bytes, bytes] | PooledJob | None:
        """The body and content type of an inline answer, else the pooled road's job; None
        when declined (then ``handover`` says what was learnt), an :class:`EndpointError`
        when the normal path must report."""
        if len(query_string) > self.settings.max_request_bytes:
            return None
        params: Params | None = None
        if query_string.startswith(QUERY) and b"&" not in query_string:
            query: str | None = asgi.unquote(query_string[6:])
            asked = None  # the commonest request: the query alone
        else:
            params = self._parameters(query_string, handover)
            if params is None:
                return None
            query, asked = params.one("query"), parameters.format_name(params.one("format"))
        if query is None:
            return None  # the service description, from the normal path
        inline = self.inline is not None and single_pattern(query) and _no_dataset(params)
        if inline:
            chosen = self._format(accept, asked)
            if chosen is None:
                return None  # nothing acceptable: a 406, from the normal path
            body = self.inline.run_single(query, chosen[0])  # type: ignore[union-attr]
            if body is not None:
                return body, chosen[1]
            handover[INLINE_TRIED] = True  # over budget; should the normal path answer
        text = None if accept is None else accept.decode("latin-1")
        message = self.endpoint.message_for(text, params or Params([("query", query)]), query)
        if inline:
            message["single"] = True  # over budget; checked: the worker need not vet it
        return PooledJob(message, METHODS[method], len(query_string), start)

    def _parameters(self, query_string: bytes, handover: Handover) -> Params | None:
        """The parameters of a request with several, checked as the normal path checks them
        before it runs a query; None when it is not a query."""
        pairs = asgi.query_params(query_string)
        handover[URL_PAIRS] = pairs  # decoded once: the normal path reuses them
        params = Params(pairs)
        if params.one("update") is not None:
            return None
        parameters.timeout_seconds(params.one("timeout"), self.settings.query_timeout)
        return params

    def _format(self, accept: bytes | None, asked: str | None) -> tuple[str, bytes] | None:
        """The results format's key and content type for this ``Accept`` and ``format=``
        (cached: clients send few distinct ones); None when nothing is acceptable."""
        key = (accept, asked)
        try:
            return self._types[key]
        except KeyError:
            pass
        text = None if accept is None else accept.decode("latin-1")
        results = choose_query_formats(text, asked).results  # BadRequest: not cached
        chosen = None if results is None else (results.key, results.content_type.encode())
        if len(self._types) < 512:
            self._types[key] = chosen
        return chosen

    def _response(
        self,
        default_headers: list[tuple[bytes, bytes]],
        content_type: bytes,
        body: bytes,
        method: bytes,
        keep_alive: bool,
    ) -> bytes:
        defaults = self._defaults.joined(default_headers)
        head = (STATUS, defaults, b"content-type: ", content_type, b"\r\ncontent-length: ")
        close = b"" if keep_alive else b"connection: close\r\n"
        content = b"" if method == b"HEAD" else body
        return b"".join((*head, str(len(body)).encode(), TAIL, close, b"\r\n", content))


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
    """uvicorn's httptools protocol, answering :class:`FastPath` requests before uvicorn
    builds their scope and cycle (the scope is built only for requests it declines).

    Subclassed per app by :func:`protocol_for` (uvicorn instantiates the protocol class
    itself, so the fast path travels as a class attribute).
    """

    fast_path: ClassVar[FastPath | None] = None
    answered_here = False  # the request being parsed was answered by the fast path
    idle_since: float | None = None  # when the connection last fell idle; None: busy

    def on_message_begin(self) -> None:
        self.url = b""
        self.expect_100_continue = False
        self.headers = []
        self.answered_here = False

    def _begin_scope(self) -> None:
        """uvicorn's scope for the request being parsed, as its ``on_message_begin`` makes
        it, keeping the URL and headers parsed so far."""
        url, headers, expect = self.url, self.headers, self.expect_100_continue
        super().on_message_begin()
        self.url, self.headers, self.expect_100_continue = url, headers, expect
        self.scope["headers"] = headers

    def on_headers_complete(self) -> None:
        handover = self._try_fast_path()
        if handover is None:
            return
        self._begin_scope()
        self.scope.update(handover)  # type: ignore[typeddict-item]
        super().on_headers_complete()

    def _try_fast_path(self) -> Handover | None:
        """None when the fast path answered, else what to tell the ASGI path."""
        fast, parser = self.fast_path, self.parser
        if fast is None or self.expect_100_continue or parser.should_upgrade():
            return {}
        if not (self.cycle is None or self.cycle.response_complete):
            return {}  # pipelined behind a request still running: keep the order
        method = parser.get_method()
        if method not in METHODS:
            return {}
        url = httptools.parse_url(self.url)
        if url.path != PATH:
            return {}
        keep_alive = parser.get_http_version() != "1.0" and parser.should_keep_alive()
        defaults = self.server_state.default_headers
        query = url.query or b""
        try:
            outcome = fast.answer(method, query, self.headers, self.client, keep_alive, defaults)
        except Exception:  # a bug here must not cost the connection: the normal path answers
            log.exception("the fast path failed; the request takes the normal path")
            return {}
        if isinstance(outcome, PooledJob):
            self.answered_here = True
            self.cycle = start_pooled(fast.road, outcome, self, keep_alive)  # type: ignore[assignment]
            return None
        if not isinstance(outcome, bytes):
            return outcome
        self.answered_here = True
        self.transport.write(outcome)
        if not keep_alive:
            self.transport.close()
        self.on_response_complete()
        return None

    def on_body(self, body: bytes) -> None:
        if not self.answered_here:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self.answered_here:
            super().on_message_complete()

    # The keep-alive timer, made lazy: uvicorn cancels it on every chunk received and arms a
    # new one after every response, which costs a point query more than parsing its headers.
    # Here one timer per connection at a time, re-armed for what is left when it fires early.

    def _unset_keepalive_if_required(self) -> None:
        self.idle_since = None  # data arrived (or the connection ended): not idle

    def on_response_complete(self) -> None:
        """uvicorn's, but marking the connection idle instead of arming a new timer."""
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self.flow.resume_reading()
        if self.pipeline:
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
            return
        self.idle_since = self.loop.time()
        if self.timeout_keep_alive_task is None:
            self._arm_keep_alive(self.timeout_keep_alive)

    def _arm_keep_alive(self, delay: float) -> None:
        self.timeout_keep_alive_task = self.loop.call_later(delay, self._keep_alive_due)

    def _keep_alive_due(self) -> None:
        self.timeout_keep_alive_task = None
        if self.idle_since is None:
            return  # a request is in progress: its response marks the connection idle again
        left = self.idle_since + self.timeout_keep_alive - self.loop.time()
        if left > 0:
            self._arm_keep_alive(left)
        else:
            self.timeout_keep_alive_handler()

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        if self.timeout_keep_alive_task is not None:
            self.timeout_keep_alive_task.cancel()
            self.timeout_keep_alive_task = None


def protocol_for(fast_path: FastPath | None) -> type[HttpToolsProtocol]:
    """A protocol class bound to one app's fast path (uvicorn's own when there is none)."""
    needed = (
        "on_message_begin",
        "on_headers_complete",
        "on_message_complete",
        "on_body",
        "on_response_complete",
        "_unset_keepalive_if_required",
        "timeout_keep_alive_handler",
    )
    if fast_path is None or not all(hasattr(HttpToolsProtocol, name) for name in needed):
        return JsonErrorProtocol  # no fast path, or a uvicorn whose internals moved
    return type("BoundFastHttpProtocol", (FastHttpProtocol,), {"fast_path": fast_path})
