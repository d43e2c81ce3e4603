"""The explorer's time filter: dated neighbours outside the years are hidden, the permalink
carries the years, and a permalink with years reopens the same view."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, urlparse

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from playwright.sync_api import Page

    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
CHN = "https://w3id.org/unsc-kg/id/state/CHN"
EXPANDED = "document.getElementById('cy').dataset.expanded === '1'"
# (class, from, to, shown) of every node drawn
NODES = """window.unsckgCy.nodes().map(n => [n.data('cls'), n.data('from') || null,
  n.data('to') || null, n.style('display') !== 'none'])"""


def _drawn(page: Page) -> list[tuple[str, str | None, str | None, bool]]:
    return [tuple(n) for n in page.evaluate(NODES)]  # type: ignore[misc]


def test_years_hide_dated_neighbours_outside_them(visit: Visit) -> None:
    page = visit.open("/explore?lang=en&iri=" + quote(CHN, safe=""))
    page.wait_for_function(EXPANDED)
    everything = _drawn(page)
    assert all(shown for *_, shown in everything)
    dated = [n for n in everything if n[1]]
    assert {n[0] for n in dated} >= {"Presidency", "Representation", "Document"}
    page.fill("#year-from", "2020")
    page.fill("#year-to", "2020")
    for cls, start, end, shown in _drawn(page):
        if cls == "Group":
            continue
        expected = start is None or (int(end or start) >= 2020 and int(start) <= 2020)
        assert shown == expected, (cls, start, end)
    assert any(not shown for *_, shown in _drawn(page))  # the 1982 presidency went
    groups = page.evaluate("window.unsckgCy.nodes('.group').map(n => n.data('short'))")
    assert any("/" in label for label in groups)  # "vote (k/20)": the members the years keep
    hidden = page.locator("#panel .neighbours li[data-from][hidden]").count()
    assert hidden == sum(1 for *_, shown in _drawn(page) if not shown)  # the list follows
    query = parse_qs(urlparse(page.url).query)
    assert query["from"] == ["2020"] and query["to"] == ["2020"] and query["iri"] == [CHN]
    visit.shot("explore-time-2020")
    visit.assert_offline()


def test_a_permalink_with_years_reopens_the_filtered_view(visit: Visit) -> None:
    page = visit.open("/explore?lang=en&from=2021&iri=" + quote(CHN, safe=""))
    page.wait_for_function(EXPANDED)
    assert page.input_value("#year-from") == "2021"
    drawn = _drawn(page)
    assert all(not shown for cls, start, end, shown in drawn if end and int(end) < 2021)
    assert any(shown for cls, start, end, shown in drawn if end and int(end) >= 2021)
    page.click("#year-reset")
    assert all(shown for *_, shown in _drawn(page))
    assert "from" not in parse_qs(urlparse(page.url).query)
    visit.assert_offline()


def test_time_filter_fits_a_phone(phone: Visit) -> None:
    page = phone.open("/explore?lang=zh&from=2020&to=2021&iri=" + quote(CHN, safe=""))
    page.wait_for_function(EXPANDED)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.locator("#time-filter").scroll_into_view_if_needed()
    phone.shot("phone-explore-time")
    phone.assert_offline()
