"""Load: every input format decodes to the same text, and every bad input is a typed error
naming the file. The PDF and the .docx are made here from a dev document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from unsckg.extractors.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    ExtractionError,
    NotCouncilDocumentError,
    ScannedPdfError,
    UndecodableDocumentError,
)
from unsckg.extractors.load import load_bytes, load_file
from unsckg.extractors.normalise import normalise
from unsckg.extractors.pipeline import extract_file

CHN_LETTER = "CHN-2021-05-05-letter.zh.txt"


def make_pdf(path: Path, lines: list[str]) -> None:
    """A PDF with a real text layer in a CJK CID font, as Council PDFs have."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for line in lines:
        if y < 60:
            pdf.showPage()
            y = 800.0
        pdf.setFont("STSong-Light", 10)
        pdf.drawString(40, y, line)
        y -= 14
    pdf.save()


def wrapped_lines(text: str, width: int = 38) -> list[str]:
    """The text's paragraphs broken at a page's width, as a PDF lays them out."""
    out = []
    for line in normalise(text).text.splitlines():
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return out


@pytest.fixture(scope="module")
def chn_pdf(tmp_path_factory: pytest.TempPathFactory, sample: Callable[[str], str]) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "CHN-2021-05-05-letter.pdf"
    make_pdf(path, wrapped_lines(sample(CHN_LETTER)))
    return path


def test_utf8_text_with_bom(tmp_path: Path, sample: Callable[[str], str]) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(b"\xef\xbb\xbf" + sample(CHN_LETTER).encode("utf-8"))
    assert load_file(path).text == sample(CHN_LETTER)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_chinese_legacy_encodings(
    tmp_path: Path, sample: Callable[[str], str], encoding: str
) -> None:
    text = sample(CHN_LETTER).replace("•", "-")  # the bullet has no GBK code point
    path = tmp_path / f"letter-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert load_file(path).text == text


def test_big5_traditional_text(tmp_path: Path) -> None:
    text = "聯合國安全理事會主席聲明：安全理事會重申其對越南、中國和法國的支持。" * 3
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert load_file(path).text == text


def test_pdf_text_layer_reads_back(chn_pdf: Path) -> None:
    raw = load_file(chn_pdf)
    assert raw.format == "pdf"
    assert "张军" in raw.text and "公开辩论会" in raw.text


def test_pdf_made_from_a_dev_text_gives_its_facts(chn_pdf: Path) -> None:
    facts = extract_file(chn_pdf)
    assert facts.date == "2021-05-05"
    assert facts.author is not None and (facts.author.name, facts.author.state) == ("张军", "CHN")
    assert [(p.state, p.year, p.month) for p in facts.presidencies] == [("CHN", 2021, 5)]
    assert [m.date for m in facts.meetings] == ["2021-05-24"]
    assert {b.name for b in facts.meetings[0].briefers} == {"拉克鲁瓦", "哈雷"}


def test_docx_made_from_a_dev_text_gives_its_facts(
    tmp_path: Path, sample: Callable[[str], str]
) -> None:
    import docx

    document = docx.Document()
    for line in sample("VNM-2021-03-25-letter.zh.txt").splitlines():
        document.add_paragraph(line.strip())
    path = tmp_path / "VNM-2021-03-25-letter.docx"
    document.save(str(path))
    facts = extract_file(path)
    assert facts.date == "2021-03-25"
    assert [(p.state, p.month) for p in facts.presidencies] == [("VNM", 4)]
    assert facts.meetings[0].format == "high-level open debate"
    assert facts.meetings[0].chair == "越南国家元首"


def test_html_page_keeps_visible_text_only(tmp_path: Path, sample: Callable[[str], str]) -> None:
    body = "".join(f"<p>{line}</p>" for line in sample("S-PRST-2021-1.zh.txt").splitlines())
    head = "<head><title>x</title><script>var a='S/2099/1';</script></head>"
    html = f"<html>{head}<body>{body}</body></html>"
    path = tmp_path / "S-PRST-2021-1.html"
    path.write_text(html, encoding="utf-8")
    facts = extract_file(path)
    assert facts.symbol == "S/PRST/2021/1"
    assert [m.value for m in facts.documents_cited] == ["S/2020/372"]


def test_empty_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(EmptyDocumentError) as info:
        extract_file(path)
    assert info.value.source == "empty.txt" and "empty" in str(info.value)


def test_binary_file_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UndecodableDocumentError) as info:
        extract_file(path)
    assert str(info.value).startswith("blob.txt: ")


def test_truncated_pdf_is_corrupt(tmp_path: Path, chn_pdf: Path) -> None:
    path = tmp_path / "truncated.pdf"
    data = chn_pdf.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises((CorruptDocumentError, ScannedPdfError)) as info:
        extract_file(path)
    assert info.value.source == "truncated.pdf"


def test_pdf_without_text_layer_is_scanned(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 300, 400, fill=1)
    pdf.save()
    with pytest.raises(ScannedPdfError) as info:
        extract_file(path)
    assert info.value.reason == "scanned PDF with no text layer"


def test_truncated_docx_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError) as info:
        load_bytes(b"PK\x03\x04" + b"\x00" * 40, "broken.docx")
    assert "broken.docx" in str(info.value)


def test_text_that_is_not_a_council_document(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("番茄炒蛋：先把鸡蛋打散，再把番茄切块，最后一起翻炒。\n", encoding="utf-8")
    with pytest.raises(NotCouncilDocumentError) as info:
        extract_file(path)
    assert str(info.value).startswith("recipe.txt: not a Security Council document")


def test_every_error_is_an_extraction_error_with_one_line() -> None:
    error = CorruptDocumentError("a.pdf", "first line\nsecond line")
    assert isinstance(error, ExtractionError)
    assert str(error) == "a.pdf: first line"
