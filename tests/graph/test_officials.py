"""The officials table (``ontology/data/officials.csv``): terms that decide who a bare post
means on a date, Wikidata ids only where present and well-formed, and the missing ones named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest
from unsckg.extractors.facts import Briefer, DocumentFacts, Meeting
from unsckg.graph.build import write_reference_graphs
from unsckg.graph.link import link_report
from unsckg.graph.mapping import map_documents
from unsckg.graph.reference import Official, load_officials
from unsckg.graph.resolve import Resolver
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT
from unsckg.ontology.vocab import UNSC

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_terms_are_dates_in_order_and_never_overlap_within_a_post() -> None:
    """Two holders of one post on one day would make the post ambiguous on that day (a
    state's Permanent Representative is a post per state)."""
    by_post: dict[tuple[str, str], list[Official]] = defaultdict(list)
    for official in load_officials():
        assert ISO_DATE.match(official.start), official
        assert not official.end or (ISO_DATE.match(official.end) and official.start <= official.end)
        by_post[(official.post, official.state)].append(official)
    for post, holders in by_post.items():
        ordered = sorted(holders, key=lambda o: o.start)
        for before, after in pairwise(ordered):
            assert before.end and before.end < after.start, (post, before.name_en, after.name_en)


def test_wikidata_ids_are_item_ids_where_present() -> None:
    ids = [o.wikidata for o in load_officials() if o.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", i) for i in ids) and len(set(ids)) == len(ids)
    known = {o.name_en: o.wikidata for o in load_officials()}
    assert known["António Guterres"] == "Q311440" and known["Ban Ki-moon"] == "Q1253"


def test_guterres_serves_two_terms_to_the_end_of_2026() -> None:
    [guterres] = [o for o in load_officials() if o.name_en == "António Guterres"]
    assert (guterres.start, guterres.end) == ("2017-01-01", "2026-12-31")


@pytest.mark.parametrize(
    ("date", "name"),
    [
        ("2021-06-15", "安东尼奥·古特雷斯"),
        ("2015-09-30", "潘基文"),
        ("2016-12-31", "潘基文"),
        ("2017-01-01", "安东尼奥·古特雷斯"),
        ("2026-12-31", "安东尼奥·古特雷斯"),
        ("1995-05-01", "布特罗斯·布特罗斯-加利"),
    ],
)
def test_the_secretary_general_on_a_date(date: str, name: str) -> None:
    ref = Resolver(DEFAULT).post_holder("秘书长", date)
    assert ref is not None and ref.iri == DEFAULT.person(name)


def test_no_secretary_general_is_known_after_the_terms_in_the_table() -> None:
    assert Resolver(DEFAULT).post_holder("联合国秘书长", "2027-03-01") is None


@pytest.mark.parametrize(("year", "name"), [("2021", "安东尼奥·古特雷斯"), ("2015", "潘基文")])
def test_a_briefing_by_the_secretary_general_names_the_holder_in_the_graph(
    tmp_path: Path, year: str, name: str
) -> None:
    """秘书长 in a 2021 document is António Guterres, in a 2015 one Ban Ki-moon, with the
    reference IRI (and so the reference graph's Wikidata link)."""
    meeting = Meeting(date=f"{year}-04-08", briefers=(Briefer(None, "秘书长"),))
    letter = DocumentFacts(source=f"letter-{year}.txt", symbol=f"S/{year}/1", meetings=(meeting,))
    with Store(tmp_path / "s") as store:
        write_reference_graphs(store)
        store.add(map_documents([letter], DEFAULT))
        rows = store.select_values(
            f"""SELECT ?p ?wd WHERE {{ ?b <{UNSC.briefer}> ?p .
                  OPTIONAL {{ ?p <http://www.w3.org/2002/07/owl#sameAs> ?wd }} }}"""
        )
    assert [r["p"] for r in rows] == [str(DEFAULT.person(name))]
    assert rows[0]["wd"].startswith("http://www.wikidata.org/entity/Q")


def test_the_link_report_names_every_official_without_a_wikidata_id(tmp_path: Path) -> None:
    missing = {o.name_en for o in load_officials() if not o.wikidata}
    people = {o.name_en for o in load_officials()}
    with Store(tmp_path / "s") as store:
        write_reference_graphs(store)
        [officials] = [c for c in link_report(store, examples=1) if c.cls == "Official"]
    assert (officials.total, officials.unlinked) == (len(people), len(missing))
    assert set(officials.unlinked_examples) == missing  # all of them, not a few examples
    assert "Boutros Boutros-Ghali" in missing
