"""A pool of killable query processes, and the single writer.

Why: see :mod:`unsckg.server.worker`. The HTTP process never touches the store; it sends each
request to an idle worker process and waits for the reply under a deadline. When the deadline
passes, or the client goes away, the worker is killed (``SIGKILL``: the only thing that stops
a query inside pyoxigraph) and a fresh one is started in the background; the other workers keep
answering meanwhile. Waiting for a free worker counts against the same deadline.

Admission: at most ``running`` queries evaluate at once (by default the cores' share of
this HTTP process, see :func:`unsckg.server.settings.default_running`), while the pool holds
one worker more than that: the spare. Why: on 2 cores, 2 HTTP processes x 2 workers let four
CPU-bound joins run on two cores, and each cost 17.3-17.8 ms of worker CPU against 15.1-15.5
ms with two running (cache thrash, context switches), which kept the join at 8 clients under
Oxigraph's own server. Why a spare: a query that has run ``stall_after`` seconds (a long
query, or one waiting on a ``SERVICE`` endpoint) stops counting against the limit, so one
runaway never keeps the other clients waiting longer than that. (A client that does not read
holds no slot: a worker's reply is complete before it is sent, and the slot is given back
when the reply arrives.) Short queries at saturation therefore never oversubscribe the
cores; a runaway costs at most its own core.
The count is per HTTP process, with no state shared between processes: nothing to leak when a
process or a worker dies (its query's slot goes with the request that held it), and the event
loop never waits on anything but its own futures. What that gives up (a machine-wide count
would let one HTTP process use an idle neighbour's share) is in ``docs/ARCHITECTURE.md``.

Updates go to a separate writer process, started per update so that no read-write handle (and
no RocksDB lock) is held between updates; afterwards the readers are recycled so the next
queries see the change.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import shutil
import socket
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from unsckg.server.environment import child_environment
from unsckg.server.errors import (
    BadRequest,
    EndpointError,
    InternalError,
    Overloaded,
    QueryTimeout,
    ServiceFailed,
    StoreUnavailable,
    TooManyRequests,
    from_code,
)
from unsckg.server.settings import ServerSettings
from unsckg.server.upstream import remote_peers
from unsckg.server.wire import Channel, Message

log = logging.getLogger("unsckg.server.pool")
STARTUP_TIMEOUT = 60.0


class ClientGone(Exception):
    """The client disconnected; its query was stopped. Nothing is left to answer."""


class Worker:
    """One worker process and the HTTP side's end of its socket."""

    def __init__(self, proc: subprocess.Popen[bytes], channel: Channel, generation: int) -> None:
        self.proc, self.channel = proc, channel
        self.generation = generation
        self.killed: str | None = None
        self.waiting_on: list[str] = []  # remote endpoints it was connected to at the deadline

    def kill(self, reason: str) -> None:
        if self.killed is None:
            self.killed = reason
            if reason == "timeout":
                self.waiting_on = remote_peers(self.proc.pid)
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    async def reap(self) -> None:
        self.channel.close()
        await asyncio.to_thread(self.proc.wait)


async def spawn_worker(
    settings: ServerSettings, spool: Path, generation: int, *, writer: bool = False
) -> Worker:
    """Start a worker process and wait until it has opened the store."""
    parent, child = socket.socketpair()
    command = [sys.executable, "-m", "unsckg.server.worker", "--fd", str(child.fileno())]
    command += ["--store", str(settings.store_path), "--spool", str(spool)]
    if writer:
        command.append("--writer")
    if not settings.service_allowlist:
        command.append("--isolate-network")
    else:  # every federated query is parsed by the guard: not on the first query's time
        command.append("--preload-parser")
    proc = subprocess.Popen(
        command,
        pass_fds=(child.fileno(),),
        stdin=subprocess.DEVNULL,
        env=child_environment(allocator=settings.allocator),
    )
    child.close()
    _, channel = await asyncio.get_running_loop().create_unix_connection(Channel, sock=parent)
    worker = Worker(proc, channel, generation)
    try:
        hello = await asyncio.wait_for(channel.reply(), STARTUP_TIMEOUT)
    except (TimeoutError, ConnectionError):
        worker.kill("startup")
        await worker.reap()
        raise StoreUnavailable("a query process failed to start") from None
    if not hello["ok"]:
        await worker.reap()
        raise StoreUnavailable(f"cannot open the store: {hello['message']}")
    if not settings.service_allowlist and not hello.get("isolated") and not writer:
        log.warning("no network namespace for query processes: the SERVICE guard stands alone")
    return worker


async def exchange(
    worker: Worker, message: Message, deadline: float, cancel: asyncio.Future[Any] | None
) -> Message:
    """Send one request and await its reply, killing the worker at the deadline or on cancel."""
    loop = asyncio.get_running_loop()
    timer = loop.call_at(deadline, worker.kill, "timeout")

    def on_cancel(_: asyncio.Future[Any]) -> None:
        worker.kill("disconnect")

    if cancel is not None:
        cancel.add_done_callback(on_cancel)
    try:
        return await worker.channel.send(message)
    except ConnectionError:
        if worker.killed == "timeout" and worker.waiting_on:
            raise ServiceFailed(
                f"the SERVICE endpoint at {', '.join(worker.waiting_on)} did not answer "
                "within the query's time limit"
            ) from None
        if worker.killed == "timeout":
            raise QueryTimeout("the query was stopped at the time limit") from None
        if worker.killed == "disconnect":
            raise ClientGone from None
        worker.kill("crash")
        raise InternalError("the query process ended unexpectedly") from None
    except asyncio.CancelledError:
        worker.kill("cancelled")
        raise
    finally:
        timer.cancel()
        if cancel is not None:
            cancel.remove_done_callback(on_cancel)


def _check(reply: Message) -> Message:
    if not reply["ok"]:
        raise from_code(reply["code"], reply["message"])
    return reply


class Slot:
    """One query counted against the running limit until it ends or stalls (see the module
    docstring); ``timer`` marks the stall."""

    __slots__ = ("counted", "timer")

    def __init__(self) -> None:
        self.counted = True
        self.timer: asyncio.TimerHandle | None = None


class WorkerPool:
    """A fixed number of reader processes; ``request`` runs one request on one of them."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.spool = Path(settings.spool_dir or tempfile.mkdtemp(prefix="unsckg-spool-"))
        self._owns_spool = settings.spool_dir is None
        self.generation = 0
        self._idle: list[Worker] = []
        self._waiters: deque[tuple[str, asyncio.Future[tuple[Worker, Slot]]]] = deque()
        self._running: dict[str, int] = {}  # workers held, by client
        self._admitted: dict[str, int] = {}  # requests running or queued, by client
        self._tasks: set[asyncio.Task[None]] = set()
        self._all: set[Worker] = set()
        self._closing = False
        self.limit = settings.running_limit  # queries evaluating at once, stalled ones aside
        self._counted = 0  # running queries counted against ``limit``
        self.stalled = 0  # queries that ran past ``stall_after`` (``/health``)
        self.stopped: dict[str, int] = {"timeout": 0, "disconnect": 0, "crash": 0}

    @property
    def idle_count(self) -> int:
        return len(self._idle)

    def accounting(self) -> dict[str, int]:
        """Workers by state, for ``/health``: ``live`` workers, ``idle`` ones, requests
        ``waiting`` for one, ``running`` queries counted against the ``limit`` (stalled ones
        are not); with no request running, ``idle == live == size`` and ``running == 0``."""
        waiting = sum(1 for _, waiter in self._waiters if not waiter.done())
        return {
            "size": self.settings.workers,
            "idle": len(self._idle),
            "live": len(self._all),
            "waiting": waiting,
            "running": self._counted,
            "limit": self.limit,
        }

    async def start(self) -> None:
        self.spool.mkdir(parents=True, exist_ok=True)
        workers = await asyncio.gather(
            *(self._spawn() for _ in range(self.settings.workers)), return_exceptions=True
        )
        failures = [w for w in workers if isinstance(w, BaseException)]
        for worker in workers:
            if isinstance(worker, Worker):
                self._release(worker)
        if failures:
            await self.close()
            raise failures[0]

    async def _spawn(self) -> Worker:
        worker = await spawn_worker(self.settings, self.spool, self.generation)
        self._all.add(worker)
        return worker

    async def request(
        self,
        message: Message,
        timeout: float,
        cancel: asyncio.Future[Any] | None = None,
        client: str = "",
    ) -> Message:
        """Run ``message`` on a worker within ``timeout`` seconds; raise its error if any.

        ``client`` (its address) is what fairness counts: when requests wait for a worker, a
        freed one goes to the waiting client that holds the fewest (see :meth:`_release`), so
        one client's heavy queries can delay another's, never starve them; a lone client
        still gets every worker. Waiting counts against the request's own deadline."""
        if not math.isfinite(timeout) or timeout <= 0:  # a NaN deadline never fires
            raise BadRequest("the time limit must be a finite, positive number of seconds")
        self._admit(client)
        try:
            return await self._run(message, timeout, cancel, client)
        finally:
            self._leave(client)

    def _admit(self, client: str) -> None:
        """Count the request against its client's cap (running and queued together), or
        refuse it with 429. Requests of the server's own (``client`` empty: page queries,
        statistics) are not capped: their callers are capped where they enter."""
        if not client:
            return
        held = self._admitted.get(client, 0)
        if held >= self.settings.max_client_queries:
            raise TooManyRequests(
                f"this client already has {held} queries running or queued here, the most "
                "one client may; retry when one has finished"
            )
        self._admitted[client] = held + 1

    def _leave(self, client: str) -> None:
        left = self._admitted.get(client, 0) - 1
        if left > 0:
            self._admitted[client] = left
        else:
            self._admitted.pop(client, None)

    async def _run(
        self, message: Message, timeout: float, cancel: asyncio.Future[Any] | None, client: str
    ) -> Message:
        deadline = asyncio.get_running_loop().time() + timeout
        worker, slot = await self._acquire(deadline, client)
        try:
            reply = await exchange(worker, message, deadline, cancel)
        except BaseException:
            if worker.killed in self.stopped:
                self.stopped[worker.killed] += 1
            try:
                self._retire(worker)
            finally:  # the slot comes back whatever happens to the worker
                self._finish(client, slot)
            raise
        try:
            self._release(worker)
        finally:
            self._finish(client, slot)
        return _check(reply)

    def _finish(self, client: str, slot: Slot) -> None:
        """Give back the client's share and the query's slot, after its worker is idle again
        (or retired): the slot's dispatch then hands a waiter the worker that just ran, the
        warm one on top of the idle stack (see :meth:`_grant`), not the spare.

        Why: the slot used to be given back first, so at saturation every query went to the
        spare and the two workers of an HTTP process took turns, each with its own block
        cache and heap to keep warm. Joins at 8 clients (``bench/bench_endpoint.py``, 2 HTTP
        processes x 2 workers) spread over all four workers, 3.9-4.4 ms of worker CPU per
        request each; since, the spare runs only beside a stalled query.
        ``test_waiting_queries_take_the_warm_worker_not_the_spare`` counts it."""
        self._done(client)
        self._uncount(slot)

    def _done(self, client: str) -> None:
        left = self._running.get(client, 0) - 1
        if left > 0:
            self._running[client] = left
        else:
            self._running.pop(client, None)

    async def _acquire(self, deadline: float, client: str) -> tuple[Worker, Slot]:
        if self._idle and self._counted < self.limit:
            return self._grant(client), self._slot()
        if self._closing:
            raise StoreUnavailable("the endpoint is shutting down")
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[tuple[Worker, Slot]] = loop.create_future()
        self._waiters.append((client, waiter))

        def expire() -> None:
            if not waiter.done():
                waiter.set_exception(Overloaded("no query process became free in time"))

        timer: asyncio.TimerHandle | None = None
        try:
            timer = loop.call_at(deadline, expire)
            return await waiter
        except BaseException:
            # Whatever went wrong, the waiter must leave no worker and no slot behind: a
            # worker handed to it goes back to the pool, and a waiter still queued is
            # cancelled (skipped).
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                worker, slot = waiter.result()
                self._release(worker)
                self._finish(client, slot)
            waiter.cancel()
            raise
        finally:
            if timer is not None:
                timer.cancel()

    def _grant(self, client: str) -> Worker:
        """The most recently used idle worker (the idle list is a stack): its block cache,
        heap and the core's caches are warm, and the spare stays the cold one (see
        :meth:`_finish`)."""
        self._running[client] = self._running.get(client, 0) + 1
        return self._idle.pop()

    def _slot(self) -> Slot:
        """Count a starting query against the limit until it ends or has run ``stall_after``
        seconds, whichever comes first."""
        slot = Slot()
        self._counted += 1
        loop = asyncio.get_running_loop()
        slot.timer = loop.call_later(self.settings.stall_after, self._stalled, slot)
        return slot

    def _stalled(self, slot: Slot) -> None:
        """A query ran past ``stall_after``: it no longer counts, so a waiter may take the
        spare worker."""
        slot.timer = None
        self.stalled += 1
        self._uncount(slot)

    def _uncount(self, slot: Slot) -> None:
        if slot.timer is not None:
            slot.timer.cancel()
            slot.timer = None
        if slot.counted:
            slot.counted = False
            self._counted -= 1
            self._dispatch()

    def _release(self, worker: Worker, *, cold: bool = False) -> None:
        """Put ``worker`` back on the idle stack: on top once it has run a query, at the
        bottom when it is ``cold`` (just started), so that warm workers are taken first."""
        if worker.killed or worker.generation != self.generation or self._closing:
            self._retire(worker)
            return
        if cold:
            self._idle.insert(0, worker)
        else:
            self._idle.append(worker)
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand idle workers to waiters, fairest first, while the running limit allows."""
        while self._idle and self._counted < self.limit and not self._closing:
            chosen = self._next_waiter()
            if chosen is None:
                return
            client, waiter = chosen
            waiter.set_result((self._grant(client), self._slot()))

    def _next_waiter(self) -> tuple[str, asyncio.Future[tuple[Worker, Slot]]] | None:
        """The oldest waiter of the waiting client holding the fewest workers (fair share);
        waiters already done (expired, cancelled) are dropped on the way."""
        pending = [entry for entry in self._waiters if not entry[1].done()]
        self._waiters = deque(pending)
        if not pending:
            return None
        chosen = min(pending, key=lambda entry: self._running.get(entry[0], 0))
        self._waiters.remove(chosen)
        return chosen

    def _retire(self, worker: Worker) -> None:
        if worker not in self._all:
            return
        self._all.discard(worker)
        if worker.killed is None:
            worker.channel.close()  # a worker that reads end-of-file exits by itself
        self._background(worker.reap())
        if not self._closing:
            self._background(self._replace())

    async def _replace(self) -> None:
        while not self._closing:
            try:
                worker = await self._spawn()
            except EndpointError as error:
                log.error("cannot start a query process: %s", error.message)
                await asyncio.sleep(1.0)
                continue
            if self._closing:
                self._retire(worker)
            else:
                self._release(worker, cold=True)
            return

    def _background(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def recycle(self) -> None:
        """Replace every worker (after an update) so that queries see the new data."""
        self.generation += 1
        idle, self._idle = self._idle, []
        for worker in idle:
            self._retire(worker)

    async def close(self) -> None:
        self._closing = True
        for _, waiter in self._waiters:
            if not waiter.done():
                waiter.set_exception(StoreUnavailable("the endpoint is shutting down"))
        for worker in list(self._all):
            worker.kill("shutdown")
            self._retire(worker)
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        if self._owns_spool:
            shutil.rmtree(self.spool, ignore_errors=True)


async def run_update(settings: ServerSettings, spool: Path, update: str) -> None:
    """Apply one SPARQL Update in a fresh writer process, under the query time limit."""
    worker = await spawn_worker(settings, spool, 0, writer=True)
    deadline = asyncio.get_running_loop().time() + settings.query_timeout
    try:
        message = {"op": "update", "update": update, "allow": list(settings.service_allowlist)}
        _check(await exchange(worker, message, deadline, None))
    finally:
        if worker.killed is None:
            worker.channel.close()
        await worker.reap()
