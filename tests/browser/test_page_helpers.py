"""The pages' helpers and JSON calls, without a browser: escaping, label choice, links.

The escaping is checked by handing the written terms to a real SPARQL parser (an in-memory
Oxigraph store) and reading the value back, and the JSON calls against the real server.
"""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from starlette.requests import Request
from unsckg.server.pages.entity import _with_base_of
from unsckg.server.pages.i18n import pick_label, translator
from unsckg.server.pages.links import href, undocs_url
from unsckg.server.pages.protocols import PageConfig
from unsckg.server.pages.sparql import BadTermError, iri, literal

BASE = "https://w3id.org/unsc-kg/id/"
NASTY = ["plain", 'quote " inside', "back\\slash", "new\nline", '"} } DROP ALL ; #', "越南\t制表"]


@pytest.mark.parametrize("text", NASTY)
def test_literal_reads_back_as_the_same_string(text: str) -> None:
    query = f"SELECT ?v WHERE {{ BIND({literal(text)} AS ?v) }}"
    [solution] = list(ox.Store().query(query))  # type: ignore[arg-type]
    assert solution["v"].value == text


@pytest.mark.parametrize("bad", ["", "a b", "x>y", "<x", 'q"', "{x}", "a\\b", "tab\there"])
def test_iri_refuses_what_could_break_out_of_the_term(bad: str) -> None:
    with pytest.raises(BadTermError):
        iri(bad)


def test_iri_keeps_a_chinese_key() -> None:
    assert iri(BASE + "person/邓庭贵") == f"<{BASE}person/邓庭贵>"


def test_labels_follow_the_interface_language_and_fall_back() -> None:
    both = [("越南", "zh"), ("Viet Nam", "en")]
    assert pick_label(both, "zh") == "越南"
    assert pick_label(both, "en") == "Viet Nam"
    assert pick_label([("邓庭贵", "zh")], "en") == "邓庭贵"
    assert pick_label([("S/2020/240", "")], "en") == "S/2020/240"
    assert pick_label([("Vietnam", "en-GB"), ("越南", "zh-Hans")], "zh") == "越南"
    assert pick_label([], "zh") is None


def test_every_interface_string_exists_in_both_languages() -> None:
    zh, en = translator("zh"), translator("en")
    assert zh.keys() == en.keys()
    assert all(zh[key] and en[key] for key in zh)


def test_links_point_our_resources_at_this_server() -> None:
    assert href(BASE + "state/VNM", BASE) == "/id/state/VNM"
    assert href("https://w3id.org/unsc-kg/ontology#heldBy", BASE) == "/ontology#heldBy"
    assert href("http://www.wikidata.org/entity/Q881", BASE).startswith("http://www.wikidata")
    assert href("javascript:alert(1)", BASE) == ""
    assert href("urn:isbn:123", BASE) == ""
    assert undocs_url("S/RES/2518(2020)", "zh") == "https://undocs.org/zh/S/RES/2518(2020)"


def test_explorer_search_treats_query_syntax_as_text(server: str) -> None:
    reply = httpx.get(server + "/explore/search", params={"q": '"} } DROP ALL ; #'})
    assert reply.status_code == 200
    assert reply.json() == {"results": []}


def test_explorer_search_finds_a_state_in_both_languages(server: str) -> None:
    for text in ("越南", "viet nam", "VNM"):
        found = httpx.get(server + "/explore/search", params={"q": text}).json()["results"]
        assert BASE + "state/VNM" in [r["id"] for r in found], text


def test_explorer_node_refuses_a_broken_iri(server: str) -> None:
    reply = httpx.get(server + "/explore/node", params={"iri": "http://x> } DROP ALL"})
    assert reply.status_code == 400


def test_explorer_node_lists_neighbours_and_evidence(server: str) -> None:
    data = httpx.get(
        server + "/explore/node", params={"iri": BASE + "vote/S-2020-240/VNM", "lang": "en"}
    ).json()
    ids = {n["id"] for n in data["neighbours"]}
    assert {BASE + "state/VNM", BASE + "document/S-2020-240"} <= ids
    assert any("赞成" in ev["quote"] for ev in data["view"]["evidence"])


def test_entity_pages_read_the_base_iri_back_from_the_path() -> None:

    request = Request({"type": "http", "path": "/id/state/VNM", "headers": []})
    config = _with_base_of("https://example.org/kg/state/VNM", request, PageConfig())
    assert config.base_iri == "https://example.org/kg/"
    assert href("https://example.org/kg/vote/S-2020-240/VNM", config.base_iri).startswith("/id/")


def test_explorer_search_finds_a_meeting_by_its_theme(server: str) -> None:
    found = httpx.get(server + "/explore/search", params={"q": "维和"}).json()["results"]
    assert "Meeting" in {r["cls"] for r in found}
