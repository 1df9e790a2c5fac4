# Preventiewijzer: one content source, a site and a bot.
#   make run    set up, build, train if needed, serve site (:8000) and bot (:5005)
#   make test   set up, build, train if needed, run every test
SHELL := /bin/bash
.DEFAULT_GOAL := help

SITE_PYTHON ?= python3
SITE_VENV := .venv/site
BOT_VENV := .venv/bot
PW := $(SITE_VENV)/bin/python -m preventiewijzer
RASA := cd bot && RASA_TELEMETRY_ENABLED=false PYTHONPATH=. ../$(BOT_VENV)/bin/rasa
MODEL := bot/models/preventiewijzer.tar.gz
PORT ?= 8000
BOT_PORT ?= 5005
PIP_QUIET := --quiet --disable-pip-version-check

CONTENT := $(shell find content -type f 2>/dev/null)
# What the model is trained from: the Rasa project's own files and its NLU components. Serving and
# storage (bot/serving/: channel, tracker and lock store) are not in the model: no retraining.
BOT_SOURCES := bot/config.yml bot/domain/base.yml $(shell find bot/data/nlu bot/data/rules bot/components -type f -name '*.y*ml' -o -type f -name '*.py' 2>/dev/null)
# ...and the compiler that generates the training data from content/ (which CONTENT covers,
# with the bot's texts in content/bot.yml and the catalogues in content/locales/).
BOT_DATA_SOURCES := $(shell find compiler/preventiewijzer -name '*.py') pyproject.toml
# The test harness (tests/harness/): the bot server, the site server and the production stack.
HARNESS := PYTHONPATH=tests PW_RASA=$(abspath $(BOT_VENV)/bin/rasa) PW_MODEL=$(abspath $(MODEL)) $(SITE_VENV)/bin/python -m

.PHONY: help setup validate site folders translations bot-data messages train validate-bot run bot-server prod deploy retention test eval tune-answers bench-nlu bench-latency bench-site bench-load clean

help:
	@echo "make run          build everything and serve the site on :$(PORT) and the bot on :$(BOT_PORT)"
	@echo "make test         run every test (sets up what it needs)"
	@echo "make bot-server   start only the bot (REST channel) on BOT_PORT=$(BOT_PORT)"
	@echo "make prod         the production layout here: nginx, 2 Rasa instances, PostgreSQL, Redis"
	@echo "make deploy       render the deployment targets (Debian host, compose, Kubernetes) into build/deploy/"
	@echo "make validate     check the content; make site / make train build one part"

# --- environments -----------------------------------------------------------------------------
$(SITE_VENV)/.installed: pyproject.toml
	$(SITE_PYTHON) -m venv $(SITE_VENV)
	$(SITE_VENV)/bin/pip install $(PIP_QUIET) -e '.[test]' 2>&1 | grep -v 'is ignored' || true
	$(SITE_VENV)/bin/python -c 'import mkdocs, material, preventiewijzer, pytest'
	touch $@

$(BOT_VENV)/.installed: bot/requirements.txt bot/requirements-test.txt
	"$$(scripts/find-rasa-python)" -m venv $(BOT_VENV)
	$(BOT_VENV)/bin/pip install $(PIP_QUIET) -r bot/requirements.txt -r bot/requirements-test.txt 2>&1 | grep -v 'is ignored' || true
	$(BOT_VENV)/bin/python -c 'import rasa, pytest'
	touch $@

setup: $(SITE_VENV)/.installed $(BOT_VENV)/.installed

# --- content, site and bot data ---------------------------------------------------------------
validate: $(SITE_VENV)/.installed
	$(PW) validate

site: $(SITE_VENV)/.installed
	$(PW) site

folders: $(SITE_VENV)/.installed
	$(PW) folders

translations: $(SITE_VENV)/.installed
	$(PW) translations

bot-data: $(SITE_VENV)/.installed
	$(PW) bot-data

# Interface texts: collect every _() of code, templates and scripts, then update each catalogue in
# content/locales/ (new texts arrive empty, changed ones fuzzy: `make validate` lists both).
PYBABEL := $(SITE_VENV)/bin/pybabel
messages: $(SITE_VENV)/.installed
	mkdir -p build/locales
	$(PYBABEL) extract -F babel.cfg -k in_source_language --no-location --sort-output --width 100 --project Preventiewijzer -o build/locales/messages.pot . 2>&1 | grep -v "^extracting messages" || true
	$(PYBABEL) update -i build/locales/messages.pot -d content/locales --width 100 --ignore-obsolete

# Retrain only when content, bot sources or the generator changed.
$(MODEL): $(CONTENT) $(BOT_SOURCES) $(BOT_DATA_SOURCES) $(SITE_VENV)/.installed $(BOT_VENV)/.installed
	$(PW) bot-data
	$(RASA) train --fixed-model-name preventiewijzer --out models --domain domain --data data
	touch $@

train: $(MODEL)

validate-bot: bot-data $(BOT_VENV)/.installed
	$(RASA) data validate --domain domain --data data --fail-on-warnings

# --- running ----------------------------------------------------------------------------------
bot-server: $(MODEL)
	$(RASA) run --model models/preventiewijzer.tar.gz --port $(BOT_PORT) --interface 127.0.0.1 --cors "http://localhost:$(PORT)"

run: site $(MODEL)
	$(HARNESS) harness.serve --site build/site --port $(PORT) --bot-port $(BOT_PORT)

# The production layout on this machine (README, "Production layout"): nginx in front of
# INSTANCES `rasa run`, PostgreSQL and Redis, all on 127.0.0.1; PROD_PORT=0 picks a free port.
PROD_PORT ?= 0
INSTANCES ?= 2
prod: site $(MODEL)
	$(HARNESS) harness.prod --root build/prod --site build/site --port $(PROD_PORT) --instances $(INSTANCES)

# Every deployment target (README, "Deploy") from DEPLOY_SETTINGS into build/deploy/: a Debian host,
# containers with compose, Kubernetes (kustomize). `make test` renders and checks them all.
DEPLOY_SETTINGS ?= deploy/settings.yml
deploy: $(SITE_VENV)/.installed
	$(PW) deploy --settings $(DEPLOY_SETTINGS)

# Delete stored conversation events older than DAYS days (run daily while `make prod` runs).
DAYS ?= 30
retention: $(BOT_VENV)/.installed
	cd bot && SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=. ../$(BOT_VENV)/bin/python -m serving.retention --endpoints ../build/prod/endpoints.yml --days $(DAYS)

# --- tests ------------------------------------------------------------------------------------
# axe-core for the accessibility tests, from the npm registry; pinned, no lock file written.
AXE := .venv/node/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --silent --prefix .venv/node --no-save --no-package-lock --no-audit --no-fund axe-core@4.14.1

test: validate validate-bot $(MODEL) $(AXE)
	cd bot && SQLALCHEMY_SILENCE_UBER_WARNING=1 ../$(BOT_VENV)/bin/python -m pytest -q -p no:cacheprovider tests
	$(RASA) test core --model models/preventiewijzer.tar.gz --stories tests --fail-on-prediction-errors --out results/conversations
	PW_MODEL=$(abspath $(MODEL)) PW_RASA=$(abspath $(BOT_VENV)/bin/rasa) PW_AXE=$(abspath $(AXE)) \
	  $(SITE_VENV)/bin/python -m pytest -q

clean:
	rm -rf build bot/models bot/data/generated bot/answers bot/domain/generated.yml bot/.rasa bot/results

# --- benchmarks -------------------------------------------------------------------------------
DEV_QUESTIONS ?= ../shared/eval/dev-questions.tsv
EVAL := RASA_TELEMETRY_ENABLED=false PYTHONPATH=bot $(BOT_VENV)/bin/python bench/eval_nlu.py $(MODEL)
eval: $(MODEL) $(SITE_VENV)/.installed
	@echo "== Real questions (bench/real/): page, section, follow-ups, page context, out of scope, through a real rasa run"
	@$(SITE_VENV)/bin/python bench/answers.py --model $(MODEL)
	@echo "== 112 safety net: bench/safety/ and the ordinary questions, through a real rasa run"
	@$(SITE_VENV)/bin/python bench/safety.py --model $(MODEL) --emergency-rows bench/eval-questions.tsv $(DEV_QUESTIONS)
	@echo "== shared/eval/dev-questions.tsv"; $(EVAL) $(DEV_QUESTIONS) 2>/dev/null
	@echo "== bench/eval-questions.tsv (our held-out set)"; $(EVAL) bench/eval-questions.tsv 2>/dev/null
	@echo "== bench/new-topics-questions.tsv (the topics added in issue 12, held out)"; $(EVAL) bench/new-topics-questions.tsv 2>/dev/null
	@echo "== Rasa NLU cross-validation, 3 folds (report in bot/results/cross-validation/)"
	$(RASA) test nlu --nlu data --config config.yml --cross-validation --folds 3 --out results/cross-validation 2>&1 \
	  | grep -E "Intent evaluation results|(test|train) (F1-score|Accuracy)" || true

# The answer selector's settings, tried on the tuning half of bench/real/ only, e.g.
#   make tune-answers TUNE="context_weight=0.5,0.8 search_weight=0.3,0.5"
TUNE ?= context_weight=0.5,0.8
tune-answers: $(MODEL)
	cd bot && RASA_TELEMETRY_ENABLED=false PYTHONPATH=. ../$(BOT_VENV)/bin/python ../bench/tune_answers.py models/preventiewijzer.tar.gz $(TUNE) 2>/dev/null

# CPU per message of understanding, in process, with the two costs of issue 14 both ways.
bench-nlu: $(MODEL)
	cd bot && RASA_TELEMETRY_ENABLED=false PYTHONPATH=. ../$(BOT_VENV)/bin/python ../bench/nlu_cpu.py models/preventiewijzer.tar.gz 2>/dev/null

bench-latency: $(MODEL) site
	$(SITE_VENV)/bin/python bench/latency.py

bench-site: site
	$(SITE_VENV)/bin/python bench/site.py

bench-load: $(MODEL) site
	$(SITE_VENV)/bin/python bench/load.py
