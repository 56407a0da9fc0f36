# readout: the targets a new user and CI run.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= readout.duckdb
EXAMPLES := examples/articles
SHARED_DOCS := ../shared/eval/docs

.PHONY: run test smoke lint bench eval serve clean

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

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

## make eval: score the shared example articles with the shared scorer
eval: $(STAMP)
	$(BIN)/python $(SHARED_DOCS)/../score.py --gold $(SHARED_DOCS)/../gold-dev.jsonl --docs $(SHARED_DOCS) \
	  --cmd "$(BIN)/readout extract {doc}{published} --format jsonl" --quiet

## make bench: articles/s of readout extract beside spaCy's full pipeline
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) .venv-3.* .pytest_cache .mypy_cache .ruff_cache
