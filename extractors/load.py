"""Load: a file's bytes -> ``RawDocument`` (the decoded text every later offset points into).

Why one module for every format: the rest of the pipeline only ever sees text, so the choice of
decoder (UTF-8, then a detected GB18030/GBK/Big5; the text layer of a PDF; the paragraphs of a
.docx; the visible text of an HTML page saved from a UN site) is made here once, and every way a
file can be unreadable becomes one of the typed errors of ``errors.py``. A text that is read but
looks broken (``textcheck.py``) is logged as a warning, and loaded all the same.

Input limits: a file, a .docx's decompressed members and the decoded text each have a cap
(``MAX_FILE_BYTES``, ``MAX_DOCX_BYTES``, ``MAX_TEXT_CHARS``), so that a hostile or mistaken input
(a zip bomb, a log file) is refused with a one-line error naming the file before any work on it.
A text with a few invalid bytes is decoded with replacement characters and a warning; only a text
that is mostly undecodable is refused.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from unsckg.extractors.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MalformedDocumentError,
    ScannedPdfError,
    UndecodableDocumentError,
    UnsupportedFormatError,
)
from unsckg.extractors.textcheck import warn_if_broken

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# Encodings tried by charset-normalizer when the bytes are not UTF-8: the Chinese ones first.
CJK_ENCODINGS = ("gb18030", "gbk", "big5", "utf_16", "utf_8")
BINARY_FORMATS = {".png", ".jpg", ".jpeg", ".gif", ".xlsx", ".xls", ".doc", ".zip", ".gz"}
# Caps on input (see the module docstring). The longest Council document, a yearbook, is under
# 5 million characters; a .docx of one is under 20 MB unpacked.
MAX_FILE_BYTES = 256 * 2**20
MAX_DOCX_BYTES = 256 * 2**20  # all members of a .docx decompressed, declared and as read
MAX_DOCX_MEMBERS = 10_000
MAX_TEXT_CHARS = 64 * 2**20
# A text is decoded as UTF-8 with replacement when its invalid bytes are few: at most one in
# twenty of its well-formed non-ASCII characters (a GBK text read as UTF-8 has almost none).
FEW_INVALID = 20
# Refused only when most of it is undecodable (replacement and control characters).
MOSTLY_UNDECODABLE = 0.5
logger = logging.getLogger("unsckg.extractors")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as text: ``text`` is the agreed original that evidence offsets point into."""

    source: str
    text: str
    format: str  # txt, pdf, docx, html
    content_hash: str


def load_file(path: str | Path) -> RawDocument:
    """Read and decode ``path``; raise an ``ExtractionError`` naming the file on failure."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentTooLargeError(path.name, _over("file", size, MAX_FILE_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        raise UndecodableDocumentError(path.name, f"cannot read file: {exc.strerror}") from exc
    return load_bytes(data, path.name)


def load_bytes(data: bytes, source: str) -> RawDocument:
    """Decode ``data`` by its content (magic bytes first, then the file name's suffix)."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentTooLargeError(source, _over("file", len(data), MAX_FILE_BYTES))
    if not data.strip():
        raise EmptyDocumentError(source)
    suffix = Path(source).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        text, fmt = pdf_text(data, source), "pdf"
    elif data.startswith(b"PK\x03\x04") or suffix == ".docx":
        text, fmt = docx_text(data, source), "docx"
    elif suffix in BINARY_FORMATS:
        raise UnsupportedFormatError(source, f"unsupported file type {suffix}")
    else:
        text = decode_text(data, source)
        fmt = "txt"
        if suffix in {".html", ".htm"} or looks_like_html(text):
            text, fmt = html_text(text), "html"
    if not text.strip():
        raise EmptyDocumentError(source, "no text in the document")
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentTooLargeError(source, _over("text", len(text), MAX_TEXT_CHARS, "characters"))
    warn_if_broken(source, text, text.count("\f") + 1 if fmt == "pdf" else 0)
    return RawDocument(source, text, fmt, hashlib.sha256(data).hexdigest())


def _over(what: str, size: int, cap: int, unit: str = "bytes") -> str:
    return f"{what} too large: {size:,} {unit}, over the cap of {cap:,}"


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), with replacement where a few bytes are invalid; else the
    encoding charset-normalizer detects; else UTF-8 with replacement unless mostly undecodable."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UndecodableDocumentError(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8-sig", errors="replace")
    invalid = replaced.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for ch in replaced if ord(ch) > 127) - invalid
    if invalid * FEW_INVALID <= well_formed:
        return _with_replacement(replaced, invalid, source)
    detected = _detected(data)
    if detected is not None:
        return detected
    if (invalid + _controls(replaced)) / max(len(replaced), 1) > MOSTLY_UNDECODABLE:
        raise UndecodableDocumentError(source, "mostly undecodable: no text encoding detected")
    return _with_replacement(replaced, invalid, source)


def _with_replacement(text: str, invalid: int, source: str) -> str:
    logger.warning("%s: %d invalid bytes decoded as U+FFFD", source, invalid)
    return text


def _detected(data: bytes) -> str | None:
    """The text in the encoding charset-normalizer detects (the Chinese ones first), if any."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CJK_ENCODINGS)).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None or _control_ratio(str(best)) > 0.05:
        return None
    return str(best)


def _controls(text: str) -> int:
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")


def _control_ratio(text: str) -> float:
    return _controls(text) / max(len(text), 1)


def pdf_text(data: bytes, source: str) -> str:
    """The PDF's text layer (PDFium's), pages joined by form feeds; a PDF with pages but no text
    is scanned.

    Why PDFium (``pypdfium2``) and not pypdf or pdfminer.six: on the real meeting records it keeps
    symbols whole (pypdf writes ``S/ PV.870 0``), each running head on one line (pdfminer.six splits
    it into three, and doubles the spaces of justified lines) and reads pages 20 times faster
    (``bench/bench_pdf.py``). PDFium joins a word hyphenated at a line's end with U+FFFE in place
    of the hyphen; the records hyphenate only compounds (``Timor-Leste``), so it becomes ``-``.

    A font the PDF does not embed is sized from the system's fonts: without a CJK font installed
    (``fonts-noto-cjk``), PDFium drops a Chinese text object of a single glyph (a line that is
    only ``。``) in such a PDF; the Council's PDFs embed their fonts."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptDocumentError(source, f"truncated or corrupt PDF: {exc}") from exc
    try:
        pages = [_page_text(document, index) for index in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise CorruptDocumentError(source, f"truncated or corrupt PDF: {exc}") from exc
    finally:
        document.close()
    if not pages:
        raise CorruptDocumentError(source, "truncated or corrupt PDF: no pages")
    text = "\n\f".join(pages)
    if not text.strip():
        raise ScannedPdfError(source)
    return text


_PDFIUM_FIXES = str.maketrans({"\r": "\n", "\ufffe": "-"})


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    textpage = page.get_textpage()
    try:
        text = str(textpage.get_text_range())
        return text.replace("\r\n", "\n").translate(_PDFIUM_FIXES)
    finally:
        textpage.close()
        page.close()


def docx_text(data: bytes, source: str) -> str:
    """The paragraphs of a Word document (tables' cells too), one per line; its sizes checked
    first (``check_docx_sizes``)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    check_docx_sizes(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocumentError(source, f"truncated or corrupt .docx: {exc}") from exc
    except XMLSyntaxError as exc:
        raise MalformedDocumentError(source, f"malformed XML in the .docx: {exc}") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def check_docx_sizes(data: bytes, source: str) -> None:
    """Refuse a .docx whose members decompress beyond ``MAX_DOCX_BYTES`` (a zip bomb): by the
    sizes its directory declares, then by the bytes actually read, since a header can lie."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_DOCX_MEMBERS:
                raise DocumentTooLargeError(source, f".docx has {len(members):,} members")
            declared = sum(member.file_size for member in members)
            if declared > MAX_DOCX_BYTES:
                raise DocumentTooLargeError(
                    source, _over(".docx unpacked", declared, MAX_DOCX_BYTES)
                )
            read = 0
            for member in members:
                read += _member_size(archive, member, MAX_DOCX_BYTES - read)
    except _ReadTooMuch as over:
        raise DocumentTooLargeError(source, f".docx unpacked too large: {over}") from None
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise CorruptDocumentError(source, f"truncated or corrupt .docx: {exc}") from exc


class _ReadTooMuch(Exception):
    """A member read past the bytes left under the cap (caught at once, never escapes)."""


def _member_size(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int) -> int:
    """The bytes one member decompresses to, read in chunks and stopped past ``budget``."""
    size = 0
    with archive.open(member) as stream:
        while chunk := stream.read(2**20):
            size += len(chunk)
            if size > budget:
                raise _ReadTooMuch(
                    f"{member.filename} read past the cap of {MAX_DOCX_BYTES:,} bytes"
                )
    return size


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


class _TextParser(HTMLParser):
    """Visible text of a page: block elements become line breaks, scripts and styles vanish."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "td"})
    HIDDEN = frozenset({"script", "style", "head", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
