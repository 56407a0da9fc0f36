# readout: the targets a new user and CI run.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= readout.duckdb
EXAMPLES := examples/articles
SHARED_EVAL := ../shared/eval
LEXICON_SOURCES ?= ../shared/lexicon-sources

.PHONY: run test smoke lint bench eval serve clean lexicons fuzz

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make run: install, read the bundled example articles, print their events, ingest them and serve the web app
run: $(STAMP)
	$(BIN)/readout extract $(EXAMPLES) --format table
	$(BIN)/readout ingest $(EXAMPLES) --db $(DB)
	$(BIN)/readout timeline --db $(DB)
	@echo "Serving the record at http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/readout serve --db $(DB) --host 127.0.0.1 --port 8000

## make test: install if needed, then lint, type-check and run the whole suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

## make smoke: install into $(VENV) (any supported Python: make smoke PY=python3.13 VENV=.venv-3.13)
## and run make run's extract step, failing unless it prints events
smoke: $(STAMP)
	$(BIN)/readout --version
	$(BIN)/readout extract $(EXAMPLES) --format table | tee $(VENV)/smoke.txt
	grep -q "CONSULT" $(VENV)/smoke.txt

## make fuzz: the fuzzing suite at 1,000 inputs per test (over 10,000 in all; CI runs 25 each)
fuzz: $(STAMP)
	READOUT_FUZZ_EXAMPLES=1000 $(BIN)/pytest tests/fuzz -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

## make eval: every gold set's summary, scored by the shared scorer in both scopes
## (readout runs once per set), and readout's own constructed examples
eval: $(STAMP)
	@tmp=$$(mktemp -d); \
	for set in "examples $(SHARED_EVAL)/gold-dev.jsonl $(SHARED_EVAL)/docs" \
	           "voa-dev $(SHARED_EVAL)/voa-dev/gold.jsonl $(SHARED_EVAL)/voa-dev/docs"; do \
	  set -- $$set; \
	  if [ ! -f "$$2" ]; then echo "$$1: $$2 is not here, skipped"; continue; fi; \
	  $(BIN)/readout eval "$$2" "$$3" --predictions "$$tmp/$$1.jsonl" >/dev/null || exit 1; \
	  for scope in international all; do \
	    printf '%-9s %-14s ' "$$1" "$$scope"; \
	    $(BIN)/python $(SHARED_EVAL)/score.py --gold "$$2" --pred "$$tmp/$$1.jsonl" --scope $$scope --quiet | tail -n 1; \
	  done; \
	done; rm -rf "$$tmp"
	@printf '%-9s %-14s ' own-gold international; \
	  $(BIN)/readout eval examples/gold.jsonl examples/articles | tail -n 1

## make bench: articles/s of readout extract beside spaCy's full pipeline
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

## make lexicons: regenerate the data converted from the field's lexicons (PETRARCH2, PLOVER)
lexicons: $(STAMP)
	$(BIN)/python -m readout.convert $(LEXICON_SOURCES)

clean:
	rm -rf $(VENV) .venv-3.* .pytest_cache .mypy_cache .ruff_cache
