"""Site-styled HTML error pages for browsers; every other client keeps the JSON error shape.

The app factory installs its JSON handlers first; ``install_error_pages(app)`` then wraps each
of them, so a request whose ``Accept`` names ``text/html`` (a browser navigating) gets the same
status with the site's header, and a client asking for JSON or ``*/*`` gets exactly what it got
before. The message shown is the error's own message, never a stack trace.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from unsckg.server.pages.render import page, request_config

log = logging.getLogger("unsckg.server.pages")
Handler = Callable[[Request, Any], Response | Awaitable[Response]]


def wants_html(request: Request) -> bool:
    """True for a browser: ``text/html`` is named in Accept and JSON is not preferred to it."""
    accept = request.headers.get("accept", "").lower()
    if "text/html" not in accept:
        return False
    json_at = accept.find("application/json")
    return json_at < 0 or accept.find("text/html") < json_at


def _error_fields(response: Response) -> tuple[int, str, str]:
    """Status, code and message read back from the JSON error the wrapped handler made."""
    try:
        error: dict[str, Any] = json.loads(bytes(response.body))["error"]
    except (ValueError, KeyError, TypeError):
        return response.status_code, "error", ""
    return response.status_code, str(error.get("code", "")), str(error.get("message", ""))


def html_error(request: Request, status: int, code: str, message: str) -> Response:
    """The error page: the status, a sentence in the interface language, the error's message."""
    context = {"status": status, "code": code, "message": message}
    response = page(request, "error.html", request_config(request), context, status_code=status)
    response.headers["Vary"] = "Accept, Cookie"
    return response


def _wrap(handler: Handler) -> Handler:
    async def negotiated(request: Request, error: Exception) -> Response:
        response = handler(request, error)
        if inspect.isawaitable(response):
            response = await response
        if not wants_html(request) or request.method not in ("GET", "HEAD"):
            return response
        status, code, message = _error_fields(response)
        html = html_error(request, status, code, message)
        for name in ("allow", "www-authenticate"):
            if name in response.headers:
                html.headers[name] = response.headers[name]
        return html

    return negotiated


def install_error_pages(app: FastAPI) -> None:
    """Wrap every exception handler the app already has (call after the app installs them)."""
    for key, handler in list(app.exception_handlers.items()):
        app.exception_handlers[key] = _wrap(handler)
