"""Briefer items: one entry of a briefer list -> a title, a name, an organisation, a mark.

Why apart from the layouts (``briefers.py``, ``briefer_tables.py``): whatever the list looks
like, an entry is written in a few orders: post then name (``秘书长安东尼奥·古特雷斯``), post and
name around a colon (``秘书长：安东尼奥·古特雷斯``), name first (``安东尼奥·古特雷斯，秘书长``,
``安东尼奥·古特雷斯(秘书长)``), or a post alone (``秘书长(待定)``). Entries are brought to the
first order before the title and the name are told apart. The labels before items (bullets,
numbers) are here too, as both the list reader and the flattened-table reader know them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from unsckg.extractors import gazetteer, patterns, segment
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Briefer, Evidence
from unsckg.extractors.zh import people
from unsckg.ontology.organizations import organizations_by_key

# A mark with an adverb before it (``(尚待确认)``, ``(仍待定)``) or the word for what is pending
# (``(人选待定)``, ``(具体人选尚待确认)``, ``(姓名待定)``): the same mark as ``(待确认)``.
MARK_ADVERB = re.compile(
    r"(?<=[(（])\s*(?:(?:具体)?人选|姓名|名单|人员)?\s*(?:尚|仍|还|有)?"
    rf"(?={people.PENDING}\s*[)）])"
)
# What a letter says about a briefer after the name, up to the next entry: a clause of its own
# opened by a pronoun (``…女士，她将介绍…；``, ``…先生，他还将…``). It is no part of the entry.
ASIDE = re.compile(
    r"[，,]\s*(?:她|他|其|该人|此人)们?(?:还|也|亦|随后|届时)?(?:将|会|拟|负责|主要)[^；;。\n()（）]*"
)
# A mark followed by a remark in the same parenthesis (``(待确认，将通过视频连线发言)``).
MARK_REMARK = re.compile(
    rf"(?P<mark>[(（]\s*{people.PENDING})(?P<remark>[，,；;][^()（）\n]*)[)）]"
)
TENTATIVE_END = re.compile(rf"\((?:{people.MARKS})\)\s*[。；;]?\s*$")
VAGUE = re.compile(r"几|一位|多位|若干|一名|数名|其他|等$|代表$|专家$|人士$")
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Longer than a Chinese or Japanese name written without ``·`` (at most five characters).
HAN_LONG = re.compile(r"[\u4e00-\u9fff]{6,}")
# Words that end a post written after another post (``秘书长代表``, ``主席特使``) and that the
# name reader, seeing a known post before them, would take for a short name.
POST_WORD = re.compile(r"代表团|代表|特使|使者|人士|成员")
HAN_HONORED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,5})(?:先生|女士|夫人)")
# ``(一名)民间社会代表``: a representative of a named body or group, the count word dropped
DELEGATE = re.compile(
    r"(?:一名|一位)?(?P<post>(?!其他|若干|几|多|数|各|一)[^\s，,、：:()]{2,24}代表)"
)
# A post is a noun phrase: a comma or a full stop in it makes it a clause of running text
# (``会议结束后，安理会将通过一项决议`` is no briefer).
# A verb of what is planned does not stand in a post either (``安理会拟发表主席声明``), nor the
# President's words giving the floor (``主席：现在请秘书长作通报``).
CLAUSE = re.compile(
    r"[，,。]|(?:拟|将|预计|计划|打算)(?:于|在|发表|通过|举行|作|向)|(?:现在|我|谨)请"
)
OWN_MARK = re.compile(rf"(?:先生|女士|阁下|夫人)\s*\((?:{people.MARKS})\)\s*[。；;]?\s*$")
# Words of running text that a name read after a post never holds.
PROSE_NAME = re.compile(r"发言|讨论|随后|之后|其后|然后")
# Ranks that follow a name as a courtesy title, as 先生 does (``宋某法官``, ``X·Y将军``).
COURTESY = re.compile(r"(?:法官|将军|主教|议员)$")
COLON = re.compile(r"^(?P<first>[^：:]{2,60})[：:]\s*(?P<second>[^：:]{2,60})$")
NAME_COMMA = re.compile(r"^(?P<first>[^，,()]{2,40})[，,]\s*(?P<second>[^，,]{2,80})$")
NAME_PAREN = re.compile(r"^(?P<first>[^()]{2,40})\((?P<second>[^()]{2,60})\)(?P<rest>.*)$")
# Item labels: digits, letters, Chinese numerals, roman numerals (``(iv)``), the heavenly stems
# of Chinese lettered lists (``甲、乙、丙``) and circled numbers (``①``).
CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))
_CIRCLED_RANGE = f"{CIRCLED[0]}-{CIRCLED[-1]}"
_LABEL = (
    rf"[a-z\d]{{1,2}}|[ivx]{{1,5}}|[IVX]{{1,5}}|[一二三四五六七八九十]{{1,3}}|[{patterns.STEMS}]"
)
# A bullet, or a label with its brackets or its stop (``(1)``, ``iv.``, ``乙、``, ``③``).
BULLET = re.compile(
    rf"^(?:[•●▪■◆·\-–—*]|(?P<label>[(（]?(?:{_LABEL})[)）]|(?:{_LABEL})[.、]|[{_CIRCLED_RANGE}]))\s*"
)


def bullet_label(bullet: re.Match[str] | None) -> str | None:
    """The label of a ``BULLET`` match without its brackets or stop (``(2)`` -> ``2``); ``None``
    for a plain bullet (a dash, a dot)."""
    label = bullet["label"] if bullet else None
    return label.strip("()（）.、") if label else None


class _NoList(Exception):
    """A piece that is no entry: the text is not a list of briefers."""


def parse_items(
    ctx: Context, text: str, offset: int, split_and: bool = False, shared_mark: bool = True
) -> list[Briefer]:
    """``A/B(待定)`` or ``A、B和C`` -> briefers; an unparseable item rejects the whole line."""
    text = ASIDE.sub(lambda m: " " * len(m[0]), plain_marks(text))
    tentative_all = _mark_shared(text, shared_mark)
    body = (TENTATIVE_END.sub("", text) if tentative_all else text).strip().rstrip("。；;")
    separators = r"[/／、；;]" + (r"|，?以及|和(?!平)|，" if split_and else "")
    out: list[Briefer] = []
    try:
        for piece, start in _entries(body, separators):
            for part, at in _split_and(piece):
                briefer = _item(ctx, part, offset + start + at, tentative_all)
                if briefer is None:
                    continue
                if out and _name_then_post(out[-1], briefer):
                    # ``古特雷斯，秘书长`` cut at the comma: one person, written name first
                    first = out.pop()
                    evidence = _joined(ctx, first, briefer)
                    briefer = replace(briefer, name=first.name, evidence=evidence)
                out.append(briefer)
    except _NoList:
        return []
    return out


def _mark_shared(text: str, shared_mark: bool) -> bool:
    """A mark after a list joined by 、 or / is the whole list's (``shared_mark``, the mark
    after the verb: ``A、B通报(待确认)``); after items ended by ； it is the last item's own.
    A mark right after an honorific is the person's own (``A先生和B女士(待确认)``)."""
    return (
        shared_mark
        and bool(TENTATIVE_END.search(text))
        and not re.search("[；;]", text)
        and not OWN_MARK.search(text)
    )


def _entries(body: str, separators: str) -> list[tuple[str, int]]:
    """The entries of a list and their offsets. A piece that is neither a name nor a post is the
    first part of a post written with a separator inside (``国际货币基金组织战略、政策和审查部
    主任…``): it is joined to the next piece, and the joined post must end like a post."""
    out: list[tuple[str, int]] = []
    position = 0
    head, head_at = "", 0  # the first part of a post broken at a separator
    for piece in _pieces(body, separators):
        start = position
        position += len(piece)
        if re.fullmatch(separators, piece) or not piece.strip():
            head += piece if head else ""
            continue
        joined = bool(head)
        if joined:
            piece, start, head = head + piece, head_at, ""
        if _part_of_post(piece) and position < len(body):
            head, head_at = piece, start
            continue
        if joined and not ends_like_post(people.split_title_name(title_first(piece))[0]):
            raise _NoList(piece)
        out.append((piece, start))
    if head:
        raise _NoList(head)
    return out


def _item(ctx: Context, part: str, at: int, tentative_all: bool) -> Briefer | None:
    """One entry -> a briefer; ``None`` for a vague one (``几位专家``), ``_NoList`` for a piece
    of running text."""
    tentative = tentative_all or bool(people.TENTATIVE.search(part))
    title, name = split_entry(title_first(part))
    delegate = DELEGATE.fullmatch(title) if name is None else None
    title = delegate["post"] if delegate else title
    if not (title or name) or len(title) > 80 or (name is None and _vague(title)):
        return None
    if (name is None and not _is_post(title)) or CLAUSE.search(title):
        raise _NoList(part)
    if name is not None and PROSE_NAME.search(name):
        raise _NoList(part)  # ``安理会成员随后发言``: the sentence after a list, no entry
    evidence = ctx.evidence(at, at + len(part))
    return Briefer(name, title or None, organization(title), tentative, evidence)


def plain_marks(text: str) -> str:
    """``(尚待确认)`` -> ``( 待确认)`` and ``(待确认，将远程发言)`` -> ``(待确认)`` and blanks: the
    mark alone, as the entry parsers know it. Words are blanked, not removed, so that offsets
    into the document (the evidence) stay those of the printed entry."""
    text = MARK_ADVERB.sub(lambda m: " " * len(m[0]), text)
    return MARK_REMARK.sub(lambda m: m["mark"] + ")" + " " * len(m["remark"]), text)


def split_entry(entry: str) -> tuple[str, str | None]:
    """``people.split_title_name``, and a rank written after the name as a courtesy title
    (``最高法院院长张某法官``, ``部队指挥官X·Y将军``) dropped: the post is the one before the
    name. A rank alone or after a post only (``上诉法院法官``) stays the post; so does a post
    word after a post (``秘书长代表``). A Chinese or Japanese name alone with its courtesy
    title (``王某女士``, its post on another line) is a name, not a post."""
    title, name = people.split_title_name(entry)
    if name is not None and (inner := _post_in_name(name)) is not None:
        title, name = title + inner[0], inner[1]
    core = people.TENTATIVE.sub("", entry).strip(" 。；;，,")
    if name is not None and (moved := _post_word_moved(title, name)) is not None:
        return moved
    if name is None and (alone := _han_name_alone(core)):
        return "", alone
    rank = COURTESY.search(core)
    if rank is None or rank.start() == 0:
        return title, name
    before, rest = people.split_title_name(core[: rank.start()])
    if rest and before:
        return before, rest
    return title, name


def _post_in_name(name: str) -> tuple[str, str] | None:
    """``音乐家联盟理事长山本花子`` -> (``音乐家联盟理事长``, ``山本花子``): a post cut too early
    (after a first word ending like a post, ``音乐家``) leaves the rest of the post in front
    of the name. A Chinese or Japanese name without ``·`` has at most five characters; a longer
    one that itself reads as a post and a name is split again. ``None`` when it is no such run."""
    if "·" in name or not HAN_LONG.fullmatch(name):
        return None
    post, rest = people.split_title_name(name)
    if not post or rest is None or not ends_like_post(post):
        return None
    return post, rest


def _post_word_moved(title: str, name: str) -> tuple[str, str | None] | None:
    """``秘书长`` + ``代表张三`` -> ``秘书长代表`` + ``张三``: a post word read as the start of the
    name goes back to the post; ``None`` when the name does not start with one."""
    word = POST_WORD.match(name)
    if word is None:
        return None
    rest = name[word.end() :].strip(" ·")
    if not rest:
        return title + name, None
    if len(rest) >= 2 and people.plausible_name(rest):
        return title + word[0], rest
    return None


def _han_name_alone(core: str) -> str | None:
    """``王某某先生`` -> ``王某某``: two to five characters (a Japanese name may have five)
    before ``先生``/``女士``/``夫人`` that are no post, body or place (``秘书长先生``,
    ``安理会女士`` are none)."""
    m = HAN_HONORED.fullmatch(core)
    if m is None:
        return None
    name = m["name"]
    if ends_like_post(name) or DELEGATE.fullmatch(name) or not people.plausible_name(name):
        return None
    return None if gazetteer.find_names(name) else name


def _part_of_post(piece: str) -> bool:
    """``国际货币基金组织战略``: no name, no post, no mark, as a post's first part is."""
    title, name = people.split_title_name(title_first(piece))
    return (
        name is None
        and not people.TENTATIVE.search(piece)
        and not _is_post(title)
        and not _vague(title)
        and not CLAUSE.search(title)
        and len(title) <= 30
    )


def ends_like_post(title: str) -> bool:
    """A post ends with a known title (``专员``) or a post's last character (``主任``, ``行长``)."""
    return any(title.endswith(t) for t in segment.titles()) or bool(
        people.POST_END.fullmatch(title[-1:])
    )


def _pieces(body: str, separators: str) -> list[str]:
    """The entries of a list and the separators between them; a name-first entry
    (``阿卜杜勒·穆萨，政治事务、和平与安全专员``) is one entry whatever its post contains."""
    whole = NAME_COMMA.match(body.strip())
    if whole and not re.search("[/／；;]", body) and name_and_post(whole["first"], whole["second"]):
        return [body]
    return re.split(f"({separators})", body)


def _joined(ctx: Context, first: Briefer, second: Briefer) -> Evidence | None:
    """Evidence from the start of ``first`` to the end of ``second``."""
    if first.evidence is None or second.evidence is None:
        return second.evidence
    start, end = first.evidence.start, second.evidence.end
    return Evidence(start, end, ctx.norm.original[start:end])


def _name_then_post(previous: Briefer, current: Briefer) -> bool:
    return previous.title is None and current.name is None and previous.name is not None


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


def _vague(title: str) -> bool:
    """``几位专家``, ``其他代表``: no briefer; ``民间社会代表`` is a post."""
    return bool(VAGUE.search(title)) and not DELEGATE.fullmatch(title)


def _is_post(title: str) -> bool:
    """A bare post stands for a briefer only when it ends with a known title (``秘书长``) or
    says whom the briefer represents (``非洲联盟代表``)."""
    known = any(title.endswith(t) for t in segment.titles())
    return (known or bool(DELEGATE.fullmatch(title))) and len(title) <= 30


def title_first(entry: str) -> str:
    """The entry with its post before its name: ``秘书长：古特雷斯``, ``古特雷斯，秘书长`` and
    ``古特雷斯(秘书长)`` -> ``秘书长古特雷斯``; other entries as they are."""
    m = COLON.match(entry.strip())
    if m:
        return m["first"] + m["second"]
    for pattern in (NAME_COMMA, NAME_PAREN):
        m = pattern.match(entry.strip())
        if m and name_and_post(m["first"], m["second"]):
            return m["second"] + m["first"] + (m["rest"] if pattern is NAME_PAREN else "")
    return entry


def name_and_post(first: str, second: str) -> bool:
    """``古特雷斯，秘书长``: a name written alone, then a post; a Chinese name (``张三``) is told
    from a post only by the known post after it."""
    if people.TENTATIVE.fullmatch(f"({second})"):
        return False
    post = people.TENTATIVE.sub("", second).strip()
    return _is_name(first) or (
        bool(HAN_NAME.fullmatch(first.strip())) and not _is_post(first) and _is_post(post)
    )


def _is_name(text: str) -> bool:
    """A name written alone: transliterated (with ``·``) or in Latin script."""
    core = people.HONORIFIC.sub("", text.strip())
    latin = people.LATIN_NAME.fullmatch(core)
    return bool(latin) or ("·" in core and people.plausible_name(core))
