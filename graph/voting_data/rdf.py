"""Voting data records -> quads in the dataset's own named graph.

The nodes are the ones the documents give (``graph/mapping/vote.py``), so that a vote the
Library records and a vote a meeting record states are one IRI wherever both name the draft:

- a vote is keyed by the draft it decides (``id/vote/S-2020-240/BEL``); where the data names
  no single draft but the resolution, by the resolution's symbol (``id/vote/S-RES-2518-2020/BEL``)
  as the mapping does; where it names neither (an oral amendment), by the file's record id
  (``id/vote/vd-1920/USA``, ``undl-<id>`` for the Library's file). A second record of the same
  draft (a defect, e.g. 1995) gets its record id appended rather than merging two votes;
- the tally of the record (``id/tally/<same key>``) carries the record's source defects as
  ``rdfs:comment`` so that they travel with the data;
- the dataset itself is a ``unsc:Document`` (kind "voting data", its file name, its version as
  ``dcterms:hasVersion``) whose IRI names the graph, and every fact node is
  ``prov:wasDerivedFrom`` it, as facts are from their documents;
- resolutions get their Digital Library record (``rdfs:seeAlso`` ``undl_link``), adoption date
  and meeting (``prov:wasGeneratedBy``: the ontology has no property for "adopted at"); a
  meeting is keyed by date as the resolver keys it (a second meeting that day by its number).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS
from unsckg.graph.mapping.terms import PROV, RDF, RDFS, UNSC, XSD
from unsckg.graph.voting_data.read import Problem, Record
from unsckg.ontology.concepts import VOTE_VALUES
from unsckg.ontology.iris import IriScheme, normalize_symbol, resolution_symbol, symbol_key, undocs

HAS_VERSION = ox.NamedNode(str(DCTERMS.hasVersion))
VALUES = {name: ox.NamedNode(str(iri)) for name, iri in VOTE_VALUES.items()}


def _n(iri: object) -> ox.NamedNode:
    return iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(str(iri))


def _lit(value: object, datatype: ox.NamedNode) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype)


class Writer:
    """Collects the quads of one dataset graph; ``record`` adds one vote taken."""

    def __init__(self, iris: IriScheme, graph: ox.NamedNode, prefix: str) -> None:
        self.iris, self.graph, self.prefix = iris, graph, prefix
        self.quads: list[ox.Quad] = []
        self._keys: set[str] = set()
        self._done: set[str] = set()  # nodes whose identifying triples are written
        self._meetings: dict[str, list[int]] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def dataset(self, source: str, version: str, dialect: str) -> None:
        g = self.graph
        self.add(g, RDF.type, UNSC.Document)
        self.add(g, UNSC.documentKind, _lit("voting data", XSD.string))
        self.add(g, UNSC.sourceFile, _lit(source, XSD.string))
        self.add(g, HAS_VERSION, _lit(version, XSD.string))
        self.add(
            g,
            RDFS.label,
            ox.Literal(
                f"Security Council voting data ({dialect} dialect), {source}, version {version}",
                language="en",
            ),
        )

    def plan_meetings(self, records: list[Record]) -> None:
        """The meeting numbers of each date, so that the first keeps the plain date IRI."""
        for r in records:
            if r.date and r.meeting is not None:
                numbers = self._meetings.setdefault(r.date, [])
                if r.meeting not in numbers:
                    numbers.append(r.meeting)
        for numbers in self._meetings.values():
            numbers.sort()

    def key(self, record: Record) -> str:
        if record.draft:
            key = symbol_key(record.draft)
        elif record.resolution:
            key = symbol_key(resolution_symbol(*record.resolution))
        else:
            key = f"{self.prefix}-{record.key}"
        if key in self._keys:
            key = f"{key}-{self.prefix}{record.key}"
        self._keys.add(key)
        return key

    def record(self, record: Record, problems: list[Problem]) -> None:
        key = self.key(record)
        draft = self._draft(record.draft) if record.draft else None
        resolution = self._resolution(record, draft) if record.resolution else None
        meeting = self._meeting(record)
        for vote in record.votes:
            node = _n(self.iris.vote(key, vote.iso3))
            self._fact(node, UNSC.Vote)
            self.add(node, UNSC.voter, _n(self.iris.state(vote.iso3)))
            self.add(node, UNSC.value, VALUES[vote.value])
            self._about(node, draft, resolution)
            if record.date:
                self.add(node, UNSC.date, _lit(record.date, XSD.date))
            if meeting is not None:
                self.add(node, PROV.wasGeneratedBy, meeting)
        self._tally(key, record, draft, resolution, meeting, problems)

    def _tally(
        self,
        key: str,
        record: Record,
        draft: ox.NamedNode | None,
        resolution: ox.NamedNode | None,
        meeting: ox.NamedNode | None,
        problems: list[Problem],
    ) -> None:
        node = _n(self.iris.tally(key))
        self._fact(node, UNSC.VoteTally)
        self._about(node, draft, resolution)
        values = [v.value for v in record.votes]
        for prop, value in (
            (UNSC.votesInFavour, "yes"),
            (UNSC.votesAgainst, "no"),
            (UNSC.abstentions, "abstain"),
        ):
            self.add(node, prop, _lit(values.count(value), XSD.integer))
        if record.outcome:
            self.add(node, RDFS.label, ox.Literal(record.outcome, language="en"))
        if meeting is not None:
            self.add(node, PROV.wasGeneratedBy, meeting)
        for p in problems:
            self.add(
                node,
                RDFS.comment,
                ox.Literal(f"source defect (line {p.line}): {p.reason}", language="en"),
            )

    def _about(
        self, node: ox.NamedNode, draft: ox.NamedNode | None, resolution: ox.NamedNode | None
    ) -> None:
        if draft is not None:
            self.add(node, UNSC.draft, draft)
        if resolution is not None:
            self.add(node, UNSC.resolution, resolution)

    def _fact(self, node: ox.NamedNode, cls: ox.NamedNode) -> None:
        self.add(node, RDF.type, cls)
        self.add(node, PROV.wasDerivedFrom, self.graph)

    def _draft(self, symbol: str) -> ox.NamedNode:
        node = _n(self.iris.draft(symbol))
        if node.value not in self._done:
            self._done.add(node.value)
            self.add(node, RDF.type, UNSC.DraftResolution)
            self.add(node, UNSC.symbol, _lit(normalize_symbol(symbol), XSD.string))
            self.add(node, RDFS.seeAlso, _n(undocs(symbol)))
        return node

    def _resolution(self, record: Record, draft: ox.NamedNode | None) -> ox.NamedNode:
        number, year = record.resolution or (0, 0)
        node = _n(self.iris.resolution(number))
        if node.value in self._done:
            return node
        self._done.add(node.value)
        symbol = resolution_symbol(number, year)
        self._fact(node, UNSC.Resolution)
        self.add(node, UNSC.number, _lit(number, XSD.integer))
        self.add(node, UNSC.year, _lit(f"{year:04d}", XSD.gYear))
        self.add(node, UNSC.symbol, _lit(symbol, XSD.string))
        self.add(node, RDFS.seeAlso, _n(undocs(symbol)))
        if record.link.startswith("https://") or record.link.startswith("http://"):
            self.add(node, RDFS.seeAlso, ox.NamedNode(record.link))
        if draft is not None:
            self.add(node, UNSC.draft, draft)
        if record.date and record.outcome.casefold().startswith("adopted"):
            self.add(node, UNSC.adopted, _lit(record.date, XSD.date))
        meeting = self._meeting(record)
        if meeting is not None:
            self.add(node, PROV.wasGeneratedBy, meeting)
        return node

    def _meeting(self, record: Record) -> ox.NamedNode | None:
        if not record.date or record.meeting is None:
            return None
        numbers = self._meetings.get(record.date, [])
        first = not numbers or numbers[0] == record.meeting
        node = _n(self.iris.meeting(record.date, None if first else str(record.meeting)))
        if node.value not in self._done:
            self._done.add(node.value)
            self._fact(node, UNSC.Meeting)
            self.add(node, UNSC.date, _lit(record.date, XSD.date))
            self.add(node, UNSC.meetingNumber, _lit(record.meeting, XSD.integer))
            if record.agenda:
                self.add(node, UNSC.agendaItem, ox.Literal(record.agenda, language="en"))
        return node


def iter_quads(writer: Writer) -> Iterator[ox.Quad]:
    yield from writer.quads
