# The two commands README.md leads with: `make serve` and `make test`.
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: setup serve build check test test-quick bench schemas clean
.venv/ok: requirements.txt requirements-dev.txt
	python3 -m venv .venv
	$(PY) -m pip install -q -r requirements-dev.txt
	touch .venv/ok
setup: .venv/ok

serve: setup  ## build and serve the site with live reload on http://127.0.0.1:8000
	$(PY) -m mkdocs serve --strict

build: setup  ## build into site/, replacing it only if the build succeeds
	$(PY) -m plansite_mkdocs.publish site

check: setup  ## validate plan_data/ without building
	$(PY) -m plansite check

schemas: setup
	$(PY) -m plansite schemas

test: setup  ## every test, browser tests included (needs /usr/bin/chromium)
	$(PY) -m pytest -q

test-quick: setup  ## every test but the browser ones (no Chromium needed); `make test` before pushing
	$(PY) -m pytest -q -m "not browser"

bench: setup  ## benchmark: seed site and a synthetic corpus; prints a table
	$(PY) bench/run.py

clean:
	rm -rf site .venv
