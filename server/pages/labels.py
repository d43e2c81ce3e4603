"""Human names for IRIs: one query for a whole page's worth of IRIs, then a choice by language.

Pages show many IRIs (properties, values, subjects); asking for their labels one by one would be
a query per cell, so ``fetch_labels`` asks once with VALUES. Documents have no rdfs:label in the
graph but have a symbol (``S/2020/240``), which is what people call them, so it is a fallback;
a letter without a symbol is known by its source file name, the last fallback.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from unsckg.server.pages.i18n import pick_label, standard_label
from unsckg.server.pages.protocols import SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, lang, local_name, rows, value

_CHUNK = 200


async def fetch_labels(runner: SparqlRunner, iris: Iterable[str], language: str) -> dict[str, str]:
    """Map each IRI that has a label (or a symbol) to the label to show in ``language``."""
    wanted = sorted({i for i in iris if i})
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    symbols: dict[str, str] = {}
    files: dict[str, str] = {}
    described: dict[str, dict[str, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = " ".join(iri(i) for i in wanted[start : start + _CHUNK])
        query = f"""{PREFIXES}
SELECT ?x ?label ?symbol ?file ?kind ?date ?author WHERE {{
  VALUES ?x {{ {chunk} }}
  {{ GRAPH ?g {{ ?x rdfs:label|skos:prefLabel ?label }} }}
  UNION {{ GRAPH ?g {{ ?x unsc:symbol ?symbol }} }}
  UNION {{ GRAPH ?g {{ ?x unsc:sourceFile ?file }}
          OPTIONAL {{ ?x unsc:documentKind ?kind }} OPTIONAL {{ ?x unsc:date ?date }}
          OPTIONAL {{ ?x unsc:authorState ?author }} }}
}}"""
        for row in rows(await runner.select(query)):
            subject = value(row, "x") or ""
            label = value(row, "label")
            if label is not None:
                found[subject].append((label, lang(row, "label")))
            symbol = value(row, "symbol")
            if symbol is not None:
                symbols[subject] = symbol
            elif value(row, "file") is not None:
                files.setdefault(subject, value(row, "file") or "")
                described[subject] = {k: value(row, k) or "" for k in ("kind", "date", "author")}
    authors = {d["author"] for d in described.values() if d["author"]}
    names = await fetch_labels(runner, authors, language) if authors else {}
    for subject, parts in described.items():
        parts["author"] = names.get(parts["author"], "")
        files[subject] = document_title(parts, language) or files[subject]
    labels = files | symbols
    for uri in wanted:
        standard = standard_label(uri, language)
        if standard:
            labels[uri] = standard
    for subject, options in found.items():
        chosen = pick_label(options, language)
        if chosen:
            labels[subject] = chosen
    return labels


KIND_NAMES = {  # unsc:documentKind -> (中文, English)
    "letter": ("信", "Letter"),
    "record": ("会议记录", "Record"),
    "resolution": ("决议", "Resolution"),
    "statement": ("主席声明", "Statement"),
}


def document_title(parts: dict[str, str], language: str) -> str:
    """A document without a symbol is called by its kind, author state and date (a reader
    does not know it by its file name): ``Letter from Viet Nam, 2021-03-25``."""
    kind = parts.get("kind") or parts.get("doc_kind") or ""
    if not kind:
        return ""
    names = KIND_NAMES.get(kind)
    kind_name = names[0 if language == "zh" else 1] if names else kind
    author, date = parts.get("author", ""), parts.get("date", "")
    if language == "zh":
        return f"{author}{kind_name}" + (f"（{date}）" if date else "")
    joined = f"{kind_name} from {author}" if author else kind_name
    return f"{joined}, {date}" if date else joined


def label_or_name(labels: dict[str, str], uri: str) -> str:
    """The label of an IRI, or its last path segment when the graph gives it no name."""
    return labels.get(uri) or local_name(uri)
