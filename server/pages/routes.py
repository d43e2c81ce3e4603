"""The pages' router: the query page, the explorer and its JSON, the two views, static files.

``build_router(runner, settings)`` is what the app factory includes; entity and ontology pages
are not routes here because the server owns ``/id/...`` and ``/ontology`` (it negotiates RDF
for them) and calls ``render_entity`` / ``render_ontology`` when the client wants HTML.
Static files are served by a route rather than a mount, since ``include_router`` drops mounts.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from unsckg.server.pages import (
    agreement_map,
    browse,
    explore,
    home,
    reconciliation,
    search,
    views,
    vote_map,
)
from unsckg.server.pages.examples import gallery
from unsckg.server.pages.i18n import request_language, translator
from unsckg.server.pages.labels import fetch_labels
from unsckg.server.pages.ontology_page import ontology_terms
from unsckg.server.pages.protocols import PageConfig, SparqlRunner, page_config
from unsckg.server.pages.render import page
from unsckg.server.pages.sparql import PREFIXES, BadTermError, iri

MAX_LABELS = 2000  # a results page's worth of IRIs; the rest keep their short names


def _is_iri(value: str) -> bool:
    try:
        iri(value)
    except BadTermError:
        return False
    return True


def _prefix_map() -> dict[str, str]:
    """The prefixes every page script offers, parsed back from the one PREFIXES block."""
    pairs = (line.split(" ", 2)[1:] for line in PREFIXES.splitlines())
    return {name.rstrip(":"): ns.strip("<>") for name, ns in pairs}


def build_router(runner: SparqlRunner, settings: object) -> APIRouter:
    """All page routes, bound to one runner and the app's settings."""
    config = page_config(settings)
    router = APIRouter()
    _add_pages(router, runner, config)
    _add_browse(router, runner, config)
    _add_search(router, runner, config)
    _add_views(router, runner, config)
    _add_explorer_api(router, runner, config)
    _add_static(router)
    return router


def _add_pages(router: APIRouter, runner: SparqlRunner, config: PageConfig) -> None:
    """The query page at ``/`` (with the home's overview), its old address, the explorer."""
    cached = home.HomeCache(config.store)

    @router.get("/", include_in_schema=False)
    async def query_page(request: Request) -> Response:
        """The query page (the contract's ``GET /``) with the home's counts and latest lists."""
        language = request_language(request, config)
        data = await cached.get(runner, config, language)
        terms = await ontology_terms(runner)
        editor = {
            "endpoint": "/sparql",
            "prefixes": _prefix_map(),
            "classes": [t.iri for t in terms if t.section == "classes"],
            "properties": [t.iri for t in terms if t.section == "properties"],
            "strings": translator(language),
        }
        context = {
            "examples": gallery(language),
            "editor": editor,
            "data": data,
            "entry_points": home.ENTRY_POINTS,
            "counted": cached.computed,
        }
        return page(request, "query.html", config, context)

    @router.get("/query", include_in_schema=False)
    async def old_query_page(request: Request) -> Response:
        """Links made while the query page lived here keep working, query string and all."""
        target = "/?" + request.url.query if request.url.query else "/"
        return RedirectResponse(target, status_code=301)

    @router.get("/explore", include_in_schema=False)
    async def explore_page(request: Request) -> Response:
        language = request_language(request, config)
        suggestions = await explore.starting_points(runner, config, language)
        start = request.query_params.get("iri")
        if start is None:  # open somewhere: the state that presided or voted most
            start = await explore.default_start(runner)
        context = {"strings": translator(language), "start": start, "suggestions": suggestions}
        return page(request, "explore.html", config, context)


def _add_browse(router: APIRouter, runner: SparqlRunner, config: PageConfig) -> None:
    """The indexes: HTML, or CSV / JSON by ``?format=`` or ``Accept``."""

    @router.get("/browse/{kind}", include_in_schema=False)
    async def browse_page(request: Request, kind: str) -> Response:
        spec = browse.SPECS.get(kind)
        if spec is None:
            raise HTTPException(status_code=404, detail=f"no index of {kind!r}")
        language = request_language(request, config)
        params = dict(request.query_params)
        index, everything = await browse.build_index(runner, spec, params, config, language)
        wanted = params.get("format") or (
            "json" if "application/json" in request.headers.get("accept", "") else "html"
        )
        if wanted == "csv":
            headers = {"Content-Disposition": f'attachment; filename="{kind}.csv"'}
            return Response(browse.to_csv(spec, everything), 200, headers, "text/csv")
        if wanted == "json":
            return JSONResponse({"kind": kind, "total": index.total, "rows": everything})
        context = {"index": index, "link": browse.link, "kinds": list(browse.SPECS)}
        return page(request, "browse.html", config, context)


def _add_search(router: APIRouter, runner: SparqlRunner, config: PageConfig) -> None:
    """``/search?q=``: HTML for browsers, JSON by ``Accept`` or ``?format=json``."""
    searcher = search.Searcher(runner, config, config.store)

    @router.get("/search", include_in_schema=False)
    async def search_page(request: Request, q: str = "", type: str = "") -> Response:
        language = request_language(request, config)
        hits = await searcher.search(q, language, type) if q.strip() else []
        as_json = request.query_params.get("format") == "json" or (
            "application/json" in request.headers.get("accept", "")
            and "text/html" not in request.headers.get("accept", "")
        )
        if as_json:
            return JSONResponse({"query": q, "results": [search.as_json(h) for h in hits]})
        context = {"q": q, "hits": hits, "type": type}
        return page(request, "search.html", config, context)


def _add_views(router: APIRouter, runner: SparqlRunner, config: PageConfig) -> None:
    """The vote matrix and the presidency timeline."""

    @router.get("/views/votes", include_in_schema=False)
    async def votes_page(request: Request, year: str | None = None, agenda: str = "") -> Response:
        language = request_language(request, config)
        year = None if year is None else ("" if year == "all" else year)
        matrix = await views.vote_matrix(runner, config, language, year, agenda[:500])
        if request.query_params.get("format") == "csv":
            name = f"votes-{matrix.year or 'all'}{'-agenda' if agenda else ''}.csv"
            headers = {"Content-Disposition": f'attachment; filename="{name}"'}
            return Response(views.matrix_csv(matrix), 200, headers, "text/csv")
        context = {"matrix": matrix, "values": views.VOTE_VALUES}
        return page(request, "votes.html", config, context)

    @router.get("/views/map", include_in_schema=False)
    async def map_page(
        request: Request, vote: str | None = None, state: str | None = None
    ) -> Response:
        language = request_language(request, config)
        if state:  # a state's agreement with every other member
            try:
                found = await agreement_map.agreement_map(runner, config, language, state)
            except BadTermError as error:
                raise HTTPException(status_code=400, detail=str(error)) from error
            return page(request, "agreement_map.html", config, {"map": found})
        data = await vote_map.vote_map(runner, config, language, vote)
        return page(request, "map.html", config, {"map": data})

    @router.get("/reconciliation", include_in_schema=False)
    async def reconciliation_page(request: Request, outcome: str = "disagree") -> Response:
        language = request_language(request, config)
        outcome = outcome if outcome in reconciliation.OUTCOMES else "disagree"
        found = await reconciliation.by_outcome(runner, config, language, outcome)
        summary = await reconciliation.counts(runner, config)
        context = {
            "findings": found,
            "outcome": outcome,
            "outcomes": reconciliation.OUTCOMES,
            "aspects": reconciliation.ASPECTS,
            "summary": summary,
        }
        return page(request, "reconciliation.html", config, context)

    @router.get("/views/timeline", include_in_schema=False)
    async def timeline_page(request: Request) -> Response:
        months = await views.timeline(runner, config, request_language(request, config))
        return page(request, "timeline.html", config, {"months": months})


def _add_explorer_api(router: APIRouter, runner: SparqlRunner, config: PageConfig) -> None:
    """The explorer's JSON: search by name, and one entity's neighbourhood."""

    @router.get("/explore/search", include_in_schema=False)
    async def explore_search(request: Request, q: str = "") -> JSONResponse:
        if not q.strip():
            return JSONResponse({"results": []})
        language = request_language(request, config)
        found = await explore.search(runner, q[:200], config, language)
        return JSONResponse({"results": found})

    @router.post("/labels", include_in_schema=False)
    async def labels(request: Request) -> JSONResponse:
        """Labels for the IRIs a result table shows, in the interface language."""
        try:
            asked = (await request.json()).get("iris", [])
        except (ValueError, AttributeError) as error:
            raise HTTPException(status_code=400, detail='expected {"iris": [...]}') from error
        if not isinstance(asked, list):
            raise HTTPException(status_code=400, detail="'iris' must be a list")
        wanted = [i for i in asked[:MAX_LABELS] if isinstance(i, str) and _is_iri(i)]
        language = request_language(request, config)
        return JSONResponse({"labels": await fetch_labels(runner, wanted, language)})

    @router.get("/explore/node", include_in_schema=False)
    async def explore_node(request: Request, iri: str) -> JSONResponse:
        language = request_language(request, config)
        try:
            data: dict[str, Any] = await explore.neighbourhood(runner, iri, config, language)
        except BadTermError as error:
            raise HTTPException(status_code=400, detail=str(error)) from error
        return JSONResponse(data)


def _add_static(router: APIRouter) -> None:
    """Our CSS and scripts, the vendor files the front-end build copied in, the favicon."""
    static = StaticFiles(packages=[("unsckg.server", "static")])

    @router.get("/favicon.ico", include_in_schema=False)
    async def favicon(request: Request) -> Response:
        response = await static.get_response("favicon.ico", request.scope)
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    @router.get("/static/{path:path}", include_in_schema=False)
    async def static_file(path: str, request: Request) -> Response:
        response = await static.get_response(path, request.scope)
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response
