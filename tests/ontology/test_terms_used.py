"""Code uses only ontology terms that ``unsc.ttl`` declares, and never spells our IRIs by hand.

Why a source scan and not only the closed ``UNSC`` namespace: ``UNSC.Meting`` fails only when
that line runs, and a SPARQL string with ``unsc:heldby`` in it fails never — it just answers
nothing. Scanning every Python string, query file, template and script catches both before
anyone runs them. And a namespace or base IRI typed out in a second place is the first step to
two spellings of one entity, so Python code must take them from ``unsckg.ontology``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from unsckg.ontology import ontology_path
from unsckg.ontology.vocab import NAMESPACE

REPO = Path(__file__).resolve().parents[2]
PYTHON_FOLDERS = ("extractors", "graph", "server")
TEXT_FOLDERS = ("extractors", "graph", "server", "examples")
TEXT_SUFFIXES = {".rq", ".ru", ".sparql", ".html", ".js", ".j2", ".jinja", ".ttl", ".trig"}
SKIPPED_PARTS = {"vendor", "node_modules", "__pycache__", "samples"}

CURIE = re.compile(r"(?<![\w/#-])unsc:([A-Za-z_][\w-]*)")
# IRIs that only unsckg.ontology may spell out (vocab.NAMESPACE, iris.DEFAULT_BASE, graph IRIs).
HAND_WRITTEN = re.compile(r"w3id\.org/unsc-kg/(ontology#|id/|graph/)")


def _declared() -> set[str]:
    graph = Graph().parse(ontology_path(), format="turtle")
    return {str(s)[len(NAMESPACE) :] for s in graph.subjects() if str(s).startswith(NAMESPACE)}


DECLARED = _declared()


def _files(folders: tuple[str, ...], suffixes: set[str]) -> Iterator[Path]:
    for folder in folders:
        for path in sorted((REPO / folder).rglob("*")):
            rel = path.relative_to(REPO)
            if path.is_file() and path.suffix in suffixes and not SKIPPED_PARTS & set(rel.parts):
                yield path


def _docstrings(tree: ast.AST) -> set[int]:
    """``id()``s of the docstring constants: prose may name IRIs, code may not."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _python_uses(path: Path) -> Iterator[tuple[int, str, str]]:
    """``(line, kind, text)``: ``term`` for each ontology term used, ``iri`` for each string
    that spells one of our IRIs by hand."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "UNSC" and not node.attr.startswith("_"):
                yield node.lineno, "term", node.attr
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            key = node.slice
            if node.value.id == "UNSC" and isinstance(key, ast.Constant):
                yield node.lineno, "term", str(key.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            for match in CURIE.finditer(node.value):
                yield node.lineno, "term", match.group(1)
            if HAND_WRITTEN.search(node.value):
                yield node.lineno, "iri", node.value


PYTHON_FILES = list(_files(PYTHON_FOLDERS, {".py"}))
TEXT_FILES = list(_files(TEXT_FOLDERS, TEXT_SUFFIXES))


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(REPO)) for p in paths]


def test_the_scan_sees_the_code() -> None:
    """Guard against a scan that silently finds nothing (a moved folder, a wrong root)."""
    assert len(PYTHON_FILES) >= 3
    assert {"Meeting", "heldBy", "InFavour", "OpenDebateFormat"} <= DECLARED


@pytest.mark.parametrize("path", PYTHON_FILES, ids=_ids(PYTHON_FILES))
def test_python_uses_only_declared_terms(path: Path) -> None:
    unknown = [
        f"{path.name}:{line}: unsc:{text}"
        for line, kind, text in _python_uses(path)
        if kind == "term" and text not in DECLARED
    ]
    assert not unknown, "terms not declared in ontology/unsc.ttl:\n" + "\n".join(unknown)


@pytest.mark.parametrize("path", PYTHON_FILES, ids=_ids(PYTHON_FILES))
def test_python_does_not_spell_our_iris(path: Path) -> None:
    spelled = [
        f"{path.name}:{line}: {text[:90]!r}"
        for line, kind, text in _python_uses(path)
        if kind == "iri"
    ]
    assert not spelled, (
        "build these from unsckg.ontology (vocab.NAMESPACE / UNSC terms, iris.DEFAULT_BASE, "
        "IriScheme.graph()):\n" + "\n".join(spelled)
    )


@pytest.mark.parametrize("path", TEXT_FILES, ids=_ids(TEXT_FILES))
def test_queries_and_templates_use_only_declared_terms(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    unknown = sorted(
        {m.group(1) for m in CURIE.finditer(text)} - DECLARED,
    )
    assert not unknown, f"{path.name}: terms not declared in ontology/unsc.ttl: {unknown}"


def test_the_scan_catches_an_undeclared_term(tmp_path: Path) -> None:
    """The scanner itself: a misspelt term in a query string and in an attribute are found,
    a docstring that names the namespace is not."""
    source = tmp_path / "bad.py"
    source.write_text(
        '"""Terms live in https://w3id.org/unsc-kg/ontology#."""\n'
        'Q = "SELECT ?s WHERE { ?p unsc:heldby ?s }"\n'
        "X = UNSC.Meting\n"
        'NS = "https://w3id.org/unsc-kg/ontology#"\n',
        encoding="utf-8",
    )
    uses = list(_python_uses(source))
    assert (2, "term", "heldby") in uses
    assert (3, "term", "Meting") in uses
    assert [kind for _, kind, _ in uses if kind == "iri"] == ["iri"]
