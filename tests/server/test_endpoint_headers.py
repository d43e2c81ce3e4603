"""Security headers on every response, the JSON error shape for unparseable requests, and
the pages working under the Content Security Policy in Chromium."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/sparql", {"query": "SELECT ?p ?o WHERE { <urn:none> ?p ?o }"}),  # the fast path
        ("/sparql", {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}),  # the pool
        ("/sparql", {"query": "SELECT nonsense"}),  # an error
        ("/sparql", {}),  # the service description
        ("/health", {}),
        ("/", {}),
        ("/id/state/BEL", {}),
        ("/no/such/page", {}),
    ],
)
def test_security_headers_everywhere(client: httpx.Client, path: str, params: Any) -> None:
    response = client.get(path, params=params, headers={"Accept": "text/html,*/*;q=0.8"})
    for name in SECURITY:
        assert name in response.headers, (path, response.status_code)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def raw_get(port: int, target: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize("target", ["/sparql?query=" + "a" * 2_000_000, "/?x=" + "a" * 200_000])
def test_over_long_urls_get_the_json_error_shape(server: Any, target: str) -> None:
    head, _, body = raw_get(server.port, target).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"content-type: application/json" in head
    assert b"x-content-type-options: nosniff" in head
    assert httpx.Response(400, content=body).json()["error"]["code"] == "bad_request"


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
PAGES = ("/", "/explore", "/ontology", "/id/state/BEL", "/views/votes")


def visit_pages(base: str, found: dict[str, list[str]]) -> None:
    """Every page in Chromium, with no CSP bypass; violations and CSP console lines by page.
    Runs on its own thread: the browser tests' session keeps a Playwright loop on the main
    one, and the sync API refuses to start inside a running loop."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for path in PAGES:
            page = browser.new_page()
            console: list[str] = []
            page.on("console", lambda message, seen=console: seen.append(message.text))
            page.add_init_script(WATCH)
            page.goto(base + path, wait_until="networkidle")
            if path == "/":  # run the example query the page shows, as a user would
                button = page.locator("button.yasqe_queryButton")
                if button.count():
                    button.first.click()
                    page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.__violations")
            found[path] = [*violations, *(t for t in console if "Content Security Policy" in t)]
            page.close()
        browser.close()


@pytest.mark.browser
def test_pages_pass_the_content_security_policy(server: Any) -> None:
    if not CHROMIUM.exists():
        pytest.fail("Chromium missing: apt-get install chromium (see `make chromium`)")
    found: dict[str, list[str]] = {}
    visiting = threading.Thread(target=visit_pages, args=(server.url, found))
    visiting.start()
    visiting.join(300)
    assert set(found) == set(PAGES)
    assert found == {path: [] for path in PAGES}
