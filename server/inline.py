"""Speculative inline execution of single-pattern queries, in the HTTP process.

Why: a point query costs pyoxigraph about 50 microseconds, while handing it to a worker
process and back costs several context switches; on a busy two-core machine that hand-off, not
the query, bounds the endpoint's throughput. Yet the HTTP process must never run a query it
cannot stop.

Which queries are safe: those :func:`unsckg.server.guard.single_pattern` accepts - one triple
pattern, no FILTER, join, aggregate, ORDER BY, OFFSET or DISTINCT. Their evaluation is one
index scan that emits every row it reads, so work is proportional to output, and output passes
through a budget check every few kilobytes (:class:`InlineSink` here,
:class:`unsckg.server.worker.Spool` on the ASGI path). The check raises when the run exceeds a
small budget (``ServerSettings.inline_budget`` seconds, ``inline_result_bytes`` bytes); the run
is then abandoned and the query goes to the worker pool like any other, under the full limits.
The cost of a wrong guess is at most one budget of wasted work.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from unsckg.server.errors import MalformedQuery
from unsckg.server.settings import ServerSettings
from unsckg.server.wire import Message
from unsckg.server.worker import CLOCK_AFTER, Handler, OverBudget


class InlineSink:
    """A write-only sink for pyoxigraph's serialisers that keeps the chunks it is given (no
    copy: a point query's result is one chunk, which becomes the response body as it is) and
    raises :class:`OverBudget` past ``limit`` bytes or ``budget`` seconds of this thread's CPU
    time, the clock being read only past :data:`CLOCK_AFTER` bytes, as
    :class:`unsckg.server.worker.Spool` does."""

    __slots__ = ("budget", "check_from", "chunks", "deadline", "limit", "size")

    def __init__(self, limit: int, budget: float) -> None:
        self.limit, self.budget = limit, budget
        self.check_from = min(limit, CLOCK_AFTER)  # below both, a write checks nothing
        self.chunks: list[bytes] = []
        self.size = 0
        self.deadline: float | None = None

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.check_from:
            self._check()
        self.chunks.append(data)
        return len(data)

    def _check(self) -> None:
        if self.size > self.limit:
            raise OverBudget
        if self.size <= CLOCK_AFTER:
            return
        now = time.thread_time()
        if self.deadline is None:
            self.deadline = now + self.budget
        elif now > self.deadline:
            raise OverBudget

    def flush(self) -> None:
        """pyoxigraph flushes its writer at the end; the chunks are already kept."""

    def body(self) -> bytes:
        return self.chunks[0] if len(self.chunks) == 1 else b"".join(self.chunks)


class InlineRunner:
    """Runs eligible queries in this process, on its own read-only handle of the store."""

    def __init__(self, settings: ServerSettings, spool: Path) -> None:
        self.settings, self.spool = settings, spool
        self.handler: Handler | None = None
        # inline results never reach a file: past the smaller of the two sizes, the pool runs
        # the query, and reports a result over max_result_bytes as such
        self.limit = min(settings.inline_result_bytes, settings.max_result_bytes)

    def open(self) -> None:
        """(Re)open the store; called at startup and after each update."""
        import pyoxigraph as ox

        store: Any = ox.Store.read_only(str(self.settings.store_path))
        self.handler = Handler(store, str(self.spool), self.settings.inline_budget)

    def close(self) -> None:
        self.handler = None

    def try_query(self, message: Message) -> Message | None:
        """The reply, or None when the query went over budget and must go to the pool.

        Client errors (a malformed query, no acceptable format) are raised as they would be
        by a worker; store errors fall back to the pool, which reports them the usual way.
        """
        if self.handler is None:
            return None
        try:
            return self.handler.query(message)
        except (OverBudget, OSError):
            return None

    def run_single(self, query: str, results_format: str) -> bytes | None:
        """The serialised result of ``query``, which :func:`unsckg.server.guard.single_pattern`
        accepted (a SELECT or ASK on the store's default graph), in the results format named
        by its key (``json``, ``csv``…); None when the pool must run it (over budget, a store
        error). A syntax error raises :class:`MalformedQuery`, as a worker would.

        The short road of :mod:`unsckg.server.fastpath`: the same pyoxigraph calls as
        :meth:`try_query` with none of a worker request's plumbing around them."""
        handler = self.handler
        if handler is None:
            return None
        try:
            result = handler.store.query(query)
        except SyntaxError as error:
            raise MalformedQuery(str(error)) from None
        except OSError:
            return None
        sink = InlineSink(self.limit, self.settings.inline_budget)
        try:
            result.serialize(sink, handler.result_formats[results_format])
        except (OverBudget, OSError):
            return None
        return sink.body()
