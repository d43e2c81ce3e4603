"""The text layer of PDFs: a real meeting record keeps its symbols whole, and load + normalise
leave only the record's own text (no job numbers, barcodes, page numbers or running heads).

The record is the UN's own PDF of the 8701st meeting (``tests/data/real/README.md``); the
Chinese PDFs are made here (a CID font, as Council PDFs have) from a dev document, one of
them with the compatibility characters a broken font maps its glyphs to."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from unsckg.extractors.load import load_file
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_file

from .pdf_maker import make_cid_pdf, page_lines

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
RECORD = REAL / "S-PV-8701.en.pdf"
CHN_LETTER = "CHN-2021-05-05-letter.zh.txt"
# What a font that maps glyphs to compatibility characters gives: Kangxi radicals for 月 日 人
# 大 一, radicals of the Supplement for 长 门, a compatibility ideograph for 零 (U+F9B2).
KANGXI = str.maketrans(
    {"月": "⽉", "日": "⽇", "人": "⼈", "大": "⼤", "一": "⼀", "长": "⻓", "门": "⻔", "零": "零"}
)
# A symbol with white space inside it, as pypdf read this record (``S/ PV. 8701``).
BROKEN_SYMBOL = re.compile(r"S\s*/\s+\S|S\s+/|PV\.\s+\d|\d \d{3}\b(?= The situation)")


@pytest.fixture(scope="module")
def record_text() -> str:
    return load_file(RECORD).text


def test_record_symbols_are_whole(record_text: str) -> None:
    for symbol in ("S/PV.8701", "S/2019/823", "S/2020/27", "resolution 2505 (2020)"):
        assert symbol in record_text
    assert not BROKEN_SYMBOL.search(record_text), BROKEN_SYMBOL.search(record_text)


def test_record_text_has_no_pdfium_markers(record_text: str) -> None:
    assert "\r" not in record_text
    assert "\ufffe" not in record_text
    assert record_text.count("\f") == 1  # two pages


def test_record_running_head_is_one_line(record_text: str) -> None:
    lines = record_text.splitlines()
    assert "S/PV.8701 The situation in the Middle East 13/01/2020" in lines
    assert "2/2 20-00899" in lines


def test_record_normalised_is_the_record_only(record_text: str) -> None:
    norm = normalise(record_text)
    assert norm.script == "Latn"
    assert norm.text.startswith("United Nations S/PV.8701\nSecurity Council\n")
    assert norm.text.endswith("The meeting rose at 10.25 a.m.")
    for furniture in ("20-00899", "*2000899*", "13/01/2020", "2/2"):
        assert furniture not in norm.text
    assert "unanimously as resolution 2505 (2020)." in norm.text
    lines = norm.text.splitlines()
    assert "S/2020/27, which contains the text of a draft resolution" in lines
    # the voting list reads in order: the two columns of the page are not interleaved
    start = lines.index("In favour:")
    assert lines[start + 1].startswith("Belgium, China, Dominican Republic")
    assert lines[start + 6] == "America, Viet Nam"


def test_record_evidence_quotes_the_pdf_text(record_text: str) -> None:
    norm = normalise(record_text)
    start = norm.text.index("resolution 2505 (2020)")
    evidence = norm.evidence(start, start + len("resolution 2505 (2020)"))
    assert evidence.quote == "resolution 2505 (2020)"
    assert record_text[evidence.start : evidence.end] == evidence.quote


def test_record_extracts_its_vote(record_text: str) -> None:
    facts = extract_file(RECORD)
    assert len(facts.votes) == 15


def test_symbol_broken_after_its_separators_is_joined() -> None:
    # as a real record prints a citation (``S/PV. 8696``), and as pypdf read the covers
    norm = normalise("(see S/PV. 8696), S/ PV.8703 and S /2020/13 and S/RES/2504 (2020)")
    assert norm.text == "(see S/PV.8696), S/PV.8703 and S/2020/13 and S/RES/2504 (2020)"
    start = norm.text.index("S/PV.8696")
    assert norm.evidence(start, start + 9).quote == "S/PV. 8696"


def test_number_after_a_symbol_is_not_joined() -> None:
    assert normalise("S/PV.8700 2020").text == "S/PV.8700 2020"


def test_chinese_pdf_reads_back_line_for_line(tmp_path: Path, sample: Callable[[str], str]) -> None:
    # lines of one glyph are not drawn: PDFium drops them in a font it cannot size, as this one
    # is where no CJK font is installed (see ``load.pdf_text``)
    lines = [line for line in page_lines(sample(CHN_LETTER)) if len(line) > 1]
    path = tmp_path / "letter.pdf"
    make_cid_pdf(path, lines)
    text = load_file(path).text
    assert text.count("\f") == 1
    assert [line for line in text.replace("\f", "").splitlines() if line] == lines


@pytest.fixture(scope="module")
def kangxi_pdf(tmp_path_factory: pytest.TempPathFactory, sample: Callable[[str], str]) -> Path:
    """The dev letter as a PDF whose font maps characters to compatibility characters."""
    path = tmp_path_factory.mktemp("pdf") / "CHN-2021-05-05-kangxi.pdf"
    lines = [line.translate(KANGXI) for line in page_lines(sample(CHN_LETTER)) if len(line) > 1]
    make_cid_pdf(path, lines)
    return path


def test_kangxi_pdf_gives_the_facts_of_the_letter(kangxi_pdf: Path) -> None:
    raw = load_file(kangxi_pdf).text
    assert "5⽉24⽇" in raw and "⼈" in raw
    facts = extract_file(kangxi_pdf)
    assert facts.date == "2021-05-05"
    assert facts.author is not None and (facts.author.name, facts.author.state) == ("张军", "CHN")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHN", 2021, 5)]
    assert [m.date for m in facts.meetings] == ["2021-05-24"]
    evidence = facts.meetings[0].evidence
    assert evidence is not None and raw[evidence.start : evidence.end] == evidence.quote
