"""Links to UN open data, and the report of what is linked and what is not.

The links themselves are written where the data is made: states carry ``owl:sameAs`` Wikidata
and their M49/ISO codes in the states graph; resolutions and documents ``rdfs:seeAlso`` their
undocs.org page in the document graphs; people and organisations known to the reference tables
share the reference graphs' IRIs and so their ``owl:sameAs``. This module measures the result,
and names the officials whose Wikidata id the reference table still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import OWL, RDFS
from unsckg.graph.store import Store
from unsckg.ontology.vocab import UNSC

# class -> the property whose presence counts as "linked", and what it links to
LINKS = (
    (UNSC.MemberState, OWL.sameAs, "Wikidata"),
    (UNSC.Person, OWL.sameAs, "Wikidata"),
    (UNSC.Organization, OWL.sameAs, "Wikidata"),
    (UNSC.Resolution, RDFS.seeAlso, "undocs.org"),
    (UNSC.DraftResolution, RDFS.seeAlso, "undocs.org"),
    (UNSC.Document, RDFS.seeAlso, "undocs.org"),
)


@dataclass(frozen=True, slots=True)
class LinkCount:
    cls: str
    target: str
    total: int
    linked: int
    unlinked_examples: tuple[str, ...]

    @property
    def unlinked(self) -> int:
        return self.total - self.linked


def link_report(store: Store, examples: int = 5) -> list[LinkCount]:
    """Per class: how many nodes, how many linked, a few unlinked ones by label; then the
    officials of ``reference/officials.csv`` without a Wikidata id, every one of them by name
    (the table is short, and each missing id is a row to fill in once it is checked)."""
    report = [
        _count(
            store,
            str(cls).rsplit("#", 1)[-1],
            target,
            f"?s a <{cls}> .",
            f"?s <{RDFS.label}>|<{UNSC.symbol}> ?l",
            prop,
            examples,
        )
        for cls, prop, target in LINKS
    ]
    officials = f"""GRAPH ?g {{ ?s a <{UNSC.Person}> ; <{UNSC.role}> ?post }}
                    FILTER(STRENDS(STR(?g), "/graph/officials"))"""
    english = f'?s <{RDFS.label}> ?l FILTER(LANG(?l) = "en")'
    report.append(_count(store, "Official", "Wikidata", officials, english, OWL.sameAs, None))
    return report


def _count(
    store: Store, name: str, target: str, nodes: str, label: str, prop: URIRef, examples: int | None
) -> LinkCount:
    """The nodes that ``nodes`` (a SPARQL pattern binding ``?s``) finds, and those of them with
    no ``prop``; up to ``examples`` of those by ``label`` (a pattern binding ``?l``), None: all."""
    rows = store.select_values(
        f"""SELECT ?s (SAMPLE(?l) AS ?label) (COUNT(?o) AS ?links) WHERE {{
              {nodes}
              OPTIONAL {{ ?s <{prop}> ?o }}
              OPTIONAL {{ {label} }}
            }} GROUP BY ?s ORDER BY ?s"""
    )
    unlinked = [r for r in rows if int(r["links"]) == 0]
    names = tuple(r.get("label", r["s"]) for r in unlinked[:examples])
    return LinkCount(name, target, len(rows), len(rows) - len(unlinked), names)


def report_text(counts: list[LinkCount]) -> str:
    lines = [f"{'class':<16} {'to':<11} {'total':>6} {'linked':>7} {'unlinked':>9}  examples"]
    for c in counts:
        lines.append(
            f"{c.cls:<16} {c.target:<11} {c.total:>6} {c.linked:>7} {c.unlinked:>9}  "
            + ", ".join(c.unlinked_examples)
        )
    return "\n".join(lines)
