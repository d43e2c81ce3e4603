"""The command line as a new user meets it: pipes, Chinese tables, damaged files.

- ``unsckg export | head`` ends quietly, as Unix tools do;
- ``unsckg query`` tables align Chinese text by display width (two cells a character);
- what the PDF library says about a damaged PDF is part of the one-line error naming the path
  as given.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner
from rich.cells import cell_len
from unsckg.graph.cli import main
from unsckg.graph.results import render_table

COMMAND = [sys.executable, "-c", "from unsckg.graph.cli import main; main()"]


def test_export_into_head_ends_quietly(built_store_path: Path) -> None:
    export = subprocess.Popen(
        [*COMMAND, "export", "--store", str(built_store_path), "--format", "nquads"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert export.stdout is not None and export.stderr is not None
    head = subprocess.run(["head", "-n", "2"], stdin=export.stdout, capture_output=True)
    export.stdout.close()  # only head reads it now: its exit closes the pipe
    stderr = export.stderr.read().decode()
    assert export.wait(timeout=60) == 0
    assert len(head.stdout.splitlines()) == 2
    assert stderr == "", stderr


def test_export_to_a_file_says_how_much(built_store_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--store", str(built_store_path), "-o", str(tmp_path / "d.trig")]
    )
    assert result.exit_code == 0 and result.stderr.startswith("export: ")
    assert (tmp_path / "d.trig").stat().st_size > 0


def test_tables_align_chinese_by_display_width() -> None:
    values = '("地雷行动与保持和平" 1) ("mine action" 2)'
    result = ox.Store().query(f"SELECT ?theme ?n WHERE {{ VALUES (?theme ?n) {{ {values} }} }}")
    assert isinstance(result, ox.QuerySolutions)
    lines = render_table(result).splitlines()
    # the second column starts at the same terminal column on every row
    starts = [cell_len(line[: line.rindex(" ") + 1]) for line in (lines[2], lines[3])]
    assert starts[0] == starts[1], lines
    assert len(lines[1].split("  ")[0]) == cell_len("地雷行动与保持和平") == 18


def test_a_damaged_pdf_is_one_line_with_the_library_warning(tmp_path: Path) -> None:
    broken = tmp_path / "sub" / "broken.pdf"
    broken.parent.mkdir()
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n")
    result = subprocess.run(
        [*COMMAND, "extract", str(broken)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {broken}: ") and "PDFium: Data format error" in lines[0]


def test_the_samples_readme_names_files_that_exist() -> None:
    import re

    samples = Path(__file__).resolve().parents[2] / "graph" / "samples"
    named = re.findall(r"`([^`/]+\.txt)`", (samples / "README.md").read_text(encoding="utf-8"))
    assert len(named) == 7
    assert all((samples / name).is_file() for name in named), named
