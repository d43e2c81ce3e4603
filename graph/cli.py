"""The ``unsckg`` command line: a thin wrapper over the library.

Each command parses its options, calls one library function and prints the result; library
exceptions (:class:`GraphError`) become ``click.ClickException`` (one line on stderr, exit 1),
so a user's mistake never shows a traceback. Heavy imports (the extractors and jieba, the
server, pySHACL) happen inside the commands that need them.

The store folder is ``--store DIR``, else ``$UNSCKG_STORE``, else
``$XDG_DATA_HOME/unsckg/store`` (``~/.local/share/unsckg/store``). This is the only module that
reads the environment.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from unsckg.graph.errors import GraphError
from unsckg.graph.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def default_store() -> Path:
    """``$XDG_DATA_HOME/unsckg/store``, ``~/.local/share/unsckg/store`` without XDG."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "unsckg" / "store"


def store_option(function: F) -> F:
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="UNSCKG_STORE",
        default=default_store,
        show_default="$UNSCKG_STORE or ~/.local/share/unsckg/store",
        help="Folder of the on-disk store.",
    )(function)


@contextmanager
def translated() -> Iterator[None]:
    """Library errors -> one line on stderr and exit 1 (click prints ``Error: …``)."""
    try:
        yield
    except GraphError as error:
        raise click.ClickException(str(error)) from error


@contextmanager
def opened(store_dir: Path, *, read_only: bool = False) -> Iterator[Store]:
    with translated(), Store(store_dir, read_only=read_only) as store:
        yield store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="unsc-kg")
def main() -> None:
    """unsckg: a knowledge graph of UN Security Council documents, with a SPARQL endpoint."""


class WarningLines(logging.Handler):
    """The library's warnings (a file whose text looks broken) as ``warning: …`` on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def route_warnings() -> None:
    """Send the extractors' warnings to stderr, once however often it is called.

    Called when this module is imported: ``build --jobs N`` extracts in processes started by
    ``spawn``, which import the ``unsckg`` script and so this module, not ``main``."""
    logger = logging.getLogger("unsckg.extractors")
    if not any(isinstance(handler, WarningLines) for handler in logger.handlers):
        logger.addHandler(WarningLines(logging.WARNING))


def _register() -> None:
    """Attach the commands kept in their own modules (one per group of commands)."""
    from unsckg.graph import cli_build, cli_store, cli_votes

    for command in (*cli_build.COMMANDS, *cli_store.COMMANDS, *cli_votes.COMMANDS):
        main.add_command(command)


def echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


_register()
route_warnings()
