"""Whether the query processes can be cut off from the network, and what follows if not.

The workers move into an empty network namespace (see :func:`unsckg.server.worker.
isolate_network`) when no ``SERVICE``/``LOAD`` endpoint is allowed: a query that slipped past
the parse guard would find no network at all. With an allow-list the workers need the
network, so the guard (:mod:`unsckg.server.guard`) stands alone; where the kernel refuses
unprivileged namespaces (some containers) it stands alone in every case. An allow-list is
therefore refused on such a system unless the operator accepts that explicitly with
``unsafe_network`` (``unsckg serve --unsafe-network``).
"""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Callable

from unsckg.server.settings import ServerSettings


class UnsafeNetwork(ValueError):
    """``--allow-service`` on a system without network namespaces, and no ``--unsafe-network``."""


@functools.cache
def namespaces_available() -> bool:
    """Whether a child process can enter a new user and network namespace (probed once, in
    a short-lived child: the calling process must keep its network)."""
    command = [sys.executable, "-m", "unsckg.server.worker", "--probe-isolation"]
    try:
        return subprocess.run(command, capture_output=True, timeout=30, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def require_isolation(
    settings: ServerSettings, probe: Callable[[], bool] = namespaces_available
) -> None:
    """:raises UnsafeNetwork: see the module docstring."""
    if settings.service_allowlist and not settings.unsafe_network and not probe():
        raise UnsafeNetwork(
            "--allow-service is refused: this system cannot give query processes their own "
            "network namespace, so nothing but the query check would stand between a query "
            "and the local network; pass --unsafe-network to accept that"
        )
