"""The ``unsckg`` command line, run in-process with click's CliRunner on real on-disk stores.

Errors must be one line on stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from unsckg.graph.cli import main
from unsckg.graph.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "graph" / "samples"
QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"
PRESIDENCIES = (
    "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#> "
    "SELECT ?m ?s WHERE { ?p a unsc:Presidency ; unsc:month ?m ; unsc:heldBy ?s } ORDER BY ?m"
)


def run(*args: str, store: Path | None = None) -> Result:
    env = {"UNSCKG_STORE": str(store)} if store else {}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def assert_one_line_error(result: Result, code: int, fragment: str) -> None:
    assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert lines and fragment in lines[-1] and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("build", store=store)
    assert result.exit_code == 0, result.output
    return store


def test_build_without_paths_ingests_the_samples_once(tmp_path: Path) -> None:
    store = tmp_path / "s"
    first = run("build", "--store", str(store))
    second = run("build", "--store", str(store))
    assert "7 added" in first.stdout and "7 unchanged" in second.stdout
    assert first.stdout.split(";")[-1] == second.stdout.split(";")[-1]  # same quad count


def test_build_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 100)
    result = run("build", str(corpus), store=tmp_path / "s")
    assert "7 added" in result.stdout and "1 failed" in result.stdout
    assert_one_line_error(result, 1, "broken.txt")


def test_build_stores_the_good_files_then_names_each_failed_one(tmp_path: Path) -> None:
    good = shutil.copy(SAMPLES / "S-2021-284.zh.txt", tmp_path)
    (tmp_path / "a.bin").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "z.txt").write_bytes(b"")
    store = tmp_path / "s"
    result = run("build", str(tmp_path / "a.bin"), str(good), str(tmp_path / "z.txt"), store=store)
    assert result.exit_code == 1 and "1 added" in result.stdout and "2 failed" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    expected = [str(tmp_path / "a.bin"), str(tmp_path / "z.txt")]  # the paths as given
    assert [line.split(": ")[1] for line in errors] == expected
    assert result.stderr.startswith("build: 3/3 documents")  # the summary line, then the errors
    graphs = json.loads(run("stats", "--json", store=store).stdout)["graphs"]
    assert "https://w3id.org/unsc-kg/id/document/S-2021-284" in graphs


def test_a_missing_build_path_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "s"
    result = run("build", str(SAMPLES / "S-2021-284.zh.txt"), str(tmp_path / "nope"), store=store)
    assert_one_line_error(result, 1, "no such file or folder")
    with Store(store) as written:
        assert len(written) == 0


def test_a_locked_store_is_a_clear_error(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(built, copy)
    with Store(copy):
        result = run("build", store=copy)
    assert_one_line_error(result, 1, "open for writing by another process")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_query_formats(built: Path, fmt: str) -> None:
    result = run("query", PRESIDENCIES, "--format", fmt, store=built)
    assert result.exit_code == 0 and "VNM" in result.stdout
    if fmt == "json":
        assert len(json.loads(result.stdout)["results"]["bindings"]) == 4


def test_query_from_a_file(built: Path) -> None:
    result = run("query", f"@{QUERIES / 'presidencies-by-month.rq'}", store=built)
    assert "Viet Nam" in result.stdout and "(4 rows)" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("query", "SELECT WHERE {"), "invalid SPARQL"),
        (("query", "@/nonexistent.rq"), "cannot read query file"),
        (("remove", "S/1999/1"), "no document"),
    ],
)
def test_user_mistakes_are_one_line_errors(
    built: Path, args: tuple[str, ...], fragment: str
) -> None:
    assert_one_line_error(run(*args, store=built), 1, fragment)


def test_query_on_a_missing_store_says_to_build(tmp_path: Path) -> None:
    assert_one_line_error(run("query", "ASK {}", store=tmp_path / "none"), 1, "unsckg build")


def test_export_import_round_trip(built: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.trig"
    assert run("export", "--format", "trig", "-o", str(dump), store=built).exit_code == 0
    copy = tmp_path / "copy"
    assert run("import", str(dump), store=copy).exit_code == 0
    original = json.loads(run("stats", "--json", store=built).stdout)
    imported = json.loads(run("stats", "--json", store=copy).stdout)
    assert imported == original


def test_import_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert_one_line_error(run("import", str(bad), store=tmp_path / "s"), 1, "bad.ttl")


def test_validate_exit_codes(built: Path, tmp_path: Path) -> None:
    assert run("validate", store=built).exit_code == 0
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    conflict = tmp_path / "conflict.trig"
    conflict.write_text(
        "<https://w3id.org/unsc-kg/id/document/S-2021-999> {\n"
        "<https://w3id.org/unsc-kg/id/presidency/2021-04> "
        "<https://w3id.org/unsc-kg/ontology#heldBy> <https://w3id.org/unsc-kg/id/state/IND> .\n}\n"
    )
    assert run("import", str(conflict), store=broken).exit_code == 0
    result = run("validate", store=broken)
    assert result.exit_code == 1 and "one-presidency-per-month" in result.stdout
    assert run("validate", store=tmp_path / "none").exit_code == 2


def test_stats_and_link_report(built: Path) -> None:
    stats = json.loads(run("stats", "--json", store=built).stdout)
    assert stats["classes"]["https://w3id.org/unsc-kg/ontology#Presidency"] == 4
    report = run("link", "--report", store=built).stdout
    assert report.splitlines()[0].startswith("class") and "MemberState" in report


def test_remove_deletes_one_document(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(built, copy)
    result = run("remove", "S/2021/284", store=copy)
    assert result.exit_code == 0 and "S-2021-284" in result.stdout
    graphs = json.loads(run("stats", "--json", store=copy).stdout)["graphs"]
    assert "https://w3id.org/unsc-kg/id/document/S-2021-284" not in graphs
    assert run("remove", "VNM-2021-03-25-letter.zh.txt", store=copy).exit_code == 0


def test_extract_prints_the_facts_format() -> None:
    one = run("extract", str(SAMPLES / "S-2021-284.zh.txt"))
    assert json.loads(one.stdout)["symbol"] == "S/2021/284"
    two = run("extract", str(SAMPLES / "S-2021-284.zh.txt"), str(SAMPLES / "S-2018-184.zh.txt"))
    assert [d["symbol"] for d in json.loads(two.stdout)] == ["S/2021/284", "S/2018/184"]


def test_extract_rdf_and_a_missing_file(tmp_path: Path) -> None:
    trig = run("extract", "--format", "trig", str(SAMPLES / "S-2021-284.zh.txt"))
    assert "unsc:Presidency" in trig.stdout
    result = run("extract", str(tmp_path / "none.txt"), str(SAMPLES / "S-2021-284.zh.txt"))
    assert json.loads(result.stdout)[0]["symbol"] == "S/2021/284"
    assert_one_line_error(result, 1, "none.txt")


@pytest.mark.parametrize("fmt", ["json", "turtle"])
def test_extract_prints_the_good_files_and_exits_1_on_any_bad_one(tmp_path: Path, fmt: str) -> None:
    first, last = SAMPLES / "S-2021-284.zh.txt", SAMPLES / "S-2018-184.zh.txt"
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    result = run("extract", "--format", fmt, str(first), str(bad), str(tmp_path), str(last))
    assert_one_line_error(result, 1, str(tmp_path.name))
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and errors[0].startswith(f"Error: {bad}: ")
    if fmt == "json":
        assert [d["symbol"] for d in json.loads(result.stdout)] == ["S/2021/284", "S/2018/184"]
    else:
        assert "S-2021-284" in result.stdout and "S-2018-184" in result.stdout


@pytest.mark.parametrize("command", ["extract", "build"])
def test_help_documents_the_exit_codes(command: str) -> None:
    assert "Exit codes: 0 " in run(command, "--help").stdout
