"""Pooled queries answered from the HTTP protocol, without the ASGI machinery.

Why: a query that a worker process runs (a join, anything but a cheap single pattern) cost
the HTTP process about a millisecond on the ASGI path: uvicorn's scope and cycle, a task
through four layers (access log, CORS, security headers, the endpoint), each of the two ASGI
messages through each layer's wrapper, a task watching for a disconnect, and the response's
head and body written by two system calls. On two cores every millisecond the HTTP process
spends is taken from the workers' evaluation, so for a 17 ms join that was the gap to
Oxigraph's own server (figures in ``docs/ARCHITECTURE.md``).

How: for a ``GET``/``HEAD /sparql`` request it does not answer inline,
:class:`unsckg.server.fastpath.FastPath` builds the worker request with the endpoint's own
checks (``SparqlEndpoint.message_for``) and hands it here as a :class:`PooledJob`; anything
it cannot build (a client error, a CORS request) still takes the ASGI path, which reports
it. The protocol stands a :class:`PooledCycle` where uvicorn keeps its request cycle, so
that pipelined requests queue behind it, a lost connection stops the query (the pool kills
its worker) and a graceful shutdown waits for it; :class:`PooledRoad` runs one task: the
pool request, then the whole response (head and body in one ``writelines``) and the access
log line. Every answer is the ASGI path's, byte for byte but the ``date`` header: the same
status, headers (in the same order) and body, errors in the one JSON shape included;
``tests/server/test_endpoint_fastpath.py`` compares the two.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any, Protocol

from unsckg.server.accesslog import LineSink, access_line
from unsckg.server.errors import (
    EndpointError,
    InternalError,
    MethodNotAllowed,
    TooManyRequests,
    error_body,
)
from unsckg.server.headers import RAW
from unsckg.server.negotiation import BY_KEY
from unsckg.server.pool import ClientGone, WorkerPool
from unsckg.server.wire import Message
from uvicorn.protocols.http.flow_control import FlowControl
from uvicorn.protocols.http.httptools_impl import STATUS_LINE

log = logging.getLogger("unsckg.server")
CHUNK = 256 * 1024  # a spooled (large) result is sent in pieces of this size
VARY = b"vary: accept\r\n"
CLOSE = b"connection: close\r\n"
JSON_TYPE = b"content-type: application/json\r\n"


class Connection(Protocol):
    """What the road needs of uvicorn's HTTP protocol for the connection it answers."""

    transport: asyncio.Transport
    flow: FlowControl
    client: tuple[str, int] | None

    def on_response_complete(self) -> None: ...


class Disconnect:
    """Stands for uvicorn's ``message_event`` on a :class:`PooledCycle`: uvicorn's protocol
    calls ``cycle.message_event.set()`` when the connection is lost, which here completes
    the future the pool watches to stop the query."""

    __slots__ = ("gone",)

    def __init__(self, gone: asyncio.Future[None]) -> None:
        self.gone = gone

    def set(self) -> None:
        if not self.gone.done():
            self.gone.set_result(None)


class PooledCycle:
    """The attributes of uvicorn's ``RequestResponseCycle`` that its protocol reads and sets
    on the current request (``response_complete``, ``disconnected``, ``keep_alive``,
    ``message_event``), for a request answered by :class:`PooledRoad`."""

    __slots__ = ("disconnected", "gone", "keep_alive", "message_event", "response_complete")

    def __init__(self, loop: asyncio.AbstractEventLoop, keep_alive: bool) -> None:
        self.gone: asyncio.Future[None] = loop.create_future()
        self.message_event = Disconnect(self.gone)
        self.response_complete = False
        self.disconnected = False
        self.keep_alive = keep_alive


class PooledJob:
    """One request for the pool, as :class:`unsckg.server.fastpath.FastPath` built it."""

    __slots__ = ("head", "message", "method", "query_bytes", "start")

    def __init__(self, message: Message, method: str, query_bytes: int, start: float) -> None:
        self.message, self.method = message, method
        self.head = method == "HEAD"
        self.query_bytes, self.start = query_bytes, start


class DefaultHeaders:
    """uvicorn's default headers (``server``, ``date``) as one piece of bytes, rebuilt only
    when uvicorn renews its list (once a second)."""

    def __init__(self) -> None:
        self._source: list[tuple[bytes, bytes]] | None = None
        self._joined = b""

    def joined(self, default_headers: list[tuple[bytes, bytes]]) -> bytes:
        if default_headers is not self._source:
            self._source = default_headers
            self._joined = b"".join(n + b": " + v + b"\r\n" for n, v in default_headers)
        return self._joined


def error_response(defaults: bytes, error: EndpointError, keep_alive: bool) -> list[bytes]:
    """The ASGI path's answer to ``error`` (``asgi.send_error`` through the security-header
    layer and uvicorn): status line, default headers, the JSON error shape."""
    body = error_body(error)
    extra = b""
    if isinstance(error, MethodNotAllowed):
        extra = b"allow: " + ", ".join(error.allowed).encode() + b"\r\n"
    if isinstance(error, TooManyRequests):
        extra = b"retry-after: " + str(error.retry_after).encode() + b"\r\n"
    length = b"content-length: " + str(len(body)).encode() + b"\r\n"
    close = b"" if keep_alive else CLOSE
    head = STATUS_LINE[error.status] + defaults + JSON_TYPE + length + extra + RAW + close
    return [head + b"\r\n", body]


def ok_head(defaults: bytes, content_type: bytes, size: int, keep_alive: bool) -> bytes:
    """The head of a 200 answer as the ASGI path sends it (``asgi.send_reply``)."""
    close = b"" if keep_alive else CLOSE
    length = str(size).encode()
    head = (STATUS_LINE[200], defaults, b"content-type: ", content_type, b"\r\ncontent-length: ")
    return b"".join((*head, length, b"\r\n", VARY, RAW, close, b"\r\n"))


class PooledRoad:
    """Runs :class:`PooledJob` requests on the pool and writes their answers."""

    def __init__(self, pool: WorkerPool, sink: LineSink | None) -> None:
        self.pool, self.sink = pool, sink
        self.defaults = DefaultHeaders()
        self.answered = 0  # requests answered here (tests read it)

    async def run(
        self,
        job: PooledJob,
        cycle: PooledCycle,
        connection: Connection,
        default_headers: list[tuple[bytes, bytes]],
    ) -> None:
        """Answer ``job`` on ``connection``; nothing is sent if the client left first."""
        status, size = 500, 0
        try:
            client = connection.client[0] if connection.client else ""
            message = job.message
            reply = await self.pool.request(message, message["timeout"], cycle.gone, client)
        except ClientGone:
            pass
        except EndpointError as error:
            status, size = error.status, self._send_error(cycle, connection, default_headers, error)
        except Exception:  # as the ASGI path's guard: logged with its traceback, a bare 500
            log.exception("unexpected error on /sparql")
            internal = InternalError("internal error")
            size = self._send_error(cycle, connection, default_headers, internal)
        else:
            status = 200
            try:
                size = await self._send_reply(job, cycle, connection, default_headers, reply)
            except Exception:  # the head may be out: the connection cannot carry an error
                log.exception("sending a result on /sparql failed")
                connection.transport.close()
        finally:
            self.answered += 1
            self._log(job, connection, status, size)
        self._complete(cycle, connection)

    def _send_error(
        self,
        cycle: PooledCycle,
        connection: Connection,
        default_headers: list[tuple[bytes, bytes]],
        error: EndpointError,
    ) -> int:
        pieces = error_response(self.defaults.joined(default_headers), error, cycle.keep_alive)
        if not connection.transport.is_closing():
            connection.transport.writelines(pieces)
        return len(pieces[1])

    async def _send_reply(
        self,
        job: PooledJob,
        cycle: PooledCycle,
        connection: Connection,
        default_headers: list[tuple[bytes, bytes]],
        reply: Message,
    ) -> int:
        """Write a worker's reply (inline bytes, or its spool file in pieces); the bytes of
        body sent, as the access log counts them."""
        content_type = BY_KEY[reply["format"]].content_type.encode()
        defaults = self.defaults.joined(default_headers)
        transport = connection.transport
        body = reply.get("body")
        if body is not None:
            head = ok_head(defaults, content_type, len(body), cycle.keep_alive)
            if not transport.is_closing():
                transport.writelines((head,) if job.head else (head, body))
            return len(body)
        return await self._send_file(job, cycle, connection, defaults, content_type, reply)

    async def _send_file(
        self,
        job: PooledJob,
        cycle: PooledCycle,
        connection: Connection,
        defaults: bytes,
        content_type: bytes,
        reply: Message,
    ) -> int:
        """A large result from the worker's spool file, unlinked as soon as it is open, sent
        under the transport's flow control; memory stays at one piece."""
        path, sent = reply["path"], 0
        handle = open(path, "rb")  # noqa: SIM115 - closed below, unlinked at once
        os.unlink(path)
        transport = connection.transport
        with handle:
            transport.write(ok_head(defaults, content_type, reply["size"], cycle.keep_alive))
            while not job.head and (chunk := handle.read(CHUNK)):
                if transport.is_closing():
                    break
                transport.write(chunk)
                sent += len(chunk)
                if connection.flow.write_paused:
                    await connection.flow.drain()
        return sent

    def _log(self, job: PooledJob, connection: Connection, status: int, size: int) -> None:
        if self.sink is not None:
            elapsed = (time.perf_counter() - job.start) * 1000
            where = connection.client[0] if connection.client else None
            line = access_line(job.method, "/sparql", job.query_bytes, status, size, elapsed, where)
            self.sink.add(line)

    @staticmethod
    def _complete(cycle: PooledCycle, connection: Connection) -> None:
        """The response is done: close the connection if it must not be kept, and let the
        protocol start a pipelined request or mark the connection idle."""
        cycle.response_complete = True
        if connection.transport.is_closing():
            return
        if not cycle.keep_alive:
            connection.transport.close()
        connection.on_response_complete()


def start(
    road: PooledRoad,
    job: PooledJob,
    connection: Any,
    keep_alive: bool,
) -> PooledCycle:
    """Start answering ``job`` on uvicorn's protocol ``connection``: a task tracked with
    uvicorn's own (a graceful shutdown waits for it); returns the cycle to stand in
    ``connection.cycle``."""
    loop = connection.loop
    cycle = PooledCycle(loop, keep_alive)
    defaults = connection.server_state.default_headers
    task = loop.create_task(road.run(job, cycle, connection, defaults))
    task.add_done_callback(connection.tasks.discard)
    connection.tasks.add(task)
    return cycle
