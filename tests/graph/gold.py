"""The hand-checked facts of the dev documents (``tests/data/gold``) as ``DocumentFacts``.

Mapping tests start from these rather than from the extractors, so that they test the mapping
and the store, not the extraction's current recall.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from unsckg.extractors.facts import (
    Briefer,
    DocumentFacts,
    ExplanationOfVote,
    Meeting,
    Mention,
    Person,
    Presidency,
    Resolution,
    Vote,
    VoteTally,
)

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"


def _person(d: dict[str, Any] | None) -> Person | None:
    return Person(d["name"], d.get("state"), d.get("role")) if d else None


def _meeting(d: dict[str, Any]) -> Meeting:
    theme = d.get("theme") or ()
    return Meeting(
        date=d.get("date"),
        number=d.get("number"),
        time=d.get("time"),
        format=d.get("format"),
        virtual=d.get("virtual"),
        theme=(theme,) if isinstance(theme, str) else tuple(theme[:1]),
        agenda_item=d.get("agenda_item"),
        presidency=d.get("presidency"),
        chair=d.get("chair"),
        outcome=d.get("outcome"),
        briefers=tuple(
            Briefer(b["name"], b.get("title"), b.get("organization"), b.get("tentative", False))
            for b in d.get("briefers", [])
        ),
    )


def gold_facts(data: dict[str, Any]) -> DocumentFacts:
    """One gold object as facts (no evidence: the gold has none)."""
    return DocumentFacts(
        source=data["source"],
        language=data.get("language", "zh"),
        symbol=data.get("symbol"),
        date=data.get("date"),
        issued=data.get("issued"),
        author=_person(data.get("author")),
        presidencies=tuple(Presidency(**p) for p in data.get("presidencies", [])),
        meetings=tuple(_meeting(m) for m in data.get("meetings", [])),
        resolutions=tuple(
            Resolution(
                r["number"],
                r["year"],
                r.get("adopted"),
                r.get("draft"),
                r.get("procedure"),
                tuple(r.get("sponsors", [])),
            )
            for r in data.get("resolutions", [])
        ),
        votes=tuple(
            Vote(v["state"], v["vote"], v.get("draft"), v.get("resolution"), v.get("date"))
            for v in data.get("votes", [])
        ),
        vote_tallies=tuple(
            VoteTally(t.get("resolution"), t.get("draft"), t["yes"], t["no"], t["abstain"])
            for t in data.get("vote_tallies", [])
        ),
        explanations_of_vote=tuple(
            ExplanationOfVote(e["state"], e.get("speaker"))
            for e in data.get("explanations_of_vote", [])
        ),
        representatives=tuple(filter(None, map(_person, data.get("representatives", [])))),
        states_mentioned=tuple(Mention(v) for v in data.get("states_mentioned", [])),
        resolutions_cited=tuple(Mention(v) for v in data.get("resolutions_cited", [])),
        documents_cited=tuple(Mention(v) for v in data.get("documents_cited", [])),
        content_hash="0" * 64,
    )


def all_gold() -> list[DocumentFacts]:
    return [
        gold_facts(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))
    ]
