"""Entity resolution: one IRI per real person and per real meeting, across documents.

Why here and not in the extractors: the extractors see one document; only the graph sees all
of them. The resolver is seeded from what the store already holds and then fed each document of
a build in a fixed order (sorted by file name), so that a serial and a parallel build make the
same choices, and an IRI once minted is reused by every later variant (IRIs stay stable: a new
document never renames an entity other documents point to).

People: by name variants, script, post, state and time (:mod:`unsckg.graph.people`); a post
without a name (``秘书长``) is the official who held it on the document's date
(``data/officials.csv``). Meetings: the same date and no conflicting number or format.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef
from unsckg.graph.names import fold, label_form
from unsckg.graph.people import KnownPerson, Mention, People, PersonRef
from unsckg.graph.reference import (
    Official,
    OrganizationEntry,
    load_officials,
    organization_index,
)
from unsckg.ontology.iris import IriScheme

__all__ = ["KnownPerson", "PersonRef", "Resolver", "fold", "label_form", "official_for_post"]

_OPEN_DEBATES = frozenset({"open debate", "high-level open debate", "ministerial open debate"})


def official_for_post(
    officials: tuple[Official, ...], title: str | None, date: str | None
) -> Official | None:
    """Who held a UN post (``秘书长``, ``Secretary-General``) on a date, by the table alone (no
    other document needed). A state's representative is never named by the post alone."""
    if not title or not date:
        return None
    post = title.strip()
    for official in officials:
        if not official.state and post in official.titles and official.held_on(date):
            return official
    return None


@dataclass(slots=True)
class KnownMeeting:
    iri: URIRef
    number: str | None
    format: str | None


def _formats_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in _OPEN_DEBATES and b in _OPEN_DEBATES)


class DecisionKeys:
    """Which key each decision was minted under, and each resolution's draft, in SQLite.

    Why not two dicts: a build keeps them for every resolution and draft it meets (about 150
    bytes each as Python strings), for the whole build, so at 100,000 documents they grew the
    client by megabytes. SQLite's private temporary database (``connect("")``) keeps them in a
    bounded page cache (2 MB by default) and spills the rest to a file deleted on close.
    """

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self._db.executescript(
            """CREATE TABLE drafts (number INTEGER PRIMARY KEY, draft TEXT NOT NULL);
               CREATE TABLE keys (name TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;"""
        )

    def draft(self, number: int) -> str | None:
        """The draft a resolution was adopted on, where a document said so."""
        row = self._db.execute("SELECT draft FROM drafts WHERE number = ?", (number,)).fetchone()
        return None if row is None else str(row[0])

    def link_draft(self, number: int, draft: str) -> None:
        """Note a resolution's draft, unless one was noted before (the first one stays)."""
        self._db.execute("INSERT OR IGNORE INTO drafts VALUES (?, ?)", (number, draft))

    def first_key(self, *names: str | None) -> str | None:
        """The key minted for the first of ``names`` that has one."""
        for name in names:
            if name is not None:
                row = self._db.execute("SELECT key FROM keys WHERE name = ?", (name,)).fetchone()
                if row is not None:
                    return str(row[0])
        return None

    def remember(self, key: str, names: Iterable[str | None]) -> None:
        """``key`` for each of ``names`` that has none yet."""
        rows = [(name, key) for name in names if name is not None]
        self._db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", rows)


class Resolver:
    """Decides which IRI a person, a post, a meeting or an organisation gets."""

    def __init__(self, iris: IriScheme, officials: tuple[Official, ...] | None = None) -> None:
        self.iris = iris
        self.officials = load_officials() if officials is None else officials
        self._people = People(iris, self.officials)
        self._meetings: dict[str, list[KnownMeeting]] = {}
        self._organizations = organization_index()
        self._keys = DecisionKeys()

    # -- people ----------------------------------------------------------------------------

    def remember_person(
        self, iri: URIRef, label: str, state: str | None, names: set[str], roles: set[str]
    ) -> KnownPerson:
        """Record a person the store (or an earlier document of this build) already has."""
        return self._people.remember(iri, label, state, names, roles)

    def person(
        self,
        name: str,
        state: str | None,
        role: str | None,
        date: str | None = None,
        document: str | None = None,
    ) -> PersonRef:
        """The person a name refers to, given what the document says around it: the state
        and role, the document's date and IRI (see :mod:`unsckg.graph.people`)."""
        return self._people.person(Mention(name, state, role, date, document))

    def post_holder(self, title: str | None, date: str | None) -> PersonRef | None:
        """The official who held a post (``秘书长``) on a date, where the table knows it."""
        official = official_for_post(self.officials, title, date)
        if official is None:
            return None
        return self.person(official.name_zh, None, official.post, date)

    # -- meetings --------------------------------------------------------------------------

    def remember_meeting(self, iri: URIRef, date: str, number: str | None, fmt: str | None) -> None:
        meetings = self._meetings.setdefault(date, [])
        for known in meetings:
            if known.iri == iri:
                known.number = known.number or number
                known.format = known.format or fmt
                return
        meetings.append(KnownMeeting(iri, number, fmt))

    def meeting(self, date: str, number: str | None, fmt: str | None) -> URIRef:
        """One IRI per real meeting: a meeting on the same date whose number and format do
        not contradict is the same meeting; otherwise a new one with a discriminator."""
        candidates = self._meetings.get(date, [])
        for known in candidates:
            numbers_agree = number is None or known.number is None or number == known.number
            if numbers_agree and _formats_agree(fmt, known.format):
                self.remember_meeting(known.iri, date, number, fmt)
                return known.iri
        taken = {k.iri for k in candidates}
        iri = self.iris.meeting(date)
        if iri in taken:
            iri = self.iris.meeting(date, number or str(len(candidates) + 1))
        self.remember_meeting(iri, date, number, fmt)
        return iri

    # -- decisions ------------------------------------------------------------------------

    def decision(self, draft: str | None, number: int | None, fallback: str) -> str:
        """The key of the decision on a draft, which every vote, tally and explanation of it
        shares: the draft's symbol key where a document (this one or an earlier) links the
        resolution to its draft; else the key first minted for it (the resolution's), which
        stays (IRIs are stable), so that a draft learnt later joins that node."""
        resolution = f"#{number}" if number is not None else None
        if draft is None and number is not None:
            draft = self._keys.draft(number)
        elif draft is not None and number is not None:
            self._keys.link_draft(number, draft)
        known = self._keys.first_key(draft, resolution)
        key = known if known is not None else (draft or fallback)
        self._keys.remember(key, (draft, resolution, fallback))
        return key

    def remember_decision(self, key: str, draft: str | None, number: int | None) -> None:
        """A decision key the store already uses (see ``records.seeded_resolver``)."""
        self.decision(draft, number, key)

    # -- organisations ---------------------------------------------------------------------

    def organization(self, name: str, title: str | None = None) -> tuple[URIRef, bool]:
        """An organisation's IRI, and whether the reference table knows it (then its reference
        graph describes it and links it to Wikidata); see :func:`organization_iri`."""
        return organization_iri(self._organizations, self.iris, name, title)


# "联合国" / "United Nations" begins the name of every UN body, so a briefer filed under it
# whose title names a body of the table (``联合国环境规划署执行主任``) belongs to that body.
GENERIC_ORGANIZATIONS = frozenset({"UN"})


def organization_iri(
    index: dict[str, OrganizationEntry], iris: IriScheme, name: str, title: str | None = None
) -> tuple[URIRef, bool]:
    """The table alone decides, no other document: the name's entry, or, where the name is
    unknown or only "the United Nations", the most specific organisation the title names."""
    entry = index.get(fold(name))
    if (entry is None or entry.key in GENERIC_ORGANIZATIONS) and title:
        entry = named_in_title(index, title) or entry
    if entry is not None:
        return iris.organization(entry.key), True
    return iris.organization(name), False


def named_in_title(index: dict[str, OrganizationEntry], title: str) -> OrganizationEntry | None:
    """The organisation whose longest name (or head's post) the title contains, the generic
    ones aside. Latin names count only when long (``AU`` is inside too many words)."""
    folded = fold(title)
    best: tuple[int, OrganizationEntry] | None = None
    for key, entry in index.items():
        if entry.key in GENERIC_ORGANIZATIONS or key not in folded:
            continue
        if key.isascii() and len(key) < 8:
            continue
        if best is None or len(key) > best[0]:
            best = (len(key), entry)
    return None if best is None else best[1]
