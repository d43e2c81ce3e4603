"""Links to UN open data, and the report of what is linked and what is not.

The links themselves are written where the data is made: states carry ``owl:sameAs`` Wikidata
and their M49/ISO codes in the states graph; resolutions and documents ``rdfs:seeAlso`` their
undocs.org page in the document graphs; people and organisations known to the reference tables
share the reference graphs' IRIs and so their ``owl:sameAs``; ``unsckg link wikidata`` adds
resolutions, people and organisations (:mod:`unsckg.graph.wikidata`); imported voting data
gives resolutions their Digital Library record. This module writes the UN Digital Library and
undocs.org links of every symbol (:func:`write_library_links`), measures the result per class
and target, and names the officials whose Wikidata id the reference table still lacks.

The links' form, as the Library writes them in its catalogue today: undocs.org with the
language (``https://undocs.org/en/S/RES/2518(2020)``) and a Digital Library search on the
document symbol field, MARC 191 $a
(``https://digitallibrary.un.org/search?ln=en&p=191__a%3A%22S%2FRES%2F2518%282020%29%22``); a
record's own page (``https://digitallibrary.un.org/record/<id>``) only where the voting data
names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL, RDFS
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import IriError, IriScheme, normalize_symbol
from unsckg.ontology.vocab import UNSC

WIKIDATA = "http://www.wikidata.org/entity/"
UNDOCS = "https://undocs.org/"
LIBRARY = "https://digitallibrary.un.org/"
NAMES = {WIKIDATA: "Wikidata", UNDOCS: "undocs.org", LIBRARY: "UN Library"}
# class, the property whose presence counts as "linked", and the prefix of what it links to
LINKS = (
    (UNSC.MemberState, OWL.sameAs, WIKIDATA),
    (UNSC.Person, OWL.sameAs, WIKIDATA),
    (UNSC.Organization, OWL.sameAs, WIKIDATA),
    (UNSC.Resolution, OWL.sameAs, WIKIDATA),
    (UNSC.Resolution, RDFS.seeAlso, UNDOCS),
    (UNSC.Resolution, RDFS.seeAlso, LIBRARY),
    (UNSC.DraftResolution, RDFS.seeAlso, UNDOCS),
    (UNSC.DraftResolution, RDFS.seeAlso, LIBRARY),
    (UNSC.Document, RDFS.seeAlso, UNDOCS),
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
    officials of ``data/officials.csv`` without a Wikidata id, every one of them by name
    (the table is short, and each missing id is a row to fill in once it is checked)."""
    report = [
        _count(
            store,
            str(cls).rsplit("#", 1)[-1],
            NAMES[prefix],
            f"?s a <{cls}> .",
            f"?s <{RDFS.label}>|<{UNSC.symbol}> ?l",
            prop,
            examples,
            prefix,
        )
        for cls, prop, prefix in LINKS
    ]
    officials = f"""GRAPH ?g {{ ?s a <{UNSC.Person}> ; <{UNSC.role}> ?post }}
                    FILTER(STRENDS(STR(?g), "/graph/officials"))"""
    english = f'?s <{RDFS.label}> ?l FILTER(LANG(?l) = "en")'
    report.append(
        _count(store, "Official", "Wikidata", officials, english, OWL.sameAs, None, WIKIDATA)
    )
    return report


def _count(
    store: Store,
    name: str,
    target: str,
    nodes: str,
    label: str,
    prop: URIRef,
    examples: int | None,
    prefix: str,
) -> LinkCount:
    """The nodes that ``nodes`` (a SPARQL pattern binding ``?s``) finds, and those of them with
    no ``prop`` to an IRI under ``prefix``; up to ``examples`` of those by ``label`` (a pattern
    binding ``?l``), None: all."""
    rows = store.select_values(
        f"""SELECT ?s (SAMPLE(?l) AS ?label) (COUNT(?o) AS ?links) WHERE {{
              {nodes}
              OPTIONAL {{ ?s <{prop}> ?o FILTER(STRSTARTS(STR(?o), "{prefix}")) }}
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


_SYMBOLISED = f"<{UNSC.Resolution}>, <{UNSC.DraftResolution}>, <{UNSC.Document}>"


def library_links(symbol: str) -> tuple[str, str]:
    """undocs.org (with the language) and the Digital Library's search on the symbol field."""
    text = normalize_symbol(symbol)
    query = quote(f'191__a:"{text}"', safe="")
    return f"{UNDOCS}en/{quote(text, safe='/()')}", f"{LIBRARY}search?ln=en&p={query}"


def library_graph(iris: IriScheme) -> ox.NamedNode:
    """Beside the reference graphs (``{graph_base}links/un-library``): links, not a document."""
    return ox.NamedNode(iris.graph_base + "links/un-library")


def write_library_links(store: Store, iris: IriScheme) -> int:
    """Every symbol's undocs.org and Digital Library links, in a graph of their own, replaced
    whole when the symbols change (the build calls this last); the number of links. A
    resolution only cited has no symbol of its own (a citation is not its statement of its
    year): its links use the symbol as cited."""
    rows = store.select_values(
        f"""SELECT DISTINCT ?s ?symbol WHERE {{ ?s a ?c FILTER(?c IN ({_SYMBOLISED}))
              {{ ?s <{UNSC.symbol}> ?symbol }} UNION {{ ?s <{UNSC.citedAs}> ?symbol
              FILTER NOT EXISTS {{ ?s <{UNSC.symbol}> ?own }} }} }}"""
    )
    graph = library_graph(iris)
    see_also = ox.NamedNode(str(RDFS.seeAlso))
    quads: list[ox.Quad] = []
    for row in rows:
        try:
            links = library_links(row["symbol"])
        except IriError:
            continue
        quads += [
            ox.Quad(ox.NamedNode(row["s"]), see_also, ox.NamedNode(iri), graph) for iri in links
        ]
    if set(store.quads(graph)) != set(quads):
        store.replace(GraphReplacement(graph, quads), ox.NamedNode(str(iris.graph("build"))))
    return len(quads)
