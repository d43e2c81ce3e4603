"""English meeting records (S/PV): the cover, read once, and the record's own metadata.

Why a cover reader: a provisional verbatim record prints, above its first speech, the meeting's
number, its date and time, the President and the table of the members with the person who sat
for each, and the agenda. That is a layout, not a sentence: small line classifiers (a dotted
leader line, a label) and a short reducer read it. Every other kind of fact of a record (the
representatives, the meeting, the presidency, the votes) starts from this one ``Cover``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.en.names import name_table, state_key
from unsckg.extractors.en.slots import EN_SLOTS
from unsckg.extractors.facts import Evidence, Person
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings

WORDINGS = load_wordings("unsckg.extractors.en", "record", EN_SLOTS)
# Every group compiled with the pack, as the name tables are built: each is read from every
# record (the cover, the speakers, the roll-calls), so the first record no longer pays about
# 10 ms for them, once per process.
for _group in WORDINGS.groups:
    WORDINGS[_group]  # compiled, and kept by ``wordings``
KIND = "meeting record"
# A record's symbol at the top of its cover, which PDF text may break (``S/ PV.870 4``).
RECORD_HEAD = re.compile(r"S/\s*PV\s*\.\s*\d[\d ]*")
HEAD = 300
COVER_HEAD = HEAD + 100  # where the meeting's number line ends, at the latest
COVER_DATE = 600  # where the cover's date line ends, at the latest
# The cover's labels and its dotted leaders (``Belgium ...... Mr. Pecsteen``; PDFium spaces
# the dots: ``Belgium. . . . Mr. Pecsteen``).
# ``\s*(?:\.\s*){2,}|\s{2,}|\t`` written so that each branch opens with the character it
# must start with (white space or a dot): the engine then skips to such a character, where
# the leading ``\s*`` had it try every position of the line (twice as fast a split).
LEADER_BY_DEFINITION = r"\s*(?:\.\s*){2,}|\s{2,}|\t"
LEADER = re.compile(r"\s\s*(?:\.\s*){2,}|\s\s+|\t|\.\s*(?:\.\s*)+")
MEMBERS_LABEL = re.compile(r"^Members\s*:\s*")
PRESIDENT_LINE = re.compile(r"^President\s*:\s*(?P<names>[^(]+?)[\s.]*\((?P<state>[^()]+)\)$")
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\b\.?")
# A running head and foot of a page (``S/PV.8699 Maintenance … 09/01/2020``, ``2/65 20-00676``).
RUNNING_LINE = r"(?:S/\s*PV\s*\.[^\n]*\d{2}/\d{2}/\d{4}|\d+/\d+ \d{2}-\d{5}|\d{2}-\d{5}[^\n]*)"
RUNNING = re.compile(f"^(?P<line>{RUNNING_LINE})$", re.M)
RUNNING_AFTER_BREAK = re.compile(f"\n(?P<line>{RUNNING_LINE})(?=\n|\\Z)")
# Lines of their own (``^…$``), the line start looked at behind the words: a pattern that
# opens with its words is searched for them (a fast scan in C), where ``^`` in multiline mode
# is tried at every position of the text.
AGENDA_ADOPTED = re.compile(r"The agenda was adopted\.(?<![^\n]The agenda was adopted\.)$", re.M)
AGENDA_COVER = re.compile(r"Agenda(?<![^\n]Agenda)$", re.M)
DOCUMENT_ITEM = re.compile(r"^(?:Letter|Identical letters|Report|Note|Draft)\b")
ITEM_SYMBOL = re.compile(r"\((?:S|A)/[^()]{2,30}\)")
# Where the cover's agenda ends: its note on the record, or the job number.
COVER_END = re.compile(r"^(?:This record contains|\d{2}-\d{5}\b)")
AGENDA_LINES = 10
THEME_LINES = 2
COVER_LINES = 60


@dataclass(frozen=True, slots=True)
class Member:
    """A line of the members' table: the state and the person who sat for it."""

    state: str
    name: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Cover:
    """What a record's cover states."""

    symbol: str
    number: str | None
    date: str | None
    time: str | None
    presidents: tuple[str, ...]
    president_state: str | None
    members: tuple[Member, ...]
    agenda_item: str | None
    theme: str | None
    evidence: Evidence


def is_record(text: str) -> bool:
    """A record's cover: its symbol at the top, then the line of its meeting's number."""
    head = RECORD_HEAD.search(text, 0, HEAD)
    return head is not None and WORDINGS["meeting_number"].search(text[:COVER_HEAD]) is not None


@lru_cache(maxsize=2)
def flat(text: str) -> str:
    """The text with the running heads blanked and line breaks as spaces: same offsets, so a
    wording found in it is evidence in the text itself.

    Kept for the text last read (the cover, the speakers, the roll-calls and the explanations
    of a record all read it); two entries, so no other document's answer is ever reused."""
    spans = [m.span("line") for m in at_line_starts(RUNNING, RUNNING_AFTER_BREAK, text)]
    if not spans:
        return text.replace("\n", " ")
    parts, pos = [], 0
    for start, end in spans:
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts).replace("\n", " ")


def at_line_starts(
    first: re.Pattern[str], after_break: re.Pattern[str], text: str
) -> list[re.Match[str]]:
    """The matches, one after the other as ``finditer`` finds them, of a pattern that must
    start a line: ``first`` is the pattern behind ``^`` (multiline) and ``after_break`` the same
    behind a line break (``\\n``); its groups say where each match starts.

    Why: a pattern that opens with a literal character is searched for that character (a fast
    scan in C), where ``^`` in multiline mode is tried at every position of the text: the
    scan of a record's 100 KB from line break to line break is five times faster. A match
    never ends on a line break (callers' patterns end on ``$`` or a character), so the next
    one is found from the end of the last, as ``finditer`` does."""
    head = first.match(text)
    rest = after_break.finditer(text, head.end() if head else 0)
    return [head, *rest] if head else list(rest)


def joined(text: str) -> str:
    """A span's words on one line, a word broken after its hyphen joined again."""
    return " ".join(text.replace("-\n", "-").split())


@lru_cache(maxsize=4)
def _cover_of(ctx: Context) -> Cover | None:
    if not is_record(ctx.text):
        return None
    # the cover's head alone: a wording searched for in a window of the whole flat text
    # first checks the words it needs in the whole text (a record's 100 KB, three times)
    text = flat(ctx.text)[:COVER_DATE]
    head = RECORD_HEAD.search(ctx.text, 0, HEAD)
    number = WORDINGS["meeting_number"].search(text, 0, COVER_HEAD)
    if head is None or number is None:
        return None
    symbol = f"S/PV.{number.slot('number')}"
    resumption = WORDINGS["resumption"].search(text, 0, HEAD)
    if resumption:
        symbol += f" (Resumption {resumption.slot('number')})"
    dated = WORDINGS["cover_date"].search(text)
    dates = patterns.dates_en(dated.slot("date") or "") if dated else []
    presidents, president_state, members = _table(ctx)
    item, theme = agenda(ctx.text)
    return Cover(
        symbol=symbol,
        number=number.slot("number"),
        date=dates[0].value if dates else None,
        time=clock(dated.slot("time")) if dated else None,
        presidents=presidents,
        president_state=president_state,
        members=members,
        agenda_item=item,
        theme=theme,
        evidence=ctx.evidence(head.start(), dated.end if dated else head.end()),
    )


def cover(ctx: Context) -> Cover | None:
    """The cover of a meeting record, ``None`` for any other document."""
    return _cover_of(ctx)


def clock(time: str | None) -> str | None:
    """``10 a.m.``, ``3.30 p.m.`` as 24-hour ``HH:MM``."""
    m = re.match(r"(\d{1,2})(?:[.:](\d{2}))?\s*([ap])", time or "")
    if m is None:
        return None
    hour = int(m[1]) % 12 + (12 if m[3] == "p" else 0)
    return f"{hour:02d}:{m[2] or '00'}"


def _table(ctx: Context) -> tuple[tuple[str, ...], str | None, tuple[Member, ...]]:
    """The President's line and the members' lines, up to the agenda."""
    presidents: tuple[str, ...] = ()
    president_state = None
    members: list[Member] = []
    pos = carried_from = 0
    carried = ""
    for line in ctx.text.split("\n", COVER_LINES)[:COVER_LINES]:  # the cover's lines only
        start, pos = pos, pos + len(line) + 1
        if line.strip() == "Agenda":
            break
        chaired = PRESIDENT_LINE.match(line.strip())
        if chaired:
            president_state = state_key(" ".join(chaired["state"].split()))
            names = (n.strip() for n in chaired["names"].split("/"))
            presidents = tuple(n for n in names if HONORIFIC.match(n))
            continue
        # a state's name too long for its line ends on the next, before the leader
        member = _member_line(f"{carried} {line}") if carried else None
        first = carried_from if member else start
        member = member or _member_line(line)
        if member:
            members.append(Member(*member, ctx.evidence(first, start + len(line))))
        carried, carried_from = ("", start) if member or not presidents else (line, start)
    return presidents, president_state, tuple(members)


def _member_line(line: str) -> tuple[str, str] | None:
    """``Belgium ...... Mr. Pecsteen de Buytswerve`` (dotted leader, or the state's name
    followed by the person's where the leader is lost) as the state and the name."""
    body = MEMBERS_LABEL.sub("", line.strip())
    cells = [c for c in LEADER.split(body) if c]
    if len(cells) != 2:
        named = name_table()[0].match(body)
        cells = [named.group(), body[named.end() :].strip()] if named else []
    if len(cells) != 2 or not HONORIFIC.match(cells[1]):
        return None
    iso3 = state_key(" ".join(cells[0].split()))
    return (iso3, cells[1]) if iso3 else None


def agenda(text: str) -> tuple[str | None, str | None]:
    """The first item of the agenda and the theme under it. A title stands on its line of the
    cover (whose lines are wide) and the lines under it that name no document are its theme
    (``Upholding the United Nations Charter``); a document item (``Identical letters dated …
    (S/2016/53)``) runs to its symbol, read where the agenda is adopted (the cover may cut it)."""
    cover_lines = _lines_after(AGENDA_COVER, text)
    body_lines = _lines_after(AGENDA_ADOPTED, text)
    lines = cover_lines or body_lines
    if not lines:
        return None, None
    if DOCUMENT_ITEM.match(lines[0]):
        block = "\n".join(body_lines or lines)
        closing = ITEM_SYMBOL.search(block)
        return (joined(block[: closing.end()]) if closing else lines[0].strip()), None
    theme = []
    for line in cover_lines[1 : THEME_LINES + 1]:
        if DOCUMENT_ITEM.match(line) or COVER_END.match(line):
            break
        theme.append(line)
    return lines[0].strip(), joined("\n".join(theme)) or None


def _lines_after(heading: re.Pattern[str], text: str) -> list[str]:
    """The first lines after a heading, up to the cover's closing note."""
    m = heading.search(text)
    if m is None:
        return []
    lines = [ln for ln in text[m.end() :].split("\n", AGENDA_LINES) if ln.strip()]
    out = []
    for line in lines[:AGENDA_LINES]:
        if COVER_END.match(line):
            break
        out.append(line)
    return out


def council(record: Cover) -> frozenset[str]:
    """The states at the table that day: the members and the presiding state."""
    states = {m.state for m in record.members}
    return frozenset(states | ({record.president_state} if record.president_state else set()))


def chair(record: Cover) -> Person | None:
    """The first President named on the cover, for the presiding state."""
    if not record.presidents:
        return None
    role = "President of the Security Council"
    return Person(record.presidents[0], record.president_state, role, record.evidence)


def extract(ctx: Context, found: Found) -> Found:
    """A record's symbol, kind and date from its cover; any other document as it was."""
    record = cover(ctx)
    if record is None:
        return found
    evidence = dict(found.evidence)
    evidence.pop("issued", None)
    evidence["symbol"] = evidence["date"] = record.evidence
    return found.but(
        symbol=record.symbol,
        kind=KIND,
        date=record.date,
        issued=None,
        author=None,
        evidence=MappingProxyType(evidence),
    )
