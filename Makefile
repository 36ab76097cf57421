# thaipr: `make demo` and `make test` work on a fresh machine (they run `make setup` first).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHAINLP_OFFLINE := 1
export HF_HUB_OFFLINE := 1

.PHONY: setup thai-font demo test lint eval corpus reliability bench clean

$(BIN)/thaipr: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/thaipr thai-font

# A Thai font for the plots of `thaipr report` (and `make demo`'s report): on Debian and
# Ubuntu, when no installed font covers Thai, fonts-thai-tlwg is installed with apt-get if
# we run as root; otherwise a line says how (without one, Thai in the plots is boxes).
thai-font:
	@if command -v apt-get >/dev/null && ! fc-list :lang=th 2>/dev/null | grep -q . \
	    && ! dpkg-query -W -f '$${Status}' fonts-thai-tlwg 2>/dev/null | grep -q "ok installed"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing a Thai font for thaipr report (apt-get install fonts-thai-tlwg)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-thai-tlwg >/dev/null; \
	  else \
	    echo "make: no Thai font, thaipr report would draw Thai as boxes: sudo apt-get install fonts-thai-tlwg"; \
	  fi; \
	fi

demo: setup  ## serve a replica of the platform, crawl it into demo-data/, show a few meetings, write its report
	$(BIN)/python -m thaipr.demo

test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check thaipr crawler extract output tests bench
	$(BIN)/ruff format --check thaipr crawler extract output tests bench
	$(BIN)/mypy

eval: setup  ## the quality gate on ../shared/eval: thaigov dev set, provincial set without and with URLs; people on labelled pairs
	$(BIN)/python -m tests.eval_gate --misses
	$(BIN)/python -m tests.person_pairs --misses

corpus: setup  ## every article of both corpora as text and HTML: exceptions, fill rates per year (about 3 minutes)
	$(BIN)/python -m bench.corpus_run

reliability: setup  ## the fault matrix and the kill tests, as a table (about 2 minutes)
	$(BIN)/python -m tests.reliability

bench: setup  ## thaipr against Scrapy + trafilatura and bare Scrapy, its CPU by stage; extraction, the dataset, the crawler's stages (about 25 minutes)
	$(BIN)/python -m bench.compare --write-results
	$(BIN)/python -m bench.profile_crawl --write-results
	$(BIN)/python -m bench.extract_bench --pages 2000
	$(BIN)/python -m bench.dataset_bench
	$(BIN)/python -m bench.crawl_bench
	$(BIN)/python -m bench.distributed_bench

.PHONY: docs
docs: setup  ## docs/analysis.md: a demo crawl, the dataset loaded five ways, five research questions answered
	$(BIN)/python -m tests.analysis_doc

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info build demo-data demo-report.html
