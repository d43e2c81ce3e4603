"""Every example query has a title and a description in both interface languages."""

from __future__ import annotations

import pytest
from unsckg.graph.queries import example_queries
from unsckg.server.pages.examples import gallery, gallery_texts


@pytest.mark.parametrize("name", [name for name, _, _ in example_queries()])
def test_every_example_is_titled_in_both_languages(name: str) -> None:
    entry = gallery_texts().get(name)
    assert entry is not None, f"add [{name}] to server/pages/gallery.toml"
    for language in ("zh", "en"):
        title, description = entry[language]
        assert title and description and title != name


def test_the_gallery_lists_no_query_that_does_not_exist() -> None:
    assert set(gallery_texts()) == {name for name, _, _ in example_queries()}
    assert [e.name for e in gallery("en")] == [name for name, _, _ in example_queries()]
