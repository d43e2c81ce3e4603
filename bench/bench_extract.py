r"""Benchmark: extraction speed next to jieba's plain segmentation of the same text.

Builds a corpus of at least 1,000 documents from the bundled dev documents (each a variation:
other member states, other dates, other signatories), then, in the same process and on the same
texts, times

* ``extract_text`` (load excluded: normalise, segment, every extractor), once as a long-running
  process runs it and once with the word-boundary cache cleared before each document (the
  corpus repeats the dev documents' phrases, so the cache would flatter it), and
* the plain segmentation of the same texts with the same jieba tokenizer, HMM on and off,

and reports documents/s, MB/s (UTF-8) and the ratio of extraction to plain segmentation.
The three runs are interleaved chunk by chunk so that other load on the machine weighs on them
alike. The tokenizer (jieba's dictionary plus the domain words) is built once, before timing, and
reused by both: jieba's dictionary is loaded at most once per process.

``--english`` times the English pack instead, on real English texts (no variations: real texts
are the measure): ``extract_text`` beside a plain regex tokenizer pass over the same texts
(``re.findall(r"\w+|[^\w\s]", text)``), and normalisation alone (the shared part of
``extract_text`` every text goes through first), interleaved document by document, the corpus
repeated ``--rounds`` times. The texts are read (and PDFs turned into text) once, before timing,
from ``--corpus DIR`` (``*.en.txt`` and ``*.en.pdf``, recursively; default: the real English texts
bundled in ``tests/data/real-en-graph``; a run may point it at the shared corpus). Before timing,
one text is extracted and every wordings group of the pack compiled (a group is compiled on its
first use, once per process): first-use costs, not timed. The ratio is printed with two
decimals, overall and round by round: the first round shows what the texts' first reading
still costs (the warm-up extracts one text only), the later ones the steady state.

    .venv/bin/python bench/bench_extract.py [--docs 1200] [--seed 7] [--clock cpu]

``--clock cpu`` counts the process's CPU time (``time.process_time``) instead of wall time: on
a machine shared with other work, wall time measures the others' load as much as this code.
The driver only calls ``extract_text``, so one copy of it can time two checkouts alike
(``/other/checkout/.venv/bin/python bench/bench_extract.py --clock cpu``).
    .venv/bin/python bench/bench_extract.py --english [--corpus DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from unsckg.extractors import segment
from unsckg.extractors.errors import ExtractionError
from unsckg.extractors.load import load_file
from unsckg.extractors.normalise import normalise
from unsckg.extractors.packs import PACK_MODULES, pack_for
from unsckg.extractors.pipeline import extract_text
from unsckg.extractors.wordings import load_wordings, pack_wordings
from unsckg.ontology.states import load_states

DEV_STATES = ("越南", "中国", "荷兰", "比利时", "法国", "印度尼西亚", "南非")
SIGNATORIES = ("邓廷贵", "邓庭贵", "张军", "卡雷尔·范奥斯特罗姆")
CHUNK = 50
ENGLISH_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "real-en-graph"
WORD = re.compile(r"\w+|[^\w\s]")
NEW_NAMES = ("杰拉尔丁·伯恩·纳森", "奥洛夫·斯库格", "费里特·霍贾", "琳达·托马斯-格林菲尔德", "王毅")


def dev_texts() -> list[tuple[str, str]]:
    samples = resources.files("unsckg.graph").joinpath("samples")
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in samples.iterdir()
        if entry.name.endswith(".zh.txt")
    )


def variation(text: str, rng: random.Random) -> str:
    """The text with another member state, year, month and signatory."""
    members = [s.name_zh for s in load_states() if s.is_member and len(s.name_zh) <= 6]
    for name in DEV_STATES:
        if name in text and rng.random() < 0.7:
            text = text.replace(name, rng.choice(members))
    year = str(rng.randint(2016, 2025))
    for old in ("2021 年", "2021年", "2020 年", "2020年", "2018 年", "2018年"):
        text = text.replace(old, old.replace(old[:4], year))
    month = str(rng.randint(1, 12))
    text = text.replace("4 月份", f"{month} 月份").replace("5 月份", f"{month} 月份")
    for name in SIGNATORIES:
        text = text.replace(name, rng.choice(NEW_NAMES))
    return text


def corpus(size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [text for _, text in dev_texts()]
    return [variation(texts[i % len(texts)], rng) for i in range(size)]


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter


def timed(work: Callable[[str], object], texts: Iterable[str]) -> float:
    start = clock()
    for text in texts:
        work(text)
    return clock() - start


def english_texts(folder: Path) -> list[tuple[str, str]]:
    """The real English texts under ``folder``, as ``(file name, decoded text)``: PDFs are
    turned into text here, so that only extraction from text is timed (as for Chinese)."""
    paths = sorted(p for p in folder.rglob("*.en.*") if p.suffix in (".txt", ".pdf"))
    return [(path.name, load_file(path).text) for path in paths]


def compile_wordings(language: str) -> int:
    """Compile every wordings group of the ``language``'s pack (each is compiled on its first
    use, once per process: 19 ms for the English pack, more than a tokenizer pass over the
    bundled texts): a first-use cost, as the tables are, not timed. Their number."""
    package = PACK_MODULES[language]
    slots = pack_for(language).slots
    groups = 0
    for kind in pack_wordings(package):
        wordings = load_wordings(package, kind, slots)
        for group in wordings.groups:
            wordings[group]  # compiled on first use: here
            groups += 1
    return groups


def report(runs: dict[str, float], docs: int, megabytes: float) -> None:
    print(f"{'run':<42}{'seconds':>9}{'docs/s':>10}{'MB/s':>8}")
    for name, seconds in runs.items():
        print(f"{name:<42}{seconds:>9.2f}{docs / seconds:>10.1f}{megabytes / seconds:>8.3f}")


def english(folder: Path, rounds: int) -> None:
    """Extraction of real English texts beside a plain regex tokenizer pass over them."""
    texts = english_texts(folder)
    if not texts:
        raise SystemExit(f"no *.en.txt or *.en.pdf under {folder}")
    rejected: set[str] = set()

    def extract(text: str) -> object:
        try:
            return extract_text(text, "b.en.txt")
        except ExtractionError:  # a text the pipeline turns down was still read: timed too
            rejected.add(text)
            return None

    work: dict[str, Callable[[str], object]] = {
        "extract_text (English pack)": extract,
        "regex tokenizer \\w+|[^\\w\\s]": WORD.findall,
        "normalise alone (inside extract_text)": normalise,
    }
    extract(texts[0][1])  # first-use costs (tables, wordings) not timed
    groups = compile_wordings("en")  # and the groups the first text did not ask for
    runs = dict.fromkeys(work, 0.0)
    per_round: list[float] = []  # extract_text / tokenizer in each round
    for _ in range(rounds):
        before = dict(runs)
        for _, text in texts:  # interleaved document by document
            for name, function in work.items():
                runs[name] += timed(function, [text])
        extracting, tokens, _normalising = (runs[k] - before[k] for k in work)
        per_round.append(extracting / tokens if tokens else 0.0)
    docs = len(texts) * rounds
    megabytes = sum(len(t.encode("utf-8")) for _, t in texts) * rounds / 1e6
    pdfs = sum(name.endswith(".pdf") for name, _ in texts)
    print(f"corpus: {len(texts)} real English documents ({pdfs} PDF) from {folder}")
    print(f"{rounds} rounds: {docs} documents, {megabytes:.2f} MB (UTF-8)")
    print(f"turned down by the pipeline (still timed): {len(rejected)} documents")
    print(f"not timed: one text's extraction and the compiling of the {groups} wordings groups")
    report(runs, docs, megabytes)
    extracting, tokens, normalising = runs.values()
    print(f"extract_text / regex tokenizer: {extracting / tokens:.2f}x the time")
    print(f"normalise / regex tokenizer: {normalising / tokens:.2f}x the time")
    rounds_seen = ", ".join(f"{ratio:.2f}x" for ratio in per_round)
    print(f"extract_text / regex tokenizer, round by round: {rounds_seen}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1200, help="corpus size (at least 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--english", action="store_true", help="real English texts instead")
    parser.add_argument("--corpus", type=Path, default=ENGLISH_CORPUS, help="English texts")
    parser.add_argument("--rounds", type=int, default=3, help="English corpus passes")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="what to time")
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    if args.english:
        english(args.corpus, max(args.rounds, 1))
        return
    docs = corpus(max(args.docs, 1000), args.seed)
    megabytes = sum(len(text.encode("utf-8")) for text in docs) / 1e6

    load_start = time.perf_counter()
    tokenizer = segment.tokenizer()  # jieba's dictionary + domain words: loaded once, here
    load_seconds = time.perf_counter() - load_start

    def cold(text: str) -> object:
        segment.boundaries.cache_clear()  # no reuse of word boundaries across documents
        return extract_text(text, "b.txt")

    work: dict[str, Callable[[str], object]] = {
        "extract_text (normalise+segment+facts)": lambda t: extract_text(t, "b.txt"),
        "extract_text, boundary cache cleared": cold,
        "jieba plain cut, HMM on": lambda t: list(tokenizer.cut(t, HMM=True)),
        "jieba plain cut, HMM off": lambda t: list(tokenizer.cut(t, HMM=False)),
    }
    runs = dict.fromkeys(work, 0.0)
    for start in range(0, len(docs), CHUNK):  # interleaved, so that load on the machine
        chunk = docs[start : start + CHUNK]  # weighs on the three runs alike
        for name, function in work.items():
            runs[name] += timed(function, chunk)
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB (UTF-8), seed {args.seed}")
    print(f"clock: {args.clock}")
    print(f"tokenizer built once in {load_seconds:.2f} s (before timing)")
    report(runs, len(docs), megabytes)
    for extract in (
        "extract_text (normalise+segment+facts)",
        "extract_text, boundary cache cleared",
    ):
        for name in ("jieba plain cut, HMM on", "jieba plain cut, HMM off"):
            print(f"{extract} / {name}: {runs[name] / runs[extract]:.2f}x")


if __name__ == "__main__":
    main()
