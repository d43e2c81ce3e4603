"""The example SPARQL queries: competency questions the graph must answer.

The ``.rq`` files next to this module are the one source (package data, so the server's query
gallery finds them in an installed package too); ``examples/queries/`` holds copies for users to
browse, and ``tests/graph/test_queries.py`` fails when the copies drift. Each file starts with
``#`` comment lines saying what it answers.
"""

from __future__ import annotations

from importlib import resources


def _comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines)


def example_queries() -> list[tuple[str, str, str]]:
    """``(name, comment, text)`` of every example query, sorted by name."""
    folder = resources.files(__name__)
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".rq")), key=lambda e: e.name)
    result = []
    for entry in entries:
        text = entry.read_text(encoding="utf-8")
        result.append((entry.name.removesuffix(".rq"), _comment(text), text))
    return result
