# Two commands for a fresh machine: `make run` (dashboard on the sample corpus) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= data/slant.duckdb
PORT   ?= 8501

.PHONY: run test lint bench store clean-store browser

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
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

# ruff, and the layers of docs/ARCHITECTURE.md (import-linter contracts in pyproject.toml).
lint: $(BIN)/.installed-test
	$(BIN)/ruff check analysis dashboard tests bench
	$(BIN)/lint-imports --no-cache

bench: $(BIN)/.installed-test
	$(BIN)/python bench/analyze.py

clean-store:
	rm -f $(DB) $(DB).wal
