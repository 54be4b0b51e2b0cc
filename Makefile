# Everyday commands. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_ORGANISATIONS ?= 55
PYTEST_ARGS ?=

.PHONY: install run setup test lint format messages bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) .env

# Local settings for a developer's machine: debug on, a random secret. Never overwritten.
.env:
	printf 'DEBUG=1\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

# Set up the embedded site (SQLite, eager Celery, demo data) and serve it.
setup: install
	DEBUG=1 $(PY) manage.py compile_translations
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --organisations $(DEMO_ORGANISATIONS) --seed 1
	DEBUG=1 $(PY) manage.py recompute_suggestions
	DEBUG=1 $(PY) manage.py ensure_facilitator

run: setup
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

CHROMIUM ?= $(shell command -v chromium || echo /usr/bin/chromium)

# The suite, then the journeys in a real browser (tests/browser) when Chromium is installed.
test: install
	COEXIST_TESTING=1 $(PY) manage.py compile_translations
	$(PY) -m pytest -q -n 2 --ignore=tests/browser $(PYTEST_ARGS)
	@if [ -x "$(CHROMIUM)" ]; then \
	  echo "== browser journeys (Chromium at $(CHROMIUM))"; \
	  CHROMIUM_PATH=$(CHROMIUM) COEXIST_TEST_DB_ON_DISK=1 $(PY) -m pytest -q -n 2 tests/browser $(PYTEST_ARGS); \
	else \
	  echo "== browser journeys SKIPPED: no Chromium at $(CHROMIUM) (apt install chromium; CI installs it)"; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	DEBUG=1 $(PY) manage.py makemessages -l fr -l en --no-obsolete --ignore=.venv --ignore=var --ignore=bench --ignore=tests
	DEBUG=1 $(PY) manage.py compile_translations

bench: install
	$(PY) bench/directory.py

clean:
	rm -rf var
