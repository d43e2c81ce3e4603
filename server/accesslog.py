"""A structured access log: one JSON object per request on the ``unsckg.access`` logger.

Fields: time, method, path, status, response bytes, duration in milliseconds, client
address. Query text is not logged (it may be large, and may carry what users consider
private); its length is.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from unsckg.server.asgi import Receive, Scope, Send

log = logging.getLogger("unsckg.access")


class AccessLog:
    """Pure ASGI middleware, cheap enough for the SPARQL hot path."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        state = {"status": 0, "bytes": 0}

        async def logged_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            elif message["type"] == "http.response.body":
                state["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            client = scope.get("client")
            record = {
                "ts": round(time.time(), 3),
                "method": scope["method"],
                "path": scope["path"],
                "query_bytes": len(scope.get("query_string", b"")),
                "status": state["status"] or 500,
                "bytes": state["bytes"],
                "ms": round((time.perf_counter() - start) * 1000, 2),
                "client": client[0] if client else None,
            }
            log.info(json.dumps(record))
