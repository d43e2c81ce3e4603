"""Names as one regular expression shaped as a trie, the longest name first.

Why: a flat alternation of hundreds of names, longest first, makes ``re`` try each of them in
turn at every position where one could begin; a trie reads each character once, one branch per
next character. Used by the Chinese gazetteer (every state and organisation name) and the
English state names (grouped by first letter, a space read as any white space).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_Trie = dict[str, "_Trie"]


def trie_pattern(names: Iterable[str], unit: Callable[[str], str] = re.escape) -> str:
    """The pattern of ``names`` as a trie: at each node one branch per next character (``unit``
    gives each character's pattern), and the node's own end (a name that ends there) made an
    optional tail, so greedy matching finds the longest name first and a shorter one where
    what follows the longer fails. The branches of a node exclude one another (distinct
    characters; ``unit`` may read a space as ``\\s+``, so no other white space may stand beside
    it), so the text follows one path."""
    root: _Trie = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _node_pattern(root, unit)


def _node_pattern(node: _Trie, unit: Callable[[str], str]) -> str:
    chars = [c for c in node if c]
    if " " in chars and any(c.isspace() and c != " " for c in chars):
        raise ValueError(f"names part at a space and other white space: {chars!r}")
    branches = [unit(c) + _node_pattern(node[c], unit) for c in chars]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 else body + "?"
