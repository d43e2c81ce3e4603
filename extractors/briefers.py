"""Briefers: who is expected to brief the Council, from a list or from a sentence.

Why two shapes: concept notes list briefers under a heading (``通报人``, ``情况介绍人``), one per
line or bullet, several on one line joined by ``/``; letters also name them in running text
(``主管和平行动副秘书长拉克鲁瓦、主管业务支助事务副秘书长哈雷通报(待确认)``). A tentative mark
after a list applies to every briefer of that list, after one item to that item.
"""

from __future__ import annotations

import re

from unsckg.extractors import gazetteer, people, segment
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Briefer
from unsckg.ontology.organizations import organizations_by_key

HEADING = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[.、]\s*)?[^\n。]{0,16}?"
    r"(?:通报人|介绍人|通报者|简报人|演讲人|作通报|作情况通报|Briefers?)[^\n。，]{0,8}?\s*[:：]?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
BULLET = re.compile(r"^(?:[•●▪■◆·\-–—*]|\(?(?P<n>[a-z\d]{1,2})\)|(?P<m>[a-z\d]{1,2})[.、])\s*")
IN_SENTENCE = re.compile(
    r"(?:^|[。；\n])(?P<list>[^。；\n]{2,200}?)(?:将)?(?:向安理会|向安全理事会)?"
    r"(?:作|进行|作情况|介绍情况并)?(?:通报|介绍)(?:情况)?"
    r"(?P<tentative>\s*\((?:待定|待确认|tbc|TBC)\))?[。；]"
)
INCLUDES = re.compile(
    r"(?:情况)?(?:通报人|介绍人)(?:将)?(?:(?:包括|为|是)\s*[:：]?|\s*[:：])\s*(?P<list>[^。\n]+)"
    # a meeting record: the President invites briefers under rule 39
    r"|邀请(?:下列|以下)[^：:。\n]{0,16}[:：]\s*(?P<invited>[^。\n]+)"
)
TENTATIVE_END = re.compile(r"\((?:待定|待确认|待证实|tbc|TBC|tbd|TBD)\)\s*[。；;]?\s*$")
VAGUE = re.compile(r"几|一位|多位|若干|一名|数名|其他|等$|代表$|专家$|人士$")


def extract(ctx: Context) -> tuple[Briefer, ...]:
    """Briefers of the document's meeting, in order, without repeats."""
    found = _from_heading(ctx) or _from_sentences(ctx)
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
        pos = heading.end() + 1
        bullets = None
        number: str | None = None
        while pos < len(ctx.text):
            end = ctx.text.find("\n", pos)
            end = len(ctx.text) if end < 0 else end
            line = ctx.text[pos:end]
            bullet = BULLET.match(line)
            bullets = bool(bullet) if bullets is None else bullets
            if bullets != bool(bullet) or not line.strip():
                break
            label = bullet and (bullet["n"] or bullet["m"])
            if label and number and not _follows(number, label):
                break  # the next paragraph of the letter (``7.``), not the next briefer
            number = label or None
            items = parse_items(
                ctx, BULLET.sub("", line), pos + len(line) - len(BULLET.sub("", line))
            )
            if not items:
                break
            out.extend(items)
            pos = end + 1
    return out


def _follows(previous: str, label: str) -> bool:
    """``2`` follows ``1`` and ``b`` follows ``a``: a numbered list goes on."""
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    return len(previous) == len(label) == 1 and ord(label) == ord(previous) + 1


def _from_sentences(ctx: Context) -> list[Briefer]:
    out: list[Briefer] = []
    for m in IN_SENTENCE.finditer(ctx.text):
        items = parse_items(ctx, m["list"] + (m["tentative"] or ""), m.start("list"))
        out.extend(items)
    for m in INCLUDES.finditer(ctx.text):
        group = "list" if m["list"] else "invited"
        out.extend(parse_items(ctx, m[group], m.start(group), split_and=True))
    return out


def parse_items(ctx: Context, text: str, offset: int, split_and: bool = False) -> list[Briefer]:
    """``A/B(待定)`` or ``A、B和C`` -> briefers; an unparseable item rejects the whole line."""
    # A mark after a list joined by 、 or / is the whole list's; after items ended by ； it is
    # the last item's own.
    tentative_all = bool(TENTATIVE_END.search(text)) and not re.search("[；;]", text)
    body = (TENTATIVE_END.sub("", text) if tentative_all else text).strip().rstrip("。；;")
    separators = r"[/／、；;]" + (r"|，?以及|和(?!平)|，" if split_and else "")
    out = []
    position = 0
    for piece in re.split(f"({separators})", body):
        start = position
        position += len(piece)
        if re.fullmatch(separators, piece) or not piece.strip():
            continue
        for part, at in _split_and(piece):
            tentative = tentative_all or bool(people.TENTATIVE.search(part))
            title, name = people.split_title_name(part)
            if not (title or name) or len(title) > 80 or (name is None and VAGUE.search(title)):
                continue
            if name is None and not _is_post(title):
                return []
            evidence = ctx.evidence(offset + start + at, offset + start + at + len(part))
            out.append(Briefer(name, title or None, organization(title), tentative, evidence))
    return out


def _split_and(piece: str) -> list[tuple[str, int]]:
    """``秘书长古特雷斯和裁军事务高级代表中满泉`` is two briefers: split at a ``和`` that ends a
    name and starts a title (not the ``和`` inside ``政治和建设和平事务副秘书长``)."""
    for at in (m.start() for m in re.finditer("和", piece)):
        left, right = piece[:at], piece[at + 1 :]
        if people.split_title_name(left)[1] and people.split_title_name(right)[1]:
            return [(left, 0), *((p, at + 1 + o) for p, o in _split_and(right))]
    return [(piece, 0)]


def organization(title: str) -> str | None:
    """The organisation a briefer's title names (``非洲联盟委员会主席`` -> ``非洲联盟委员会``):
    the longest name of the organisations table found in it, as written in the table."""
    names = [m for m in gazetteer.find_names(title) if m.kind == "org"]
    if not names:
        return None
    longest = max(names, key=lambda m: m.end - m.start)
    return organizations_by_key()[longest.key].name_zh


def _is_post(title: str) -> bool:
    """A bare post stands for a briefer only when it ends with a known title (``秘书长``)."""
    return any(title.endswith(t) for t in segment.titles()) and len(title) <= 30
