"""Query results as a text table for the terminal (``unsckg query --format table``)."""

from __future__ import annotations

import pyoxigraph as ox
from rich.cells import cell_len
from unsckg.graph.export import prefixes

_PREFIXES = sorted(prefixes().items(), key=lambda item: -len(item[1]))


def term_text(term: object) -> str:
    """IRIs shortened with the usual prefixes, literals as their text."""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in _PREFIXES:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return "" if term is None else str(term)


def render_table(result: ox.QuerySolutions | ox.QueryBoolean) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    names = [v.value for v in result.variables]
    rows = [[term_text(solution[n]) for n in names] for solution in result]
    widths = [max([cell_len(n), *(cell_len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [_row(names, widths), "  ".join("-" * w for w in widths)]
    lines += [_row(r, widths) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _row(cells: list[str], widths: list[int]) -> str:
    """Cells padded to their column's width in terminal cells: a Chinese character takes two,
    so padding by ``len`` would push every column after a Chinese cell out of line."""
    padded = [c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True)]
    return "  ".join(padded).rstrip()
