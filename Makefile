# The two commands README.md leads with: `make serve` and `make test`.
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: setup checkers serve build demo check lint format test test-quick bench bench-search audit schemas messages report-template import-report cms-vendor search-vendor notice-vendor guide-screenshots form-server clean
.venv/ok: requirements.txt requirements-dev.txt
	python3 -m venv .venv
	$(PY) -m pip install -q -r requirements-dev.txt
	touch .venv/ok
# The page checkers (axe-core, vnu-jar, Lighthouse: tests/test_a11y.py, `make audit`), from package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would fetch a JRE when `java` is missing; Debian's is used instead.
node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
setup: .venv/ok  ## the Python environment (all that serving and building need)
checkers: node_modules/.package-lock.json  ## the page checkers for the tests and the audit

# The one-plan preview (PLANSITE_PREVIEW_PLAN) is set by `make serve PLAN=…` alone; every other target
# that builds clears it, so a build that publishes (or is tested) always has, and checks, every plan.
NO_SCOPE := env -u PLANSITE_PREVIEW_PLAN

serve: setup  ## build and serve the site with live reload on http://127.0.0.1:8000; PLAN=<id>: that plan and the registries only
	$(NO_SCOPE) $(if $(PLAN),PLANSITE_PREVIEW_PLAN="$(PLAN)") $(PY) -m mkdocs serve --strict

build: setup  ## build into site/, replacing it only if the build succeeds
	$(NO_SCOPE) $(PY) -m plansite_mkdocs.publish site

demo: setup  ## build the site with made-up example reports (demo/) into site-demo/, every page marked
	$(NO_SCOPE) $(PY) -m plansite_mkdocs.demo site-demo

offline: setup  ## the site in one zip (site-offline.zip) to unzip and open from a folder: no server, no internet
	$(NO_SCOPE) $(PY) -m plansite_mkdocs.offline site-offline.zip

report-template: setup  ## CSV template of a report, to fill in Excel, into mau-bao-cao/ (git-ignored): PLAN=… PERIOD=2026-6-thang [REPORTER=…] [OUT=…]
	$(PY) -m plansite report-template --plan "$(PLAN)" --period "$(PERIOD)" $(if $(REPORTER),--reporter "$(REPORTER)") $(if $(OUT),--out "$(OUT)")

import-report: setup  ## filled CSV → plan_data/reports/<plan>/<period>/<reporter>.yaml: FILE=… [FORCE=1]
	$(PY) -m plansite import-report "$(FILE)" $(if $(FORCE),--force)

check: setup  ## validate plan_data/ without building [ANNOTATIONS=github|gitlab: also for the git host]
	$(PY) -m plansite check $(if $(ANNOTATIONS),--annotations "$(ANNOTATIONS)")

schemas: setup
	$(PY) -m plansite schemas

# The Vietnamese catalogue: every msgid in hooks/ (_, N_, ngettext, N_plural, the docs of schema Fields; see
# plansite/i18n_extract.py) is added to the .po with an empty translation, and msgids no longer in the code are
# dropped; tests/test_messages.py lists the ones still to translate.
MESSAGES_PO := hooks/plansite/locale/vi/LC_MESSAGES/plansite.po
messages: setup  ## extract the messages from the code into $(MESSAGES_PO) (new ones to translate)
	$(PY) -m plansite.i18n_extract .cache/plansite.pot
	.venv/bin/pybabel -q update -i .cache/plansite.pot -o $(MESSAGES_PO) -l vi --no-fuzzy-matching \
		--ignore-obsolete --ignore-pot-creation-date

lint: setup  ## ruff (ruff.toml): lint and the format check of hooks/, tests/ and bench/; `make format` rewrites
	.venv/bin/ruff check hooks tests bench
	.venv/bin/ruff format --check hooks tests bench

format: setup  ## ruff: fix what can be fixed and format hooks/, tests/ and bench/ in place
	.venv/bin/ruff check --fix hooks tests bench
	.venv/bin/ruff format hooks tests bench

test: setup checkers lint  ## ruff, then every test, browser tests included (needs /usr/bin/chromium)
	$(NO_SCOPE) $(PY) -m pytest -q

test-quick: setup checkers lint  ## ruff, then every test but the browser ones (no Chromium needed); `make test` before pushing
	$(NO_SCOPE) $(PY) -m pytest -q -m "not browser"

bench: setup  ## benchmark: seed site and corpora [SIZES=1k,7k,28k] [HUGE=1: +56k] [RUNS=n] [RECORD=1: append to bench/RESULTS.md]
	$(NO_SCOPE) $(PY) bench/run.py $(if $(SIZES),--sizes "$(SIZES)") $(if $(HUGE),--huge) $(if $(RUNS),--runs $(RUNS)) $(if $(RECORD),--record)

bench-search: setup  ## a corpus's search index alone (no MkDocs render) and its first searches [SIZE=province]
	$(NO_SCOPE) $(PY) bench/search_only.py $(if $(SIZE),--size "$(SIZE)")

audit: setup checkers  ## Lighthouse (mobile) on one page of each kind: a table of the four scores, also in bench/AUDIT.md
	$(PY) bench/audit.py

clean:
	rm -rf site .site-builds site-demo .cache .venv

# The form's code (Decap CMS, pinned in package.json) is kept in vendor/decap-cms/, so that building and
# serving the site need no npm; tests/test_cms.py checks the copy against node_modules/.
cms-vendor: checkers  ## copy Decap CMS (package.json's version) from node_modules/ into vendor/decap-cms/
	rm -rf vendor/decap-cms && mkdir -p vendor/decap-cms
	cp node_modules/decap-cms/package.json node_modules/decap-cms/dist/decap-cms.js node_modules/decap-cms/dist/*.decap-cms.js node_modules/decap-cms/dist/*.wasm node_modules/decap-cms/dist/decap-cms.js.LICENSE.txt vendor/decap-cms/

# The search's unpacker for browsers without DecompressionStream (fflate, pinned in package.json) is kept in
# vendor/fflate/ likewise; hooks/plansite_mkdocs/vendored.py serves it as assets/vendor/fflate-<version>.js.
search-vendor: checkers  ## copy fflate (package.json's version) from node_modules/ into vendor/fflate/
	rm -rf vendor/fflate && mkdir -p vendor/fflate
	cp node_modules/fflate/package.json node_modules/fflate/LICENSE node_modules/fflate/umd/index.js vendor/fflate/

notice-vendor: checkers  ## copy qrcode-generator (package.json's version) from node_modules/ into vendor/qrcode-generator/
	rm -rf vendor/qrcode-generator && mkdir -p vendor/qrcode-generator
	cp node_modules/qrcode-generator/package.json node_modules/qrcode-generator/dist/qrcode.js vendor/qrcode-generator/

guide-screenshots: setup checkers  ## the guide's pictures of the web form (docs/assets/bien-tap/), made by tests/test_cms_browser.py in Chromium
	$(NO_SCOPE) UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/test_cms_browser.py

form-server: checkers  ## the web form's local backend (decap-server, git mode) for http://127.0.0.1:8000/bien-tap/ under `make serve`
	MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" BIND_HOST=127.0.0.1 node node_modules/decap-server/dist/index.js
