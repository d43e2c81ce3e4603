"""The writer's malloc arena cap (unsckg.graph.arenas), in a fresh interpreter each time:
the cap is process-wide and applied once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from unsckg.graph.arenas import libc_function

PROBE = """
import sys
from pathlib import Path

from unsckg.graph.arenas import libc_function
from unsckg.graph import arenas
from unsckg.graph.store import Store
Store(Path(sys.argv[1])).close()
print(arenas.limit_malloc_arenas.cache_info().currsize, arenas.limit_malloc_arenas())
"""


def _probe(store: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(store)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_opening_a_writable_store_caps_the_arenas(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    applied = sys.platform.startswith("linux")  # glibc's mallopt; elsewhere a no-op
    assert _probe(tmp_path / "store", env) == f"1 {applied}"


def test_a_users_own_setting_is_left_alone(tmp_path: Path) -> None:
    env = os.environ | {"MALLOC_ARENA_MAX": "4"}
    assert _probe(tmp_path / "store", env) == "1 False"


def test_a_function_the_c_library_lacks_is_none() -> None:
    """What musl or macOS give for glibc's own functions: callers skip the call."""
    assert libc_function("unsckg_no_such_function") is None
    assert (libc_function("malloc_trim") is not None) is sys.platform.startswith("linux")
