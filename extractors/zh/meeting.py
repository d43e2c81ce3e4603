"""Meetings: the Council meetings a document announces or records, one per date.

Why the document-level details go to the principal meeting: a concept note describes one
meeting (its format, theme, agenda item, chair, outcome and briefers are stated once, in the
letter or its annex); other dated meetings (a resolution's adoption ``第 8701 次会议``) get what
their own sentence says. A letter that announces two meetings in sentences of their own (an
open debate and the Arria-formula meeting that prepares it) is read in sections, one for each
meeting (``meeting_sections``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from unsckg.extractors import gazetteer, patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Meeting, Person
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import Hit, load_wordings
from unsckg.extractors.zh import briefers, meeting_reported, meeting_sections, people
from unsckg.extractors.zh.slots import ZH_SLOTS

MEETING_WORD = re.compile(r"公开辩论|辩论会|辩论|通报会|情况通报|次会议|会议|磋商|阿里亚")
# A bare ``会议`` is the Council's only where its sentence names the Council; a conference held
# by others (``在阿布扎比共同主办的国际会议``, ``首脑会议``) is not one of its meetings.
COUNCIL = re.compile(r"安全理事会|安理会")
OTHERS_MEETING = re.compile(r"(?:国际|区域|首脑|峰会|大会|捐助|协商|审议)(?:特别|非常|紧急)?会议")
ANNOUNCED = re.compile(r"(?:于|定于|将于|计划于|拟于|打算于|在)\s*$")
HELD = re.compile(
    r"^(?:\(星期.\)|星期.)?\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}\s*(?:时|点)[^，。]{0,12})?"
    r"(?:在[^，。]{0,30})?(?:举行|举办|召开|组织|安全理事会第)"
    r"|^[^。；\n]{0,20}?(?:将|计划|拟)(?:举行|举办|召开|组织)"
)
WORDINGS = load_wordings("unsckg.extractors.zh", "meeting", ZH_SLOTS)
# The meeting online or in person: wordings (groups ``virtual`` and ``in_person``). What rules
# the video out for the meeting, within a few characters of the wording, is code: a speaker's
# own link (``秘书长将通过视频连线作通报``) and a negation just before it.
BY_VIDEO = re.compile(r"(?:通过|以)视频[^。]{0,12}(?:通报|介绍|发言|致辞|参加)")
# ``不提供视频参会选项``, ``不以视频会议形式举行``: the video ruled out.
NOT_BY_VIDEO = re.compile(r"(?:不|无|没有|并非|非)(?:提供|设|以|通过|采用|采取)?[^。，；]{0,4}$")
# The theme and the agenda item are wordings (``wordings/meeting.toml``, groups ``theme``,
# ``theme_sub_item`` and ``agenda``); an agenda item under a heading line is a layout.
AGENDA_HEADING = re.compile(r"^议程(?:项目)?\n(?P<item>[^\n]{2,160})$", re.MULTILINE)
# The chair's clause: its start, its subject (lazy: up to the first verb of presiding, a
# wording of group ``chair_verb``), a mark, and the clause's end. A web copy may write its commas
# half-width (``会议将由我本人主持,…``). One character alone is the end of a name a PDF line
# broke, ``_chair_start`` finds the rest on the line before.
_CHAIR_SUBJECT = r"(?:^|[。；，,\n])(?P<chair>[^。；，,\n]{2,40}?|(?<=\n)[^。；，,\n])"
_CHAIR_MARK = r"\s*(?:\((?:待定|待确认)\))?\s*"
_CHAIR_END = r"[。；，,]"
# The President making a statement on the Council's behalf is a presidential statement, named
# or not (``安理会主席将代表安理会就此发表一项声明``); a press statement is named as one.
_ON_BEHALF = r"代表(?:安理会|安全理事会)[^。，\n]{0,8}?(?:发表|宣读|发布)\s*(?:一份|一项|一个)?"
PRESIDENT_READS = _ON_BEHALF + "声明"
PRESIDENT_READS_STATEMENT = re.compile(PRESIDENT_READS)
# ``会后安理会拟发表新闻谈话``, ``预计将通过一项决议``, ``希望在辩论结束时通过一项决议``: an act
# the Council means to take.
_EXPECTED = r"(?<![不未无])(?:拟|将|预计|预期|计划|打算|准备|希望)\s*(?:在[^。，\n]{0,12})?"
OUTCOME_ACT = re.compile(
    _EXPECTED + r"(?:发表|通过|发布)\s*"
    r"(?:一份|一项|一个)?[^。，\n第审听讨\d]{0,20}?(?:主席声明|新闻谈话|新闻声明|决议)(?!草案)"
)
# ``安理会主席将代表安理会发表一项声明``, ``拟代表安理会发表新闻声明``: a statement announced
# without an expectation word.
OUTCOME_ON_BEHALF = re.compile(_EXPECTED + _ON_BEHALF + r"(?:主席声明|新闻谈话|新闻声明|声明)")
OUTCOME_HEADING = re.compile(r"^[^\n]{0,12}成果\s*[:：]?\n([^\n]{2,120})", re.MULTILINE)
# A sentence that expects an outcome: ``预期…通过``, ``拟议成果为…``, a draft circulated ``供安理会
# …通过`` on the day.
# (What is searched is the expectation; the sentence around it is cut out after: a pattern that
# starts with ``[^。\n]*`` is tried from every character of the text.)
OUTCOME_SENTENCE = re.compile(
    r"(?:预期|预计|期望|拟议|计划|打算|供安理会|供安全理事会)[^。\n]*(?:发表|通过|成果)"
    r"|成果(?:将|预计)?(?:为|是)"
)
# ``2021年4月8日安全理事会第8701次会议``; on a statement's cover
# ``在2019年8月2日举行的第8592次会议上``, ``在2018年5月9日第8250次会议上``.
NUMBERED = re.compile(
    r"(\d{4}年\d{1,2}月\d{1,2}日)(?:[^。\n]{0,12}?(?:安全理事会|安理会|举行的|举行))?第\s*(\d{3,5})\s*次会议"
)
# A meeting record's cover: ``第 8701 次会议`` then ``2020 年 1 月 13 日星期一上午 10 时``.
RECORD = re.compile(
    r"^第\s*(\d{3,5})\s*次(?:公开)?会议\s*\n?\s*(\d{4}年\d{1,2}月\d{1,2}日)", re.MULTILINE
)
CHAIR_RECORD = re.compile(
    r"^主席\s*[:：]\s*(?P<name>[^\n.…()]{2,30}?)(?:先生|女士)?\s*[.…·\s]*\((?P<state>[^)\n]{2,30})\)",
    re.MULTILINE,
)
# The weekday after a date, before its clock time: ``3月23日(星期三)15时``.
WEEKDAY = re.compile(r"\s*(?:\(星期.\)|星期.)\s*")
# What stands before the chair's title: a paragraph number, the meeting, ``将由``.
CHAIR_BY = re.compile(r"^(?:[一二三四五六七八九十\d]{1,2}[.、]\s*)?(?:[^由，。]{0,12}由)?")
# Where the chair presides from, or how, after the name: ``…阁下在首都主持``, ``…先生从日内瓦
# 主持``, ``…部长将通过视频主持``: no part of the name.
CHAIR_FROM = re.compile(
    r"(?<=[\w·])\s*(?:将)?(?:在|从)[^\s，。；·]{1,12}$|(?<=[\w·])\s*(?:将)?(?:通过|以)视频[^，。；]{0,6}$"
)
# A line that ends a sentence or a clause: the next line does not go on with it.
LINE_DONE = "。；：:;！？)"
# The letter's writer presiding (``会议将由我本人主持``): the chair is its signatory.
FIRST_PERSON = re.compile(r"(?:我本人|本人|我)(?:亲自)?")
# ``由本国常驻代表主持``: the writer too, when the letter is signed by the permanent representative.
OWN_REPRESENTATIVE = re.compile(r"(?:我国|本国)(?:常驻(?:联合国)?代表|大使)(?:本人)?(?:亲自)?")


@dataclass(frozen=True, slots=True)
class Dated:
    """A dated meeting and, for one a sentence announces, the clean offset of its date."""

    meeting: Meeting
    at: int | None = None


def extract(ctx: Context, found: Found) -> Found:
    dated = _dated_meetings(ctx) + _reported(ctx, found)
    if not dated:
        return found.but(meetings=())
    author = found.author or _signatory(ctx)
    split = _split(ctx, dated)
    if split is not None:
        meetings, chair_person = _split_details(ctx, dated, split, author)
        return found.but(meetings=meetings, chair_person=chair_person)
    principal = dated[0]
    details, chair_person = _details(ctx, principal, author)
    meetings = (details, *(d.meeting for d in dated[1:]))
    return found.but(meetings=meetings, chair_person=chair_person)


def _details(ctx: Context, dated: Dated, author: Person | None) -> tuple[Meeting, Person | None]:
    """The meeting with the details ``ctx`` states (the whole document, or its section)."""
    chair, chair_person = _chair(ctx, author)
    details = replace(
        dated.meeting,
        format=_format(ctx, dated.at),
        virtual=_virtual(ctx),
        theme=_themes(ctx),
        agenda_item=_agenda(ctx),
        chair=chair,
        outcome=_outcome(ctx),
        briefers=briefers.extract(ctx),
    )
    return details, chair_person


def _reported(ctx: Context, found: Found) -> list[Dated]:
    """The meetings the document reports without announcing them (``meeting_reported``): a
    resolution page's adopting meeting, a news report's meeting where none is announced."""
    numbers = {m[2] for m in NUMBERED.finditer(ctx.text)} | {
        m[1] for m in RECORD.finditer(ctx.text)
    }
    adopting = meeting_reported.adopting_meeting(ctx, found, numbers)
    if adopting is not None:
        return [Dated(adopting)]
    if numbers or any(d.at is not None for d in _dated_meetings(ctx)):
        return []
    reported = meeting_reported.reported_meeting(ctx, found)
    return [Dated(reported)] if reported is not None else []


def _split(ctx: Context, dated: list[Dated]) -> list[meeting_sections.Announced] | None:
    """The announced meetings, when the letter (before its annexes) announces two or more, each
    in a sentence that names its kind of meeting (``举行一次公开辩论``, ``召集一次阿里亚办法会
    议``); ``None`` for a letter about one meeting, which is read whole."""
    at = [d.at for d in dated if d.at is not None]
    formats = [_announced_format(ctx, pos) for pos in at]
    if len(at) < 2 or None in formats or max(at) > meeting_sections.first_annex(ctx):
        return None
    starts = [ctx.sentence_bounds(pos)[0] for pos in at]
    if starts != sorted(set(starts)):
        return None  # two meetings announced in one sentence: no section of their own
    letters = meeting_sections.letter_spans(ctx, starts)
    return [
        meeting_sections.Announced(start, _themes(meeting_sections.limited(ctx, [span])), fmt)
        for start, span, fmt in zip(starts, letters, formats, strict=True)
    ]


def _split_details(
    ctx: Context,
    dated: list[Dated],
    announced: list[meeting_sections.Announced],
    author: Person | None,
) -> tuple[tuple[Meeting, ...], Person | None]:
    """Each announced meeting with the details of its own section; the other dated meetings
    (numbered ones, past adoptions) as they are. The chairing person is the first meeting's."""
    sections = meeting_sections.sections(ctx, announced)
    out: list[Meeting] = []
    chair_persons: list[Person | None] = []
    for d in dated:
        if d.at is None:
            out.append(d.meeting)
            continue
        section = meeting_sections.limited(ctx, sections[len(chair_persons)])
        details, person = _details(section, d, author)
        chair_persons.append(person)
        out.append(details)
    return tuple(out), chair_persons[0]


def _dated_meetings(ctx: Context) -> list[Dated]:
    """A meeting for each date announced for one (``于 2021 年 4 月 8 日...举行``) or numbered."""
    found: dict[str, Dated] = {}
    for m in list(RECORD.finditer(ctx.text)) + list(NUMBERED.finditer(ctx.text)):
        first, second = (m[2], m[1]) if m.re is RECORD else (m[1], m[2])
        date = patterns.dates_zh(first)
        if date and date[0].value not in found:
            time = patterns.time_at(ctx.text, m.end()) if m.re is RECORD else None
            found[date[0].value] = Dated(
                Meeting(
                    date[0].value,
                    number=second,
                    time=time.value if time else None,
                    evidence=ctx.evidence(m.start(), m.end()),
                )
            )
    candidates = list(ctx.dates)
    if ctx.letter_year:
        for day in patterns.month_days(ctx.text, ctx.letter_year):
            year = ctx.year_of_month(int(day.value[5:7])) or ctx.letter_year
            candidates.append(patterns.Found(f"{year:04d}{day.value[4:]}", day.start, day.end))
    for d in sorted(candidates, key=lambda f: f.start):
        if d.value in found or not _announces(ctx, d):
            continue
        time = patterns.time_at(ctx.text, _after_weekday(ctx.text, d.end))
        meeting = Meeting(
            d.value, time=time.value if time else None, evidence=ctx.evidence(d.start, d.end)
        )
        found[d.value] = Dated(meeting, d.start)
    return list(found.values())


def _after_weekday(text: str, pos: int) -> int:
    """Past the weekday written after a date (``(星期三)``), where its clock time starts."""
    m = WEEKDAY.match(text, pos)
    return m.end() if m else pos


def _announces(ctx: Context, d: patterns.Found) -> bool:
    """Is this date the date of a meeting (announced or held), not of a letter or a deadline?"""
    start, _ = ctx.sentence_bounds(d.start)
    stop = ctx.text.find("。", d.end)
    sentence = ctx.text[start : min(stop if stop >= 0 else len(ctx.text), d.end + 120)]
    words = [m.group() for m in MEETING_WORD.finditer(sentence)]
    if not words or "通过" in ctx.text[d.end : d.end + 12]:
        return False
    if set(words) == {"会议"} and (OTHERS_MEETING.search(sentence) or not COUNCIL.search(sentence)):
        return False
    before = ctx.text[max(start, d.start - 6) : d.start]
    return bool(ANNOUNCED.search(before)) or bool(HELD.match(ctx.text[d.end : d.end + 40]))


def _virtual(ctx: Context) -> bool | None:
    """Online where a sentence about the meeting says so; a briefer joining by video
    (``秘书长将通过视频连线作情况通报``), a video ruled out (``不以视频会议形式``) or a sentence
    that also says the meeting is in person does not make the meeting virtual."""
    in_person = WORDINGS["in_person"]
    for hit in WORDINGS["virtual"].finditer(ctx.text):
        start, end = ctx.sentence_bounds(hit.start)
        sentence = ctx.text[start:end]
        ruled_out = NOT_BY_VIDEO.search(ctx.text[max(start, hit.start - 8) : hit.start])
        if not (BY_VIDEO.search(sentence) or ruled_out or in_person.search(sentence)):
            return True
    return False if in_person.search(ctx.text) else None


def _format(ctx: Context, at: int | None) -> str | None:
    """The kind of meeting its announcing sentence names, unless the text names a more specific
    one of that kind (``公开辩论`` announced, ``部长级公开辩论`` in the concept note); failing
    that, the first kind named anywhere. An open debate named in passing (a past debate, the
    debate an Arria meeting prepares) does not override ``举行的阿里亚办法会议``."""
    named = _first_format(ctx.text)
    announced = _announced_format(ctx, at) if at is not None else None
    if announced is None or (named is not None and named.endswith(announced)):
        return named
    return announced


def _announced_format(ctx: Context, at: int) -> str | None:
    """The kind of meeting named after its date, in the sentence that announces it."""
    return _first_format(ctx.text[at : ctx.sentence_bounds(at)[1]])


def _first_format(text: str) -> str | None:
    hit = WORDINGS["format"].first_entry(text)
    return hit.value if hit else None


def _themes(ctx: Context) -> tuple[str, ...]:
    """The quoted subjects named as the meeting's theme; failing those, the item a statement
    says it considers."""
    out = [_slot(hit, "theme") for hit in WORDINGS["theme"].finditer(ctx.text)]
    if not out:
        out = [_slot(hit, "theme") for hit in WORDINGS["theme_sub_item"].finditer(ctx.text)]
    return tuple(dict.fromkeys(out))


def _slot(hit: Hit, name: str) -> str:
    return (hit.slot(name) or "").strip()


def _chair(ctx: Context, author: Person | None) -> tuple[str | None, Person | None]:
    """Who presides: ``越南国家元首(待定)将主持会议``, ``张军大使主持``, a record's ``主席：``,
    the letter's signatory where it says ``我本人``."""
    record = CHAIR_RECORD.search(ctx.text)
    if record:
        state = gazetteer.first_state(record["state"])
        name = people.HONORIFIC.sub("", record["name"].strip()) or record["name"].strip()
        evidence = ctx.evidence(record.start(), record.end())
        return name, Person(name, state.key, None, evidence) if state else None
    m = _chair_clause().search(ctx.text)
    if not m:
        return None, None
    start = _chair_start(ctx.text, m.start("chair"))
    text = CHAIR_FROM.sub(
        "", CHAIR_BY.sub("", ctx.text[start : m.end("chair")].replace("\n", "").strip())
    )
    if len(text) < 2:
        return None, None  # the end of a name whose start is not on the line before
    if FIRST_PERSON.fullmatch(text) or (
        OWN_REPRESENTATIVE.fullmatch(text)
        and author is not None
        and author.role == "Permanent Representative"
    ):
        return (author.name, author) if author is not None and author.name else (None, None)
    title, name = people.split_title_name(text)
    if name is None:
        return title, None
    state = gazetteer.first_state(title)
    if state is None:
        return name, None
    person = Person(name, state.key, people.role_of(title), ctx.evidence(start, m.end("chair")))
    return name, person


@cache
def _chair_clause() -> re.Pattern[str]:
    """The chair's clause, its verbs the wordings of group ``chair_verb``: one pattern, so that
    the lazy subject ends at the first verb of presiding that ends a clause."""
    verbs = WORDINGS["chair_verb"].regex.pattern
    return re.compile(f"{_CHAIR_SUBJECT}{_CHAIR_MARK}(?:{verbs}){_CHAIR_END}")


def _chair_start(text: str, start: int) -> int:
    """Where the chair's clause starts: at ``start``, or on the line before when a short PDF line
    broke the clause (``将由某国外交部长某``, then ``某某主持。``). The clause goes back to the
    mark that opens it (``，``, ``。``) on that line; a line that ends a sentence is no part of
    it."""
    if start == 0 or text[start - 1] != "\n":
        return start
    line_start = text.rfind("\n", 0, start - 1) + 1
    line = text[line_start : start - 1]
    if not line or line[-1] in LINE_DONE:
        return start
    opened = max(line.rfind(mark) for mark in "。；，,")
    return line_start + opened + 1


def _signatory(ctx: Context) -> Person | None:
    """The first signatory, for a letter without a letter heading (an invitation a mission sends
    to all missions), whose writer may chair (``会议将由我本人主持``)."""
    signed = people.signatures(ctx)
    return people.signature_person(ctx, signed[0]) if signed else None


def _agenda(ctx: Context) -> str | None:
    """The first agenda item named in the text: by a wording, or under an ``议程`` heading."""
    hit = WORDINGS["agenda"].search(ctx.text)
    heading = AGENDA_HEADING.search(ctx.text)
    if heading is not None and (hit is None or heading.start() < hit.start):
        return heading["item"].strip()
    return _slot(hit, "item") if hit is not None else None


def _sentences_around(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Each sentence or line (between ``。`` and line breaks) in which ``pattern`` matches, once,
    in text order."""
    out: list[str] = []
    last_start = -1
    for m in pattern.finditer(text):
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        if start == last_start:
            continue
        stops = [i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0]
        out.append(text[start : min(stops, default=len(text))])
        last_start = start
    return out


def _outcome(ctx: Context) -> str | None:
    """The expected outcome: a sentence that expects one, or the line under ``预期成果``."""
    sentences = _sentences_around(ctx.text, OUTCOME_SENTENCE)
    sentences += [m.group() for m in OUTCOME_ACT.finditer(ctx.text)]
    sentences += [m.group() for m in OUTCOME_ON_BEHALF.finditer(ctx.text)]
    sentences += [m[1] for m in OUTCOME_HEADING.finditer(ctx.text)]
    for sentence in sentences:
        if WORDINGS["no_outcome"].search(sentence):
            continue
        kind = _outcome_kind(sentence)
        if kind is not None:
            return kind
    return None


def _outcome_kind(sentence: str) -> str | None:
    """The kind of outcome a sentence names (group ``outcome_kind``, in the file's order); the
    President making a statement on the Council's behalf is a presidential statement, named or
    not, before a resolution the sentence also names."""
    hit = WORDINGS["outcome_kind"].first_entry(sentence)
    if (hit is None or hit.value == "resolution") and PRESIDENT_READS_STATEMENT.search(sentence):
        return "presidential statement"
    return hit.value if hit else None
