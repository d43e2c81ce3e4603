"""The frames exchanged between the HTTP process and its worker processes.

A frame is a 4-byte big-endian length followed by a ``marshal``-encoded dict (only builtin
types cross: str, bytes, int, bool, None, lists). ``marshal`` is the fastest codec the standard
library has for such values, and both ends run the same interpreter, which it requires.
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


async def recv_async(reader: asyncio.StreamReader) -> Message:
    """The next message; raises ``asyncio.IncompleteReadError`` if the worker died."""
    header = await reader.readexactly(_HEADER.size)
    payload = await reader.readexactly(_HEADER.unpack(header)[0])
    message: Message = marshal.loads(payload)
    return message
