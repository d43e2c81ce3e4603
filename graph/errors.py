"""Errors of the graph layer.

Every failure the graph layer can report to a user is one of these, so that the edges (the CLI,
the server) translate a single family into their own shape (``click.ClickException``, a JSON
error) and never show a traceback for a user's mistake::

    GraphError
    ├── StoreError          the store could not be opened, read or written
    │   └── StoreLockedError  another process holds the store open for writing
    ├── QueryError          a SPARQL query or update is not valid
    ├── RdfInputError       an RDF file to import could not be read or parsed
    └── BuildError          a build could not run at all (not a single bad document)
"""

from __future__ import annotations


class GraphError(Exception):
    """Base of the graph layer's errors; ``str(error)`` is one line for a user."""


class StoreError(GraphError):
    """The on-disk store could not be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing (only one writer is allowed)."""


class QueryError(GraphError):
    """A SPARQL query or update was rejected by the parser or the engine."""


class RdfInputError(GraphError):
    """An RDF file could not be read or parsed (the message carries the file and position)."""


class BuildError(GraphError):
    """A build could not run (no input files, an unreadable folder)."""
