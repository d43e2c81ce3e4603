"""The vote map colours every member of a vote, from Natural Earth's TopoJSON, offline."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
DRAFT = "https://w3id.org/unsc-kg/id/document/S-2020-240"  # became resolution 2518 (2020)


def test_map_colours_the_fifteen_votes_on_a_draft(visit: Visit) -> None:
    page = visit.open("/views/map?lang=en&vote=" + quote(DRAFT, safe=""))
    page.wait_for_function("document.getElementById('world-map').dataset.coloured !== undefined")
    assert page.locator("#map-members tbody tr").count() == 15
    assert page.evaluate("document.getElementById('world-map').dataset.coloured") == "15"
    coloured = page.locator("#world-map .map-InFavour")
    assert coloured.count() == 15
    codes = {row.get_attribute("data-m49") for row in page.locator("#map-members tbody tr").all()}
    drawn = {c.get_attribute("data-m49") for c in coloured.all()}
    assert drawn == codes  # each member drawn once, Saint Vincent and the Grenadines as a dot
    visit.shot("map-s-2020-240")
    visit.assert_offline()


def test_map_by_resolution_shows_the_same_vote(visit: Visit) -> None:
    resolution = "https://w3id.org/unsc-kg/id/resolution/2518"
    page = visit.open("/views/map?lang=zh&vote=" + quote(resolution, safe=""))
    assert page.locator("#map-members tbody tr").count() == 15
    visit.assert_offline()
