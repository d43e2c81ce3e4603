"""The example queries the query page offers, one click to run each.

They come from the graph layer (``unsckg.graph.queries.example_queries()``, read from its
``.rq`` files) so that the gallery, the CLI and the tests that run every example share one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from unsckg.graph.queries import example_queries


@dataclass(frozen=True)
class Example:
    """One query of the gallery."""

    name: str
    comment: str
    text: str


def gallery() -> list[Example]:
    """The example queries, in the graph layer's order (sorted by name)."""
    return [Example(name, comment, text) for name, comment, text in example_queries()]
