"""The pages people use: query editor, graph explorer, entity and ontology pages, two views.

The server includes ``build_router(runner, settings)`` and calls ``render_entity`` and
``render_ontology`` for ``/id/{kind}/{key}`` and ``/ontology`` when the browser asks for HTML.
"""

from unsckg.server.pages.entity import render_entity
from unsckg.server.pages.error_pages import install_error_pages
from unsckg.server.pages.ontology_page import render_ontology
from unsckg.server.pages.protocols import SparqlRunner
from unsckg.server.pages.routes import build_router

__all__ = [
    "SparqlRunner",
    "build_router",
    "install_error_pages",
    "render_entity",
    "render_ontology",
]
