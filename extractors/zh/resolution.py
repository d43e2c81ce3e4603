"""Resolutions whose adoption the text reports: number, year, date, draft, procedure, sponsors.

Why adoption needs a date in the same sentence: documents cite many resolutions but report the
adoption of few; ``2020 年 3 月 30 日，安理会一致通过...第 2518(2020)号决议`` or
``该决议于 2020 年 3 月 30 日...获得通过`` (``该决议``: the resolution of the previous sentence)
or a resolution's own line ``2020 年 1 月 13 日安全理事会第 8701 次会议通过``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from unsckg.extractors import patterns
from unsckg.extractors.document import Context, starting_in
from unsckg.extractors.facts import Resolution
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh import metadata
from unsckg.extractors.zh.ballots import BECOMES, DRAFT_SYMBOL, NOT_ADOPTED, ballots, printed_in
from unsckg.extractors.zh.slots import ZH_SLOTS

WORDINGS = load_wordings("unsckg.extractors.zh", "resolution", ZH_SLOTS)

ADOPTION = re.compile(r"(?<!未)(?<!未获)(?:获得|一致|协商一致)?通过")
# ``决议草案(S/2020/240)``, ``文件S/2020/240所载决议草案``, a record's ``安理会成员面前有文件
# S/2019/328，其中载有…提交的决议草案案文``; ``载于`` says where the draft is printed, before or
# after it (``载于文件S/2001/52的决议草案``, ``…的决议草案，载于S/2001/52``).
_DRAFT_SYMBOL = r"(?P<draft>S/\d{4}/\d+)"
DRAFT_SHAPES = tuple(
    re.compile(shape)
    for shape in (
        rf"决议草案\s*\(?{_DRAFT_SYMBOL}\)?",
        rf"(?:文件)?{_DRAFT_SYMBOL}(?:号文件)?所载(?:的)?决议草案",
        rf"文件\s*{_DRAFT_SYMBOL}\s*，\s*其中载有[^。，]{{0,80}}?决议草案",
        printed_in("draft"),
        rf"决议草案(?:案文)?\s*[，,]?\s*载于\s*(?:文件)?\s*{_DRAFT_SYMBOL}",
    )
)
SUBMITTED = re.compile(r"(?:提交|提出)的[^。]{0,60}?决议草案")
DRAFT_HEADING = re.compile(r"^(?P<who>[^\n：:]{2,30})[：:]\s*(?:订正)?决议草案$", re.MULTILINE)
WRITTEN = re.compile(r"书面表决|表决程序|书面形式|以书面|书面程序")
# ``通过的主席声明``: what that ``通过`` adopted is named after it, and is no resolution (a
# resolution named later in the sentence is only cited: ``…通过的主席声明，回顾第N号决议``).
ADOPTS_OTHER = re.compile(r"的\s*(?!第?\s*\d|决议)")
# ``…日通过的第1356(2001)号``: an adoption on the date right before it, of the resolution right
# after it; only the Council may stand between the date and the verb.
ADOPTED_THEN_NAMED = re.compile(r"(?:一致|协商一致)?通过的\s*第\s*")
ADOPTED_BY = re.compile(r"\s*(?:在|由)?\s*(?:联合国)?\s*(?:安全理事会|安理会)?\s*")
MEETING = re.compile(r"第\s*\d{3,5}\s*次会议(?:上)?\s*(?:一致|协商一致)?通过")
# number, year (None where the page never states it), date of adoption, and the clean span of
# the sentence that reports it
Adopted = tuple[int, int | None, str | None, int, int]


def extract(ctx: Context, found: Found) -> Found:
    """The resolutions the text reports adopted, each with its draft, procedure and sponsors."""
    own = _own(found)
    adopted_here = _adopted_each_dated(ctx)
    for key, in_sentence in _adopted_in_sentences(ctx, own).items():
        adopted_here.setdefault(key, in_sentence)
    _became(ctx, found, adopted_here)
    _dated_page(ctx, found, own, adopted_here)
    _reported_without_year(ctx, found.reference_date, adopted_here)
    _page_without_year(ctx, found, adopted_here)
    # a record with several ballots: each resolution comes from its own ballot's draft
    drafts = {b.resolution: b.draft for b in ballots(ctx) if b.resolution}
    # a meeting record reports adoptions at its own meeting
    # and a resolution's own page one adopted at a meeting unless it says it was written
    procedure = _procedure(ctx) or (
        "meeting" if found.kind in ("meeting record", "resolution") else None
    )
    out = []
    sponsored: dict[str, tuple[str, ...]] = {}  # each draft's sponsors read once
    for key, (num, yr, adopted, start, end) in adopted_here.items():
        draft = drafts.get(key) or draft_symbol(ctx)
        if draft and draft not in sponsored:
            sponsored[draft] = _sponsors(ctx, draft)
        sponsors = sponsored[draft] if draft else ()
        evidence = ctx.evidence(start, end)
        out.append(Resolution(num, yr, adopted, draft, procedure, sponsors, evidence))
    return found.but(resolutions=tuple(out))


def _adopted_each_dated(ctx: Context) -> dict[str, Adopted]:
    """``于二零零一年六月十九日通过的第1356(2001)号、二零零二年七月二十二日通过的第1425(2002)
    号…决议``: a list of resolutions each with its own date of adoption right before it."""
    adopted_here: dict[str, Adopted] = {}
    refs = {r.start: r for r in ctx.resolution_refs}
    ends = {d.end: d for d in ctx.dates}
    for m in ADOPTED_THEN_NAMED.finditer(ctx.text):
        ref = refs.get(m.end())
        date = next((ends[e] for e in range(m.start(), m.start() - 8, -1) if e in ends), None)
        if ref is None or date is None or not ADOPTED_BY.fullmatch(ctx.text, date.end, m.start()):
            continue
        start, end = ctx.sentence_bounds(m.start())
        number, year = ref.value.split("(")
        adopted_here.setdefault(
            ref.value, (int(number), int(year.rstrip(")")), date.value, start, end)
        )
    return adopted_here


def _adopted_in_sentences(ctx: Context, own: str | None) -> dict[str, Adopted]:
    """``2020年3月30日，安理会一致通过…第2518(2020)号决议``: a verb of adoption with a date
    before it in its sentence; the date said with ``于`` wins over the others."""
    adopted_here: dict[str, Adopted] = {}
    refs = ctx.resolution_refs
    for m in ADOPTION.finditer(ctx.text):
        start, end = ctx.sentence_bounds(m.start())
        if NOT_ADOPTED.search(ctx.text[max(start, m.start() - 2) : m.end()]):
            continue
        dates = ctx.dates_in(start, m.start())
        if not dates or ADOPTS_OTHER.match(ctx.text, m.end()):
            continue
        key = _which(ctx, refs, (start, m.start(), end), own)
        if key and key not in adopted_here:
            number, year = key.split("(")
            chosen = next(
                (d for d in dates if ctx.text[max(0, d.start - 2) : d.start].endswith("于")),
                dates[0],
            )
            adopted_here[key] = (int(number), int(year.rstrip(")")), chosen.value, start, end)
    return adopted_here


def _became(ctx: Context, found: Found, adopted_here: dict[str, Adopted]) -> None:
    """Adds the drafts that ``成为第N号决议``: on the date written before the number
    (``成为 2020 年 5 月 29 日安全理事会第…``), else on the meeting's date."""
    meetings = found.meetings
    meeting_date = meetings[0].date if meetings else None
    for m in BECOMES.finditer(ctx.text):
        key = patterns.res_key(m["number"], m["year"])
        start, end = ctx.sentence_bounds(m.start())
        if key not in adopted_here and not NOT_ADOPTED.search(ctx.text[start:end]):
            dated = [d.value for d in ctx.dates_in(m.start("date"), m.end("date"))]
            adopted = dated[0] if dated else meeting_date
            adopted_here[key] = (int(m["number"]), int(m["year"]), adopted, start, end)


def _dated_page(
    ctx: Context, found: Found, own: str | None, adopted_here: dict[str, Adopted]
) -> None:
    """A resolution's own page, dated by its heading (``1976年10月22日`` over ``第396(1976)号
    决议``) though the copy cuts or words otherwise its adoption line: adopted on that date."""
    if own is None or own in adopted_here or found.kind != "resolution" or not found.date:
        return
    dated = next((d for d in ctx.dates if d.value == found.date), None)
    if dated is None:
        return
    number, year = own.split("(")
    adopted_here[own] = (int(number), int(year.rstrip(")")), found.date, dated.start, dated.end)


def _reported_without_year(
    ctx: Context, page_date: str | None, adopted_here: dict[str, Adopted]
) -> None:
    """``当地时间2026年1月14日，… 安理会以…通过了第2812号决议``: a report names the resolution
    it reports adopted by its number; the year, and the day, are those of the report's date,
    written before it in the same paragraph (the news lead), or of its dateline
    (``新华社联合国6月2日电``) in the year of the page's own date."""
    for hit in WORDINGS["adopted_without_year"].finditer(ctx.text):
        number = patterns.cn_number(hit.slot("number") or "")
        line_start = ctx.text.rfind("\n", 0, hit.start) + 1
        dates = ctx.dates_in(line_start, hit.start)
        if not dates and page_date:
            dates = patterns.month_days(ctx.text[line_start : hit.start], int(page_date[:4]))
        if not number or not dates or dates[-1].value > (page_date or dates[-1].value):
            continue
        key = patterns.res_key(number, dates[-1].value[:4])
        start, end = ctx.sentence_bounds(hit.start)
        if key not in adopted_here:
            adopted_here[key] = (number, int(dates[-1].value[:4]), dates[-1].value, start, end)


def _page_without_year(ctx: Context, found: Found, adopted_here: dict[str, Adopted]) -> None:
    """A resolution's page named by its number alone (``联合国安理会第1518号决议``), with no
    symbol, no date line and so no year, that reports its adoption (``第4872次会议一致通过``):
    the resolution by its number, its year and date unknown. Why not a year from its text: the
    dates it has are of the acts it recalls (``2003年5月22日第1483(2003)号决议``)."""
    if found.kind != "resolution" or found.symbol or adopted_here:
        return
    name = metadata.PAGE_NAME.search(ctx.text[: metadata.PAGE_NAME_SPAN])
    adoption = MEETING.search(ctx.text)
    if name is None or adoption is None:
        return
    number = patterns.cn_number(name["number"] or name["numeral"] or "")
    if number:
        start, end = ctx.sentence_bounds(adoption.start())
        adopted_here[str(number)] = (number, None, None, start, end)


def _own(found: Found) -> str | None:
    symbol = found.symbol or ""
    m = patterns.RES_SYMBOL.fullmatch(symbol)
    return patterns.res_key(m[1], m[2]) if m else None


def _which(
    ctx: Context, refs: list[patterns.Found], bounds: tuple[int, int, int], own: str | None
) -> str | None:
    """The resolution adopted: named in the sentence, ``该决议`` of the one before, or our own
    (``本决议`` of a resolution, or a sentence naming the meeting that adopted it)."""
    start, verb, end = bounds
    starts = ctx.resolution_ref_starts
    inside = starting_in(refs, starts, start, end)
    if inside:
        return inside[0].value
    sentence = ctx.text[start:end]
    # ``本决议`` in a resolution is itself when it is what was adopted (its footnote:
    # ``本决议系…一致通过``), not in a preamble's ``通过本决议的必要条件``
    if own and "本决议" in ctx.text[start:verb]:
        return own
    if "该决议" in sentence or "本决议" in ctx.text[start:verb]:
        index = bisect_left(starts, start)
        return refs[index - 1].value if index else own
    if own and MEETING.search(ctx.text[start:end]):
        return own
    return None


def draft_symbol(ctx: Context) -> str | None:
    """The draft put to the vote: the symbol the text most often calls ``决议草案``."""
    return _most_named_draft(ctx.text)


@lru_cache(maxsize=4)
def _most_named_draft(text: str) -> str | None:
    """Kept for the last texts: the resolutions and the votes of one document each ask,
    and a scan of the whole text per resolution would make a long record quadratic."""
    named = sorted((m.start(), m["draft"]) for shape in DRAFT_SHAPES for m in shape.finditer(text))
    counts: dict[str, int] = {}
    for _, symbol in named:
        counts[symbol] = counts.get(symbol, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else None


def _procedure(ctx: Context) -> str | None:
    if WRITTEN.search(ctx.text):
        return "written"
    if MEETING.search(ctx.text):
        return "meeting"
    return None


def _sponsors(ctx: Context, draft: str) -> tuple[str, ...]:
    """States that submitted the draft (``中华人民共和国提交的...决议草案``, ``中国：决议草案``),
    not those of another draft named just before (``文件S/2022/541，其中载有俄罗斯联邦提交的``)."""
    out: list[str] = []
    for m in SUBMITTED.finditer(ctx.text):
        start, _ = ctx.sentence_bounds(m.start())
        named = DRAFT_SYMBOL.findall(ctx.text, start, m.start())
        if named and named[-1] != draft:
            continue
        for state in ctx.chain_before(m.start()):
            if state.key not in out:
                out.append(state.key)
    for m in DRAFT_HEADING.finditer(ctx.text):
        for state in ctx.states_in(m.start("who"), m.end("who")):
            if state.key not in out:
                out.append(state.key)
    return tuple(out)
