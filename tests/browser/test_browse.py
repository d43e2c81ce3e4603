"""The browsable indexes: sorting, facets, pagination, CSV and JSON, in Chromium and by HTTP."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
KINDS = ["states", "people", "meetings", "resolutions", "documents", "votes", "themes"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_index_lists_rows(visit: Visit, kind: str) -> None:
    page = visit.open(f"/browse/{kind}?lang=en")
    assert page.locator("table.index-table tbody tr").count() >= 1
    visit.shot(f"browse-{kind}")
    visit.assert_offline()


def test_states_sort_by_votes_and_page(visit: Visit) -> None:
    page = visit.open("/browse/states?lang=en")
    assert page.locator("table.index-table tbody tr").count() == 50  # 193 states, 50 a page
    assert "Page 1 of 4" in page.locator(".pager").inner_text()
    page.locator("th a", has_text="Votes").click()
    page.wait_for_url("**sort=votes**")
    first = page.locator("table.index-table tbody tr").first.locator("td")
    assert int(first.nth(3).inner_text()) >= 2  # the states that voted come first
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url("**page=2**")
    visit.assert_offline()


def test_chinese_names_sort_in_pinyin_order(visit: Visit) -> None:
    page = visit.open("/browse/states?lang=zh&sort=label&desc=0")
    names = page.locator("table.index-table tbody tr td:first-child").all_inner_texts()
    assert names[0] == "阿尔巴尼亚"  # a'erbaniya before afuhan (阿富汗)
    assert names.index("阿富汗") < names.index("埃及")
    visit.assert_offline()


def test_meeting_facets_narrow_the_rows(visit: Visit) -> None:
    page = visit.open("/browse/meetings?lang=en")
    total = page.locator("table.index-table tbody tr").count()
    year = page.locator(".facet a", has_text="2021")
    count = int(year.locator(".n").inner_text())
    year.click()
    page.wait_for_url("**year=2021**")
    assert page.locator("table.index-table tbody tr").count() == count < total
    assert page.locator(".facet a.selected").count() == 1
    for facet in ("Year", "Format", "Presidency"):
        assert page.locator(".facet h3", has_text=facet).count() == 1
    visit.shot("browse-meetings-2021")
    visit.assert_offline()


def test_index_as_csv_and_json(server: str) -> None:
    got = httpx.get(server + "/browse/resolutions?format=csv&year=2020")
    assert got.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(got.text)))
    assert table and all(row["iri"].startswith("https://w3id.org/unsc-kg/id/") for row in table)
    data = httpx.get(
        server + "/browse/resolutions?year=2020", headers={"Accept": "application/json"}
    )
    assert data.json()["total"] == len(table)


def test_documents_are_titled_not_named_by_file(visit: Visit) -> None:
    page = visit.open("/browse/documents?lang=en")
    titles = page.locator("table.index-table tbody tr td:first-child").all_inner_texts()
    assert not any(title.endswith(".txt") for title in titles)
    assert any(title.startswith("Letter from Viet Nam") for title in titles)
    visit.assert_offline()


def test_home_counts_equal_the_index_totals(visit: Visit) -> None:
    page = visit.open("/?lang=en")
    for kind in ("states", "people", "meetings", "resolutions", "documents", "votes", "themes"):
        shown = page.locator(f"a.card[href='/browse/{kind}'] .count").inner_text()
        got = httpx.get(visit.base + f"/browse/{kind}", headers={"Accept": "application/json"})
        assert int(shown.replace(",", "")) == got.json()["total"], kind
    visit.assert_offline()
