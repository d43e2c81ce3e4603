"""A real ``unsckg serve`` on the dev corpus and the real corpus, and Debian's headless Chromium.

The store is built once per session by the command line a user runs: ``unsckg build`` (the
bundled dev corpus), ``unsckg build`` of the real documents copied into ``tests/data`` (``REAL``:
Chinese and English resolutions, news items, the record of meeting 8701 with the fifteen votes
of resolution 2505 (2020)), ``unsckg import-votes`` of the voting-data sample and ``unsckg
reconcile``; then ``unsckg serve`` on it, a subprocess on a free port of 127.0.0.1.
Every page gets a browser context that refuses and records any request leaving 127.0.0.1: the
pages must work with the network cut, and each test asserts that nothing tried to leave.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOCAL = ("http://127.0.0.1:", "data:", "blob:", "about:")
DATA = Path(__file__).resolve().parents[1] / "data"
REAL = (  # the real documents the repository carries (see each folder's README for its source)
    "real-zh",
    "real-en-records",
    "real-en-resolutions",
    "real-en-graph/pair",
    "real-pages",
    "voting-data/documents",
)
VOTING_DATA = DATA / "voting-data" / "derived-sample.csv"
STARTUP_LIMIT_S = 300  # building the samples on a slow machine; a limit, not an assertion


def sparql_bindings(server: str, query: str) -> list[dict[str, Any]]:
    """The JSON bindings of ``query`` on the test server's endpoint: what the pages' numbers
    are checked against."""
    response = httpx.post(
        server + "/sparql",
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
    )
    response.raise_for_status()
    return list(response.json()["results"]["bindings"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"unsckg serve exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url + "/health", timeout=5) as r:
            if r.status == 200:
                return
        time.sleep(0.5)
    pytest.fail(f"unsckg serve did not answer within {STARTUP_LIMIT_S} s:\n{log.read_text()}")


def _unsckg(*arguments: str) -> None:
    """Run one command of the command line; its output is kept for the failure message."""
    command = [str(Path(sys.executable).with_name("unsckg")), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(arguments[:1])} failed ({done.returncode}):\n{done.stderr}")


def build_store(store: Path) -> None:
    """The dev corpus, the real documents, the voting-data sample and its reconciliation."""
    _unsckg("build", "--store", str(store), "--quiet")
    _unsckg("build", "--store", str(store), "--quiet", *(str(DATA / name) for name in REAL))
    _unsckg("import-votes", "--store", str(store), "--quiet", str(VOTING_DATA))
    _unsckg("reconcile", "--store", str(store))


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a real server on the dev corpus and the real corpus."""
    vendor = resources.files("unsckg.server").joinpath("static/vendor/yasgui/yasgui.min.js")
    if not vendor.is_file():
        pytest.fail("front-end assets missing: run `cd frontend && npm ci && npm run build`")
    folder = tmp_path_factory.mktemp("browser")
    port = _free_port()
    log = folder / "serve.log"
    build_store(folder / "store")
    command = [
        str(Path(sys.executable).with_name("unsckg")),
        "serve",
        "--store",
        str(folder / "store"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=os.environ)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; Playwright never downloads a browser here."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium missing: apt-get install chromium (see `make chromium`)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        yield launched
        launched.close()


@dataclass
class Visit:
    """One browser context on the server, with the requests that tried to leave 127.0.0.1."""

    base: str
    context: BrowserContext
    page: Page
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=False)
        return target

    def assert_offline(self) -> None:
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.errors == [], f"errors in the page: {self.errors}"


def _visit(browser: Browser, server: str, **context_args: object) -> Iterator[Visit]:
    # bypass_csp: the harness injects scripts (axe) and evaluates strings, which the server's
    # Content-Security-Policy forbids; the pages themselves are checked under it, with no
    # bypass, by tests/server/test_endpoint_headers.py.
    context = browser.new_context(accept_downloads=True, bypass_csp=True, **context_args)  # type: ignore[arg-type]
    page = context.new_page()
    visit = Visit(server, context, page)

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            visit.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    yield visit
    context.close()


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    """A desktop-sized (1280x800) browser context."""
    yield from _visit(browser, server, viewport={"width": 1280, "height": 800})


@pytest.fixture
def phone(browser: Browser, server: str) -> Iterator[Visit]:
    """A phone-sized (390x844, touch) browser context."""
    yield from _visit(
        browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
