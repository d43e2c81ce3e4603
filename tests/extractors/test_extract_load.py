"""Load: every input format decodes to the same text, and every bad input is a typed error
naming the file. The PDF and the .docx are made here from a dev document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from unsckg.extractors import load
from unsckg.extractors.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    MalformedDocumentError,
    NotCouncilDocumentError,
    ScannedPdfError,
    UndecodableDocumentError,
)
from unsckg.extractors.load import load_bytes, load_file
from unsckg.extractors.pipeline import extract_file

from .pdf_maker import make_cid_pdf as make_pdf
from .pdf_maker import page_lines as wrapped_lines

CHN_LETTER = "CHN-2021-05-05-letter.zh.txt"


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


# Input limits (issue 17): caps on the file, a .docx unpacked and the text; decoding with
# replacement. The caps are lowered here, so that no test builds a large input.


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    """The .docx ``data`` with member ``name`` replaced by ``content`` (compressed)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = content if item.filename == name else source.read(item)
            target.writestr(item.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_text_over_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(DocumentTooLargeError) as info:
        load_bytes(("安全理事会。" * 200).encode(), "long.txt")
    assert str(info.value).startswith("long.txt: text too large: 1,200 characters")
    assert "\n" not in str(info.value)


def test_file_over_the_cap_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(DocumentTooLargeError) as info:
        load_file(path)
    assert str(info.value) == "big.txt: file too large: 101 bytes, over the cap of 100"


def test_docx_zip_bomb_is_refused_by_its_declared_size(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _docx_bytes(["安全理事会"])
    bomb = _with_member(data, "word/document.xml", b" " * 3_000_000)  # 3 MB in a few kB
    assert len(bomb) < 100_000
    monkeypatch.setattr(load, "MAX_DOCX_BYTES", 2_000_000)
    with pytest.raises(DocumentTooLargeError) as info:
        load_bytes(bomb, "bomb.docx")
    assert str(info.value).startswith("bomb.docx: .docx unpacked too large: ")


def test_docx_member_read_past_the_cap_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sizes actually read are counted too: a member stops being read past the cap."""
    import io
    import zipfile

    bomb = _with_member(_docx_bytes(["x"]), "word/document.xml", b" " * 3_000_000)
    monkeypatch.setattr(load, "MAX_DOCX_BYTES", 2_000_000)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        member = archive.getinfo("word/document.xml")
        with pytest.raises(load._ReadTooMuch):
            load._member_size(archive, member, 2_000_000)


def test_docx_whose_header_lies_about_its_size_is_corrupt() -> None:
    """A central directory that declares a member smaller than it is: never read past the
    declared size (zipfile stops there and the checksum fails): a corrupt file, one line."""
    import struct

    data = bytearray(_with_member(_docx_bytes(["x"]), "word/document.xml", b" " * 300_000))
    name = b"word/document.xml"
    central = data.rfind(name) - 46
    assert data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, central + 24, 1000)  # the uncompressed size declared
    with pytest.raises(CorruptDocumentError) as info:
        load_bytes(bytes(data), "liar.docx")
    assert str(info.value).startswith("liar.docx: truncated or corrupt .docx")


def test_malformed_docx_xml_is_named_with_its_reason() -> None:
    data = _with_member(_docx_bytes(["x"]), "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(MalformedDocumentError) as info:
        load_bytes(data, "broken-xml.docx")
    message = str(info.value)
    assert message.startswith("broken-xml.docx: malformed XML in the .docx: ")
    assert "\n" not in message and "internal error" not in message
    assert isinstance(info.value, CorruptDocumentError)


def test_a_few_invalid_bytes_are_replaced_with_a_warning(
    caplog: pytest.LogCaptureFixture, sample: Callable[[str], str]
) -> None:
    text = sample(CHN_LETTER)
    data = text.encode("utf-8")
    middle = len(data) // 2
    while data[middle] & 0xC0 == 0x80:  # at a character's first byte
        middle += 1
    broken = data[:middle] + b"\xff\xfe" + data[middle:]
    with caplog.at_level("WARNING", logger="unsckg.extractors"):
        raw = load_bytes(broken, "slip.txt")
    assert raw.text.count("\ufffd") == 2
    assert raw.text.replace("\ufffd", "") == text
    assert any("slip.txt: 2 invalid bytes" in r.getMessage() for r in caplog.records)


def test_mostly_undecodable_text_is_refused() -> None:
    noise = bytes((n * 37 + 11) % 128 + 128 for n in range(4000))  # high bytes, no NUL
    with pytest.raises(UndecodableDocumentError) as info:
        load_bytes(noise + b"\nS/2021/1\n", "noise.txt")
    assert str(info.value).startswith("noise.txt: ")


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_encodings_are_not_read_as_utf8_with_replacement(encoding: str) -> None:
    """A mostly English text with a few Chinese characters in a legacy encoding: its bytes are
    invalid UTF-8, and none of them well-formed UTF-8, so the encoding is detected."""
    text = "Security Council S/2021/284\n" * 40 + "安全理事會主席的信\n"
    raw = load_bytes(text.encode(encoding), f"legacy-{encoding}.txt")
    assert raw.text == text
