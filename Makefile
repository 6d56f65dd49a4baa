# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ARTIFACTS ?= test-artifacts

.PHONY: run test lint install perf package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip uv
	$(VENV)/bin/uv pip install --python $(PY) -q -e '.[dev]' || $(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) main.py

lint: $(STAMP)
	$(PY) -m ruff check desktop tests main.py
	$(VENV)/bin/lint-imports

test: lint
	mkdir -p $(ARTIFACTS)
	QT_QPA_PLATFORM=offscreen BATCHGEN_ARTIFACTS=$(abspath $(ARTIFACTS)) $(PY) -m pytest -q
	@echo "Screenshots and other test artifacts: $(abspath $(ARTIFACTS))"

# Benchmarks print figures and ratios; they are not part of `make test`. BENCH=name runs one.
perf: $(STAMP)
	@for f in tests/perf/bench_$(or $(BENCH),*).py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) $(ARTIFACTS) .pytest_cache .ruff_cache build dist
