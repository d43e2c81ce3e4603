"""Every document with gold in the repository against the facts pinned in ``tests/data/golden``.

Why pin all facts and not only the gold's: the gold scores a few categories with a tolerant
scorer; a refactor (the language packs, wordings as data) must keep *every* fact and its
evidence. A lost or changed fact fails with a readable diff. A change that gains facts rewrites
the pinned file in the same commit:

    UNSCKG_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/extractors/test_golden_facts.py

Documents: the dev set (``graph/samples``) and every ``tests/data/heldout*/corpus``.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from unsckg.extractors.facts import to_json_dict
from unsckg.extractors.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"
REGENERATE = os.environ.get("UNSCKG_REGENERATE_GOLDEN") == "1"


def _documents() -> list[tuple[str, Path]]:
    """(set name, document path) for every document that has gold."""
    found = [("dev", p) for p in sorted((ROOT / "graph" / "samples").glob("*.txt"))]
    for folder in sorted((ROOT / "tests" / "data").glob("heldout*")):
        for doc in sorted((folder / "corpus").iterdir()):
            if (folder / "gold" / (doc.stem + ".json")).exists():
                found.append((folder.name, doc))
    return found


def _pretty(facts: dict[str, object]) -> str:
    return json.dumps(facts, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize(
    ("set_name", "path"), _documents(), ids=[f"{s}/{p.name}" for s, p in _documents()]
)
def test_facts_unchanged(set_name: str, path: Path) -> None:
    pinned = GOLDEN / set_name / (path.name + ".json")
    actual = _pretty(to_json_dict(extract_file(path)))
    if REGENERATE:
        pinned.parent.mkdir(parents=True, exist_ok=True)
        pinned.write_text(actual, encoding="utf-8")
    expected = pinned.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "pinned", "extracted", lineterm="", n=2
        )
        pytest.fail(f"facts of {set_name}/{path.name} changed:\n" + "\n".join(diff))
