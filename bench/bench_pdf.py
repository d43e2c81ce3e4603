"""Benchmark: the text layer of real meeting-record PDFs as pypdf, pdfminer.six and pypdfium2
read it, side by side in one run.

For every library, over the same PDFs (default: the English meeting records of January 2020 in
``../shared/corpus/real/en/records``, see its ``SOURCES.md``), it reports

* **symbols**: document symbols (``S/PV.8700``, ``S/2020/13``, ``S/RES/2504 (2020)``) and
  ``resolution 2504 (2020)`` found by one loose regex, sorted by their form: intact (the
  canonical form), wrapped (a line's end where the form has a space: layout, no damage) and
  broken (white space inside: ``S/ PV.870 0``);
* **order**: on the pages after the cover (two columns), the share of the library's adjacent word
  pairs that are also adjacent in a reference read by geometry (pdfplumber's word boxes, the left
  column top to bottom, then the right one): 1.0 is the columns read one after the other, words
  of the two columns interleaved or a paragraph moved lower it;
* **furniture**: job numbers (``20-00987``) standing on a line of their own (with the page
  number, ``(E)``), of all job numbers found; running heads (``S/PV.8699 <title> 09/01/2020``)
  whole on one line, of the pages; a head split over lines leaves its title in the text;
* **hyphens**: compound words split at a line's end (``Timor-`` / ``Leste``), and words joined
  by the library across the line with its own marker (PDFium's U+FFFE, read as ``-`` by
  ``load.py``); no record here hyphenates a word that has no hyphen of its own;
* **double spaces** inside lines (justified text read with its gaps);
* **Chinese**: a PDF of a dev letter in a CID font that is not embedded, as reportlab makes
  it: how many of its lines each library gives back as drawn;
* **s/page**: seconds per page of the whole document's text, as a range (min-max) over
  ``--repeat`` runs, the libraries interleaved run by run so that other load on this shared
  machine weighs on them alike.

    .venv/bin/python bench/bench_pdf.py [--repeat 3] [FOLDER_OR_PDF ...]

pypdf, pdfminer.six and pdfplumber are compared and used here only, so they are no dependency of
the project; install them first::

    .venv/bin/pip install 'pypdf>=7.1,<8' 'pdfminer.six>=20251230' 'pdfplumber>=0.11,<0.12'

"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "real" / "en" / "records"

# A symbol with white space allowed between its parts and inside its numbers.
_D = r"\d(?:[ \t]?\d)*"
SYMBOL = re.compile(
    rf"S[ \t]*/[ \t]*(?:PV[ \t]*\.[ \t]*{_D}|RES[ \t]*/[ \t]*{_D}[ \t]*\([ \t]*{_D}[ \t]*\)"
    rf"|PRST[ \t]*/[ \t]*{_D}[ \t]*/[ \t]*{_D}|{_D}[ \t]*/[ \t]*{_D})"
    rf"|resolution\s+{_D}\s*\(\s*{_D}\s*\)"
)
CANONICAL = re.compile(
    r"S/(?:PV\.\d+|RES/\d+ \(\d{4}\)|PRST/\d{4}/\d+|\d{4}/\d+)|resolution \d+ \(\d{4}\)"
)
JOB = re.compile(r"\b\d{2}-\d{5}\b")
FURNITURE_LINE = re.compile(
    r"^\s*(?:\d{1,3}/\d{1,3}\s+)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?\s*$"
)
_PV = r"S/PV\.\d+(?:\s*\(Resumption \d\))?"
HEAD = re.compile(rf"^\s*(?:{_PV}\s+\S.*\s\d\d/\d\d/\d{{4}}|\d\d/\d\d/\d{{4}}\s+\S.*\s{_PV})\s*$")
SPLIT_HYPHEN = re.compile(r"\w-[ \t]*\r?\n[ \t]*\w")
WORD = re.compile(r"[^\W_]+")


def pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


LIBRARIES: dict[str, Callable[[bytes], list[str]]] = {
    "pypdf": pypdf_pages,
    "pdfminer.six": pdfminer_pages,
    "pypdfium2": pdfium_pages,
}


def reference_words(data: bytes) -> list[list[str]]:
    """Each page's words in column order, read from their boxes (pdfplumber): the cover as one
    column, every other page as two split at the middle, each top to bottom, left to right."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            middle = float(page.width) / 2
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)

            def key(w: dict[str, object], number: int = number, middle: float = middle) -> tuple:
                column = 0 if number == 0 else int(float(w["x0"]) >= middle)  # type: ignore[arg-type]
                return (column, round(float(w["top"]) / 3), float(w["x0"]))  # type: ignore[arg-type]

            words.sort(key=key)
            pages.append([t for w in words for t in WORD.findall(str(w["text"]).lower())])
    return pages


def pairs(words: list[str]) -> Counter[tuple[str, str]]:
    return Counter(itertools.pairwise(words))


def order_score(pages: list[str], reference: list[list[str]]) -> tuple[int, int]:
    """(adjacent word pairs also adjacent in the reference, all pairs), pages after the cover."""
    shared = total = 0
    for text, ref in zip(pages[1:], reference[1:], strict=False):
        mine = pairs(WORD.findall(text.replace("\ufffe", "-").lower()))
        theirs = pairs(ref)
        shared += sum((mine & theirs).values())
        total += sum(mine.values())
    return shared, total


def measure(pages: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    text = "\n".join(pages)
    for m in SYMBOL.finditer(text):
        found = m.group()
        if CANONICAL.fullmatch(found):
            counts["intact"] += 1
        elif "\n" in found and CANONICAL.fullmatch(re.sub(r"\s+", " ", found)):
            counts["wrapped"] += 1  # over a line's end where it has a space: layout, no damage
        else:
            counts["broken"] += 1
    for page in pages:
        lines = page.splitlines()
        counts["pages"] += 1
        counts["jobs"] += sum(len(JOB.findall(line)) for line in lines)
        counts["job lines"] += sum(1 for line in lines if FURNITURE_LINE.match(line))
        counts["heads"] += sum(1 for line in lines if HEAD.match(line))
        counts["double spaces"] += sum(line.strip().count("  ") for line in lines)
    counts["split hyphens"] = len(SPLIT_HYPHEN.findall(text))
    counts["joined hyphens"] = text.count("\ufffe")
    return counts


def chinese_pdf(folder: Path) -> tuple[bytes, list[str]]:
    """A Chinese PDF of the dev letter in reportlab's CID font (not embedded), lines of 38
    characters as a page lays them out, with the lines drawn; one line of one glyph among them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    text = (ROOT / "graph" / "samples" / "CHN-2021-05-05-letter.zh.txt").read_text("utf-8")
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    lines = [p[i : i + 38] for p in paragraphs for i in range(0, len(p), 38)]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = folder / "letter.pdf"
    pdf = canvas.Canvas(str(path))
    y = 800.0
    for line in lines:
        if y < 60:
            pdf.showPage()
            y = 800.0
        pdf.setFont("STSong-Light", 10)
        pdf.drawString(40, y, line)
        y -= 14
    pdf.save()
    return path.read_bytes(), lines


def chinese_check() -> None:
    """Which library gives back each line of the Chinese PDF as drawn."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        data, lines = chinese_pdf(Path(folder))
    print(f"\nChinese CID-font PDF (dev letter): {len(lines)} lines drawn")
    for name, read in LIBRARIES.items():
        got = [line.strip() for page in read(data) for line in page.splitlines() if line.strip()]
        same = sum(1 for line in lines if line.strip() in got)
        print(f"{name:<13} {same:>4}/{len(lines)} lines back as drawn")


def pdfs(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths or [str(DEFAULT)]:
        path = Path(name)
        found.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help=f"PDFs or folders (default {DEFAULT})")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per library")
    parser.add_argument("--no-chinese", action="store_true", help="skip the Chinese PDF check")
    args = parser.parse_args()
    files = [(path.name, path.read_bytes()) for path in pdfs(args.paths)]
    if not files:
        raise SystemExit("no PDF found")
    references = [reference_words(data) for _, data in files]
    counts = {name: Counter[str]() for name in LIBRARIES}
    order = dict.fromkeys(LIBRARIES, (0, 0))
    per_page: dict[str, list[float]] = {name: [] for name in LIBRARIES}
    for run in range(args.repeat):
        for name, read in LIBRARIES.items():
            seconds = 0.0
            pages_read = 0
            for (_, data), reference in zip(files, references, strict=True):
                start = time.perf_counter()
                pages = read(data)
                seconds += time.perf_counter() - start
                pages_read += len(pages)
                if run == 0:
                    counts[name] += measure(pages)
                    shared, total = order_score(pages, reference)
                    order[name] = (order[name][0] + shared, order[name][1] + total)
            per_page[name].append(seconds / max(pages_read, 1))
    print(f"{len(files)} PDFs, {counts['pypdf']['pages']} pages, {args.repeat} timed runs")
    header = (
        f"{'library':<13} {'symbols ok':>10} {'wrapped':>7} {'broken':>6} {'order':>6} "
        f"{'job lines':>11} {'heads':>7} {'split-':>6} {'joined-':>7} {'2 spaces':>8} "
        f"{'s/page (min-max)':>17}"
    )
    print(header)
    print("-" * len(header))
    for name in LIBRARIES:
        c = counts[name]
        shared, total = order[name]
        times = per_page[name]
        print(
            f"{name:<13} {c['intact']:>10} {c['wrapped']:>7} {c['broken']:>6} "
            f"{shared / max(total, 1):>6.3f} "
            f"{c['job lines']:>5}/{c['jobs']:<5} {c['heads']:>3}/{c['pages']:<3} "
            f"{c['split hyphens']:>6} {c['joined hyphens']:>7} {c['double spaces']:>8} "
            f"{min(times):>8.4f}-{max(times):.4f}"
        )
    if not args.no_chinese:
        chinese_check()


if __name__ == "__main__":
    main()
