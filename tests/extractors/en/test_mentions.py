"""English mentions across line breaks: a state's long name and a symbol broken by a PDF line.

Why: the real record S/PV.8701 prints ``United Kingdom of Great Britain and`` / ``Northern
Ireland`` over two lines, and the part after the break was read as Ireland; S/PV.8699 prints
``(see A/74/`` / ``PV.3)``. Synthetic letters, one wording each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unsckg.extractors.en.mentions import RESOLUTION_REF, resolution_refs
from unsckg.extractors.en.names import states_in
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_text

HEAD = (
    "United Nations S/2021/100\nSecurity Council Distr.: General\n1 February 2021\n"
    "Original: English\nLetter dated 29 January 2021 from the Permanent Representative of "
    "Viet Nam to the United Nations addressed to the President of the Security Council\n"
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("submitted by the United Kingdom of Great Britain and\nNorthern Ireland.", ["GBR"]),
        (
            "Tunisia, United Kingdom of Great\nBritain and Northern Ireland, Viet Nam",
            ["TUN", "GBR", "VNM"],
        ),
        ("the Republic of\nKorea and Ireland", ["KOR", "IRL"]),
        ("Ireland and South\n\nAfrica", ["IRL", "ZAF"]),
    ],
)
def test_a_name_broken_over_lines_is_one_state(text: str, codes: list[str]) -> None:
    assert [s.iso3 for s in states_in(text)] == codes


def test_the_part_after_the_break_is_not_a_state_mentioned() -> None:
    body = (
        "The draft submitted by the United Kingdom of Great Britain and\nNorthern Ireland failed.\n"
    )
    facts = extract_text(HEAD + body, "letter.en.txt")
    mentioned = {m.value: m.evidence.quote for m in facts.states_mentioned}
    assert "IRL" not in mentioned
    assert mentioned["GBR"] == "United Kingdom of Great Britain and\nNorthern Ireland"


@pytest.mark.parametrize(
    ("cited", "symbol"),
    [
        ("(see A/74/\nPV.3).", "A/74/PV.3"),
        ("(see S/PV.\n8699).", "S/PV.8699"),
        ("in S/\n2020/27.", "S/2020/27"),
    ],
)
def test_a_symbol_broken_at_a_line_end_is_cited_whole(cited: str, symbol: str) -> None:
    facts = extract_text(HEAD + f"We recall the statement\n{cited}\n", "letter.en.txt")
    cited_symbols = {m.value: m.evidence.quote for m in facts.documents_cited}
    assert symbol in cited_symbols
    assert cited_symbols[symbol].replace("\n", "") == symbol


def test_states_found_are_a_fresh_list_each_time() -> None:
    """The states of the last text are kept (three kinds ask): callers get their own list."""
    text = "Viet Nam and Ireland"
    first = states_in(text)
    first.clear()
    assert [s.iso3 for s in states_in(text)] == ["VNM", "IRL"]


REF_PIECES = ["resolution", "resolutions", "xresolution", "resolution ", "12", " (2020)", "(1946)"]
REF_PIECES += [", ", " and ", "\t", "\n", "é", " ", "s", "1 (1946) and 2 (1947)", "\x1c"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(REF_PIECES), max_size=16).map("".join))
def test_the_resolutions_cited_are_those_finditer_finds(text: str) -> None:
    """``mentions.resolution_refs`` tries ``RESOLUTION_REF`` only where the one pass lists
    ``resolution``: the matches of its ``finditer``, none more, none fewer."""
    assert [m.span() for m in resolution_refs(text)] == [
        m.span() for m in RESOLUTION_REF.finditer(text)
    ]


REAL_ENGLISH = sorted((Path(__file__).parents[2] / "data").glob("real-en-*/**/*.en.txt"))


@pytest.mark.parametrize("path", REAL_ENGLISH, ids=lambda p: p.name)
def test_the_resolutions_cited_in_a_real_text_are_those_finditer_finds(path: Path) -> None:
    for text in (raw := path.read_text(encoding="utf-8"), normalise(raw).text):
        assert [m.span() for m in resolution_refs(text)] == [
            m.span() for m in RESOLUTION_REF.finditer(text)
        ]
