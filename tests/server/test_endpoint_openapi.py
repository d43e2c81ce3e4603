"""The OpenAPI description: its operations exist, and answer as described.

A bounded, schema-driven check in the spirit of schemathesis (not a dependency here): for each
documented operation, hypothesis generates parameter values, and every answer must carry a
status the description lists for that operation, an error in the one JSON shape, and never a
500. ``UNSCKG_OPENAPI_EXAMPLES`` sets the examples per operation (default 60).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("UNSCKG_OPENAPI_EXAMPLES", "60"))
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def document(client: httpx.Client) -> dict[str, Any]:
    described: dict[str, Any] = client.get("/openapi.json").json()
    return described


def test_the_operations_are_described(client: httpx.Client) -> None:
    paths = document(client)["paths"]
    assert set(paths) >= {"/sparql", "/update", "/graphs", "/id/{kind}/{key}"}
    assert set(paths["/sparql"]) == {"get", "post"}
    for operations in paths.values():
        for operation in operations.values():
            assert "200" in operation["responses"] or "204" in operation["responses"]


def check(response: httpx.Response, operation: dict[str, Any]) -> None:
    allowed = set(operation["responses"])
    assert str(response.status_code) in allowed, (response.status_code, response.text[:200])
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"status", "code", "message"}
        assert error["status"] == response.status_code


def test_query_parameters_as_described(client: httpx.Client) -> None:
    operation = document(client)["paths"]["/sparql"]["get"]

    @SETTINGS
    @given(
        query=st.one_of(TEXT, st.sampled_from(["ASK {}", "SELECT * { ?s ?p ?o } LIMIT 1"])),
        fmt=st.one_of(st.none(), TEXT, st.sampled_from(["json", "xml", "csv", "turtle"])),
        timeout=st.one_of(st.none(), TEXT, st.floats().map(str)),
        graph=st.one_of(st.none(), TEXT),
    )
    def property_(query: str, fmt: str | None, timeout: str | None, graph: str | None) -> None:
        params = {"query": query, "format": fmt, "timeout": timeout, "default-graph-uri": graph}
        sent = {k: v for k, v in params.items() if v is not None}
        check(client.get("/sparql", params=sent), operation)
        check(client.post("/sparql", data=sent), document(client)["paths"]["/sparql"]["post"])

    property_()


def test_graphs_and_entities_as_described(client: httpx.Client) -> None:
    paths = document(client)["paths"]

    @SETTINGS
    @given(graph=st.one_of(st.none(), TEXT), default=st.booleans(), kind=TEXT, key=TEXT)
    def property_(graph: str | None, default: bool, kind: str, key: str) -> None:
        params = {"graph": graph} if graph is not None else {}
        if default:
            params["default"] = ""
        check(client.get("/graphs", params=params), paths["/graphs"]["get"])
        target = f"/id/{quote(kind or 'x', safe='')}/{quote(key or 'x', safe='')}"
        check(client.get(target), paths["/id/{kind}/{key}"]["get"])

    property_()
