"""Entity resolution: one IRI per real person and per real meeting, across documents.

Why here and not in the extractors: the extractors see one document; only the graph sees all
of them. The resolver is seeded from what the store already holds and then fed each document of
a build in a fixed order (sorted by file name), so that a serial and a parallel build make the
same choices, and an IRI once minted is reused by every later variant (IRIs stay stable: a new
document never renames an entity other documents point to).

People: names are folded (one middle dot, no spaces, no Latin middle initial: ``瓦西里·A·涅边贾``
= ``瓦西里 • 涅边贾``); two Chinese names of the same state and role that differ in one character
after the surname (``邓廷贵`` / ``邓庭贵``, a common transcription variant) are one person; a post
without a name (``秘书长``) is the official who held it on the document's date
(``reference/officials.csv``). Meetings: the same date and no conflicting number or format.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef
from unsckg.graph.reference import (
    Official,
    OrganizationEntry,
    load_officials,
    organization_index,
)
from unsckg.ontology.iris import IriScheme

_DOTS = str.maketrans(dict.fromkeys("•・･‧⋅∙", "·"))
_INITIAL = re.compile(r"(?<=·)[A-Za-z]\.?·")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_OPEN_DEBATES = frozenset({"open debate", "high-level open debate", "ministerial open debate"})


@lru_cache(maxsize=65536)
def label_form(name: str) -> str:
    """A name as a label: NFKC, one kind of middle dot, no spaces around it."""
    text = unicodedata.normalize("NFKC", name).translate(_DOTS).strip()
    return re.sub(r"\s*·\s*", "·", text)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The comparison key of a name: label form, no white space, no Latin middle initials."""
    return _INITIAL.sub("", re.sub(r"\s+", "", label_form(name)))


def _one_char_variant(a: str, b: str) -> bool:
    """Two CJK names of one length, same surname, differing in exactly one later character."""
    if len(a) != len(b) or len(a) < 3 or a[0] != b[0]:
        return False
    if not (_CJK.match(a) and _CJK.match(b)):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def official_for_post(
    officials: tuple[Official, ...], title: str | None, date: str | None
) -> Official | None:
    """Who held a post (``秘书长``) on a date, by the table alone (no other document needed)."""
    if not title or not date:
        return None
    post = title.strip()
    for official in officials:
        if post in (official.post, *official.titles_zh) and official.held_on(date):
            return official
    return None


@dataclass(slots=True)
class KnownPerson:
    iri: URIRef
    label: str
    state: str | None
    roles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A resolved person: its IRI, its one label, and the name as this document wrote it."""

    iri: URIRef
    label: str
    written: str

    @property
    def is_variant(self) -> bool:
        return label_form(self.written) != self.label


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
        self._people: list[KnownPerson] = []
        self._by_key: dict[str, list[KnownPerson]] = {}
        self._meetings: dict[str, list[KnownMeeting]] = {}
        self._organizations = organization_index()
        self._drafts: dict[int, str] = {}  # resolution number -> its draft's symbol key
        self._decisions: dict[str, str] = {}  # a draft's or a resolution's key -> minted key

    # -- people ----------------------------------------------------------------------------

    def remember_person(
        self, iri: URIRef, label: str, state: str | None, names: set[str], roles: set[str]
    ) -> KnownPerson:
        """Record a person the store (or an earlier document of this build) already has."""
        for known in self._by_key.get(fold(label), []):
            if known.iri == iri:
                break
        else:
            known = KnownPerson(iri, label_form(label), state, set(), set())
            self._people.append(known)
        known.roles |= roles
        for name in {label, *names}:
            key = fold(name)
            if key not in known.keys:
                known.keys.add(key)
                self._by_key.setdefault(key, []).append(known)
        return known

    def person(self, name: str, state: str | None, role: str | None) -> PersonRef:
        """The person a name (with its state and role, where known) refers to."""
        key = fold(name)
        known = self._match_person(key, state, role)
        if known is None:
            official = self._official_named(key)
            iri = self.iris.person(official.name_zh if official else name)
            label = label_form(official.name_zh if official else name)
            known = self.remember_person(iri, label, state, set(), set())
        if known.state is None and state is not None:
            known.state = state
        self.remember_person(known.iri, known.label, state, {name}, {role} if role else set())
        return PersonRef(known.iri, known.label, name)

    def _match_person(self, key: str, state: str | None, role: str | None) -> KnownPerson | None:
        for known in self._by_key.get(key, []):
            if state is None or known.state is None or known.state == state:
                return known
        if state is None:
            return None
        for known in self._people:
            if known.state != state or (role and known.roles and role not in known.roles):
                continue
            if any(_one_char_variant(key, other) for other in known.keys):
                return known
        return None

    def _official_named(self, key: str) -> Official | None:
        for official in self.officials:
            if key in {fold(n) for n in (*official.names_zh, official.name_en)}:
                return official
        return None

    def post_holder(self, title: str | None, date: str | None) -> PersonRef | None:
        """The official who held a post (``秘书长``) on a date, where the table knows it."""
        official = official_for_post(self.officials, title, date)
        return None if official is None else self.person(official.name_zh, None, official.post)

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
