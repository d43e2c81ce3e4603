"""English documents: the same facts from the English versions of Council documents.

Why one module and not a branch in every kind's module: the English documents have their own
grammar (``Letter dated 19 March 2021 from the Permanent Representative of Viet Nam``,
``in its capacity as President of the Security Council for the month of April 2021``,
``In favour: Belgium, China, …``); keeping it here leaves the Chinese rules readable, and the
registry runs this module only for texts in English (``Context.language``). It covers document
metadata, signatories, presidencies, meetings (date, time, format, theme, agenda item, number),
adopted resolutions, votes (listed, or in members' letters) and tallies, and mentions. Not yet:
briefers, chairs, outcomes, explanations of vote, sponsors.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import (
    Meeting,
    Mention,
    Person,
    Presidency,
    Resolution,
    Vote,
    VoteTally,
)
from unsckg.ontology.organizations import load_organizations
from unsckg.ontology.states import load_states

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
LETTER = re.compile(
    rf"(?:Letter|Note verbale|Identical letters) dated (\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
SYMBOL_LINE = re.compile(r"^(?:United Nations)?\s*((?:S|A)/(?:[A-Z]{2,5}/)?\d+(?:/\d+)*)\s*$", re.M)
RESOLUTION_TITLE = re.compile(r"^Resolution (\d{1,4}) \((\d{4})\)\s*$", re.M)
ADOPTED = re.compile(
    rf"Adopted by the Security Council at its (\d{{3,5}})(?:st|nd|rd|th) meeting,? on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
AS_PRESIDENT = re.compile(
    rf"(?:in its capacity as|as) (?:the )?President of the Security Council for the month of "
    rf"({MONTHS})(?: (\d{{4}}))?"
)
MEETING_DATE = re.compile(
    rf"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})(?:,? (?:at )?(\d{{1,2}})(?:[.:](\d{{2}}))? ?([ap])\.m\.)?"
)
FORMATS = (
    (re.compile(r"ministerial(?:-level)? open debate", re.I), "ministerial open debate"),
    (re.compile(r"high-level open debate", re.I), "high-level open debate"),
    (re.compile(r"open debate", re.I), "open debate"),
    (re.compile(r"Arria-formula", re.I), "Arria-formula meeting"),
    (re.compile(r"\bbriefing\b", re.I), "briefing"),
    (re.compile(r"\bdebate\b", re.I), "debate"),
)
THEME = re.compile(r"(?:on the theme|entitled) ?[“\"]([^”\"]{2,200})[”\"]")
AGENDA = re.compile(r"under the (?:agenda )?item ?(?:entitled ?)?[“\"]([^”\"]{2,200})[”\"]")
SIGNED = re.compile(r"\(Signed\)\s*(?P<name>[^\n(]{2,60}?)\s*\n(?P<titles>(?:[^\n]{2,80}\n?){0,3})")
SENDER = re.compile(
    r"from the (?P<role>(?:Deputy )?Permanent Representative|Charg[ée] d[’']affaires a\.i\.)"
    r" of (?P<state>[^\n,]{2,80}?) to the United Nations"
)
VOTE_LIST = re.compile(r"(In favour|Against|Abstaining|Abstention)\s*:\s*")
VALUES = {"In favour": "yes", "Against": "no", "Abstaining": "abstain", "Abstention": "abstain"}
TALLY = re.compile(r"(\d+) votes? in favour,? (\d+|none) against,? and (\d+|no) abstentions?", re.I)
LETTER_FROM = re.compile(
    rf"Letter dated (\d{{1,2}} (?:{MONTHS}) \d{{4}}) from the [^\n]{{0,80}}? of "
    rf"(?P<state>[^\n]{{2,80}}?) to the United Nations"
)
CAST = re.compile(
    r"\b(?:votes?|voted|will vote|is voting|casts? (?:its|a) vote)\s+(in favour of|against)"
    r"|\b(abstains?|abstained)\b"
)
ADOPTED_ON = re.compile(
    rf"resolution (\d{{1,4}}) \((\d{{4}})\),? (?:which was )?adopted (?:unanimously )?on "
    rf"(\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
WRITTEN = re.compile(r"written (?:procedure|silence procedure)|procedure set out in", re.I)
DRAFT = re.compile(r"draft resolution (?:contained in document |\()?(S/\d{4}/\d+)")
NUMBERED = re.compile(r"^(\d{3,5})(?:st|nd|rd|th) meeting", re.M)
RESOLUTION_REF = re.compile(r"\bresolutions? ((?:\d{1,4} ?\(\d{4}\)(?:,? (?:and )?)?)+)")


@cache
def _names() -> tuple[re.Pattern[str], dict[str, str]]:
    """English names of states (keys: ISO alpha-3) and of organisations (keys: "")."""
    names: dict[str, str] = {org.name_en: "" for org in load_organizations() if org.name_en}
    for state in load_states():
        if not state.is_member:
            continue
        formal = state.formal_en.removeprefix("the ")
        for name in (state.name_en, formal, *state.aliases_en):
            names.setdefault(name, state.iso3)
    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, alternatives)) + r")\b"), names


def extract(ctx: Context, facts: dict[str, Any]) -> dict[str, Any]:
    if ctx.language != "en":
        return {}
    pattern, names = _names()
    states = [(names[m.group()], m.start(), m.end()) for m in pattern.finditer(ctx.text)]
    states = [s for s in states if s[0]]
    out: dict[str, Any] = _metadata(ctx)
    author = _author(ctx, names)
    if author is not None:
        out["author"] = author
    out["representatives"] = _signatories(ctx, names)
    out["presidencies"] = _presidencies(ctx, states, out.get("date"))
    out["meetings"] = _meetings(ctx, out["presidencies"])
    out["resolutions"] = _resolutions(ctx)
    own = out["resolutions"][0] if out["resolutions"] else None
    key = f"{own.number}({own.year})" if own else None
    out["votes"], out["vote_tallies"] = _votes(ctx, names, key, out.get("date"))
    out["votes"] = _unique(out["votes"] + _letter_votes(ctx, states, names, key))
    out["states_mentioned"] = tuple(
        Mention(iso3, ctx.evidence(start, end))
        for iso3, start, end in {s[0]: s for s in reversed(states)}.values()
    )
    refs = [
        patterns.Found(patterns.res_key(n, y), m.start(1), m.end(1))
        for m in RESOLUTION_REF.finditer(ctx.text)
        for n, y in re.findall(r"(\d{1,4}) ?\((\d{4})\)", m[1])
    ]
    if key:
        refs.insert(0, patterns.Found(key, 0, 1))
    own_symbol = out.get("symbol")
    out["documents_cited"] = tuple(
        d for d in facts.get("documents_cited", ()) if d.value != own_symbol
    )
    out["resolutions_cited"] = tuple(
        Mention(value, ctx.evidence(f.start, f.end))
        for value, f in {r.value: r for r in reversed(refs)}.items()
    )
    return out


def _metadata(ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": None}
    symbol = SYMBOL_LINE.search(ctx.text)
    title = RESOLUTION_TITLE.search(ctx.text)
    if title:
        out["symbol"], out["kind"] = f"S/RES/{int(title[1])}({title[2]})", "resolution"
    elif symbol:
        out["symbol"] = symbol[1]
        out["kind"] = "presidential statement" if "/PRST/" in symbol[1] else None
    letter, adopted = LETTER.search(ctx.text), ADOPTED.search(ctx.text)
    dated = letter[1] if letter else adopted[2] if adopted else None
    if dated:
        found = patterns.dates_en(dated)
        out["date"] = found[0].value if found else None
        out["kind"] = out["kind"] or "letter"
    cover = patterns.dates_en(ctx.text[: letter.start() if letter else 400])
    if cover:
        out["issued"] = cover[0].value
    return out


def _author(ctx: Context, names: dict[str, str]) -> Person | None:
    """``(Signed) Dang Dinh Quy`` under the principal letter (before any annexed letter)."""
    headers = [m.start() for m in LETTER.finditer(ctx.text)]
    end = headers[1] if len(headers) > 1 else len(ctx.text)
    signed = SIGNED.search(ctx.text, 0, end)
    if signed is None:
        return None
    first = ctx.text[headers[0] : headers[0] + 300] if headers else ""
    sender = SENDER.search(first)
    state = names.get(sender["state"].removeprefix("the ")) if sender else None
    role = sender["role"].replace("’", "'") if sender else None
    if "from the President of the Security Council" in first:
        role = "President of the Security Council"
    elif role is None and "Permanent Representative" in signed["titles"]:
        role = "Permanent Representative"
    evidence = ctx.evidence(signed.start(), signed.end("name"))
    return Person(signed["name"].strip(), state or None, role, evidence)


def _signatories(ctx: Context, names: dict[str, str]) -> tuple[Person, ...]:
    """Everyone who signs for a state: the state of the letter each signature closes."""
    letters = [
        (m.start(), names.get(m["state"].removeprefix("the ")))
        for m in LETTER_FROM.finditer(ctx.text)
    ]
    out: dict[tuple[str, str], Person] = {}
    for m in SIGNED.finditer(ctx.text):
        state = next((s for start, s in reversed(letters) if start <= m.start()), None)
        if state:
            role = "Permanent Representative" if "Permanent Representative" in m["titles"] else None
            person = Person(m["name"].strip(), state, role, ctx.evidence(m.start(), m.end("name")))
            out.setdefault((person.name or "", state), person)
    return tuple(out.values())


def _presidencies(
    ctx: Context, states: list[tuple[str, int, int]], date: str | None
) -> tuple[Presidency, ...]:
    out = []
    for m in AS_PRESIDENT.finditer(ctx.text):
        before = [s for s in states if s[2] <= m.start() and m.start() - s[2] < 40]
        year = int(m[2]) if m[2] else int(date[:4]) if date else None
        if before and year:
            month = MONTHS.split("|").index(m[1]) + 1
            out.append(Presidency(before[-1][0], year, month, ctx.evidence(m.start(), m.end())))
    return tuple({(p.state, p.year, p.month): p for p in out}.values())


def _meetings(ctx: Context, presidencies: tuple[Presidency, ...]) -> tuple[Meeting, ...]:
    m = MEETING_DATE.search(ctx.text)
    adopted = ADOPTED.search(ctx.text)
    if m is None and adopted is None:
        return ()
    if m is None:
        assert adopted is not None
        found = patterns.dates_en(adopted[2])
        date = found[0].value if found else None
        return (
            Meeting(date, number=adopted[1], evidence=ctx.evidence(adopted.start(), adopted.end())),
        )
    found = patterns.dates_en(m[1])
    number = NUMBERED.search(ctx.text[:600])
    time = None
    if m[2]:
        hour = int(m[2]) % 12 + (12 if m[4] == "p" else 0)
        time = f"{hour:02d}:{m[3] or '00'}"
    date = found[0].value if found else None
    theme, agenda = THEME.search(ctx.text), AGENDA.search(ctx.text)
    return (
        Meeting(
            date,
            number=number[1] if number else None,
            time=time,
            format=next((name for p, name in FORMATS if p.search(ctx.text)), None),
            virtual=True if re.search(r"videoconference|virtual", ctx.text, re.I) else None,
            theme=(theme[1],) if theme else (),
            agenda_item=agenda[1] if agenda else None,
            presidency=next(
                (
                    p.state
                    for p in presidencies
                    if date and date[:7] == f"{p.year:04d}-{p.month:02d}"
                ),
                None,
            ),
            evidence=ctx.evidence(m.start(), m.end()),
        ),
    )


def _resolutions(ctx: Context) -> tuple[Resolution, ...]:
    """The resolution a page prints, or one a letter reports adopted on a date."""
    title, adopted = RESOLUTION_TITLE.search(ctx.text), ADOPTED.search(ctx.text)
    if title and adopted:
        found = patterns.dates_en(adopted[2])
        date = found[0].value if found else None
        evidence = ctx.evidence(adopted.start(), adopted.end())
        return (Resolution(int(title[1]), int(title[2]), date, None, "meeting", (), evidence),)
    out = []
    for m in ADOPTED_ON.finditer(ctx.text):
        found = patterns.dates_en(m[3])
        draft = DRAFT.search(ctx.text)
        procedure = "written" if WRITTEN.search(ctx.text) else None
        evidence = ctx.evidence(m.start(), m.end())
        out.append(
            Resolution(
                int(m[1]),
                int(m[2]),
                found[0].value if found else None,
                draft[1] if draft else None,
                procedure,
                (),
                evidence,
            )
        )
    return tuple({(r.number, r.year): r for r in reversed(out)}.values())


def _votes(
    ctx: Context, names: dict[str, str], resolution: str | None, date: str | None
) -> tuple[tuple[Vote, ...], tuple[VoteTally, ...]]:
    votes: dict[str, Vote] = {}
    for m in VOTE_LIST.finditer(ctx.text):
        end = ctx.text.find("\n\n", m.end())
        chunk = ctx.text[m.end() : end if end > 0 else m.end() + 600]
        chunk = re.split(r"\b(?:In favour|Against|Abstaining)\s*:", chunk)[0]
        pattern = _names()[0]
        for found in pattern.finditer(" ".join(chunk.split())):
            iso3 = names.get(found.group())
            if iso3:
                evidence = ctx.evidence(m.start(), m.end())
                vote = Vote(iso3, VALUES[m[1]], None, resolution, date, None, evidence)
                votes.setdefault(iso3, vote)
    tallies = []
    for m in TALLY.finditer(ctx.text):
        yes, no, abstain = (0 if g in ("none", "no") else int(g) for g in m.groups())
        evidence = ctx.evidence(m.start(), m.end())
        tallies.append(VoteTally(resolution, None, yes, no, abstain, evidence))
    return tuple(votes.values()), tuple(tallies)


def _letter_votes(
    ctx: Context, states: list[tuple[str, int, int]], names: dict[str, str], resolution: str | None
) -> tuple[Vote, ...]:
    """``Belgium votes in favour of the draft resolution``, dated by the member's own letter."""
    letters = [
        (m.start(), m[1], names.get(m["state"].removeprefix("the ")))
        for m in LETTER_FROM.finditer(ctx.text)
    ]
    draft = DRAFT.search(ctx.text)
    out = []
    for m in CAST.finditer(ctx.text):
        start = ctx.text.rfind(".", 0, m.start()) + 1
        before = [s for s in states if start <= s[1] and s[2] <= m.start()]
        letter = next((x for x in reversed(letters) if x[0] <= m.start()), None)
        state = before[-1][0] if before else letter[2] if letter else None
        if not state:
            continue
        value = "yes" if m[1] == "in favour of" else "no" if m[1] == "against" else "abstain"
        found = patterns.dates_en(letter[1]) if letter else []
        date = found[0].value if found else None
        evidence = ctx.evidence(start, m.end())
        out.append(
            Vote(state, value, draft[1] if draft else None, resolution, date, None, evidence)
        )
    return tuple(out)


def _unique(votes: tuple[Vote, ...]) -> tuple[Vote, ...]:
    """One vote per member: the first record of it."""
    return tuple({v.state: v for v in reversed(votes)}.values())[::-1]
