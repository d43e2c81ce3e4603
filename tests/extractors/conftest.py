"""Fixtures for the extractor tests: the dev documents (the bundled samples in
``graph/samples``) and their gold facts (``tests/data/gold``), found relative to this file.

A test that takes a ``dev_name`` argument runs once per dev document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "graph" / "samples"
GOLD = ROOT / "tests" / "data" / "gold"
DEV_DOCUMENTS = sorted(p.name for p in SAMPLES.glob("*.zh.txt"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "dev_name" in metafunc.fixturenames:
        metafunc.parametrize("dev_name", DEV_DOCUMENTS)


@pytest.fixture(scope="session")
def dev_facts() -> dict[str, DocumentFacts]:
    """The facts of every dev document, extracted once for the session."""
    return {name: extract_file(SAMPLES / name) for name in DEV_DOCUMENTS}


@pytest.fixture(scope="session")
def sample() -> Callable[[str], str]:
    """The text of a dev document by file name (``sample("S-2021-284.zh.txt")``)."""
    return lambda name: (SAMPLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> Callable[[str], dict[str, Any]]:
    """The gold facts of a dev document by the document's file name."""

    def read(name: str) -> dict[str, Any]:
        path = GOLD / name.replace(".txt", ".json")
        return dict(json.loads(path.read_text(encoding="utf-8")))

    return read
