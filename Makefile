# The commands CI runs, and the README's two commands: `make run` and `make test`.
# Each sets up what it needs on a fresh machine (virtual environment, front-end assets from the
# npm registry, the project) and is safe to run again.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= $(CURDIR)/unsckg-store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test venv assets install install-test allocator chromium lint typecheck fix bench clean

run: install allocator
	$(BIN)/unsckg build --store "$(STORE)"
	$(BIN)/unsckg serve --store "$(STORE)" --host $(HOST) --port $(PORT)

test: install-test allocator chromium lint typecheck
	$(BIN)/python -m pytest -q

venv: $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# JavaScript and CSS libraries for the pages: pinned in frontend/package-lock.json, copied into
# server/static/vendor/ (never committed, never fetched from a CDN at run time).
assets:
	cd frontend && npm ci --no-audit --no-fund && npm run build

install: venv assets
	$(BIN)/pip install -q .

install-test: venv assets
	$(BIN)/pip install -q '.[test]'

# mimalloc, which the server preloads into its processes when present (server/environment.py:
# about 10% less CPU per query than glibc's allocator). Optional: without root or apt the
# server runs on the C library's allocator, so a failure here only prints a note.
allocator:
	@if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libmimalloc\.so'; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  { $$SUDO apt-get install -y -qq libmimalloc2.0 >/dev/null 2>&1 || \
	    { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libmimalloc2.0 >/dev/null; }; } || \
	  echo "note: libmimalloc2.0 not installed; the server will use the C library's allocator"; \
	fi

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser), and
# a CJK font so that the screenshots the tests save show Chinese text.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto.*CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot see through setuptools' editable finder (the folders are mapped to unsckg.*), so it
# checks the sources through a folder of links laid out as the installed namespace.
typecheck:
	rm -rf build/typecheck && mkdir -p build/typecheck/unsckg
	for pkg in ontology extractors graph server; do ln -s "$(CURDIR)/$$pkg" build/typecheck/unsckg/$$pkg; done
	cd build/typecheck && MYPYPATH=. $(CURDIR)/$(BIN)/mypy --config-file $(CURDIR)/pyproject.toml \
	  -p unsckg.ontology -p unsckg.extractors -p unsckg.graph -p unsckg.server

fix:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: venv
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_endpoint.py
	$(BIN)/python bench/bench_instructions.py

clean:
	rm -rf build dist *.egg-info server/static/vendor frontend/node_modules
