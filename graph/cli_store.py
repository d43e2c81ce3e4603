"""Commands over an existing store: query, export, import, validate, stats, remove, link."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click
import pyoxigraph as ox
from unsckg.graph.cli import echo_json, opened, store_option, translated
from unsckg.graph.cli_progress import display, progress_options, quiet_option
from unsckg.graph.errors import GraphError
from unsckg.graph.progress import CountingWriter, DocumentEvent, mode_for
from unsckg.graph.store import Store

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


@click.command()
@click.argument("sparql")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", *RESULT_FORMATS]), default="table")
def query(sparql: str, store_dir: Path, fmt: str) -> None:
    """Run SPARQL (or @file.rq) on the store; the default graph is the merge of all graphs."""
    from unsckg.graph.results import render_table

    text = _read_query(sparql)
    with opened(store_dir, read_only=True) as store, translated():
        result = store.query(text)
        if isinstance(result, ox.QueryTriples):
            sys.stdout.buffer.write(result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")
        elif fmt == "table":
            click.echo(render_table(result))
        else:
            sys.stdout.buffer.write(result.serialize(format=RESULT_FORMATS[fmt]) or b"")
            if fmt == "json":
                click.echo()


def _read_query(argument: str) -> str:
    if not argument.startswith("@"):
        return argument
    path = Path(argument[1:])
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot read query file {path}: {error.strerror}") from error


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nquads", "turtle", "jsonld"]),
    default="trig",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@quiet_option
def export(store_dir: Path, fmt: str, output: Path | None, quiet: bool) -> None:
    """Dump the store (TriG and N-Quads keep the named graphs).

    Progress (MB written) goes to stderr; a reader that stops early (``| head``) ends the
    export quietly.
    """
    mode = mode_for(quiet, sys.stderr)
    with opened(store_dir, read_only=True) as store:
        if output is not None:
            with _writable(output) as handle:
                _export(store, CountingWriter(handle, "export", mode, sys.stderr), fmt)
            return
        writer = CountingWriter(sys.stdout.buffer, "export", mode, sys.stderr)
        try:
            _export(store, writer, fmt)
            sys.stdout.flush()
        except (click.ClickException, BrokenPipeError):
            if not writer.pipe_closed:
                raise
            _stdout_gone()


def _export(store: Store, writer: CountingWriter, fmt: str) -> None:
    from unsckg.graph.export import export_store

    with translated():
        export_store(store, writer, fmt)  # type: ignore[arg-type]
    writer.finish()


@contextmanager
def _writable(path: Path) -> Iterator[IO[bytes]]:
    try:
        handle = path.open("wb")
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from error
    with handle:
        yield handle


def _stdout_gone() -> None:
    """The reader of stdout left: end quietly, as ``cat`` does, with nothing more written."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@progress_options
def import_(files: tuple[Path, ...], store_dir: Path, quiet: bool, log_json: Path | None) -> None:
    """Load RDF files (TriG, N-Quads, Turtle, N-Triples) into the store as they are."""
    from unsckg.graph.export import import_file

    failed: list[str] = []
    with opened(store_dir) as store, display("import", quiet, log_json) as shown:
        shown.start(len(files))
        for path in files:
            before, started = len(store), time.perf_counter()
            try:
                import_file(store, path)
            except GraphError as error:
                shown.document(DocumentEvent(str(path), "failed", error=str(error)))
                failed.append(f"Error: {error}")
                continue
            seconds = time.perf_counter() - started
            shown.document(DocumentEvent(str(path), "imported", seconds, len(store) - before))
        total = len(store)
    click.echo(f"imported {len(files) - len(failed)} file(s); {total} quads")
    for line in failed:  # after the progress, as build does: the errors end the output
        click.echo(line, err=True)
    if failed:
        sys.exit(1)


@click.command()
@store_option
def validate(store_dir: Path) -> None:
    """SHACL shapes and Council rules: exit 0 conforms, 1 violations, 2 could not run."""
    from unsckg.graph.validate import validate as run

    try:
        with opened(store_dir, read_only=True) as store:
            report = run(store)
    except (GraphError, click.ClickException) as error:
        click.echo(f"Error: {error if isinstance(error, GraphError) else error.message}", err=True)
        sys.exit(2)
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(store_dir: Path, as_json: bool) -> None:
    """Counts per class and per named graph."""
    from unsckg.graph.stats import stats as compute

    with opened(store_dir, read_only=True) as store, translated():
        result = compute(store)
    if as_json:
        echo_json(result.as_dict())
        return
    click.echo(
        f"{result.triples} quads: {len(result.graphs)} named graphs, "
        f"{result.merged} triples in their merge (the default graph)"
    )
    click.echo("graphs:")
    for name, count in result.graphs.items():
        click.echo(f"  {count:>8}  {name}")
    click.echo("classes:")
    for name, count in result.classes.items():
        click.echo(f"  {count:>8}  {name}")


@click.command()
@click.argument("document")
@store_option
def remove(document: str, store_dir: Path) -> None:
    """Delete a document's graph: DOCUMENT is a symbol (S/2021/284), a file name or an IRI."""
    from unsckg.graph.remove import remove_document

    with opened(store_dir) as store, translated():
        iri = remove_document(store, document)
    click.echo(f"removed {iri}")


@click.command()
@click.argument("target", required=False, type=click.Choice(["wikidata"]))
@store_option
@click.option("--report", is_flag=True, help="Only report what is linked, per class.")
@click.option("--endpoint", default=None, help="SPARQL service for `link wikidata`.")
@progress_options
def link(
    target: str | None,
    store_dir: Path,
    report: bool,
    endpoint: str | None,
    quiet: bool,
    log_json: Path | None,
) -> None:
    """Rewrite the reference graphs (links to Wikidata); --report: what is linked, per class.

    ``link wikidata`` (network, opt-in) asks Wikidata for resolutions, people and
    organisations and saves what it finds in the store's folder for later builds."""
    from unsckg.graph.link import link_report, report_text

    if target == "wikidata":
        from unsckg.graph.cli_votes import link_wikidata

        link_wikidata(store_dir, endpoint)
        return
    if not report:
        from unsckg.graph.build import write_reference_graphs

        with opened(store_dir) as store, translated():
            with display("link", quiet, log_json) as shown:
                write_reference_graphs(store, observer=shown)
            click.echo(report_text(link_report(store)))
        return
    with opened(store_dir, read_only=True) as store, translated():
        click.echo(report_text(link_report(store)))


COMMANDS = (query, export, import_, validate, stats, remove, link)
