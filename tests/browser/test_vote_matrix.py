"""The vote matrix: the members of the day as rows, a year filter, collation, CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import httpx
import pytest
from unsckg.server.pages.collation import sort_key

if TYPE_CHECKING:  # conftest.py provides the fixtures; the class is only a type here
    from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_2020_matrix_has_fifteen_members_per_vote(visit: Visit) -> None:
    page = visit.open("/views/votes?year=2020&lang=en")
    columns = page.locator("#vote-matrix thead th[data-column]").count()
    assert columns >= 1
    assert page.locator("#vote-matrix tbody tr").count() == 15
    for column in range(columns):
        cells = page.locator(f"#vote-matrix tbody td:nth-child({column + 2})[data-value]")
        assert cells.count() == 15
    assert page.locator("nav.years a[aria-current=page]").inner_text() == "2020"
    visit.shot("votes-2020-en")
    visit.assert_offline()


def test_members_are_in_pinyin_order_in_chinese(visit: Visit) -> None:
    page = visit.open("/views/votes?year=2020&lang=zh")
    names = page.locator("#vote-matrix tbody th[scope=row]").all_inner_texts()
    assert names == sorted(names, key=lambda n: sort_key(n, "zh"))
    assert names[0] == "爱沙尼亚"  # aishaniya: first in pinyin, not in code-point order
    visit.shot("votes-2020-zh")
    visit.assert_offline()


def test_matrix_downloads_as_csv(server: str) -> None:
    got = httpx.get(server + "/views/votes", params={"year": "2020", "format": "csv"})
    assert got.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(got.text)))
    assert table[0][:2] == ["member", "iri"]
    assert len(table) == 16 and {"InFavour"} <= {cell for row in table[1:] for cell in row[2:]}
