"""Which remote endpoints a query process is connected to, read from ``/proc``.

Why: pyoxigraph's ``SERVICE`` client has no time limit of its own (its Python binding exposes
none), so a federated endpoint that accepts the connection and never answers holds the query
until the pool kills its process at the deadline. Whether that was a slow query or a silent
endpoint is then told apart here, just before the kill: a worker's only TCP sockets are the
ones its ``SERVICE`` calls open (it talks to the HTTP process over a Unix socket), so an open
TCP connection at the deadline means the query was waiting on the network, and the client gets
502 naming that endpoint rather than 504. Linux only; elsewhere the answer is "none" and the
timeout stays a 504.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

WAITING_STATES = frozenset({"01", "02"})  # ESTABLISHED, SYN_SENT (see include/net/tcp_states.h)


def _socket_inodes(pid: int) -> set[str]:
    inodes: set[str] = set()
    with contextlib.suppress(OSError):
        for entry in os.scandir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(entry.path)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    return inodes


def _address(hex_address: str) -> str:
    """``0100007F:1F90`` -> ``127.0.0.1:8080``; IPv6 as four little-endian words."""
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    if len(raw) == 4:
        return f"{socket.inet_ntop(socket.AF_INET, words)}:{int(port, 16)}"
    return f"[{socket.inet_ntop(socket.AF_INET6, words)}]:{int(port, 16)}"


def remote_peers(pid: int) -> list[str]:
    """``host:port`` of every TCP connection process ``pid`` has open or is opening."""
    inodes = _socket_inodes(pid)
    if not inodes:
        return []
    peers: list[str] = []
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
            for line in lines:
                fields = line.split()
                if len(fields) > 9 and fields[9] in inodes and fields[3] in WAITING_STATES:
                    peers.append(_address(fields[2]))
    return sorted(set(peers))
