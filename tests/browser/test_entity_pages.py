"""Entity pages: incoming links grouped and counted, votes with their values, documents by
symbol, and evidence that opens the document's text at the quoted span."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from unsckg.server.pages.state_charts import votes_per_year_query

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

from tests.browser.conftest import sparql_bindings

pytestmark = pytest.mark.browser
CHN = "https://w3id.org/unsc-kg/id/state/CHN"


def test_state_page_groups_incoming_links_and_shows_vote_values(visit: Visit) -> None:
    page = visit.open("/id/state/CHN?lang=en")
    groups = page.locator("details.incoming")
    assert groups.count() >= 2
    summaries = groups.locator("summary").all_inner_texts()
    voter = next(s for s in summaries if s.startswith("voter"))
    count = int(voter.split()[-1])
    group = groups.filter(has_text="voter")
    assert group.locator("li").count() == count  # each vote listed once, however many sources
    assert group.locator("li.vote-InFavour .vote-value").first.inner_text() == "in favour"
    assert "S/2020/240" in group.inner_text()  # the vote is named by what it was on
    visit.shot("entity-china-en")
    visit.assert_offline()


def test_person_page_lists_the_represented_state_once(visit: Visit) -> None:
    page = visit.open("/id/state/VNM?lang=zh")
    # the group of unsc:represents by its heading: the dated representations' labels
    # ("越南代表，2020-03-31 – …") contain 代表 too
    heading = page.locator("summary", has_text=re.compile(r"^代表\s"))
    represents = page.locator("details.incoming").filter(has=heading)
    names = represents.locator("li").all_inner_texts()
    assert len(names) == len(set(names))
    visit.assert_offline()


def test_evidence_opens_the_document_at_the_highlighted_span(visit: Visit) -> None:
    page = visit.open("/id/vote/S-2020-240/CHN?lang=en")
    link = page.locator("ol.evidence .source a").first
    target = link.get_attribute("href")
    assert target is not None and "#span-" in target
    assert page.locator("h1").inner_text() != ""
    link.click()
    page.wait_for_url("**/id/document/**")
    anchor = target.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.is_visible()
    assert "投赞成票" in mark.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert mark.get_attribute("title") == "China: in favour"  # the fact, on hover
    visit.shot("document-span")
    visit.assert_offline()


def test_document_page_is_titled_by_its_symbol(visit: Visit) -> None:
    page = visit.open("/id/document/S-2020-268?lang=en")
    assert page.locator("h1").inner_text() == "S/2020/268"
    visit.assert_offline()


def test_china_votes_per_year_chart_equals_a_sparql_count(visit: Visit) -> None:
    page = visit.open("/id/state/CHN?lang=en")
    page.wait_for_function("window.unsckgVotesChart !== undefined")
    chart = page.evaluate(
        """() => { const c = window.unsckgVotesChart;
          return { years: c.data.labels,
                   series: c.data.datasets.filter(d => d.type === 'bar')
                             .map(d => ({ label: d.label, data: d.data })) }; }"""
    )
    expected: dict[tuple[str, str], int] = {}
    for row in sparql_bindings(visit.base, votes_per_year_query(CHN)):
        year = row.get("year", {}).get("value", "")
        if year:
            name = row["value"]["value"].rsplit("#", 1)[-1]
            expected[(year, name)] = int(row["n"]["value"])
    assert expected, "the dev corpus has dated votes by China"
    names = {"in favour": "InFavour", "against": "Against", "abstention": "Abstention"}
    charted = {
        (year, names.get(series["label"].lower(), series["label"])): count
        for series in chart["series"]
        for year, count in zip(chart["years"], series["data"], strict=True)
        if count
    }
    assert charted == expected
    table = page.locator("#votes-per-year tr[data-year='2020'] td[data-value=InFavour]")
    assert int(table.text_content() or "") == expected[("2020", "InFavour")]
    page.locator("#charts-h").scroll_into_view_if_needed()
    visit.shot("state-china-charts")
    visit.assert_offline()
