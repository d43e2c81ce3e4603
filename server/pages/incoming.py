"""An entity's incoming links, grouped by property and counted, each thing listed once.

The same link is often stated by several documents (one row per named graph): a reader wants
"represents (3)" with three people, not a row per document. Votes pointing at a state show
what the vote was on and its value, coloured, rather than a bare vote key.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from unsckg.ontology.vocab import UNSC
from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, Row, iri, local_name, rows, value

if TYPE_CHECKING:
    from unsckg.server.pages.entity import Incoming, Term

SHOWN = 200  # subjects listed per property; the count says how many there are
_HIDDEN = {str(UNSC.evidence)}


async def vote_summaries(
    runner: SparqlRunner, votes: set[str], language: str
) -> dict[str, tuple[str, str, str]]:
    """For each vote: (what it was on, its value's label, its value's local name)."""
    if not votes:
        return {}
    listed = " ".join(iri(v) for v in sorted(votes))
    query = f"""{PREFIXES}
SELECT ?vote ?value ?on ?date WHERE {{
  VALUES ?vote {{ {listed} }} ?vote unsc:value ?value .
  OPTIONAL {{ ?vote unsc:draft/unsc:symbol ?on }} OPTIONAL {{ ?vote unsc:date ?date }}
}}"""
    found = rows(await runner.select(query))
    labels = await fetch_labels(runner, {value(r, "value") or "" for r in found}, language)
    result = {}
    for row in found:
        vote, on = value(row, "vote") or "", value(row, "on") or value(row, "date") or ""
        val = value(row, "value") or ""
        result[vote] = (on or local_name(vote), label_or_name(labels, val), local_name(val))
    return result


async def group_incoming(
    runner: SparqlRunner,
    incoming: list[Row],
    labels: dict[str, str],
    config: PageConfig,
    language: str,
) -> list[Incoming]:
    """Incoming links grouped by property, most frequent first, subjects in collation order."""
    from unsckg.server.pages.entity import Incoming, Term

    groups: dict[str, set[str]] = defaultdict(set)
    for row in incoming:
        prop, subject = value(row, "p") or "", value(row, "s") or ""
        if prop not in _HIDDEN and subject:
            groups[prop].add(subject)
    votes = await vote_summaries(runner, groups.get(str(UNSC.voter), set()), language)
    result = []
    for prop, subjects in groups.items():
        terms = [_subject(s, labels, votes, config) for s in subjects]
        terms.sort(key=lambda t: sort_key(t.text, language))
        prop_term = Term(label_or_name(labels, prop), href(prop, config.base_iri))
        result.append(Incoming(prop_term, len(terms), terms[:SHOWN]))
    result.sort(key=lambda g: (-g.count, g.prop.text))
    return result


def _subject(
    subject: str,
    labels: dict[str, str],
    votes: dict[str, tuple[str, str, str]],
    config: PageConfig,
) -> Term:
    from unsckg.server.pages.entity import Term

    link = href(subject, config.base_iri)
    if subject in votes:
        on, shown, name = votes[subject]
        return Term(on, link, note=shown, css=f"vote-{name}")
    text = labels.get(subject) or subject[len(config.base_iri) :].split("/", 1)[-1]
    return Term(text, link)
