"""Search: ranked, typed results with snippets, in both languages, as HTML and as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest
from unsckg.server.pages.search import Entry, SearchIndex, fold, pinyin, rank

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
BASE = "https://w3id.org/unsc-kg/id/"


def _search(server: str, q: str) -> list[dict[str, Any]]:
    got = httpx.get(server + "/search", params={"q": q}, headers={"Accept": "application/json"})
    assert got.status_code == 200
    results: list[dict[str, Any]] = got.json()["results"]
    return results


@pytest.mark.parametrize(
    ("q", "iri", "kind"),
    [
        ("Guterres", BASE + "person/安东尼奥·古特雷斯", "Person"),
        ("古特雷斯", BASE + "person/安东尼奥·古特雷斯", "Person"),
        ("越南", BASE + "state/VNM", "MemberState"),
        ("Viet Nam", BASE + "state/VNM", "MemberState"),
        ("zhang jun", BASE + "person/张军", "Person"),  # pinyin of a Chinese-only name
        ("S/RES/2518", BASE + "resolution/2518", "Resolution"),
    ],
)
def test_search_ranks_the_expected_entity_first(server: str, q: str, iri: str, kind: str) -> None:
    [first, *_] = _search(server, q)
    assert (first["iri"], first["type"]) == (iri, kind)


def test_search_finds_peacekeeping_themes(server: str) -> None:
    found = _search(server, "维和")
    meetings = [r for r in found if r["type"] == "Meeting"]
    assert len(meetings) >= 2 and all("维和" in r["match"] for r in meetings)


def test_search_page_shows_typed_results_with_snippets(visit: Visit) -> None:
    page = visit.open("/search?q=%E8%B6%8A%E5%8D%97&lang=en")  # 越南
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 2
    assert hits.first.locator("a").inner_text() == "Viet Nam"
    assert hits.first.locator(".badge").inner_text() != ""
    assert hits.first.locator("mark").inner_text() == "越南"
    visit.shot("search-viet-nam")
    page.fill("#search-q", "Guterres")
    page.click("form.search-box button")
    page.wait_for_url("**q=Guterres**")
    assert "Guterres" in page.locator("ol.hits li.hit").first.inner_text()
    visit.shot("search-guterres")
    visit.assert_offline()


def test_rank_prefers_an_exact_state_name_to_a_longer_person_name() -> None:
    def entry(iri: str, text: str, prop: str = "label") -> Entry:
        return Entry(iri, text, prop, fold(text), pinyin(text))

    index = SearchIndex(
        [entry("p", "越南国家元首"), entry("s", "越南"), entry("q", "越南", "quote")],
        {"p": "Person", "s": "MemberState"},
    )
    assert [h.iri for h in rank(index, "越南")] == ["s", "p", "q"]
