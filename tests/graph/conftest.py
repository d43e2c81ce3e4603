"""Shared fixtures: real on-disk stores built from the dev documents (or from their gold facts).

The gold facts (``tests/data/gold``) are turned into ``DocumentFacts`` here so that mapping and
query tests test the graph layer, not the extractors' current recall.

Session-scoped stores are built once and only read by tests (opened read-only); a test that
writes makes its own store in its own tmp folder, so no test depends on another's order.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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
from unsckg.graph.build import build, write_reference_graphs
from unsckg.graph.mapping import map_documents
from unsckg.graph.representations import write_representations
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

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


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seven dev documents built through the real extractors."""
    path = tmp_path_factory.mktemp("built") / "store"
    with Store(path) as store:
        report = build(store, sample_files())
    assert report.ok, report.failed
    return path


@pytest.fixture
def built_store(built_store_path: Path) -> Iterator[Store]:
    with Store(built_store_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def gold_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev documents' hand-checked facts, mapped and stored (no extraction involved)."""
    path = tmp_path_factory.mktemp("gold") / "store"
    with Store(path) as store:
        write_reference_graphs(store)
        store.add(map_documents(all_gold(), DEFAULT))
        write_representations(store, DEFAULT)  # as a build does last: the dated roles
    return path


@pytest.fixture
def gold_store(gold_store_path: Path) -> Iterator[Store]:
    with Store(gold_store_path, read_only=True) as store:
        yield store


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the dev documents, for tests that edit them."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sample_files():
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def samples() -> list[Path]:
    """The dev documents bundled in ``graph/samples`` (copies of the shared dev corpus)."""
    return sample_files()


@pytest.fixture
def gold() -> list[DocumentFacts]:
    return all_gold()
