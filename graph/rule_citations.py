"""A rule over citations: a resolution cited under a symbol its own documents do not give it.

Why a rule and not a second year: a citation is the citing text's statement, not the
resolution's (the mapping writes it as ``unsc:citedAs`` in the citing document's graph, and the
resolution's ``unsc:year`` and ``unsc:symbol`` only from the documents that adopt it or vote on
it). A citing text may misprint the year (``2118 (2113)`` in S/RES/2139 (2014), ``1521 (2005)``
in S/RES/1730 (2006)); that is a finding on the citing document, a warning, since the graph
cannot tell the reader more than the two texts say. A resolution no ingested document adopts
has no year of its own; its citations are compared with the symbol most of them give.
"""

from __future__ import annotations

from collections import defaultdict

from unsckg.graph.rules import WARNING, Finding
from unsckg.graph.store import Store
from unsckg.ontology.vocab import UNSC

Claims = dict[str, set[str]]  # a symbol -> the graphs that state it


def _claims(store: Store, query: str) -> dict[str, Claims]:
    """Resolution -> symbol -> graphs, from a query over ``?r ?symbol ?g``."""
    found: dict[str, Claims] = defaultdict(lambda: defaultdict(set))
    for row in store.select_values(query):
        found[row["r"]][row["symbol"]].add(row["g"])
    return found


def _said(claims: Claims) -> str:
    return "; ".join(
        f"{symbol} according to {', '.join(sorted(graphs))}"
        for symbol, graphs in sorted(claims.items())
    )


def _odd_citations(cited: Claims, own: Claims | None) -> tuple[Claims, Claims]:
    """The citations to report and what they are compared with: those that differ from the
    resolution's own symbol; with none, those cited by fewer documents than the commonest."""
    if own:
        return {s: g for s, g in cited.items() if s not in own}, own
    most = max(len(g) for g in cited.values())
    common = {s: g for s, g in cited.items() if len(g) == most}
    if len(common) > 1:  # a tie: no majority says which one is misprinted
        return {}, {}
    return {s: g for s, g in cited.items() if s not in common}, common


def cited_years(store: Store) -> list[Finding]:
    """Each citing document whose cited symbol differs from the resolution's own symbol, or,
    for a resolution no ingested document adopts, from the symbol most documents cite."""
    own = _claims(
        store,
        f"""SELECT ?r ?symbol ?g WHERE {{ GRAPH ?g {{ ?r <{UNSC.symbol}> ?symbol ;
              a <{UNSC.Resolution}> }} }}""",
    )
    cited = _claims(
        store, f"SELECT ?r ?symbol ?g WHERE {{ GRAPH ?g {{ ?r <{UNSC.citedAs}> ?symbol }} }}"
    )
    findings = []
    for resolution, claims in sorted(cited.items()):
        odd, against = _odd_citations(claims, own.get(resolution))
        whose = "own documents" if own.get(resolution) else "other citing documents"
        for symbol, graphs in sorted(odd.items()):
            stated = {g for gs in against.values() for g in gs}
            findings += [
                Finding(
                    rule="cited-year",
                    severity=WARNING,
                    focus=graph,
                    message=f"cites {symbol}, a symbol the resolution's {whose} do not give it "
                    f"({_said(against)}): a misprint in the citing document, or in those",
                    sources=tuple(sorted({graph, *stated})),
                )
                for graph in sorted(graphs)
            ]
    return sorted(findings, key=lambda f: (f.focus, f.message))
