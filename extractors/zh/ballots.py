"""Ballots: the drafts put to the vote one after the other in one meeting record.

Why a ballot is a span of the text: a record may hold several votes (a draft rejected, then
another adopted). Each show-of-hands block, each tally and each statement after it belongs to
the draft named in the sentence that put it to the vote (``我现在将文件S/2022/541所载决议草案
付诸表决``), and to a resolution only when its own span says the draft became one
(``成为第2642(2022)号决议``); a rejected draft's votes keep ``resolution`` empty. A record with one
vote has no ballots here: its votes take the document's draft and resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unsckg.extractors import patterns
from unsckg.extractors.document import Context

PUT_TO_VOTE = re.compile(r"付诸表决")
DRAFT_SYMBOL = re.compile(r"S/\d{4}/\d+")
# The symbol that the sentence calls the draft (``决议草案(S/2021/371)``, ``文件S/2022/541所载决议
# 草案``, ``载于文件S/2001/52的决议草案``), not another document it cites on the way (``按照…的信
# (S/2020/253)所述书面程序``).


def printed_in(group: str) -> str:
    """``载于文件S/2001/52的决议草案``: the draft said to be printed in a document, its symbol in
    the named ``group``."""
    return rf"载于\s*(?:文件)?\s*(?P<{group}>S/\d{{4}}/\d+)\s*(?:号文件)?(?:中)?的\s*决议草案"


NAMED_DRAFT = re.compile(
    r"决议草案\s*\(?\s*(?P<after>S/\d{4}/\d+)|(?P<before>S/\d{4}/\d+)\s*\)?\s*(?:号文件)?所载(?:的)?决议草案"
    rf"|{printed_in('within')}"
)
# ``决议草案以全票获得通过，成为第 2505(2020)号决议``; the written procedure may put the date
# of adoption (and the Council) between: ``成为 2020 年 5 月 29 日安全理事会第 2521(2020)号决议``
BECOMES = re.compile(
    r"(?:成为|作为)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*"
    r"(?:安全理事会|安理会)?\s*第\s*(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)\s*号决议"
)
NOT_ADOPTED = re.compile(r"未获?通过|没有通过")


@dataclass(frozen=True, slots=True)
class Ballot:
    """One draft put to the vote: clean ``[start, end)`` up to the next ballot."""

    start: int
    end: int
    draft: str
    resolution: str | None


def ballots(ctx: Context) -> list[Ballot]:
    """The ballots of a text that puts two or more different drafts to the vote, else ``[]``."""
    puts: list[tuple[int, str]] = []
    for m in PUT_TO_VOTE.finditer(ctx.text):
        start, _ = ctx.sentence_bounds(m.start())
        symbol = _put_draft(ctx, start, m.start())
        if symbol and all(symbol != draft for _, draft in puts):
            puts.append((start, symbol))
    if len(puts) < 2:
        return []
    out = []
    for i, (start, draft) in enumerate(puts):
        end = puts[i + 1][0] if i + 1 < len(puts) else len(ctx.text)
        out.append(Ballot(start, end, draft, _became(ctx, start, end)))
    return out


def _put_draft(ctx: Context, start: int, end: int) -> str | None:
    """The draft a sentence puts to the vote: the last symbol it names as a draft, else the last
    symbol it names (``我现在将S/2022/541付诸表决``)."""
    named = [
        m["after"] or m["before"] or m["within"] for m in NAMED_DRAFT.finditer(ctx.text, start, end)
    ]
    if named:
        return named[-1]
    symbols = DRAFT_SYMBOL.findall(ctx.text, start, end)
    return symbols[-1] if symbols else None


def _became(ctx: Context, start: int, end: int) -> str | None:
    """The resolution that the ballot's draft became, if its span says so."""
    for m in BECOMES.finditer(ctx.text, start, end):
        s_start, s_end = ctx.sentence_bounds(m.start())
        if not NOT_ADOPTED.search(ctx.text[s_start:s_end]):
            return patterns.res_key(m["number"], m["year"])
    return None


def ballot_at(found: list[Ballot], pos: int) -> Ballot | None:
    """The ballot that clean offset ``pos`` falls in: the last one put before it."""
    current = None
    for ballot in found:
        if ballot.start <= pos:
            current = ballot
    return current
