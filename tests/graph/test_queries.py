"""Every example query runs on the dev corpus and gives the expected answer.

Expected answers are checked on the store built from the gold facts (so they test the mapping and
the queries, not extraction recall); every query must also answer on the store built through the
real extractors.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from unsckg.graph.queries import example_queries
from unsckg.graph.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "queries"
QUERIES = {name: text for name, _, text in example_queries()}
ID = "https://w3id.org/unsc-kg/id/"
UNSC = "https://w3id.org/unsc-kg/ontology#"


def rows(store: Store, name: str) -> list[dict[str, str]]:
    result = store.query(QUERIES[name])
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def column(store: Store, name: str, var: str) -> list[str]:
    return [r.get(var, "") for r in rows(store, name)]


def test_there_are_at_least_ten_queries_each_with_a_comment() -> None:
    assert len(QUERIES) >= 10
    assert all(comment for _, comment, _ in example_queries())


def test_the_examples_folder_holds_the_same_queries() -> None:
    # federated-*.rq need a SERVICE endpoint: tests/server/test_endpoint_federation.py runs them
    local = (p for p in EXAMPLES.glob("*.rq") if not p.name.startswith("federated-"))
    copies = {p.stem: p.read_text(encoding="utf-8") for p in local}
    assert copies == QUERIES, "run: cp graph/queries/*.rq examples/queries/"


# questions whose answer on the seven dev documents is empty (no abstention, no veto, no vote
# differing, no theme on climate, no vote on 2467) or must be (no tally differs):
# tests/graph/test_questions.py checks them on the full store
ANSWERED_ON_THE_FULL_STORE = {
    "abstentions-on-adopted-resolutions",
    "briefers-on-a-theme",
    "tallies-against-votes",
    "vetoes",
    "vote-evidence",
    "votes-differing-from-a-state",
}


@pytest.mark.parametrize("name", sorted(set(QUERIES) - ANSWERED_ON_THE_FULL_STORE))
def test_each_query_answers_on_the_extracted_corpus(built_store: Store, name: str) -> None:
    assert rows(built_store, name), f"{name} has no answer on the built dev corpus"


def test_presidencies_by_month(gold_store: Store) -> None:
    got = [(r["month"], r["name"]) for r in rows(gold_store, "presidencies-by-month")]
    assert got == [
        ("2018-03", "Netherlands"),
        ("2020-03", "China"),
        ("2021-04", "Viet Nam"),
        ("2021-05", "China"),
    ]


def test_open_debates(gold_store: Store) -> None:
    got = [(r["date"], r["president"].removeprefix(ID)) for r in rows(gold_store, "open-debates")]
    assert got == [
        ("2018-03-28", "state/NLD"),
        ("2021-04-08", "state/VNM"),
        ("2021-04-19", "state/VNM"),
        ("2021-05-24", "state/CHN"),
    ]


def test_meeting_briefers(gold_store: Store) -> None:
    got = {(r["date"], r.get("name")) for r in rows(gold_store, "meeting-briefers")}
    assert ("2021-05-24", "让-皮埃尔·拉克鲁瓦") in got and ("2021-04-08", "杨紫琼") in got
    # "秘书长" without a name, in 2018 and 2021: resolved to the office-holder
    assert ("2018-03-28", "安东尼奥·古特雷斯") in got and ("2021-04-19", "安东尼奥·古特雷斯") in got
    assert len(got) == 11


def test_votes_on_draft(gold_store: Store) -> None:
    got = rows(gold_store, "votes-on-draft")
    on_240 = [r for r in got if r.get("draftSymbol") == "S/2020/240"]
    assert len(on_240) == 15 and {r["resolutionSymbol"] for r in on_240} == {"S/RES/2518(2020)"}
    assert all(r["value"] == UNSC + "InFavour" for r in got)
    assert len([r for r in got if r.get("resolutionSymbol") == "S/RES/2505(2020)"]) == 15


def test_documents_citing_a_resolution(gold_store: Store) -> None:
    got = column(gold_store, "documents-citing-resolution", "document")
    assert ID + "document/S-2020-268" in got and len(got) == 2


def test_explanations_of_vote(gold_store: Store) -> None:
    got = [
        (r["state"].removeprefix(ID), r["speakerName"])
        for r in rows(gold_store, "explanations-of-vote")
    ]
    assert got == [
        ("state/CHN", "张军"),
        ("state/IDN", "迪安·特里安夏·查尼"),
        ("state/RUS", "瓦西里·涅边贾"),
        ("state/VCT", "因加·罗恩塔·金"),
    ]


def test_state_identifiers(gold_store: Store) -> None:
    (row,) = rows(gold_store, "state-identifiers")
    assert row["wikidata"] == "http://www.wikidata.org/entity/Q881" and row["m49"] == "704"


def test_people_and_states(gold_store: Store) -> None:
    got = {(r["name"], r["state"].removeprefix(ID)) for r in rows(gold_store, "people-and-states")}
    assert ("邓庭贵", "state/VNM") in got and ("凯莉·克拉夫特", "state/USA") in got
    assert ("邓廷贵", "state/VNM") not in got  # a variant, not a second person


def test_meetings_per_presidency(gold_store: Store) -> None:
    got = {r["month"]: int(r["meetings"]) for r in rows(gold_store, "meetings-per-presidency")}
    assert got == {"2018-03": 1, "2021-04": 2, "2021-05": 1}


def test_resolutions_adopted(gold_store: Store) -> None:
    got = {r["symbol"]: r for r in rows(gold_store, "resolutions-adopted")}
    assert set(got) == {"S/RES/2505(2020)", "S/RES/2518(2020)"}
    assert got["S/RES/2518(2020)"]["draftSymbol"] == "S/2020/240"
    assert got["S/RES/2518(2020)"]["page"] == "https://undocs.org/S/RES/2518(2020)"


def test_name_variants(gold_store: Store) -> None:
    got = {(r["name"], r["variant"]) for r in rows(gold_store, "name-variants")}
    assert {("邓庭贵", "邓廷贵"), ("瓦西里·涅边贾", "瓦西里·A·涅边贾")} <= got


def test_secretary_general_briefings(gold_store: Store) -> None:
    got = [(r["date"], r["wikidata"]) for r in rows(gold_store, "secretary-general-briefings")]
    q = "http://www.wikidata.org/entity/Q311440"
    assert got == [("2018-03-28", q), ("2021-04-08", q), ("2021-04-19", q)]


def test_presidency_evidence(built_store: Store) -> None:
    got = rows(built_store, "presidency-evidence")
    months = {(r["month"], r["document"].removeprefix(ID)) for r in got}
    assert ("2021-04", "document/S-2021-284") in months
    quoted = [r for r in got if "quote" in r]
    assert quoted and all(int(r["start"]) < int(r["end"]) for r in quoted)


def test_council_members_on_date(gold_store: Store) -> None:
    """Question 12: the fifteen members of 1 April 2020, from the reference composition."""
    got = rows(gold_store, "council-members-on-date")
    assert len(got) == 15
    codes = {r["state"].removeprefix(ID + "state/") for r in got}
    assert codes == set(
        [
            "BEL",
            "CHN",
            "DOM",
            "EST",
            "FRA",
            "DEU",
            "IDN",
            "NER",
            "RUS",
            "VCT",
            "ZAF",
            "TUN",
            "GBR",
            "USA",
            "VNM",
        ]
    )
    assert sum(r["permanent"] == "true" for r in got) == 5


def test_representatives_over_time(gold_store: Store) -> None:
    """Question 8: each (state, person) once, with the interval of the documents' dates."""
    got = rows(gold_store, "representatives-over-time")
    pairs = [(r["state"], r["person"]) for r in got]
    assert got and len(pairs) == len(set(pairs))
    assert all(r["from"] <= r["until"] for r in got)
    china = [r for r in got if r["state"] == ID + "state/CHN"]
    assert any(r["name"] == "张军" and r["from"].startswith("2020") for r in china), china
