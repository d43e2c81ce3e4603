"""Linked Data and graph reads: ``/id/{kind}/{key}``, ``/ontology``, ``/graphs``, ``/health``.

Each resource is negotiated between RDF serialisations and HTML; HTML is rendered by the pages
package (``unsckg.server.pages``), imported lazily so that the endpoint still answers, with a
minimal page, when it is absent. RDF is produced by the worker pool like any query, under the
same limits.
"""

from __future__ import annotations

import html
import importlib
from typing import Any

from fastapi import APIRouter, Request, Response
from unsckg.ontology import ontology_path
from unsckg.ontology.iris import DEFAULT as DEFAULT_IRIS
from unsckg.ontology.vocab import UNSC
from unsckg.server import asgi
from unsckg.server.asgi import Receive, Scope, Send
from unsckg.server.errors import BadRequest, NotFound
from unsckg.server.negotiation import GRAPH_FORMATS, HTML, Format, negotiate, parse_accept, require
from unsckg.server.pool import WorkerPool
from unsckg.server.runner import PoolRunner
from unsckg.server.service_description import convert_turtle
from unsckg.server.settings import ServerSettings
from unsckg.server.wire import Message

ONTOLOGY_GRAPH = str(DEFAULT_IRIS.graph("ontology"))
DESCRIBED_AS = (GRAPH_FORMATS[0], HTML, *GRAPH_FORMATS[1:4])
VARY = (b"vary", b"accept")


class ReplyResponse(Response):
    """A worker reply sent as is: inline bytes or a streamed spool file."""

    def __init__(self, reply: Message, fmt: Format) -> None:
        super().__init__()
        self.reply, self.fmt = reply, fmt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        head = scope["method"] == "HEAD"
        await asgi.send_reply(send, self.reply, self.fmt.content_type, head=head, extra=(VARY,))


def _negotiate(request: Request, offers: tuple[Format, ...], what: str) -> Format:
    chosen = request.query_params.get("format")
    if chosen:
        for fmt in offers:
            if chosen.lower() in fmt.names:
                return fmt
        raise BadRequest(f"unknown format {chosen!r}")
    return require(negotiate(parse_accept(request.headers.get("accept")), offers), what, offers)


def _page(title: str, body: str) -> Response:
    """The fallback HTML while the pages package is missing."""
    text = f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>{body}"
    return Response(text, media_type="text/html")


def _pages() -> Any | None:
    try:
        return importlib.import_module("unsckg.server.pages")
    except ImportError:
        return None


def description_query(iri: str) -> str:
    """The entity's own triples, its incoming links, and the nodes it owns (blank nodes and
    evidence), whose ``prov:wasDerivedFrom`` and quotes are its provenance."""
    return (
        f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> . ?o ?p2 ?o2 }} WHERE {{"
        f" {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} UNION"
        f" {{ <{iri}> ?p ?o . ?o ?p2 ?o2"
        f" FILTER(isBlank(?o) || ?p = <{UNSC.evidence}>) }} }}"
    )


def _valid_iri(iri: str) -> bool:
    """Whether ``iri`` is an IRI the store's parser accepts (control characters, say, are
    not): anything else cannot name an entity, and must not reach a query as text."""
    import pyoxigraph as ox

    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in iri):
        return False
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


class LinkedData:
    """The routes' handlers, sharing the pool, the runner and the settings."""

    def __init__(self, pool: WorkerPool, runner: PoolRunner, settings: ServerSettings) -> None:
        self.pool, self.runner, self.settings = pool, runner, settings

    async def construct(self, query: str, fmt: Format) -> ReplyResponse:
        message = self.runner.message(query, results=None, graph=fmt.key)
        message["inline"] = self.settings.inline_result_bytes
        reply = await self.pool.request(message, self.settings.query_timeout)
        return ReplyResponse(reply, fmt)

    async def entity(self, kind: str, key: str, request: Request) -> Response:
        iri = f"{self.settings.base_iri}{kind}/{key}"
        if any(c in iri for c in '<>"{}|^`\\ ') or not _valid_iri(iri):
            raise NotFound(f"no entity {iri}")
        fmt = _negotiate(request, DESCRIBED_AS, "an entity")
        known = await self.runner.select(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}")
        if not known.get("boolean"):
            raise NotFound(f"no entity {iri}")
        if fmt is not HTML:
            return await self.construct(description_query(iri), fmt)
        pages = _pages()
        if pages is None:
            return _page(iri, f"<h1>{html.escape(iri)}</h1>")
        response: Response = await pages.render_entity(self.runner, iri, request)
        return response

    async def ontology(self, request: Request) -> Response:
        fmt = _negotiate(request, DESCRIBED_AS, "the ontology")
        if fmt is HTML:
            pages = _pages()
            if pages is None:
                return _page("unsc-kg ontology", '<a href="/ontology?format=ttl">Turtle</a>')
            response: Response = await pages.render_ontology(self.runner, request)
            return response
        pattern = f"GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }}"
        if (await self.runner.select(f"ASK {{ {pattern} }}")).get("boolean"):
            return await self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}", fmt)
        # A store built by other tools may lack the ontology graph: serve the packaged file.
        packaged = ontology_path().read_bytes()
        return Response(convert_turtle(packaged, fmt.key), media_type=fmt.content_type)

    async def graphs(self, request: Request) -> Response:
        """Graph Store Protocol, read side: ``?graph=IRI`` or ``?default``."""
        graph = request.query_params.get("graph")
        if (graph is None) == ("default" not in request.query_params):
            raise BadRequest("give exactly one of 'graph=IRI' or 'default'")
        fmt = _negotiate(request, GRAPH_FORMATS, "a graph")
        settings = self.settings
        dump: Message = {"op": "dump", "graph": graph, "gf": fmt.key}
        dump.update(union=settings.union_default_graph, max=settings.max_result_bytes)
        dump["inline"] = settings.inline_result_bytes
        reply = await self.pool.request(dump, settings.query_timeout)
        return ReplyResponse(reply, fmt)


def build_router(pool: WorkerPool, runner: PoolRunner, settings: ServerSettings) -> APIRouter:
    """``/id/{kind}/{key}``, ``/ontology`` and ``/graphs``, for GET and HEAD."""
    routes = LinkedData(pool, runner, settings)
    router = APIRouter(include_in_schema=False)
    methods = ["GET", "HEAD"]
    router.add_api_route("/id/{kind}/{key:path}", routes.entity, methods=methods)
    router.add_api_route("/ontology", routes.ontology, methods=methods)
    router.add_api_route("/graphs", routes.graphs, methods=methods)
    return router
