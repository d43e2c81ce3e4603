"""A real English meeting record, built into an on-disk store, gives its 15 votes to SPARQL.

The record is S/PV.8701 (13 January 2020: resolution 2505 (2020) adopted unanimously), the
smallest real English record that records a vote, copied with its hand-checked gold facts into
``tests/data/real-en-graph/records`` (sources: ``tests/data/real-en-graph/SOURCES.md``). It is
built the way ``unsckg build`` builds (extract, map, resolve, load), and only queried here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from unsckg.graph.build import build
from unsckg.graph.store import Store
from unsckg.graph.validate import validate

RECORDS = Path(__file__).resolve().parents[1] / "data" / "real-en-graph" / "records"
ID = "https://w3id.org/unsc-kg/id/"
UNSC = "https://w3id.org/unsc-kg/ontology#"
VOTES = """
PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>
SELECT ?vote ?voter ?value ?draft ?resolution WHERE {
  ?vote a unsc:Vote ; unsc:voter ?voter ; unsc:value ?value .
  OPTIONAL { ?vote unsc:draft ?draft }
  OPTIONAL { ?vote unsc:resolution ?resolution }
}
"""
# the English record pack is being completed in parallel (draft, resolution, symbol)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RECORDS / "S-PV-8701.en.gold.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("real-en") / "store"
    with Store(path) as writable:
        report = build(writable, [RECORDS])
        assert report.added == ["S-PV-8701.en.pdf"] and not report.failed
    with Store(path, read_only=True) as built:
        yield built


def test_its_fifteen_votes_are_found_by_sparql(store: Store, gold: dict[str, Any]) -> None:
    rows = store.select_values(VOTES)
    voters = sorted(row["voter"].removeprefix(ID + "state/") for row in rows)
    assert voters == sorted(v["state"] for v in gold["votes"])
    assert {row["value"] for row in rows} == {UNSC + "InFavour"}


def test_its_votes_are_keyed_to_the_draft_and_the_resolution(store: Store) -> None:
    rows = store.select_values(VOTES)
    assert len(rows) == 15
    for row in rows:
        state = row["voter"].removeprefix(ID + "state/")
        assert row["vote"] == f"{ID}vote/S-2020-27/{state}"
        assert row.get("draft") == ID + "document/S-2020-27"
        assert row.get("resolution") == ID + "resolution/2505"


def test_the_record_conforms_to_the_shapes(store: Store) -> None:
    report = validate(store)
    assert report.conforms, report.text()
