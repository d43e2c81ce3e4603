"""The world map of a state's agreement, opened from the state page: every other member
coloured by the share of same votes, the shares equal to a SPARQL count, a legend, offline."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest
from unsckg.server.pages.agreement_map import share_bin
from unsckg.server.pages.state_charts import agreement_query

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

from tests.browser.conftest import sparql_bindings

pytestmark = pytest.mark.browser
CHN = "https://w3id.org/unsc-kg/id/state/CHN"
DRAWN = "document.getElementById('world-map').dataset.coloured !== undefined"


def test_state_page_opens_the_agreement_map_of_china(visit: Visit) -> None:
    page = visit.open("/id/state/CHN?lang=en")
    page.locator("a.agreement-map").click()
    page.wait_for_url(lambda url: "/views/map?state=" in url)
    page.wait_for_function(DRAWN)
    rows = page.locator("#agreement-members tbody tr")
    shares = {
        r.get_attribute("data-m49"): int(r.get_attribute("data-share") or -1) for r in rows.all()
    }
    expected: dict[str, tuple[int, int]] = {}
    for row in sparql_bindings(visit.base, agreement_query(CHN)):
        expected[row["other"]["value"]] = (int(row["same"]["value"]), int(row["common"]["value"]))
    assert rows.count() == len(expected) > 15  # every member China voted beside
    for same, common in expected.values():
        assert 0 <= same <= common
    assert sorted(shares.values(), reverse=True) == sorted(
        (round(100 * s / c) for s, c in expected.values()), reverse=True
    )
    for code, share in shares.items():  # each member drawn in its share's colour
        drawn = page.locator(f"#world-map [data-m49='{code}']")
        if drawn.count():
            assert f"map-agree-{min(4, share // 20)}" in (drawn.first.get_attribute("class") or "")
    coloured = page.locator("#world-map [class*='map-agree-']").count()
    assert coloured >= 0.9 * rows.count()  # a few members are neither shapes nor dots
    assert "map-self" in (
        page.locator("#world-map [data-m49='156']").first.get_attribute("class") or ""
    )
    assert page.locator("ul.legend li").count() == 7  # five bins, the state, no vote in common
    visit.shot("map-agreement-chn")
    visit.assert_offline()


def test_share_bins_cover_zero_to_a_hundred() -> None:
    assert [share_bin(s, 10) for s in (0, 1, 2, 3, 5, 7, 8, 10)] == [0, 0, 1, 1, 2, 3, 4, 4]
    assert share_bin(0, 0) == 0


def test_a_state_code_maps_too_and_a_bad_iri_is_a_400(server: str) -> None:
    by_code = httpx.get(server + "/views/map", params={"state": "VNM", "lang": "en"})
    assert by_code.status_code == 200 and "Viet Nam" in by_code.text
    bad = httpx.get(server + "/views/map", params={"state": "not an iri"})
    assert bad.status_code == 400


def test_agreement_map_fits_a_phone(phone: Visit) -> None:
    page = phone.open("/views/map?lang=zh&state=CHN")
    page.wait_for_function(DRAWN)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    phone.shot("phone-map-agreement")
    phone.assert_offline()
