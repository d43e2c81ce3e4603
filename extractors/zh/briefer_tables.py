"""Briefer tables: the briefers of a letter laid out as a table, a row per briefer.

Why apart from the lists and sentences (``briefers.py``): a table says by its columns which cell
holds the name and which the post (a header ``姓名 | 职务``, or the two cells told apart), and a
mark anywhere in a row is that row's. Tables come in three layouts: Markdown (``| 姓名 | 职务 |``
over a ``|---|`` rule), columns separated by tabs or by runs of spaces (a word processor's or a
PDF's, a long cell wrapped onto the next line under its column), and tables that PDF extraction
flattened to one cell per line (``序号`` ⏎ ``姓名`` ⏎ ``职务``, then each row from its number on).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import NamedTuple

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Briefer
from unsckg.extractors.zh import people
from unsckg.extractors.zh.briefer_items import (
    BULLET,
    ends_like_post,
    name_and_post,
    organization,
    parse_items,
    split_entry,
)

# A Markdown-like table: ``| 姓名 | 职务 |``, a ``|---|`` rule, a row per briefer.
TABLE_ROW = re.compile(r"^[ \t\u3000]*\|(?P<cells>.*)\|[ \t\u3000]*$")
TABLE_RULE = re.compile(r"^[\s|:\-–—]*-{2,}[\s|:\-–—]*$")
FLAT_HEAD = re.compile(
    r"序号|编号|号|姓名|名字|人名|通报人|职务|职位|职衔|头衔|身份|备注|说明|附注|name|title|remarks?",
    re.IGNORECASE,
)
NUMBER_HEAD = re.compile(r"序号|编号|号|no\.?", re.IGNORECASE)
REMARK_HEAD = re.compile(r"备注|说明|附注|remarks?", re.IGNORECASE)
FLAT_END = re.compile(r"[。：:？?]")
# A mark alone in a cell or on a line (``(待定)``); the list reader takes it, on the line below
# an entry, for that entry's.
REMARK_MARK = re.compile(rf"[(（]?(?:{people.MARKS})[)）]?")
NAME_HEAD = re.compile(r"姓名|名字|人名|通报人|介绍人|嘉宾|name", re.IGNORECASE)
TITLE_HEAD = re.compile(r"职务|职位|职衔|头衔|身份|title|post|position|function", re.IGNORECASE)


def table_at(ctx: Context, pos: int) -> list[Briefer] | None:
    """The briefers of a table starting at ``pos`` (blank lines skipped), ``None`` if no table
    starts there. The header names the name and title columns (``姓名``, ``职务``); without one,
    each row's two cells are told apart as a name and a post. A mark in any cell is the row's."""
    pos = _past_blank_lines(ctx.text, pos)
    rows: list[tuple[list[str], int]] = []
    while pos < len(ctx.text):
        line, end = line_at(ctx.text, pos)
        row = TABLE_ROW.match(line)
        if not row:
            break
        rows.append(([c.strip() for c in row["cells"].split("|")], pos))
        pos = end + 1
    if len(rows) < 2 or not TABLE_RULE.fullmatch(ctx.text[rows[1][1] :].split("\n", 1)[0]):
        return None
    name_col, title_col = _columns(rows[0][0])
    out: list[Briefer] = []
    for cells, at in rows[2:]:
        pair = _name_title(cells, name_col, title_col)
        if pair is None:
            continue
        items = _row_briefers(ctx, *pair, cells, at)
        line = line_at(ctx.text, at)[0]
        evidence = ctx.evidence(at, at + len(line))
        out.extend(replace(b, evidence=evidence) for b in items)
    return out


def _columns(header: list[str]) -> tuple[int | None, int | None]:
    """The name and the title columns of a table's header row (None where not named)."""
    name_col = next((i for i, c in enumerate(header) if NAME_HEAD.search(c)), None)
    title_col = next((i for i, c in enumerate(header) if TITLE_HEAD.search(c)), None)
    return name_col, title_col


def _row_briefers(ctx: Context, name: str, title: str, cells: list[str], at: int) -> list[Briefer]:
    """A table row read as one entry, post then name, tentative when any of its cells holds a
    mark (a remarks column, or the mark written in the name or the title cell)."""
    mark = any(people.TENTATIVE.search(c) for c in cells)
    title = people.TENTATIVE.sub("", title).strip()
    name = people.TENTATIVE.sub("", name).strip()
    items = parse_items(ctx, title + name + ("(待确认)" if mark else ""), at)
    if len(items) == 1 or not title:
        return items
    # The cells say which is the post: a post with a separator inside
    # (``某基金会创始人、某协会名誉主席``) is one post, not two entries.
    post, person = split_entry(name)
    if post or person is None:
        return items
    return [Briefer(person, title, organization(title), mark, ctx.evidence(at, at + len(name)))]


def tab_table_at(ctx: Context, pos: int) -> list[Briefer] | None:
    """The briefers of a table copied from a word processor or a PDF, its cells separated by
    tabs or by a run of spaces: a header row naming the name and title columns
    (``通报人<TAB>职务``, ``姓名      职务``), then a row per line up to a line with one cell. A
    cell that is only a mark (``(待定)`` as the name) leaves a post-only, tentative briefer.
    ``None`` if no such table starts at ``pos``.

    The clean text drops the tabs and spaces between Chinese cells and may join a short row to
    the one above it, so rows and cells are cut where the original has a line break or a gap.
    A PDF wraps a long cell: its second half is alone on the next line, indented to its
    column; it goes on with the previous row's cell of that column."""
    rows = _tab_table_rows(ctx, _past_blank_lines(ctx.text, pos))
    if not rows or len(rows[0].cells) < 2 or not all(FLAT_HEAD.fullmatch(c) for c in rows[0].cells):
        return None
    name_col, title_col = _columns(rows[0].cells)
    if name_col is None or title_col is None:
        return None
    out: list[Briefer] = []
    for row in rows[1:]:
        cells = row.cells
        pair = _name_title(cells, name_col, title_col) if len(cells) >= 2 else None
        if pair is None:
            break
        items = _row_briefers(ctx, *pair, cells, row.start)
        out.extend(replace(b, evidence=ctx.evidence(row.start, row.end)) for b in items)
    return out


def _past_blank_lines(text: str, pos: int) -> int:
    """The start of the first line at or after ``pos`` that is not blank."""
    while pos < len(text) and not line_at(text, pos)[0].strip():
        pos = line_at(text, pos)[1] + 1
    return pos


def _tab_table_rows(ctx: Context, pos: int) -> list[_TabRow]:
    """The rows of a tab- or space-separated table from ``pos`` up to a row of one cell, a
    wrapped cell's second half joined to its row."""
    rows: list[_TabRow] = []
    while pos < len(ctx.text):
        end = line_at(ctx.text, pos)[1]
        for row in _tab_rows(ctx, pos, end):
            if len(rows) > 1 and len(row.cells) == 1 and _wrapped(rows[-1], row):
                rows[-1] = _rewrapped(rows[-1], row)
            else:
                rows.append(row)
        if not rows or len(rows[-1].cells) < 2:
            break
        pos = end + 1
    return rows


class _TabRow(NamedTuple):
    """A row of a tab- or space-separated table: its cells, the column (characters from the
    start of the original line) where each begins, and its span in the clean text."""

    cells: list[str]
    columns: list[int]
    start: int
    end: int


# A gap between two cells in the original line: a tab, or two spaces or more (a PDF's columns).
CELL_GAP = re.compile(r"\t|[ \u3000]{2,}")
# How far a wrapped cell's line may sit before its column (a PDF aligns columns roughly).
COLUMN_SLACK = 4


def _tab_rows(ctx: Context, pos: int, end: int) -> list[_TabRow]:
    """The rows of the clean line ``pos..end``, cut into rows where the original has a line
    break and into cells where it has a tab or a run of spaces."""
    rows: list[_TabRow] = []
    cells: list[str] = []
    columns: list[int] = []
    cell: list[str] = []
    start = pos
    origin, original = ctx.norm.origin, ctx.norm.original
    for i in range(pos, end + 1):
        gap = original[origin[i - 1] + 1 : origin[i]] if pos < i < end else ""
        if i == end or "\n" in gap:
            cells.append("".join(cell).strip())
            kept = [(c, k) for c, k in zip(cells, columns, strict=False) if c]
            rows.append(_TabRow([c for c, _ in kept], [k for _, k in kept], start, i))
            cells, columns, cell, start = [], [], [], i
        elif CELL_GAP.search(gap):
            cells.append("".join(cell).strip())
            cell = []
        if i < end:
            if not cell:
                columns.append(_column(original, origin[i]))
            cell.append(ctx.text[i])
    return rows


def _column(original: str, at: int) -> int:
    """How far ``at`` is from the start of its line in the original text, in the width the
    page shows: a Chinese character takes two places, as in the PDF layout that aligned the
    columns."""
    line = original[original.rfind("\n", 0, at) + 1 : at]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _wrapped(previous: _TabRow, row: _TabRow) -> bool:
    """``row``, one cell alone, is the wrapped second half of a cell of ``previous``: it is
    indented past the first column, to a later one (a few places of slack for the layout)."""
    return len(previous.columns) > 1 and row.columns[0] >= previous.columns[1] - COLUMN_SLACK


def _rewrapped(previous: _TabRow, row: _TabRow) -> _TabRow:
    """``previous`` with ``row``'s text added to the last cell that begins at or before the
    column ``row`` is indented to."""
    at = max(
        k
        for k in range(1, len(previous.columns))
        if k == 1 or previous.columns[k] <= row.columns[0] + COLUMN_SLACK
    )
    cells = list(previous.cells)
    cells[at] += row.cells[0]
    return _TabRow(cells, previous.columns, previous.start, row.end)


def flat_table_at(ctx: Context, pos: int) -> list[Briefer] | None:
    """The briefers of a table that PDF extraction flattened to one cell per line: a header of
    short cells (``序号 / 姓名 / 职务 / 备注``), then each row from its number on, a wrapped cell
    over several lines and an empty cell missing. A mark in the remarks column is the row's.
    ``None`` if no such table starts at ``pos``."""
    header: list[str] = []
    while pos < len(ctx.text):
        line, end = line_at(ctx.text, pos)
        if not FLAT_HEAD.fullmatch(line.strip()):
            break
        header.append(line.strip())
        pos = end + 1
    names = [i for i, c in enumerate(header) if NAME_HEAD.search(c)]
    titles = [i for i, c in enumerate(header) if TITLE_HEAD.search(c)]
    if not (names and titles and header and NUMBER_HEAD.fullmatch(header[0])):
        return None
    remarks = any(REMARK_HEAD.fullmatch(c) for c in header)
    out: list[Briefer] = []
    for cells, start, end in _flat_rows(ctx, pos):
        entry = _flat_entry(cells, names[0] < titles[0], remarks)
        if entry:
            items = parse_items(ctx, entry, start)
            out.extend(replace(b, evidence=ctx.evidence(start, end)) for b in items)
    return out


def _flat_rows(ctx: Context, pos: int) -> list[tuple[list[str], int, int]]:
    """The rows of a flattened table from ``pos``: each from its number (``1``, ``2`` …) to the
    next one, up to a line that is no cell (a heading, a sentence)."""
    rows: list[tuple[list[str], int, int]] = []
    while pos < len(ctx.text):
        line, end = line_at(ctx.text, pos)
        cell = line.strip()
        if cell == str(len(rows) + 1):
            rows.append(([], end + 1, end))
        elif not rows or not _flat_cell(cell):
            break
        else:
            rows[-1][0].append(cell)
            rows[-1] = (rows[-1][0], rows[-1][1], end)
        pos = end + 1
    return rows


def _flat_cell(cell: str) -> bool:
    """A table cell, not the heading or sentence after the table."""
    return bool(cell) and len(cell) <= 40 and not BULLET.match(cell) and not FLAT_END.search(cell)


def _flat_entry(cells: list[str], name_first: bool, remarks: bool) -> str:
    """A flattened row's entry as ``post name`` plus its mark: the remarks cell dropped (its
    mark kept), the name in the first or the last cell, the post in the cells between (a
    wrapped post's lines joined)."""
    mark = any(REMARK_MARK.fullmatch(c) for c in cells)
    cells = [c for c in cells if not REMARK_MARK.fullmatch(c)]
    if remarks and len(cells) > 2 and _is_remark(cells[:-1], cells[-1], name_first):
        cells = cells[:-1]
    if len(cells) < 2:
        return ""
    name, post = (cells[0], cells[1:]) if name_first else (cells[-1], cells[:-1])
    return "".join(post) + name + ("(待确认)" if mark else "")


def _is_remark(cells: list[str], last: str, name_first: bool) -> bool:
    """The last cell is a remark (``视频连线``) when the post is whole without it and the cell
    does not end like a post."""
    post = "".join(cells[1:] if name_first else cells[:-1])
    return bool(post) and ends_like_post(post) and not ends_like_post(last)


def _name_title(
    cells: list[str], name_col: int | None, title_col: int | None
) -> tuple[str, str] | None:
    """A row's name and title: from the header's columns, else the two cells that are not a
    number, in whichever order reads as a name and a post."""
    if name_col is not None and title_col is not None and max(name_col, title_col) < len(cells):
        return cells[name_col], cells[title_col]
    texts = [c for c in cells if c and patterns.cn_number(c.rstrip(".、")) is None]
    if len(texts) != 2:
        return None
    first, second = texts
    if name_and_post(people.TENTATIVE.sub("", second), first):
        return second, first
    return first, second


def line_at(text: str, pos: int) -> tuple[str, int]:
    """The line starting at ``pos`` and the offset of its end."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[pos:end], end
