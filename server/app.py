"""The app factory: ``create_app(settings)`` and ``run(settings, host, port)``.

Everything is injected through :class:`ServerSettings`; nothing is read from the environment
or from module-level state, so several apps can live in one process (the tests do this). The
worker pool starts and stops with the app's lifespan.

Routes: ``/sparql`` and ``/update`` (raw ASGI, see :mod:`unsckg.server.protocol`), ``/id/...``,
``/ontology``, ``/graphs`` (:mod:`unsckg.server.linked_data`), ``/health``, and the pages'
router (``/``, ``/explore``, ``/views/...``, ``/static/...``) when that package is present.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import sys
from collections.abc import AsyncIterator
from typing import IO, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send
from unsckg.server import linked_data, openapi
from unsckg.server.accesslog import AccessLog, LineSink
from unsckg.server.cors import Cors
from unsckg.server.environment import describe_allocator as describe_allocator  # the CLI's
from unsckg.server.errors import (
    EndpointError,
    InternalError,
    StoreUnavailable,
    TooManyRequests,
    error_body,
)
from unsckg.server.fastpath import FastPath
from unsckg.server.headers import SecurityHeaders
from unsckg.server.inline import InlineRunner
from unsckg.server.isolation import UnsafeNetwork as UnsafeNetwork  # re-exported for the CLI
from unsckg.server.isolation import require_isolation as require_isolation  # and the CLI's
from unsckg.server.pool import WorkerPool
from unsckg.server.protocol import SparqlEndpoint, UpdateEndpoint
from unsckg.server.runner import PoolRunner
from unsckg.server.serve import ChildFailed as ChildFailed  # re-exported for the CLI
from unsckg.server.service_description import ServiceDescription
from unsckg.server.settings import ServerSettings
from unsckg.server.watch import StoreWatcher

log = logging.getLogger("unsckg.server")
STATS_TIMEOUT = 600.0


class StoreStats:
    """Triple and graph counts, computed once in the background (a full count can take
    seconds on a large store) and recomputed after updates."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get(self) -> dict[str, Any]:
        return dict(self.values)

    async def refresh(self, pool: WorkerPool) -> None:
        try:
            reply = await pool.request({"op": "stats"}, STATS_TIMEOUT)
        except EndpointError as error:
            log.warning("store statistics unavailable: %s", error.message)
            return
        self.values = {"triples": reply["triples"], "named_graphs": reply["graphs"]}


def _error_response(error: EndpointError) -> Response:
    headers = {"Allow": ", ".join(getattr(error, "allowed", ()))} if error.status == 405 else None
    if isinstance(error, TooManyRequests):
        headers = {"Retry-After": str(error.retry_after)}
    return Response(error_body(error), error.status, headers, "application/json")


def _install_error_handlers(app: FastAPI) -> None:
    """One JSON error shape for every failure, including FastAPI's own 404/405/422."""

    async def endpoint_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, EndpointError)
        return _error_response(error)

    async def http_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        body = {"status": error.status_code, "code": "http_error", "message": str(error.detail)}
        return JSONResponse({"error": body}, error.status_code, dict(error.headers or {}))

    async def validation_error(_: Request, error: Exception) -> Response:
        body = {"status": 400, "code": "bad_request", "message": "invalid request parameters"}
        return JSONResponse({"error": body}, 400)

    async def unexpected(_: Request, error: Exception) -> Response:
        log.exception("unexpected error", exc_info=error)
        return _error_response(InternalError("internal error"))

    app.add_exception_handler(EndpointError, endpoint_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)


def _include_pages(app: FastAPI, runner: PoolRunner, settings: ServerSettings) -> Any:
    try:
        pages = importlib.import_module("unsckg.server.pages")
    except ImportError:
        log.warning("unsckg.server.pages is missing: no query page or explorer")
        return None
    app.state.settings = settings  # read by pages that the server's own routes render
    app.include_router(pages.build_router(runner, settings))
    return pages


class EndpointApp(FastAPI):
    """FastAPI with a short-cut: ``/sparql`` and ``/update`` skip FastAPI's routing, exception
    and dependency layers (they render their own errors), because the query path must cost
    little more than the query. Everything else, and the lifespan, go through FastAPI."""

    fast_routes: dict[str, ASGIApp]
    fast_path: FastPath | None = None  # used by the HTTP protocol (see unsckg.server.fastpath)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            route = self.fast_routes.get(scope["path"])
            if route is not None:
                await route(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _wrap(app: ASGIApp, settings: ServerSettings, sink: LineSink) -> ASGIApp:
    """The cross-cutting layers every route gets: security headers, CORS, then the access log
    outermost."""
    app = SecurityHeaders(app)
    if settings.cors_origins:
        app = Cors(app, settings.cors_origins)
    return AccessLog(app, sink) if settings.access_log else app


class Backend:
    """What the routes share: the worker pool, the inline runner, the store statistics, and
    their life cycle (started and stopped with the app, refreshed after an update)."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.pool = WorkerPool(settings)
        self.inline = InlineRunner(settings, self.pool.spool) if settings.inline_budget else None
        self.runner = PoolRunner(self.pool, settings)
        self.stats = StoreStats()
        self.tasks: set[asyncio.Future[None]] = set()
        self.watcher = StoreWatcher(settings.store_path, self.reopen)

    @contextlib.asynccontextmanager
    async def lifespan(self, _: FastAPI) -> AsyncIterator[None]:
        await self.pool.start()
        if self.inline is not None:
            self.inline.open()
        self.tasks.add(asyncio.ensure_future(self.stats.refresh(self.pool)))
        self.watcher.ignore_changes()
        self.tasks.add(asyncio.ensure_future(self.watcher.run()))
        try:
            yield
        finally:
            for task in self.tasks:
                task.cancel()
            if self.inline is not None:
                self.inline.close()
            await self.pool.close()

    def changed(self) -> None:
        """After an update: reopen the inline handle, recount (the pool recycles itself)."""
        if self.inline is not None:
            self.inline.open()
        self.watcher.ignore_changes()
        self.tasks.add(asyncio.ensure_future(self.stats.refresh(self.pool)))

    def reopen(self) -> None:
        """After another process changed the store (see :mod:`unsckg.server.watch`)."""
        self.pool.recycle()
        self.changed()

    async def health(self) -> dict[str, Any]:
        """Liveness and store statistics (None until the first count has finished)."""
        return {
            "status": "ok",
            "workers": self.pool.accounting(),
            "stopped_queries": dict(self.pool.stopped),
            "stalled_queries": self.pool.stalled,
            "store_reopened": self.watcher.reopened,
            "store": self.stats.get() or None,
            "allocator": describe_allocator(self.settings.allocator),
        }


def create_app(settings: ServerSettings, access_stream: IO[str] | None = None) -> FastAPI:
    """The endpoint for the store at ``settings.store_path``; see the module docstring.

    ``access_stream`` receives the access log (JSON lines; default stderr).

    :raises StoreUnavailable: if the store folder does not exist.
    :raises UnsafeNetwork: for an allow-list without network namespaces (see ``isolation``).
    """
    if not settings.store_path.is_dir():
        raise StoreUnavailable(f"no store at {settings.store_path}")
    require_isolation(settings)
    backend = Backend(settings)
    app = EndpointApp(
        title="unsc-kg SPARQL endpoint", lifespan=backend.lifespan, docs_url=None, redoc_url=None
    )
    app.state.backend = backend
    document = openapi.describe(app.title, app.version, settings.query_timeout)
    app.openapi = lambda: document  # type: ignore[method-assign]
    description = ServiceDescription(settings, backend.stats.get)
    sink = LineSink(access_stream or sys.stderr)
    sparql = SparqlEndpoint(backend.pool, settings, description, backend.inline)
    update = UpdateEndpoint(backend.pool, settings, backend.changed)
    app.fast_routes = {
        "/sparql": _wrap(sparql, settings, sink),
        "/update": _wrap(update, settings, sink),
    }
    if backend.inline is not None:
        app.fast_path = FastPath(sparql, sink if settings.access_log else None)
    app.include_router(linked_data.build_router(backend.pool, backend.runner, settings))
    app.add_api_route("/health", backend.health, methods=["GET"], include_in_schema=False)
    pages = _include_pages(app, backend.runner, settings)
    _install_error_handlers(app)
    if pages is not None:  # browsers get the errors as site-styled HTML pages
        pages.install_error_pages(app)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(Cors, origins=settings.cors_origins)
    if settings.access_log:
        app.add_middleware(AccessLog, sink=sink)
    return app


def run(settings: ServerSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app until interrupted (see :mod:`unsckg.server.serve`)."""
    from unsckg.server.serve import run as serve

    serve(settings, host, port)
