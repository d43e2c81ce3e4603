"""The example queries the query page offers, one click to run each.

They come from the graph layer (``unsckg.graph.queries.example_queries()``, read from its
``.rq`` files) so that the gallery, the CLI and the tests that run every example share one list.
Their titles and descriptions in both interface languages are data (``gallery.toml`` beside
this module): the ``.rq`` comments are English only, and a file slug is no title.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from unsckg.graph.queries import example_queries
from unsckg.server.pages.protocols import LANGUAGES


@dataclass(frozen=True)
class Example:
    """One query of the gallery: its file name, title and description, and its text."""

    name: str
    title: str
    comment: str
    text: str


@cache
def gallery_texts() -> dict[str, dict[str, list[str]]]:
    """``{query name: {language: [title, description]}}`` from ``gallery.toml``."""
    source = resources.files(__package__).joinpath("gallery.toml").read_text(encoding="utf-8")
    return tomllib.loads(source)


def gallery(language: str = "zh") -> list[Example]:
    """The example queries in the graph layer's order, titled in ``language``.

    A query without an entry keeps its file name and its ``.rq`` comment, so a new example
    shows up at once (and the test that checks the entries fails until it is titled).
    """
    language = language if language in LANGUAGES else "zh"
    texts = gallery_texts()
    result = []
    for name, comment, text in example_queries():
        title, description = texts.get(name, {}).get(language, [name, comment])
        result.append(Example(name, title, description, text))
    return result
