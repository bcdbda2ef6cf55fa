# Journey Lens — two commands: `make serve` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

# Tools Trunk must find on PATH (Trunk.toml sets offline = true: it never downloads them).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WBG_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
# Trunk and wasm-bindgen-cli are built from crates.io once per machine, most of a cold
# `make test`. Their release profiles ask for fat LTO and one codegen unit (minutes of
# compiling for a tool whose own speed hardly matters here), so that is switched off; and
# they are built without TLS (Trunk runs offline, wasm-bindgen downloads nothing), which
# leaves out rustls and its C crypto code. Only the `wasm-bindgen` binary is installed.
TOOL_BUILD := CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve test setup setup-browser lint unit build e2e bench bench-smoke wasm-size clean-dist fuzz \
	dist-single summary test-duckdb test-spark warehouse-venv warehouse-spark setup-java bench-summary

## Install whatever is missing (idempotent, a few seconds when all is present).
setup: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.' || $(TOOL_BUILD) cargo install trunk --version '~0.21' --locked --no-default-features
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WBG_VERSION)' || $(TOOL_BUILD) cargo install wasm-bindgen-cli --version '$(WBG_VERSION)' --force --no-default-features --bin wasm-bindgen
	@wasm-opt --version | grep -q 'version 132' || { echo "wasm-opt from npm binaryen 132 missing"; exit 1; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

## Serve the app with live rebuilds on http://127.0.0.1:8080/. A development build (the
## `wasm-dev` profile: incremental, no LTO, no wasm-opt) into target/serve/, so a start or a
## rebuild takes seconds and dist/ only ever holds the release build of `make build`.
serve: setup
	@echo "Journey Lens: open http://127.0.0.1:8080/"
	trunk serve --dist target/serve --address 127.0.0.1 --port 8080

## Everything CI checks: format, lints, native tests, release build, browser tests.
test: setup setup-browser lint unit test-duckdb build e2e bench-smoke

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

unit:
	cargo test

build:
	trunk build --release
	@$(MAKE) --no-print-directory wasm-size

wasm-size:
	@for f in dist/*.wasm; do \
	  printf 'wasm: %s  %s bytes, %s bytes gzipped\n' "$$f" "$$(stat -c %s $$f)" "$$(gzip -9 -c $$f | wc -c)"; \
	done

## One self-contained HTML file that runs from file:// (wasm, JS, styles, sample inlined).
dist-single: setup build
	node .build/single.mjs dist dist-single

e2e:
	CHROMIUM=$(CHROMIUM) npx playwright test -c tests/e2e/playwright.config.mjs

## Browser benchmark vs PapaParse at 100 k and 1 M rows (3 runs each): bench/results.json.
bench: setup setup-browser build
	cargo bench --bench core
	CHROMIUM=$(CHROMIUM) node bench/run.mjs

## The same benchmark at 10 k rows, 1 run: fails only if something breaks or disagrees.
bench-smoke: setup setup-browser build
	CHROMIUM=$(CHROMIUM) node bench/run.mjs --smoke

## Coverage-guided fuzzing (AFL++), every target at once for FUZZ_SECONDS each; not part of
## `make test`. Outputs go to /tmp/afl-out-TARGET; see docs/reliability.md.
FUZZ_SECONDS ?= 1860
fuzz:
	@command -v cargo-afl >/dev/null || cargo install cargo-afl --version 0.18.2 --locked
	cd fuzz && cargo afl build --release && ./seeds.sh >/dev/null
	for t in csv json report; do fuzz/run.sh $$t $(FUZZ_SECONDS) & done; wait

## Summary feeds (docs/warehouse.md): DuckDB or Spark summarise events where they live.
## `make summary FILE=events.parquet|csv|json [ENGINE=duckdb|spark] [OUT=summary.json]
##  [META=meta.json] [WINDOWS=7,30]`; then open OUT in the app or `journey-lens report OUT`.
WAREHOUSE_VENV := target/warehouse-venv
ENGINE ?= duckdb
OUT ?= summary.json
WINDOWS ?=
META ?=

$(WAREHOUSE_VENV)/bin/python:
	python3 -m venv $(WAREHOUSE_VENV)

$(WAREHOUSE_VENV)/.duckdb: warehouse/requirements-duckdb.txt | $(WAREHOUSE_VENV)/bin/python
	$(WAREHOUSE_VENV)/bin/pip install -q -r $<
	@touch $@

$(WAREHOUSE_VENV)/.spark: warehouse/requirements-spark.txt | $(WAREHOUSE_VENV)/bin/python
	$(WAREHOUSE_VENV)/bin/pip install -q -r $<
	@touch $@

warehouse-venv: $(WAREHOUSE_VENV)/.duckdb
warehouse-spark: $(WAREHOUSE_VENV)/.spark setup-java

## Spark needs a Java runtime (17 from Debian).
setup-java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; }

summary: $(if $(filter spark,$(ENGINE)),warehouse-spark,warehouse-venv)
	@test -n "$(FILE)" || { echo "usage: make summary FILE=events.csv|parquet|json [ENGINE=duckdb|spark] [OUT=summary.json]"; exit 2; }
	$(WAREHOUSE_VENV)/bin/python warehouse/summary.py --engine $(ENGINE) --input "$(FILE)" --out "$(OUT)" \
	  $(if $(WINDOWS),--windows $(WINDOWS)) $(if $(META),--meta "$(META)")

## The DuckDB summary equals the raw events' report (samples and 100 k generated events).
test-duckdb: warehouse-venv
	nice -n 10 cargo test --test it summary_duckdb:: -- --ignored --test-threads 1

## The same with Spark in local mode (slow: not part of `make test`; result in the README).
test-spark: warehouse-spark
	@start=$$(date +%s); nice -n 10 cargo test --test it summary_spark:: -- --ignored --test-threads 1; \
	  echo "test-spark passed on $$(date -u +%Y-%m-%d) in $$(( $$(date +%s) - start )) s"

## DuckDB on 10 M generated events: time, peak memory, feed size; then the app's report.
bench-summary: warehouse-venv
	cargo build --release --bin journey-lens
	@test -f bench/data/journeys-10000000.csv || ./target/release/journey-lens generate --rows 10000000 --seed 42 > bench/data/journeys-10000000.csv
	/usr/bin/time -v $(WAREHOUSE_VENV)/bin/python warehouse/summary.py --engine duckdb \
	  --input bench/data/journeys-10000000.csv --windows 7,30 --out bench/data/summary-10000000.json 2>&1 \
	  | grep -E "→|Elapsed|Maximum resident"
	@ls -l bench/data/summary-10000000.json
	/usr/bin/time -v ./target/release/journey-lens report bench/data/summary-10000000.json 2>&1 >/dev/null \
	  | grep -E "Elapsed|Maximum resident"
