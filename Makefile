# The two commands that do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench models lexicon clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m habar.demo

test: $(STAMP)
	bash scripts/run_tests.sh

bench: $(STAMP)
	$(BIN)/python -m bench.run --shared $(SHARED)

lexicon: $(STAMP)
	$(BIN)/python scripts/build_lexicon.py

models: lexicon

clean:
	rm -rf $(VENV) build *.egg-info
