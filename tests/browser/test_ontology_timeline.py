"""The ontology page shows unions as "A or B"; the timeline says when a theme is Chinese only
and shows one theme per meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_ontology_shows_unions_not_blank_nodes(visit: Visit) -> None:
    page = visit.open("/ontology?lang=en")
    text = page.locator("main").inner_text()
    assert "c14n" not in text and "genid" not in text
    assert page.locator(".union", has_text=" or ").count() >= 1
    visit.assert_offline()


def test_timeline_marks_chinese_only_themes_and_repeats_none(visit: Visit) -> None:
    page = visit.open("/views/timeline?lang=en")
    assert page.locator(".lang-note", has_text="in Chinese only").count() >= 1
    themes = page.locator("a[lang='zh-Hans']").all_inner_texts()
    assert themes and not any(" / " in theme for theme in themes)
    visit.shot("timeline-en")
    visit.assert_offline()
