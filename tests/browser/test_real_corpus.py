"""Issue 16's list, on the store of the dev corpus and the real corpus (see ``conftest.py``).

The tests of the other files run on the same store; these are the items that need the real
documents: full-text search, a real record's whole text with its votes marked, the fifteen
votes of a real record on the map, the home page's counts, and what ``unsckg reconcile`` found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

from tests.browser.conftest import sparql_bindings

pytestmark = pytest.mark.browser
BASE = "https://w3id.org/unsc-kg/id/"
RECORD = BASE + "document/S-PV.8701/en"  # 13 January 2020: resolution 2505 (2020), 15-0-0
RESOLUTION = BASE + "resolution/2505"


def _search(server: str, q: str) -> list[dict[str, Any]]:
    got = httpx.get(server + "/search", params={"q": q}, headers={"Accept": "application/json"})
    results: list[dict[str, Any]] = got.json()["results"]
    return results


def test_home_counts_both_corpora_once_per_store_generation(visit: Visit) -> None:
    page = visit.open("/?lang=en")
    cards = page.locator("ul.cards")
    counted = cards.get_attribute("data-counted")
    documents = page.locator("a.card[href='/browse/documents'] .count").inner_text()
    assert int(documents.replace(",", "")) >= 40  # 7 dev documents, 33 real ones, voting data
    assert page.locator("a.card[href='/browse/states'] .count").inner_text() == "193"
    page.reload()
    assert page.locator("ul.cards").get_attribute("data-counted") == counted  # not recounted
    visit.assert_offline()


def test_search_climate_finds_the_resolution_that_says_it(server: str) -> None:
    [first, *_] = _search(server, "climate")
    assert first["iri"] == BASE + "document/S-RES-2242-2015/en"
    assert first["label"] == "S/RES/2242(2015)"  # its symbol, not its file name
    assert first["matched"] == "text" and first["match"].casefold() == "climate"
    assert "climate change" in first["snippet"]


def test_search_finds_chinese_full_text_by_two_characters(server: str) -> None:
    found = [r for r in _search(server, "维和") if r["matched"] == "text"]
    assert found and all(r["match"] == "维和" for r in found)


def test_a_full_text_hit_opens_the_document_at_its_paragraph(visit: Visit) -> None:
    page = visit.open("/search?q=climate&lang=en")
    hit = page.locator("ol.hits li.hit").first
    assert hit.locator("mark").inner_text().casefold() == "climate"
    hit.locator("a").first.click()
    page.wait_for_url("**/id/document/S-RES-2242-2015/en#text-*")
    target = page.evaluate("document.querySelector(':target').id")
    assert target.startswith("text-")
    assert "climate change" in page.locator(".doc-full").inner_text()
    visit.shot("document-full-text-climate")
    visit.assert_offline()


def test_a_vote_opens_the_real_record_at_its_marked_span(visit: Visit) -> None:
    page = visit.open("/id/vote/S-RES-2505-2020/CHN?lang=en")
    link = page.locator("a[href^='/id/document/S-PV.8701/en#span-']").first
    link.click()
    page.wait_for_url("**#span-*")
    mark = page.locator(".doc-full mark:target")
    assert mark.count() == 1
    assert "China" in mark.inner_text() and "favour" in mark.inner_text()
    assert "China: in favour" in (mark.get_attribute("title") or "")
    visit.shot("document-s-pv-8701-vote-span")
    visit.assert_offline()


def test_the_map_colours_the_fifteen_votes_of_the_real_record(visit: Visit, server: str) -> None:
    stated = sparql_bindings(
        server,
        f"""PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>
        SELECT (COUNT(DISTINCT ?voter) AS ?n) WHERE {{ GRAPH <{RECORD}> {{
          ?vote a unsc:Vote ; unsc:voter ?voter ; unsc:value unsc:InFavour }} }}""",
    )
    assert stated[0]["n"]["value"] == "15"
    page = visit.open("/views/map?lang=en&vote=" + quote(RESOLUTION, safe=""))
    page.wait_for_function("document.getElementById('world-map').dataset.coloured !== undefined")
    assert page.locator("#map-members tbody tr").count() == 15
    assert page.locator("#world-map .map-InFavour").count() == 15
    visit.shot("map-resolution-2505")
    visit.assert_offline()


def test_reconciliation_index_shows_each_disagreement_with_both_sides(visit: Visit) -> None:
    page = visit.open("/reconciliation?lang=en")
    summary = page.locator("#rec-summary tbody tr")
    assert summary.count() == 4
    finding = page.locator("li.finding.outcome-disagree", has_text="893")
    assert finding.count() == 1
    assert "1994-01-06" in finding.locator(".side-documents").inner_text()
    assert "1994-06-01" in finding.locator(".side-data").inner_text()
    assert finding.locator("a[href='/id/resolution/893']").count() == 1
    visit.shot("reconciliation-disagreements")
    page.locator("#rec-summary thead a", has_text="agree").last.click()
    page.wait_for_url("**outcome=agree")
    assert page.locator("li.finding.outcome-agree").count() >= 15
    visit.assert_offline()


def test_a_resolution_page_shows_its_votes_checked_against_the_voting_data(
    visit: Visit,
) -> None:
    page = visit.open("/id/resolution/2505?lang=en")
    section = page.locator("section#reconciliation")
    section.locator("details.agreed summary").click()  # agreements come folded
    votes = section.locator("li.finding.outcome-agree", has_text="2505 VNM")
    assert votes.count() == 2  # the record of meeting 8701 and the resolution's text each say so
    for vote in votes.all():
        assert vote.locator(".side-documents").inner_text().startswith("In favour")
        assert vote.locator(".side-data").inner_text() == "In favour"
        assert "Viet Nam: in favour" in vote.locator(".finding-head").inner_text()
    sources = {v.locator("dd a").first.get_attribute("href") for v in votes.all()}
    assert sources == {"/id/document/S-PV.8701/en", "/id/document/S-RES-2505-2020"}
    assert section.locator("li.finding").count() >= 15
    visit.shot("resolution-2505-reconciliation")
    visit.assert_offline()


@pytest.mark.parametrize(
    "path",
    ["/reconciliation?lang=en", "/id/document/S-PV.8701/en?lang=en", "/id/resolution/893?lang=en"],
)
def test_new_pages_fit_a_phone(phone: Visit, path: str) -> None:
    page = phone.open(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"{path} scrolls sideways at phone width ({width}px)"
    phone.shot("phone-" + path.strip("/").split("?")[0].replace("/", "-"))
    phone.assert_offline()


def test_a_state_page_lists_its_terms_and_presidencies(visit: Visit) -> None:
    page = visit.open("/id/state/VNM?lang=en")
    terms = page.locator("section#terms")
    assert terms.locator("ul.seats li").all_inner_texts() == ["2008–2009", "2020–2021"]
    months = terms.locator("ul.presidencies a").all_inner_texts()
    assert {"2020-01", "2021-04"} <= set(months)  # S/PV.8701 (real) and the dev letters
    visit.assert_offline()
