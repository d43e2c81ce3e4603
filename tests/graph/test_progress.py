"""Progress of the long commands: a bar on a terminal, one summary line otherwise, a JSON log.

The terminal case runs the real command under a pseudo-terminal (``pty``), as a user's shell
would; the others run it with its stderr piped, as CI and cron do.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from unsckg.graph.cli import main
from unsckg.graph.progress import Display, DocumentEvent, mode_for

SAMPLES = Path(__file__).resolve().parents[2] / "graph" / "samples"
COMMAND = [sys.executable, "-c", "from unsckg.graph.cli import main; main()"]
SUMMARY = re.compile(r"^build: 2/2 documents in [\d.]+ s \([\d.]+ docs/s\), 0 failed$", re.M)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("S-2021-284.zh.txt", "S-PRST-2021-1.zh.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def _environment(tmp_path: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    return keep | {"TERM": "xterm-256color", "COLUMNS": "120", "UNSCKG_STORE": str(tmp_path / "s")}


def _run_in_pty(arguments: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; return the exit code and all output."""
    main_fd, child_fd = pty.openpty()
    process = subprocess.Popen(arguments, stdout=child_fd, stderr=child_fd, env=env)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_shows_the_bar(tmp_path: Path, corpus: Path) -> None:
    code, output = _run_in_pty([*COMMAND, "build", str(corpus)], _environment(tmp_path))
    assert code == 0, output
    assert "━" in output and "2/2" in output and "docs/s" in output and "0 failed" in output
    assert "\x1b[" in output  # drawn with terminal control sequences, redrawn in place
    assert not SUMMARY.search(output)


def test_a_pipe_gets_one_summary_line(tmp_path: Path, corpus: Path) -> None:
    result = subprocess.run(
        [*COMMAND, "build", str(corpus)],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert SUMMARY.search(result.stderr) and "\x1b" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_quiet_prints_no_progress(tmp_path: Path, corpus: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-q", "--store", str(tmp_path / "s"), str(corpus)])
    assert result.exit_code == 0 and result.stderr == ""
    assert "2 added" in result.stdout


def test_log_json_is_one_parsable_line_per_document(tmp_path: Path, corpus: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 100)
    log = tmp_path / "log.jsonl"
    store = tmp_path / "s"
    arguments = ["build", "--store", str(store), "--log-json", str(log), str(corpus)]
    assert CliRunner().invoke(main, arguments).exit_code == 1
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    by_name = {Path(line["source"]).name: line for line in lines}
    assert set(by_name) == {"S-2021-284.zh.txt", "S-PRST-2021-1.zh.txt", "broken.txt"}
    assert by_name["broken.txt"]["outcome"] == "failed" and by_name["broken.txt"]["error"]
    good = by_name["S-2021-284.zh.txt"]
    assert good["outcome"] == "added" and good["facts"] > 0 and good["seconds"] > 0
    assert good["error"] is None and good["source"] == str(corpus / "S-2021-284.zh.txt")
    assert CliRunner().invoke(main, arguments).exit_code == 1  # built again: unchanged
    again = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["outcome"] for line in again) == ["failed", "unchanged", "unchanged"]


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_the_mode_follows_the_stream_and_quiet() -> None:
    assert mode_for(False, _Stream(True)) == "bar"  # type: ignore[arg-type]
    assert mode_for(False, _Stream(False)) == "summary"  # type: ignore[arg-type]
    assert mode_for(True, _Stream(True)) == "quiet"  # type: ignore[arg-type]


def test_the_summary_counts_failures(tmp_path: Path) -> None:
    with (tmp_path / "out").open("w+") as stream:
        with Display("import", "summary", stream) as shown:
            shown.start(2)
            shown.document(DocumentEvent("a.ttl", "imported"))
            shown.document(DocumentEvent("b.ttl", "failed", error="bad"))
        stream.seek(0)
        assert re.fullmatch(r"import: 2/2 documents in .* 1 failed\n", stream.read())
