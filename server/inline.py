"""Speculative inline execution of single-pattern queries, in the HTTP process.

Why: a point query costs pyoxigraph about 50 microseconds, while handing it to a worker
process and back costs several context switches; on a busy two-core machine that hand-off, not
the query, bounds the endpoint's throughput. Yet the HTTP process must never run a query it
cannot stop.

Which queries are safe: those :func:`unsckg.server.guard.single_pattern` accepts - one triple
pattern, no FILTER, join, aggregate, ORDER BY, OFFSET or DISTINCT. Their evaluation is one
index scan that emits every row it reads, so work is proportional to output, and output passes
through :class:`unsckg.server.worker.Spool` every few kilobytes. The spool raises when the run
exceeds a small budget (``ServerSettings.inline_budget`` seconds, ``inline_result_bytes``
bytes); the run is then abandoned and the query goes to the worker pool like any other, under
the full limits. The cost of a wrong guess is at most one budget of wasted work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unsckg.server.settings import ServerSettings
from unsckg.server.wire import Message
from unsckg.server.worker import Handler, OverBudget


class InlineRunner:
    """Runs eligible queries in this process, on its own read-only handle of the store."""

    def __init__(self, settings: ServerSettings, spool: Path) -> None:
        self.settings, self.spool = settings, spool
        self.handler: Handler | None = None

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
