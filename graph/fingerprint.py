"""Fixed-size stand-ins for the strings a build keeps per document.

Why: a build of 100,000 documents that kept each document's graph IRI, content hash and file
name as Python strings (about 100 bytes each, plus the tables' entries) grew the client by
hundreds of bytes per document. What it keeps per document is a 64-bit fingerprint of those
strings instead: compared, never shown. Two of 100,000 documents share one with a probability
of about 3e-10, and where a table uses them a collision costs time (a graph replaced rather than
added), never a wrong graph.
"""

from __future__ import annotations

from hashlib import blake2b


def fingerprint(text: str) -> int:
    """A 64-bit digest of ``text``: equal texts, equal fingerprints."""
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
