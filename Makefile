# newsbrief: `make demo` and `make test` do all set-up on a fresh machine.
# The interpreter: Python 3.12 where the machine has one (on PATH, or installed by pyenv), else
# python3 (3.11+). spaCy's wheels for Python 3.11 and older are compiled with Cython's profiling
# hooks, which take the GIL inside the parser's and NER's transition loops: the same model
# parses the same texts in half the CPU time on 3.12 (bench/parse_profile.py).
PYENV_ROOT ?= $(HOME)/.pyenv
PYTHON ?= $(or $(firstword $(foreach p,python3.12 $(wildcard $(PYENV_ROOT)/versions/3.12*/bin/python3.12) python3,$(if $(shell $(p) -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null | grep -x True),$(p)))),python3)
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
