"""The SPARQL 1.1 Protocol: ``/sparql`` for queries, ``/update`` for updates.

Raw ASGI handlers rather than FastAPI routes: the query path is the endpoint's hot loop and
must cost little more than the query. Rules followed (SPARQL 1.1 Protocol, §2):

* a query by ``GET ?query=``, by ``POST`` form (``application/x-www-form-urlencoded``) or by
  ``POST`` of ``application/sparql-query``; anything else posted is 415, other methods 405;
* ``default-graph-uri`` / ``named-graph-uri`` give the dataset and replace the query's own
  ``FROM`` / ``FROM NAMED``; with neither, the default graph is the merge of all named graphs
  (kept so by the builder, see :class:`ServerSettings`) and each document's graph stays
  addressable with ``GRAPH``;
* the result format is negotiated from ``Accept`` (q-values) or forced by ``format=``;
  nothing acceptable is 406; ``GET`` with no query returns the service description;
* errors use the one JSON shape; 400 for a malformed query carries the parser's message.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import Awaitable, Callable

from unsckg.server import asgi, parameters
from unsckg.server.asgi import Receive, Scope, Send
from unsckg.server.errors import (
    BadRequest,
    EndpointError,
    Forbidden,
    InternalError,
    MethodNotAllowed,
    RequestTooLarge,
    Unauthorized,
    UnsupportedMediaType,
)
from unsckg.server.guard import single_pattern
from unsckg.server.inline import InlineRunner
from unsckg.server.negotiation import BY_KEY, choose_query_formats
from unsckg.server.pool import ClientGone, WorkerPool, run_update
from unsckg.server.service_description import ServiceDescription
from unsckg.server.settings import ServerSettings
from unsckg.server.wire import Message

log = logging.getLogger("unsckg.server")
QUERY_METHODS = ("GET", "HEAD", "POST")
FORM = "application/x-www-form-urlencoded"
VARY = (b"vary", b"accept")
# scope keys set by the HTTP protocol's short-cut (unsckg.server.fastpath) on a request it
# declined: the query already ran inline over budget; the URL's parameters, decoded once
INLINE_TRIED = "unsckg.inline_tried"
URL_PAIRS = "unsckg.url_pairs"


class Params:
    """The protocol parameters of one request, from the URL and (form) body."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.values: dict[str, list[str]] = {}
        for name, value in pairs:
            self.values.setdefault(name, []).append(value)

    def one(self, name: str) -> str | None:
        found = self.values.get(name)
        if not found:
            return None
        if len(found) > 1:
            raise BadRequest(f"the parameter {name!r} must be given once")
        return found[0]

    def many(self, name: str) -> list[str] | None:
        return self.values.get(name)


async def read_params(
    scope: Scope, receive: Receive, settings: ServerSettings, direct: tuple[str, str]
) -> tuple[Params, str | None]:
    """Parameters and, for a direct POST, the body text (``direct`` = (media type, name))."""
    raw = scope["query_string"]
    if len(raw) > settings.max_request_bytes:
        raise RequestTooLarge(f"the request exceeds {settings.max_request_bytes} bytes")
    pairs: list[tuple[str, str]] = scope.get(URL_PAIRS) or asgi.query_params(raw)
    if scope["method"] != "POST":
        return Params(pairs), None
    kind = asgi.media_type(asgi.header(scope, b"content-type"))
    body = await asgi.read_body(scope, receive, settings.max_request_bytes)
    if kind == FORM:
        return Params(pairs + asgi.query_params(body)), None
    if kind == direct[0]:
        try:
            return Params(pairs), body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(f"the {direct[1]} is not valid UTF-8") from None
    raise UnsupportedMediaType(f"POST a {direct[1]} as {FORM} or {direct[0]}")


async def guarded(
    handle: Callable[[Scope, Receive, Send], Awaitable[None]],
    scope: Scope,
    receive: Receive,
    send: Send,
) -> None:
    """Run a raw handler; render its errors in the one JSON shape, never a stack trace (an
    unexpected error is logged here with its traceback and answered as a bare 500)."""
    try:
        await handle(scope, receive, send)
    except EndpointError as error:
        await asgi.send_error(send, error)
    except ClientGone:
        return
    except Exception:
        log.exception("unexpected error on %s", scope.get("path"))
        with contextlib.suppress(RuntimeError):  # the response may have started already
            await asgi.send_error(send, InternalError("internal error"))


class SparqlEndpoint:
    """ASGI app for ``/sparql``."""

    def __init__(
        self,
        pool: WorkerPool,
        settings: ServerSettings,
        description: ServiceDescription,
        inline: InlineRunner | None = None,
    ) -> None:
        self.pool, self.settings, self.description = pool, settings, description
        self.inline = inline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await guarded(self.handle, scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        if method not in QUERY_METHODS:
            raise MethodNotAllowed(f"{method} is not allowed here", QUERY_METHODS)
        params, text = await read_params(
            scope, receive, self.settings, ("application/sparql-query", "query")
        )
        query = text if text is not None else params.one("query")
        if params.one("update") is not None:
            raise BadRequest("send SPARQL updates to /update")
        if query is None:
            if method == "POST":
                raise BadRequest("no query: give the 'query' parameter")
            self.check(params)  # refused alike with or without a query
            await self.description.send(scope, send)
            return
        await self.run(scope, receive, send, params, query)

    def check(self, params: Params) -> None:
        """Refuse invalid parameters of a request that runs no query (the description)."""
        parameters.timeout_seconds(params.one("timeout"), self.settings.query_timeout)
        parameters.format_name(params.one("format"))
        parameters.graph_iris("default-graph-uri", params.many("default-graph-uri"))
        parameters.graph_iris("named-graph-uri", params.many("named-graph-uri"))

    def message(self, scope: Scope, params: Params, query: str) -> Message:
        """The worker request for ``query``; raises the protocol's errors (406, SERVICE)."""
        return self.message_for(asgi.header(scope, b"accept"), params, query)

    def message_for(self, accept: str | None, params: Params, query: str) -> Message:
        """The worker request for ``query`` asked with this ``Accept`` header (also used by
        the HTTP protocol's short road, :mod:`unsckg.server.pooled`, which has no scope)."""
        limit = self.settings.query_timeout
        timeout = parameters.timeout_seconds(params.one("timeout"), limit)
        asked = parameters.format_name(params.one("format"))
        formats = choose_query_formats(accept, asked)
        return {
            "op": "query",
            "query": query,
            "dg": parameters.graph_iris("default-graph-uri", params.many("default-graph-uri")),
            "ng": parameters.graph_iris("named-graph-uri", params.many("named-graph-uri")),
            "union": self.settings.union_default_graph,  # unless FROM: the worker checks
            "allow": list(self.settings.service_allowlist),
            "rf": formats.results.key if formats.results else None,
            "gf": formats.graph.key if formats.graph else None,
            "max": self.settings.max_result_bytes,
            "inline": self.settings.inline_result_bytes,
            "timeout": timeout,
        }

    async def run(
        self, scope: Scope, receive: Receive, send: Send, params: Params, query: str
    ) -> None:
        message = self.message(scope, params, query)
        head = scope["method"] == "HEAD"
        reply = None if scope.get(INLINE_TRIED) else self.try_inline(message, query)
        if reply is not None:
            content_type = BY_KEY[reply["format"]].content_type
            await asgi.send_reply(send, reply, content_type, head=head, extra=(VARY,))
            return
        watch = asgi.DisconnectWatch(receive)
        try:
            peer = scope.get("client") or ("",)
            reply = await self.pool.request(message, message["timeout"], watch.gone, peer[0])
            content_type = BY_KEY[reply["format"]].content_type
            await asgi.send_reply(
                send, reply, content_type, head=head, extra=(VARY,), disconnected=watch.gone
            )
        finally:
            watch.close()

    def try_inline(
        self, message: Message, query: str, *, single: bool | None = None
    ) -> Message | None:
        """Run a single-pattern query in this process when possible (see ``inline``);
        ``single``: whether ``query`` is one, when the caller has checked already."""
        if (
            self.inline is None
            or message["dg"] is not None
            or message["ng"] is not None
            or message["union"]
            or not (single_pattern(query) if single is None else single)
        ):
            return None
        message["single"] = True  # checked: the handler need not vet it again
        return self.inline.try_query(message)


class UpdateEndpoint:
    """ASGI app for ``/update``: refused unless a token is configured and presented.

    401 when no (or a wrong) bearer token is presented, 403 when updates are disabled; the
    comparison is constant-time. ``LOAD`` and ``SERVICE`` obey the same allow-list as queries.
    """

    def __init__(
        self, pool: WorkerPool, settings: ServerSettings, changed: Callable[[], object]
    ) -> None:
        self.pool, self.settings, self.changed = pool, settings, changed
        self.lock = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await guarded(self.handle, scope, receive, send)

    def authorise(self, scope: Scope) -> None:
        token = self.settings.update_token
        if token is None:
            raise Forbidden("updates are disabled on this endpoint")
        presented = asgi.header(scope, b"authorization") or ""
        scheme, _, credentials = presented.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            credentials.strip().encode(), token.encode()
        ):
            raise Unauthorized("present the update token as 'Authorization: Bearer <token>'")

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "POST":
            raise MethodNotAllowed("SPARQL updates are sent with POST", ("POST",))
        self.authorise(scope)
        params, text = await read_params(
            scope, receive, self.settings, ("application/sparql-update", "update")
        )
        update = text if text is not None else params.one("update")
        if update is None:
            raise BadRequest("no update: give the 'update' parameter")
        allow = list(self.settings.service_allowlist)
        vetting = {"op": "vet", "update": update, "allow": allow}
        await self.pool.request(vetting, self.settings.query_timeout)  # refusals cost no writer
        async with self.lock:
            try:
                await run_update(self.settings, self.pool.spool, update)
            finally:
                self.pool.recycle()
                self.changed()
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
