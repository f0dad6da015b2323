# The two commands that do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench bench-scale models lexicon clean

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

# Not in CI. 1,000,000 generated articles, built by analysing each distinct sentence once and composing the
# articles (--compose; full analysis of 1M would take a day here), written into PostgreSQL too in the same pass
# (--pg: a private server beside the store) so that both backends are queried on the same articles; plus 2,000
# articles with full analysis for the ingest throughput. `make bench-scale SCALE_ARGS="--n 20000"` for a smaller
# run with full analysis throughout.
# Then Dask ingest with 1 and 2 workers against the local ingest (bench/scale_dask.py; DASK_ARGS="--n 200": quicker).
SCALE_ARGS ?= --compose --real 2000 --pg
bench-scale: $(STAMP)
	HABAR_SHARED_DATA=$(SHARED)/data nice $(BIN)/python -m bench.search_scale $(SCALE_ARGS)
	HABAR_SHARED_DATA=$(SHARED)/data nice $(BIN)/python -m bench.scale_dask $(DASK_ARGS)

lexicon: $(STAMP)
	$(BIN)/python scripts/build_lexicon.py --shared $(SHARED)/data

# Rebuilds every shipped model from its sources, in dependency order: the NER and topic models use the
# morphology's features, so they are retrained after the lexicon; the topic model reads the static embeddings. Slow (tens of minutes on 2 cores).
models: lexicon
	nice -n 10 $(BIN)/python scripts/train_ner.py --shared $(SHARED)/data
	nice -n 10 $(BIN)/python scripts/build_phrase_df.py --shared $(SHARED)/data
	nice -n 10 $(BIN)/python scripts/build_static_embeddings.py --shared $(SHARED)/data
	nice -n 10 $(BIN)/python scripts/train_topics.py --shared $(SHARED)/data

clean:
	rm -rf $(VENV) build *.egg-info
