"""The frames exchanged between the HTTP process and its worker processes.

A frame is a 4-byte big-endian length followed by a ``marshal``-encoded dict (only builtin
types cross: str, bytes, int, bool, None, lists). ``marshal`` is the fastest codec the standard
library has for such values, and both ends run the same interpreter, which it requires.

A reply's serialised result (``body``, often a hundred kilobytes and more) does not go through
``marshal``: the dict says its length (``raw``) and the bytes follow the frame as they are,
handed to the kernel with the frame in one ``sendmsg`` (no copy into a marshal buffer, none
into a frame). The worker is then free as soon as the kernel has them.

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
    body = message.get("body")
    if body is None:
        sock.sendall(encode(message))
        return
    head = encode({**{k: v for k, v in message.items() if k != "body"}, "raw": len(body)})
    sent = sock.sendmsg([head, body])
    if sent < len(head) + len(body):  # a signal can cut a send short; finish it
        sock.sendall(memoryview(b"".join((head, body)))[sent:])


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
    raw = message.pop("raw", None)
    if raw is not None:
        body = stream.read(raw)
        if len(body) < raw:
            return None
        message["body"] = body
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
        self.head: Message | None = None  # a frame read, waiting for its raw body

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
        if future is None:
            return
        message = self.head or self._frame()
        if message is None:
            return
        raw = message.pop("raw", None)
        if raw is not None:
            if len(buffer) < raw:
                message["raw"], self.head = raw, message
                return
            with memoryview(buffer) as view, view[:raw] as body:
                message["body"] = bytes(body)
            del buffer[:raw]
        self.head = self.pending = None
        if not future.done():
            future.set_result(message)

    def _frame(self) -> Message | None:
        """The next frame's dict, taken from the buffer, or None until it is complete."""
        buffer = self.buffer
        if len(buffer) < _HEADER.size:
            return None
        end = _HEADER.size + _HEADER.unpack_from(buffer)[0]
        if len(buffer) < end:
            return None
        message: Message = marshal.loads(memoryview(buffer)[_HEADER.size : end])
        del buffer[:end]
        return message

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        future, self.pending = self.pending, None
        if future is not None and not future.done():
            future.set_exception(ConnectionError("the worker closed its socket"))

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
