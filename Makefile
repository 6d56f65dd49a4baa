# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ARTIFACTS ?= test-artifacts

BUNDLE := dist/batch-image-generator
BUNDLE_EXE := $(BUNDLE)/batch-image-generator

.PHONY: run test lint install perf package package-smoke clean

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

# The tests include the built bundle (tests/packaging): CI and developers run one command.
test: lint package-smoke
	mkdir -p $(ARTIFACTS)
	QT_QPA_PLATFORM=offscreen BATCHGEN_ARTIFACTS=$(abspath $(ARTIFACTS)) \
	  BATCHGEN_BUNDLE=$(abspath $(BUNDLE)) $(PY) -m pytest -q
	@echo "Screenshots and other test artifacts: $(abspath $(ARTIFACTS))"

# Benchmarks print figures and ratios; they are not part of `make test`. BENCH=name runs one.
perf: $(STAMP)
	@for f in tests/perf/bench_$(or $(BENCH),*).py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(PY) $$f || exit 1; done

# The one-folder app for this machine (packaging/README.md); incremental after the first build.
package: $(STAMP)
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build \
	  packaging/batch_image_generator.spec || exit 1; \
	echo "Built $(BUNDLE) in $$(( $$(date +%s) - start )) s, $$(du -sh $(BUNDLE) | cut -f1)"

# Start the built bundle offscreen in a throw-away settings folder and library, and time it.
package-smoke: package
	@tmp=$$(mktemp -d); start=$$(date +%s%N); \
	BATCHGEN_CONFIG_DIR=$$tmp/config BATCHGEN_LIBRARY=$$tmp/library BATCHGEN_SECRETS=file \
	  QT_QPA_PLATFORM=offscreen $(BUNDLE_EXE) --smoke-test; rc=$$?; \
	echo "Bundle smoke test: exit $$rc in $$(( ($$(date +%s%N) - start) / 1000000 )) ms"; \
	rm -rf $$tmp; exit $$rc

clean:
	rm -rf $(VENV) $(ARTIFACTS) .pytest_cache .ruff_cache build dist
