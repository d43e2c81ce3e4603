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
from typing import Any

Message = dict[str, Any]
_HEADER = struct.Struct(">I")


def encode(message: Message) -> bytes:
    payload = marshal.dumps(message)
    return _HEADER.pack(len(payload)) + payload


def send_blocking(sock: socket.socket, message: Message) -> None:
    sock.sendall(encode(message))


def _recv_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def recv_blocking(sock: socket.socket) -> Message | None:
    """The next message, or None when the other end has closed the connection."""
    header = _recv_exactly(sock, _HEADER.size)
    if header is None:
        return None
    payload = _recv_exactly(sock, _HEADER.unpack(header)[0])
    if payload is None:
        return None
    message: Message = marshal.loads(payload)
    return message


async def recv_async(reader: asyncio.StreamReader) -> Message:
    """The next message; raises ``asyncio.IncompleteReadError`` if the worker died."""
    header = await reader.readexactly(_HEADER.size)
    payload = await reader.readexactly(_HEADER.unpack(header)[0])
    message: Message = marshal.loads(payload)
    return message
