"""A text that looks broken is loaded all the same, with one warning naming the file and the
reasons (logger ``unsckg.extractors``); the command line prints it on stderr as
``warning: FILE: reason``. Sound texts, the real ones included, give no warning."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from unsckg.extractors.load import load_bytes, load_file
from unsckg.extractors.textcheck import broken_reasons
from unsckg.graph.cli import main

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
CHN_LETTER = "CHN-2021-05-05-letter.zh.txt"
KANGXI = str.maketrans({"月": "⽉", "日": "⽇", "人": "⼈", "大": "⼤", "一": "⼀", "长": "⻓"})


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "unsckg.extractors"]


def test_compatibility_characters_warn_once(
    caplog: pytest.LogCaptureFixture, sample: Callable[[str], str]
) -> None:
    text = sample(CHN_LETTER).translate(KANGXI)
    with caplog.at_level(logging.WARNING, logger="unsckg.extractors"):
        raw = load_bytes(text.encode("utf-8"), "kangxi.txt")
    assert raw.text == text  # loaded as it is: folding is normalisation's
    [message] = warnings_of(caplog)
    assert message.startswith("kangxi.txt: text looks broken: ")
    assert "ideographs are compatibility characters" in message
    assert caplog.records[0].levelno == logging.WARNING


def test_letters_spelt_one_by_one_warn() -> None:
    text = "S e c u r i t y  C o u n c i l  m e e t i n g  on the situation in the Middle East"
    [reason] = broken_reasons(text)
    assert "letters stand alone between spaces" in reason


def test_replacement_characters_warn() -> None:
    text = "安全理事会\ufffd\ufffd会议\ufffd于2020年举行" * 3
    [reason] = broken_reasons(text)
    assert reason.startswith("9 replacement characters (U+FFFD)")


def test_pdf_with_almost_no_text_per_page_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "images.pdf"
    pdf = canvas.Canvas(str(path))
    for page in range(1, 4):
        pdf.drawString(50, 800, f"S/PV.8701 {page}/3")
        pdf.showPage()
    pdf.save()
    with caplog.at_level(logging.WARNING, logger="unsckg.extractors"):
        load_file(path)
    [message] = warnings_of(caplog)
    assert message.startswith("images.pdf: text looks broken: only 12 characters per page")


def test_several_signs_make_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    text = "安全理事会 2021年5⽉4⽇ ⼈⼈⼈ \ufffd\ufffd\ufffd"
    with caplog.at_level(logging.WARNING, logger="unsckg.extractors"):
        load_bytes(text.encode("utf-8"), "two.txt")
    [message] = warnings_of(caplog)
    assert message.count(";") == 1


@pytest.mark.parametrize("name", ["S-PV-8701.en.pdf", "S-RES-44-1948.zh-hant.txt"])
def test_real_documents_do_not_warn(caplog: pytest.LogCaptureFixture, name: str) -> None:
    with caplog.at_level(logging.WARNING, logger="unsckg.extractors"):
        load_file(REAL / name)
    assert warnings_of(caplog) == []


def test_dev_documents_do_not_warn(sample: Callable[[str], str], dev_name: str) -> None:
    assert broken_reasons(sample(dev_name)) == []


def test_cli_prints_the_warning_on_stderr_and_goes_on(
    tmp_path: Path, sample: Callable[[str], str]
) -> None:
    path = tmp_path / "kangxi.txt"
    path.write_text(sample(CHN_LETTER).translate(KANGXI), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("warning: kangxi.txt: text looks broken: ")
    facts = json.loads(result.stdout)
    assert facts["date"] == "2021-05-05"


def test_cli_prints_each_warning_once_however_often_it_runs(
    tmp_path: Path, sample: Callable[[str], str]
) -> None:
    path = tmp_path / "kangxi.txt"
    path.write_text(sample(CHN_LETTER).translate(KANGXI), encoding="utf-8")
    for _ in range(2):
        result = CliRunner().invoke(main, ["extract", str(path)])
        assert len(result.stderr.splitlines()) == 1


def test_importing_the_cli_routes_the_warnings() -> None:
    # how ``build --jobs N`` gets the line in its workers: processes started by spawn import the
    # ``unsckg`` script and so the CLI's module, but never run its ``main``
    code = (
        "import logging, unsckg.graph.cli; "
        "logging.getLogger('unsckg.extractors').warning('a.pdf: text looks broken: why')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stderr == "warning: a.pdf: text looks broken: why\n"
