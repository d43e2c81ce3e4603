"""Briefers: who is expected to brief the Council, from a list or from a sentence.

Why two shapes: concept notes list briefers under a heading (``通报人``, ``情况介绍人``), one per
line or bullet, several on one line joined by ``/``; letters also name them in running text
(``主管和平行动副秘书长拉克鲁瓦、主管业务支助事务副秘书长哈雷通报(待确认)``). A tentative mark
after a list applies to every briefer of that list, after one item to that item.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from unsckg.extractors import patterns, people
from unsckg.extractors.briefer_items import NAME_PAREN, name_and_post, parse_items
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Briefer

HEADING = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[.、]\s*)?[^\n。]{0,16}?"
    r"(?:通报人|介绍人|通报者|简报人|演讲人|发言者|发言人|作通报|作情况通报|通报嘉宾|Briefers?)[^\n。，]{0,8}?\s*[:：]?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_LABEL = r"[a-z\d]{1,2}|[一二三四五六七八九十]{1,3}"
BULLET = re.compile(rf"^(?:[•●▪■◆·\-–—*]|[(（]?(?P<n>{_LABEL})[)）]|(?P<m>{_LABEL})[.、])\s*")
IN_SENTENCE = re.compile(
    r"(?:^|[。；\n])(?:[一二三四五六七八九十\d]{1,2}[.、]\s*)?(?P<list>[^。；\n]{2,200}?)(?:将)?(?:通过视频(?:连线|会议)?|以视频方式)?"
    r"(?:向安理会|向安全理事会)?"
    r"(?:作|进行|作情况|介绍情况并)?(?:通报|介绍)(?:情况)?"
    r"(?P<tentative>\s*\((?:待定|待确认|tbc|TBC)\))?[。；]"
)
# ``拟邀请下列人士通报情况：`` between a heading and its list
INTRO = re.compile(r"\s*[^\n。：:]{2,40}[:：]\s*")
# A clause that introduces the list, its items on the lines below or after it on the same line:
# ``向安全理事会通报情况的人士有：``, ``下列人员将向安理会作情况介绍：``, ``…听取以下人士的通报：``.
LIST_INTRO = re.compile(
    r"(?:^|(?<=[。；]))[^。；：:\n]{0,30}?"
    r"(?:(?:通报|介绍)情况的(?:人士|人员)?(?:有|包括|为|是)"
    r"|(?:下列|以下)(?:人士|人员|通报人)[^。；：:\n]{0,16}?(?:通报|介绍)(?:情况)?(?:如下)?)"
    r"[ \t]*[:：]?[ \t]*(?P<list>[^。\n]*)",
    re.MULTILINE,
)
# A Markdown-like table: ``| 姓名 | 职务 |``, a ``|---|`` rule, a row per briefer.
TABLE_ROW = re.compile(r"^[ \t\u3000]*\|(?P<cells>.*)\|[ \t\u3000]*$")
TABLE_RULE = re.compile(r"^[\s|:\-–—]*-{2,}[\s|:\-–—]*$")
NAME_HEAD = re.compile(r"姓名|名字|人名|通报人|介绍人|嘉宾|name", re.IGNORECASE)
TITLE_HEAD = re.compile(r"职务|职位|职衔|头衔|身份|title|post|position|function", re.IGNORECASE)
# Where a name-first entry ends and the next begins, glued: ``)`` then ``name(`` (not a mark).
GLUED_CUT = re.compile(r"\)(?=[^()\s、，,；;/][^()]{1,40}\((?!待定|待确认|待证实|tbc|TBC|tbd|TBD))")
# Items numbered inside one line: ``(1)秘书长… (2)…``.
INLINE_LABEL = re.compile(r"[(（]\d{1,2}[)）]\s*")
INCLUDES = re.compile(
    r"(?:情况)?(?:通报人|介绍人)(?:将)?(?:(?:包括|为|是)\s*[:：]?|\s*[:：])\s*(?P<list>[^。\n]+)"
    # a meeting record: the President invites briefers under rule 39
    r"|邀请(?:下列|以下)[^：:。\n]{0,16}[:：]\s*(?P<invited>[^。\n]+)"
)


def extract(ctx: Context) -> tuple[Briefer, ...]:
    """Briefers of the document's meeting, in order, without repeats."""
    found = _from_heading(ctx) or _from_intro(ctx) or _from_sentences(ctx)
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for briefer in found:
        key = (briefer.name, briefer.title if briefer.name is None else None)
        if key not in seen:
            seen.add(key)
            out.append(briefer)
    return tuple(out)


def _from_heading(ctx: Context) -> list[Briefer]:
    out: list[Briefer] = []
    for heading in HEADING.finditer(ctx.text):
        out.extend(_list_after(ctx, heading.end() + 1))
    return out


def _list_after(ctx: Context, pos: int) -> list[Briefer]:
    """The briefers listed from ``pos`` on, one per line, after an introductory line ending in
    a colon if there is one; a blank line ends the list unless the last item ended in ``；``."""
    out: list[Briefer] = []
    bullets = None
    number: str | None = None
    previous = ""
    line, end = _line(ctx.text, pos)
    if INTRO.fullmatch(line):
        pos = end + 1
    table = _table_at(ctx, pos)
    if table is not None:
        return table
    while pos < len(ctx.text):
        line, end = _line(ctx.text, pos)
        if not line.strip() and out and re.search(r"[；;]\s*$", previous):
            pos = end + 1
            continue
        bullet = BULLET.match(line)
        bullets = bool(bullet) if bullets is None else bullets
        if bullets != bool(bullet) or not line.strip():
            break
        label = bullet and (bullet["n"] or bullet["m"])
        if label and number and not _follows(number, label):
            break  # the next paragraph of the letter (``7.``), not the next briefer
        if label and out and not number:
            break  # a numbered paragraph (``8.``) after a list of dashes or dots ends it
        number = label or None
        numbered = _numbered_in_line(ctx, line, pos)
        text = BULLET.sub("", line)
        at = pos + len(line) - len(text)
        items = numbered or parse_items(ctx, text, at) or _glued(ctx, text, at)
        if not items:
            break
        out.extend(items)
        previous, pos = line, end + 1
    return out


def _table_at(ctx: Context, pos: int) -> list[Briefer] | None:
    """The briefers of a table starting at ``pos`` (blank lines skipped), ``None`` if no table
    starts there. The header names the name and title columns (``姓名``, ``职务``); without one,
    each row's two cells are told apart as a name and a post. A mark in any cell is the row's."""
    while pos < len(ctx.text) and not _line(ctx.text, pos)[0].strip():
        pos = _line(ctx.text, pos)[1] + 1
    rows: list[tuple[list[str], int]] = []
    while pos < len(ctx.text):
        line, end = _line(ctx.text, pos)
        row = TABLE_ROW.match(line)
        if not row:
            break
        rows.append(([c.strip() for c in row["cells"].split("|")], pos))
        pos = end + 1
    if len(rows) < 2 or not TABLE_RULE.fullmatch(ctx.text[rows[1][1] :].split("\n", 1)[0]):
        return None
    header = rows[0][0]
    name_col = next((i for i, c in enumerate(header) if NAME_HEAD.search(c)), None)
    title_col = next((i for i, c in enumerate(header) if TITLE_HEAD.search(c)), None)
    out: list[Briefer] = []
    for cells, at in rows[2:]:
        pair = _name_title(cells, name_col, title_col)
        if pair is None:
            continue
        name, title = pair
        mark = any(people.TENTATIVE.search(c) for c in cells)
        entry = people.TENTATIVE.sub("", title).strip() + people.TENTATIVE.sub("", name).strip()
        items = parse_items(ctx, entry + ("(待确认)" if mark else ""), at)
        line = _line(ctx.text, at)[0]
        evidence = ctx.evidence(at, at + len(line))
        out.extend(replace(b, evidence=evidence) for b in items)
    return out


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


def _from_intro(ctx: Context) -> list[Briefer]:
    """The list after an introducing clause: on the lines below it, or on the same line
    (numbered, or joined by 、 ； 以及), where a mark glued to the last item is its own."""
    out: list[Briefer] = []
    for m in LIST_INTRO.finditer(ctx.text):
        if not m["list"].strip():
            out.extend(_list_after(ctx, m.end() + 1))
            continue
        numbered = _numbered_in_line(ctx, m["list"], m.start("list"))
        out.extend(
            numbered or parse_items(ctx, m["list"], m.start("list"), True, shared_mark=False)
        )
    return out


def _glued(ctx: Context, text: str, offset: int) -> list[Briefer]:
    """``A(秘书长)B(主席)(待确认)``: name-first entries run together on one line (the line
    breaks of a PDF copy lost), cut after each closing parenthesis that a new ``name(post)``
    follows; ``[]`` unless every piece is such an entry."""
    cuts = [0, *(m.end() for m in GLUED_CUT.finditer(text)), len(text)]
    if len(cuts) < 3:
        return []
    out: list[Briefer] = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end]
        entry = NAME_PAREN.match(piece.strip())
        if not entry or not name_and_post(entry["first"], entry["second"]):
            return []
        items = parse_items(ctx, piece, offset + start)
        if len(items) != 1:
            return []
        out.extend(items)
    return out


def _numbered_in_line(ctx: Context, text: str, offset: int) -> list[Briefer]:
    """``(1)A(2)B(3)C``: items numbered inside one line (the line breaks lost), each parsed on
    its own; ``[]`` unless the text starts with the first of two or more labels."""
    labels = list(INLINE_LABEL.finditer(text))
    if len(labels) < 2 or labels[0].start() != 0:
        return []
    out: list[Briefer] = []
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        items = parse_items(ctx, text[label.end() : end], offset + label.end())
        if not items:
            return []
        out.extend(items)
    return out


def _line(text: str, pos: int) -> tuple[str, int]:
    """The line starting at ``pos`` and the offset of its end."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[pos:end], end


def _follows(previous: str, label: str) -> bool:
    """``2`` follows ``1``, ``b`` follows ``a``, ``(二)`` follows ``(一)``: the list goes on."""
    before, after = patterns.cn_number(previous), patterns.cn_number(label)
    if before is not None and after is not None:
        return after == before + 1
    return len(previous) == len(label) == 1 and ord(label) == ord(previous) + 1


def _subject_start(clause: str) -> int:
    """Where the briefers begin in a sentence's clause: after the last comma of an opening
    phrase (``会议期间，秘书长…将作通报``), unless the comma is between a name and its post
    (``古特雷斯，秘书长``)."""
    cut = max(clause.rfind("，"), clause.rfind(","))
    if cut < 0 or name_and_post(clause[:cut], clause[cut + 1 :]):
        return 0
    return cut + 1


def _from_sentences(ctx: Context) -> list[Briefer]:
    out: list[Briefer] = []
    for m in IN_SENTENCE.finditer(ctx.text):
        at = _subject_start(m["list"])
        text = m["list"][at:] + (m["tentative"] or "")
        out.extend(parse_items(ctx, text, m.start("list") + at))
    for m in INCLUDES.finditer(ctx.text):
        group = "list" if m["list"] else "invited"
        out.extend(parse_items(ctx, m[group], m.start(group), split_and=True))
    return out
