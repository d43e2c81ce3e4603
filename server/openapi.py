"""The OpenAPI description of the endpoint's machine-facing operations.

Why by hand: ``/sparql`` and ``/update`` are raw ASGI handlers (see
:mod:`unsckg.server.protocol`) and the Linked Data routes negotiate their formats themselves,
so FastAPI sees no operation to describe. Schema-driven testers (schemathesis) and client
generators need the parameters, bodies, media types and the one JSON error shape, which are
written out here; ``tests/server/test_endpoint_openapi.py`` checks that every documented
operation answers as documented.
"""

from __future__ import annotations

from typing import Any

from unsckg.server.parameters import min_timeout

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
            },
        }
    },
}
RESULTS = {
    "application/sparql-results+json": {"schema": {"type": "object"}},
    "application/sparql-results+xml": {"schema": {"type": "string"}},
    "text/csv": {"schema": {"type": "string"}},
    "text/tab-separated-values": {"schema": {"type": "string"}},
    "text/turtle": {"schema": {"type": "string"}},
    "application/n-triples": {"schema": {"type": "string"}},
    "application/ld+json": {"schema": {"type": "object"}},
}
GRAPHS = {
    "text/turtle": {"schema": {"type": "string"}},
    "application/n-triples": {"schema": {"type": "string"}},
    "application/ld+json": {"schema": {"type": "object"}},
    "application/rdf+xml": {"schema": {"type": "string"}},
}


def _errors(*statuses: int) -> dict[str, Any]:
    body = {"content": {"application/json": {"schema": ERROR}}}
    return {
        str(status): {"description": "an error, in the one JSON shape", **body}
        for status in statuses
    }


def _param(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


def query_params(time_limit: float) -> list[dict[str, Any]]:
    """The query parameters; ``timeout`` a number within the bounds that
    :func:`unsckg.server.parameters.timeout_seconds` accepts (a string type here made
    schemathesis send words, and client generators type it wrongly)."""
    timeout = {"type": "number", "minimum": min_timeout(time_limit), "maximum": time_limit}
    return [
        _param("query", "a SPARQL 1.1 query; without it, the service description", maxLength=16384),
        _param("default-graph-uri", "replaces the query's FROM", format="uri", maxLength=4096),
        _param("named-graph-uri", "replaces the query's FROM NAMED", format="uri", maxLength=4096),
        _param("format", "forces a result format (json, xml, csv, tsv, turtle...)", maxLength=128),
        {**_param("timeout", "a shorter time limit, in seconds"), "schema": timeout},
    ]


QUERY_ERRORS = _errors(400, 403, 406, 413, 429, 502, 503, 504, 507)


def _form(params: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "object", "properties": {p["name"]: p["schema"] for p in params}}


def _query_get(params: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "summary": "Run a SPARQL query (SPARQL 1.1 Protocol, query via GET)",
        "operationId": "queryGet",
        "parameters": params,
        "responses": {"200": {"description": "the results", "content": RESULTS}, **QUERY_ERRORS},
    }


def _query_post(params: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "summary": "Run a SPARQL query (POST, form or application/sparql-query)",
        "operationId": "queryPost",
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": _form(params)},
                "application/sparql-query": {"schema": {"type": "string"}},
            },
        },
        "responses": {
            "200": {"description": "the results", "content": RESULTS},
            **QUERY_ERRORS,
            **_errors(415),
        },
    }


def _update() -> dict[str, Any]:
    form = {"type": "object", "properties": {"update": {"type": "string"}}}
    return {
        "summary": "Apply a SPARQL Update (needs the configured bearer token)",
        "operationId": "update",
        "security": [{"bearer": []}],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": form},
                "application/sparql-update": {"schema": {"type": "string"}},
            },
        },
        "responses": {"204": {"description": "applied"}, **_errors(400, 401, 403, 415, 504)},
    }


def _graphs() -> dict[str, Any]:
    return {
        "summary": "A graph (Graph Store Protocol, read side): ?graph=IRI or ?default",
        "operationId": "graphs",
        "parameters": [
            _param("graph", "the graph's IRI", format="uri", maxLength=4096),
            _param("default", "the default graph (present; its value is ignored)"),
        ],
        "responses": {
            "200": {"description": "the graph", "content": GRAPHS},
            **_errors(400, 404, 406, 504, 507),
        },
    }


def _entity() -> dict[str, Any]:
    path = {"in": "path", "required": True, "schema": {"type": "string", "maxLength": 256}}
    return {
        "summary": "An entity: HTML for browsers, RDF by Accept",
        "operationId": "entity",
        "parameters": [{"name": "kind", **path}, {"name": "key", **path}],
        "responses": {
            "200": {
                "description": "its description",
                "content": {"text/html": {"schema": {"type": "string"}}, **GRAPHS},
            },
            **_errors(404, 406, 504),
        },
    }


def describe(title: str, version: str, time_limit: float) -> dict[str, Any]:
    """The OpenAPI 3.0 document for ``/openapi.json``; ``time_limit`` is the server's query
    time limit (seconds), the largest ``timeout`` it accepts."""
    params = query_params(time_limit)
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "paths": {
            "/sparql": {"get": _query_get(params), "post": _query_post(params)},
            "/update": {"post": _update()},
            "/graphs": {"get": _graphs()},
            "/id/{kind}/{key}": {"get": _entity()},
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
