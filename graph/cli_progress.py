"""The progress options shared by the long commands: ``--quiet`` and ``--log-json FILE``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from unsckg.graph.progress import Display, mode_for

F = TypeVar("F", bound=Callable[..., Any])


def progress_options(function: F) -> F:
    """``--quiet`` and ``--log-json FILE`` (see :mod:`unsckg.graph.progress`)."""
    function = click.option(
        "--log-json",
        "log_json",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write one JSON line per document (outcome, seconds, facts, error) to this file.",
    )(function)
    return quiet_option(function)


def quiet_option(function: F) -> F:
    """``--quiet``: no progress bar or summary line."""
    return click.option(
        "--quiet", "-q", is_flag=True, help="No progress bar or summary line on stderr."
    )(function)


@contextmanager
def display(label: str, quiet: bool = False, log_json: Path | None = None) -> Iterator[Display]:
    """A bar on a terminal, else one summary line, on stderr; the JSON log when asked."""
    with ExitStack() as stack:
        log = None
        if log_json is not None:
            try:
                log = stack.enter_context(log_json.open("w", encoding="utf-8"))
            except OSError as error:
                raise click.ClickException(f"cannot write {log_json}: {error.strerror}") from error
        shown = Display(label, mode_for(quiet, sys.stderr), sys.stderr, log)
        yield stack.enter_context(shown)
