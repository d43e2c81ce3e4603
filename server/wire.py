"""The frames exchanged between the HTTP process and its worker processes.

A frame is a 4-byte big-endian length followed by a ``marshal``-encoded dict (only builtin
types cross: str, bytes, int, bool, None, lists). ``marshal`` is the fastest codec the standard
library has for such values, and both ends run the same interpreter, which it requires.

On the HTTP side a :class:`Channel` (a bare ``asyncio.Protocol``) reads the frames: one request
is in flight per worker, so a reply completes one future straight from ``data_received``.
Why not ``asyncio.StreamReader``: its two ``readexactly`` awaits per reply, the waiter futures
and the flow-control machinery cost the HTTP process more than a short query does.
"""

from __future__ import annotations

import asyncio
import marshal
import socket
import struct
from typing import Any, BinaryIO

Message = dict[str, Any]
_HEADER = struct.Struct(">I")


def encode(message: Message) -> bytes:
    payload = marshal.dumps(message)
    return _HEADER.pack(len(payload)) + payload


def send_blocking(sock: socket.socket, message: Message) -> None:
    sock.sendall(encode(message))


def recv_blocking(stream: BinaryIO) -> Message | None:
    """The next message from a buffered reader of the socket (``sock.makefile("rb")``: one
    system call usually brings header and payload), or None once the other end has closed."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    size = _HEADER.unpack(header)[0]
    payload = stream.read(size)
    if len(payload) < size:
        return None
    message: Message = marshal.loads(payload)
    return message


class Channel(asyncio.Protocol):
    """The HTTP side of one worker's socket: send a frame, await the one reply.

    ``reply()`` returns the future of the next frame (the first is the worker's hello). If
    the worker dies first, the future fails with ``ConnectionError``.
    """

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.pending: asyncio.Future[Message] | None = None
        self.lost = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def reply(self) -> asyncio.Future[Message]:
        future: asyncio.Future[Message] = asyncio.get_running_loop().create_future()
        if self.lost:
            future.set_exception(ConnectionError("the worker closed its socket"))
        else:
            self.pending = future
            self._deliver()
        return future

    def send(self, message: Message) -> asyncio.Future[Message]:
        """Write ``message`` and return the future of its reply."""
        future = self.reply()
        if self.transport is not None and not self.lost:
            self.transport.write(encode(message))
        return future

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._deliver()

    def _deliver(self) -> None:
        future, buffer = self.pending, self.buffer
        if future is None or len(buffer) < _HEADER.size:
            return
        end = _HEADER.size + _HEADER.unpack_from(buffer)[0]
        if len(buffer) < end:
            return
        message: Message = marshal.loads(memoryview(buffer)[_HEADER.size : end])
        del buffer[:end]
        self.pending = None
        if not future.done():
            future.set_result(message)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        future, self.pending = self.pending, None
        if future is not None and not future.done():
            future.set_exception(ConnectionError("the worker closed its socket"))

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
