"""Briefers: who is expected to brief the Council, from a list or from a sentence.

Why two shapes: concept notes list briefers under a heading (``通报人``, ``情况介绍人``), one per
line or bullet, several on one line joined by ``/``; letters also name them in running text
(``主管和平行动副秘书长拉克鲁瓦、主管业务支助事务副秘书长哈雷通报(待确认)``). A tentative mark
after a list applies to every briefer of that list, after one item to that item. Tables of
briefers are read in ``briefer_tables.py``, the entries themselves in ``briefer_items.py``.
"""

from __future__ import annotations

import enum
import itertools
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Briefer, Evidence
from unsckg.extractors.normalise import is_page_furniture
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh import people
from unsckg.extractors.zh.briefer_items import (
    BULLET,
    CIRCLED,
    NAME_PAREN,
    bullet_label,
    ends_like_post,
    name_and_post,
    organization,
    parse_items,
    plain_marks,
    split_entry,
)
from unsckg.extractors.zh.briefer_tables import (
    REMARK_MARK,
    flat_table_at,
    line_at,
    tab_table_at,
    table_at,
)
from unsckg.extractors.zh.slots import ZH_SLOTS

HEADING = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[.、]\s*)?[^\n。]{0,16}?"
    r"(?:通报人|介绍人|通报者|简报人|演讲人|发言者|发言人|作通报|作情况通报|通报嘉宾|Briefers?)[^\n。，]{0,8}?\s*[:：]?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_ROMAN = {"i": 1, "v": 5, "x": 10}
# Running page furniture that PDF text keeps inside a list: the document's symbol, a page number,
# a job number (``S/2019/417``, ``3/4 19-08327 (C)``, ``06/05/2019``).
FURNITURE = re.compile(
    r"(?:S/[\w./()\-]+|\d{1,3}/\d{1,3}|\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{1,2}/\d{1,2}/\d{4}|\s)+"
)
# Speaker lists laid out as a label column: a label (``通报人``, ``主旨发言``) before the entries
# it heads, on its own line or glued to the first one; other parts of the programme
# (``开幕致辞``, ``主持人``) are no briefers. The labels are wordings (``wordings/briefers.toml``,
# groups ``label_briefer`` and ``label_other``).
WORDINGS = load_wordings("unsckg.extractors.zh", "briefers", ZH_SLOTS)
# The mark after a clause (``(待确认)``), for the whole clause's briefers.
_MARK = r"(?P<tentative>\s*\((?:待定|待确认|tbc|TBC)\))?"
# A clause whose subject lists briefers: where it starts (the text's start or the end of the
# sentence, clause or line before it, then an optional number ``1.``), its subject (lazy: it ends
# where the first verb of briefing begins), and after the verb the mark and the clause's end.
_CLAUSE_START = r"(?:^|[。；\n])(?:[一二三四五六七八九十\d]{1,2}[.、]\s*)?"
_SUBJECT = r"(?P<list>[^。；\n]{2,200}?)"
_CLAUSE_END = rf"{_MARK}(?:[。；]|(?=[，,]))"


@cache
def _in_sentence() -> re.Pattern[str]:
    """The clause pattern, its verbs the wordings of group ``briefing_verb``: one pattern, so
    that the lazy subject ends at the first verb that ends a clause, as the text is read."""
    verbs = WORDINGS["briefing_verb"].regex.pattern
    return re.compile(f"{_CLAUSE_START}{_SUBJECT}(?:{verbs}){_CLAUSE_END}")


def _speaks(m: re.Match[str]) -> bool:
    """The clause's verb is ``发言`` (the ``briefing_verb`` entry whose value is ``speaks``)."""
    entries = WORDINGS["briefing_verb"].entries
    return any(e.value == "speaks" and m[f"e{i}"] is not None for i, e in enumerate(entries))


# A briefer as the object of the Council's hearing (``安理会将听取X女士的情况通报``) or of an
# invitation to brief (``已邀请X就…作通报``).
AS_OBJECT = re.compile(
    r"(?:听取(?:了)?(?P<heard>[^，,。；：:\n]{2,80}?)的(?:情况)?(?:通报|介绍|情况介绍)"
    r"|邀请(?P<invited>[^，,。；：:\n]{2,80}?)(?:就[^，,。；\n]{1,60}?)?(?:向安理会|向安全理事会)?"
    r"(?:作|进行)(?:情况)?(?:通报|介绍))"
)
# What may follow the object's verb: ``情况`` and the mark (``(待确认)``) of the whole clause.
OBJECT_TAIL = re.compile(rf"(?:情况)?{_MARK}")
# The briefer's tentativeness said in words after the clause (``…作通报，具体人选尚待确认``).
PENDING = re.compile(
    r"\s*[，,]\s*(?:其|该)?(?:具体)?(?:人选|姓名|出席人|通报人)(?:尚|仍|还)?有?" + people.PENDING
)
# A heading numbered in Chinese or roman numerals (``四.``, ``IV.``), that ends a part.
NUMBERED_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}|[IVX]{1,5})[.、．]", re.MULTILINE
)
# ``拟邀请下列人士通报情况：`` between a heading and its list
INTRO = re.compile(r"\s*[^\n。：:]{2,40}[:：]\s*")
# A clause that introduces the list, its items on the lines below or after it on the same line:
# ``向安全理事会通报情况的人士有：``, ``下列人员将向安理会作情况介绍：``, ``…听取以下人士的通报：``,
# ``应邀向会议作通报的有…``, ``将进行情况介绍的嘉宾包括…``.
LIST_INTRO = re.compile(
    r"(?:^|(?<=[。；]))[^。；：:\n]{0,30}?"
    r"(?:(?:(?:通报|介绍)情况|(?:作|进行)(?:情况)?(?:通报|介绍))的(?:人士|人员|嘉宾)?(?:有|包括|为|是)"
    r"|(?:下列|以下)(?:人士|人员|通报人)[^。；：:\n]{0,16}?(?:通报|介绍)(?:情况)?(?:如下)?)"
    r"[ \t]*[:：]?[ \t]*(?P<list>[^。\n]*)",
    re.MULTILINE,
)
# Where a name-first entry ends and the next begins, glued: ``)`` then ``name(`` (not a mark).
GLUED_CUT = re.compile(rf"\)(?=[^()\s、，,；;/][^()]{{1,40}}\((?!{people.MARKS}))")
# Items numbered inside one line: ``(1)秘书长… (2)…``.
INLINE_LABEL = re.compile(r"[(（]\d{1,2}[)）]\s*")
# A meeting record: the President's turns, where briefers are invited and thanked.
# A turn runs over its paragraphs up to the next speaker's label (``秘书长(以英语发言)：``).
PRESIDENT_TURN = re.compile(
    r"^主席(?:\([^)\n]{0,20}\))?[:：](?P<speech>[^\n]*(?:\n(?![^\n。，,：:]{1,40}[:：])[^\n]*)*)",
    re.MULTILINE,
)
BRIEFED = re.compile(
    r"请(?P<invited>[^，,。；：:\n]{2,40}?)(?:作|进行)?(?:通报|介绍情况)"
    r"|感谢(?P<thanked>[^，,。；：:\n]{2,30}?)(?:刚才)?(?:所作)?的(?:情况)?(?:通报|介绍)"
)
INVITED = re.compile(r"请(?P<who>[^，,。；：:\n]{2,40}?)发言")
INCLUDES = re.compile(
    r"(?:情况)?(?:通报人|介绍人)(?:将)?(?:(?:包括|为|是)\s*[:：]?|\s*[:：])\s*(?P<list>[^。\n]+)"
    # a meeting record: the President invites briefers under rule 39
    r"|邀请(?:下列|以下)[^：:。\n]{0,16}[:：]\s*(?P<invited>[^。\n]+)"
)


def extract(ctx: Context) -> tuple[Briefer, ...]:
    """Briefers of the document's meeting, in order, without repeats."""
    found = _from_heading(ctx) or _from_intro(ctx) or _from_sentences(ctx)
    found += _officials_briefing(ctx, found)
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for briefer in found:
        key = (briefer.name, briefer.title if briefer.name is None else None)
        if key not in seen:
            seen.add(key)
            out.append(briefer)
    return tuple(out)


def _officials_briefing(ctx: Context, found: list[Briefer]) -> list[Briefer]:
    """A meeting record's officials who brief without a rule-39 invitation (the
    Secretary-General): the President invites one to brief (``现在请秘书长…作通报``) or thanks
    one, by post, for the briefing (``我感谢秘书长的通报``), the name then taken from the
    President's invitation to speak (``现在请秘书长…先生发言``). Named only by post when no
    invitation names them; no one already listed under that post or name."""
    turns = list(PRESIDENT_TURN.finditer(ctx.text))
    speeches = [turn["speech"] for turn in turns]
    out: list[Briefer] = []
    for turn, m in ((t, m) for t in turns for m in BRIEFED.finditer(t["speech"])):
        group = "invited" if m["invited"] else "thanked"
        official = _official(m[group], speeches, [*found, *out])
        if official is not None:
            at = turn.start("speech") + m.start(group)
            evidence = ctx.evidence(at, at + len(m[group]))
            out.append(Briefer(*official, organization(official[1] or ""), False, evidence))
    return out


def _official(
    who: str, speeches: list[str], known: list[Briefer]
) -> tuple[str | None, str | None] | None:
    """The name and post of an official the President invites or thanks (``秘书长``), the name
    from an invitation to speak; ``None`` for a listed briefer named by surname (``泰勒女士``)
    and for one already among ``known``."""
    title, name = split_entry(who)
    if _by_surname(title, name):
        return None
    name = name or _invited_name(speeches, title)
    if name is not None and any(b.name and people.same_person(name, b.name) for b in known):
        return None
    if name is None and any(b.title and b.title.endswith(title) for b in known):
        return None
    return name, title or None


def _by_surname(title: str, name: str | None) -> bool:
    """``泰勒女士``: a listed briefer by surname (read as a post with an honorific, or as a
    name alone), no official named by post."""
    if name is None:
        return not _known_post(title) or bool(people.HONORIFIC.search(title))
    return not title and "·" not in name and not name.isascii()


def _invited_name(speeches: list[str], post: str) -> str | None:
    """The name of the official with ``post`` whom the President invites to speak."""
    for speech in speeches:
        for m in INVITED.finditer(speech):
            title, name = split_entry(m["who"])
            if name is not None and title.endswith(post):
                return name
    return None


def _known_post(title: str) -> bool:
    """A post that stands for a briefer alone (``秘书长``, ``主管政治事务副秘书长``)."""
    return bool(title) and ends_like_post(title) and len(title) <= 30


def _from_heading(ctx: Context) -> list[Briefer]:
    out: list[Briefer] = []
    for heading in HEADING.finditer(ctx.text):
        # the heading may be the header row of a tab-separated table (``通报人<TAB>职务``)
        table = tab_table_at(ctx, heading.start())
        out.extend(table if table is not None else _list_after(ctx, heading.end() + 1))
    return out


def _list_after(ctx: Context, pos: int) -> list[Briefer]:
    """The briefers listed from ``pos`` on, one per line, after an introductory line ending in
    a colon if there is one (or a table there, read as a table).

    Why a reader of classified lines: a list is a run of entries with page furniture, wrapped
    marks, label columns and two-line entries in between; each kind of line has its own small
    rule (``_ListReader``), and the list ends at the first line that none of them takes."""
    line, end = line_at(ctx.text, pos)
    if INTRO.fullmatch(line):
        pos = end + 1
    for table_reader in (table_at, tab_table_at, flat_table_at):
        table = table_reader(ctx, pos)
        if table is not None:
            return table
    reader = _ListReader(ctx)
    while pos < len(ctx.text):
        line, end = line_at(ctx.text, pos)
        verdict = reader.read(_Line(line, pos, end, BULLET.match(line)))
        if verdict is _Verdict.STOP:
            break
        if verdict is _Verdict.TAKEN:
            reader.previous = line
        pos = end + 1
    return [b for b in reader.out if b.name or b.title]  # a placeholder without its post


class _Verdict(enum.Enum):
    """What a line does to a list: skipped (furniture), taken (an entry or part of one), or
    the end of the list."""

    SKIPPED = "skipped"
    TAKEN = "taken"
    STOP = "stop"


class _Line(NamedTuple):
    text: str
    pos: int
    end: int
    bullet: re.Match[str] | None


@dataclass
class _ListReader:
    """The state of a list being read, and one rule per kind of line, tried in order.

    A blank line ends the list unless the last item ended in ``；``. Page furniture inside the
    list is skipped, and the line after it continues the entry it broke (``约翰·霍`` +
    ``S/2019/417`` + ``姆斯先生``) when it does not start a new one. Lines under a label that is
    not a briefer's (``开幕致辞``) are skipped. An entry may take two lines, the name on the
    (numbered) first and the post on the next (``1. 张三先生`` ⏎ ``某组织主席``); a first line
    that is only a mark (``2. 待定``) holds the place of a briefer whose post is on the next
    line and whose name is not yet known."""

    ctx: Context
    out: list[Briefer] = field(default_factory=list)
    pairable: bool = False  # the last entry's line came right before: the next may hold its post
    bullets: bool | None = None  # whether the list's entries have bullets
    number: str | None = None  # the last entry's label
    previous: str = ""
    last: tuple[str, int, int] | None = None  # the last entry's text, offset and item count
    broken: bool = False  # page furniture came right before
    skipping: bool = False  # under a label that is not a briefer's

    def read(self, line: _Line) -> _Verdict:
        rules = (
            self._blank_in_list,
            self._furniture,
            self._second_half,
            self._continuation,
            self._label_line,
            self._mark_line,
        )
        for rule in rules:
            verdict = rule(line)
            if verdict is not None:
                return verdict
        return self._entry_line(line)

    def _blank_in_list(self, line: _Line) -> _Verdict | None:
        """A blank line after an item ended by ``；``: the list goes on."""
        if not line.text.strip() and self.out and re.search(r"[；;]\s*$", self.previous):
            return _Verdict.SKIPPED
        return None

    def _furniture(self, line: _Line) -> _Verdict | None:
        if self.out and line.text.strip() and _furniture(line.text.strip()):
            self.broken = True
            return _Verdict.SKIPPED
        return None

    def _second_half(self, line: _Line) -> _Verdict | None:
        """The post under a name alone, or the name under a post alone."""
        pairable, self.pairable = self.pairable, False
        if not pairable or line.bullet or self.skipping or _labelled(line.text) is not None:
            return None
        second = _second_line(self.ctx, self.out[-1], line.text, line.pos, line.end)
        if second is None:
            return None
        self.out[-1] = second
        self.broken, self.last = False, None
        return _Verdict.TAKEN

    def _continuation(self, line: _Line) -> _Verdict | None:
        """The rest of an entry that page furniture broke."""
        broken, self.broken = self.broken, False
        if not broken or not self.last or (self.bullets and line.bullet):
            return None
        joined = _continued(self.ctx, self.last, line.text, line.end, bool(self.bullets))
        if joined is None:
            return None
        del self.out[len(self.out) - self.last[2] :]
        self.out.extend(joined)
        return _Verdict.TAKEN

    def _label_line(self, line: _Line) -> _Verdict | None:
        """A line of a label column: the entry after a briefer's label, or nothing after
        another label (whose entries are skipped)."""
        labelled = None if line.bullet else _labelled(line.text)
        if labelled is None:
            return None
        self.skipping, text = labelled
        if self.skipping or not text:
            return _Verdict.TAKEN
        at = line.pos + len(line.text) - len(text)
        items = parse_items(self.ctx, text, at)
        if not items:
            return _Verdict.STOP
        self.out.extend(items)
        self.last = (text, at, len(items))
        return _Verdict.TAKEN

    def _mark_line(self, line: _Line) -> _Verdict | None:
        """A mark wrapped onto the line below its entry (``▪ 秘书长X`` ⏎ ``(待确认)``)."""
        if self.out and not line.bullet and REMARK_MARK.fullmatch(plain_marks(line.text).strip()):
            self.out[-1] = replace(self.out[-1], tentative=True)
            return _Verdict.TAKEN
        return None

    def _entry_line(self, line: _Line) -> _Verdict:
        """An entry (or several on one line); the end of the list for a line of another kind
        (a blank line, a line bulleted unlike the list, the letter's next numbered paragraph)."""
        if self._ends_list(line):
            return _Verdict.STOP
        numbered = _numbered_in_line(self.ctx, line.text, line.pos)
        text = BULLET.sub("", line.text)
        at = line.pos + len(line.text) - len(text)
        items = numbered or parse_items(self.ctx, text, at) or _glued(self.ctx, text, at)
        items = items or _placeholder(self.ctx, text, at)
        if self.skipping and not line.bullet and items:
            return _Verdict.TAKEN  # an entry under a label that is not a briefer's
        if not items:
            return _Verdict.STOP
        self.out.extend(items)
        self.pairable = len(items) == 1
        self.last = (text, at, len(items))
        return _Verdict.TAKEN

    def _ends_list(self, line: _Line) -> bool:
        """A blank line, a change between bulleted and plain lines, or a label that does not
        follow the last one: the next paragraph of the letter (``7.``), not the next briefer;
        a numbered paragraph (``8.``) after a list of dashes or dots ends it too."""
        bullet = line.bullet
        self.bullets = bool(bullet) if self.bullets is None else self.bullets
        if self.bullets != bool(bullet) or not line.text.strip():
            return True
        label = bullet_label(bullet)
        if label and self.number and not _follows(self.number, label):
            return True
        if label and self.out and not self.number:
            return True
        self.number = label or None
        return False


def _placeholder(ctx: Context, text: str, at: int) -> list[Briefer]:
    """A line that is only a mark (``待定``, ``(人选待定)``): a tentative briefer not yet named,
    whose post the next line gives; ``[]`` for any other line."""
    core = plain_marks(text).strip()
    if not re.fullmatch(rf"[(（]?\s*(?:{people.MARKS})\s*[)）]?", core):
        return []
    return [Briefer(None, None, None, True, ctx.evidence(at, at + len(text)))]


def _second_line(ctx: Context, entry: Briefer, line: str, pos: int, end: int) -> Briefer | None:
    """``entry`` completed by ``line``, the second line of a two-line entry: a post alone
    under a name alone (or under a placeholder), a name alone under a post alone. ``None``
    when ``line`` is no such half (a new entry, the letter's next sentence)."""
    items = parse_items(ctx, line, pos)
    if len(items) != 1:
        return None
    half = items[0]
    if entry.title is None and half.name is None and half.title:
        whole = replace(entry, title=half.title, organization=half.organization)
    elif entry.name is None and entry.title and not entry.tentative and half.title is None:
        whole = replace(entry, name=half.name)
    else:
        return None
    span = ctx.evidence(pos, end)
    start = entry.evidence.start if entry.evidence else span.start
    evidence = Evidence(start, span.end, ctx.norm.original[start : span.end])
    return replace(whole, tentative=entry.tentative or half.tentative, evidence=evidence)


def _furniture(line: str) -> bool:
    """A line of page furniture that PDF text leaves inside a list: a header (a symbol, a
    date), or a footer as the normaliser knows it (a job number beside a bare page number)."""
    return bool(FURNITURE.fullmatch(line) or is_page_furniture(line))


def _labelled(line: str) -> tuple[bool, str] | None:
    """A line of a label column: (whether its label is not a briefer's, the entry after the
    label); ``None`` for a line without a label."""
    for skip, group in ((False, "label_briefer"), (True, "label_other")):
        hit = WORDINGS[group].match(line)
        if hit:
            return skip, line[hit.end :]
    return None


def _continued(
    ctx: Context, last: tuple[str, int, int], line: str, end: int, bulleted: bool
) -> list[Briefer] | None:
    """The last entry joined to ``line``, the line after page furniture, when ``line`` goes on
    with it: in a bulleted list any line without a bullet does; in a list of plain lines, one
    that is no entry with a post and a name of its own. ``None`` when it does not."""
    text, at, count = last
    if not bulleted:
        alone = parse_items(ctx, line, end - len(line))
        if any(b.name and b.title for b in alone):
            return None
    joined = parse_items(ctx, text + line.strip(), at)
    if len(joined) != count:
        return None
    evidence = ctx.evidence(at, end)
    return [*joined[:-1], replace(joined[-1], evidence=evidence)]


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


def _follows(previous: str, label: str) -> bool:
    """``2`` follows ``1``, ``b`` follows ``a``, ``(二)`` follows ``(一)``, ``ii`` follows ``i``,
    ``乙`` follows ``甲``, ``②`` follows ``①``: the list goes on."""
    return any(after == before + 1 for before in _ordinals(previous) for after in _ordinals(label))


def _ordinals(label: str) -> set[int]:
    """The places in a list that a label may stand for (``i`` is the ninth letter or the first
    roman numeral)."""
    out: set[int] = set()
    if label.isdecimal() or all(ch in patterns.CN_DIGITS or ch in "十百" for ch in label):
        number = patterns.cn_number(label)
        if number is not None:
            out.add(number)
    if len(label) == 1 and label in patterns.STEMS:
        out.add(patterns.STEMS.index(label) + 1)
    if len(label) == 1 and label in CIRCLED:
        out.add(CIRCLED.index(label) + 1)
    if len(label) == 1 and label.isascii() and label.isalpha():
        out.add(ord(label.lower()) - ord("a") + 1)
    roman = _roman(label.lower())
    if roman is not None:
        out.add(roman)
    return out


def _roman(label: str) -> int | None:
    """``iv`` -> 4; ``None`` for what is not a small roman numeral."""
    if not label or any(ch not in _ROMAN for ch in label):
        return None
    values = [_ROMAN[ch] for ch in label]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if total > 0 else None


def _subject_start(clause: str) -> int:
    """Where the briefers begin in a sentence's clause: after the last comma of an opening
    phrase (``会议期间，秘书长…将作通报``), unless the comma is between a name and its post
    (``古特雷斯，秘书长``): the part after it is then a post alone, with no name of its own
    (``最后，主任X女士`` opens with an adverb)."""
    cut = max(clause.rfind("，"), clause.rfind(","))
    if cut < 0:
        return 0
    rest = clause[cut + 1 :]
    if name_and_post(clause[:cut], rest) and split_entry(rest)[1] is None:
        return 0
    return cut + 1


def _from_sentences(ctx: Context) -> list[Briefer]:
    """Briefers named in running text: the subject of a verb of briefing, the object of the
    Council's hearing or of an invitation to brief; in order of the text."""
    objects = list(AS_OBJECT.finditer(ctx.text))
    found = _as_subjects(ctx, objects) + _as_objects(ctx, objects) + _included(ctx)
    found.sort(key=lambda pair: pair[0])
    return [b for _, items in found for b in items]


Placed = list[tuple[int, list[Briefer]]]


def _as_subjects(ctx: Context, objects: list[re.Match[str]]) -> Placed:
    """The subjects of a verb of briefing (``A、B将通报(待确认)``), each list with its offset."""
    found: Placed = []
    for m in _in_sentence().finditer(ctx.text):
        if any(m.start("list") <= o.start() < m.end("list") for o in objects):
            continue  # the briefer is the object there (``已邀请X就…作通报``), read apart
        at = _subject_start(m["list"])
        items = parse_items(ctx, m["list"][at:], m.start("list") + at)
        if _speaks(m) and not _speaks_as_briefer(ctx, m.start(), items):
            continue
        # a mark after the verb is the whole list's (``A、B通报(待确认)``), as are words
        # after the clause saying that the person is pending
        tentative = bool(m["tentative"] or PENDING.match(ctx.text, m.end()))
        found.append((m.start("list"), [_marked(b, tentative) for b in items]))
    return found


def _as_objects(ctx: Context, objects: list[re.Match[str]]) -> Placed:
    """The objects of the Council's hearing or of an invitation to brief."""
    found: Placed = []
    for m in objects:
        group = "heard" if m["heard"] else "invited"
        items = parse_items(ctx, m[group], m.start(group))
        tail = OBJECT_TAIL.match(ctx.text, m.end())
        end = tail.end() if tail else m.end()
        tentative = bool((tail and tail["tentative"]) or PENDING.match(ctx.text, end))
        found.append((m.start(group), [_marked(b, tentative) for b in items]))
    return found


def _included(ctx: Context) -> Placed:
    """The lists after ``通报人包括`` or a record's invitation of the following briefers."""
    found: Placed = []
    for m in INCLUDES.finditer(ctx.text):
        group = "list" if m["list"] else "invited"
        found.append((m.start(group), parse_items(ctx, m[group], m.start(group), split_and=True)))
    return found


def _marked(briefer: Briefer, tentative: bool) -> Briefer:
    return replace(briefer, tentative=True) if tentative else briefer


def _speaks_as_briefer(ctx: Context, at: int, items: list[Briefer]) -> bool:
    """``X将发言`` names a briefer only in a part of the document headed for its briefers
    (``二、通报人与议程``), and only a person given with a post: elsewhere, and for members and
    delegations (``各代表团随后发言``), it is anyone's statement."""
    return bool(items) and all(b.name and b.title for b in items) and _in_briefers_part(ctx, at)


def _in_briefers_part(ctx: Context, at: int) -> bool:
    """``at`` is under a heading that names the briefers, before the next numbered heading."""
    for heading in HEADING.finditer(ctx.text, 0, at):
        following = NUMBERED_HEADING.search(ctx.text, heading.end(), at)
        if following is None:
            return True
    return False
