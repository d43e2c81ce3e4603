"""Shared fixtures of the ontology tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load_script(name: str) -> ModuleType:
    path = REPO / "ontology" / "reference" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_unsckg_reference_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a generator script of ``ontology/reference/`` (a folder of scripts, not a package)."""
    return _load_script
