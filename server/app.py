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
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route
from unsckg.server import linked_data
from unsckg.server.accesslog import AccessLog
from unsckg.server.errors import EndpointError, InternalError, error_body
from unsckg.server.pool import WorkerPool
from unsckg.server.protocol import SparqlEndpoint, UpdateEndpoint
from unsckg.server.runner import PoolRunner
from unsckg.server.service_description import ServiceDescription
from unsckg.server.settings import ServerSettings

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


def _include_pages(app: FastAPI, runner: PoolRunner, settings: ServerSettings) -> None:
    try:
        pages = importlib.import_module("unsckg.server.pages")
    except ImportError:
        log.warning("unsckg.server.pages is missing: no query page or explorer")
        return
    app.include_router(pages.build_router(runner, settings))


def create_app(settings: ServerSettings) -> FastAPI:
    """The endpoint for the store at ``settings.store_path``; see the module docstring."""
    pool = WorkerPool(settings)
    runner = PoolRunner(pool, settings)
    stats = StoreStats()
    tasks: set[asyncio.Future[None]] = set()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        tasks.add(asyncio.ensure_future(stats.refresh(pool)))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await pool.close()

    app = FastAPI(title="unsc-kg SPARQL endpoint", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.pool, app.state.runner, app.state.stats = pool, runner, stats
    description = ServiceDescription(settings, stats.get)
    app.router.routes.insert(0, Route("/sparql", SparqlEndpoint(pool, settings, description)))

    def changed() -> None:
        tasks.add(asyncio.ensure_future(stats.refresh(pool)))

    app.router.routes.insert(1, Route("/update", UpdateEndpoint(pool, settings, changed)))
    app.include_router(linked_data.build_router(pool, runner, settings))

    @app.get("/health", include_in_schema=False)
    async def health() -> dict[str, Any]:
        """Liveness and store statistics (None until the first count has finished)."""
        return {
            "status": "ok",
            "workers": {"size": settings.workers, "idle": pool.idle_count},
            "store": stats.get() or None,
        }

    _include_pages(app, runner, settings)
    _install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Accept", "Content-Type"],
            max_age=600,
        )
    if settings.access_log:
        app.add_middleware(AccessLog)
    return app


def run(settings: ServerSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app with uvicorn (uvloop, httptools) until interrupted."""
    if not logging.getLogger("unsckg").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logging.getLogger("unsckg").addHandler(handler)
        logging.getLogger("unsckg").setLevel(logging.INFO)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )
