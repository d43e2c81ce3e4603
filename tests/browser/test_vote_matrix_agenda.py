"""The vote matrix's agenda filter: beside the year, from the agenda item or theme of the
meeting where each vote was taken; vetoes and failed drafts stay marked once filtered."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
MIDDLE_EAST = "The situation in the Middle East"  # the voting data's and records' agenda item


def test_agenda_filter_keeps_the_votes_of_one_agenda_item(visit: Visit) -> None:
    page = visit.open("/views/votes?year=all&lang=en")
    everything = page.locator("#vote-matrix thead th[data-column]").count()
    option = page.locator("#agenda-select option", has_text=MIDDLE_EAST + " (")
    assert option.count() == 1
    page.select_option("#agenda-select", MIDDLE_EAST)
    page.click(".agenda-filter button[type=submit]")
    page.wait_for_url("**agenda=*")
    headers = page.locator("#vote-matrix thead th[data-column]")
    assert 0 < headers.count() < everything
    assert headers.count() == int(option.inner_text().rsplit("(", 1)[1].rstrip(")"))
    agendas = page.locator("#vote-matrix thead small.agenda").all_inner_texts()
    assert agendas == [MIDDLE_EAST] * headers.count()
    assert page.input_value("#agenda-select") == MIDDLE_EAST
    year_link = page.locator("nav.years a", has_text="2017").get_attribute("href") or ""
    assert "agenda=The+situation" in year_link or "agenda=The%20situation" in year_link
    for column in range(headers.count()):  # each vote still has its fifteen members
        cells = page.locator(f"#vote-matrix tbody td:nth-child({column + 2})[data-value]")
        assert cells.count() == 15
    vetoed = page.locator("#vote-matrix thead th[data-column='S/2017/172']")
    assert vetoed.locator(".veto").count() == 1  # Russia and China against: still marked
    visit.shot("votes-agenda-middle-east")
    visit.assert_offline()


def test_votes_of_unknown_agenda_have_their_own_choice(visit: Visit) -> None:
    page = visit.open("/views/votes?year=2020&lang=zh&agenda=none")
    headers = page.locator("#vote-matrix thead th[data-column]")
    assert headers.count() >= 1
    assert page.locator("#vote-matrix thead small.agenda").count() == 0
    failed = page.locator("#vote-matrix thead .failed, #vote-matrix thead .veto").count()
    marked = page.locator("#vote-matrix thead small a[href^='/id/resolution/']").count()
    assert failed + marked == headers.count()  # each draft: adopted as, vetoed, or not adopted
    assert page.locator("nav.years a[aria-current=page]").inner_text() == "2020"
    visit.assert_offline()


def test_agenda_filter_applies_to_the_csv(server: str) -> None:
    params = {"year": "all", "agenda": MIDDLE_EAST, "format": "csv"}
    table = list(csv.reader(io.StringIO(httpx.get(server + "/views/votes", params=params).text)))
    assert table[0][2:] == ["S/2017/172", "S/2020/27"]


def test_agenda_filter_fits_a_phone(phone: Visit) -> None:
    page = phone.open("/views/votes?year=all&lang=en&agenda=" + MIDDLE_EAST.replace(" ", "+"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    phone.shot("phone-votes-agenda")
    phone.assert_offline()
