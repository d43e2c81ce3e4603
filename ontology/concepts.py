"""The facts format's closed values mapped to ontology individuals.

Why here and not in the mapping code: the strings (``"yes"``, ``"open debate"``) are the
``skos:notation`` of the individuals in ``unsc.ttl``; keeping the table next to the ontology lets
a test check the two against each other, so a renamed concept cannot silently drop votes.
"""

from __future__ import annotations

from rdflib import URIRef

from .vocab import UNSC

VOTE_VALUES: dict[str, URIRef] = {
    "yes": UNSC.InFavour,
    "no": UNSC.Against,
    "abstain": UNSC.Abstention,
    "absent": UNSC.Absent,
}

MEETING_FORMATS: dict[str, URIRef] = {
    "open debate": UNSC.OpenDebateFormat,
    "high-level open debate": UNSC.HighLevelOpenDebateFormat,
    "ministerial open debate": UNSC.MinisterialOpenDebateFormat,
    "briefing": UNSC.BriefingFormat,
    "debate": UNSC.DebateFormat,
    "consultations": UNSC.ConsultationsFormat,
    "Arria-formula meeting": UNSC.ArriaFormulaFormat,
}
