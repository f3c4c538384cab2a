# BPO Launchpad: `make run` to use it, `make test` to test it. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# `make run` serves plain HTTP on loopback, so cookies cannot be HTTPS-only there.
RUN_ENV := LAUNCHPAD_GENERATE_SECRET_KEY=1 SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false

.PHONY: help install run serve worker test test-fast test-postgres test-e2e lint format types bench browser clean

help:
	@echo "make run            install, migrate, load content and serve on http://$(HOST):$(PORT)"
	@echo "make test           install test tools and run lint, types and every test"
	@echo "make test-postgres  run the suite on PostgreSQL ($(POSTGRES_URL))"
	@echo "make bench          run the benchmarks and write docs/benchmarks.md"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required (python3.11, python3.12 ...)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@bash scripts/ensure-pdf-libs.sh || echo "PDF exports will not work until the libraries above are installed."
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(RUN_ENV) $(BIN)/launchpad migrate --no-input
	$(RUN_ENV) $(BIN)/launchpad load-content
	$(RUN_ENV) $(BIN)/launchpad collectstatic --no-input --verbosity 0
	@echo
	@echo "  BPO Launchpad is starting on http://$(HOST):$(PORT)"
	@echo "  Create an admin with:  $(BIN)/launchpad createsuperuser"
	@echo "  Stop with Ctrl+C."
	@echo
	@$(RUN_ENV) $(BIN)/launchpad worker --interval 1 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/launchpad serve --bind $(HOST):$(PORT)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

types: install
	DEBUG=true $(BIN)/mypy launchpad

browser:
	@bash scripts/ensure-chromium.sh

# Unit, service, view and API tests on SQLite (no browser).
test-fast: install
	$(BIN)/pytest -q -n 2 -m "not e2e" launchpad tests --ignore=tests/e2e

test-postgres: install
	@if $(BIN)/python scripts/pg_available.py "$(POSTGRES_URL)"; then \
		DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q -n 2 -m "not e2e" launchpad tests --ignore=tests/e2e; \
	elif [ "$$CI" = "true" ] || [ -n "$$REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL is not reachable at $(POSTGRES_URL), and CI requires it."; exit 1; \
	else echo "SKIPPED: PostgreSQL is not reachable at $(POSTGRES_URL); the suite ran on SQLite only."; fi

test-e2e: install browser
	$(BIN)/pytest -q tests/e2e

test: install lint types test-fast test-postgres test-e2e
	@echo "All checks passed."

bench: install
	$(BIN)/python bench/pages.py --write docs/benchmarks.md
	$(BIN)/python bench/scoring.py --write docs/benchmarks.md
	$(BIN)/python bench/submit.py --write docs/benchmarks.md
	$(BIN)/python bench/resume.py --write docs/benchmarks.md
	$(BIN)/python bench/interview.py --write docs/benchmarks.md
	$(BIN)/python bench/jobs.py --write docs/benchmarks.md

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
