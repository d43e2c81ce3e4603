"""The example queries the query page offers, one click to run each.

They come from the graph layer (``unsckg.graph.queries.example_queries()``, read from its
``.rq`` files) so that the gallery, the CLI and the tests that run every example share one list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    """One query of the gallery."""

    name: str
    comment: str
    text: str


def gallery() -> list[Example]:
    """The example queries, in the graph layer's order."""
    try:
        from unsckg.graph.queries import example_queries
    except ModuleNotFoundError:  # the graph layer's queries module has not landed yet
        return []
    return [Example(*_fields(item)) for item in example_queries()]


def _fields(item: object) -> tuple[str, str, str]:
    """Accept the graph layer's records as tuples or as objects with named fields."""
    if isinstance(item, tuple):
        name, comment, text = item[:3]
        return str(name), str(comment), str(text)
    return (
        str(getattr(item, "name", "")),
        str(getattr(item, "comment", "")),
        str(getattr(item, "text", "")),
    )
