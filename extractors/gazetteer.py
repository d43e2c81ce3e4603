"""Gazetteer: where the text names a member state, an organisation or a title.

Why a regex over every name plus a jieba check: the longest-first alternation finds candidate
names in one pass (so ``中非共和国`` wins over ``中非`` and an organisation's or a mission's name
wins over the state inside it), and the domain-dictionary segmentation then rejects a state
name that is only part of another word (``中国`` inside ``发展中国家``). States come from the
one states table; organisations from the organisations table; nothing is listed here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from unsckg.extractors import segment
from unsckg.extractors.trie import trie_pattern
from unsckg.ontology.organizations import load_organizations
from unsckg.ontology.states import historical_states, load_states

# A UN peace operation or office named after the country it serves: the state is part of the
# name (``联合国马里多层面综合稳定特派团``), whether or not the table knows that mission.
MISSION = re.compile(
    r"(?:联合国|非洲联盟|非盟|欧洲联盟|欧盟|西非国家经济共同体|西共体|欧洲安全与合作组织|欧安组织"
    r"|北大西洋公约组织|北约|阿拉伯国家联盟|阿盟|东南亚国家联盟|东盟)[^\s，。；、()“”]{0,24}?"
    r"(?:特派团|支助团|援助团|办事处|观察团|维持和平部队|临时部队|混合行动|稳定团|建和办|综合办"
    r"|训练团|能力建设团|警察团|核查团|监测团|监督团|过渡团|特别法庭)"
)
# A UN operation or administration named after its country with a bare ``行动`` or
# ``行政当局`` (``联合国莫桑比克行动``, ``联合国科索沃临时行政当局``): only name words between, no
# particle or preposition (``联合国在X的行动`` describes an action in X, which is named).
UN_OPERATION = re.compile(
    r"联合国[^\s，。；、()“”的在对向于和与及]{1,12}?(?:行动|(?:过渡|临时)?行政当局)"
)
_MISSION_NOUN = (
    r"(?:特派团|支助团|援助团|观察团|维持和平部队|临时部队|混合行动|稳定团|建和办|综合办"
    r"|训练团|能力建设团|警察团|核查团|监测团|监督团|过渡团|特别法庭)"
)
# A mission named after the state that sends it or the one it serves, without the UN's name
# before it: ``X区域援助团``, a state's mission abroad ``X驻Y军事技术援助团``. Only a few
# words of a name may stand between (no particle, no conjunction: ``X境内的特派团`` names X).
# An office (``驻X办事处``) is not one: it stands in X, which the text names as a place.
STATE_MISSION = re.compile(
    rf"(?:驻[^\s，。；、()“”的和与及]{{1,12}}?)?[^\s，。；、()“”的和与及对向在为]{{0,6}}?{_MISSION_NOUN}"
)
# An armed group or a movement named after its country: ``X解放民主力量``, ``X人民解放运动``.
ARMED_GROUP = re.compile(
    r"(?:人民|全国|民族)?(?:解放|民主|爱国|革命|抵抗|救国|团结)[\u4e00-\u9fff]{0,4}?"
    r"(?:力量|阵线|运动|军|同盟|联盟)"
)
# A state's short name that is also the adjective of another state (``刚果`` is the Republic of
# the Congo, and "Congolese" of the Democratic Republic of the Congo: ``刚果武装部队``): the
# other state, and the names that tell the first one apart from it.
ADJECTIVE_OF = {"刚果": ("COD", ("刚果共和国", "刚果(布)", "刚果（布）", "刚果布", "布拉柴维尔"))}
LIST_GAP = re.compile(r"^\s*[、，,和及与]\s*$")
# The title of a document, a treaty or a strategy (``《…战略》``): a state in it is the
# title's word, not a country the text names.
TITLE = re.compile(r"《[^《》\n]{1,80}》")
_WINDOW_STOP = re.compile(r"[。；！？\n]")
DOTTED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}·")
# The end of a line that a name may run on from: its last few Chinese characters before the break.
LINE_TAIL = re.compile(r"([\u4e00-\u9fff]{1,8})[ \t\u3000]*\n[ \t\u3000]*$")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A name found in the text: ``kind`` is ``state``, ``org`` or ``place``."""

    key: str  # ISO alpha-3 or the organisation's key; the place itself
    kind: str
    start: int
    end: int


@cache
def state_names(members_only: bool = False) -> dict[str, str]:
    """Every Chinese name of a state -> ISO alpha-3 (observers too unless ``members_only``),
    former names (``阿拉伯利比亚民众国``) included."""
    out: dict[str, str] = {}
    for state in load_states():
        if members_only and not state.is_member:
            continue
        for name in (*state.names_zh, state.formal_zh):
            out.setdefault(name, state.iso3)
    known = set(out.values()) | {old.iso3 for old in historical_states()}
    for name, iso3 in segment.former_names().items():
        if iso3 in known:
            out.setdefault(name, iso3)
    return out


@cache
def _member_keys() -> frozenset[str]:
    return frozenset(state_names(members_only=True).values())


@cache
def _names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for place in segment.places():
        names[place] = (place, "place")
    for org in load_organizations():
        for name in org.names_zh:
            names.setdefault(name, (org.key, "org"))
    for name, iso3 in state_names().items():
        names.setdefault(name, (iso3, "state"))
    return names


@cache
def _pattern() -> re.Pattern[str]:
    """Every name, the longest that fits at each position first: as a trie of alternatives.
    Why a trie: a flat alternation of the 600 names, longest first, makes ``re`` try each of
    them in turn at every position where one could begin; the trie tries one character at a
    time, and its optional tails, greedy, still give the longest name."""
    return re.compile(trie_pattern(_names()))


def find_names(text: str) -> list[NameMatch]:
    """Every state, organisation and place name, leftmost-longest, in order."""
    names = _names()
    out = []
    for m in _pattern().finditer(text):
        key, kind = names[m.group()]
        out.append(NameMatch(key, kind, m.start(), m.end()))
    return out


def find_states(text: str, members_only: bool = True) -> list[NameMatch]:
    """States named as countries: not inside an organisation's, a mission's or a word's name."""
    names = _rejoin_broken(text, find_names(text))
    missions = [(m.start(), m.end()) for m in MISSION.finditer(text)]
    missions += [(m.start(), m.end()) for m in UN_OPERATION.finditer(text)]
    missions += [(m.start(), m.end()) for m in TITLE.finditer(text)]
    missions += _named_after_states(text, names)
    covered = _covered(missions)
    members = _member_keys()
    out = []
    common: list[NameMatch] = []
    for match in names:
        if match.kind != "state":
            continue
        if members_only and match.key not in members:
            continue
        if covered(match.start, match.end):
            continue
        if _in_dotted_name(text, match.start, match.end):
            continue
        if _on_word_boundaries(text, match.start, match.end):
            if _inside_common_word(text, match.start, match.end):
                common.append(match)
            else:
                out.append(match)
    return _adjectives(text, _rescue_listed(text, out, common))


def _covered(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span lies inside one of ``spans``. Why sorted starts and the furthest end
    reached so far: each name then costs a bisect, where a scan of every mission for every
    name made a long text's extraction quadratic."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))

    def covers(start: int, end: int) -> bool:
        index = bisect_right(starts, start)
        return index > 0 and reach[index - 1] >= end

    return covers


def _rescue_listed(text: str, states: list[NameMatch], common: list[NameMatch]) -> list[NameMatch]:
    """Short names read across a common word that stand in a list with a state
    (``印度和约旦``: ``和约`` is "peace treaty", but the name joined by ``和`` to another state is
    the country): the list settles the reading the general dictionary cannot."""
    out = list(states)
    for match in common:
        merged = sorted([*states, match], key=lambda s: s.start)
        if _listed(text, merged, merged.index(match)):
            out.append(match)
    return sorted(out, key=lambda s: s.start)


def _rejoin_broken(text: str, names: list[NameMatch]) -> list[NameMatch]:
    """Names read again across a line break the normalised text kept.

    A PDF may break a name so that its rest is another name (``索`` + ``马里问题``): the match at
    the line's start is then the longer name's tail, not a name of its own. The longer name
    replaces it (a state is counted as that state, an organisation's name hides the state)
    when the line's end and the next line read together cut the text at both of its ends."""
    out: list[NameMatch] = []
    for match in names:
        joined = _joined_name(text, match)
        if joined is None:
            out.append(match)
            continue
        out = [m for m in out if m.end <= joined.start]
        out.append(joined)
    return out


def _joined_name(text: str, match: NameMatch) -> NameMatch | None:
    """The longer name that ``match``, at a line's start, is the rest of, if any."""
    tail = LINE_TAIL.search(text, max(0, match.start - 16), match.start)
    if tail is None:
        return None
    names = _names()
    line_end = match.start + 16
    stop = _WINDOW_STOP.search(text, match.start)
    if stop:
        line_end = min(line_end, stop.start())
    rest = text[match.start : line_end]
    chars = tail.group(1)
    size = match.end - match.start
    for i in range(1, len(chars) + 1):
        head = chars[-i:]
        for k in range(len(rest), size - 1, -1):
            name = head + rest[:k]
            if name in names and _joined_on_boundaries(chars, rest, i, len(name)):
                key, kind = names[name]
                return NameMatch(key, kind, tail.start(1) + len(chars) - i, match.start + k)
    return None


def _joined_on_boundaries(tail: str, rest: str, i: int, size: int) -> bool:
    """Does jieba cut ``tail + rest`` before its last ``i`` tail characters and after the name
    of ``size`` characters that starts there?"""
    joined = tail + rest
    start = len(tail) - i
    edges = segment.boundaries(joined)
    return start in edges and start + size in edges


def _adjectives(text: str, states: list[NameMatch]) -> list[NameMatch]:
    """``刚果`` in a text about the Democratic Republic of the Congo that never names the
    Republic of the Congo apart is the adjective "Congolese" (``刚果和外国武装团体``) unless it
    stands in a list of states (``阿根廷、刚果、丹麦``): the other state, not the Republic."""
    out = []
    for i, match in enumerate(states):
        short = text[match.start : match.end]
        other = ADJECTIVE_OF.get(short)
        if other is not None and not _listed(text, states, i):
            key, apart = other
            if any(s.key == key for s in states) and not any(name in text for name in apart):
                match = NameMatch(key, match.kind, match.start, match.end)
        out.append(match)
    return out


def _listed(text: str, states: list[NameMatch], i: int) -> bool:
    """Does the i-th state stand next to another in a list (``、``, ``和``, ``及``)?"""
    before = states[i - 1] if i else None
    after = states[i + 1] if i + 1 < len(states) else None
    return bool(
        (before and LIST_GAP.match(text[before.end : states[i].start]))
        or (after and LIST_GAP.match(text[states[i].end : after.start]))
    )


def _named_after_states(text: str, names: list[NameMatch]) -> list[tuple[int, int]]:
    """The spans of missions and armed groups named after a state (see ``STATE_MISSION`` and
    ``ARMED_GROUP``): the state's name is the first word of a proper name there."""
    out = []
    for match in names:
        if match.kind != "state":
            continue
        found = STATE_MISSION.match(text, match.end) or ARMED_GROUP.match(text, match.end)
        if found:
            out.append((match.start, found.end()))
    return out


def _inside_common_word(text: str, start: int, end: int) -> bool:
    """Is a two-character state name read across a more common word of the general language?

    The domain dictionary makes every state name win jieba's cut, so ``中非`` (the Central
    African Republic) wins inside ``冲突中非法`` and ``海地`` inside ``加勒比海地区``. A short name
    whose first or last character starts or ends a word (``非法``, ``地区``) more common than the
    name itself is that word's part, not a state, when the general dictionary alone cuts the
    clause inside the name (``中/非法``; but ``南非/常驻``, not ``南/非常/驻``)."""
    if end - start != 2:
        return False
    own = segment.base_freq(text[start:end])
    for size in (2, 3):
        after = text[end - 1 : end - 1 + size]
        before = text[max(0, start + 1 - size) : start + 1]
        if any(len(w) == size and segment.base_freq(w) > max(own, 100) for w in (after, before)):
            left = max(0, start - 8)
            stop = _WINDOW_STOP.search(text, end)
            right = min(stop.start() if stop else len(text), end + 8)
            return start + 1 - left in segment.base_boundaries(text[left:right])
    return False


def _in_dotted_name(text: str, start: int, end: int) -> bool:
    """Part of a transliterated name (``马里奥·德拉吉``): a dot right before the match, or after
    it within the same short name part."""
    if start and text[start - 1] == "·":
        return True
    return bool(DOTTED_AFTER.match(text, end))


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Does jieba, with the domain dictionary, cut the text at both ends of the match?"""
    left = max(0, start - 12)
    stop = _WINDOW_STOP.search(text, end)
    right = min(stop.start() if stop else len(text), end + 12)
    edges = segment.boundaries(text[left:right])
    if (start - left) not in edges:
        return False
    return (end - left) in edges or _organ_after(text, end, left, edges)


def _organ_after(text: str, end: int, left: int, edges: frozenset[int]) -> bool:
    """A name joined by jieba to one of its state's organs (``西班牙政府``, ``日本国会``): the
    whole word still names the state, so the name's end counts as a boundary."""
    for organ in segment.state_organs():
        if text.startswith(organ, end) and (end + len(organ) - left) in edges:
            return True
    return False


@lru_cache(maxsize=8)
def first_state(text: str) -> NameMatch | None:
    """The first state named in a short text such as a title (``越南常驻联合国代表``); kept
    for the few texts asked last, since one letter asks of its title and signature again and
    again. Eight entries, not thousands: a cache that outlived the document would answer the
    next documents' recurring titles from memory, a gain no new document sees."""
    states = find_states(text, members_only=False)
    return states[0] if states else None
