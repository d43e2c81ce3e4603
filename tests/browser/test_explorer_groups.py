"""The explorer starts somewhere, groups big relations, labels edges and colours votes."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
BASE = "https://w3id.org/unsc-kg/id/"
VNM = BASE + "state/VNM"
DRAFT = BASE + "document/S-2020-240"


def test_explorer_opens_on_a_state_without_being_asked(visit: Visit) -> None:
    page = visit.open("/explore?lang=en")
    page.wait_for_function("document.getElementById('cy').dataset.expanded === '1'")
    assert page.evaluate("window.unsckgCy.nodes('.expanded').length") == 1
    assert "iri=" in page.url  # the view has a permalink
    visit.assert_offline()


def test_explorer_on_viet_nam_has_readable_labels_and_labelled_edges(visit: Visit) -> None:
    page = visit.open("/explore?lang=en&iri=" + quote(VNM, safe=""))
    page.wait_for_function("document.getElementById('cy').dataset.expanded === '1'")
    labels = page.evaluate("window.unsckgCy.nodes().map(n => n.data('label'))")
    assert "Viet Nam" in labels
    assert not any(label.endswith(".txt") or "/VNM" in label for label in labels)
    votes = page.evaluate(
        "window.unsckgCy.nodes().filter(n => n.data('cls') === 'Vote')"
        ".map(n => [n.data('label'), n.data('value')])"
    )
    assert votes and all(value == "InFavour" and "in favour" in label for label, value in votes)
    assert any(label.startswith("S/2020/240") for label, _ in votes)  # on what, seen from VNM
    edges = page.evaluate("window.unsckgCy.edges().map(e => e.data('label'))")
    assert edges and all(edges)
    visit.shot("explore-viet-nam-labels")
    visit.assert_offline()


def test_fifteen_votes_on_a_draft_become_one_group_opened_on_demand(visit: Visit) -> None:
    page = visit.open("/explore?lang=en&iri=" + quote(DRAFT, safe=""))
    page.wait_for_function("document.getElementById('cy').dataset.expanded === '1'")
    group = page.evaluate("window.unsckgCy.nodes('.group').map(n => [n.id(), n.data('label')])")
    assert any(label.endswith("(15)") for _, label in group)
    before = page.evaluate("window.unsckgCy.nodes().length")
    page.locator("#panel button.open-group", has_text="(15)").click()
    page.wait_for_function("document.getElementById('cy').dataset.groupsOpened === '1'")
    after = page.evaluate("window.unsckgCy.nodes().length")
    assert after == before - 1 + 15
    colours = page.evaluate(
        "window.unsckgCy.nodes().filter(n => n.data('cls') === 'Vote')"
        ".map(n => n.style('background-color'))"
    )
    assert len(colours) == 15 and len(set(colours)) == 1  # all in favour: one colour
    visit.shot("explore-draft-votes-opened")
    visit.assert_offline()


def test_permalink_reopens_the_same_view(visit: Visit) -> None:
    page = visit.open(
        "/explore?lang=en&iri=" + quote(VNM, safe="") + "&also=" + quote(DRAFT, safe="")
    )
    page.wait_for_function("document.getElementById('cy').dataset.expanded === '2'")
    assert page.evaluate(f"window.unsckgCy.getElementById('{DRAFT}').hasClass('expanded')")
    visit.assert_offline()
