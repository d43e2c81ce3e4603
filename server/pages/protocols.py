"""The two things the pages need from the server: a way to run SPARQL and the settings.

The server engineer owns the real ``SparqlRunner`` (``unsckg.server.runner``); the pages type
against this structural copy so that they depend on the shape of the runner, not on its module,
and so that any object with the two coroutines (a worker pool, a test double) can drive them.
Settings are read the same way: by attribute, with the defaults the design fixes, because the
pages must render whatever settings object the app factory builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from unsckg.ontology.iris import DEFAULT_BASE

DEFAULT_BASE_IRI = DEFAULT_BASE
LANGUAGES = ("zh", "en")


class SparqlRunner(Protocol):
    """Runs read-only SPARQL against the store (see ``unsckg.server.runner``)."""

    async def select(self, query: str) -> dict[str, Any]:
        """Return a SPARQL 1.1 JSON results object for a SELECT or ASK query."""
        ...

    async def construct(self, query: str) -> bytes:
        """Return the N-Triples of a CONSTRUCT or DESCRIBE query."""
        ...


@dataclass(frozen=True)
class PageConfig:
    """What the pages read from the app's settings."""

    base_iri: str = DEFAULT_BASE_IRI
    default_language: str = "zh"
    store: Path | None = None  # the store's folder: its texts and its generation (see home)


def page_config(settings: object) -> PageConfig:
    """Read the page settings from the app factory's settings object, whatever its class.

    Accepts ``base_iri`` or ``base``, and ``language`` or ``default_language``; an unknown
    language falls back to Chinese, the corpus's language.
    """
    base = getattr(settings, "base_iri", None) or getattr(settings, "base", None)
    language = getattr(settings, "default_language", None) or getattr(settings, "language", None)
    if language not in LANGUAGES:
        language = "zh"
    store = getattr(settings, "store_path", None)
    return PageConfig(
        base_iri=str(base or DEFAULT_BASE_IRI),
        default_language=str(language),
        store=Path(store) if store else None,
    )
