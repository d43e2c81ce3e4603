"""Commands that join the UN's open data: ``import-votes`` and ``reconcile``."""

from __future__ import annotations

from pathlib import Path

import click
from unsckg.graph.cli import opened, store_option, translated
from unsckg.graph.cli_progress import display, progress_options
from unsckg.ontology.iris import DEFAULT


@click.command("import-votes")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@click.option(
    "--dataset-version",
    default=None,
    help="The release of the data (e.g. 2025-06-30); default: sha256 of the file.",
)
@progress_options
def import_votes(
    file: Path, store_dir: Path, dataset_version: str | None, quiet: bool, log_json: Path | None
) -> None:
    """Import Security Council voting data (the UN Library's CSV, or a derived copy).

    Every row becomes a vote in the file's own graph; every defect found in the source (dates
    with day and month swapped, records whose voters are not the Council of the day, outcome
    labels that contradict the votes) is printed as FILE:LINE: reason on stderr; the summary
    (votes, records, rows per second) goes to stdout."""
    from unsckg.graph.voting_data import import_votes as run

    with opened(store_dir) as store, translated():
        with display("import-votes", quiet, log_json) as shown:
            report = run(store, file, DEFAULT, dataset_version, observer=shown)
        for line in report.lines():
            click.echo(line, err=True)
        click.echo(report.summary())


@click.command()
@store_option
@click.option(
    "--all", "show_all", is_flag=True, help="List agreements and one-sided statements too."
)
def reconcile(store_dir: Path, show_all: bool) -> None:
    """Compare what the documents state with the imported voting data.

    Vote by vote, tally by tally, adoption dates and meetings: the summary, then every
    disagreement (both pieces of evidence) and every statement only the documents make; the
    findings are also written as RDF in a graph of their own."""
    from unsckg.graph import reconcile as rec

    with opened(store_dir) as store, translated():
        findings = rec.reconcile(store)
        graph = rec.write(store, DEFAULT, findings)
    outcomes = (
        (rec.AGREE, rec.DISAGREE, rec.DOCS, rec.DATA) if show_all else (rec.DISAGREE, rec.DOCS)
    )
    listed = rec.table(findings, outcomes)
    click.echo(rec.summary(findings))
    if listed:
        click.echo("\n" + listed)
    click.echo(f"\n{len(findings)} findings in {graph.value}")


def link_wikidata(store_dir: Path, endpoint: str | None) -> None:
    """``unsckg link wikidata``: ask, save the mapping file, apply it, print what was found."""
    from unsckg.graph import wikidata as wd

    client = wd.Client(endpoint or wd.ENDPOINT)
    with opened(store_dir) as store, translated():
        links = wd.fetch(store, client)
        path = wd.save(store, links)
        count = wd.apply(store, DEFAULT, links)
    for line in links.ambiguous:
        click.echo(f"ambiguous: {line}", err=True)
    click.echo(
        f"{count} Wikidata links ({len(links.resolutions)} resolutions, {len(links.people)} "
        f"people, {len(links.organizations)} organisations), {len(links.ambiguous)} ambiguous, "
        f"{len(links.unmatched)} unmatched; saved in {path}"
    )


COMMANDS = (import_votes, reconcile)
