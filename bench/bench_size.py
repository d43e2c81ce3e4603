"""Benchmark: extraction time against the text's length (issue 17, "Size").

Why: a document's facts must come in time linear in its length, so that a yearbook or a long
record does not take hours; the target is at most 1.3x per doubling beyond 2x, that is a time
ratio of at most 2.6 from each size to the next. Texts of 2, 4, 8 and 16 MB (UTF-8 bytes) are
built by repeating real texts: the bundled Chinese samples (``graph/samples``) for the Chinese
pack, and the English test data (``tests/data/real-en-*``, ``tests/extractors/data``) for the
English one; each text goes through ``pipeline.extract_text`` (normalisation, language, pack).

    .venv/bin/python bench/bench_size.py [--sizes 2 4 8 16] [--language zh en] [--profile MB]
        [--clock cpu]

``--clock cpu`` counts CPU time, not wall time (a machine shared with other work).

``--profile MB`` runs cProfile on the text of that size and prints the 25 costliest functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from unsckg.extractors.load import load_file
from unsckg.extractors.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    "zh": [ROOT / "graph" / "samples"],
    "en": [
        ROOT / "tests" / "data" / "real-en-resolutions",
        ROOT / "tests" / "data" / "real-en-records",
        ROOT / "tests" / "extractors" / "data",
    ],
}
MB = 2**20


def base_text(language: str) -> str:
    """The documents of one language, each once, parted by blank lines."""
    texts = []
    for folder in SOURCES[language]:
        for path in sorted(folder.iterdir()):
            if f".{language}." in path.name and path.suffix in {".txt", ".pdf"}:
                texts.append(load_file(path).text)
    return "\n\n".join(texts) + "\n\n"


def sized(base: str, megabytes: int) -> str:
    """``base`` repeated up to ``megabytes`` of UTF-8 (cut at a line's end)."""
    target = megabytes * MB
    unit = len(base.encode("utf-8"))
    text = base * (target // unit + 1)
    cut = len(text) * target // (unit * (target // unit + 1))
    return text[: text.rfind("\n", 0, cut) + 1]


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter


def timed(text: str, source: str) -> float:
    start = clock()
    extract_text(text, source)
    return clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 4, 8, 16])
    parser.add_argument("--language", nargs="+", default=["zh", "en"])
    parser.add_argument("--profile", type=int, default=0, help="profile the text of this size")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="what to time")
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    print(f"{'pack':4} {'MB':>4} {'chars':>10} {'seconds':>8} {'x prev':>7} {'per doubling':>12}")
    for language in args.language:
        base = base_text(language)
        timed(base, f"warm-up.{language}.txt")  # imports, tables and the segmenter's model
        previous = 0.0
        for size in args.sizes:
            text = sized(base, size)
            if args.profile == size:
                profile = cProfile.Profile()
                profile.runcall(extract_text, text, f"bench.{language}.txt")
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            seconds = timed(text, f"bench.{language}.txt")
            ratio = seconds / previous if previous else 0.0
            doubling = f"{ratio / 2:.2f}x" if previous else ""
            shown = f"{ratio:.2f}" if previous else ""
            print(
                f"{language:4} {size:>4} {len(text):>10,} {seconds:>8.2f} {shown:>7} {doubling:>12}"
            )
            previous = seconds


if __name__ == "__main__":
    main()
