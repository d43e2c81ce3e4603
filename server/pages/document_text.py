"""A document's text as far as the store holds it: every quoted span, in reading order.

The store keeps no full text of a document (only each fact's evidence: the quote and its
character offsets into the original text), and the server must not read source files. So the
document page shows the spans in offset order, each a ``<mark>`` with the facts it states on
hover and a link to each, the gaps between them given as a count of characters left out.
Each span has the id ``span-<start>-<end>``, which every evidence link elsewhere points at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unsckg.server.pages.incoming import vote_summaries
from unsckg.server.pages.labels import fetch_labels, label_or_name
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import PREFIXES, iri, rows, value

_LIMIT = 2000


@dataclass
class Span:
    """One quoted span and the facts it states; ``gap`` characters precede it unseen."""

    start: int
    end: int
    quote: str
    gap: int
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, href)

    @property
    def anchor(self) -> str:
        return f"span-{self.start}-{self.end}"

    @property
    def hover(self) -> str:
        return "; ".join(label for label, _ in self.facts)


def _query(document: str) -> str:
    return f"""{PREFIXES}
SELECT ?start ?end ?quote ?fact WHERE {{
  GRAPH {iri(document)} {{
    ?ev a unsc:Evidence ; unsc:quote ?quote ; unsc:startOffset ?start ; unsc:endOffset ?end .
    OPTIONAL {{ ?fact unsc:evidence ?ev }}
  }}
}} ORDER BY ?start ?end LIMIT {_LIMIT}"""


async def document_spans(
    runner: SparqlRunner, document: str, config: PageConfig, language: str
) -> list[Span]:
    """The document's quoted spans in reading order (empty when it has none)."""
    found = rows(await runner.select(_query(document)))
    facts = {value(r, "fact") or "" for r in found} - {""}
    labels = await fetch_labels(runner, facts, language)
    labels.update(await vote_labels(runner, facts, config, language))
    spans: dict[tuple[int, int], Span] = {}
    for row in found:
        start, end = int(value(row, "start") or 0), int(value(row, "end") or 0)
        span = spans.setdefault((start, end), Span(start, end, value(row, "quote") or "", 0))
        fact = value(row, "fact")
        if fact and fact != document:
            entry = (_fact_label(fact, labels, config), href(fact, config.base_iri))
            if entry not in span.facts:
                span.facts.append(entry)
        elif fact == document and ("", "") not in span.facts:
            span.facts.append((_document_fact(language), ""))
    ordered = sorted(spans.values(), key=lambda s: (s.start, s.end))
    reached = 0
    for span in ordered:
        span.gap = max(0, span.start - reached)
        reached = max(reached, span.end)
    return ordered


async def vote_labels(
    runner: SparqlRunner, facts: set[str], config: PageConfig, language: str
) -> dict[str, str]:
    """Votes have no label: call each by its voter and value (``China: in favour``)."""
    votes = {f for f in facts if f.startswith(config.base_iri + "vote/")}
    summaries = await vote_summaries(runner, votes, language)
    voters = {v: f"{config.base_iri}state/{v.rsplit('/', 1)[-1]}" for v in votes}
    names = await fetch_labels(runner, set(voters.values()), language)
    return {
        vote: f"{names.get(voters[vote], voters[vote][-3:])}{'：' if language == 'zh' else ': '}"
        f"{summaries[vote][1]}"
        for vote in votes
        if vote in summaries
    }


def _fact_label(fact: str, labels: dict[str, str], config: PageConfig) -> str:
    """A fact's label, or its kind and key (``vote S-2020-240/BEL``)."""
    if fact in labels:
        return labels[fact]
    tail = fact[len(config.base_iri) :] if fact.startswith(config.base_iri) else fact
    return label_or_name({}, fact) if "/" not in tail else tail.replace("/", " ", 1)


def _document_fact(language: str) -> str:
    return "文件本身（文号、日期）" if language == "zh" else "the document itself (symbol, date)"
