"""The pages people use, driven in headless Chromium against a real server on the dev corpus.

Each test also asserts that no request left 127.0.0.1 and that no script error was thrown.
Screenshots land in ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

VNM = "https://w3id.org/unsc-kg/id/state/VNM"


def test_query_page_runs_an_example_and_shows_rows(visit: Visit) -> None:
    page = visit.open("/")
    examples = page.locator(".run-example")
    assert examples.count() > 0
    page.locator(".run-example[data-name=votes-on-draft]").click()
    rows = page.locator(".yasr .dataTable tbody tr")
    rows.first.wait_for()
    assert rows.count() >= 15
    assert "S/RES/" in page.locator(".yasr .dataTable").inner_text()  # drafts and resolutions
    visit.shot("query-example")
    visit.assert_offline()


def test_query_page_autocompletes_ontology_terms_locally(visit: Visit) -> None:
    page = visit.open("/")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type("PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>\n")
    page.keyboard.type("SELECT * WHERE { ?s a unsc:Memb")
    page.keyboard.press("Control+Space")
    hint = page.locator(".CodeMirror-hints li", has_text="unsc:MemberState")
    hint.first.wait_for()
    visit.shot("query-autocomplete")
    visit.assert_offline()


def _expanded(page_count: int) -> str:
    return f"document.getElementById('cy').dataset.expanded === '{page_count}'"


def test_explorer_shows_viet_nam_and_expands_a_node_on_click(visit: Visit) -> None:
    page = visit.open("/explore?iri=")
    page.fill("#search-input", "Viet Nam")
    page.click("#search-form button[type=submit]")
    page.locator("#search-results button", has_text="越南").first.click()
    page.wait_for_function(_expanded(1))
    first = page.evaluate("window.unsckgCy.nodes().length")
    assert first > 3
    assert page.evaluate(f"window.unsckgCy.getElementById('{VNM}').nonempty()")
    assert "越南" in page.locator("#panel").inner_text()
    visit.shot("explore-viet-nam")
    # click a neighbour on the canvas (the presidency when there is one)
    target = page.evaluate(
        """(centre) => {
          const cy = window.unsckgCy;
          const others = cy.nodes().filter(x => x.id() !== centre);
          const n = others.filter(x => x.data('cls') === 'Presidency')[0] || others[0];
          const p = n.renderedPosition();
          return {id: n.id(), x: p.x, y: p.y};
        }""",
        VNM,
    )
    box = page.locator("#cy").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_function(_expanded(2))
    assert page.evaluate(f"window.unsckgCy.getElementById('{target['id']}').hasClass('expanded')")
    assert page.evaluate("window.unsckgCy.nodes().length") > first
    visit.shot("explore-expanded")
    visit.assert_offline()


def test_explorer_exports_the_subgraph_as_graphml_and_gexf(visit: Visit) -> None:
    page = visit.open("/explore?iri=" + VNM.replace(":", "%3A").replace("/", "%2F"))
    page.wait_for_function(_expanded(1))
    for kind, marker in (("graphml", "<graphml"), ("gexf", "<gexf")):
        with page.expect_download() as info:
            page.click(f"[data-export={kind}]")
        path = info.value.path()
        text = path.read_text(encoding="utf-8")
        assert marker in text and VNM in text
        ElementTree.fromstring(text.encode("utf-8"))  # well-formed XML for Gephi and yEd
    visit.assert_offline()


def test_entity_page_shows_facts_and_evidence(visit: Visit) -> None:
    page = visit.open("/id/vote/S-2020-240/VNM")
    assert page.locator("table.facts tbody tr").count() >= 3
    facts = page.locator("table.facts").first.inner_text()
    assert "越南" in facts and "S/2020/240" in facts
    quote = page.locator("ol.evidence blockquote").first
    assert "赞成" in quote.inner_text()
    assert page.locator("ol.evidence .source a", has_text="S/2020/268").count() >= 1
    visit.shot("entity-vote")
    page = visit.open("/id/state/VNM?lang=en")
    assert page.locator("h1").inner_text() == "Viet Nam"
    assert page.locator("ul.external a[href='http://www.wikidata.org/entity/Q881']").count() == 1
    visit.shot("entity-state-en")
    visit.assert_offline()


def test_vote_matrix_shows_fifteen_members_in_favour_of_s_2020_240(visit: Visit) -> None:
    page = visit.open("/views/votes?year=2020")
    header = page.locator("#vote-matrix thead th")
    names = [header.nth(i).get_attribute("data-column") for i in range(header.count())]
    column = names.index("S/2020/240")
    # the resolution the draft became, by its label in the interface language
    assert "2518 (2020)" in header.nth(column).inner_text()
    cells = page.locator(f"#vote-matrix tbody tr td:nth-child({column + 1})")
    values = [cells.nth(i).get_attribute("data-value") for i in range(cells.count())]
    assert values.count("InFavour") == 15
    explained = page.locator(f"#vote-matrix tbody td:nth-child({column + 1}) a.explained")
    assert explained.count() >= 1  # China, among others, explained its vote on S/2020/240
    visit.shot("votes")
    visit.assert_offline()


def test_timeline_shows_viet_nam_presiding_in_april_2021(visit: Visit) -> None:
    page = visit.open("/views/timeline?lang=en")
    month = page.locator("#m-2021-04")
    assert "Viet Nam" in month.locator(".president").inner_text()
    assert month.locator(".meetings li").count() >= 1
    visit.shot("timeline")
    visit.assert_offline()


def test_ontology_page_lists_classes_and_properties(visit: Visit) -> None:
    page = visit.open("/ontology")
    assert page.locator("tr#MemberState").count() == 1
    assert page.locator("tr#heldBy").count() == 1
    visit.assert_offline()


def test_language_switch_changes_interface_and_labels(visit: Visit) -> None:
    page = visit.open("/views/votes?lang=zh&year=2020")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "越南" in page.locator("#vote-matrix").inner_text()
    page.click("header .lang a[hreflang=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Viet Nam" in page.locator("#vote-matrix").inner_text()
    assert page.locator("header nav").inner_text().startswith("Home")
    page = visit.open("/explore?iri=" + VNM.replace(":", "%3A").replace("/", "%2F"))
    assert "Explore" in page.locator("header nav").inner_text()  # the choice sticks (cookie)
    page.wait_for_function(_expanded(1))
    page.click("header .lang a[hreflang=zh]")  # switching keeps the explorer's entity
    page.wait_for_function(_expanded(1))
    assert "越南" in page.locator("#panel h3").inner_text()
    visit.assert_offline()


def test_keyboard_reaches_skip_link_and_navigation(visit: Visit) -> None:
    page = visit.open("/views/timeline")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    visit.assert_offline()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?lang=en",
        "/search?q=Guterres",
        "/browse/meetings",
        "/explore",
        "/views/votes",
        "/views/map",
        "/views/timeline",
        "/id/state/VNM",
        "/id/document/S-2020-268",
    ],
)
def test_pages_fit_a_phone(phone: Visit, path: str) -> None:
    page = phone.open(path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"{path} scrolls sideways ({width}px)"
    phone.shot("phone" + path.replace("/", "-").rstrip("-"))
    phone.assert_offline()


def _run_query(visit: Visit, text: str) -> None:
    """Type a query into the editor and run it with the editor's own shortcut."""
    page = visit.page
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.evaluate("(text) => window.unsckgYasgui.getTab().getYasqe().setValue(text)", text)
    page.keyboard.press("Control+Enter")


def test_query_results_as_chart(visit: Visit) -> None:
    visit.open("/")
    _run_query(
        visit,
        "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>\n"
        "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class",
    )
    page = visit.page
    page.locator(".yasr .dataTable tbody tr").first.wait_for()
    page.locator(".yasr .select_chart").click()
    page.locator(".yasr-chart canvas").wait_for()
    chart = "Chart.getChart(document.querySelector('.yasr-chart canvas'))"
    assert page.evaluate(f"{chart}.data.datasets[0].data.length") > 3
    visit.shot("query-chart")
    visit.assert_offline()


def test_query_results_as_graph(visit: Visit) -> None:
    visit.open("/")
    _run_query(
        visit,
        "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>\n"
        "CONSTRUCT { ?vote unsc:voter ?state ; unsc:draft ?draft } WHERE {\n"
        "  ?vote unsc:voter ?state ; unsc:draft ?draft }",
    )
    page = visit.page
    page.locator(".yasr .select_graph").click()
    page.locator(".yasr-graph canvas").first.wait_for()
    assert page.locator(".yasr-graph").get_attribute("data-nodes") not in (None, "0")
    visit.shot("query-graph")
    visit.assert_offline()


def test_explorer_exports_png_and_svg(visit: Visit) -> None:
    page = visit.open("/explore?iri=" + VNM.replace(":", "%3A").replace("/", "%2F"))
    page.wait_for_function(_expanded(1))
    with page.expect_download() as info:
        page.click("[data-export=png]")
    assert info.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as info:
        page.click("[data-export=svg]")
    assert "<svg" in info.value.path().read_text(encoding="utf-8")
    visit.assert_offline()


def test_explorer_works_from_the_keyboard(visit: Visit) -> None:
    page = visit.open("/explore?lang=en&iri=")
    page.locator("button.start", has_text="Viet Nam").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(_expanded(1))
    neighbour = page.locator("#panel .neighbours button").first
    neighbour.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(_expanded(2))
    assert "Neighbours" in page.locator("#panel").inner_text()
    assert page.evaluate("document.activeElement.tagName") == "H3"  # focus stays in the panel
    visit.shot("explore-keyboard-en")
    visit.assert_offline()


@pytest.mark.parametrize("layout", ["concentric", "breadthfirst", "circle", "grid", "cose"])
def test_explorer_layouts_place_every_node_in_view(visit: Visit, layout: str) -> None:
    page = visit.open("/explore?iri=" + VNM.replace(":", "%3A").replace("/", "%2F"))
    page.wait_for_function(_expanded(1))
    page.select_option("#layout-select", layout)
    inside = page.evaluate(
        """() => {
          const cy = window.unsckgCy, w = cy.width(), h = cy.height();
          return cy.nodes().every(n => {
            const p = n.renderedPosition();
            return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
          });
        }"""
    )
    assert inside
    visit.assert_offline()


def test_query_page_keeps_the_query_across_a_reload(visit: Visit) -> None:
    visit.open("/")
    _run_query(visit, "SELECT ?kept WHERE { ?kept a ?class } LIMIT 3")
    visit.page.locator(".yasr .dataTable tbody tr").first.wait_for()
    visit.page.reload()
    visit.page.locator(".CodeMirror").wait_for()
    text = visit.page.evaluate("window.unsckgYasgui.getTab().getYasqe().getValue()")
    assert "?kept" in text
    visit.assert_offline()


def test_query_results_show_labels_and_no_datatypes(visit: Visit) -> None:
    visit.open("/?lang=en")
    _run_query(
        visit,
        "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#>\n"
        "SELECT ?state (COUNT(?vote) AS ?votes) WHERE { ?vote unsc:voter ?state\n"
        "  FILTER(STRENDS(STR(?state), '/VNM') || STRENDS(STR(?state), '/CHN')) }\n"
        "GROUP BY ?state ORDER BY ?state",
    )
    page = visit.page
    page.locator(".yasr .dataTable a.iri .label").first.wait_for()
    table = page.locator(".yasr .dataTable").inner_text()
    assert "Viet Nam" in table and "China" in table
    assert "^^" not in table and "xsd:" not in table
    link = page.locator(".yasr .dataTable a.iri[data-iri$='/state/VNM']")
    assert link.get_attribute("title") == VNM
    assert link.get_attribute("href") == "/id/state/VNM"
    number = page.locator(".yasr .dataTable tbody tr td").first.bounding_box()
    first = page.locator(".yasr .dataTable tbody tr td").nth(1).locator("a").bounding_box()
    assert number is not None and first is not None
    assert number["x"] + number["width"] <= first["x"]  # the row number does not run in
    visit.shot("query-labels-en")
    visit.assert_offline()


def test_query_syntax_error_is_shown_readably(visit: Visit) -> None:
    visit.open("/?lang=en")
    _run_query(visit, "SELECT * WHERE { ?s ?p }")
    error = visit.page.locator(".query-error")
    error.wait_for()
    assert "Syntax error" in error.inner_text()
    assert "line 1, column" in error.inner_text()
    assert '{"error"' not in error.inner_text()
    visit.shot("query-syntax-error")
    visit.assert_offline()


def test_gallery_is_titled_in_both_languages(visit: Visit) -> None:
    page = visit.open("/?lang=en")
    button = page.locator(".run-example[data-name=votes-on-draft]")
    assert button.inner_text() == "Votes on drafts"
    page = visit.open("/?lang=zh")
    assert "投票" in page.locator(".run-example[data-name=votes-on-draft]").inner_text()
    visit.assert_offline()
