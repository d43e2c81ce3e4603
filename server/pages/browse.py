"""Browsable indexes: states, people, meetings, resolutions, documents, votes, themes.

The datasette habit: every index is a table that sorts by any column, pages through its rows,
narrows by facets (each facet value shown with its count under the other filters), and comes
as CSV or JSON too. The rows come from one query per index (``browse_specs``), reduced here to
one row per entity; facets and sorting work on those rows, so a facet count is what you get.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from unsckg.server.pages.browse_specs import SPECS as SPECS
from unsckg.server.pages.browse_specs import IndexSpec
from unsckg.server.pages.collation import sort_key
from unsckg.server.pages.labels import document_title
from unsckg.server.pages.links import href
from unsckg.server.pages.protocols import PageConfig, SparqlRunner
from unsckg.server.pages.sparql import Row, rows, value

PAGE_SIZE = 50
Item = dict[str, str]


@dataclass
class Index:
    """One page of an index, with what the template needs to draw its controls."""

    spec: IndexSpec
    items: list[Item]  # this page's rows
    total: int  # rows after filtering
    page: int
    pages: int
    sort: str
    descending: bool
    filters: dict[str, str]
    facets: dict[str, list[tuple[str, int, bool]]] = field(default_factory=dict)


def _item_label(kind: str, item: Item, language: str) -> str:
    """What a row is called: its label, symbol, theme, number or file, in that order."""
    if kind == "meetings" and not item.get("theme") and item.get("number"):
        number = item["number"]
        return f"第{number}次会议" if language == "zh" else f"Meeting {number}"
    if kind == "documents" and not item.get("symbol"):
        return document_title(item, language)
    for name in ("label", "symbol", "theme", "file"):
        if item.get(name):
            return item[name]
    return item.get("date", "") or item.get("_iri", "").rsplit("/", 1)[-1]


def _reduce(found: list[Row], spec: IndexSpec, config: PageConfig, language: str) -> list[Item]:
    """One item per entity (or per theme), the first value of each field kept."""
    items: dict[str, Item] = {}
    for row in found:
        key = value(row, "item") or value(row, "theme") or ""
        item = items.setdefault(key, {"_iri": value(row, "item") or ""})
        for name in row:
            item.setdefault(name, value(row, name) or "")
    for item in items.values():
        item["label"] = _item_label(spec.kind, item, language)
        if item["_iri"]:
            item["label_href"] = href(item["_iri"], config.base_iri)
        elif spec.kind == "themes":
            item["label_href"] = "/search?q=" + quote(item["label"])
        for name in list(item):
            if name.endswith("_href") and name != "label_href" and item[name].startswith("http"):
                item[name] = href(item[name], config.base_iri)
        year = item.get("year") or (item.get("date") or item.get("adopted") or "")[:4]
        item["year"] = year
    return list(items.values())


def _matches(item: Item, filters: dict[str, str]) -> bool:
    return all(item.get(name, "") == wanted for name, wanted in filters.items())


def _facet_counts(
    items: list[Item], spec: IndexSpec, filters: dict[str, str]
) -> dict[str, list[tuple[str, int, bool]]]:
    """Each facet's values with their counts under the *other* facets' filters."""
    result = {}
    for name in spec.facets:
        others = {k: v for k, v in filters.items() if k != name}
        counts = Counter(i.get(name, "") for i in items if _matches(i, others))
        counts.pop("", None)
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if name == "year":
            ordered = sorted(counts.items(), reverse=True)
        result[name] = [(v, n, filters.get(name) == v) for v, n in ordered[:30]]
    return result


def _sorted(items: list[Item], field_name: str, descending: bool, language: str) -> list[Item]:
    """Numbers as numbers, text in the interface language's collation, blanks last."""

    def key(item: Item) -> tuple[int, float, tuple[object, ...]]:
        raw = item.get(field_name, "")
        if raw == "":
            return (1, 0.0, ())
        try:
            return (0, float(raw), ())
        except ValueError:
            return (0, 0.0, sort_key(raw, language))

    present = [i for i in items if i.get(field_name, "") != ""]
    blank = [i for i in items if i.get(field_name, "") == ""]
    return sorted(present, key=key, reverse=descending) + blank


async def build_index(
    runner: SparqlRunner,
    spec: IndexSpec,
    params: dict[str, str],
    config: PageConfig,
    language: str,
) -> tuple[Index, list[Item]]:
    """The requested page of an index, and every filtered row (for CSV and JSON)."""
    items = _reduce(rows(await runner.select(spec.query(language))), spec, config, language)
    filters = {k: v for k, v in params.items() if k in spec.facets and v}
    chosen = [i for i in items if _matches(i, filters)]
    fields = {c.field for c in spec.columns} | {"number", "year"}
    sort = params.get("sort") if params.get("sort") in fields else spec.sort
    descending = params["desc"] == "1" if "desc" in params else spec.descending
    chosen = _sorted(chosen, sort or spec.sort, descending, language)
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    try:
        page = min(max(1, int(params.get("page", "1"))), pages)
    except ValueError:
        page = 1
    shown = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    facets = _facet_counts(items, spec, filters)
    index = Index(spec, shown, len(chosen), page, pages, sort or spec.sort, descending, filters)
    index.facets = facets
    return index, chosen


def link(index: Index, **changes: str | None) -> str:
    """This index's URL with some parameters changed (None removes one)."""
    params: dict[str, str] = dict(index.filters)
    params.update(sort=index.sort, desc="1" if index.descending else "0", page=str(index.page))
    for name, new in changes.items():
        if new is None:
            params.pop(name, None)
        else:
            params[name] = new
    return f"/browse/{index.spec.kind}?{urlencode(params)}"


def to_csv(spec: IndexSpec, items: list[Item]) -> str:
    """The filtered rows as CSV: each column's text, and the IRI of the row."""
    out = io.StringIO()
    writer = csv.writer(out)
    names = [c.field for c in spec.columns]
    writer.writerow([*names, "iri"])
    for item in items:
        writer.writerow([*(item.get(n, "") for n in names), item.get("_iri", "")])
    return out.getvalue()
