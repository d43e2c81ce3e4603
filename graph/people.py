"""Who a name is: one node per real person, from name variants, script, post, state and time.

Why not the name alone: two people named 张军 are two people when they act for different
states, or for one state decades apart; and one person has several names (``麦卡利`` and
``默里·麦卡利``, ``Mr. Zhang Jun`` and ``张军``). A name joins a known person only where a source
links them, tried in this order, each rule saying why the two are one:

1. **the same name** (folded, honorific dropped), for the same state (or one side stating no
   state) at a date within ``YEARS_APART`` years of that person's known dates;
2. **a reference row** (``data/officials.csv``): the name is one of a row's names in either
   script, for the row's state (a representative) or none (a UN post), near the row's term;
   the row joins all its names, so ``Mr. Heusgen`` and ``克里斯托夫·霍伊斯根`` are one node;
3. **a transcription variant** of one state and role (``邓廷贵`` / ``邓庭贵``);
4. **a short form**: the surname alone of exactly one person of the same state at that time;
5. **the same record in two languages**: the one person of a state a document's other-script
   version names (the English and the Chinese S/PV.8701 name one representative of Belgium).

Otherwise the name is a new person, whose IRI key says what tells them apart from an earlier
holder of the same name: ``张军``, then ``张军(KOR)`` for another state, ``张军(CHN-1975)`` for the
same state another time. IRIs once minted are never renamed (see :mod:`unsckg.graph.resolve`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from rdflib import URIRef
from unsckg.graph.names import (
    bare,
    is_short_form,
    label_form,
    one_char_variant,
    person_key,
    script,
)
from unsckg.graph.reference import Official
from unsckg.ontology.iris import IriScheme

# Beyond this many years from a person's known dates, the same name of the same state is taken
# to be someone else (a Permanent Representative serves a few years; a name recurs decades on).
YEARS_APART = 8


def near(first: str | None, last: str | None, date: str | None) -> bool:
    """Whether ``date`` is within ``YEARS_APART`` years of the interval (open: always)."""
    if not date or not first or not last:
        return True
    year = int(date[:4])
    return int(first[:4]) - YEARS_APART <= year <= int(last[:4]) + YEARS_APART


@dataclass(slots=True)
class KnownPerson:
    """A person node and what identifies it: names, state, roles and dated evidence."""

    iri: URIRef
    label: str
    state: str | None
    roles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)  # script -> the first name in it
    first: str | None = None  # earliest and latest date a document names them
    last: str | None = None

    def near(self, date: str | None) -> bool:
        """Whether a document of ``date`` may name this person (see ``YEARS_APART``)."""
        return near(self.first, self.last, date)

    def agrees(self, state: str | None, date: str | None) -> bool:
        return (state is None or self.state is None or self.state == state) and self.near(date)

    def seen(self, date: str | None) -> None:
        if date:
            self.first = min(self.first or date, date[:10])
            self.last = max(self.last or date, date[:10])


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A resolved person: its IRI, its one label per script, and the name as written here."""

    iri: URIRef
    label: str
    written: str
    labels: tuple[str, ...] = ()

    @property
    def is_variant(self) -> bool:
        return label_form(self.written) not in (self.label, *self.labels)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as one document gives it, with what the document says around it."""

    name: str
    state: str | None
    role: str | None
    date: str | None = None
    document: str | None = None  # the document's IRI, shared by its language versions


class NamedInRecords:
    """Who each document names for each state, by script (rule 5), in SQLite.

    Why not a dict: it holds an entry per document and state for the whole build (a
    meeting record names a dozen states), so at 100,000 documents it grew the client by tens
    of megabytes; SQLite's private temporary database (``connect("")``) keeps a bounded page
    cache and spills the rest to a file deleted on close.
    """

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self._db.execute(
            """CREATE TABLE named (document TEXT, state TEXT, script TEXT, person TEXT,
                 PRIMARY KEY (document, state, script, person)) WITHOUT ROWID"""
        )

    def add(self, document: str, state: str, script: str, person: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO named VALUES (?, ?, ?, ?)", (document, state, script, person)
        )

    def named(self, document: str, state: str, other_than: str) -> list[str]:
        """The people the document names for the state in scripts other than ``other_than``
        (each once)."""
        rows = self._db.execute(
            """SELECT DISTINCT person FROM named
               WHERE document = ? AND state = ? AND script != ? ORDER BY person""",
            (document, state, other_than),
        )
        return [str(row[0]) for row in rows]


class People:
    """The people known so far, and the rules (module docstring) that match a name to one."""

    def __init__(self, iris: IriScheme, officials: tuple[Official, ...]) -> None:
        self.iris = iris
        self.officials = officials
        self._people: list[KnownPerson] = []
        self._by_key: dict[str, list[KnownPerson]] = {}
        self._by_iri: dict[URIRef, KnownPerson] = {}
        self._records = NamedInRecords()
        self._rows = {person_key(n): o for o in officials for n in o.names}
        self._reserved = {iris.person(o.name_zh) for o in officials}  # the rows' own nodes

    def remember(
        self, iri: URIRef, label: str, state: str | None, names: set[str], roles: set[str]
    ) -> KnownPerson:
        """Record a person the store (or an earlier document of this build) already has."""
        known = self._by_iri.get(iri)
        if known is None:
            known = KnownPerson(iri, label_form(label), state)
            self._people.append(known)
            self._by_iri[iri] = known
        known.roles |= roles
        known.labels.setdefault(script(label), label_form(label))
        for name in sorted(names):
            known.labels.setdefault(script(name), bare(name))
        for name in {label, *names}:
            key = person_key(name)
            if key not in known.keys:
                known.keys.add(key)
                self._by_key.setdefault(key, []).append(known)
        return known

    def person(self, mention: Mention) -> PersonRef:
        """The person a mention refers to (see the module docstring for the rules)."""
        known = self._match(mention) or self._mint(mention)
        if known.state is None and mention.state is not None:
            known.state = mention.state
        known.seen(mention.date)
        roles = {mention.role} if mention.role else set()
        self.remember(known.iri, known.label, mention.state, {mention.name}, roles)
        self._in_record(mention, known)
        labels = tuple(known.labels[s] for s in sorted(known.labels))
        return PersonRef(known.iri, known.label, mention.name, labels)

    def _match(self, m: Mention) -> KnownPerson | None:
        key = person_key(m.name)
        for known in self._by_key.get(key, []):
            if known.agrees(m.state, m.date):
                return known
        return (
            self._from_row(key, m)
            or self._variant(key, m)
            or self._short_form(m)
            or self._same_record(m)
        )

    def _from_row(self, key: str, m: Mention) -> KnownPerson | None:
        row = self._rows.get(key)
        if row is None or (row.state and m.state and row.state != m.state):
            return None
        if row.state and not near(row.start, row.end or row.start, m.date):
            return None
        iri = self.iris.person(row.name_zh)
        known = self.remember(iri, row.name_zh, row.state or None, set(row.names), set())
        known.labels["latn"] = row.name_en  # the row's full name, not a short form seen first
        return known

    def _variant(self, key: str, m: Mention) -> KnownPerson | None:
        if m.state is None:
            return None
        for known in self._people:
            if known.state != m.state or not known.near(m.date):
                continue
            if m.role and known.roles and m.role not in known.roles:
                continue
            if any(one_char_variant(key, other) for other in known.keys):
                return known
        return None

    def _short_form(self, m: Mention) -> KnownPerson | None:
        """The one person of the state whose name this is the surname of, or the reverse."""
        if m.state is None:
            return None
        found = {
            id(known): known
            for known in self._people
            if known.state == m.state
            and known.near(m.date)
            and any(
                is_short_form(m.name, name) or is_short_form(name, m.name)
                for name in known.labels.values()
            )
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _same_record(self, m: Mention) -> KnownPerson | None:
        """The one person of the state the other-script version of this document names."""
        if m.document is None or m.state is None:
            return None
        other = self._records.named(m.document, m.state, script(m.name))
        return self._by_iri[URIRef(other[0])] if len(other) == 1 else None

    def _in_record(self, m: Mention, known: KnownPerson) -> None:
        if m.document is not None and m.state is not None:
            self._records.add(m.document, m.state, script(m.name), str(known.iri))

    def _mint(self, m: Mention) -> KnownPerson:
        """A new person, under a key that says how it differs from earlier namesakes: its
        state (``张军(KOR)``), or its state and first year when a namesake acted for the same
        state at another time (``张军(CHN-1975)``)."""
        name = bare(m.name)
        candidates = [name]
        if m.state:
            key = person_key(name)
            row = self._rows.get(key)
            same_state = (row is not None and row.state == m.state) or any(
                known.state == m.state for known in self._by_key.get(key, [])
            )
            year = (m.date or "")[:4] or "undated"
            candidates += [] if same_state else [f"{name}({m.state})"]
            candidates += [f"{name}({m.state}-{year})"]
        candidates += [f"{name}({n})" for n in range(2, len(self._people) + 3)]
        for candidate in candidates:
            iri = self.iris.person(candidate)
            if iri not in self._by_iri and iri not in self._reserved:
                return self.remember(iri, name, m.state, set(), set())
        raise AssertionError("unreachable: more candidates than people")
