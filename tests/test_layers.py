"""The layers import one way: ``ontology`` <- ``extractors`` <- ``graph`` <- ``server``.

Why a test: the rule is what lets each stage be tested, replaced and reasoned about alone (the
extractors know nothing of RDF, the server never extracts), and an upward import is one line
that nothing else would notice. The walk reads the source with ``ast``: every ``import``, every
``from … import`` (relative ones resolved), and ``importlib.import_module("…")`` with a literal
name, at any depth. The one allowed exception: the CLI's ``serve`` command imports
``unsckg.server.app`` (and its settings) lazily, inside the function, so that the other
commands never load the web stack.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LAYERS = ("ontology", "extractors", "graph", "server")
FORBIDDEN: dict[str, set[str]] = {
    "ontology": {"extractors", "graph", "server"},
    "extractors": {"graph", "server"},
    "graph": {"server"},
    "server": {"extractors"},
}


@dataclass(frozen=True, slots=True)
class Import:
    """One imported module, where it is imported, and the function around it (if any)."""

    module: str
    line: int
    function: str | None


def _package_of(path: Path) -> list[str]:
    """``graph/mapping/vote.py`` -> ``["unsckg", "graph", "mapping"]``."""
    rel = path.relative_to(REPO).with_suffix("")
    parts = ["unsckg", *rel.parts]
    return parts if rel.name == "__init__" else parts[:-1]


def _absolute(node: ast.ImportFrom, package: list[str]) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        parent = package[: len(package) - node.level + 1]
        base = ".".join([*parent, node.module] if node.module else parent)
    # ``from unsckg.server import app`` imports ``unsckg.server.app`` when app is a module.
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


class _Walker(ast.NodeVisitor):
    def __init__(self, package: list[str]) -> None:
        self.package = package
        self.function: list[str] = []
        self.found: list[Import] = []

    def _add(self, module: str, node: ast.AST) -> None:
        where = self.function[-1] if self.function else None
        self.found.append(Import(module, getattr(node, "lineno", 0), where))

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.function.append(node.name)
        self.generic_visit(node)
        self.function.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for module in _absolute(node, self.package):
            self._add(module, node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0] if node.args else None
        if name == "import_module" and isinstance(first, ast.Constant):
            self._add(str(first.value), node)
        self.generic_visit(node)


def imports_of(path: Path, package: list[str] | None = None) -> list[Import]:
    walker = _Walker(package if package is not None else _package_of(path))
    walker.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return walker.found


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "unsckg" and parts[1] in LAYERS:
        return parts[1]
    return None


LAZY_SERVE_MODULES = ("unsckg.server.app", "unsckg.server.settings")


def allowed_exception(layer: str, rel: str, found: Import) -> bool:
    """The CLI's ``serve`` command (in ``graph/cli*.py``) may import the app factory and its
    settings lazily, inside the function."""
    module = found.module
    return (
        layer == "graph"
        and rel.startswith("graph/cli")
        and found.function == "serve"
        and (
            module == "unsckg.server"
            or any(module == m or module.startswith(m + ".") for m in LAZY_SERVE_MODULES)
        )
    )


def violations(path: Path) -> Iterator[str]:
    rel = path.relative_to(REPO).as_posix()
    layer = rel.split("/", 1)[0]
    for found in imports_of(path):
        target = layer_of(found.module)
        if target in FORBIDDEN[layer] and not allowed_exception(layer, rel, found):
            yield f"{rel}:{found.line}: {layer} imports {found.module}"


def _sources(layer: str) -> list[Path]:
    return sorted(p for p in (REPO / layer).rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_imports_only_downwards(layer: str) -> None:
    sources = _sources(layer)
    assert sources, f"no Python sources in {layer}/"
    found = [v for path in sources for v in violations(path)]
    assert not found, "imports against the layering:\n" + "\n".join(found)


def test_walker_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The walker itself, on a file that breaks the rule in each way it can."""
    source = tmp_path / "bad.py"
    source.write_text(
        "import unsckg.server.app\n"
        "from ...server import pages\n"
        "from unsckg import graph\n"
        "import importlib\n"
        "def serve():\n"
        "    from unsckg.server.app import create_app\n"
        "    return importlib.import_module('unsckg.extractors.pipeline')\n",
        encoding="utf-8",
    )
    found = {(i.module, i.function) for i in imports_of(source, ["unsckg", "graph", "mapping"])}
    assert ("unsckg.server.app", None) in found
    assert ("unsckg.server.pages", None) in found
    assert ("unsckg.graph", None) in found
    assert ("unsckg.server.app", "serve") in found
    assert ("unsckg.extractors.pipeline", "serve") in found


def test_only_the_lazy_serve_import_is_excused() -> None:
    lazy = Import("unsckg.server.app", 10, "serve")
    eager = Import("unsckg.server.app", 3, None)
    assert allowed_exception("graph", "graph/cli.py", lazy)
    assert allowed_exception("graph", "graph/cli_build.py", lazy)
    assert not allowed_exception("graph", "graph/cli.py", eager)
    assert not allowed_exception("graph", "graph/build.py", lazy)
    assert not allowed_exception("graph", "graph/cli.py", Import("unsckg.server.pool", 9, "serve"))
