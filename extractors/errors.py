"""Why a document could not be read: the typed errors of extraction.

Every error names the file and gives a one-line reason, so that a batch can report each bad file
on one line and go on with the others; the command line and the build turn them into messages
and exit codes, the library never prints.

Hierarchy::

    ExtractionError                 base: ``source`` (file name) and ``reason`` (one line)
    ├── EmptyDocumentError          the file holds no bytes, or only white space
    ├── UndecodableDocumentError    binary data, or text in no encoding we can detect
    ├── UnsupportedFormatError      a file type we do not read (images, spreadsheets, ...)
    ├── ScannedPdfError             a PDF whose pages carry no text layer (scanned images)
    ├── CorruptDocumentError        a truncated or damaged PDF or .docx
    │   └── MalformedDocumentError  a .docx whose XML does not parse
    ├── DocumentTooLargeError       over a size cap: the file, a .docx decompressed, the text
    └── NotCouncilDocumentError     readable text that is not a Security Council document
"""

from __future__ import annotations


class ExtractionError(Exception):
    """Base of every extraction error: carries the file name and a one-line reason."""

    default_reason = "could not extract facts"

    def __init__(self, source: str, reason: str | None = None) -> None:
        self.source = source
        lines = (reason or "").strip().splitlines()
        self.reason = lines[0] if lines else self.default_reason
        super().__init__(f"{source}: {self.reason}")


class EmptyDocumentError(ExtractionError):
    default_reason = "empty file"


class UndecodableDocumentError(ExtractionError):
    default_reason = "binary or undecodable file: no text encoding detected"


class UnsupportedFormatError(ExtractionError):
    default_reason = "unsupported file type"


class ScannedPdfError(ExtractionError):
    default_reason = "scanned PDF with no text layer"


class CorruptDocumentError(ExtractionError):
    default_reason = "truncated or corrupt document"


class MalformedDocumentError(CorruptDocumentError):
    default_reason = "malformed XML in the .docx"


class DocumentTooLargeError(ExtractionError):
    """Over a cap of ``load.py``: a file, a .docx's decompressed members (a zip bomb), or the
    decoded text; refused before the work, not after hours of it."""

    default_reason = "document too large"


class NotCouncilDocumentError(ExtractionError):
    default_reason = "not a Security Council document"
