"""Commands that read documents or serve the store: ``extract``, ``build``, ``serve``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click
from unsckg.graph.cli import echo_json, opened, store_option, translated
from unsckg.graph.cli_progress import display, progress_options

if TYPE_CHECKING:
    from unsckg.graph.build import BuildReport
    from unsckg.graph.remote import RemoteFile

EXTRACT_FORMATS = ("json", "turtle", "trig")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default="json")
def extract(files: tuple[Path, ...], fmt: str) -> None:
    """Print the facts of each FILE (no store): JSON facts, or their RDF.

    A FILE that cannot be read or extracted is one line on stderr (Error: FILE: reason); the
    facts of the others are still printed.

    \b
    Exit codes: 0 every FILE extracted, 1 one or more failed.
    """
    from unsckg.graph.build import Failure, extract_one
    from unsckg.graph.export import facts_rdf

    results = []
    failed = 0
    for path in files:
        if path.is_file():
            result = extract_one(path)
        else:
            result = Failure(path.name, _not_a_file(path), str(path))
        if isinstance(result, Failure):
            click.echo(f"Error: {result.shown}: {result.reason}", err=True)
            failed += 1
        else:
            results.append(result)
    if fmt == "json":
        from unsckg.extractors.facts import to_json_dict

        dicts = [to_json_dict(r) for r in results]
        if dicts:
            echo_json(dicts[0] if len(files) == 1 else dicts)
    elif results:
        sys.stdout.buffer.write(facts_rdf(results, fmt))
    if failed:
        sys.exit(1)


def _not_a_file(path: Path) -> str:
    return (
        "a folder (build reads folders, extract reads files)" if path.is_dir() else "no such file"
    )


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH|URL]...")
@store_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extraction processes (--executor local).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where documents are extracted: local processes, or a Dask cluster (--scheduler).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="The Dask scheduler's address (--executor dask); needs unsc-kg[cluster].",
)
@progress_options
def build(
    paths: tuple[str, ...],
    store_dir: Path,
    jobs: int,
    executor: str,
    scheduler: str | None,
    quiet: bool,
    log_json: Path | None,
) -> None:
    """Ingest files and folders (default: the bundled samples) into the store.

    A file that cannot be extracted does not stop the build: the others are stored, then each
    failed file is one line on stderr (Error: FILE: reason). A PATH that does not exist stops
    the build before anything is written. Progress goes to stderr: a bar on a terminal, else
    one summary line.

    A URL (s3://BUCKET/corpus/, https://HOST/docs/, memory://…) is read through fsspec: its
    documents are listed here and each worker fetches its own (docs/scale.md).

    \b
    Exit codes: 0 every file ingested (or unchanged);
    1 one or more files failed, or the build could not run
    (a missing PATH, a store open in another process, an unreachable scheduler).
    """
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
    from unsckg.graph.remote import inputs

    options = BuildOptions(jobs, scheduler if executor == "dask" else None, quiet, log_json)
    with translated():
        sources = inputs(paths)
    report = run_build(store_dir, sources, options)
    for failure in report.failed:
        click.echo(f"Error: {failure.shown}: {failure.reason}", err=True)
    if report.failed:
        sys.exit(1)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """How ``build`` runs: local processes or a scheduler, and what it shows."""

    jobs: int = 1
    scheduler: str | None = None
    quiet: bool = False
    log_json: Path | None = None


def run_build(
    store_dir: Path,
    paths: Sequence[Path | RemoteFile],
    options: BuildOptions | None = None,
) -> BuildReport:
    """Build and print the summary; shared by ``build`` and ``serve`` (empty store)."""
    from unsckg.graph.build import build as build_store
    from unsckg.graph.build import lost_on_cluster
    from unsckg.graph.executors import DaskExecutor, Executor, LocalExecutor
    from unsckg.graph.files import sample_paths

    options = options or BuildOptions()
    executor: Executor = LocalExecutor(options.jobs)
    if options.scheduler:
        executor = DaskExecutor(options.scheduler, lost_on_cluster)
    with ExitStack() as stack:
        store = stack.enter_context(opened(store_dir))
        stack.enter_context(translated())
        inputs: list[Path | RemoteFile] = list(paths)
        if not inputs:
            inputs.extend(stack.enter_context(sample_paths()))
        shown = stack.enter_context(display("build", options.quiet, options.log_json))
        # a RemoteFile has the parts of a Path that the build uses (unsckg.graph.remote)
        report = build_store(store, cast(list[Path], inputs), executor=executor, observer=shown)
        total = len(store)
    click.echo(f"built {store_dir}: {report.summary()}; {total} quads")
    return report


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--query-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds a query may run.",
)
@click.option(
    "--update-token",
    envvar="UNSCKG_UPDATE_TOKEN",
    default=None,
    help="Enables POST /update for requests presenting this bearer token.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Query processes per HTTP process (default: its share of the cores, one at least, "
    "plus a spare that runs beside a query stalled for 100 ms).",
)
@click.option(
    "--http-processes",
    type=click.IntRange(min=1),
    default=None,
    help="HTTP processes sharing the port (default: one per core, at most 8).",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="IRI",
    help="An endpoint (or IRI prefix) that SERVICE and LOAD may reach; repeatable. "
    "Without it queries cannot reach the network.",
)
@click.option(
    "--unsafe-network",
    is_flag=True,
    help="Accept --allow-service on a system where query processes cannot get their own "
    "network namespace (the query check then stands alone).",
)
@click.option(
    "--allocator",
    envvar="UNSCKG_ALLOCATOR",
    default="auto",
    show_default=True,
    metavar="auto|system|LIBRARY",
    help="Memory allocator of the server's processes: auto uses mimalloc when installed "
    "(Debian: libmimalloc2.0), system the C library's, or a library file to preload.",
)
def serve(
    store_dir: Path,
    host: str,
    port: int,
    query_timeout: float,
    update_token: str | None,
    workers: int | None,
    http_processes: int | None,
    allow_service: tuple[str, ...],
    unsafe_network: bool,
    allocator: str,
) -> None:
    """Serve the SPARQL endpoint and pages; an empty store is first built from the samples."""
    from unsckg.server.app import (
        ChildFailed,
        UnsafeNetwork,
        describe_allocator,
        require_isolation,
        run,
    )
    from unsckg.server.settings import ServerSettings

    try:
        settings = ServerSettings(
            store_path=store_dir,
            query_timeout=query_timeout,
            update_token=update_token,
            http_processes=http_processes or 0,
            service_allowlist=allow_service,
            allocator=allocator,
            unsafe_network=unsafe_network,
        )
        require_isolation(settings)
    except UnsafeNetwork as error:
        raise click.ClickException(str(error)) from error
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    if workers:
        settings = replace(settings, workers=workers)
    if _store_is_empty(store_dir):
        click.echo(f"store {store_dir} is empty: building the bundled samples first")
        run_build(store_dir, ())
    click.echo(
        f"serving {store_dir} at http://{host}:{port}/ (SPARQL: http://{host}:{port}/sparql;"
        f" allocator: {describe_allocator(allocator)})"
    )
    try:
        run(settings, host, port)
    except OSError as error:  # the address is taken or not ours
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from error
    except ChildFailed as error:
        raise click.ClickException(str(error)) from error


def _store_is_empty(store_dir: Path) -> bool:
    if not store_dir.is_dir():
        return True
    with opened(store_dir) as store:
        return len(store) == 0


COMMANDS = (extract, build, serve)
