"""Representatives: every named person who acts for a state (signatories, speakers, chairs).

Why name variants are merged: one ambassador signs ``瓦西里·涅边贾`` and speaks as
``瓦西里·A·涅边贾``; a person is one fact, kept in the form of the signature.
"""

from __future__ import annotations

import re

from unsckg.extractors import gazetteer, segment
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Person
from unsckg.extractors.found import Found
from unsckg.extractors.zh import people

# A speech heading (``俄罗斯联邦常驻联合国代表瓦西里·A·涅边贾先生的发言``)
# or a meeting-record speaker (``张军先生(中国):``).
SPEECH = re.compile(
    r"^(?P<who>[^\n。]{4,60}?)(?:先生|女士|阁下)?(?:在[^\n]{1,30}?上)?(?:关于[^\n]{1,40}?)?"
    r"的(?:解释性)?(?:发言|讲话)$",
    re.MULTILINE,
)
SPEAKER_PV = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]|[^\n()：:]{2,20}?)(?:先生|女士|爵士)\s*\((?P<state>[^)\n]{2,30})\)\s*(?:\([^)\n]*\))?\s*[:：]",
    re.MULTILINE,
)


# A meeting record's list of members: ``比利时 .......... 平克先生``.
MEMBER_ROW = re.compile(
    r"^(?:成员\s*[:：]\s*)?(?P<state>[^\n.…·:：]{2,30}?)\s*[.…·]{4,}\s*"
    r"(?P<name>[^\n.…()]{1,30}?)(?P<hon>先生|女士|爵士)?\s*$",
    re.MULTILINE,
)


# Who opens or closes the meeting for a state (``由爱沙尼亚总理…致开幕辞``, ``…代表…将作总结
# 发言``): not the chair, but acting for a state all the same.
_REMARKS = r"(?:开幕|闭幕|总结|结束|介绍性)(?:辞|词|发言|讲话|致辞)"
# Web copies keep half-width commas and semicolons (``会议将由我本人主持,智利常驻代表…``).
# ``由X致开幕辞``: the speaker after 由.
OPENING_BY = re.compile(
    rf"由(?P<who>[^，。；,;\n由]{{4,40}}?)(?:先生|女士|阁下|大使)?(?:致|作|发表){_REMARKS}"
)
# ``X常驻联合国代表Y大使将作总结发言``, ``…将在辩论结束时作总结发言``: the speaker as the clause's
# subject.
OPENING_SUBJECT = re.compile(
    rf"(?:^|[。；，,;\n])(?P<who>[^，。；,;\n由]{{4,40}}?)(?:先生|女士|阁下|大使)?\s*"
    rf"(?:随后|最后)?将?(?:在[^，。；,;\n]{{1,16}}?)?(?:致|作|发表){_REMARKS}",
    re.MULTILINE,
)
# A programme's label column: ``开幕致辞　X常驻联合国代表Y大使`` (the white space is gone), up to
# the line's end or the next label run on into the line.
OPENING_ROW = re.compile(
    rf"^(?:致)?{_REMARKS}\s*[:：]?\s*(?P<who>[^\n]{{4,60}}?)\s*(?=$|致?{_REMARKS})", re.MULTILINE
)
OPENINGS = (OPENING_BY, OPENING_SUBJECT, OPENING_ROW)
# What each of them needs: a text without it is not searched (``OPENING_SUBJECT`` would try
# every clause of it at every length).
REMARKS = re.compile(_REMARKS)
# The President gives the floor by name and post: ``现在请X外交部长Y先生发言``. The speaker
# heading that follows may give the surname only; this is where the full name stands.
CALLED = re.compile(r"请(?P<who>[^，。；,;\n请]{4,60}?)(?:先生|女士|爵士|阁下)+发言")


# A statement made by a delegation, not a named person (``比利时常驻联合国代表团的发言``).
DELEGATION = re.compile(r"代表团$")


# The same list where the leaders were lost with the white space (``中国耿爽先生``): a row that is
# a state's name, a name and an honorific, between ``成员：`` and the agenda.
# (Up to two lines for each of the fourteen members besides the President: a table flattened one
# cell per line.)
MEMBER_BLOCK = re.compile(r"^成员\s*[:：][^\n]*(?:\n(?!议程)[^\n]*){0,30}", re.MULTILINE)
GLUED_ROW = re.compile(
    r"^(?:成员\s*[:：]\s*)?(?P<row>[^\n.…]{3,40}?)(?:先生|女士|爵士)$", re.MULTILINE
)
# The same table flattened one cell per line: a line that is a state's name alone, then a line
# with its representative's name and honorific.
CELL_PAIR = re.compile(
    r"^(?:成员\s*[:：]\s*)?(?P<state>[^\n.…:：]{2,30})\n(?P<name>[^\n.…()]{1,30}?)"
    r"(?:先生|女士|爵士)$",
    re.MULTILINE,
)
# The same table flattened two members to a line, the white space between its columns lost
# (``甲国……张三先生乙国……李四先生``): the leaders part the cells, and the cell between two of
# them holds a name and then the next state.
LEADERS = re.compile(r"\s*[.…·]{4,}\s*")
MEMBERS_LABEL = re.compile(r"^成员\s*[:：]\s*")


# Those invited to the table, whether or not they speak after: ``应主席邀请，X先生(某国)在安理会
# 议席就座；Y先生(某国)和Z先生(某国)在…席位就座``. A name starts after a punctuation mark, or
# after ``和``/``及``/``与`` that joins it to the invitee before (so ``小和田`` keeps its ``和``).
SEATED = re.compile(r"就座|就坐|入座")
INVITEE = re.compile(
    r"(?:^|(?<=[。，,；;、:：\n])|(?<=\)[和及与])|(?<=\)以及))"
    r"(?P<name>[^，,；;、:：\n()]{1,30}?)(?:先生|女士|爵士|阁下)\s*\((?P<state>[^)\n]{2,30})\)"
)


# The name after a post in running text (``中国常驻联合国代表李保东大使在表决后``, ``英国外交大臣
# 皮姆,然后``): the shortest run of name characters that the words of the sentence around it end,
# an honorific, a conjunction, a preposition, a time or a verb of speech.
NAME_AFTER_POST = re.compile(
    r"(?:[\u4e00-\u9fff]{1,8}[·•])*[\u4e00-\u9fff]{2,8}?(?=大使|先生|女士|阁下"
    r"|[今明昨当]天|[在和与及对将曾也就向说称表指强以致作发主出会]|[，,。、；;:：(（“\s]|$)"
)


def posted(ctx: Context) -> list[tuple[Person, int]]:
    """Persons named in running text by a state's post (``people.toml`` group ``post``) written
    right after the state's name: ``中国常驻联合国副代表孙磊大使``, with where the post starts."""
    out = []
    for hit in people.WORDINGS["post"].finditer(ctx.text):
        state = ctx.state_ending_at(hit.start)
        m = NAME_AFTER_POST.match(ctx.text, hit.end)
        if state is None or m is None or not _name_in_text(m.group()):
            continue
        evidence = ctx.evidence(state.start, m.end())
        person = Person(m.group(), state.key, hit.value, evidence)
        out.append((person, state.start))
    return out


def _name_in_text(name: str) -> bool:
    """A person's name in running text, not the words after a post (``常驻联合国代表给安全理事
    会主席的信``): a transliteration, or two or three characters after a Chinese surname."""
    if not people.plausible_name(name):
        return False
    letters = name.replace("·", "").replace("•", "")
    if "·" in name or "•" in name or set(letters) <= segment.transliteration():
        return True
    return 2 <= len(name) <= 3 and any(name.startswith(s) for s in people.SURNAMES)


def members(ctx: Context) -> list[Person]:
    """The members of the Council listed on a meeting record's cover, with their representative."""
    block = MEMBER_BLOCK.search(ctx.text)
    out = []
    if block:
        out += _glued_members(ctx, block) + _cell_members(ctx, block) + _paired_members(ctx, block)
    for m in MEMBER_ROW.finditer(ctx.text):
        state = gazetteer.first_state(m["state"])
        name = m["name"].strip()
        if (
            state
            and state.end - state.start == len(m["state"].strip())
            and _named(name, bool(m["hon"]))
        ):
            out.append(Person(name, state.key, None, ctx.evidence(m.start(), m.end())))
    return out


def _cell_members(ctx: Context, block: re.Match[str]) -> list[Person]:
    """Rows of the members' list flattened one cell per line: the state's line, whole, then the
    name's line."""
    out = []
    for m in CELL_PAIR.finditer(ctx.text, block.start(), block.end()):
        cell = m["state"].strip()
        state = gazetteer.first_state(cell)
        name = m["name"].strip()
        if state and state.end - state.start == len(cell) and _named(name, True):
            out.append(Person(name, state.key, None, ctx.evidence(m.start(), m.end())))
    return out


def _paired_members(ctx: Context, block: re.Match[str]) -> list[Person]:
    """Rows of the members' list that hold two members or more: each cell between two leaders
    is parted where a state's name ends it (the name before it, honorific and all, is the
    previous state's representative). A row whose cells do not part so is left alone."""
    out = []
    line_start = block.start()
    for line in ctx.text[block.start() : block.end()].split("\n"):
        label = MEMBERS_LABEL.match(line)
        offset = line_start + (label.end() if label else 0)
        line_end = line_start + len(line)
        line_start = line_end + 1
        leaders = list(LEADERS.finditer(ctx.text, offset, line_end))
        if len(leaders) >= 2:
            out.extend(_row_pairs(ctx, offset, leaders, line_end))
    return out


def _row_pairs(
    ctx: Context, offset: int, leaders: list[re.Match[str]], line_end: int
) -> list[Person]:
    """The members of one row: ``offset`` is where its first state starts."""
    out: list[Person] = []
    state_start = offset
    for i, leader in enumerate(leaders):
        state_cell = ctx.text[state_start : leader.start()]
        state = gazetteer.first_state(state_cell)
        if state is None or state.start != 0 or state.end != len(state_cell):
            return out
        stop = leaders[i + 1].start() if i + 1 < len(leaders) else line_end
        cell = ctx.text[leader.end() : stop]
        cut = len(cell) if i + 1 == len(leaders) else _next_state_at(cell)
        if cut is None:
            return out
        name, hon = _without_honorific(cell[:cut].strip())
        if _named(name, hon):
            out.append(Person(name, state.key, None, ctx.evidence(state_start, leader.end() + cut)))
        state_start = leader.end() + cut
    return out


def _next_state_at(cell: str) -> int | None:
    """Where the state's name that ends ``cell`` starts (a name, then the next member's state)."""
    ends = [s for s in gazetteer.find_states(cell, members_only=False) if s.end == len(cell)]
    return min((s.start for s in ends), default=None) or None


def _without_honorific(name: str) -> tuple[str, bool]:
    bare = people.HONORIFIC.sub("", name).strip()
    return bare, bare != name


def seated(ctx: Context) -> list[Person]:
    """Invitees named with their state in a sentence that seats them at the Council's table
    or beside it: they act for their state even when they do not speak."""
    out = []
    sentences = dict.fromkeys(ctx.sentence_bounds(m.start()) for m in SEATED.finditer(ctx.text))
    for start, end in sentences:
        for invitee in INVITEE.finditer(ctx.text, start, end):
            state = gazetteer.first_state(invitee["state"])
            name = invitee["name"].strip()
            if state and people.plausible_name(name):
                evidence = ctx.evidence(invitee.start(), invitee.end())
                out.append(Person(name, state.key, None, evidence))
    return out


def _named(name: str, honorific: bool) -> bool:
    """A representative's name in a list of members: a plausible name, or a one-character
    surname (``金``, ``朴``) when ``先生``/``女士`` follows it, as records print Korean and some
    Chinese names."""
    return people.plausible_name(name) or (honorific and people.is_surname(name))


def _glued_members(ctx: Context, block: re.Match[str]) -> list[Person]:
    """Rows of the members' list that lost their dot leaders: the state's name starts the row."""
    out = []
    for m in GLUED_ROW.finditer(ctx.text, block.start(), block.end()):
        state = gazetteer.first_state(m["row"])
        if state is None or state.start != 0:
            continue
        name = m["row"][state.end :].strip()
        if _named(name, True):
            out.append(Person(name, state.key, None, ctx.evidence(m.start(), m.end())))
    return out


def speeches(ctx: Context) -> list[tuple[Person, int]]:
    """Speakers named in speech headings and meeting records, with their state."""
    out = []
    for m in SPEECH.finditer(ctx.text):
        title, name = people.split_title_name(m["who"])
        state = gazetteer.first_state(title)
        if state and (name or DELEGATION.search(title)):
            role = people.role_of(title)
            out.append((Person(name, state.key, role, ctx.evidence(m.start(), m.end())), m.start()))
    for m in SPEAKER_PV.finditer(ctx.text):
        state = gazetteer.first_state(m["state"])
        name = m["name"].strip()
        if state and people.NAME_CHARS.match(name):
            out.append((Person(name, state.key, None, ctx.evidence(m.start(), m.end())), m.start()))
    return out


def extract(ctx: Context, found: Found) -> Found:
    people_found: list[Person] = []
    for sig in people.signatures(ctx):
        people_found.append(people.signature_person(ctx, sig))
    author = found.author
    if author is not None and author.state:
        people_found.insert(0, author)
    people_found.extend(members(ctx))
    people_found.extend(_called(ctx))
    people_found.extend(person for person, _ in speeches(ctx) if person.name)
    people_found.extend(seated(ctx))
    chair = found.chair_person
    if chair is not None:
        people_found.append(chair)
    people_found.extend(_openers(ctx))
    # a briefer named by a state's post briefs the Council: no representative of that state
    briefing = {b.name for meeting in found.meetings for b in meeting.briefers}
    people_found.extend(person for person, _ in posted(ctx) if person.name not in briefing)
    return found.but(representatives=tuple(merge(people_found)))


def _openers(ctx: Context) -> list[Person]:
    """Those who open or close the meeting, named with a state's post."""
    out: list[Person] = []
    if not REMARKS.search(ctx.text):
        return out
    for m in _leftmost(ctx.text, OPENINGS):
        group = "who"
        title, name = people.split_title_name(m[group])
        state = gazetteer.first_state(title)
        if name and state:
            evidence = ctx.evidence(m.start(group), m.end(group))
            out.append(Person(name, state.key, people.role_of(title), evidence))
    return out


def _leftmost(text: str, pattern_list: tuple[re.Pattern[str], ...]) -> list[re.Match[str]]:
    """The matches of several patterns as one alternation would find them: leftmost first (the
    earlier pattern at the same place), none overlapping one kept before it."""
    found = [(m.start(), i, m) for i, p in enumerate(pattern_list) for m in p.finditer(text)]
    out: list[re.Match[str]] = []
    for start, _, m in sorted(found, key=lambda each: each[:2]):
        if not out or start >= out[-1].end():
            out.append(m)
    return out


def _called(ctx: Context) -> list[Person]:
    """Speakers the President calls by a state's post and their name (``请X外交部长Y先生发言``)."""
    out = []
    for m in CALLED.finditer(ctx.text):
        title, name = people.split_title_name(m["who"])
        state = gazetteer.first_state(title)
        if name and state:
            evidence = ctx.evidence(m.start("who"), m.end("who"))
            out.append(Person(name, state.key, people.role_of(title), evidence))
    return out


def merge(persons: list[Person]) -> list[Person]:
    """One entry per person and state: name variants merged, a representative role preferred,
    and a surname alone (a speaker heading) merged into the full name it is the end of."""
    out: list[Person] = []
    for person in persons:
        if not person.name or not person.state:
            continue
        index = next(
            (
                i
                for i, p in enumerate(out)
                if p.state == person.state and _variants(p.name or "", person.name)
            ),
            None,
        )
        if index is None:
            out.append(person)
            continue
        if people.surname_of(out[index].name or "", person.name):
            kept = out[index]
            out[index] = Person(person.name, kept.state, kept.role or person.role, kept.evidence)
        if out[index].role in (None, people.PRESIDENT) and person.role not in (
            None,
            people.PRESIDENT,
        ):
            kept = out[index]
            out[index] = Person(kept.name, kept.state, person.role, kept.evidence)
    return out


def _variants(a: str, b: str) -> bool:
    """Two forms of one name: the same name, or a surname and the full name it ends."""
    return people.same_person(a, b) or people.surname_of(a, b) or people.surname_of(b, a)
