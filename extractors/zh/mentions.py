"""Mentions: states named as countries, resolutions cited, other documents cited.

Why link lines count: the ``https://undocs.org/...`` lines that normalisation removes from the
text are the document's own hyperlinks to what it cites; they are read here from ``links``.
"""

from __future__ import annotations

import re

from unsckg.extractors import patterns
from unsckg.extractors.document import Context
from unsckg.extractors.facts import Evidence, Mention
from unsckg.extractors.found import Found
from unsckg.extractors.wordings import load_wordings
from unsckg.extractors.zh.slots import ZH_SLOTS

# States named otherwise than by their names, and names that are not the country's:
# ``wordings/mentions.toml``.
WORDINGS = load_wordings("unsckg.extractors.zh", "mentions", ZH_SLOTS)

# A web copy's licence footer (Wikisource's ``本作品来自联合国官方文件…根据ST/AI/189/Add.9/Rev.2``)
# is the page's, not the document's: what it cites is no citation of the document.
# A page may keep it in traditional script though its body is simplified.
LICENCE_FOOTER = re.compile(r"^本作品[来來]自[联聯]合[国國]官方文件", re.MULTILINE)
UNDOCS = re.compile(r"undocs\.org/(?:[a-z]{2}/)?(?P<symbol>[A-Za-z]+(?:/[\w.()]+)+)")


Mentions = dict[str, Mention]


def extract(ctx: Context, found: Found) -> Found:
    """States named, then resolutions and documents cited in the text and in its links, in
    the order of the text (the first mention is the evidence)."""
    states = _states(ctx)
    resolutions = _resolutions(ctx, found)
    documents = _documents(ctx, found.symbol)
    _linked(ctx, found.symbol, resolutions, documents)
    own = patterns.RES_SYMBOL.fullmatch(found.symbol or "")
    if own:
        key = patterns.res_key(own[1], own[2])
        resolutions.setdefault(key, Mention(key, found.evidence.get("symbol")))
    return found.but(
        states_mentioned=tuple(states.values()),
        resolutions_cited=tuple(resolutions.values()),
        documents_cited=tuple(documents.values()),
    )


def _states(ctx: Context) -> Mentions:
    """States named as countries, by name or by a pair of standard abbreviations (``英、阿
    双方``), in the order of the text; a name inside a post's name (``叙利亚问题联合特别代表``)
    names the post."""
    named = [
        (match.start, match.key, match.end)
        for match in ctx.states
        if WORDINGS["post_after_state"].match(ctx.text, match.end) is None
    ]
    for hit in WORDINGS["abbreviated_pair"].finditer(ctx.text):
        named += [(hit.start, key, hit.end) for key in (hit.value or "").split()]
    states: Mentions = {}
    for start, key, end in sorted(named, key=lambda item: item[0]):
        if key not in states:  # the first mention is the evidence: the others cost nothing
            states[key] = Mention(key, ctx.evidence(start, end))
    return states


def _resolutions(ctx: Context, found: Found) -> Mentions:
    """Resolutions named in the text, and those it reports adopted though by their number
    alone (``第2812号决议``)."""
    out: Mentions = {}
    for ref in ctx.resolution_refs:
        if ref.value not in out:
            out[ref.value] = Mention(ref.value, ctx.evidence(ref.start, ref.end))
    for adopted in found.resolutions:
        if adopted.year is None:
            continue  # cited as ``NUMBER(YEAR)``: a page that never states the year cites none
        out.setdefault(adopted.key, Mention(adopted.key, adopted.evidence))
    return out


def _documents(ctx: Context, own: str | None) -> Mentions:
    """Other documents cited in the body: not the document itself, nor the licence footer."""
    footer = LICENCE_FOOTER.search(ctx.text)
    body = ctx.text[: footer.start()] if footer else ctx.text
    out: Mentions = {}
    for cited in patterns.cited_symbols(body):
        if cited.value != own and cited.value not in out:
            out[cited.value] = Mention(cited.value, ctx.evidence(cited.start, cited.end))
    return out


def _linked(ctx: Context, own: str | None, resolutions: Mentions, documents: Mentions) -> None:
    """Adds what the document's ``undocs.org`` links cite."""
    for link in ctx.norm.links:
        m = UNDOCS.search(link.url)
        if not m:
            continue
        evidence = Evidence(link.start, link.end, link.url)
        symbol = m["symbol"]
        res = patterns.RES_SYMBOL.fullmatch(symbol)
        if res:
            key = patterns.res_key(res[1], res[2])
            resolutions.setdefault(key, Mention(key, evidence))
        elif patterns.SYMBOL.fullmatch(symbol) and symbol != own:
            documents.setdefault(symbol, Mention(symbol, evidence))
