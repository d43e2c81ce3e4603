"""Every dev document against its hand-checked gold facts, category by category."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from unsckg.extractors.facts import DocumentFacts, to_json_dict

Gold = Callable[[str], dict[str, Any]]
Facts = dict[str, DocumentFacts]


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text)
    for dot in "·•‧・":
        text = text.replace(dot, "·")
    return "".join(text.split()).replace("“", "").replace("”", "")


def as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


def test_document_metadata(dev_name: str, dev_facts: Facts, gold: Gold) -> None:
    facts, expected = to_json_dict(dev_facts[dev_name]), gold(dev_name)
    for key in ("symbol", "date", "issued"):
        if expected.get(key) is not None:
            assert facts[key] == expected[key], key
    author = expected.get("author")
    if author:
        assert (norm(facts["author"]["name"]), facts["author"]["state"]) == (
            norm(author["name"]),
            author["state"],
        )


def test_lists_of_keys(dev_name: str, dev_facts: Facts, gold: Gold) -> None:
    facts, expected = to_json_dict(dev_facts[dev_name]), gold(dev_name)
    nav = set(expected.get("nav_only_resolutions", []))
    assert set(facts["states_mentioned"]) == set(expected["states_mentioned"])
    assert set(facts["resolutions_cited"]) - nav == set(expected["resolutions_cited"])
    assert set(facts["documents_cited"]) == set(expected["documents_cited"])


def test_people_and_presidencies(dev_name: str, dev_facts: Facts, gold: Gold) -> None:
    facts, expected = to_json_dict(dev_facts[dev_name]), gold(dev_name)
    assert {(p["state"], p["year"], p["month"]) for p in facts["presidencies"]} == {
        (p["state"], p["year"], p["month"]) for p in expected["presidencies"]
    }
    assert {(norm(r["name"]), r["state"]) for r in facts["representatives"]} == {
        (norm(r["name"]), r["state"]) for r in expected["representatives"]
    }
    assert {(e["state"], norm(e["speaker"])) for e in facts["explanations_of_vote"]} == {
        (e["state"], norm(e["speaker"])) for e in expected["explanations_of_vote"]
    }


def test_meetings_and_briefers(dev_name: str, dev_facts: Facts, gold: Gold) -> None:
    facts, expected = to_json_dict(dev_facts[dev_name]), gold(dev_name)
    found = {m["date"]: m for m in facts["meetings"]}
    assert set(found) == {m["date"] for m in expected["meetings"]}
    for meeting in expected["meetings"]:
        mine = found[meeting["date"]]
        themes = {norm(t) for t in as_list(meeting.get("theme"))}
        if themes:
            assert themes & {norm(t) for t in mine["theme"]}
        for key in ("time", "format", "agenda_item", "virtual", "chair", "outcome", "number"):
            if meeting.get(key) is not None:
                assert mine[key] == meeting[key], key
        assert {norm(b["name"]) or norm(b["title"]) for b in mine["briefers"]} == {
            norm(b["name"]) or norm(b["title"]) for b in meeting["briefers"]
        }
        assert {
            (norm(b["name"]) or norm(b["title"]), bool(b["tentative"])) for b in mine["briefers"]
        } == {
            (norm(b["name"]) or norm(b["title"]), bool(b.get("tentative")))
            for b in meeting["briefers"]
        }


def test_resolutions_and_votes(dev_name: str, dev_facts: Facts, gold: Gold) -> None:
    facts, expected = to_json_dict(dev_facts[dev_name]), gold(dev_name)
    assert {(r["number"], r["year"], r["adopted"]) for r in facts["resolutions"]} == {
        (r["number"], r["year"], r["adopted"]) for r in expected["resolutions"]
    }
    assert {(v["state"], v["vote"], v["date"]) for v in facts["votes"]} == {
        (v["state"], v["vote"], v["date"]) for v in expected["votes"]
    }
    if "vote_tallies" in expected:
        assert {(t["yes"], t["no"], t["abstain"]) for t in facts["vote_tallies"]} == {
            (t["yes"], t["no"], t["abstain"]) for t in expected["vote_tallies"]
        }
