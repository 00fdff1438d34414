# Rugzak — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
INSTANCE ?= $(CURDIR)/instance
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export RUGZAK_INSTANCE_PATH ?= $(INSTANCE)

TRANSLATIONS := rugzak/translations
CATALOGUES := $(wildcard $(TRANSLATIONS)/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)
BABEL_KEYWORDS := -k _l -k lazy_gettext -k lazy_ngettext:1,2
NLDS_CSS := rugzak/static/nlds/component-library.css

.PHONY: run test install install-test system-deps system-test-deps lint clean bench bench-load bench-insight translations wheel

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed setup.cfg
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The compiled catalogues (.mo) are build output, not in git: every install compiles them.
install: $(VENV)/.installed $(COMPILED) $(NLDS_CSS) system-deps

# The NL Design System's component CSS, from the npm registry as package-lock.json pins it,
# copied into the static files with its licence (EUPL-1.2).
$(NLDS_CSS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $@)
	cp node_modules/@utrecht/component-library-css/dist/index.css $@
	cp node_modules/@utrecht/component-library-css/LICENSE.md $(dir $@)LICENSE.md

%/LC_MESSAGES/messages.mo: %/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@

## Find every translatable text (babel.cfg), add new ones to each catalogue, compile.
## Then fill in the empty msgstr entries of rugzak/translations/*/LC_MESSAGES/messages.po.
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --width 100 \
	  --project Rugzak --copyright-holder "de gemeente" -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --width 100 -i $(TRANSLATIONS)/messages.pot \
	  -d $(TRANSLATIONS)
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

install-test: $(VENV)/.installed-test $(COMPILED) $(NLDS_CSS) system-deps system-test-deps

## A wheel in dist/ that runs without the checkout: templates and compiled catalogues inside.
wheel: $(VENV)/.installed $(COMPILED) $(NLDS_CSS)
	$(BIN)/pip wheel --quiet --no-deps -w dist .

## Serve the app with gunicorn on http://127.0.0.1:$(PORT), preparing instance/ first.
run: install
	$(BIN)/rugzak init
	$(BIN)/rugzak demo --if-empty
	@echo "Rugzak draait op http://127.0.0.1:$(PORT)  (stoppen: Ctrl+C)"
	RUGZAK_REQUIRE_MFA=$${RUGZAK_REQUIRE_MFA:-false} \
	  $(BIN)/gunicorn --workers 2 --bind 127.0.0.1:$(PORT) --access-logfile - \
	  --logger-class rugzak.serving.AccessLogWithoutSecrets "rugzak:create_app()"

## Install what the tests need (system packages too) and run the whole suite, on SQLite and
## then on a throwaway PostgreSQL cluster. The plain tests run in one process per core
## (pytest-xdist); those that serve the app (markers `browser`, `slow`) one at a time, and the
## browser tests only on SQLite: they test the pages, the `slow` ones the database too.
PYTEST := $(BIN)/python -m pytest
PLAIN := -n auto -m "not browser and not slow"
test: install-test lint
	$(PYTEST) $(PLAIN)
	$(PYTEST) -m "browser or slow"
	RUGZAK_TEST_POSTGRES=1 $(PYTEST) $(PLAIN)
	RUGZAK_TEST_POSTGRES=1 $(PYTEST) -m slow

# Debian packages WeasyPrint's wheel needs for the PDF report (Pango, HarfBuzz subsetting) and
# fonts; checked through the shared libraries, so an installed system needs no apt.
system-deps:
	@missing=""; \
	for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
	           libharfbuzz-subset.so.0:libharfbuzz-subset0; do \
	  /sbin/ldconfig -p | grep -q "$${lib%%:*}" || missing="$$missing $${lib#*:}"; \
	done; \
	ls /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf >/dev/null 2>&1 \
	  || missing="$$missing fonts-liberation"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Debian packages: PostgreSQL for the second run, Chromium for the browser tests.
system-test-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

RUFF_CONFIG := --line-length 100 --target-version py311 --select E,F,W,I,B \
	--extend-exclude rugzak/migrations

## Static checks (run as part of `make test`).
lint: install-test
	$(BIN)/ruff check $(RUFF_CONFIG) rugzak tests bench

clean:
	rm -rf $(VENV) build *.egg-info node_modules rugzak/static/nlds

## Search benchmark, then the load benchmark (figures go into the README); BENCH_SIZES="10000
## 100000" for both sizes (without it: the search benchmark at 10k, the load one at 100k).
bench: install
	$(BIN)/python bench/search.py
	$(BIN)/python bench/load.py

## Load benchmark: the search page and API under gunicorn at 10 and 50 clients, beside SQLite
## FTS5 on the same corpus (100k experiences; LOAD_SECONDS per case, default 30).
bench-load: install
	$(BIN)/python bench/load.py

## Shared pages benchmark: /inzicht, its API and the report (HTML, PDF) at 100k experiences.
bench-insight: install
	$(BIN)/python bench/insight.py
