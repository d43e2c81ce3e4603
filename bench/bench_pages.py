"""Benchmark: page weight and time to first render of the pages people open first.

Run: ``.venv/bin/python bench/bench_pages.py [--store DIR]... [--runs N]``. Starts ``unsckg
serve`` on each store in turn (default: a temporary folder the server fills with the bundled
samples; ``--store`` twice, e.g. the samples' store and one built from the whole real corpus,
prints the two tables one after the other, for a side-by-side reading) on 127.0.0.1, and opens
each page ``--runs`` times (default 5) in Debian's headless Chromium,
each in a fresh browser context (a cold cache: every byte is fetched). Prints, per page, the
bytes transferred (HTML, scripts, styles, data the page fetches) and the first contentful
paint as Chromium's Performance API reports it, min–max over the runs, beside the server's
own time for the HTML alone (``Server-Timing`` is not set, so the navigation's responseEnd).
Figures, not assertions: the machine is shared and noisy; read the ranges.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

PAGES = {
    "home and query page": "/?lang=en",
    "vote matrix": "/views/votes?lang=en",
    "explorer (opens on a state)": "/explore?lang=en",
    "vote map": "/views/map?lang=en",
    "agreement map (China)": "/views/map?lang=en&state=CHN",
    "search": "/search?q=peace&lang=en",
    "search, full text": "/search?q=climate&lang=en",
    "reconciliation": "/reconciliation?lang=en",
    "resolution 2505 (2020)": "/id/resolution/2505?lang=en",
}
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SETTLE = {"explorer (opens on a state)": "document.getElementById('cy').dataset.expanded === '1'"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(store: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    unsckg = str(Path(sys.executable).with_name("unsckg"))
    command = [unsckg, "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/health", timeout=5):
                return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start")


def _measure(browser: Browser, url: str, settle: str | None) -> tuple[int, float, float]:
    """Bytes transferred, first contentful paint (ms), HTML response end (ms)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    sizes: list[int] = []

    def on_response(response: object) -> None:
        try:
            sizes.append(len(response.body()))  # type: ignore[attr-defined]
        except Exception:  # a redirect or an aborted request has no body
            sizes.append(0)

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    if settle:
        page.wait_for_function(settle, timeout=60_000)
        page.wait_for_load_state("networkidle")
    fcp = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    html = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
    context.close()
    return sum(sizes), float(fcp), float(html)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store", type=Path, action="append", help="a store (repeatable; default: the samples)"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        for store in args.store or [Path(tmp) / "store"]:
            print(f"\nstore: {store.name}")
            process, base = _serve(store)
            try:
                _report(browser, base, args.runs)
            finally:
                process.terminate()
                process.wait(timeout=20)
        browser.close()


def _report(browser: Browser, base: str, runs: int) -> None:
    print(f"{'page':30} {'weight kB':>16} {'first paint ms':>18} {'HTML ms':>14}")
    for name, path in PAGES.items():
        _measure(browser, base + path, SETTLE.get(name))  # warm the server's caches once
        figures = [_measure(browser, base + path, SETTLE.get(name)) for _ in range(runs)]
        weight = [f[0] / 1000 for f in figures]
        fcp = [f[1] for f in figures]
        html = [f[2] for f in figures]
        print(
            f"{name:30} {min(weight):7.0f}–{max(weight):<7.0f} {min(fcp):8.0f}–{max(fcp):<8.0f}"
            f" {min(html):6.0f}–{max(html):<6.0f}"
        )
    print(f"({runs} runs each, fresh browser context per run, {os.cpu_count()} CPUs, shared)")


if __name__ == "__main__":
    main()
