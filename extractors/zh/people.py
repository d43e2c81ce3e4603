"""People: signatories (the author), representatives, and how a title and a name are told apart.

Why rules on titles rather than on names: Chinese transliterations of names are open-ended, but
the posts around them are few (``常驻联合国代表``, ``临时代办``, ``副秘书长``: ``data/titles.txt``);
a name is what follows the last title, up to an honorific or a tentative mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unsckg.extractors import gazetteer, segment
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Person
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh.slots import ZH_SLOTS

SIGNED = re.compile(r"\((?:签名|签字)\)")
# Latin-script names keep their accents (``Stéphane``, ``António``) and may be glued to the
# Chinese title before them (``首席执行官Stéphane Duguin``).
_UPPER, _LETTER = "A-ZÀ-ÖØ-Þ", "a-zA-ZÀ-ÖØ-öø-ÿ'\\-"
LATIN_NAME = re.compile(
    rf"([{_UPPER}][{_LETTER}]+(?:\s+[{_UPPER}][{_LETTER}]*\.?)*\s+[{_UPPER}][{_LETTER}]+)"
)
# Posts, honorifics and pending marks are wordings (``wordings/people.toml``).
WORDINGS = load_wordings("unsckg.extractors.zh", "people", ZH_SLOTS)


def words(group: str) -> tuple[str, ...]:
    """The words of a group of ``people.toml`` whose templates are choices of words, in order."""
    return tuple(
        word for entry in WORDINGS.groups[group] for word in entry.template.strip("[]").split("|")
    )


HONORIFICS = words("honorific")
SURNAMES = words("surname")
HONORIFIC = re.compile(f"(?:{'|'.join(HONORIFICS)})+$")
# The marks of a tentative speaker: "to be decided", "to be confirmed" (``待定``, ``tbc``).
PENDING = "(?:" + "|".join(w for w in words("pending") if not w.isascii()) + ")"
MARKS = "|".join([PENDING] + [v for w in words("pending") if w.isascii() for v in (w, w.upper())])
TENTATIVE = re.compile(rf"\s*[(（]\s*(?:{MARKS})\s*[)）]\s*")
ROLES = tuple(  # most specific first
    (word, entry.value or "")
    for entry in WORDINGS.groups["post"]
    for word in entry.template.strip("[]").split("|")
)
PRESIDENT = "President of the Security Council"
POST_END = re.compile(r"[长官员家师者]")
NAME_CHARS = re.compile(r"^[\w·\-' .]{1,30}$")
# Characters of running text that a transliterated name does not contain. ``兼`` joins two posts
# (``主席兼首席执行官``): what starts with it is still a title (``石兼`` is a name). ``于`` is a
# preposition only before a date: names use it (``于尔``, ``于里·拉塔斯``, ``安妮肯·于特费尔德``).
NOT_NAME = re.compile(r"[的将由在对是了们]|^兼|于\d|会议|主持|通报")


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block: its title lines, the name signed, and where it stands."""

    title: str
    name: str
    start: int
    end: int


def split_title_name(text: str) -> tuple[str, str | None]:
    """``联合国秘书长安东尼奥·古特雷斯`` -> (``联合国秘书长``, ``安东尼奥·古特雷斯``); a bare post
    (``秘书长``) -> (post, None); ``中国常驻联合国代表张军大使`` -> (title, ``张军``)."""
    text = TENTATIVE.sub("", text).strip(" 。；;，,")
    core = HONORIFIC.sub("", text).rstrip()
    latin = LATIN_NAME.search(core)
    if latin and latin.end() == len(core):
        return text[: latin.start()].strip(), latin.group(1).strip()
    cut = _title_end(core)
    name = core[cut:].strip(" ·") if cut >= 0 else ""
    if not plausible_name(name):
        # a transliterated name alone (``德尼·穆奎格博士``): a name without a post
        bare = core.strip(" ·")
        if "·" in bare and plausible_name(bare):
            return "", bare
        return text, None
    return core[:cut].strip(), name


def _title_end(core: str) -> int:
    """Where the last known title ends in ``core``; failing that, the last character that ends
    posts of every kind (``署长``, ``行长``, ``学家``, ``法官``, ``研究员``, ``合著者``) but no
    transliterated name, when a name follows it; -1 when there is none."""
    cut = -1
    for title in segment.titles():
        at = core.rfind(title)
        if at >= 0 and at + len(title) > cut:
            cut = at + len(title)
    if cut < 0:
        for m in POST_END.finditer(core):
            # not inside a word (``委员会``): the dictionary cuts a post off where it ends
            if plausible_name(core[m.end() :].strip(" ·")) and m.end() in segment.boundaries(core):
                return m.end()
    return cut


def is_surname(name: str) -> bool:
    """One Chinese character that may be a surname written alone before ``先生``/``女士``."""
    return len(name) == 1 and "\u4e00" <= name <= "\u9fff" and not NOT_NAME.search(name)


def plausible_name(name: str) -> bool:
    """A person's name: short, without the words of running text around it."""
    if not name or not NAME_CHARS.match(name) or NOT_NAME.search(name):
        return False
    if name.isascii():
        return True
    return 2 <= len(name.replace("·", "")) <= 18


def role_of(title: str) -> str | None:
    for word, role in ROLES:
        if word in title:
            return role
    return None


def signatures(ctx: Context) -> list[Signature]:
    """Every signature block: the name before ``(签名)`` and up to four title lines above it."""
    out = []
    for m in SIGNED.finditer(ctx.text):
        line_start = ctx.text.rfind("\n", 0, m.start()) + 1
        head, name = split_title_name(ctx.text[line_start : m.start()])
        if not name and NAME_CHARS.match(head) and len(head) <= 20:
            head, name = "", HONORIFIC.sub("", head)
        if not name:
            continue
        lines = [head] if head else []
        pos = line_start - 1
        for _ in range(4):
            prev_start = ctx.text.rfind("\n", 0, max(pos, 0)) + 1
            line = ctx.text[prev_start:pos] if pos > 0 else ""
            if not line or len(line) > 40 or line.endswith(("。", "；", ":", "：")):
                break
            lines.insert(0, line)
            pos = prev_start - 1
        out.append(Signature("\n".join(lines), name, line_start, m.end()))
    return out


def signature_person(ctx: Context, sig: Signature) -> Person:
    """The signatory as a person: state from the title, else from the letter's header."""
    state = gazetteer.first_state(sig.title)
    iso3 = state.key if state else None
    if iso3 is None:
        section = ctx.section_at(sig.start)
        iso3 = section.sender_state if section else None
    roles = [role for word, role in ROLES if word in sig.title]
    # a state's post outlasts the month of presidency: prefer it when the block names both
    role = next((r for r in roles if r != PRESIDENT), roles[0] if roles else None)
    return Person(sig.name, iso3, role, ctx.evidence(sig.start, sig.end))


def same_person(a: str, b: str) -> bool:
    """Name variants of one person: equal, or the same first and last parts.

    ``瓦西里·A·涅边贾`` and ``瓦西里·涅边贾`` are one ambassador.
    """
    if a == b:
        return True
    pa, pb = a.split("·"), b.split("·")
    return len(pa) > 1 and len(pb) > 1 and pa[0] == pb[0] and pa[-1] == pb[-1]


def surname_of(short: str, full: str) -> bool:
    """Is ``short`` the last part of the transliterated name ``full`` (``库克`` of
    ``约翰·库克``)? A speaker heading may give the surname of one called by full name."""
    parts = full.split("·")
    return "·" not in short and len(parts) > 1 and len(short) >= 2 and parts[-1] == short
