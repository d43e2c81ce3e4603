"""Inputs named by URL (``s3://…``, ``http://…``, ``memory://…``), read through ``fsspec``.

Why: a cluster's workers rarely share a file system with the client, but they can all reach
an object store or a web server. The client lists a URL's documents and hashes each file (to
skip unchanged ones, as for local files); each worker fetches its own documents' bytes. The
extractors read local files, so a worker copies each remote file into a temporary folder under
its own name, extracts it there, and deletes it: what the build records (the file name, the
SHA-256 of its bytes) and the graphs it makes are the same as for the same files on disk.

A :class:`RemoteFile` stands where the build expects a :class:`~pathlib.Path`: it has the few
parts of one the build uses (``name``, ``open``, ``is_file``, ``is_dir``, ``str``), and prints as
its URL, so messages name the file as the user gave it. ``file://`` URLs become plain paths.
Which protocols work depends on what is installed: ``memory`` and ``file`` come with
``fsspec``, ``http(s)`` needs ``aiohttp`` (the ``cluster`` extra), ``s3`` needs ``s3fs``.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

from unsckg.graph.errors import BuildError
from unsckg.graph.files import is_document

R = TypeVar("R")

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """``scheme://…``; a Windows drive (``C:\\``) or a plain path is not one."""
    return bool(_URL.match(text))


@dataclasses.dataclass(frozen=True, slots=True)
class RemoteFile:
    """One document at a URL; see the module docstring."""

    url: str

    @property
    def name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix

    def __str__(self) -> str:
        return self.url

    def is_file(self) -> bool:
        return True

    def is_dir(self) -> bool:
        return False

    def open(self, mode: str = "rb") -> IO[bytes]:
        """The file's bytes, streamed (the client hashes it without holding it)."""
        fs, path = _filesystem(self.url)
        handle: IO[bytes] = fs.open(path, mode)
        return handle


def inputs(arguments: tuple[str, ...]) -> list[Path | RemoteFile]:
    """The command line's inputs: local paths as :class:`Path`, URLs expanded to their files."""
    found: list[Path | RemoteFile] = []
    for argument in arguments:
        if argument.startswith("file://"):
            found.append(Path(_filesystem(argument)[1]))
        elif is_url(argument):
            found.extend(expand(argument))
        else:
            found.append(Path(argument))
    return found


def expand(url: str) -> list[RemoteFile]:
    """The documents at ``url``: the file itself, or every document below a folder."""
    fs, root = _filesystem(url)
    try:
        # a file first: over HTTP a page that shows links would also pass for a folder, so
        # there a folder's URL ends with a slash
        if not url.endswith("/") and fs.isfile(root):
            return [RemoteFile(url)]
        if fs.isdir(root):
            listed = sorted(fs.find(root))
            return [RemoteFile(fs.unstrip_protocol(p)) for p in listed if is_document(Path(p))]
    except OSError as error:
        raise BuildError(f"cannot list {url}: {error}") from error
    raise BuildError(f"no such file or folder: {url}")


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:  # an unknown protocol, or its package missing
        raise BuildError(f"cannot read {url}: {error}") from error
    return fs, path


def fetching(work: Callable[[Path], R]) -> Callable[[Any], R]:
    """``work`` that also takes a :class:`RemoteFile` (fetched first); picklable."""
    return _Fetching(work)


@dataclasses.dataclass(frozen=True, slots=True)
class _Fetching:
    work: Callable[[Path], Any]

    def __call__(self, path: Path | RemoteFile) -> Any:
        if not isinstance(path, RemoteFile):
            return self.work(path)
        with tempfile.TemporaryDirectory(prefix="unsckg-fetch-") as folder:
            local = Path(folder) / path.name
            try:
                with path.open() as remote, local.open("wb") as copy:
                    while block := remote.read(1 << 20):
                        copy.write(block)
            except (OSError, BuildError) as error:
                return _failure(path, f"cannot read: {error}")
            result = self.work(local)
        return _renamed(result, path)


def _failure(path: RemoteFile, reason: str) -> Any:
    from unsckg.graph.build import Failure

    return Failure(path.name, reason, str(path))


def _renamed(result: Any, path: RemoteFile) -> Any:
    """A failure names the URL, not the temporary copy."""
    from unsckg.graph.build import Failure

    if isinstance(result, Failure):
        return dataclasses.replace(result, path=str(path))
    return result
