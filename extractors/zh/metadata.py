"""Document metadata: symbol, kind, date of the principal letter or act, issue date, author.

Why the symbol comes only from header lines: the body of a letter cites other symbols
(``S/2015/446``); the document's own symbol stands alone on the cover or in the page header
(``联 合 国 S/2021/284``), or, for a resolution saved from the web, is implied by its title line
(``第 2505(2020)号决议``).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

from unsckg.extractors import gazetteer, patterns
from unsckg.extractors.document import Context, Section
from unsckg.extractors.facts import Person
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh import people
from unsckg.extractors.zh.slots import ZH_SLOTS

# How a document states its own date: ``wordings/document.toml``.
WORDINGS = load_wordings("unsckg.extractors.zh", "document", ZH_SLOTS)

SYMBOL_LINE = re.compile(
    r"^(?:联合国)?(?:安全理事会)?\s*(?P<symbol>(?:S|A)/(?:[A-Z]{2,5}/)?\d+(?:/\d+)*)\s*$",
    re.MULTILINE,
)
# A web copy's cover flattened onto one line: the symbol first, then the organ and the English
# distribution block (``S/2019/10  安全理事会  Distr.: General  3 January 2019 …``).
FLAT_COVER = re.compile(
    r"^(?P<symbol>(?:S|A)/(?:[A-Z]{2,5}/)?\d+(?:/\d+)*)\s*(?:安全理事会|大会)\s*Distr\b",
    re.MULTILINE,
)
RESOLUTION_TITLE = re.compile(r"^(?:编辑)?第\s*(\d{1,4})\s*\((\d{4})\)\s*号决议\s*$", re.MULTILINE)
# A meeting record's own symbol opens a line (its cover, its running headers); one inside a
# sentence (``见S/PV.6849``) is a record cited by a letter.
PV_SYMBOL = re.compile(r"^(?:联合国)?\s*(S/PV\.\d{3,5})", re.MULTILINE)
# The adoption line under a resolution's title, or its footnote on a web copy: ``2020年1月13日
# 安全理事会第8701次会议通过``, ``本决议系2004年4月28日安全理事会第4956次会议一致通过``.
# A signature with the mark before the name, its posts on the lines below (a PDF copy's
# right-aligned block read line by line): ``(签名)X·Y`` ⏎ ``大使`` ⏎ ``常驻代表``.
SIGNED_FIRST = re.compile(
    r"^\((?:签名|签字)\)\s*(?P<name>[^\n()]{2,30})\n(?P<posts>(?:[^\n。，；]{2,20}\n?){0,3})",
    re.MULTILINE,
)
# A mission's letterhead, the first line of a letter copied without its header:
# ``新加坡共和国常驻联合国代表团``, ``X常驻联合国代表团``; only a state's name before it.
LETTERHEAD = re.compile(r"(?P<state>[^\s，。,:：]{2,20}?)常驻联合国(?:代表团|代表处)")
LETTERHEAD_SPAN = 200
# A web copy of a resolution dates it by its heading, not by an adoption line (which the copy
# may cut): the date on the line over the title (``1976年10月22日`` ⏎ ``第396(1976)号决议``); the
# older compilations' ``四(一九四六).1946年4月29日决议案``; a Wikisource page's own title with
# its date, between its links to the previous and next resolutions
# (``联合国安理会决议案二五三1968年5月29日``, ``联合国安理会第625号决议1988年12月15日``).
_DAY = r"\d{4}年\d{1,2}月\d{1,2}日"
_CN = "〇○零一二三四五六七八九十百千"
DATED_TITLE = re.compile(
    rf"^\s*(?P<date>{_DAY})\s*\n\s*(?:编辑)?第\s*\d{{1,4}}\s*\(\d{{4}}\)\s*号决议\s*$", re.MULTILINE
)
OLD_TITLE = re.compile(
    rf"^(?P<number>[{_CN}]{{1,6}})\((?P<year>[{_CN}]{{4}})\)\.\s*(?P<date>{_DAY})\s*决议案",
    re.MULTILINE,
)
PAGE_TITLE = re.compile(
    rf"联合国安理会(?:第(?P<number>\d{{1,4}})号决议|决议案(?P<numeral>[{_CN}]{{1,6}}))\s*(?P<date>{_DAY})"
)
# A Wikisource page's name on its first line, without a date (``联合国安理会第1518号决议``).
PAGE_NAME = re.compile(
    rf"^\s*联合国安理会(?:第(?P<number>\d{{1,4}})号决议|决议案(?P<numeral>[{_CN}]{{1,6}}))\s*$",
    re.MULTILINE,
)
PAGE_NAME_SPAN = 200
# The head of a news page: its title, source line, stamp and lead.
NEWS_HEAD = 400
ADOPTED = re.compile(
    r"(\d{4}年\d{1,2}月\d{1,2}日)\s*(?:在\s*)?(?:安全理事会|安理会)\s*第\s*(\d{3,5})\s*次会议"
    r"(?:上)?\s*(?:一致|协商一致)?通过"
)


def extract(ctx: Context, found: Found) -> Found:
    """Symbol, kind, date, issued and author, with evidence for the first three."""
    evidence: dict[str, Any] = {}
    symbol, kind = _symbol_and_kind(ctx, evidence)
    author = _author(ctx)
    date = _date(ctx, kind)
    page_date = None
    if date and symbol is None and kind is None and author is None and _news_report(ctx):
        # a news item's stamp (or first date) dates the page, not the meetings it reports
        date, page_date = None, _stamp(ctx) or date
    if date:
        evidence["date"] = ctx.evidence(date.start, date.end)
    issued = _issued(ctx)
    if issued:
        evidence["issued"] = ctx.evidence(issued.start, issued.end)
    return found.but(
        symbol=symbol,
        kind=kind,
        date=date.value if date else found.date,
        issued=issued.value if issued else found.issued,
        author=author,
        evidence=MappingProxyType(evidence),
        page_date=page_date.value if page_date else None,
    )


def _symbol_and_kind(ctx: Context, evidence: dict[str, Any]) -> tuple[str | None, str | None]:
    m = SYMBOL_LINE.search(ctx.text) or FLAT_COVER.search(ctx.text[:400])
    title = RESOLUTION_TITLE.search(ctx.text)
    if title and (m is None or title.start() < m.start() or "/RES/" not in m["symbol"]):
        evidence["symbol"] = ctx.evidence(title.start(1), title.end(2) + 1)
        return f"S/RES/{int(title[1])}({title[2]})", "resolution"
    heading = _old_heading(ctx)
    if m is None and heading:
        evidence["symbol"] = ctx.evidence(heading.start("number"), heading.end("number"))
        return _heading_symbol(heading), "resolution"
    pv = PV_SYMBOL.search(ctx.text[:2000])
    if m is None and pv:
        evidence["symbol"] = ctx.evidence(pv.start(1), pv.end(1))
        return pv[1], "meeting record"
    if m is None:
        return None, _kind_without_symbol(ctx)
    evidence["symbol"] = ctx.evidence(m.start("symbol"), m.end("symbol"))
    symbol = m["symbol"]
    if "/PRST/" in symbol:
        return symbol, "presidential statement"
    return symbol, _kind_without_symbol(ctx)


def _old_heading(ctx: Context) -> re.Match[str] | None:
    """A resolution's heading in an older compilation or a Wikisource page's title line."""
    return OLD_TITLE.search(ctx.text[:2000]) or PAGE_TITLE.search(ctx.text[:1000])


def _heading_symbol(heading: re.Match[str]) -> str:
    """``S/RES/N(YYYY)`` of a heading, its year that of its date where it gives none."""
    number = patterns.cn_number(heading["number"] or heading["numeral"] or "") or 0
    year = heading["year"] if "year" in heading.re.groupindex else None
    return f"S/RES/{number}({patterns.cn_number(year or heading['date'][:4])})"


def _kind_without_symbol(ctx: Context) -> str | None:
    if ctx.sections:
        return "letter"
    if PAGE_NAME.search(ctx.text[:PAGE_NAME_SPAN]):
        # a resolution's page that states no year: a resolution, no symbol we could write
        return "resolution"
    if "主席声明" in ctx.text[:500]:
        return "presidential statement"
    return None


def _date(ctx: Context, kind: str | None) -> patterns.Found | None:
    """The principal letter's date, a resolution's adoption date, else the first full date.

    A resolution without an adoption line has no date of its own: the dates in its text are
    of the acts it recalls (``重申1992年1月31日…通过的主席声明``)."""
    if kind == "resolution":
        adopted = ADOPTED.search(ctx.text)
        found = patterns.dates_zh(adopted[1]) if adopted else []
        if adopted and found:
            return patterns.Found(found[0].value, adopted.start(1), adopted.end(1))
        return _heading_date(ctx)

    if ctx.sections:
        first = ctx.sections[0]
        return next((d for d in ctx.dates if d.start >= first.start), None)
    published = next((d for d in ctx.dates if _published_line(ctx, d)), None)
    return published or (ctx.dates[0] if ctx.dates else None)


def _news_report(ctx: Context) -> bool:
    """A news page (a wire report, a broadcaster's or a forum's copy), by the marks of its head:
    ``来源:新华网``, ``新华社联合国6月2日电``, ``发表于:``, ``当地时间…``. Why it has no date of
    its own: ``date`` is the date of a principal letter or act, and a report is neither; its
    stamp is when the page was published (``2026-02-05 15:38`` over a meeting of 4 February)."""
    return WORDINGS["news_report"].search(ctx.text[:NEWS_HEAD]) is not None


def _stamp(ctx: Context) -> patterns.Found | None:
    """A news page's publication stamp in its head: a date with its clock time
    (``2026-02-05 15:38``) or after its label (``日期:``, ``发表于:``)."""
    for date in ctx.dates:
        if date.start >= NEWS_HEAD:
            break
        line_start = ctx.text.rfind("\n", 0, date.start) + 1
        labelled = WORDINGS["stamp_label"].search(ctx.text[line_start : date.start])
        if WORDINGS["stamp_clock"].match(ctx.text, date.end) or labelled:
            return date
    return None


def _published_line(ctx: Context, date: patterns.Found) -> bool:
    """``二零零九年七月三日发布。`` on a line of its own: a notice's own date, after the dates
    of the acts it publishes."""
    if date.start > 0 and ctx.text[date.start - 1] != "\n":
        return False
    hit = WORDINGS["published"].match(ctx.text, date.end)
    return hit is not None and ctx.text[hit.end : hit.end + 1] in ("", "\n")


def _heading_date(ctx: Context) -> patterns.Found | None:
    """A resolution's date given by its heading (``DATED_TITLE``, ``OLD_TITLE``, ``PAGE_TITLE``)."""
    heading = DATED_TITLE.search(ctx.text[:2000]) or _old_heading(ctx)
    if heading is None:
        return None
    found = patterns.dates_zh(heading["date"])
    start = heading.start("date")
    return patterns.Found(found[0].value, start, heading.end("date")) if found else None


def _issued(ctx: Context) -> patterns.Found | None:
    """The distribution date printed in English on the cover, before the first letter."""
    limit = ctx.sections[0].start if ctx.sections else min(len(ctx.text), 400)
    found = patterns.dates_en(ctx.text[:limit])
    return found[0] if found else None


def _author(ctx: Context) -> Person | None:
    """The signatory of the principal letter; a president's state comes from the other blocks."""
    signatures = people.signatures(ctx)
    if not ctx.sections:
        return _unheaded_author(ctx, signatures)
    first = ctx.sections[0]
    own = [s for s in signatures if first.start <= s.start < first.end]
    if not own:
        return _signed_first(ctx, first)
    author = people.signature_person(ctx, own[0])
    if first.sender.startswith(("安全理事会主席", "安理会主席")):
        author = Person(author.name, author.state, people.PRESIDENT, author.evidence)
    if author.state is None:
        for other in signatures[1:]:
            person = people.signature_person(ctx, other)
            if person.state and people.same_person(person.name or "", author.name or ""):
                return Person(author.name, person.state, author.role, author.evidence)
        state = _post_of(ctx, author.name or "")
        if state:
            return Person(author.name, state, author.role, author.evidence)
    return author


def _signed_first(ctx: Context, section: Section) -> Person | None:
    """The signatory of a block that puts ``(签名)`` before the name and the posts below it: the
    state is the letter's sender's, the role the first post that names one (``常驻代表``)."""
    m = SIGNED_FIRST.search(ctx.text, section.start, section.end)
    if m is None:
        return None
    name = people.HONORIFIC.sub("", m["name"].strip())
    role = people.role_of(m["posts"])
    if not people.plausible_name(name) or role is None:
        return None
    state = gazetteer.first_state(m["posts"])
    iso3 = state.key if state else section.sender_state
    return Person(name, iso3, role, ctx.evidence(m.start(), m.end("name")))


def _unheaded_author(ctx: Context, signatures: list[people.Signature]) -> Person | None:
    """The signatory of a letter copied without its ``…给…的信`` header (a mission's letter on
    its letterhead, ``阁下：`` … ``顺致崇高的敬意``): the first signature, when its block names a
    state's post (``X常驻联合国代表``); a name signed with no post is no author we can place."""
    if not signatures:
        return None
    author = people.signature_person(ctx, signatures[0])
    if author.role and not author.state:
        # signed only ``常驻代表``: the post is the mission's whose letterhead heads the page
        state = _letterhead_state(ctx)
        if state:
            return Person(author.name, state, author.role, author.evidence)
    return author if author.state and author.role else None


def _letterhead_state(ctx: Context) -> str | None:
    """The state of a mission's letterhead (``X常驻联合国代表团`` as the first line of the
    page, an English line under it); ``None`` when the page opens with anything else."""
    for line in ctx.text[:LETTERHEAD_SPAN].split("\n"):
        if not line.strip():
            continue
        m = LETTERHEAD.fullmatch(line.strip())
        state = gazetteer.first_state(m["state"]) if m else None
        return state.key if state else None
    return None


def _post_of(ctx: Context, name: str) -> str | None:
    """The state whose post the text gives the signatory elsewhere: a President who signs only
    as ``安全理事会主席`` is ``<state>常驻联合国代表<name>`` in his own statement or letter,
    before or after the signature (which names no post on the name's own line)."""
    if not name:
        return None
    at = ctx.text.find(name)
    while at >= 0:
        line_start = ctx.text.rfind("\n", 0, at) + 1
        head = ctx.text[max(line_start, at - 40) : at + len(name)]
        title, found = people.split_title_name(head)
        role = people.role_of(title)
        if found == name and role and role != people.PRESIDENT:
            state = gazetteer.first_state(title)
            if state:
                return state.key
        at = ctx.text.find(name, at + len(name))
    return None
