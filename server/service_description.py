"""The SPARQL 1.1 Service Description served at ``GET /sparql`` with no query.

It tells clients what this endpoint does: the languages (updates only when a token is
configured), every result format, the union default graph, and federation only when an
allow-list makes ``SERVICE`` possible. The endpoint IRI is taken from the request, so the
description is right behind a proxy that keeps the ``Host`` header.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
from unsckg.server import asgi
from unsckg.server.asgi import Scope, Send
from unsckg.server.negotiation import GRAPH_FORMATS, HTML, negotiate, parse_accept, require
from unsckg.server.settings import ServerSettings

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "RDF_XML",
    "JSON-LD",
    "TriG",
    "N-Quads",
)


def convert_turtle(turtle: bytes, key: str) -> bytes:
    """Re-serialise a small Turtle document (no store involved) into format ``key``."""
    if key == "turtle":
        return turtle
    triples = (quad.triple for quad in ox.parse(turtle, ox.RdfFormat.TURTLE))
    return ox.serialize(triples, format=_RDF_FORMATS[key]) or b""


def request_origin(scope: Scope) -> str:
    host = asgi.header(scope, b"host")
    if host is None:
        server = scope.get("server") or ("localhost", 80)
        host = f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}"


class ServiceDescription:
    """Builds and sends the description; ``stats`` gives the store's counts when known."""

    def __init__(self, settings: ServerSettings, stats: Callable[[], dict[str, Any]]) -> None:
        self.settings, self.stats = settings, stats

    def turtle(self, origin: str) -> bytes:
        languages = ["sd:SPARQL11Query"]
        if self.settings.update_token is not None:
            languages.append("sd:SPARQL11Update")
        features = ["sd:UnionDefaultGraph"]
        if self.settings.service_allowlist:
            features.append("sd:BasicFederatedQuery")
        formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in _RESULT_FORMATS)
        counts = self.stats()
        dataset = ""
        if "triples" in counts:
            dataset = (
                f" ;\n    sd:defaultDataset [ a sd:Dataset ;\n"
                f"        sd:defaultGraph [ a sd:Graph ; void:triples {counts['triples']} ] ;\n"
                f"        void:triples {counts['triples']} ] "
            )
        text = (
            "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            "@prefix void: <http://rdfs.org/ns/void#> .\n"
            f"<{origin}/sparql#service> a sd:Service ;\n"
            f"    sd:endpoint <{origin}/sparql> ;\n"
            f"    sd:supportedLanguage {', '.join(languages)} ;\n"
            f"    sd:feature {', '.join(features)} ;\n"
            f"    sd:resultFormat {formats} ;\n"
            "    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple>"
            f"{dataset} .\n"
        )
        return text.encode("utf-8")

    async def send(self, scope: Scope, send: Send) -> None:
        """Send the description, or redirect a browser to the query page."""
        ranges = parse_accept(asgi.header(scope, b"accept"))
        fmt = negotiate(ranges, (*GRAPH_FORMATS, HTML))
        if fmt is HTML:
            await send(
                {"type": "http.response.start", "status": 303, "headers": [(b"location", b"/")]}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        fmt = require(fmt, "the service description", GRAPH_FORMATS)
        body = convert_turtle(self.turtle(request_origin(scope)), fmt.key)
        await asgi.send_bytes(send, 200, fmt.content_type.encode(), body, [(b"vary", b"accept")])
