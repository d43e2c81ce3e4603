"""Query results as a text table for the terminal (``unsckg query --format table``)."""

from __future__ import annotations

import pyoxigraph as ox
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
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
