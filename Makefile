# newsbrief: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PIP    := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: install demo test lint typecheck bench quality clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "newsbrief needs Python 3.11+"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip==25.3
	$(PIP) install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsbrief brief examples/demo --json out/demo.json

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q

quality: $(STAMP)
	$(BIN)/python bench/quality.py

bench: $(STAMP)
	$(BIN)/python bench/bench_cluster.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
