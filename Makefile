# Two commands for a newcomer: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip -q --disable-pip-version-check
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
# `make serve`: production settings on this machine (plain HTTP on a local address).
SERVE_ENV := DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY="$$(cat .secret-key)" \
	SECURE_SSL_REDIRECT=False SECURE_HSTS_SECONDS=0 WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT)

.DEFAULT_GOAL := help

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e . 2> >(grep -v "^WARNING: Location" >&2)
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e ".[test]" 2> >(grep -v "^WARNING: Location" >&2)
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the site

setup: install ## Install, migrate, load the demo content and make sure an admin exists
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin

run: setup ## Set up (as above) and serve on http://127.0.0.1:8000/ (admin at /admin/)
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# A secret made once for `make serve`, kept out of git (.gitignore).
.secret-key:
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: setup .secret-key ## Set up as `make run` does, then serve as production would: gunicorn, WORKERS (2) on HOST:PORT
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v0
	@echo "Serving with production settings and $(WORKERS) gunicorn workers on http://$(HOST):$(PORT)/"
	$(SERVE_ENV) exec $(VENV)/bin/gunicorn cms.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--access-logfile - --timeout 60

# The browser audits' tools (axe-core, pinned in package-lock.json), reinstalled when the lock
# file changes. Without npm the suite still runs; the axe test skips and says so.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	else echo "npm is not installed: the axe-core test will be skipped (apt-get install npm)"; fi

test: $(VENV)/.installed-test node_modules/.package-lock.json ## Install the test tools and run the whole test suite
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test ## Check style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test ## Reformat with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: ## Refresh and compile the interface translations (needs GNU gettext)
	$(PY) manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=static --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

clean: ## Remove the virtualenv, database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static .admin-password .secret-key

.PHONY: help install setup run serve test lint format messages clean
