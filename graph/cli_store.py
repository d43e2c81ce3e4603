"""Commands over an existing store: query, export, import, validate, stats, remove, link."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox
from unsckg.graph.cli import echo_json, opened, store_option, translated
from unsckg.graph.errors import GraphError

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
def export(store_dir: Path, fmt: str, output: Path | None) -> None:
    """Dump the store (TriG and N-Quads keep the named graphs)."""
    from unsckg.graph.export import export_store

    with opened(store_dir, read_only=True) as store, translated():
        if output is None:
            export_store(store, sys.stdout.buffer, fmt)
        else:
            with output.open("wb") as handle:
                export_store(store, handle, fmt)


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
def import_(files: tuple[Path, ...], store_dir: Path) -> None:
    """Load RDF files (TriG, N-Quads, Turtle, N-Triples) into the store as they are."""
    from unsckg.graph.export import import_file

    failed = 0
    with opened(store_dir) as store:
        for path in files:
            try:
                import_file(store, path)
            except GraphError as error:
                click.echo(f"Error: {error}", err=True)
                failed += 1
        click.echo(f"imported {len(files) - failed} file(s); {len(store)} quads")
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
@store_option
@click.option("--report", is_flag=True, help="Only report what is linked, per class.")
def link(store_dir: Path, report: bool) -> None:
    """Rewrite the reference graphs (links to Wikidata); --report: what is linked, per class."""
    from unsckg.graph.link import link_report, report_text

    if not report:
        from unsckg.graph.build import write_reference_graphs

        with opened(store_dir) as store, translated():
            write_reference_graphs(store)
            click.echo(report_text(link_report(store)))
        return
    with opened(store_dir, read_only=True) as store, translated():
        click.echo(report_text(link_report(store)))


COMMANDS = (query, export, import_, validate, stats, remove, link)
