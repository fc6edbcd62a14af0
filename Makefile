# Two commands for a fresh machine: `make run` (dashboard on the sample corpus) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= data/slant.duckdb
PORT   ?= 8501
# Every version `make run` and `make test` install (pip included), pinned; `make lock` refreshes it.
LOCK   := requirements.lock

.PHONY: run test test-latest lint lock bench store clean-store browser

$(BIN)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c $(LOCK) --upgrade pip
	$(BIN)/python -m pip install -q -c $(LOCK) -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/python -m pip install -q -c $(LOCK) -e '.[test]'
	touch $@

# The demo store is built from the bundled sample corpus only when it is absent.
$(DB): | $(BIN)/.installed
	$(BIN)/slant ingest data/sample --db $(DB)

store: $(DB)

run: $(BIN)/.installed $(DB)
	$(BIN)/slant dashboard --db $(DB) --port $(PORT)

# The browser test needs Debian's chromium; install it when we may (root with apt), else it skips.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser test..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found: the browser test will be skipped (apt-get install chromium)"; fi; }

test: $(BIN)/.installed-test browser
	$(BIN)/python -m pytest

# The lock: every package of pyproject.toml's dependencies and its test extra, plus pip and uv,
# resolved for Python 3.11+ on every platform. By default every pin moves to the newest version
# pyproject.toml allows; `make lock UPGRADE='--upgrade-package duckdb'` moves one, and
# `make lock UPGRADE=` only adds what pyproject.toml gained. Then `make test`, commit the lock.
UPGRADE ?= --upgrade
lock: $(BIN)/.installed
	$(BIN)/python -m pip install -q -c $(LOCK) uv
	printf 'pip\nuv\n' | $(BIN)/uv pip compile pyproject.toml - --extra test --universal \
	  --python-version 3.11 $(UPGRADE) --custom-compile-command 'make lock' -o $(LOCK)

# Upstream watch: a fast subset of the tests in a separate venv with the newest versions
# pyproject.toml allows (no lock), so a release that breaks Slant is seen before a user meets it.
LATEST ?= .venv-latest
LATEST_TESTS ?= tests/analysis/cli/test_cli.py tests/analysis/ingest/web/test_extract.py \
  tests/analysis/store/test_store.py tests/dashboard/test_pages.py
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install -q --upgrade pip
	$(LATEST)/bin/python -m pip install -q -e '.[test]'
	$(LATEST)/bin/python .ci/newer_than_lock.py $(LOCK)
	$(LATEST)/bin/python -m pytest -q -p no:cacheprovider -m 'not browser' $(LATEST_TESTS)

# ruff, and the layers of docs/ARCHITECTURE.md (import-linter contracts in pyproject.toml).
lint: $(BIN)/.installed-test
	$(BIN)/ruff check analysis dashboard tests bench
	$(BIN)/lint-imports --no-cache

bench: $(BIN)/.installed-test
	$(BIN)/python bench/analyze.py

clean-store:
	rm -f $(DB) $(DB).wal
