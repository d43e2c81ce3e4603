"""The twelve questions of issue 14, each an example query run on the full store.

The store is built once, by the project's own ``build`` into a real on-disk Oxigraph store, from
every document with gold in the repository (the dev samples and the held-out sets) plus the real
corpus copied into ``tests/data/real-corpus`` (2,029 English resolution texts, 9 English meeting
records, 20 Chinese texts). Why so large: the questions are a researcher's, and counting right
on two thousand documents is what the graph's identity rules are for.

The expected answers are computed here, from the gold facts and the truth tables, never written
down: a change of the corpus changes them. Where the graph legitimately counts differently from
a naive count (one vote stated by three documents is one node), the computation follows the
graph's identity rule and says so.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from unsckg.graph.build import build
from unsckg.graph.queries import example_queries
from unsckg.graph.store import Store
from unsckg.graph.validate import validate

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
REAL = DATA / "real-corpus"
ID = "https://w3id.org/unsc-kg/id/"
UNSC = "https://w3id.org/unsc-kg/ontology#"
QUERIES = {name: text for name, _, text in example_queries()}
# the facts format's vote values as the ontology's concepts; the truth's "non-voting" (a member
# that did not take part) is the graph's Absent, as the extractors record it
VALUES = {
    "yes": "InFavour",
    "no": "Against",
    "abstain": "Abstention",
    "absent": "Absent",
    "non-voting": "Absent",
}


def corpus_paths() -> list[Path]:
    """What the store is built from: every document with gold, and the real corpus."""
    held_out = sorted(p / "corpus" for p in DATA.glob("heldout*") if (p / "corpus").is_dir())
    return [ROOT / "graph" / "samples", *held_out, REAL / "en", REAL / "zh"]


def gold_files() -> list[Path]:
    """The gold facts of the documents the store is built from (dev, held-out, real)."""
    found = [*DATA.glob("gold/*.json"), *DATA.glob("heldout*/gold/*.json")]
    found += REAL.glob("gold/real-*/*.json")
    return sorted(found)


def gold() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in gold_files()]


def _in_corpus(name: str) -> bool:
    """Truth rows of files the store holds (the Refworld second copies were not copied)."""
    return (REAL / "en" / "resolutions" / name).is_file() or (
        REAL / "en" / "records" / name
    ).is_file()


def truth(table: str) -> list[dict[str, str]]:
    with (REAL / "truth" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if _in_corpus(row["file"])]


# -- decisions: the graph's identity of a vote -----------------------------------------------------


def _number(resolution: str | None) -> str | None:
    """``2505(2020)`` -> ``2505`` (a resolution's number is its identity in the graph)."""
    return resolution.split("(")[0].strip() if resolution else None


@dataclass
class Decisions:
    """Which draft became which resolution, from every fact that links the two.

    Why: the graph keys a vote by the decision (the draft, or the resolution where no document
    names the draft) and links a draft to the resolution it became, so one state's vote stated
    by a letter (by draft), a record (both) and the resolution's text (by number) is one node.
    A decision is named here by its resolution's number where one is known, else its draft.
    """

    by_draft: dict[str, str] = field(default_factory=dict)

    def link(self, draft: str | None, resolution: str | None) -> None:
        if draft and resolution:
            self.by_draft[draft.replace(" ", "")] = _number(resolution) or ""

    def name(self, draft: str | None, resolution: str | None) -> str:
        if resolution:
            return "res " + (_number(resolution) or "")
        if draft and draft.replace(" ", "") in self.by_draft:
            return "res " + self.by_draft[draft.replace(" ", "")]
        return "draft " + (draft or "").replace(" ", "")


@dataclass(frozen=True)
class StatedVote:
    decision: str
    state: str
    value: str
    source: str


def decisions() -> Decisions:
    found = Decisions()
    for doc in gold():
        for r in doc.get("resolutions") or []:
            found.link(r.get("draft"), f"{r['number']}({r['year']})")
        for v in [*(doc.get("votes") or []), *(doc.get("vote_tallies") or [])]:
            found.link(v.get("draft"), v.get("resolution"))
    for row in truth("votes"):
        found.link(row["draft"], row["resolution"])
    return found


def stated_votes() -> list[StatedVote]:
    """Every vote a document states: the gold's votes and the truth's named (stated) votes.
    The truth's rows taken from the voting data (``stated`` false) are not in any document."""
    names = decisions()
    found = [
        StatedVote(names.name(v.get("draft"), v.get("resolution")), v["state"], v["vote"], s)
        for doc in gold()
        for s in [doc["source"]]
        for v in doc.get("votes") or []
    ]
    found += [
        StatedVote(
            names.name(row["draft"], row["resolution"]), row["state"], row["vote"], row["file"]
        )
        for row in truth("votes")
        if row["stated"] == "true"
    ]
    return found


def one_per_decision(votes: Iterable[StatedVote]) -> dict[tuple[str, str], str]:
    """(decision, state) -> value: the graph's one vote node per state and decision."""
    return {(v.decision, v.state): VALUES[v.value] for v in votes}


# -- the store -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def full_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full store, built once for every question (about 2,200 documents)."""
    path = tmp_path_factory.mktemp("full") / "store"
    started = time.perf_counter()
    with Store(path) as store:
        report = build(store, corpus_paths(), jobs=2)
    print(f"full store: {report.summary()} in {time.perf_counter() - started:.1f} s")
    assert report.ok, report.failed
    return path


@pytest.fixture(scope="session")
def full_store(full_store_path: Path) -> Iterator[Store]:
    with Store(full_store_path, read_only=True) as store:
        yield store


def rows(store: Store, name: str) -> list[dict[str, str]]:
    result = store.query(QUERIES[name])
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def decision_of(row: dict[str, str]) -> str:
    """A query row's decision, named as :meth:`Decisions.name` names it."""
    if row.get("resolution"):
        return "res " + row["resolution"].removeprefix(ID + "resolution/")
    return "draft " + row.get("draftSymbol", "")


def decision_name(iri: str, symbol: str | None) -> str:
    """A decision node of the graph (a resolution, else a draft) named as above."""
    if iri.startswith(ID + "resolution/"):
        return "res " + iri.removeprefix(ID + "resolution/")
    return "draft " + (symbol or iri)


def state_code(iri: str) -> str:
    return iri.removeprefix(ID + "state/")


# -- tallies ---------------------------------------------------------------------------------------

Tally = tuple[int, int, int]


def stated_tallies() -> dict[str, set[Tally]]:
    """decision -> the tallies documents state: the gold's, and the truth's where the document
    prints them (the truth's tallies taken from the voting data are in no document)."""
    names = decisions()
    found: dict[str, set[Tally]] = {}
    for doc in gold():
        for t in doc.get("vote_tallies") or []:
            key = names.name(t.get("draft"), t.get("resolution"))
            found.setdefault(key, set()).add((t["yes"], t["no"], t["abstain"]))
    for row in truth("resolutions"):
        if row["yes"] and "yes" not in row["external_fields"].split():
            key = names.name(None, f"{row['number']}({row['year']})")
            found.setdefault(key, set()).add((int(row["yes"]), int(row["no"]), int(row["abstain"])))
    return found


def differs(tally: Tally, recorded: dict[str, int]) -> bool:
    """The rule of question 11: against and abstentions must be the recorded ones; in favour
    too, where any vote in favour is recorded."""
    yes, no, abstain = tally
    in_favour = recorded.get("InFavour", 0)
    return (
        no != recorded.get("Against", 0)
        or abstain != recorded.get("Abstention", 0)
        or (in_favour > 0 and yes != in_favour)
    )


PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA", "SUN"}
MAJORITY = 9


# -- the questions ---------------------------------------------------------------------------------


def test_every_question_query_needs_no_distinct_or_union() -> None:
    """Issue 14: the example queries count right without DISTINCT or UNION."""
    for name, text in QUERIES.items():
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        assert "DISTINCT" not in body.upper() and "UNION" not in body.upper(), name


def test_q1_every_vote_of_china(full_store: Store) -> None:
    """One row per decision China voted on, with the value the documents state."""
    expected = {k: v for k, v in one_per_decision(stated_votes()).items() if k[1] == "CHN"}
    got = {
        (decision_of(r), "CHN"): r["value"].removeprefix(UNSC)
        for r in rows(full_store, "votes-of-a-state")
    }
    assert got == expected


def test_q2_resolutions_adopted_with_abstentions(full_store: Store) -> None:
    """One row per resolution and abstaining state; a decision with no resolution is no
    adoption, so it is left out."""
    expected = {
        k
        for k, v in one_per_decision(stated_votes()).items()
        if v == "Abstention" and k[0].startswith("res ")
    }
    found = rows(full_store, "abstentions-on-adopted-resolutions")
    got = [(decision_of(r), state_code(r["state"])) for r in found]
    assert len(got) == len(set(got)) and set(got) == expected


def test_q5_documents_citing_resolution_2518(full_store: Store) -> None:
    """The gold's documents that cite 2518 (2020). The real corpus without gold cannot: its
    resolutions are numbered below 2518 and its records date from January 2020, before it."""
    assert all(int(r["number"]) < 2518 for r in truth("resolutions"))
    expected = [d for d in gold() if "2518(2020)" in (d.get("resolutions_cited") or [])]
    got = rows(full_store, "documents-citing-resolution")
    assert len(got) == len(expected) == len({r["document"] for r in got})
    assert {r.get("symbol") for r in got} == {d.get("symbol") for d in expected}


def test_q10_vetoes_with_the_permanent_members_that_cast_them(full_store: Store) -> None:
    """A veto: a draft no document reports adopted, with nine or more in favour, against
    which a permanent member voted; one row per draft and vetoing member."""
    votes = one_per_decision(stated_votes())
    expected = {
        (decision, state)
        for decision, tallies in stated_tallies().items()
        if decision.startswith("draft ") and any(t[0] >= MAJORITY for t in tallies)
        for (voted, state), value in votes.items()
        if voted == decision and state in PERMANENT and value == "Against"
    }
    got = [(f"draft {r['symbol']}", state_code(r["state"])) for r in rows(full_store, "vetoes")]
    assert len(got) == len(set(got)) and set(got) == expected


def recorded_counts() -> dict[str, dict[str, int]]:
    """decision -> value -> the number of states recorded voting so (one per state)."""
    counts: dict[str, dict[str, int]] = {}
    for (decision, _), value in one_per_decision(stated_votes()).items():
        counts.setdefault(decision, {}).setdefault(value, 0)
        counts[decision][value] += 1
    return counts


def test_q11_stated_tallies_against_recorded_votes(full_store: Store) -> None:
    """The decisions whose stated tally is not what the recorded votes give. The truth itself
    implies some (a vote line naming a state no code is known for: 540 (1983)'s "Matta")."""
    recorded = recorded_counts()
    expected = {
        decision
        for decision, tallies in stated_tallies().items()
        if decision in recorded and any(differs(t, recorded[decision]) for t in tallies)
    }
    found = rows(full_store, "tallies-against-votes")
    got = {decision_name(r["decision"], r.get("decisionSymbol")) for r in found}
    assert got == expected


def test_q6_states_that_voted_differently_from_the_united_states(full_store: Store) -> None:
    """Where both votes are recorded on one decision and differ; one row per decision and
    state (a vote line names only the minority, so most decisions give no row)."""
    votes = one_per_decision(stated_votes())
    usa = {decision: value for (decision, state), value in votes.items() if state == "USA"}
    expected = {(d, s) for (d, s), v in votes.items() if d in usa and v != usa[d]}
    found = rows(full_store, "votes-differing-from-a-state")
    got = [
        (decision_name(r["decision"], r.get("decisionSymbol")), state_code(r["state"]))
        for r in found
    ]
    assert len(got) == len(set(got)) and set(got) == expected


def test_q9_the_evidence_of_a_vote(full_store: Store) -> None:
    """China's vote on resolution 2467 (2019): one vote node, with the evidence of every
    document that states it (a record naming the draft, the resolution naming itself)."""
    expected = {v.source for v in stated_votes() if (v.decision, v.state) == ("res 2467", "CHN")}
    got = rows(full_store, "vote-evidence")
    assert len({r["vote"] for r in got}) == 1
    assert len({r["document"] for r in got}) == len(expected) == 2
    assert all(r["quote"] and int(r["start"]) < int(r["end"]) for r in got)


def test_q12_the_fifteen_members_on_a_date(full_store: Store) -> None:
    """1 April 2020: the states whose votes the gold records in 2020 (every member voted on
    resolution 2518 on 27 March), from the reference composition in the store."""
    expected = {
        v["state"]
        for doc in gold()
        for v in doc.get("votes") or []
        if (v.get("date") or "")[:4] == "2020"
    }
    got = [state_code(r["state"]) for r in rows(full_store, "council-members-on-date")]
    assert len(got) == len(expected) == 15 and set(got) == expected


OPEN_DEBATES = {"open debate", "high-level open debate", "ministerial open debate"}


def test_q4_presidencies_that_held_open_debates(full_store: Store) -> None:
    """Every open debate of the gold, under its month's presidency (one meeting per date)."""
    expected = {
        (m["date"][:7], m.get("presidency"), m["date"])
        for doc in gold()
        for m in doc.get("meetings") or []
        if m.get("format") in OPEN_DEBATES and m.get("date")
    }
    found = rows(full_store, "open-debates-by-presidency")
    assert {(r["month"], state_code(r["state"]), r["date"]) for r in found} == expected


def _themes(meeting: dict[str, Any]) -> list[str]:
    theme = meeting.get("theme") or []
    return [theme] if isinstance(theme, str) else theme


def test_q3_who_briefed_on_a_theme(full_store: Store) -> None:
    """The named briefers of the gold's meetings whose theme has 气候 (climate): one row per
    meeting and briefer."""
    expected = {
        (m["date"], b["name"])
        for doc in gold()
        for m in doc.get("meetings") or []
        if any("气候" in t for t in _themes(m))
        for b in m.get("briefers") or []
        if b.get("name")
    }
    found = rows(full_store, "briefers-on-a-theme")
    got = [(r["date"], r["name"]) for r in found]
    assert len(got) == len(set(got)) and set(got) == expected


def _dated(doc: dict[str, Any]) -> str | None:
    """A document's date: its own, else (a news item) the first day it reports on."""
    days = [m.get("date") for m in doc.get("meetings") or []] + [
        v.get("date") for v in doc.get("votes") or []
    ]
    return doc.get("date") or min(filter(None, days), default=None)


def test_q8_who_represented_a_state_over_time(full_store: Store) -> None:
    """China's representatives named in documents dated from 2021 (where every document has
    gold): each person once, with the first and last date and the number of documents."""
    said: dict[str, set[tuple[str, str]]] = {}
    for doc in gold():
        day = _dated(doc)
        people = [*(doc.get("representatives") or []), doc.get("author") or {}]
        people += [
            {"name": e.get("speaker"), "state": e["state"]}
            for e in doc.get("explanations_of_vote") or []
        ]
        for person in people:
            if day and day >= "2021-01-01" and person.get("state") == "CHN" and person.get("name"):
                said.setdefault(person["name"], set()).add((day, doc["source"]))
    expected = {
        name: (min(d for d, _ in docs), max(d for d, _ in docs), len(docs))
        for name, docs in said.items()
    }
    got = {
        r["name"]: (r["from"], r["until"], int(r["documents"]))
        for r in rows(full_store, "representatives-of-a-state")
    }
    assert got == expected


def test_q7_meetings_per_month(full_store: Store) -> None:
    """Meetings per month from 2021, where every document has gold (the truth tables list
    only the meetings that adopted a resolution, and six English records have no gold). The
    graph's identity: one meeting per date, unless the documents give two meeting numbers
    that day (a letter's "open debate" and another's "high-level open debate" on one day, as on
    2022-01-25, are one meeting stated two ways)."""
    days: dict[str, set[str | None]] = {}
    for doc in gold():
        for m in doc.get("meetings") or []:
            if (m.get("date") or "") >= "2021-01-01":
                days.setdefault(m["date"], set()).add(m.get("number"))
    expected: dict[str, int] = {}
    for day, numbers in days.items():
        expected[day[:7]] = expected.get(day[:7], 0) + max(1, len(numbers - {None}))
    got = {r["month"]: int(r["meetings"]) for r in rows(full_store, "meetings-per-month")}
    assert got == expected


# Every violation `unsckg validate` leaves on the full store, with why the documents disagree.
# A graph defect (a citation's year made the resolution's, a symbol's two languages on one node)
# is not one of these; a new violation fails the test until it is either fixed or listed here.
REMAINING_VIOLATIONS: dict[tuple[str, str], str] = {
    # two documents give one resolution two adoption dates
    ("ResolutionShape", "resolution/1875"): "S/PV.6143 dates it 2009-06-15, its text 2009-06-23",
    ("ResolutionShape", "resolution/2059"): "S/PV.6810 (19 July 2012, the day before) dates it "
    "2012-07-19, its text 2012-07-20",
    # printed tallies that are misprints in the texts (OCR of the scanned volumes)
    ("VoteTallyShape", "tally/S-RES-498-1981"): "printed '73 votes to none' (13)",
    ("fifteen-votes", "resolution/498"): "the same '73 votes to none'",
    ("fifteen-votes", "resolution/89"): "printed 'by 2 votes to none, with 2 abstentions'",
    ("nine-in-favour", "resolution/89"): "the same misprinted '2 votes'",
    ("fifteen-votes", "resolution/110"): "printed 'by 4 votes to 1 ... with 1 abstention'",
    ("nine-in-favour", "resolution/110"): "the same misprinted '4 votes'",
    # printed tallies short of the Council, the text not saying who did not take part
    ("fifteen-votes", "resolution/22"): "8-0-2 of eleven (1947)",
    ("fifteen-votes", "resolution/85"): "9-0-1 of eleven (1950)",
    ("fifteen-votes", "resolution/369"): "13-0-0 of fifteen (1975)",
    ("fifteen-votes", "resolution/391"): "13-0-0 of fifteen (1976)",
    ("fifteen-votes", "resolution/420"): "12-0-0 of fifteen (1977)",
    ("fifteen-votes", "resolution/592"): "14-0-0 of fifteen, '] abstention' misread (1986)",
}
# extraction gaps being fixed in the extractors (issue 14's Q11): listed while they last
EXTRACTION_GAPS: dict[tuple[str, str], str] = {
    ("fifteen-votes", "resolution/678"): "the tally read 12-2-0 where the text says China "
    "abstained (12-2-1)",
    ("votes-match-tally", "resolution/678"): "the same tally against China's abstention",
}


def test_validate_names_the_documents_and_reason_of_each_violation(full_store: Store) -> None:
    """`unsckg validate` on the full store: every violation names the documents it comes from
    and why (the values each states, or the rule broken), and is one of the disagreements or
    misprints of the documents listed above. `pytest -s` prints the report."""
    report = validate(full_store)
    print(report.text())
    for finding in report.violations:
        assert finding.sources and all(s.startswith(ID + "document/") for s in finding.sources)
        assert finding.message and finding.rule, finding
    got = {(f.rule, f.focus.removeprefix(ID)) for f in report.violations}
    assert set(REMAINING_VIOLATIONS) <= got <= set(REMAINING_VIOLATIONS) | set(EXTRACTION_GAPS)


def test_validate_reports_misprinted_citations_on_the_citing_document(full_store: Store) -> None:
    """A citation's year is the citing text's: ``1521 (2005)`` in S/RES/1730 (2006) and
    ``2118 (2113)`` in S/RES/2139 (2014) are warnings on those documents, and resolutions 1521
    and 2118 keep one year (1521's from its own text; 2118, not ingested, none)."""
    report = validate(full_store)
    cited = {(f.focus.removeprefix(ID), f.message.split(",")[0]) for f in report.warnings}
    assert ("document/S-RES-1730-2006/en", "cites S/RES/1521(2005)") in cited
    assert ("document/S-RES-2139-2014/en", "cites S/RES/2118(2113)") in cited
    years = full_store.select_values(
        f"SELECT ?r ?y WHERE {{ VALUES ?r {{ <{ID}resolution/1521> <{ID}resolution/2118> }}"
        f" ?r <{UNSC}year> ?y }}"
    )
    assert [(r["r"].removeprefix(ID), r["y"]) for r in years] == [("resolution/1521", "2003")]


def test_a_chair_is_filed_under_their_own_state(full_store: Store) -> None:
    """Gert Rosenthal chaired the Arria-formula meeting of 2013-10-15 under Azerbaijan's
    presidency; he represents Guatemala, as the documents that name his post say."""
    rows = full_store.select_values(
        f"""SELECT DISTINCT ?state WHERE {{ ?meeting <{UNSC}chair> ?p .
              ?p <http://www.w3.org/2000/01/rdf-schema#label> "格特·罗森塔尔"@zh ;
                 <{UNSC}represents> ?state }}"""
    )
    assert [r["state"].removeprefix(ID) for r in rows] == ["state/GTM"]
