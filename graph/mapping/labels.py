"""``rdfs:label`` in Chinese and English for the nodes users see, made from their keys.

Why from the structured values and not from the text: a label names the thing the same way in
every document and in both languages (a meeting is "8701st meeting, 2020-01-13" whatever
language the record is in), so a node gets one label per language, not one per document. A
document's label is its symbol (never its file name); a name in Latin script is never ``@zh``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import URIRef
from unsckg.graph.mapping.terms import RDFS, SKOS, lang
from unsckg.ontology.states import historical_states, states_by_iso3

if TYPE_CHECKING:  # the context imports the deferred resolver, which imports this module
    from unsckg.graph.mapping.context import MappingContext

_CJK = re.compile(r"[\u3400-\u9fff]")
VALUE_NAMES = {
    "yes": ("in favour", "赞成"),
    "no": ("against", "反对"),
    "abstain": ("abstention", "弃权"),
    "absent": ("absent", "缺席"),
}


def name_language(name: str, language: str) -> str:
    """The tag of a person's name: ``zh`` only for a name written in Chinese characters."""
    if _CJK.search(name):
        return "zh"
    return "en" if language == "zh" else language


def state_names(iso3: str) -> tuple[str, str]:
    """A state's English and Chinese short names (its code where unknown)."""
    state = states_by_iso3().get(iso3)
    if state is not None:
        return state.name_en, state.name_zh
    for old in historical_states():
        if old.iso3 == iso3:
            return old.name_en, old.name_zh
    return iso3, iso3


def label(ctx: MappingContext, subject: URIRef, english: str, chinese: str) -> None:
    ctx.add(subject, RDFS.label, lang(english, "en"))
    ctx.add(subject, RDFS.label, lang(chinese, "zh"))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def meeting_labels(ctx: MappingContext, iri: URIRef, date: str, number: str | None) -> None:
    if number and number.isdigit():
        label(ctx, iri, f"{_ordinal(int(number))} meeting, {date}", f"第{number}次会议，{date}")
    else:
        label(ctx, iri, f"Security Council meeting, {date}", f"安全理事会会议，{date}")


def resolution_labels(ctx: MappingContext, iri: URIRef, number: int, year: int | None) -> None:
    """With its year, by a document that adopts or votes on it (``Resolution 2505 (2020)``);
    by number alone, as a ``skos:altLabel``, by a citation, whose year is the citing text's
    and may be misprinted: a citation must not make a resolution a second name."""
    if year is None:
        ctx.add(iri, SKOS.altLabel, lang(f"Resolution {number}", "en"))
        ctx.add(iri, SKOS.altLabel, lang(f"第{number}号决议", "zh"))
        return
    label(ctx, iri, f"Resolution {number} ({year})", f"第{number} ({year})号决议")


def document_labels(ctx: MappingContext, iri: URIRef, symbol: str, draft: bool) -> None:
    """A document's label is its symbol in both languages; a draft is also named as one
    (``skos:altLabel``), since a citing document may know the same node only as a document."""
    label(ctx, iri, symbol, symbol)
    if draft:
        ctx.add(iri, SKOS.altLabel, lang(f"Draft resolution {symbol}", "en"))
        ctx.add(iri, SKOS.altLabel, lang(f"决议草案 {symbol}", "zh"))


def subject_name(draft: str | None, resolution: str | None) -> str:
    """What a vote is about, as labels show it: the draft's symbol, else the resolution."""
    return draft or (f"resolution {resolution}" if resolution else "an unnamed draft")


def vote_labels(ctx: MappingContext, iri: URIRef, state: str, value: str, about: str) -> None:
    en, zh = state_names(state)
    value_en, value_zh = VALUE_NAMES.get(value, (value, value))
    label(ctx, iri, f"{en}: {value_en} on {about}", f"{zh}：{value_zh}（{about}）")


def tally_labels(
    ctx: MappingContext, iri: URIRef, counts: tuple[int, int, int], about: str
) -> None:
    yes, no, abstain = counts
    label(
        ctx,
        iri,
        f"Vote on {about}: {yes} in favour, {no} against, {abstain} abstentions",
        f"{about} 表决：{yes}票赞成、{no}票反对、{abstain}票弃权",
    )


def presidency_labels(ctx: MappingContext, iri: URIRef, year: int, month: int) -> None:
    label(
        ctx,
        iri,
        f"Presidency of the Security Council, {year}-{month:02d}",
        f"{year}年{month}月安全理事会主席",
    )
