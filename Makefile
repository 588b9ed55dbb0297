# The two set-up commands of the README, and the steps they share.
#   make demo   install everything, load the demo register and serve it on http://127.0.0.1:8000
#   make test   install everything, then lint and run the test suite
# Set DATABASE_URL=postgres://... to use PostgreSQL instead of the embedded SQLite file.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint

install:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@command -v npm >/dev/null || { echo "npm is needed to build the front end (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

demo: install
	$(BIN)/stocktake demo

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install lint
	$(BIN)/pytest
