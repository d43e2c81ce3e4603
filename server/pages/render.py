"""Templates and the response that every HTML page goes through.

One Jinja environment (autoescaping on: labels and quotes come from documents) loaded from the
package, so a non-editable install finds its templates; one ``page()`` that works out the
language, hands the templates their strings and remembers a language switch in a cookie.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from unsckg.server.pages.i18n import COOKIE, request_language, translator
from unsckg.server.pages.protocols import LANGUAGES, PageConfig, page_config


@cache
def environment() -> Environment:
    """The template environment, built once per process."""
    env = Environment(
        loader=PackageLoader("unsckg.server", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_attr"] = script_json
    env.filters["script_lang"] = script_lang
    return env


def script_lang(text: object, interface: str) -> str:
    """``zh`` for text written in Chinese characters shown in the English interface (and
    ``en`` for Latin text in the Chinese one), so a template can mark it ``lang=``; else ''."""
    value = str(text or "")
    han = any("\u4e00" <= c <= "\u9fff" for c in value)
    latin = any(c.isascii() and c.isalpha() for c in value)
    if han and interface != "zh":
        return "zh"
    if latin and not han and interface == "zh" and len(value) > 3:
        return "en"
    return ""


def script_json(data: Any) -> Markup:
    """JSON safe to place inside a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are escaped so that a label containing ``</script>`` cannot close
    the element; JSON.parse reads the escapes back as the same characters.
    """
    text = json.dumps(data, ensure_ascii=False, default=lambda o: getattr(o, "__dict__", str(o)))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def request_config(request: Request, settings: object | None = None) -> PageConfig:
    """The page settings: those passed in, else the app's ``state.settings``, else defaults."""
    if settings is None:
        settings = getattr(request.app.state, "settings", None)
    return page_config(settings)


def page(
    request: Request,
    template: str,
    config: PageConfig,
    context: dict[str, Any],
    status_code: int = 200,
) -> HTMLResponse:
    """Render one page in the request's language."""
    language = request_language(request, config)
    strings = translator(language)
    html = (
        environment()
        .get_template(template)
        .render(
            request=request,
            lang=language,
            other_lang=next(code for code in LANGUAGES if code != language),
            t=strings,
            path=request.url.path,
            switch={code: _with_lang(request, code) for code in LANGUAGES},
            config=config,
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status_code)
    asked = request.query_params.get("lang")
    if asked is not None and asked in LANGUAGES:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax")
    response.headers["Content-Language"] = language
    response.headers["Vary"] = "Accept, Cookie"
    return response


def _with_lang(request: Request, code: str) -> str:
    """This page's path and query with ``lang`` set: relative, so it survives a proxy."""
    url = request.url.include_query_params(lang=code)
    return f"{url.path}?{url.query}"
