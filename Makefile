# plan-extract: every target runs inside .venv, created by `make setup`.
PY      := .venv/bin/python
CLI     := .venv/bin/plan-extract
STAMP   := .venv/.installed
OUT     ?= output
GOLD    ?= corpus/gold

.PHONY: setup extract test eval eval-dev bench stress clean notebook

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench,dask,export,spacy,notebook,review-test]'
	$(PY) -m compileall -q extract >/dev/null   # bytecode, as a regular install writes it
	touch $(STAMP)

extract: $(STAMP)
	$(CLI) run corpus --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest -q

eval: extract
	$(CLI) eval --gold $(GOLD) --out $(OUT) --baseline rules/eval_baseline.yaml

# the held-out plans written for the project (devset/README.md): a generalisation check, no floor
eval-dev: $(STAMP)
	$(CLI) run devset --out $(OUT)/devset --quiet
	$(CLI) eval --gold devset/gold --out $(OUT)/devset --baseline devset/eval_floor.yaml

bench: $(STAMP)
	$(PY) bench/bench.py
	$(PY) bench/workers.py

# the largest hostile inputs (100k labels, 20 MB text, zip bomb, deep HTML): time and peak memory
stress: $(STAMP)
	$(PY) bench/stress.py

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/run.json $(OUT)/.plan-extract $(OUT)/devset $(OUT)/notebooks .pytest_cache

# executes notebooks/compare_cities.py headless on the tables of `make extract`
notebook: extract
	$(PY) -m extract.tools.plotting notebooks/compare_cities.py --tables $(OUT) --to $(OUT)/notebooks/compare_cities.ipynb
