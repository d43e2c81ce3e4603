"""The unsc-kg ontology, its SHACL shapes and reference data, shipped as package files.

Why functions and not paths relative to the repository: the package is installed (possibly not
from a checkout), so the files are found through ``importlib.resources``; the graph loads each one
into its own named graph (``IriScheme.graph("ontology")``, ``…("states")``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _path(*parts: str) -> Path:
    return Path(str(resources.files(__name__).joinpath(*parts)))


def ontology_path() -> Path:
    """``unsc.ttl``: the OWL ontology in Turtle."""
    return _path("unsc.ttl")


def shapes_path() -> Path:
    """``shapes.ttl``: the SHACL shapes that ``unsckg validate`` checks the store against."""
    return _path("shapes.ttl")


def states_path() -> Path:
    """``data/states.ttl``: the 193 member states and 2 observer states as RDF (Turtle)."""
    return _path("data", "states.ttl")
