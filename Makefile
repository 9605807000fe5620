# Two commands do all set-up on a fresh machine:
#   make demo   creates .venv, installs kg, builds a graph from examples/ and answers a look-up
#   make test   the same set-up, then the whole test suite (Neo4j tests start their own server)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KG := $(VENV)/bin/kg

.PHONY: demo test bench seeds eval clean

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

# every gold set: the two dev sets in ../shared/eval and the held-out sets in eval/ (joined with the corpus)
eval: $(VENV)/.installed
	$(PY) eval/materialise.py --out out/eval
	$(KG) build ../shared/seeds -o out/eval/dev-seeds.kg && $(KG) export out/eval/dev-seeds.kg -f json -o out/eval/dev-seeds.json
	$(PY) ../shared/tools/score.py ../shared/eval/dev-gold.jsonl out/eval/dev-seeds.json | tail -n 1
	$(PY) -c "import json; [print(json.dumps({k: r[k] for k in ('id', 'title', 'abstract')})) for r in map(json.loads, open('../shared/eval/dev-gold-arxiv.jsonl'))]" > out/eval/dev-arxiv-papers.jsonl
	$(KG) build out/eval/dev-arxiv-papers.jsonl -o out/eval/dev-arxiv.kg && $(KG) export out/eval/dev-arxiv.kg -f json -o out/eval/dev-arxiv.json
	$(PY) ../shared/tools/score.py ../shared/eval/dev-gold-arxiv.jsonl out/eval/dev-arxiv.json | tail -n 1
	for s in a b c d e f g h i j k l m n o p q r s t u v w x y z aa ab ac ad ae af ag ah ai aj ak al am an ao ap aq ar as at au av aw ax ay az ba bb bc bd be bf bg bh bi bj bk bl bm bn bo bp bq br bs bt bu bv bw bx by bz ca cb cc cd ce cf cg ch ci cj ck cl cm cn co cp cq cr cs ct cu cv cw cx cy cz da db dc dd de df dg dh di dj dk dl dm dn do dp dq dr ds dt du dv dw dx dy dz ea eb ec ed ee ef eg eh ei ej ek el em en eo ep eq er es et eu ev ew ex ey ez fa fb fc fd fe ff fg fh fi fj fk fl fm fn fo fp fq fr fs ft fu fv fw fx; do \
	  [ -f eval/heldout-$$s.jsonl ] || continue; \
	  $(KG) build out/eval/heldout-$$s-papers.jsonl -o out/eval/heldout-$$s.kg && \
	  $(KG) export out/eval/heldout-$$s.kg -f json -o out/eval/heldout-$$s.json && \
	  $(PY) ../shared/tools/score.py out/eval/heldout-$$s.jsonl out/eval/heldout-$$s.json | tail -n 1; \
	done
	# inter-annotator agreement: the second annotation of a set, scored against the first as if it were kg
	for f in eval/second/heldout-*.jsonl; do \
	  s=$$(basename $$f .jsonl); \
	  $(PY) eval/gold_graph.py out/eval/second-$$s.jsonl -o out/eval/second-$$s.json && \
	  $(PY) ../shared/tools/score.py out/eval/$$s.jsonl out/eval/second-$$s.json | tail -n 1; \
	done

bench: $(VENV)/.installed
	$(PY) bench/build_throughput.py

clean:
	rm -rf out $(VENV) *.egg-info
