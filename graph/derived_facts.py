"""What one named graph says that the build's derived graphs depend on.

Why: the library links (:mod:`unsckg.graph.link`) and the dated representations
(:mod:`unsckg.graph.representations`) are functions of a few predicates only (a subject's type,
``unsc:symbol``, ``unsc:citedAs``; ``unsc:represents``, ``unsc:role`` and the documents'
``unsc:date``). A build keeps them up to date from what each document it adds, replaces or
removes says (:mod:`unsckg.graph.derive`) instead of reading the whole store at the end; this
module reads those few statements out of a document's N-Quads (as the client holds them, after
central resolution) or out of one graph of the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from unsckg.graph.mapping.terms import RDF, UNSC
from unsckg.graph.store import Store, term_text

LINKED_CLASSES = frozenset(c.value for c in (UNSC.Resolution, UNSC.DraftResolution, UNSC.Document))
PREDICATES = (RDF.type, UNSC.symbol, UNSC.citedAs, UNSC.represents, UNSC.role, UNSC.date)
# The lines worth parsing: one of the four predicates, or a type among the linked classes.
# Two patterns with long literal prefixes: one alternation over six IRIs after " <" (which
# starts every term) cost 130 us a document of 45 KB, these 50.
_UNSC = re.escape(str(UNSC.symbol.value).rsplit("#", 1)[0].encode() + b"#")
_LINES = (
    re.compile(rb" <" + _UNSC + rb"(?:symbol|citedAs|represents|role|date)> "),
    re.compile(
        re.escape(str(RDF.type).encode())
        + rb" <"
        + _UNSC
        + rb"(?:"
        + rb"|".join(c.rsplit("#", 1)[1].encode() for c in sorted(LINKED_CLASSES))
        + rb")> "
    ),
)

Pair = tuple[str, str]  # (person, state)


@dataclass(slots=True)
class Contribution:
    """What one graph adds to a person's representation of a state: its documents' earliest
    and latest date, and the person's roles there."""

    first: str
    last: str
    roles: set[str] = field(default_factory=set)

    def widen(self, other: Contribution) -> None:
        self.first, self.last = min(self.first, other.first), max(self.last, other.last)
        self.roles |= other.roles


@dataclass(slots=True)
class GraphFacts:
    """The statements of one graph the derived graphs depend on."""

    typed: set[str] = field(default_factory=set)  # Resolution, DraftResolution or Document
    documents: set[str] = field(default_factory=set)  # typed unsc:Document
    own: dict[str, set[str]] = field(default_factory=dict)  # subject -> unsc:symbol
    cited: dict[str, set[str]] = field(default_factory=dict)  # subject -> unsc:citedAs
    dates: dict[str, set[str]] = field(default_factory=dict)  # subject -> unsc:date
    represents: set[Pair] = field(default_factory=set)
    roles: dict[str, set[str]] = field(default_factory=dict)

    def note(self, subject: str, predicate: str, value: str) -> None:
        """Take one statement (the object as its text, :func:`term_text`)."""
        if predicate == RDF.type.value:
            if value in LINKED_CLASSES:
                self.typed.add(subject)
            if value == UNSC.Document.value:
                self.documents.add(subject)
        elif predicate == UNSC.represents.value:
            self.represents.add((subject, value))
        else:
            table = {
                UNSC.symbol.value: self.own,
                UNSC.citedAs.value: self.cited,
                UNSC.role.value: self.roles,
                UNSC.date.value: self.dates,
            }[predicate]
            table.setdefault(subject, set()).add(value)

    def link_subjects(self) -> set[str]:
        """The subjects whose library links this graph can change (IRIs: a blank node has
        none)."""
        found = self.typed | set(self.own) | set(self.cited)
        return {s for s in found if not s.startswith("_:")}

    def contributions(self) -> dict[Pair, Contribution]:
        """Each (person, state) this graph dates: none when it has no dated document (as in
        :func:`unsckg.graph.representations.intervals`, every date of every document node
        of the graph dates every representation in it)."""
        dates = [d for doc in self.documents for d in self.dates.get(doc, ())]
        if not dates:
            return {}
        first, last = min(dates), max(dates)
        return {
            (person, state): Contribution(first, last, {r for r in self.roles.get(person, ()) if r})
            for person, state in self.represents
        }


def from_nquads(data: bytes) -> GraphFacts:
    """The facts of a document's N-Quads (one graph): only the lines with one of the few
    predicates are parsed (a quick byte search finds them)."""
    facts = GraphFacts()
    lines = list(_lines(data))
    if lines:
        for quad in ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS):
            _note(facts, quad.subject, quad.predicate, quad.object)
    return facts


def _lines(data: bytes) -> Iterator[bytes]:
    """The lines naming a wanted predicate, each once (a literal that merely contains one is
    parsed too, and dropped by :meth:`GraphFacts.note`'s caller)."""
    end = -1
    for found in sorted(m.start() for pattern in _LINES for m in pattern.finditer(data)):
        if found <= end:
            continue
        start = data.rfind(b"\n", 0, found) + 1
        end = data.find(b"\n", found)
        end = len(data) if end < 0 else end
        yield data[start:end] + b"\n"


def from_store(store: Store, graph: ox.NamedNode) -> GraphFacts:
    """The facts of one graph of the store (an index range per predicate: bounded by the
    graph, never a scan of the store)."""
    return from_quads(
        quad
        for predicate in PREDICATES
        for quad in store.raw.quads_for_pattern(None, predicate, None, graph)
    )


def from_quads(quads: Iterable[ox.Quad]) -> GraphFacts:
    facts = GraphFacts()
    for quad in quads:
        _note(facts, quad.subject, quad.predicate, quad.object)
    return facts


def _note(facts: GraphFacts, subject: object, predicate: ox.NamedNode, value: object) -> None:
    """One statement; a blank node subject as ``_:id`` (it may date a graph, but has no links
    and no representation node)."""
    if predicate not in PREDICATES or not isinstance(value, ox.NamedNode | ox.Literal):
        return
    if isinstance(subject, ox.NamedNode):
        facts.note(subject.value, predicate.value, term_text(value))
    elif isinstance(subject, ox.BlankNode):
        facts.note(f"_:{subject.value}", predicate.value, term_text(value))
