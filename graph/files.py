"""Finding the documents a build reads: files, folders and the bundled sample corpus.

Kept apart from the build so that the CLI can list inputs (and report a missing path as a
user's mistake) without importing the extractors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path

from unsckg.graph.errors import BuildError

DOCUMENT_SUFFIXES = frozenset({".txt", ".pdf", ".docx", ".html", ".htm"})
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt", "readme"})


def is_document(path: Path) -> bool:
    """A file a build should read: a known suffix, not hidden, not a README."""
    name = path.name.lower()
    return (
        path.suffix.lower() in DOCUMENT_SUFFIXES
        and not name.startswith(".")
        and name not in SKIPPED_NAMES
    )


def collect(paths: Iterable[Path]) -> list[Path]:
    """Expand folders (recursively) into their documents; keep named files as they are.

    A file named explicitly is kept even with an unknown suffix, so that the extractor can say
    why it cannot read it; a missing path is a :class:`BuildError`. The result is sorted and
    without duplicates, which makes builds deterministic whatever the order of the arguments.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and is_document(p))
        elif path.is_file():
            found.add(path)
        else:
            raise BuildError(f"no such file or folder: {path}")
    return sorted(found, key=lambda p: (p.name, str(p)))


@contextmanager
def sample_paths() -> Iterator[list[Path]]:
    """The bundled sample corpus as real file paths, also from a zipped installation.

    ``importlib.resources`` may hand out files that live inside an archive; ``as_file`` gives a
    temporary copy for the duration of the ``with`` block.
    """
    folder = resources.files("unsckg.graph").joinpath("samples")
    with ExitStack() as stack:
        paths = [
            stack.enter_context(resources.as_file(entry))
            for entry in folder.iterdir()
            if entry.is_file() and is_document(Path(entry.name))
        ]
        yield sorted(paths, key=lambda p: p.name)


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes: the same hash the extractors put in ``content_hash``."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
