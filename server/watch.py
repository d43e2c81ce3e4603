"""One consistent view of a store that another process changes (``unsckg build`` while serving).

Why: the server's read-only handles (the workers', the inline runner's) each see the store as
it was when they opened it. After a build by another process, the fast path and the workers
would answer from the old data and ``/health`` count it, until each happened to restart.

How: :class:`StoreWatcher` looks at the store folder every ``POLL`` seconds (the names, sizes
and modification times of its files: cheap, tens of files). When they have changed and then
stayed the same for one more poll (a build writes in bursts; a view taken mid-burst would soon
be stale again), it reopens everything at once: the inline runner's handle, a new generation
of workers (idle ones are replaced at once, busy ones when their query ends) and the
statistics. So a finished build is seen by every path within about ``2 * POLL`` seconds plus a
worker's start-up (under 5 s in the tests), and a query never mixes two generations.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("unsckg.server")
POLL = 1.0
Fingerprint = frozenset[tuple[str, int, int]]
IGNORED = ("LOG", "LOCK")  # RocksDB's info log and lock: every read-only open touches them


def fingerprint(folder: Path) -> Fingerprint:
    """Names, sizes and modification times of the folder's files (RocksDB's SST files,
    manifest, WAL and ``CURRENT`` pointer change with every committed write)."""
    found: set[tuple[str, int, int]] = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(IGNORED):
                    continue
                try:
                    stat = entry.stat()
                except FileNotFoundError:
                    continue  # compacted away while listed
                found.add((entry.name, stat.st_size, stat.st_mtime_ns))
    except OSError:
        pass
    return frozenset(found)


class StoreWatcher:
    """Calls ``reopen`` once the store folder has changed and settled (see above)."""

    def __init__(self, folder: Path, reopen: Callable[[], None], poll: float = POLL) -> None:
        self.folder, self.reopen, self.poll = folder, reopen, poll
        self.seen = fingerprint(folder)
        self.reopened = 0  # how many times (``/health`` reports it)

    def ignore_changes(self) -> None:
        """Take the folder as it is now as seen (after the server's own update)."""
        self.seen = fingerprint(self.folder)

    async def run(self) -> None:
        pending: Fingerprint | None = None
        while True:
            await asyncio.sleep(self.poll)
            now = await asyncio.to_thread(fingerprint, self.folder)
            if now == self.seen:
                pending = None
            elif now == pending:  # changed, then settled for one poll
                log.info("the store changed on disk: reopening every handle")
                self.seen, pending = now, None
                self.reopened += 1
                self.reopen()
            else:
                pending = now
