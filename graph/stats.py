"""Counts per class and per named graph (``unsckg stats``, and the server's ``/health``)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.namespace import RDF
from unsckg.graph.store import Store


@dataclass(frozen=True, slots=True)
class Stats:
    triples: int  # quads in the store (a triple said by two documents counts twice)
    merged: int  # triples of the default graph, the merge of the named graphs
    graphs: dict[str, int]
    classes: dict[str, int]

    def as_dict(self) -> dict[str, object]:
        return {
            "quads": self.triples,
            "merged_triples": self.merged,
            "graphs": self.graphs,
            "classes": self.classes,
        }


def stats(store: Store) -> Stats:
    graphs = {
        row["g"]: int(row["n"])
        for row in store.select_values(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
    }
    classes = {
        row["c"]: int(row["n"])
        for row in store.select_values(
            f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s <{RDF.type}> ?c }}
                GROUP BY ?c ORDER BY ?c"""
        )
    }
    merged = store.select_values("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return Stats(len(store), int(merged[0]["n"]), graphs, classes)
