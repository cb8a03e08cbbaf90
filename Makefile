# Two commands (see README.md):
#   make serve   set everything up, then serve the site on http://127.0.0.1:8000/
#   make test    set everything up, then run every test
# Everything installs from the project's own files: requirements.txt, package.json, Debian's chromium.

SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup browser-setup build publish offline benchmark check

$(VENV)/.installed: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed

# npm: Lighthouse and vnu-jar for the tests, PurgeCSS for every build but `make serve` (it trims Material's CSS).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium for the browser tests (never `playwright install`: it downloads a browser).
/usr/bin/chromium:
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

browser-setup: /usr/bin/chromium node_modules/.installed

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup browser-setup
	$(PYTHON) -m pytest

# Not needed for the two commands above, but handy:
check: setup
	$(PYTHON) -m scripts.check

build: setup node_modules/.installed
	$(VENV)/bin/mkdocs build --strict

# The site to publish, in site/: stops while local.yml still has example values.
publish: setup node_modules/.installed
	CETR_PUBLISH=1 $(VENV)/bin/mkdocs build --strict --site-dir site

# A copy that works from a folder or a zip with no server (for wards with no signal):
# site-offline/ and cetr-family-guide-offline.zip. Open index.html in any browser.
offline: setup node_modules/.installed
	CETR_OFFLINE=true $(VENV)/bin/mkdocs build --strict --site-dir site-offline
	rm -f cetr-family-guide-offline.zip
	cd site-offline && $(abspath $(PYTHON)) -m zipfile -c ../cetr-family-guide-offline.zip .

# Build time, page weight, and (with LIGHTHOUSE=1) Lighthouse scores: see README.md.
benchmark: setup browser-setup
	$(PYTHON) -m scripts.benchmark $(if $(LIGHTHOUSE),--lighthouse)
