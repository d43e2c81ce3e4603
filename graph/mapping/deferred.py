"""Mapping without the cross-document decisions, and applying them afterwards.

Why: mapping a document is per-document work except for the few IRIs only entity resolution
can decide (which person a name is, which meeting an announcement is), and resolution must see
the documents one after the other in file-name order. So a document is mapped where it was
extracted (a build's worker process) with a :class:`DeferredResolver`, which hands out a
placeholder IRI per question and records the question. The result, a :class:`MappedDocument`,
is the document's N-Quads (and their copies for the merge) as bytes, plus the few triples that
name a placeholder, kept as text with holes. The build's process then only asks its
:class:`~unsckg.graph.resolve.Resolver` the recorded questions, in the order the mappers asked
them, and fills the holes (:func:`resolve_document`): the same calls in the same order as
mapping with the resolver directly, so the same decisions, for a fraction of the work.

A person's labels depend on the resolver's answer (its one ``rdfs:label``, and the document's
spelling as ``skos:altLabel`` where it differs), so they are written by :func:`resolve_document`,
once per question, which is once per person the mappers wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import URIRef
from unsckg.graph.mapping.labels import name_language
from unsckg.graph.mapping.terms import RDFS, SKOS
from unsckg.graph.reference import Official, OrganizationEntry, load_officials, organization_index
from unsckg.graph.resolve import (
    PersonRef,
    Resolver,
    label_form,
    official_for_post,
    organization_iri,
)
from unsckg.ontology.iris import IriScheme

# A placeholder's key: ``@pending3@`` stands for the answer to question 3. ``@`` never occurs in
# the IRIs the mappers make (keys are dates, symbol keys and ``name_key``s, which drop it).
_HOLE = re.compile(r"@pending(\d+)@")

# A hole in a template: ``2k`` is the full IRI answering question ``k``, ``2k + 1`` its key
# (a briefing's IRI holds its meeting's key). Text parts are ``str``.
Part = str | int


class PersonQuestion(NamedTuple):
    name: str
    state: str | None
    role: str | None
    date: str | None = None  # the document's date: people are told apart over time
    document: str | None = None  # the document's IRI: its language versions name one person


class MeetingQuestion(NamedTuple):
    date: str
    number: str | None
    format: str | None


class DecisionQuestion(NamedTuple):
    """Which key names the decision on a draft: the draft's, where any document links the
    resolution to it (``S-2019-328``), else the resolution's (``S-RES-2467-2019``)."""

    draft: str | None  # the draft's symbol key
    number: int | None  # the resolution's number
    fallback: str  # the key to mint when no document links the two


Question = PersonQuestion | MeetingQuestion | DecisionQuestion


@lru_cache(maxsize=1)
def _default_tables() -> tuple[tuple[Official, ...], dict[str, OrganizationEntry]]:
    """The reference tables, read once per process (a worker maps thousands of documents)."""
    return load_officials(), organization_index()


class DeferredResolver:
    """What the mappers resolve with: placeholders now, the :class:`Resolver`'s answers later.

    Questions that need no other document (a post's holder on a date, an organisation in the
    reference table) are answered here; the rest are recorded in ``questions``.
    """

    def __init__(self, iris: IriScheme, officials: tuple[Official, ...] | None = None) -> None:
        default_officials, self._organizations = _default_tables()
        self.iris = iris
        self.officials = default_officials if officials is None else officials
        self.questions: list[Question] = []
        self._placeholders: dict[str, int] = {}

    def _ask(self, question: Question, kind: str) -> URIRef:
        number = len(self.questions)
        self.questions.append(question)
        iri = self.iris.iri(kind, f"@pending{number}@")
        self._placeholders[str(iri)] = number
        return iri

    def person(
        self,
        name: str,
        state: str | None,
        role: str | None,
        date: str | None = None,
        document: str | None = None,
    ) -> URIRef:
        """A placeholder for the person a name refers to."""
        return self._ask(PersonQuestion(name, state, role, date, document), "person")

    def post_holder(self, title: str | None, date: str | None) -> URIRef | None:
        """A placeholder for the official who held a post on a date, None when nobody known
        did (the table alone decides that; which IRI the official has is the resolver's)."""
        official = official_for_post(self.officials, title, date)
        if official is None:
            return None
        return self.person(official.name_zh, None, official.post, date)

    def meeting(self, date: str, number: str | None, fmt: str | None) -> URIRef:
        """A placeholder for the meeting; a bad date fails here, in the worker."""
        self.iris.meeting(date)  # IriError for a date that is not one
        return self._ask(MeetingQuestion(date, number, fmt), "meeting")

    def decision(self, draft: str | None, number: int | None, fallback: str) -> str:
        """A placeholder key for the decision a vote, tally or explanation is about."""
        iri = self._ask(DecisionQuestion(draft, number, fallback), "document")
        return iri[len(self.iris.base) :].partition("/")[2]

    def organization(self, name: str, title: str | None = None) -> tuple[URIRef, bool]:
        """Decided from the reference table alone, so right away (see ``Resolver``)."""
        return organization_iri(self._organizations, self.iris, name, title)

    def template(self, iri: str) -> tuple[Part, ...] | None:
        """An IRI's N-Triples text with holes, or None when it names no placeholder."""
        number = self._placeholders.get(iri)
        if number is not None:
            return ("<", 2 * number, ">")
        if "@pending" not in iri:
            return None
        parts: list[Part] = ["<"]
        at = 0
        for match in _HOLE.finditer(iri):  # an IRI made from a placeholder's key (a briefing)
            number = int(match.group(1))
            if number >= len(self.questions):
                return None  # not one of ours after all
            parts += [iri[at : match.start()], 2 * number + 1]
            at = match.end()
        parts.append(iri[at:] + ">")
        return tuple(parts) if at else None


@dataclass(frozen=True, slots=True)
class MappedDocument:
    """A document mapped but not yet resolved: small, and cheap to send between processes."""

    source: str
    document: str  # its IRI, also its graph's name
    digest: str  # SHA-256 of the file's bytes
    language: str
    quads: bytes  # N-Quads of every quad naming no placeholder
    triples: bytes  # the same as triples (their copies in the merge)
    lines: int  # quads in ``quads``
    templates: tuple[tuple[Part, ...], ...]  # triples naming a placeholder, with holes
    questions: tuple[Question, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    """The N-Quads of a document's resolved triples and their copies for the merge."""

    quads: str
    triples: str
    lines: int


def resolve_document(mapped: MappedDocument, resolver: Resolver) -> ResolvedDocument:
    """Ask ``resolver`` the document's questions in order and fill the holes; ``IriError`` or
    ``ValueError`` when an answer is not a valid IRI."""
    values: list[str] = []
    labels: list[str] = []
    for question in mapped.questions:
        if isinstance(question, PersonQuestion):
            ref = resolver.person(*question)
            iri = ref.iri
            labels += _label_triples(ref, mapped.language)
        elif isinstance(question, DecisionQuestion):
            iri = resolver.iris.iri("document", resolver.decision(*question))
        else:
            iri = resolver.meeting(*question)
        ox.NamedNode(iri)  # ValueError for an invalid IRI: the loader trusts this text
        values += [str(iri), _key(resolver.iris, iri)]
    triples = dict.fromkeys(
        [
            "".join(part if isinstance(part, str) else values[part] for part in template)
            for template in mapped.templates
        ]
        + labels
    )
    graph = f" <{mapped.document}> .\n"
    return ResolvedDocument(
        quads="".join(t + graph for t in triples),
        triples="".join(t + " .\n" for t in triples),
        lines=len(triples),
    )


def _key(iris: IriScheme, iri: URIRef) -> str:
    """The IRI's key when it is one of ours (a meeting's key names its briefings)."""
    return iri[len(iris.base) :].partition("/")[2] if iri.startswith(iris.base) else str(iri)


def _label_triples(ref: PersonRef, language: str) -> list[str]:
    """The person's labels, one per script the sources give (``张军``@zh, ``Zhang Jun``@en;
    a Latin name is never ``@zh``), and the document's spelling where it is a variant."""
    subject = f"<{ref.iri}>"
    found = [
        f"{subject} {RDFS.label} {ox.Literal(name, language=name_language(name, language))}"
        for name in ref.labels or (ref.label,)
    ]
    if ref.is_variant:
        spelling = label_form(ref.written)
        written = ox.Literal(spelling, language=name_language(spelling, language))
        found.append(f"{subject} {SKOS.altLabel} {written}")
    return found
