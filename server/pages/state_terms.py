"""A member state's seats on the Council and the presidencies it held.

The terms come from the Council's composition (:mod:`unsckg.ontology.council`, reference data:
a document names who voted, never who sat), the presidencies from the graph (``unsc:heldBy``,
each with its month), since only the documents ingested say who presided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from unsckg.ontology.council import load_terms
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, rows, value


@dataclass
class Seat:
    """One term: its first and last day ('' for a permanent seat still held)."""

    start: str
    end: str
    permanent: bool


@dataclass
class StateTerms:
    """A state's terms on the Council and the presidencies the graph knows it held."""

    seats: list[Seat] = field(default_factory=list)
    presidencies: list[tuple[str, str]] = field(default_factory=list)  # (month, href)


def seats_of(iso3: str) -> list[Seat]:
    """Every term of the state, in order (permanent seats have no end)."""
    return [
        Seat(t.start.isoformat(), "" if t.end == date.max else t.end.isoformat(), t.permanent)
        for t in sorted(load_terms(), key=lambda t: t.start)
        if t.iso3 == iso3
    ]


async def state_terms(runner: SparqlRunner, state: str, config: PageConfig) -> StateTerms:
    """The terms (by the state's ISO code, its IRI's last part) and the presidencies."""
    query = f"""{PREFIXES}
SELECT DISTINCT ?p ?month WHERE {{ ?p a unsc:Presidency ; unsc:heldBy {iri(state)} ;
  unsc:month ?month }} ORDER BY ?month"""
    held = [
        (value(r, "month") or "", href(value(r, "p") or "", config.base_iri))
        for r in rows(await runner.select(query))
    ]
    return StateTerms(seats_of(state.rsplit("/", 1)[-1]), held)
