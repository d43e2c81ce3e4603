"""What file-format libraries say while reading a document, kept for its one-line error.

Why: a file-format library may report a damaged file through the ``logging`` module (python-docx,
charset-normalizer; pypdf's ``EOF marker not found`` before PDF text came from PDFium) and then,
often, fail; Python's last-resort handler printed that line on stderr on its own, without the
file's name, before the build's ``Error: FILE: reason`` line. Here such messages (and Python
``warnings``) are collected while one document is read: a failure's reason carries them, and a
document that was read anyway stays quiet.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

LIBRARY_LOGGERS = ("docx", "charset_normalizer")


class _Collector(logging.Handler):
    def __init__(self, heard: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.heard = heard

    def emit(self, record: logging.LogRecord) -> None:
        self.heard.append(f"{record.name.split('.')[0]}: {record.getMessage()}")


@contextmanager
def library_warnings() -> Iterator[list[str]]:
    """Collect the libraries' warnings (logged or ``warnings.warn``) into the yielded list."""
    heard: list[str] = []
    handler = _Collector(heard)
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield heard
        heard.extend(f"{w.category.__name__}: {w.message}" for w in caught)
    finally:
        for logger, propagate in zip(loggers, saved, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate


def with_warnings(reason: str, heard: list[str]) -> str:
    """``reason (docx: …)``: one line, each distinct message once."""
    unique = list(dict.fromkeys(" ".join(message.split()) for message in heard))
    return f"{reason} ({'; '.join(unique)})" if unique else reason
