# Two commands for a newcomer: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip -q --disable-pip-version-check
HOST ?= 127.0.0.1
PORT ?= 8000

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

test: $(VENV)/.installed-test ## Install the test tools and run the whole test suite
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
	rm -rf $(VENV) db.sqlite3 media static .admin-password

.PHONY: help install setup run test lint format messages clean
