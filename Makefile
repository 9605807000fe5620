# Two commands do all set-up on a fresh machine:
#   make demo   creates .venv, installs kg, builds a graph from examples/ and answers a look-up
#   make test   the same set-up, then the whole test suite (Neo4j tests start their own server)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KG := $(VENV)/bin/kg

.PHONY: demo test bench seeds clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(KG) build examples -o out/examples.kg
	$(KG) papers --method GRPO --benchmark AIME -g out/examples.kg
	$(KG) show GRPO -g out/examples.kg

test: $(VENV)/.installed
	$(PY) -m pytest -q --doctest-modules kg schemas loaders queries tests

seeds: $(VENV)/.installed
	$(KG) build ../shared/seeds -o out/seeds.kg
	$(KG) export out/seeds.kg --format json -o out/seeds.json
	$(PYTHON) ../shared/tools/score.py ../shared/eval/dev-gold.jsonl out/seeds.json

bench: $(VENV)/.installed
	$(PY) bench/build_throughput.py

clean:
	rm -rf out $(VENV) *.egg-info
