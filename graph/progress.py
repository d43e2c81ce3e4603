"""Progress of the long commands (``build``, ``import``, ``export``, ``link``), and their log.

Why this shape: the library reports what happened to each document as a
:class:`DocumentEvent` through a small :class:`Observer` interface and knows nothing of
terminals; the CLI picks how to show it:

- a live bar on a terminal (``rich``: files done, documents per second, time left, failures so
  far), written to stderr so that a command's data on stdout stays clean;
- one summary line on stderr when stderr is not a terminal (CI logs, pipes, cron);
- nothing with ``--quiet``;
- with ``--log-json FILE``, one JSON object per line and per document (its outcome, seconds,
  facts and error), written as the documents finish, so a long run can be followed with
  ``tail -f`` and a failed one examined with ``jq``.

``rich`` rather than ``tqdm``: its bar measures text in terminal cells (a Chinese file name
takes two cells a character and does not break the line), and its console detects the terminal
and its width; it is imported only when a bar is shown.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from typing import IO, TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DocumentEvent:
    """What became of one input: ``added``, ``replaced``, ``unchanged``, ``imported``,
    ``written`` or ``failed`` (then ``error`` says why, in one line)."""

    source: str  # the path as given (a file name for the bundled samples)
    outcome: str
    seconds: float = 0.0  # extraction and mapping (build), loading (import)
    facts: int | None = None  # facts extracted (build); quads (import, link)
    error: str | None = None

    def json_line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


class Observer(Protocol):
    """What the library tells while it works; every method is cheap and never raises."""

    def start(self, total: int) -> None: ...

    def document(self, event: DocumentEvent) -> None: ...


class NullObserver:
    """Hears nothing: the library's default."""

    def start(self, total: int) -> None:
        pass

    def document(self, event: DocumentEvent) -> None:
        pass


NULL = NullObserver()


class Display:
    """The CLI's observer: a bar, a summary line or nothing; plus the JSON log.

    Use as a context manager: the bar is removed and the summary printed on exit.
    ``mode`` is ``"bar"``, ``"summary"`` or ``"quiet"`` (see :func:`mode_for`).
    """

    def __init__(self, label: str, mode: str, stream: IO[str], log: IO[str] | None = None) -> None:
        self.label, self.mode, self.stream, self.log = label, mode, stream, log
        self.total: int | None = None
        self.done = self.failed = 0
        self.started = time.perf_counter()
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Display:
        if self.mode == "bar":
            self._bar, self._task = _rich_bar(self.label, self.stream)
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
        if self.mode == "summary" and exc[0] is None:  # an error's own line says enough
            print(self.summary(), file=self.stream, flush=True)

    def start(self, total: int) -> None:
        self.total = total
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def document(self, event: DocumentEvent) -> None:
        self.done += 1
        self.failed += event.outcome == FAILED
        if self.log is not None:
            self.log.write(event.json_line() + "\n")
            self.log.flush()
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)

    def summary(self) -> str:
        """``build: 7/7 documents in 2.1 s (3.3 docs/s), 0 failed``."""
        seconds = time.perf_counter() - self.started
        rate = self.done / seconds if seconds > 0 else 0.0
        total = "" if self.total is None else f"/{self.total}"
        return (
            f"{self.label}: {self.done}{total} documents in {seconds:.1f} s "
            f"({rate:.1f} docs/s), {self.failed} failed"
        )


def mode_for(quiet: bool, stream: IO[str]) -> str:
    """``quiet`` when asked, ``bar`` on a terminal, else ``summary``."""
    if quiet:
        return "quiet"
    isatty = getattr(stream, "isatty", None)
    return "bar" if isatty is not None and isatty() else "summary"


def _rich_bar(label: str, stream: IO[str]) -> tuple[RichProgress, TaskID]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class SpeedColumn(ProgressColumn):
        """Documents per second, over rich's moving window."""

        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} docs/s" if task.speed else "- docs/s")

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        SpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
        console=Console(file=stream, force_terminal=True),
        transient=False,
    )
    return bar, bar.add_task(label, total=None, failed=0)


class CountingWriter:
    """A binary output that counts what passes through it (an export's progress), and notes a
    reader that went away (``unsckg export | head``) so the command can end quietly."""

    def __init__(self, output: IO[bytes], label: str, mode: str, stream: IO[str]) -> None:
        self.output, self.label, self.mode, self.stream = output, label, mode, stream
        self.written = 0
        self.pipe_closed = False
        self.started = time.perf_counter()
        self._shown_at = 0.0

    def write(self, data: bytes) -> int:
        try:
            count = self.output.write(data)
        except BrokenPipeError:
            self.pipe_closed = True
            raise
        self.written += len(data)
        if self.mode == "bar" and time.perf_counter() - self._shown_at > 0.2:
            self._shown_at = time.perf_counter()
            print(f"\r{self.label}: {self._progress()}", end="", file=self.stream, flush=True)
        return count

    def flush(self) -> None:
        self.output.flush()

    def finish(self) -> None:
        """The final line: the bar's last state on a terminal, the summary otherwise."""
        if self.mode == "bar":
            print(f"\r{self.label}: {self._progress()}", file=self.stream, flush=True)
        elif self.mode == "summary":
            print(f"{self.label}: {self._progress()}", file=self.stream, flush=True)

    def _progress(self) -> str:
        seconds = time.perf_counter() - self.started
        rate = self.written / seconds / 2**20 if seconds > 0 else 0.0
        return f"{self.written / 2**20:.1f} MB in {seconds:.1f} s ({rate:.1f} MB/s)"
