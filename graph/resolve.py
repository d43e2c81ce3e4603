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


class Resolver:
    """Decides which IRI a person, a post, a meeting or an organisation gets."""

    def __init__(self, iris: IriScheme, officials: tuple[Official, ...] | None = None) -> None:
        self.iris = iris
        self.officials = load_officials() if officials is None else officials
        self._people = People(iris, self.officials)
        self._meetings: dict[str, list[KnownMeeting]] = {}
        self._organizations = organization_index()
        self._drafts: dict[int, str] = {}  # resolution number -> its draft's symbol key
        self._decisions: dict[str, str] = {}  # a draft's or a resolution's key -> minted key

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
            draft = self._drafts.get(number)
        elif draft is not None and number is not None:
            self._drafts.setdefault(number, draft)
        known = [self._decisions[k] for k in (draft, resolution) if k in self._decisions]
        key = known[0] if known else (draft or fallback)
        for name in (draft, resolution, fallback):
            if name is not None:
                self._decisions.setdefault(name, key)
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
