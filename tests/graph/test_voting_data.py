"""``unsckg import-votes``: both dialects of the Security Council voting data, on real rows.

The samples (``tests/data/voting-data``, sources in its README) hold real records of the
derived table with its real defects: 893 (1994) with day and month swapped, three records of
1995 whose voters are another year's Council, 1672 (2006) "adopted unanimously" with three
abstentions, resolution and draft columns swapped (2779, 2781 (2025)), a record of six rows.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner
from unsckg.graph.cli import main
from unsckg.graph.store import Store
from unsckg.graph.voting_data import checks, import_votes
from unsckg.graph.voting_data.checks import check_composition, repair_dates
from unsckg.graph.voting_data.read import Record, Vote, read_records
from unsckg.ontology.iris import DEFAULT

DATA = Path(__file__).resolve().parents[1] / "data" / "voting-data"
DERIVED = DATA / "derived-sample.csv"
OFFICIAL = DATA / "official-sample.csv"
VOTE = "https://w3id.org/unsc-kg/id/vote/"
U = "https://w3id.org/unsc-kg/ontology#"
COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>"


def _count(store: Store, where: str) -> int:
    rows = store.select_values(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"])


@pytest.mark.parametrize(
    ("path", "dialect", "votes", "records", "blank"),
    [(DERIVED, "derived", 200, 14, 1), (OFFICIAL, "official", 75, 5, 0)],
)
def test_counts_per_dialect(
    tmp_path: Path, path: Path, dialect: str, votes: int, records: int, blank: int
) -> None:
    with Store(tmp_path / "s") as store:
        report = import_votes(store, path, DEFAULT, members_on=None)
        assert (report.dialect, report.votes, report.records, report.blank) == (
            dialect,
            votes,
            records,
            blank,
        )
        assert _count(store, "?v a <https://w3id.org/unsc-kg/ontology#Vote>") == votes
        # every vote names its state and its draft or resolution
        unlinked = """?v a <https://w3id.org/unsc-kg/ontology#Vote>
            FILTER NOT EXISTS { ?v <https://w3id.org/unsc-kg/ontology#voter> ?s }"""
        assert _count(store, unlinked) == 0
        about = f"""?v a <{U}Vote> FILTER NOT EXISTS {{
            ?v <{U}draft>|<{U}resolution> ?x }}"""
        amendments = sum(15 for p in report.problems if p.kind == "no draft or resolution")
        assert _count(store, about) == amendments  # an oral amendment (1920), reported


def test_vote_is_keyed_like_the_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        import_votes(store, OFFICIAL, DEFAULT)
        rows = store.select_values(
            f"""SELECT ?value ?meeting ?agenda WHERE {{
                <{VOTE}S-1994-11/RWA> <https://w3id.org/unsc-kg/ontology#value> ?value ;
                    <https://w3id.org/unsc-kg/ontology#resolution> ?r .
                ?r <http://www.w3.org/ns/prov#wasGeneratedBy> ?meeting .
                ?meeting <https://w3id.org/unsc-kg/ontology#agendaItem> ?agenda }}"""
        )
    assert rows == [
        {
            "value": "https://w3id.org/unsc-kg/ontology#InFavour",
            "meeting": "https://w3id.org/unsc-kg/id/meeting/1994-01-06",
            "agenda": "The situation concerning Rwanda",
        }
    ]


def test_defects_are_reported(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        report = import_votes(store, DERIVED, DEFAULT, members_on=None)
        kinds = {(p.kind, p.line) for p in report.problems}
        comments = _count(
            store,
            f"?t a <{U}VoteTally> ; {COMMENT} ?c",
        )
    assert ("unanimous with votes against or abstentions", 77) in kinds  # 1672 (2006)
    assert ("columns swapped", 167) in kinds
    assert ("not the Council", 32) in kinds and ("not the Council", 47) in kinds  # 1995
    assert ("not 15 votes", 182) in kinds
    assert comments == len({(p.record, p.reason) for p in report.problems})
    assert "unsckg.ontology.council" in report.composition  # the Council's composition data


class Term(NamedTuple):
    iso3: str
    start: date
    end: date
    permanent: bool


TERMS = (
    *(
        Term(c, date(1946, 1, 1), date(9999, 12, 31), True)
        for c in ("CHN", "FRA", "GBR", "RUS", "USA")
    ),
    *(
        Term(c, date(2006, 1, 1), date(2007, 12, 31), False)
        for c in ("ARG", "DNK", "GRC", "JPN", "TZA")
    ),
    *(
        Term(c, date(2005, 1, 1), date(2006, 12, 31), False)
        for c in ("BRA", "DZA", "BEN", "PHL", "ROU")
    ),
)


def members_on(day: date) -> frozenset[str]:
    return frozenset(t.iso3 for t in TERMS if t.start <= day <= t.end)


def _record(day: str, members: frozenset[str]) -> Record:
    record = Record("1", 2, day, (1672, 2006), "S/2006/237", "", "", 5421, "", "", "")
    record.votes = [Vote(m, "yes", 2) for m in sorted(members)]
    return record


def test_composition_check_with_a_table_of_our_own() -> None:
    council = members_on(date(2006, 4, 25))
    assert len(council) == 15
    assert check_composition(_record("2006-04-25", council), members_on) is None
    wrong = _record("2006-04-25", council - {"ARG"} | {"ESP"})
    problem = check_composition(wrong, members_on)
    assert problem is not None and "['ESP']" in problem.reason and "['ARG']" in problem.reason
    # the 2007 Council differs: the 2006 voters are not it
    assert check_composition(_record("2007-04-25", council), members_on) is not None


def test_composition_check_with_the_council_module(tmp_path: Path) -> None:
    council = pytest.importorskip("unsckg.ontology.council", reason="not on main yet")
    with Store(tmp_path / "s") as store:
        report = import_votes(store, DERIVED, DEFAULT, members_on=council.members_on)
    assert report.composition == "unsckg.ontology.council"


def test_day_and_month_swap_is_decided_by_the_order_of_meetings() -> None:
    def record(key: str, meeting: int, day: str) -> Record:
        return Record(key, int(key), day, None, None, "", "", meeting, "", "", "")

    records = [
        record("1", 3325, "1994-01-05"),
        record("2", 3326, "1994-06-01"),  # really 6 January: only the swap fits
        record("3", 3327, "1994-01-25"),
        record("4", 3400, "1994-07-02"),  # 7 February or 2 July: both fit -> kept, reported
        record("5", 3500, "1994-12-30"),
    ]
    problems = repair_dates(records)
    assert records[1].date == "1994-01-06" and records[3].date == "1994-07-02"
    assert [p.kind for p in problems] == ["day and month swapped", "day and month undecided"]


def test_tolerates_renamed_and_reordered_columns(tmp_path: Path) -> None:
    with OFFICIAL.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = [h.upper().replace("_", " ") for h in rows[0]]  # UNDL ID, MS CODE, ...
    order = list(reversed(range(len(header))))
    changed = tmp_path / "renamed.csv"
    with changed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header[i] for i in order])
        writer.writerows([[row[i] for i in order] for row in rows[1:]])
    dialect, records, problems, _ = read_records(changed)
    assert (dialect, len(records), sum(len(r.votes) for r in records), problems) == (
        "official",
        5,
        75,
        [],
    )


def test_bad_rows_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    lines = OFFICIAL.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",Y,", ",Maybe,", 1)
    lines[4] = lines[4].replace("FRA", "???", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "s") as store:
        report = import_votes(store, bad, DEFAULT)
    assert report.votes == 73
    assert [line for line in report.lines() if "unknown" in line] == [
        "bad.csv:4: unknown vote 'Maybe'",
        "bad.csv:5: unknown member state 'FRANCE'",
    ]


def test_reimport_replaces_the_earlier_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        first = import_votes(store, OFFICIAL, DEFAULT, version="2025-01-01")
        second = import_votes(store, OFFICIAL, DEFAULT, version="2025-06-30")
        graphs = {g.value for g in store.graph_names()}
        votes = _count(store, "?v a <https://w3id.org/unsc-kg/ontology#Vote>")
    assert second.graph in graphs and first.graph not in graphs
    assert votes == 75


def test_cli_import_votes(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["import-votes", str(DERIVED), "--store", str(tmp_path / "s"), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "200 votes in 14 records" in result.stdout
    assert (
        "derived-sample.csv:77: labelled unanimous with 0 against and 3 abstentions"
        in result.stderr
    )
    missing = CliRunner().invoke(
        main, ["import-votes", str(tmp_path / "no.csv"), "--store", str(tmp_path / "s")]
    )
    assert missing.exit_code == 1 and "no.csv: cannot read" in missing.stderr


def test_the_one_record_out_of_numbering_order_is_blamed() -> None:
    """A record numbered 425 but dated 2002 (it stands for 1425) is out of place; the
    records numbered after it, dated in order, are not blamed for it."""

    def record(number: int, year: int, day: str) -> Record:
        return Record(str(number), number, day, (number, year), None, "", "", None, "", "", "")

    records = [
        record(425, 2002, "2002-07-22"),
        record(893, 1994, "1994-01-06"),
        record(894, 1994, "1994-01-14"),
        record(1424, 2002, "2002-07-12"),
        record(1426, 2002, "2002-07-24"),
    ]
    problems = checks.check_order(records)
    assert [p.line for p in problems] == [425]
    assert "none before, 1994-01-06 after" in problems[0].reason  # its neighbours in order
    assert checks.check_order(records[1:]) == []


def test_two_adjacent_dates_swapped_name_both() -> None:
    """1197 dated a day after 1198: either may be wrong, so both records are named."""

    def record(number: int, day: str) -> Record:
        return Record(str(number), number, day, (number, 1998), None, "", "", None, "", "", "")

    records = [
        record(1196, "1998-09-16"),
        record(1197, "1998-09-18"),
        record(1198, "1998-09-17"),
        record(1199, "1998-09-23"),
    ]
    assert sorted(p.line for p in checks.check_order(records)) == [1197, 1198]
