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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import OWL, RDFS
from unsckg.graph.store import DEFAULT_GRAPH, Store
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


BATCH = 2000  # subjects per query and per write: bounds the memory of the last build step


def write_library_links(store: Store, iris: IriScheme, batch: int = BATCH) -> int:
    """Bring the graph of every symbol's undocs.org and Digital Library links up to date (the
    build calls this last); the number of links added or removed.

    Why in batches: at 100,000 documents the graph holds 200,000 links, and building it whole in
    memory (then one SPARQL update) made the build's peak memory grow with the corpus. Here the
    symbols and the links are read through the store's lazy iterators, ``batch`` subjects at a
    time; only the links missing (this build's new symbols) are added and only the stale ones
    (a symbol gone or changed) removed, each batch in one transaction. A resolution only cited
    has no symbol of its own (a citation is not its statement of its year): its links use the
    symbol as cited.
    """
    graph = library_graph(iris)
    changed = 0
    for prop in (UNSC.symbol, UNSC.citedAs):
        for subjects in _batches(_subjects(store, prop, DEFAULT_GRAPH), batch):
            changed += sync_links(store, graph, subjects, iris)
    for subjects in _batches(_subjects(store, RDFS.seeAlso, graph), batch):
        changed += sync_links(store, graph, subjects, iris)
    return changed


def _subjects(store: Store, prop: URIRef, graph: ox.NamedNode | ox.DefaultGraph) -> Iterator[str]:
    """Subjects of ``prop`` in ``graph``, lazily, each once per run of equal subjects."""
    last = None
    for quad in store.raw.quads_for_pattern(None, ox.NamedNode(str(prop)), None, graph):
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value != last:
            last = quad.subject.value
            yield last


def _batches(items: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def sync_links(store: Store, graph: ox.NamedNode, subjects: Sequence[str], iris: IriScheme) -> int:
    """Make the links of ``subjects`` in ``graph`` those their symbols give; the change."""
    values = " ".join(f"<{s}>" for s in set(subjects))
    wanted: set[tuple[str, str]] = set()
    for row in store.select_values(
        f"""SELECT DISTINCT ?s ?symbol WHERE {{ VALUES ?s {{ {values} }}
              ?s a ?c FILTER(?c IN ({_SYMBOLISED}))
              {{ ?s <{UNSC.symbol}> ?symbol }} UNION {{ ?s <{UNSC.citedAs}> ?symbol
              FILTER NOT EXISTS {{ ?s <{UNSC.symbol}> ?own }} }} }}"""
    ):
        try:
            wanted.update((row["s"], iri) for iri in library_links(row["symbol"]))
        except IriError:
            continue
    held = {
        (row["s"], row["o"])
        for row in store.select_values(
            f"""SELECT ?s ?o WHERE {{ VALUES ?s {{ {values} }}
                  GRAPH <{graph.value}> {{ ?s <{RDFS.seeAlso}> ?o }} }}"""
        )
    }
    missing, stale = sorted(wanted - held), sorted(held - wanted)
    see_also = ox.NamedNode(str(RDFS.seeAlso))
    if missing:
        store.add(ox.Quad(ox.NamedNode(s), see_also, ox.NamedNode(o), graph) for s, o in missing)
    if stale:
        store.update(_removal(graph, stale))
    return len(missing) + len(stale)


def _removal(graph: ox.NamedNode, links: list[tuple[str, str]]) -> str:
    """SPARQL that removes these links from ``graph``, and from the merge unless another graph
    states them too (a document graph states its own undocs.org link)."""
    rows = " ".join(f"(<{s}> <{o}>)" for s, o in links)
    see_also = f"<{RDFS.seeAlso}>"
    return (
        f"DELETE {{ ?s {see_also} ?o }} WHERE {{ VALUES (?s ?o) {{ {rows} }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s {see_also} ?o }} FILTER(?g != {graph}) }} }} ;\n"
        f"DELETE {{ GRAPH {graph} {{ ?s {see_also} ?o }} }} WHERE {{ VALUES (?s ?o) {{ {rows} }} }}"
    )
