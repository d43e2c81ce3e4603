"""The query interface other parts of the server (the pages) are given.

:class:`SparqlRunner` is the contract: the pages ask for SELECT results as the SPARQL 1.1 JSON
results object and for CONSTRUCT results as N-Triples, and never see the worker processes,
the store or the limits. :class:`PoolRunner` implements it on the worker pool, with the same
time limit, size limit and network guard as the public endpoint.
"""

from __future__ import annotations

import json
import os
from typing import Any, Protocol

from unsckg.server.pool import WorkerPool
from unsckg.server.settings import ServerSettings
from unsckg.server.wire import Message


class SparqlRunner(Protocol):
    """Runs read-only SPARQL queries for server-side code.

    Both methods raise :class:`unsckg.server.errors.EndpointError` subclasses (malformed query,
    time limit, result too large …), which the app turns into the one JSON error shape.
    """

    async def select(self, query: str) -> dict[str, Any]:
        """A SELECT (or ASK) query's results as a SPARQL 1.1 JSON results object."""
        ...

    async def construct(self, query: str) -> bytes:
        """A CONSTRUCT (or DESCRIBE) query's triples as N-Triples."""
        ...


def reply_bytes(reply: Message) -> bytes:
    """The serialised result of a worker reply, read back from the spool file if needed."""
    body = reply.get("body")
    if body is not None:
        return bytes(body)
    path = reply["path"]
    try:
        with open(path, "rb") as handle:
            return handle.read()
    finally:
        os.unlink(path)


class PoolRunner:
    """:class:`SparqlRunner` on the worker pool; results come back whole, in memory."""

    def __init__(self, pool: WorkerPool, settings: ServerSettings) -> None:
        self.pool = pool
        self.settings = settings

    def message(self, query: str, *, results: str | None, graph: str | None) -> Message:
        return {
            "op": "query",
            "query": query,
            "union": self.settings.union_default_graph,  # unless FROM: the worker checks
            "allow": list(self.settings.service_allowlist),
            "rf": results,
            "gf": graph,
            "max": self.settings.max_result_bytes,
            "inline": self.settings.max_result_bytes,
        }

    async def select(self, query: str) -> dict[str, Any]:
        message = self.message(query, results="json", graph=None)
        reply = await self.pool.request(message, self.settings.query_timeout)
        parsed: dict[str, Any] = json.loads(reply_bytes(reply))
        return parsed

    async def construct(self, query: str) -> bytes:
        message = self.message(query, results=None, graph="ntriples")
        reply = await self.pool.request(message, self.settings.query_timeout)
        return reply_bytes(reply)
