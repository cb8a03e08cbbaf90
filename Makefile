# Two commands (see README.md):
#   make serve   set everything up, then serve the site on http://127.0.0.1:8000/
#   make test    set everything up, then run every test
# Everything installs from the project's own files: requirements.txt, package.json, and Debian's
# chromium, default-jre-headless and nginx (below).

SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup browser-setup server-setup build publish offline export benchmark check leaflets

$(VENV)/.installed: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed

# npm: Lighthouse, pa11y and vnu-jar for the tests; PurgeCSS for every build but `make serve` (it trims Material's CSS).
# PUPPETEER_SKIP_DOWNLOAD: pa11y's puppeteer would download a Chrome of its own; it drives Debian's.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests need, each installed once (as root, or with sudo):
#   chromium              the browser tests (never `playwright install`: it downloads a browser)
#   default-jre-headless  Java for vnu, the HTML validator (tests/browser/test_html_valid.py)
#   nginx, openssl        the sample server config is loaded and served over https (tests/publishing/test_nginx.py)
#   webkit2gtk-driver, xvfb  WebKit (Safari's engine) for the smoke set of tests/browser/test_other_browsers.py
#   firefox-esr           Firefox for the same smoke set (driven by puppeteer-core over WebDriver BiDi)
#   w3m                   reading each page as a text browser does (tests/browser/test_text_browser.py)
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq
/usr/bin/chromium:
	$(APT_INSTALL) chromium >/dev/null
/usr/bin/java:
	$(APT_INSTALL) --no-install-recommends default-jre-headless >/dev/null
/usr/sbin/nginx:
	$(APT_INSTALL) --no-install-recommends nginx openssl >/dev/null
/usr/bin/WebKitWebDriver:
	$(APT_INSTALL) webkit2gtk-driver xvfb >/dev/null
/usr/bin/firefox-esr:
	$(APT_INSTALL) firefox-esr >/dev/null
/usr/bin/w3m:
	$(APT_INSTALL) --no-install-recommends w3m >/dev/null

# Debian's zbar-tools: the browser tests read the leaflets' QR codes from pictures with zbarimg.
/usr/bin/zbarimg:
	$(APT_INSTALL) zbar-tools >/dev/null

browser-setup: /usr/bin/chromium /usr/bin/zbarimg /usr/bin/java /usr/bin/WebKitWebDriver /usr/bin/firefox-esr /usr/bin/w3m node_modules/.installed

server-setup: /usr/sbin/nginx

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup browser-setup server-setup
	$(PYTHON) -m pytest

# Not needed for the two commands above, but handy:
check: setup
	$(PYTHON) -m scripts.check

build: setup node_modules/.installed
	$(VENV)/bin/mkdocs build --strict

# The site to publish, in site/. The checker runs first (pages, settings, links and anchors) and
# stops on any error, such as an example value left in local.yml; then the strict build.
publish: setup node_modules/.installed
	$(PYTHON) -m scripts.check --publish
	CETR_PUBLISH=1 $(VENV)/bin/mkdocs build --strict --site-dir site

# A copy that works from a folder or a zip with no server (for wards with no signal):
# site-offline/ and cetr-family-guide-offline.zip. Open index.html in any browser.
# It goes to families as it is, so it is checked like the published site and refuses example settings.
offline: setup node_modules/.installed
	$(PYTHON) -m scripts.check --publish
	CETR_PUBLISH=1 CETR_OFFLINE=true $(VENV)/bin/mkdocs build --strict --site-dir site-offline
	rm -f cetr-family-guide-offline.zip
	cd site-offline && $(abspath $(PYTHON)) -m zipfile -c ../cetr-family-guide-offline.zip .

# Leaflets with a QR code as PDFs, one A4 page each, for printing or email: site-leaflets/pdf/.
# (The HTML leaflets are in every build, at /leaflets/<short address>/ in each version.)
# `make leaflets PUBLISH=1` makes the QR codes lead to local.yml's site_url, as `make publish` does.
leaflets: setup node_modules/.installed /usr/bin/chromium
	$(if $(PUBLISH),CETR_PUBLISH=1 )$(VENV)/bin/mkdocs build --strict --site-dir site-leaflets/site
	$(PYTHON) -m scripts.leaflets_pdf site-leaflets/site site-leaflets/pdf

# Every page of every version as plain HTML, to paste into a Local Offer website's editor:
# export/index.html and export/<version>/<page>.html. Refuses example settings, like publish.
# export.links in local.yml chooses where links lead: the published guide, or the exported pages.
export: setup node_modules/.installed
	$(PYTHON) -m scripts.check --publish
	CETR_PUBLISH=1 $(VENV)/bin/mkdocs build --strict --site-dir site-export
	$(PYTHON) -m scripts.export site-export export

# Build time, page weight, and (with LIGHTHOUSE=1) Lighthouse scores: see README.md.
benchmark: setup browser-setup
	$(PYTHON) -m scripts.benchmark $(if $(LIGHTHOUSE),--lighthouse)
