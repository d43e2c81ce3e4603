"""Accessible basics checked by axe-core (WCAG 2 A and AA rules) on every page we render.

axe-core comes from the npm registry as a development dependency of ``frontend/`` (it is not
served to users); it is injected into the page as a script, so it fetches nothing. YASGUI's tab
bar (a ``tablist`` that also holds its "+" button) is third-party markup and left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/",
    "/?lang=en",
    "/explore?lang=en&from=2020&to=2020&iri=https%3A%2F%2Fw3id.org%2Funsc-kg%2Fid%2Fstate%2FCHN",
    "/browse/states?lang=zh",
    "/search?q=%E8%B6%8A%E5%8D%97&lang=en",
    "/browse/meetings?lang=en&year=2021",
    "/id/state/NOWHERE",
    "/explore",
    "/explore?iri=https%3A%2F%2Fw3id.org%2Funsc-kg%2Fid%2Fstate%2FVNM",
    "/views/votes",
    "/views/map?lang=en",
    "/views/timeline",
    "/ontology",
    "/id/state/VNM",
    "/id/state/CHN?lang=en",
    "/id/document/S-2020-268?lang=en",
    "/id/vote/S-2020-240/VNM?lang=en",
    "/id/document/S-PV.8701/en?lang=en",  # the whole text of a real record, its spans marked
    "/search?q=climate&lang=en",
    "/reconciliation?lang=en",
    "/reconciliation?lang=zh&outcome=agree",
    "/id/resolution/2505?lang=en",  # with the reconciliation of its votes
    "/views/map?lang=en&vote=https%3A%2F%2Fw3id.org%2Funsc-kg%2Fid%2Fresolution%2F2505",
    "/views/map?lang=en&state=https%3A%2F%2Fw3id.org%2Funsc-kg%2Fid%2Fstate%2FCHN",
    "/views/map?lang=zh&state=VNM",
    "/views/votes?lang=en&year=all&agenda=The+situation+in+the+Middle+East",
    "/views/votes?lang=zh&year=2020&agenda=none",
]
RUN = """async () => {
  const result = await axe.run({ exclude: [[".tabsList"]] },
                               { runOnly: ["wcag2a", "wcag2aa"] });
  return result.violations.map(v => v.id + " (" + v.impact + "): " +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
}"""


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_a_or_aa_violations(visit: Visit, path: str) -> None:
    if not AXE.is_file():
        pytest.fail("axe-core missing: run `cd frontend && npm ci`")
    page = visit.open(path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN) == []
    visit.assert_offline()
