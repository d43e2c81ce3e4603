"""Each document's text, kept beside the store for full-text search and the document page.

Why a side folder and not literals in the graph: a text is one long string nobody queries
with SPARQL, it would double the store's size in every index Oxigraph keeps (three quad orders
plus the merge), and a ``FILTER(CONTAINS(...))`` over it scans every text at every query
anyway. So ``unsckg build`` writes the text a document was extracted from (the decoded
original, the text the evidence offsets count in) to ``<store>/texts/<quoted document IRI>.txt``,
one UTF-8 file per document, written whole or not at all (a temporary file renamed over), and
the server reads the folder to search it and to show a document's full text with its marks.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote

FOLDER = "texts"
SUFFIX = ".txt"


def folder(store: Path) -> Path:
    """Where a store's texts live (inside the store's folder, so they move with it)."""
    return store / FOLDER


def path_of(store: Path, document: str) -> Path:
    """The file of one document's text: its IRI, percent-quoted into one file name."""
    return folder(store) / (quote(document, safe="") + SUFFIX)


def save(store: Path, document: str, text: str) -> None:
    """Write a document's text whole or not at all, replacing the previous one."""
    target = path_of(store, document)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(store: Path, document: str) -> str | None:
    """A document's text, or None when the build kept none (an older store, an import)."""
    try:
        return path_of(store, document).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def load_all(store: Path) -> Iterator[tuple[str, str]]:
    """Every (document IRI, text) the store keeps, in file-name order."""
    try:
        names = sorted(p for p in folder(store).iterdir() if p.name.endswith(SUFFIX))
    except OSError:
        return
    for path in names:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # replaced or removed while read: the next rebuild of the index sees it
        yield unquote(path.name[: -len(SUFFIX)]), text
