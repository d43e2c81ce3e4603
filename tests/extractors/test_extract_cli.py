"""``python -m unsckg.extractors``: one object for one file, a list for several, one stderr
line per bad file and exit 1, the good files still printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "unsckg.extractors", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_one_file_prints_one_object() -> None:
    result = run(str(SAMPLES / "S-2021-284.zh.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["symbol"] == "S/2021/284"
    assert facts["mentions_evidence"]["documents_cited"][0]["value"] == "S/2018/623"


def test_batch_with_a_bad_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(
        str(SAMPLES / "S-PRST-2021-1.zh.txt"), str(empty), str(SAMPLES / "S-2018-184.zh.txt")
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["error: empty.txt: empty file"]
    assert [f["source"] for f in json.loads(result.stdout)] == [
        "S-PRST-2021-1.zh.txt",
        "S-2018-184.zh.txt",
    ]


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nothing.txt"))
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nothing.txt" in result.stderr and "Traceback" not in result.stderr
