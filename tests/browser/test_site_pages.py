"""The site around the data pages: the home page, error pages for browsers, the favicon.

Driven in headless Chromium against the real server; the JSON error shape for clients is
checked on the same server with httpx, so both sides of the negotiation are pinned together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx
import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_unknown_entity_gives_a_styled_404_page_to_a_browser(visit: Visit) -> None:
    response = visit.page.goto(visit.base + "/id/state/NOWHERE?lang=en")
    assert response is not None and response.status == 404
    page = visit.page
    assert page.locator("header.site .brand").is_visible()
    assert page.locator("h1").inner_text() == "Not found"
    assert "state/NOWHERE" in page.locator(".error-message").inner_text()
    visit.shot("error-404-entity")
    visit.assert_offline()


def test_unknown_path_gives_a_styled_404_page_in_chinese(visit: Visit) -> None:
    response = visit.page.goto(visit.base + "/no/such/page?lang=zh")
    assert response is not None and response.status == 404
    assert visit.page.locator("h1").inner_text() == "找不到该页面或实体"
    visit.shot("error-404-path")
    visit.assert_offline()


@pytest.mark.parametrize("accept", ["application/json", "*/*", None])
def test_clients_still_get_the_json_error_shape(server: str, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(server + "/id/state/NOWHERE", headers=headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_favicon_is_an_icon(server: str) -> None:
    response = httpx.get(server + "/favicon.ico")
    assert response.status_code == 200
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert httpx.get(server + "/static/favicon.svg").text.startswith("<svg")


def test_home_page_lists_counts_and_entry_points(visit: Visit) -> None:
    page = visit.open("/?lang=en")
    cards = page.locator("ul.cards a.card")
    assert cards.count() == 7
    text = page.locator("ul.cards").inner_text()
    for kind in ("States", "People", "Meetings", "Resolutions", "Documents", "Votes", "Themes"):
        assert kind in text
    states = page.locator("a.card[href='/browse/states'] .count").inner_text()
    assert int(states.replace(",", "")) >= 15
    assert page.locator("#meetings-h + ul li").count() >= 1
    assert page.locator("#resolutions-h + ul li").count() >= 1
    visit.shot("home-en")
    visit.assert_offline()


def test_the_old_query_address_moves_to_the_root_with_its_query(server: str) -> None:
    response = httpx.get(
        server + "/query?query=SELECT%20*%20WHERE%20%7B%7D&lang=en", follow_redirects=True
    )
    assert response.history and response.history[0].status_code == 301
    assert response.history[0].headers["location"] == "/?query=SELECT%20*%20WHERE%20%7B%7D&lang=en"
    assert response.status_code == 200 and 'id="yasgui"' in response.text
    bare = httpx.get(server + "/query", follow_redirects=False)
    assert bare.status_code == 301 and bare.headers["location"] == "/"


def test_root_is_the_query_page_with_the_home_above_the_editor(visit: Visit) -> None:
    page = visit.open("/?lang=en")
    page.locator(".yasqe .CodeMirror").wait_for()
    overview = page.locator(".overview").bounding_box()
    editor = page.locator("#yasgui").bounding_box()
    assert overview is not None and editor is not None
    assert overview["y"] + overview["height"] <= editor["y"]  # the home first, then the editor
    assert page.locator(".run-example").count() > 0  # the gallery
    assert page.locator("header.site nav a[aria-current=page]").inner_text() == "Home"
    visit.shot("root-query-home-en")
    visit.assert_offline()


def test_a_query_link_on_the_root_loads_and_runs_the_query(visit: Visit) -> None:
    text = "SELECT ?linked WHERE { ?linked a ?class } LIMIT 4"
    page = visit.open("/?lang=en&query=" + quote(text))
    page.locator(".yasqe .CodeMirror").wait_for()
    assert "?linked" in page.evaluate("window.unsckgYasgui.getTab().getYasqe().getValue()")
    page.locator(".yasr .dataTable tbody tr").first.wait_for()
    assert page.locator(".yasr .dataTable tbody tr").count() == 4
    visit.assert_offline()
