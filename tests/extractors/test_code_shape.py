"""The extractors stay readable: small functions, and wordings as data rather than long patterns.

Why a test: the language-pack issue measured functions of 92 lines with a cyclomatic complexity
of 53 and patterns of 466 characters; rules that only a reviewer remembers drift back. Limits:
no function over 40 lines or over complexity 15 (radon's measure), and no compiled pattern over
200 characters at module level, where hand-written patterns live (the wordings compiler's
generated patterns live in its matchers, not in module globals).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import unsckg.extractors as extractors_package
from radon.complexity import cc_visit
from radon.visitors import Function

ROOT = Path(__file__).resolve().parents[2] / "extractors"
MAX_LINES = 40
MAX_COMPLEXITY = 15
MAX_PATTERN = 200


def _functions() -> list[tuple[str, Function]]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            items = [block, *getattr(block, "methods", [])]
            out.extend((str(path.relative_to(ROOT)), f) for f in items if isinstance(f, Function))
    return out


def _module_patterns() -> list[tuple[str, str, int]]:
    out = []
    for info in pkgutil.walk_packages(extractors_package.__path__, "unsckg.extractors."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                out.append((info.name, name, len(value.pattern)))
    return out


def test_no_function_is_long_or_complex() -> None:
    over = [
        f"{path}:{f.lineno} {f.name}: {f.endline - f.lineno + 1} lines, complexity {f.complexity}"
        for path, f in _functions()
        if f.complexity > MAX_COMPLEXITY or f.endline - f.lineno + 1 > MAX_LINES
    ]
    assert not over, "\n".join(over)


def test_no_hand_written_pattern_is_long() -> None:
    over = [f"{m}.{n}: {size}" for m, n, size in _module_patterns() if size > MAX_PATTERN]
    assert not over, "\n".join(over)
